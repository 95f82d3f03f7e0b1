"""The account form: fields from the registry, required marks, inline errors that keep what was typed; secrets."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from cmdesk.channels.accounts import Account
from cmdesk.desk import Desk
from tests.ui.accounts.conftest import TOKEN
from ui.accounts.account_dialog import AccountDialog, SecretDialog, field_named_in
from ui.bridge import DeskBridge


@pytest.fixture
def dialog(abridge: DeskBridge, qtbot: Any) -> AccountDialog:
    d = AccountDialog(abridge)
    qtbot.addWidget(d)
    return d


def form_rows(d: AccountDialog) -> list[tuple[str, str]]:
    """(label, object name) of each setting field, in form order."""
    layout = d.settings_box.layout()
    assert isinstance(layout, QFormLayout)
    rows = []
    for key, widget in d.fields.items():
        label = layout.labelForField(widget)
        assert isinstance(label, QLabel)
        rows.append((label.text(), widget.objectName()))
        assert widget.objectName() == f"setting_{key}"
    return rows


def choose(d: AccountDialog, kind: str) -> None:
    d.kind.setCurrentIndex(d.kind.findData(kind))


def type_in(d: AccountDialog, **values: str) -> None:
    for key, value in values.items():
        widget = d.fields[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(value)


def shown_errors(d: AccountDialog) -> dict[str, str]:
    found = {key: label.text() for key, label in d.errors.items() if not label.isHidden()}
    if not d.message.isHidden():
        found["form"] = d.message.text()
    return found


def save_and_wait(d: AccountDialog, qtbot: Any) -> None:
    d.save()
    qtbot.waitUntil(d.save_button.isEnabled, timeout=5000)


def test_the_form_shows_the_settings_of_the_chosen_kind_required_first(dialog: AccountDialog) -> None:
    choose(dialog, "facebook")
    facebook = form_rows(dialog)
    choose(dialog, "email")
    email = form_rows(dialog)
    choose(dialog, "discourse")
    discourse = form_rows(dialog)
    choose(dialog, "file")
    assert facebook == [
        ("Facebook page ID *:", "setting_page_id"),
        ("Sync every:", "setting_sync_interval_s"),
        ("Country (ISO code):", "setting_country"),
        ("API address:", "setting_base_url"),
    ]
    assert email == [
        ("E-mail address *:", "setting_address"),
        ("IMAP server *:", "setting_imap_host"),
        ("Sync every:", "setting_sync_interval_s"),
        ("Country (ISO code):", "setting_country"),
        ("API address:", "setting_base_url"),
        ("IMAP port:", "setting_imap_port"),
        ("SMTP server:", "setting_smtp_host"),
        ("SMTP port:", "setting_smtp_port"),
        ("User name:", "setting_username"),
        ("Mailbox folder:", "setting_mailbox"),
        ("Sent folder:", "setting_sent_mailbox"),
        ("Security:", "setting_security"),
    ]
    assert discourse[:2] == [("API address *:", "setting_base_url"), ("User name *:", "setting_username")]
    assert form_rows(dialog) == [("Country (ISO code):", "setting_country")]
    assert isinstance(dialog.fields["country"], QLineEdit)


def test_missing_required_fields_are_marked_and_nothing_is_saved(dialog: AccountDialog, desk: Desk, qtbot: Any) -> None:
    choose(dialog, "email")
    type_in(dialog, address="pv@novalind.example", smtp_host="smtp.novalind.example")
    dialog.save()
    assert shown_errors(dialog) == {"name": "This field is required.", "imap_host": "This field is required."}
    assert desk.accounts.list() == []
    assert dialog.values()["address"] == "pv@novalind.example"
    assert dialog.values()["smtp_host"] == "smtp.novalind.example"


def test_a_core_error_shows_beside_its_field_and_keeps_every_value(
    dialog: AccountDialog, desk: Desk, qtbot: Any
) -> None:
    choose(dialog, "email")
    dialog.name.setText("PV mailbox")
    type_in(dialog, address="pv@novalind.example", imap_host="imap.novalind.example", imap_port="nine")
    interval = dialog.fields["sync_interval_s"]
    assert isinstance(interval, QSpinBox)
    interval.setValue(120)
    save_and_wait(dialog, qtbot)
    assert shown_errors(dialog) == {"imap_port": "the setting imap_port must be a whole number, not 'nine'"}
    assert desk.accounts.list() == []
    assert (dialog.name.text(), dialog.values()) == (
        "PV mailbox",
        {
            "address": "pv@novalind.example",
            "imap_host": "imap.novalind.example",
            "sync_interval_s": 120,
            "country": "",
            "base_url": "",
            "imap_port": "nine",
            "smtp_host": "",
            "smtp_port": "",
            "username": "",
            "mailbox": "",
            "sent_mailbox": "",
            "security": "",
        },
    )

    saved: list[Account] = []
    dialog.saved.connect(saved.append)
    type_in(dialog, imap_port="993")
    security = dialog.fields["security"]
    assert isinstance(security, QComboBox)
    security.setCurrentIndex(security.findData("tls"))
    save_and_wait(dialog, qtbot)
    assert shown_errors(dialog) == {}
    [account] = saved
    assert (account.name, account.kind, account.settings, account.sync_interval_s) == (
        "PV mailbox",
        "email",
        {"address": "pv@novalind.example", "imap_host": "imap.novalind.example", "imap_port": 993, "security": "tls"},
        120,
    )
    assert desk.accounts.get("PV mailbox") == account


def test_a_taken_name_is_reported_at_the_name(dialog: AccountDialog, desk: Desk, qtbot: Any) -> None:
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    choose(dialog, "youtube")
    dialog.name.setText("Novalind TV")
    type_in(dialog, channel_id="UC2")
    save_and_wait(dialog, qtbot)
    assert shown_errors(dialog) == {"name": "an account named 'Novalind TV' already exists"}
    assert dialog.values()["channel_id"] == "UC2"


def test_switching_the_kind_keeps_what_was_typed(dialog: AccountDialog) -> None:
    choose(dialog, "facebook")
    type_in(dialog, page_id="104200001", country="DE")
    choose(dialog, "youtube")
    type_in(dialog, channel_id="UC1")
    choose(dialog, "instagram")
    assert (dialog.values()["page_id"], dialog.values()["country"]) == ("104200001", "DE")
    choose(dialog, "youtube")
    assert dialog.values()["channel_id"] == "UC1"


def test_editing_changes_settings_and_an_emptied_field_removes_its_setting(
    abridge: DeskBridge, desk: Desk, qtbot: Any
) -> None:
    account = desk.accounts.add("facebook", "Novalind DE", {"page_id": "111", "country": "DE"})
    d = AccountDialog(abridge, account=account)
    qtbot.addWidget(d)
    assert (d.kind.isEnabled(), d.name.isEnabled(), d.current_kind(), d.name.text()) == (
        False,
        False,
        "facebook",
        "Novalind DE",
    )
    assert d.values() == {"page_id": "111", "sync_interval_s": 300, "country": "DE", "base_url": ""}
    type_in(d, page_id="", country="")
    save_and_wait(d, qtbot)
    assert shown_errors(d) == {"page_id": "This field is required."}  # still open, nothing lost
    type_in(d, page_id="112")
    with qtbot.waitSignal(d.saved, timeout=5000):
        d.save()
    changed = desk.accounts.get("Novalind DE")
    assert (changed.settings, changed.sync_interval_s) == ({"page_id": "112"}, 300)


def test_field_named_in_matches_whole_words_only() -> None:
    keys = ["page_id", "username", "name"]
    assert [
        field_named_in("a facebook account needs the setting(s): page_id", keys),
        field_named_in("an account named 'x' already exists", keys),
        field_named_in("the setting username needs a value", keys),
        field_named_in("the disk is full", keys),
    ] == ["page_id", "name", "username", None]


def test_the_secret_is_typed_hidden_kept_in_the_keyring_and_never_in_the_desk(
    abridge: DeskBridge, desk: Desk, qtbot: Any
) -> None:
    account = desk.accounts.add("facebook", "Novalind DE", {"page_id": "111"})
    d = SecretDialog(abridge, account)
    qtbot.addWidget(d)
    assert d.secret.echoMode() == QLineEdit.EchoMode.Password
    d.save()
    assert d.message.text() == "Enter the token or password."
    d.secret.setText(TOKEN)
    with qtbot.waitSignal(d.saved, timeout=5000):
        d.save()
    assert desk.accounts.secret(account.id) == TOKEN
    assert d.secret.text() == ""
    texts = [w.text() for w in d.findChildren(QWidget) if isinstance(w, (QLabel, QLineEdit))]
    assert not any(TOKEN in t for t in texts)
    with open(desk.path, "rb") as fh:
        assert TOKEN.encode() not in fh.read()
