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
