"""Core errors in the German window: every template raised in cmdesk/ has German, and dialogs show it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cmdesk.channels.errors import missing_settings, unknown_setting, unsupported_action
from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput, NotFound, ReconnectNeeded, TransientChannelError, UserError, WrongKey
from cmdesk.model import ChannelKind, OutboxAction
from cmdesk.paths import resource_path
from tests.ui.conftest import NOW
from tests.ui.test_i18n import update_translations
from ui import i18n
from ui.bridge import DeskBridge
from ui.desk_life.unlock import UnlockDialog
from ui.error_text import error_text, stored_error_text

PASSPHRASE = "correct horse battery"


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    assert i18n.install("de") is True
    yield
    i18n.install("en")


def test_every_error_template_in_the_sources_has_usable_german() -> None:
    script = update_translations()
    templates = script.error_templates()
    german = script.load_dictionary(script.STRINGS)
    messages = [script.Message("errors", template, False) for template in templates]
    problems = [(m.source, why) for m in messages if (why := script.check(m, script.lookup(german, m))) is not None]
    assert len(templates) > 150
    assert {"wrong passphrase for {label}", "there is no message {message_id}"} <= set(templates)
    assert problems == []


def test_the_shipped_template_list_and_catalogue_hold_every_template() -> None:
    script = update_translations()
    templates = script.error_templates()
    shipped = json.loads(resource_path("translations/error_templates.json").read_text(encoding="utf-8"))
    in_ts = {m.source for m in script.messages(script.TS) if m.context == "errors"}
    assert (shipped, sorted(in_ts)) == (templates, templates)


@pytest.fixture(scope="module")
def catalogue() -> tuple[Any, set[str], dict[str, Any]]:
    """The catalogue script, the templates it extracts and the German dictionary (parsing the sources once)."""
    script = update_translations()
    return script, set(script.error_templates()), script.load_dictionary(script.STRINGS)


def usable_german(catalogue: tuple[Any, set[str], dict[str, Any]], err: UserError) -> str | None:
    """Why the window could not translate ``err`` (None when its template is extracted and has usable German)."""
    script, templates, german = catalogue
    if err.template not in templates:
        return "not extracted"
    message = script.Message("errors", err.template, False)
    why: str | None = script.check(message, script.lookup(german, message))
    return why


REFUSED_IN_GERMAN = {
    OutboxAction.REPLY: ("YouTube kann keine Antworten posten.", "Per E-Mail lassen sich keine Antworten posten."),
    OutboxAction.PRIVATE_REPLY: (
        "YouTube kann keine privaten Antworten senden.",
        "Per E-Mail lassen sich keine privaten Antworten senden.",
    ),
    OutboxAction.HIDE: (
        "YouTube kann keine Kommentare ausblenden.",
        "Per E-Mail lassen sich keine Kommentare ausblenden.",
    ),
    OutboxAction.UNHIDE: (
        "YouTube kann keine Kommentare wieder einblenden.",
        "Per E-Mail lassen sich keine Kommentare wieder einblenden.",
    ),
    OutboxAction.SET_MODERATION: (
        "YouTube kann keinen Moderationsstatus setzen.",
        "Per E-Mail lässt sich kein Moderationsstatus setzen.",
    ),
    OutboxAction.EMAIL: ("YouTube kann keine E-Mails senden.", "Diese E-Mail lässt sich nicht senden."),
}


@pytest.mark.parametrize("action", list(OutboxAction))
def test_a_refused_action_is_a_whole_german_sentence_without_the_action_value(
    german: None, catalogue: tuple[Any, set[str], dict[str, Any]], action: OutboxAction
) -> None:
    errors = [unsupported_action(ChannelKind.YOUTUBE, action), unsupported_action(ChannelKind.EMAIL, action)]
    assert [(usable_german(catalogue, err), error_text(err)) for err in errors] == [
        (None, REFUSED_IN_GERMAN[action][0]),
        (None, REFUSED_IN_GERMAN[action][1]),
    ]


@pytest.mark.parametrize("kind", [k for k in ChannelKind if k is not ChannelKind.FILE])
def test_every_connector_kind_refuses_every_action_in_translatable_sentences(
    catalogue: tuple[Any, set[str], dict[str, Any]], kind: ChannelKind
) -> None:
    assert {a: usable_german(catalogue, unsupported_action(kind, a)) for a in OutboxAction} == dict.fromkeys(
        OutboxAction
    )


def test_setting_errors_name_the_kind_in_german_words(german: None) -> None:
    errors = [
        unknown_setting("email", key="page_id", allowed=("address",)),
        unknown_setting("file", key="page_id", allowed=("country",)),
        missing_settings("facebook", ["page_id"]),
        missing_settings("email", ["imap_host"]),
    ]
    assert [error_text(err) for err in errors] == [
        "Ein E-Mail-Konto hat keine Einstellung 'page_id'; möglich sind: address",
        "Ein Dateiimport hat keine Einstellung 'page_id'; möglich sind: country",
        "Ein Facebook-Konto braucht die Einstellung(en): page_id",
        "Ein E-Mail-Konto braucht die Einstellung(en): imap_host",
    ]


def test_the_german_unlock_dialog_says_wrong_passphrase_in_german(german: None, tmp_path: Path, qtbot: Any) -> None:
    desk = Desk.create(
        tmp_path / "pass.cmdesk", mode="passphrase", passphrase=PASSPHRASE, clock=FixedClock(NOW), agent="Anna Berger"
    )
    bridge = DeskBridge(desk)
    try:
        bridge.lock()
        dialog = UnlockDialog(store_label=desk.path.name, try_unlock=lambda p: bridge.unlock(passphrase=p))
        qtbot.addWidget(dialog)
        dialog.passphrase.setText("wrong")
        dialog.accept()
        assert (dialog.error.text(), dialog.error.isHidden(), desk.is_locked) == (
            f"Falsche Passphrase für {desk.path}",
            False,
            True,
        )
    finally:
        bridge.close()
        desk.close()


def test_a_not_found_from_the_core_is_german_in_the_window_and_english_for_the_cli(
    german: None, bridge: DeskBridge
) -> None:
    with pytest.raises(NotFound) as info:
        bridge.desk.messages.detail(987_654)
    assert (error_text(info.value), str(info.value)) == (
        "Es gibt keine Nachricht 987654",
        "there is no message 987654",
    )


def test_an_english_window_shows_the_english_text(qapp: Any) -> None:
    err = WrongKey("wrong passphrase for {label}", label="desk.cmdesk")
    assert error_text(err) == "wrong passphrase for desk.cmdesk"


def test_an_unexpected_error_shows_its_type_untranslated(german: None) -> None:
    assert error_text(KeyError("id")) == "KeyError: 'id'"


def test_every_error_gives_a_whole_line_and_one_without_text_its_type_alone(qapp: Any) -> None:
    errors: list[BaseException] = [
        NotFound("there is no message {message_id}", message_id=7),
        TimeoutError(),
        OSError("disk full"),
    ]
    assert [error_text(err) for err in errors] == [
        "there is no message 7",
        "TimeoutError",
        "OSError: disk full",
    ]


def test_a_state_is_part_of_the_sentence_so_the_german_window_has_no_english_state_word(german: None) -> None:
    errors = [
        InvalidInput("this suggestion was already confirmed"),
        InvalidInput("case {case} is still a draft; mark it as ready first", case="CMD-2026-000001"),
    ]
    assert [error_text(err) for err in errors] == [
        "Dieser Vorschlag wurde bereits bestätigt",
        "Fall CMD-2026-000001 ist noch ein Entwurf; markieren Sie ihn zuerst als bereit",
    ]


def test_an_untranslatable_message_is_shown_as_raised(german: None) -> None:
    err: UserError = ReconnectNeeded("The token of Acme expired")  # not a template from the sources
    assert error_text(err) == "The token of Acme expired"


def test_stored_error_texts_are_german_when_they_match_a_template(german: None) -> None:
    stored = [
        str(
            TransientChannelError(
                "cannot reach the mail server {host}: {reason}", host="imap.acme.de", reason="timed out"
            )
        ),
        str(InvalidInput("{account!r} is paused; resume it first (`cmdesk accounts resume`)", account="Forum")),
        "the secret is empty",
        "(#100) The comment was deleted by its author",
        "",
    ]
    assert [stored_error_text(text) for text in stored] == [
        "Der Mailserver imap.acme.de ist nicht erreichbar: timed out",
        "'Forum' ist pausiert; setzen Sie es zuerst fort (`cmdesk accounts resume`)",
        "Die Zugangsdaten sind leer",
        "(#100) The comment was deleted by its author",
        "",
    ]


def test_stored_error_texts_stay_english_in_the_english_window(qapp: Any) -> None:
    assert stored_error_text("cannot reach the mail server imap.acme.de: timed out") == (
        "cannot reach the mail server imap.acme.de: timed out"
    )


def test_a_channels_own_words_that_look_like_a_short_template_stay_as_stored(german: None) -> None:
    # "{file} is empty" and "{label} is locked" are templates, but here they are nearly all the stored values
    stored = ["The inbox is empty", "User account is locked", "x" * 600 + " is empty"]
    assert [stored_error_text(text) for text in stored] == stored


def test_a_translation_that_breaks_on_its_params_falls_back_to_english(german: None) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Broken(QTranslator):
        def translate(self, context: str, source: str, disambiguation: object = None, n: int = -1) -> str:
            return "kaputt {message_id.attr}" if context == "errors" else ""

    broken = Broken()
    QCoreApplication.installTranslator(broken)
    try:
        text = error_text(NotFound("there is no message {message_id}", message_id=7))
    finally:
        QCoreApplication.removeTranslator(broken)
    assert text == "there is no message 7"
