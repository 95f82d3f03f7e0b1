"""The message pane on a real store: plain text only, marked evidence, safe links, thread, markers, outbox."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QPushButton

from cmdesk.channels.base import Delivery, OutgoingAction, Page
from cmdesk.channels.outbox import OutboxItem
from cmdesk.desk import Desk
from cmdesk.errors import ChannelError
from cmdesk.ingest import ingest
from cmdesk.model import Attachment, Direction, IncomingMessage, MessageKind, OutboxState, Status
from cmdesk.store import messages as message_sql
from cmdesk.store.codec import to_json
from tests.conftest import NOW
from tests.unit.conftest import MakeMessage
from ui.bridge import DeskBridge
from ui.message import document
from ui.message.pane import MessagePane
from ui.message.thread_view import CURRENT_BACKGROUND, local_time


@pytest.fixture
def pane(tdesk: Desk, qtbot: Any) -> Iterator[MessagePane]:
    bridge = DeskBridge(tdesk)
    widget = MessagePane(bridge, None)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    yield widget
    bridge.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Addresses handed to the system browser (never really opened in tests)."""
    calls: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        calls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return calls


def show(pane: MessagePane, qtbot: Any, message_id: int) -> None:
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.show_message(message_id)


def store(desk: Desk, *items: IncomingMessage) -> list[int]:
    with desk.store.transaction() as conn:
        return ingest(conn, account_id=1, items=list(items), analyzer=desk.analyzer, now=NOW).message_ids


def comment(
    external_id: str, text: str, *, minutes_ago: int, author: str = "Jürgen Schäfer", **more: Any
) -> IncomingMessage:
    return IncomingMessage(
        external_id=external_id,
        kind=more.pop("kind", MessageKind.COMMENT),
        text=text,
        created_at=NOW - timedelta(minutes=minutes_ago),
        author_external_id=more.pop("author_id", f"u-{author}"),
        author_name=author,
        url=f"https://facebook.example/{external_id}",
        **more,
    )


def set_evidence(desk: Desk, message_id: int, *, mood: list[list[Any]], pv: list[list[Any]]) -> None:
    with desk.store.transaction() as conn:
        message_sql.update_analysis(
            conn,
            message_id,
            {"mood_evidence": to_json(mood), "pv_signal": to_json({"evidence": pv, "events": []})},
        )


def fragments(doc: QTextDocument) -> list[Any]:
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            found.append(it.fragment())
            it += 1
        block = block.next()
    return found


class FakeConnector:
    """Delivers or refuses, as the test says; nothing leaves the machine."""

    kind = "facebook"

    def __init__(self, *, fail: str | None = None) -> None:
        self.fail = fail

    def deliver(self, action: OutgoingAction) -> Delivery:
        if self.fail:
            raise ChannelError(self.fail)
        return Delivery("r1", "https://facebook.example/r1")

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        return None

    def fetch(self, cursor: dict[str, Any]) -> Page:
        raise NotImplementedError

    def check(self) -> str:
        return "fake"


def test_markup_in_the_text_is_shown_as_the_characters_it_is(
    pane: MessagePane, make_message: MakeMessage, qtbot: Any
) -> None:
    text = "<b>bold</b><img src=x onerror=alert(1)>"
    mid = make_message(text, author="<i>Eve</i>")
    show(pane, qtbot, mid)
    doc = pane.text.document()
    assert pane.text.toPlainText() == text
    assert [(f.text(), f.charFormat().isImageFormat(), f.charFormat().fontWeight()) for f in fragments(doc)] == [
        (text, False, QFont.Weight.Normal)
    ]
    assert doc.resource(QTextDocument.ResourceType.ImageResource, QUrl("x")) is None
    assert (pane.header.author.text(), pane.header.author.textFormat()) == ("<i>Eve</i>", Qt.TextFormat.PlainText)


