"""The prioritized queue: views, filters, exact counts and lazily loaded rows."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cmdesk.model import ChannelKind, Intent, MessageKind, MoodLabel, PVScreening, Status, SuggestedAction
from cmdesk.store import queue as sql
from cmdesk.store.queue import VIEWS, QueueFilter, ReadCanceller

if TYPE_CHECKING:
    from cmdesk.desk import Desk

__all__ = ["VIEWS", "QueueFilter", "QueueRow", "QueueService", "ReadCanceller"]


@dataclass(frozen=True)
class QueueRow:
    """What one queue line shows; the text is an excerpt, the full message comes from MessageService."""

    id: int
    priority: int
    due_at: datetime | None
    account_id: int
    channel: ChannelKind
    account_name: str
    author_name: str
    person_id: int | None
    excerpt: str
    mood_label: MoodLabel | None
    mood_score: float | None
    pv_suspected: bool
    pv_screening: PVScreening
    created_at: datetime
    received_at: datetime
    assignee: str | None
    status: Status
    intent: Intent | None
    language: str | None
    deleted: bool
    hidden: bool
    kind: MessageKind
    suggested_action: SuggestedAction | None
    pv_score: float

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> QueueRow:
        return cls(
            id=r[0],
            priority=r[1],
            due_at=_time(r[2]) if r[2] else None,
            account_id=r[3],
            channel=ChannelKind(r[4]),
            account_name=r[5],
            author_name=r[6],
            person_id=r[7],
            excerpt=" ".join(str(r[8]).split()),
            mood_label=MoodLabel(r[9]) if r[9] else None,
            mood_score=r[10],
            pv_suspected=bool(r[11]),
            pv_screening=PVScreening(r[12]),
            created_at=_time(r[13]),
            received_at=_time(r[14]),
            assignee=r[15],
            status=Status(r[16]),
            intent=Intent(r[17]) if r[17] else None,
            language=r[18],
            deleted=r[19] is not None,
            hidden=bool(r[20]),
            kind=MessageKind(r[21]),
            suggested_action=SuggestedAction(r[22]) if r[22] else None,
            pv_score=float(r[23] or 0.0),
        )


def _time(text: str) -> datetime:
    """A stored time ("2026-10-03T07:51:58Z"); fromisoformat is C code, strptime is ~20 times slower."""
    return datetime.fromisoformat(text)


class QueueService:
    """Reads the queue for the window and the CLI; every filter and sort runs in SQL."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def filter(self, view: str = "all", **chips: Any) -> QueueFilter:
        """A filter for ``view`` for the current agent (``me``), with optional chips."""
        return QueueFilter(view=view, me=self._desk.agent_name, **chips)

    def ids(self, f: QueueFilter, *, canceller: ReadCanceller | None = None) -> array[int]:
        """Every id of the filter, in queue order (the table model keeps these).

        ``canceller.cancel()`` from another thread stops the read with an OperationalError (the
        window cancels the reads of a filter the user has already left).
        """
        return sql.ordered_ids(self._desk.store.read(), f, canceller=canceller)

    def first_ids(self, f: QueueFilter, *, limit: int = 200, offset: int = 0) -> array[int]:
        """One page of ids, for a fast first screen while the full id list loads."""
        return sql.ordered_ids(self._desk.store.read(), f, limit=limit, offset=offset)

    def count(self, f: QueueFilter, *, canceller: ReadCanceller | None = None) -> int:
        return sql.count(self._desk.store.read(), f, canceller=canceller)

    def view_counts(self) -> dict[str, int]:
        return sql.view_counts(self._desk.store.read(), me=self._desk.agent_name)

    def rows(self, ids: Sequence[int]) -> dict[int, QueueRow]:
        return {mid: QueueRow.from_row(r) for mid, r in sql.rows_by_id(self._desk.store.read(), ids).items()}

    def page(self, f: QueueFilter, *, limit: int = 50, offset: int = 0) -> list[QueueRow]:
        ids = self.first_ids(f, limit=limit, offset=offset)
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def highlight(self, message_id: int, search: str) -> str | None:
        return sql.highlight(self._desk.store.read(), message_id, search)
