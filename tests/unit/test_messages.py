"""Reading a message's thread: the conversation around it, however long the thread."""

from __future__ import annotations

from datetime import timedelta

from cmdesk.desk import Desk
from cmdesk.ingest import ingest
from cmdesk.model import Direction, IncomingMessage, MessageKind
from tests.conftest import NOW


def store(desk: Desk, *items: IncomingMessage) -> list[int]:
    with desk.store.transaction() as conn:
        return ingest(conn, account_id=1, items=list(items), analyzer=desk.analyzer, now=NOW).message_ids


def post() -> IncomingMessage:
    return IncomingMessage(
        external_id="p1",
        kind=MessageKind.POST,
        direction=Direction.OUTBOUND,
        text="Neu: Cardiolin 20 mg",
        created_at=NOW - timedelta(days=2),
        author_external_id="page",
        author_name="Novalind",
    )


def comment(n: int) -> IncomingMessage:
    """Comment n of the post, one minute after comment n - 1, each by its own author."""
    return IncomingMessage(
        external_id=f"c{n}",
        kind=MessageKind.COMMENT,
        text=f"Kommentar {n}",
        created_at=NOW - timedelta(days=1) + timedelta(minutes=n),
        author_external_id=f"u{n}",
        author_name=f"Leser {n}",
        thread_external_id="p1",
        parent_external_id="p1",
    )


def test_a_long_thread_shows_the_post_and_the_messages_around_the_current_one(tdesk: Desk) -> None:
    ids = store(tdesk, post(), *(comment(n) for n in range(100)))
    window = tdesk.messages.thread(ids[1 + 50], before=3, after=2)
    texts = [m.text for m in window.messages]
    names = [window.authors[m.author_id] for m in window.messages if m.author_id is not None]
    assert (texts, names, window.opening, window.earlier_left_out, window.later_left_out) == (
        [
            "Neu: Cardiolin 20 mg",
            "Kommentar 47",
            "Kommentar 48",
            "Kommentar 49",
            "Kommentar 50",
            "Kommentar 51",
            "Kommentar 52",
        ],
        ["Novalind", "Leser 47", "Leser 48", "Leser 49", "Leser 50", "Leser 51", "Leser 52"],
        1,
        47,
        47,
    )


def test_the_first_and_the_last_comment_leave_nothing_out_on_their_open_side(tdesk: Desk) -> None:
    ids = store(tdesk, post(), *(comment(n) for n in range(10)))
    first = tdesk.messages.thread(ids[1], before=3, after=2)
    last = tdesk.messages.thread(ids[-1], before=3, after=2)
    assert (
        [m.text for m in first.messages],
        (first.earlier_left_out, first.later_left_out),
        [m.text for m in last.messages],
        (last.earlier_left_out, last.later_left_out),
    ) == (
        ["Neu: Cardiolin 20 mg", "Kommentar 0", "Kommentar 1", "Kommentar 2"],
        (0, 7),
        ["Neu: Cardiolin 20 mg", "Kommentar 6", "Kommentar 7", "Kommentar 8", "Kommentar 9"],
        (6, 0),
    )


def test_the_post_itself_shows_its_first_comments(tdesk: Desk) -> None:
    ids = store(tdesk, post(), *(comment(n) for n in range(5)))
    window = tdesk.messages.thread(ids[0], before=3, after=2)
    assert ([m.text for m in window.messages], window.opening, window.later_left_out) == (
        ["Neu: Cardiolin 20 mg", "Kommentar 0", "Kommentar 1"],
        0,
        3,
    )


def test_a_lone_message_is_its_own_thread(tdesk: Desk) -> None:
    (only,) = store(tdesk, comment(1))
    window = tdesk.messages.thread(only)
    assert ([m.id for m in window.messages], window.opening, window.earlier_left_out, window.later_left_out) == (
        [only],
        0,
        0,
        0,
    )


def reply(external_id: str, minute: int) -> IncomingMessage:
    """Our answer in the post's thread, as the channel gives it back (no channel author)."""
    return IncomingMessage(
        external_id=external_id,
        kind=MessageKind.COMMENT,
        direction=Direction.OUTBOUND,
        text=f"Antwort {external_id}",
        created_at=NOW - timedelta(days=1) + timedelta(minutes=minute),
        author_external_id=None,
        author_name="",
        thread_external_id="p1",
        parent_external_id="c1",
    )


def sent(desk: Desk, message_id: int, *, remote_id: str, agent: str, state: str = "sent") -> None:
    """An outbox reply to ``message_id`` that the channel accepted under ``remote_id``."""
    outbox_id = desk.outbox.queue(message_id, "reply", "Antwort")
    with desk.store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = ?, remote_id = ?, created_by = ? WHERE id = ?",
            (state, remote_id, agent, outbox_id),
        )


def test_the_thread_names_the_agent_who_sent_each_of_our_replies(tdesk: Desk) -> None:
    question, by_anna, by_jonas, by_hand, unsent = store(
        tdesk, comment(1), reply("r1", 2), reply("r2", 3), reply("r3", 4), reply("r4", 5)
    )
    sent(tdesk, question, remote_id="r1", agent="Anna Berger")
    sent(tdesk, question, remote_id="r2", agent="Dr. Jonas Weber")
    sent(tdesk, question, remote_id="r4", agent="Anna Berger", state="failed")  # never reached the channel
    window = tdesk.messages.thread(question)
    assert (window.agents, by_hand in window.agents, unsent in window.agents) == (
        {by_anna: "Anna Berger", by_jonas: "Dr. Jonas Weber"},
        False,  # written on the channel directly: no outbox item
        False,
    )