def test_mood_and_pv_evidence_are_marked_at_their_offsets_even_after_an_emoji(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    text = "😀 Nach Cardiolin hatte ich schlimmen Ausschlag."
    mid = make_message(text)
    set_evidence(
        tdesk,
        mid,
        mood=[[28, 37, "schlimmen", "negative"], [0, 1, "😀", "emoji"]],
        pv=[[7, 16, "Cardiolin", "product"], [38, 47, "Ausschlag", "event"]],
    )
    show(pane, qtbot, mid)
    assert pane.text.toPlainText() == text
    assert pane.text.marks() == [
        ("😀", "mood_other", None),
        ("Cardiolin", "pv", None),
        ("schlimmen", "mood_negative", None),
        ("Ausschlag", "pv", None),
    ]
    colours = {f.text(): f.charFormat().background().color() for f in fragments(pane.text.document())}
    assert (colours["schlimmen"], colours["Ausschlag"]) == (
        document.BACKGROUNDS[2][1],
        document.BACKGROUNDS[1][1],
    )
    pane.bridge.set_search_text("ausschlag")
    assert pane.text.marks()[-1] == ("Ausschlag", "pv,search", None)
    assert pane.legend.text() == (
        "red/green: words behind the mood · violet, dashed: possible adverse event · yellow: search hits"
    )


def test_a_link_is_an_anchor_that_opens_in_the_system_browser_only_on_click(
    pane: MessagePane, make_message: MakeMessage, qtbot: Any, opened: list[QUrl]
) -> None:
    text = "Infos unter https://novalind.example/faq bitte"
    mid = make_message(text)
    show(pane, qtbot, mid)
    assert pane.text.marks() == [("https://novalind.example/faq", "link", "https://novalind.example/faq")]
    assert opened == []  # shown, never loaded
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(text.index("novalind"))
    point = pane.text.cursorRect(cursor).center()
    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [QUrl("https://novalind.example/faq")]
    assert (pane.text.source(), pane.text.toPlainText()) == (QUrl(), text)


def test_only_web_addresses_reach_the_system_browser(opened: list[QUrl]) -> None:
    results = [
        document.open_in_browser(QUrl(u))
        for u in ("javascript:alert(1)", "file:///etc/passwd", "https://novalind.example/x")
    ]
    assert (results, opened) == ([False, False, True], [QUrl("https://novalind.example/x")])


def test_the_thread_shows_post_comments_and_our_reply_oldest_first(pane: MessagePane, tdesk: Desk, qtbot: Any) -> None:
    later, current, reply, post, first = store(
        tdesk,
        comment("c3", "Danke!", minutes_ago=10, author="Petra", thread_external_id="p1", parent_external_id="p1"),
        comment(
            "c2", "Und bei mir?", minutes_ago=30, author="Jürgen", thread_external_id="p1", parent_external_id="p1"
        ),
        comment(
            "r1",
            "Bitte melden Sie sich per PN.",
            minutes_ago=60,
            author="Novalind",
            author_id="page",
            thread_external_id="p1",
            parent_external_id="c1",
            direction=Direction.OUTBOUND,
        ),
        comment(
            "p1",
            "Neu: Cardiolin 20 mg",
            minutes_ago=180,
            author="Novalind",
            author_id="page",
            kind=MessageKind.POST,
            direction=Direction.OUTBOUND,
        ),
        comment(
            "c1",
            "Mir ist schwindelig.",
            minutes_ago=120,
            author="Anke",
            thread_external_id="p1",
            parent_external_id="p1",
        ),
    )
    show(pane, qtbot, current)
    view = pane.thread_view
    assert view.message_ids() == [post, first, reply, current, later]
    assert [(e.author, e.ours, e.current) for e in view.entries] == [
        ("Novalind", True, False),
        ("Anke", False, False),
        ("Novalind", True, False),
        ("Jürgen", False, True),
        ("Petra", False, False),
    ]

    def at(minutes: int) -> str:
        return local_time(NOW - timedelta(minutes=minutes))

    assert view.toPlainText().split("\n") == [
        f"Our post (Novalind) · {at(180)}",
        "Neu: Cardiolin 20 mg",
        f"Anke · {at(120)}",
        "Mir ist schwindelig.",
        f"Our reply (Novalind) · {at(60)}",
        "Bitte melden Sie sich per PN.",
        f"Jürgen · {at(30)} · this message",
        "Und bei mir?",
        f"Petra · {at(10)}",
        "Danke!",
    ]
    shaded = []
    block = view.document().begin()
    while block.isValid():
        if block.blockFormat().background().color() == CURRENT_BACKGROUND:
            shaded.append(block.text())
        block = block.next()
    assert shaded == [f"Jürgen · {at(30)} · this message", "Und bei mir?"]
    assert view.isVisible()


def test_a_message_deleted_on_the_channel_keeps_its_text_with_a_marker(
    pane: MessagePane, tdesk: Desk, qtbot: Any
) -> None:
    (mid,) = store(tdesk, comment("c1", "Ich hatte Ausschlag", minutes_ago=5))
    store(tdesk, comment("c1", "", minutes_ago=5, deleted=True))
    show(pane, qtbot, mid)
    assert pane.text.toPlainText() == "Ich hatte Ausschlag"
    assert pane.header.markers.text() == f"Deleted on the channel ({local_time(NOW)}); the stored text is kept."
    assert pane.header.markers.isVisible()
    assert not pane.thread_view.isVisible()  # a lone comment has no thread to show


def test_outbox_state_shows_the_failure_reason_and_retry_queues_it_again(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any, opened: list[QUrl]
) -> None:
    mid = make_message()
    sent = tdesk.outbox.queue(mid, "reply", "Gern geschehen")
    tdesk.outbox.deliver_due(1, connector=FakeConnector())
    failed = tdesk.outbox.queue(mid, "hide")
    tdesk.outbox.deliver_due(1, connector=FakeConnector(fail="the comment is gone on Facebook"))
    show(pane, qtbot, mid)
    assert pane.outbox.lines == [
        f"Reply: sent {local_time(NOW)}",
        "Hide: failed: the comment is gone on Facebook",
    ]
    open_button = pane.outbox.findChild(QPushButton, f"open_outbox_{sent}")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl("https://facebook.example/r1")]
    retry = pane.outbox.findChild(QPushButton, f"retry_outbox_{failed}")
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: pane.outbox.lines[-1] == "Hide: queued, will retry (the comment is gone on Facebook)", timeout=5000
    )
    assert tdesk.outbox.get(failed).state == OutboxState.QUEUED


