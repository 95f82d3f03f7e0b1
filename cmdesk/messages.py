"""Reading one message in full: its text, analysis, author, account and thread context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cmdesk.errors import NotFound
from cmdesk.model import (
    Account,
    Author,
    ChannelKind,
    Direction,
    Intent,
    Message,
    MessageKind,
    MoodLabel,
    PVScreening,
    Span,
    Status,
    SuggestedAction,
)
from cmdesk.store import messages as sql
from cmdesk.store.codec import from_db_time, from_json, to_db_time

if TYPE_CHECKING:
    from cmdesk.desk import Desk


@dataclass(frozen=True)
class MessageDetail:
    """Everything the message pane shows about one message."""

    message: Message
    account: Account
    author: Author | None
    emotions: dict[str, float] = field(default_factory=dict)
    mood_evidence: tuple[Span, ...] = ()
    pv_signal: dict[str, Any] = field(default_factory=dict)
    pv_evidence: tuple[Span, ...] = ()
    pv_screening_reason: str | None = None
    first_response_at: Any = None


# How much of a long thread the pane shows around the message being worked on.
THREAD_BEFORE = 20
THREAD_AFTER = 10


@dataclass(frozen=True)
class ThreadWindow:
    """The part of a thread shown with a message: the post, the messages around it, and what was left out."""

    messages: list[Message]  # oldest first; the opening post first when there is one
    authors: dict[int, str]  # display name of each author id in ``messages``
    opening: int = 0  # 1 when messages[0] is the thread's opening post (shown whatever is left out)
    earlier_left_out: int = 0  # messages between the opening post and the next one shown
    later_left_out: int = 0  # messages after the last one shown
    agents: dict[int, str] = field(default_factory=dict)  # who sent each of our replies from the desk, by message id


def message_from_row(r: Sequence[Any]) -> Message:
    """Build a Message from a row of ``sql.MESSAGE_COLUMNS``."""
    created = from_db_time(r[10])
    received = from_db_time(r[11])
    assert created is not None and received is not None
    return Message(
        id=r[0],
        account_id=r[1],
        external_id=r[2],
        kind=MessageKind(r[3]),
        direction=Direction(r[4]),
        author_id=r[5],
        thread_external_id=r[6],
        parent_external_id=r[7],
        text=r[8],
        url=r[9],
        created_at=created,
        received_at=received,
        edited_at=from_db_time(r[12]),
        deleted_at=from_db_time(r[13]),
        hidden=bool(r[14]),
        status=Status(r[15]),
        assignee=r[16],
        language=r[17],
        mood_label=MoodLabel(r[18]) if r[18] else None,
        mood_score=r[19],
        intent=Intent(r[22]) if r[22] else None,
        expects_reply=bool(r[23]),
        pv_suspected=bool(r[24]),
        pv_score=float(r[25] or 0.0),
        pv_screening=PVScreening(r[27]),
        suggested_action=SuggestedAction(r[29]) if r[29] else None,
        priority=int(r[30]),
        due_at=from_db_time(r[31]),
    )


def spans(raw: Any) -> tuple[Span, ...]:
    """Spans stored as [[start, end, text, kind], ...]; anything malformed is skipped."""
    result = []
    for item in raw or ():
        if isinstance(item, list) and len(item) == 4:
            result.append(Span(int(item[0]), int(item[1]), str(item[2]), str(item[3])))
    return tuple(result)


class MessageService:
    """Read access to single messages for the message pane, the CLI and the PV form."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def get(self, message_id: int) -> Message:
        row = sql.get_message(self._desk.store.read(), message_id)
        if row is None:
            raise NotFound("there is no message {message_id}", message_id=message_id)
        return message_from_row(row)

    def detail(self, message_id: int) -> MessageDetail:
        conn = self._desk.store.read()
        row = sql.get_message(conn, message_id)
        if row is None:
            raise NotFound("there is no message {message_id}", message_id=message_id)
        message = message_from_row(row)
        author = None
        if message.author_id is not None:
            a = sql.author_row(conn, message.author_id)
            if a is not None:
                author = Author(
                    id=a[0], account_id=a[1], external_id=a[2], name=a[3], handle=a[4], profile_url=a[5], person_id=a[6]
                )
        pv_signal = from_json(row[26], {})
        return MessageDetail(
            message=message,
            account=self.account(message.account_id),
            author=author,
            emotions=from_json(row[20], {}),
            mood_evidence=spans(from_json(row[21], [])),
            pv_signal=pv_signal,
            pv_evidence=spans(pv_signal.get("evidence")) + spans(pv_signal.get("events")),
            pv_screening_reason=row[28],
            first_response_at=from_db_time(row[32]),
        )

    def thread(self, message_id: int, *, before: int = THREAD_BEFORE, after: int = THREAD_AFTER) -> ThreadWindow:
        """The conversation around a message, oldest first: the post, nearby comments and replies, our answers.

        The message itself is always included, however long the thread; what is left out on
        either side is counted so the pane can say so.
        """
        message = self.get(message_id)
        thread_id = message.thread_external_id or message.external_id
        conn = self._desk.store.read()
        rows, opening, earlier, later = sql.thread_around(
            conn,
            account_id=message.account_id,
            thread_external_id=thread_id,
            created_at=to_db_time(message.created_at) or "",
            message_id=message_id,
            before=before,
            after=after,
        )
        messages = [message_from_row(r) for r in rows]
        authors = sql.author_names(conn, [m.author_id for m in messages if m.author_id is not None])
        ours = {m.external_id: m.id for m in messages if m.direction == Direction.OUTBOUND}
        sent_by = sql.reply_agents(conn, account_id=message.account_id, external_ids=list(ours)) if ours else {}
        return ThreadWindow(
            messages=messages,
            authors=authors,
            opening=opening,
            earlier_left_out=earlier,
            later_left_out=later,
            agents={ours[external_id]: agent for external_id, agent in sent_by.items()},
        )

    def attachments(self, message_id: int) -> list[tuple[str, str, bytes]]:
        return sql.attachments(self._desk.store.read(), message_id)

    def account(self, account_id: int) -> Account:
        r = sql.account_row(self._desk.store.read(), account_id)
        if r is None:
            raise NotFound("there is no channel account {account_id}", account_id=account_id)
        return Account(
            id=r[0],
            name=r[1],
            kind=ChannelKind(r[2]),
            settings=from_json(r[3], {}),
            status=r[4],
            last_success_at=from_db_time(r[5]),
            last_error=r[6],
            last_error_at=from_db_time(r[7]),
            token_expires_at=from_db_time(r[8]),
        )
