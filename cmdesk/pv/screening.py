"""A message's PV screening: which messages still wait for a PV decision, and how each decision is recorded.

Every incoming message starts unscreened; a human either opens a case with it or says it holds no adverse
event. Either way its screening moves in the message's own history and in the audit trail, in the caller's
transaction, because an inspector must be able to see who decided what about a message and when. The case
workflow (:mod:`cmdesk.pv.service`) runs these steps; this module knows messages, not cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cmdesk.errors import InvalidInput, NotFound
from cmdesk.model import PVScreening
from cmdesk.pv import clocks
from cmdesk.pv.case_loading import stored_time
from cmdesk.store import audit
from cmdesk.store import messages as message_sql
from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import Connection


@dataclass(frozen=True)
class ReviewItem:
    """A message still waiting for a PV decision, with the time it must be decided by."""

    message_id: int
    text: str
    author: str
    account: str
    received_at: datetime
    due_at: datetime
    suspected: bool
    score: float


def review_items(conn: Connection, *, internal_hours: int) -> list[ReviewItem]:
    """Unscreened messages (suspected ones included), the one whose PV deadline comes first on top."""
    rows = pv_sql.review_rows(conn, screening=PVScreening.UNSCREENED.value)
    items = [
        ReviewItem(
            message_id=r[0],
            text=r[1],
            author=r[2],
            account=r[3],
            received_at=stored_time(r[4]),
            due_at=clocks.internal_due(stored_time(r[4]), internal_hours=internal_hours),
            suspected=bool(r[5]),
            score=float(r[6]),
        )
        for r in rows
    ]
    return sorted(items, key=lambda i: (i.due_at, not i.suspected, i.message_id))


def screen_not_ae(conn: Connection, message_ids: Sequence[int], why: str, *, now: datetime, actor: str) -> list[int]:
    """Record that these messages hold no adverse event; the ids that changed (already screened ones did not).

    A message in a case cannot be screened out: its case is closed instead, with its own audit trail.
    """
    changed: list[int] = []
    for mid in dict.fromkeys(message_ids):
        old = pv_sql.screening(conn, mid)
        if old is None:
            raise NotFound("message {message_id} does not exist", message_id=mid)
        if old == PVScreening.CASE.value:
            raise InvalidInput("message {message_id} belongs to a PV case; close the case instead", message_id=mid)
        if old == PVScreening.NOT_AE.value:
            continue
        detail = {"reason": why}
        _move(conn, mid, old, PVScreening.NOT_AE, stored_reason=why, told=why, now=now, actor=actor, detail=detail)
        changed.append(mid)
    return changed


def put_in_case(conn: Connection, message_id: int, case_id: int, *, now: datetime, actor: str) -> bool:
    """Record that the message went into case ``case_id``; True when this moved its screening to 'case'."""
    old = pv_sql.screening(conn, message_id)
    if old == PVScreening.CASE.value:
        return False
    told, detail = f"case {case_id}", {"case_id": case_id}
    _move(conn, message_id, old, PVScreening.CASE, stored_reason=None, told=told, now=now, actor=actor, detail=detail)
    return True


def _move(
    conn: Connection,
    message_id: int,
    old: str | None,
    new: PVScreening,
    *,
    stored_reason: str | None,
    told: str,
    now: datetime,
    actor: str,
    detail: dict[str, Any],
) -> None:
    """Set the screening (with ``stored_reason`` on the message), and record the move in the message's history
    (with ``told`` as its reason) and in the audit trail (``detail`` added to old and new)."""
    pv_sql.set_screening(conn, message_id, screening=new.value, reason=stored_reason)
    message_sql.add_status_event(
        conn,
        message_id=message_id,
        at=to_db_time(now) or "",
        actor=actor,
        field="pv_screening",
        old=old,
        new=new.value,
        reason=told,
    )
    audit.append(
        conn,
        at=now,
        actor=actor,
        action="pv.screen",
        entity="message",
        entity_id=message_id,
        detail={"old": old, "new": new.value, **detail},
    )