def test_attachments_tags_notes_and_history_are_listed(
    pane: MessagePane, tdesk: Desk, qtbot: Any, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4 the leaflet"
    (mid,) = store(
        tdesk,
        comment(
            "m1", "Siehe Anhang", minutes_ago=5, attachments=(Attachment("../leaflet.pdf", "application/pdf", pdf),)
        ),
    )
    tdesk.triage.tag([mid], tag="beipackzettel")
    tdesk.triage.note([mid], text="<b>Rückruf</b> vereinbart")
    tdesk.triage.set_status([mid], status=Status.DONE)
    show(pane, qtbot, mid)
    rows = pane.attachments.row_widgets
    assert [label.text() for r in rows if (label := r.findChild(QLabel)) is not None] == [
        "../leaflet.pdf — application/pdf, 20 B"
    ]
    history = tdesk.triage.history(mid)
    assert (pane.notes_history.tags.text(), pane.notes_history.notes.text()) == (
        "Tags: beipackzettel",
        f"Anna Berger, {local_time(NOW)}: <b>Rückruf</b> vereinbart",
    )
    assert pane.header.facts.text().startswith("Status: done · Assignee: nobody")
    toggle = pane.notes_history.history_toggle
    assert (toggle.text(), pane.notes_history.history.isVisible()) == (f"Status history ({len(history)})", False)
    toggle.click()
    assert pane.notes_history.history.isVisible()
    assert pane.notes_history.history.text().split("\n")[-1] == f"{local_time(NOW)} Anna Berger: status open → done"
    target = tmp_path / "saved.pdf"
    pane.save_attachment(0, str(target))
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == pdf, timeout=5000)


