"""The author panel on a real encrypted desk: type and reasons, override, merges, notes, tags, timeline, clearing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cmdesk.desk import Desk
from cmdesk.ingest import ingest
from cmdesk.model import AuthorType, IncomingMessage, MessageKind
from tests.conftest import NOW
from ui.author.panel import AuthorPanel
from ui.author.timeline import TEXT
from ui.bridge import DeskBridge


def post(
    desk: Desk,
    text: str,
    *,
    account_id: int = 1,
    author: str = "fb-100",
    name: str = "Jürgen Schäfer",
    handle: str | None = None,
    at: datetime = NOW,
) -> tuple[int, int]:
    """Ingest one message; returns (message id, person id)."""
    item = IncomingMessage(
        external_id=f"{account_id}-{author}-{at.isoformat()}-{len(text)}",
        kind=MessageKind.COMMENT,
        text=text,
        created_at=at,
        author_external_id=author,
        author_name=name,
        author_handle=handle,
    )
    with desk.store.transaction() as conn:
        result = ingest(conn, account_id=account_id, items=[item], analyzer=desk.analyzer, now=at)
    [person] = result.person_ids
    return result.message_ids[0], person


@pytest.fixture
def panel(pbridge: DeskBridge, qtbot: Any) -> Iterator[AuthorPanel]:
    parent = QWidget()
    qtbot.addWidget(parent)
    widget = AuthorPanel(pbridge, parent)
    widget.resize(420, 320)  # its share of the right-hand splitter at 1366×768
    parent.show()
    yield widget


def show(panel: AuthorPanel, qtbot: Any, person_id: int) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show_person(person_id)


def after(panel: AuthorPanel, qtbot: Any, act: Any) -> None:
    """Run a panel action and wait until the reloaded person is on screen."""
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        act()


def merged_pair(desk: Desk) -> tuple[int, int]:
    """Jürgen on Facebook (home) and on Instagram (suggested to join him); returns (home, instagram) persons."""
    post(desk, "Danke für die schnelle Antwort!", at=NOW - timedelta(days=3))
    _, home = post(desk, "Cardiolin hilft mir sehr.", at=NOW - timedelta(days=1))
    _, insta = post(desk, "Wann kommt die neue Packung?", account_id=2, author="ig-7", handle="juergen")
    assert desk.people.suggest_merges() == 1
    return home, insta


def test_shows_name_type_reasons_and_counts(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    _, person = post(pdesk, "Wie nehme ich Cardiolin richtig ein?", at=NOW - timedelta(days=2))

    show(panel, qtbot, person)

    assert panel.stack.currentWidget() is panel.content
    assert (panel.header.name_label.text(), panel.header.badge.text()) == ("Jürgen Schäfer", "Newcomer")
    assert panel.header.reasons_label.text() == "\u2022 Only 1 message from this author so far."
    assert panel.header.counts_label.text() == "1 message · first seen 2026-11-22 · last seen 2026-11-22"
    assert panel.header.override_note.isHidden()
    assert [panel.tabs.tabText(i) for i in range(3)] == ["History (1)", "Identities (1)", "Notes (0)"]


def test_an_override_changes_the_badge_is_stored_and_can_be_handed_back(
    pdesk: Desk, panel: AuthorPanel, qtbot: Any
) -> None:
    _, person = post(pdesk, "Wie nehme ich Cardiolin richtig ein?")
    show(panel, qtbot, person)

    qtbot.mouseClick(panel.header.override_button, Qt.MouseButton.LeftButton)
    assert panel.header.override_row.isVisible()
    panel.header.override_combo.setCurrentIndex(panel.header.override_combo.findData("troll"))
    panel.header.override_reason.setText("Beleidigt auf vier Kanälen")
    after(panel, qtbot, panel.header.apply_override.click)

    assert (panel.header.badge.text(), panel.header.override_note.text()) == (
        "Troll",
        "Set by the team. cmdesk's own judgement: Newcomer.",
    )
    assert (panel.header.override_row.isVisible(), panel.header.override_reason.text()) == (False, "")
    assert pdesk.people.profile(person).person.author_type_override == AuthorType.TROLL

    panel.header.override_combo.setCurrentIndex(panel.header.override_combo.findData(None))
    after(panel, qtbot, panel.header.apply_override.click)

    assert (panel.header.badge.text(), panel.header.override_note.isHidden()) == ("Newcomer", True)
    assert pdesk.people.profile(person).person.author_type_override is None


def test_confirming_a_merge_moves_the_identity_to_the_person(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    home, _insta = merged_pair(pdesk)
    show(panel, qtbot, home)
    [suggestion] = pdesk.people.profile(home).suggestions
    assert list(panel.identities.confirm_buttons) == [suggestion.id]
    assert panel.tabs.tabText(1) == "Identities (1) +1"

    after(panel, qtbot, panel.identities.confirm_buttons[suggestion.id].click)

    profile = pdesk.people.profile(home)
    assert [(i.account, i.messages) for i in profile.identities] == [
        ("Novalind DE Facebook", 2),
        ("Novalind Instagram", 1),
    ]
    assert profile.suggestions == ()
    assert sorted(panel.identities.split_buttons) == sorted(i.author_id for i in profile.identities)
    assert (panel.identities.confirm_buttons, panel.tabs.tabText(1)) == ({}, "Identities (2)")
    assert len(panel.timeline.message_ids()) == 3


def test_confirming_from_the_identity_side_follows_it_to_its_new_person(
    pdesk: Desk, panel: AuthorPanel, qtbot: Any
) -> None:
    home, insta = merged_pair(pdesk)
    show(panel, qtbot, insta)
    [sid] = panel.identities.confirm_buttons

    after(panel, qtbot, panel.identities.confirm_buttons[sid].click)

    assert (panel.person_id, len(pdesk.people.profile(home).identities)) == (home, 2)


def test_rejecting_removes_the_suggestion(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    home, _insta = merged_pair(pdesk)
    show(panel, qtbot, home)
    [sid] = panel.identities.confirm_buttons

    after(panel, qtbot, panel.identities.reject_buttons[sid].click)

    assert (panel.identities.confirm_buttons, pdesk.people.profile(home).suggestions) == ({}, ())
    assert len(pdesk.people.profile(home).identities) == 1


def test_splitting_off_a_wrongly_merged_identity(
    pdesk: Desk, panel: AuthorPanel, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, _insta = merged_pair(pdesk)
    [suggestion] = pdesk.people.profile(home).suggestions
    pdesk.people.confirm_merge(suggestion.id)
    show(panel, qtbot, home)
    asked: list[tuple[str, str]] = []

    def confirm(name: str, account: str) -> bool:
        asked.append((name, account))
        return True

    monkeypatch.setattr(panel, "confirm_split", confirm)

    after(panel, qtbot, panel.identities.split_buttons[suggestion.author_id].click)

    assert asked == [("Jürgen Schäfer", "Novalind Instagram")]
    assert [i.account for i in pdesk.people.profile(home).identities] == ["Novalind DE Facebook"]
    assert [b.isEnabled() for b in panel.identities.split_buttons.values()] == [False]


def test_a_note_is_added_and_a_failed_one_stays_in_the_field(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    _, person = post(pdesk, "Meine Mutter nimmt Cardiolin.")
    show(panel, qtbot, person)

    panel.notes.field.setPlainText("Schreibt für seine Mutter")
    after(panel, qtbot, panel.notes.add_button.click)

    assert (panel.notes.texts, panel.notes.field.toPlainText()) == (["Schreibt für seine Mutter"], "")
    assert [n.text for n in pdesk.people.profile(person).notes] == ["Schreibt für seine Mutter"]

    too_long = "x" * 4001
    panel.notes.field.setPlainText(too_long)
    panel.notes.add_button.click()
    qtbot.waitUntil(lambda: not panel.error_label.isHidden(), timeout=10_000)

    assert panel.error_label.text() == "Adding the note failed: a note holds at most 4000 characters (4001 given)"
    assert panel.notes.field.toPlainText() == too_long


def test_a_draft_note_survives_switching_to_another_person_and_back(
    pdesk: Desk, panel: AuthorPanel, qtbot: Any
) -> None:
    _, first = post(pdesk, "Hallo", author="a1", name="Erika Muster")
    _, second = post(pdesk, "Hallo", author="a2", name="Max Muster")
    show(panel, qtbot, first)
    panel.notes.field.setPlainText("halb geschrieben")

    show(panel, qtbot, second)
    assert panel.notes.field.toPlainText() == ""
    show(panel, qtbot, first)

    assert panel.notes.field.toPlainText() == "halb geschrieben"


def test_tags_are_added_and_removed_as_chips(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    _, person = post(pdesk, "Hallo")
    show(panel, qtbot, person)

    panel.tags.field.setText("  Pflegender   Angehöriger ")
    after(panel, qtbot, lambda: qtbot.keyClick(panel.tags.field, Qt.Key.Key_Return))

    assert (panel.tags.tags(), panel.tags.field.text()) == (["Pflegender Angehöriger"], "")
    assert pdesk.people.profile(person).tags == ("Pflegender Angehöriger",)

    after(panel, qtbot, panel.tags.remove_buttons["Pflegender Angehöriger"].click)

    assert (panel.tags.tags(), pdesk.people.profile(person).tags) == ([], ())


def test_a_hostile_display_name_and_text_show_literally(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    _, person = post(pdesk, "<img src=x> <i>hi</i>", name="<b>x</b>")

    show(panel, qtbot, person)

    assert (panel.header.name_label.text(), panel.header.name_label.textFormat()) == (
        "<b>x</b>",
        Qt.TextFormat.PlainText,
    )
    model = panel.timeline.timeline_model
    cell = model.index(0, TEXT)
    assert (model.data(cell), model.data(cell, Qt.ItemDataRole.ToolTipRole)) == (
        "<img src=x> <i>hi</i>",
        "<qt>Novalind DE Facebook<br>&lt;img src=x&gt; &lt;i&gt;hi&lt;/i&gt;</qt>",
    )


def test_show_person_none_and_locking_clear_the_panel(
    pdesk: Desk, pbridge: DeskBridge, panel: AuthorPanel, qtbot: Any
) -> None:
    _, person = post(pdesk, "Hallo")
    show(panel, qtbot, person)

    panel.show_person(None)

    assert panel.stack.currentWidget() is panel.empty_label
    assert (panel.person_id, panel.data, panel.header.name_label.text(), panel.header.badge.text()) == (
        None,
        None,
        "",
        "",
    )
    assert (panel.timeline.message_ids(), panel.identities.split_buttons, panel.chart.points) == ([], {}, ())

    show(panel, qtbot, person)
    panel.notes.field.setPlainText("Entwurf")
    pbridge.lock()

    assert (panel.person_id, panel.header.name_label.text(), panel.notes.field.toPlainText()) == (None, "", "")
    assert panel.empty_label.text() == "Select a message to see who wrote it."


def test_activating_a_timeline_item_emits_its_message_id(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    first, person = post(pdesk, "Erste Nachricht", at=NOW - timedelta(days=2))
    second, _ = post(pdesk, "Zweite Nachricht", at=NOW - timedelta(days=1))
    show(panel, qtbot, person)
    assert panel.timeline.message_ids() == [second, first]

    panel.timeline.setFocus()
    panel.timeline.setCurrentIndex(panel.timeline.timeline_model.index(1, TEXT))
    with qtbot.waitSignal(panel.message_activated, timeout=2_000) as signal:
        qtbot.keyClick(panel.timeline, Qt.Key.Key_Return)

    assert signal.args == [first]


def test_the_mood_chart_gets_the_persons_weekly_trend(pdesk: Desk, panel: AuthorPanel, qtbot: Any) -> None:
    _, person = post(pdesk, "Cardiolin ist großartig, vielen Dank!", at=NOW - timedelta(days=8))
    post(pdesk, "Schlechter Service, ich bin sehr enttäuscht.", at=NOW - timedelta(days=1))

    show(panel, qtbot, person)

    assert panel.chart.points == tuple(pdesk.people.mood_trend(person))
    assert len(panel.chart.points) == 2


def test_the_timeline_model_is_a_well_behaved_qt_model(
    pdesk: Desk, panel: AuthorPanel, qtbot: Any, qtmodeltester: Any
) -> None:
    _, person = post(pdesk, "Ich habe Ausschlag von Cardiolin bekommen.", at=NOW - timedelta(days=1))
    post(pdesk, "Danke für die Hilfe!")
    show(panel, qtbot, person)
    model = panel.timeline.timeline_model

    qtmodeltester.check(model)

    pv = [model.data(model.index(row, 3)) for row in range(model.rowCount())]
    assert pv == ["", "PV"]  # newest first: the thank-you, then the rash
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ToolTipRole) == "<qt>Suspected adverse event</qt>"