def test_the_pane_follows_changes_to_its_message(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    mid = make_message()
    show(pane, qtbot, mid)
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        tdesk.triage.assign([mid], assignee="Anna Berger")
    assert pane.header.facts.text() == "Status: open · Assignee: Anna Berger · Language: de · Intent: question"


def test_show_message_none_and_lock_clear_everything(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    mid = make_message("Hallo https://x.example")
    tdesk.triage.note([mid], text="vertraulich")
    tdesk.outbox.queue(mid, "reply", "Hallo zurück")
    show(pane, qtbot, mid)
    assert pane.notes_history.notes.text() != ""

    def cleared() -> tuple[Any, ...]:
        return (
            pane.message_id,
            pane.shown,
            pane.data,
            pane.text.toPlainText(),
            pane.thread_view.entries,
            pane.header.author.text(),
            pane.header.facts.text(),
            pane.notes_history.notes.text(),
            pane.outbox.items,
            pane.attachments.items,
            pane.composer.message_id,
            pane.body.isVisible(),
            pane.empty.isVisible(),
        )

    expected: tuple[Any, ...] = (None, None, None, "", [], "", "", "", [], [], None, False, True)
    pane.show_message(None)
    assert cleared() == expected
    show(pane, qtbot, mid)
    pane.bridge.lock()
    assert cleared() == expected


def test_a_long_thread_says_how_many_messages_it_leaves_out(pane: MessagePane, tdesk: Desk, qtbot: Any) -> None:
    opening = comment("p1", "Neu: Cardiolin 20 mg", minutes_ago=600, author="Novalind", kind=MessageKind.POST)
    comments = [
        comment(f"c{n}", f"Kommentar {n}", minutes_ago=500 - n, author=f"Leser {n}", thread_external_id="p1")
        for n in range(40)
    ]
    ids = store(tdesk, opening, *comments)
    show(pane, qtbot, ids[1 + 25])
    lines = pane.thread_view.toPlainText().splitlines()
    assert (lines[2], lines[3], lines[-1], len(pane.thread_view.entries)) == (
        "… 5 earlier messages not shown",
        f"Leser 5 · {local_time(NOW - timedelta(minutes=495))}",
        "… 4 later messages not shown",
        1 + 20 + 1 + 10,
    )


def question_and_our_answer(desk: Desk) -> int:
    """A question and our answer r1 as the channel gives it back (no channel author); the question's id."""
    question, _answer = store(
        desk,
        comment("c1", "Gibt es Cardiolin als Saft?", minutes_ago=90, author="Anke", thread_external_id="p1"),
        comment(
            "r1",
            "Nein, nur als Tablette.",
            minutes_ago=30,
            author_id=None,
            thread_external_id="p1",
            parent_external_id="c1",
            direction=Direction.OUTBOUND,
        ),
    )
    return question


def test_a_reply_sent_from_the_desk_without_a_channel_author_is_simply_ours(
    pane: MessagePane, tdesk: Desk, qtbot: Any
) -> None:
    question = question_and_our_answer(tdesk)
    show(pane, qtbot, question)
    headers = [pane.thread_view.header(entry) for entry in pane.thread_view.entries]
    assert headers == [
        f"Anke · {local_time(NOW - timedelta(minutes=90))} · this message",
        f"Our reply · {local_time(NOW - timedelta(minutes=30))}",
    ]


def test_our_reply_names_the_agent_who_sent_it_from_the_desk(pane: MessagePane, tdesk: Desk, qtbot: Any) -> None:
    question = question_and_our_answer(tdesk)
    outbox_id = tdesk.outbox.queue(question, "reply", "Nein, nur als Tablette.")
    with tdesk.store.transaction() as conn:  # the channel accepted it as r1
        conn.execute("UPDATE outbox SET state = 'sent', remote_id = 'r1' WHERE id = ?", (outbox_id,))
    show(pane, qtbot, question)
    headers = [pane.thread_view.header(entry) for entry in pane.thread_view.entries]
    assert headers[1] == f"Our reply, sent by {tdesk.agent_name} · {local_time(NOW - timedelta(minutes=30))}"


def test_the_composer_is_folded_until_a_reply_starts_and_folds_again_on_the_next_message(
    pane: MessagePane, make_message: MakeMessage, qtbot: Any
) -> None:
    first, second = make_message("Wie nehme ich Cardiolin ein?"), make_message("Gibt es Cardiolin als Saft?")

    def state() -> tuple[bool, bool]:
        return pane.composer.isVisible(), pane.reply_button.isVisible()

    show(pane, qtbot, first)
    folded = state()
    qtbot.mouseClick(pane.reply_button, Qt.MouseButton.LeftButton)
    unfolded = state()
    show(pane, qtbot, second)
    next_message = state()
    pane.start_reply()  # the r shortcut
    by_shortcut = state()
    pane.show_message(None)
    assert (folded, unfolded, next_message, by_shortcut, state()) == (
        (False, True),
        (True, False),
        (False, True),
        (True, False),
        (False, False),
    )


class GatedOutbox:
    """Stands in for desk.outbox.items_for: read n sees states[n] and returns once gates[n] is set."""

    def __init__(self, item: OutboxItem, states: list[OutboxState]) -> None:
        self.item = item
        self.states = states
        self.gates = [threading.Event() for _ in states]
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, message_id: int) -> list[OutboxItem]:
        with self.lock:
            n = self.calls
            self.calls += 1
        state = self.states[n]  # what the store held when the read was made
        self.gates[n].wait(10)
        return [dataclasses.replace(self.item, state=state)]


def gate_outbox(pane: MessagePane, tdesk: Desk, qtbot: Any, states: list[OutboxState]) -> GatedOutbox:
    assert pane.message_id is not None
    qtbot.waitUntil(lambda: not pane.bridge.tasks.busy, timeout=5000)
    gated = GatedOutbox(tdesk.outbox.items_for(pane.message_id)[0], states)
    tdesk.outbox.items_for = gated  # type: ignore[method-assign]
    return gated


def two_outbox_reads(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any, first: Callable[[], None]
) -> GatedOutbox:
    """A queued reply is read twice, by ``first`` (sees it "sending") and by an outbox-only read ("sent");
    both reads are held until the test lets them finish."""
    mid = make_message()
    tdesk.outbox.queue(mid, "reply", "Gern geschehen")
    show(pane, qtbot, mid)
    gated = gate_outbox(pane, tdesk, qtbot, [OutboxState.SENDING, OutboxState.SENT])
    first()
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    pane.reload_outbox()  # the reply is sent
    qtbot.waitUntil(lambda: gated.calls == 2, timeout=5000)
    gated.gates[1].set()
    return gated


def test_an_older_outbox_read_finishing_last_never_replaces_the_newer_state(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    gated = two_outbox_reads(pane, tdesk, make_message, qtbot, pane.reload_outbox)
    qtbot.waitUntil(lambda: [i.state for i in pane.outbox.items] == [OutboxState.SENT], timeout=5000)
    gated.gates[0].set()  # the older read lands last
    qtbot.waitUntil(lambda: not pane.bridge.tasks.busy, timeout=5000)  # its result was handed over by then
    assert [i.state for i in pane.outbox.items] == [OutboxState.SENT]


def test_a_full_load_made_before_an_outbox_change_never_brings_back_the_older_state(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    gated = two_outbox_reads(pane, tdesk, make_message, qtbot, pane.reload)  # messages_changed: a full load
    qtbot.waitUntil(lambda: [i.state for i in pane.outbox.items] == [OutboxState.SENT], timeout=5000)
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        gated.gates[0].set()  # the full load lands last: its other parts are shown, its outbox list is not
    assert [i.state for i in pane.outbox.items] == [OutboxState.SENT]


def test_a_held_older_full_load_shows_the_newer_outbox_state_once_released(
    pane: MessagePane, tdesk: Desk, make_message: MakeMessage, qtbot: Any
) -> None:
    def paused_full_load() -> None:
        pane.delivery.pause()  # the queue's list is loading
        pane.reload()

    gated = two_outbox_reads(pane, tdesk, make_message, qtbot, paused_full_load)
    qtbot.waitUntil(lambda: pane.delivery.waiting, timeout=5000)
    gated.gates[0].set()  # the older full load replaces the held outbox-only result
    qtbot.waitUntil(lambda: not pane.bridge.tasks.busy, timeout=5000)
    with qtbot.waitSignal(pane.loaded, timeout=5000):
        pane.delivery.resume()
    assert [i.state for i in pane.outbox.items] == [OutboxState.SENT]
