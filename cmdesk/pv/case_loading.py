"""Reading a PV case (and a message about to join one) back from its stored rows.

Apart from the case workflow (``cmdesk.pv.service``) because turning rows into a ``Case`` is
one job every workflow step needs, and the row order it depends on is ``cmdesk.store.pv``'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cmdesk.errors import NotFound
from cmdesk.pv import case_codec, prefill
from cmdesk.pv.model import (
    SERIOUSNESS_CRITERIA,
    Case,
    CaseProduct,
    CaseState,
    FollowUp,
    SourceSnapshot,
)
from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import from_db_time, from_json
from cmdesk.store.engine import Connection


def stored_time(value: str | None) -> datetime:
    """A stored time that the schema never leaves empty."""
    moment = from_db_time(value)
    assert moment is not None
    return moment


_t = stored_time


def load_case(conn: Connection, case_id: int, *, settings: dict[str, Any]) -> Case:
    """The case with its products, events, source snapshots and follow-ups; ``settings`` name the sender."""
    row = pv_sql.case_row(conn, case_id)
    if row is None:
        raise NotFound("PV case {case_id} does not exist", case_id=case_id)
    products = tuple(
        CaseProduct(
            id=r[0],
            name=r[1],
            substance=r[2] or "",
            role=r[3],
            batch=r[4] or "",
            dose=r[5] or "",
            route=r[6] or "",
            indication=r[7] or "",
            action_taken=r[8] or "",
        )
        for r in pv_sql.product_rows(conn, case_id)
    )
    case_events = tuple(case_codec.event_from_row(r) for r in pv_sql.event_rows(conn, case_id))
    snapshots: list[SourceSnapshot] = []
    hints: dict[str, None] = {}
    specials: dict[str, None] = {}
    for message_id, snapshot_text, digest, added_at in pv_sql.case_message_rows(conn, case_id):
        snap = from_json(snapshot_text, {})
        snapshots.append(
            SourceSnapshot(
                message_id=message_id,
                text=snap.get("text", ""),
                permalink=snap.get("permalink", ""),
                created_at=_t(snap.get("created_at")),
                received_at=_t(snap.get("received_at")),
                account=snap.get("account", ""),
                channel_kind=snap.get("channel_kind", ""),
                author=snap.get("author", ""),
                sha256=digest,
                added_at=_t(added_at),
            )
        )
        signal = snap.get("pv_signal") or {}
        for hint in signal.get("seriousness", []):
            hints.setdefault(str(hint), None)
        for special in signal.get("special_situations", []):
            specials.setdefault(str(special), None)
    follow_ups = tuple(
        FollowUp(at=_t(r[0]), actor=r[1], channel=r[2], outcome=r[3], note=r[4] or "", template_id=r[5], id=r[6])
        for r in pv_sql.follow_up_rows(conn, case_id)
    )
    stored_seriousness = from_json(row[6], {}) or {}
    return Case(
        id=row[0],
        reference=row[1],
        state=CaseState(row[2]),
        person_id=row[3],
        day0=_t(row[4]),
        day0_reason=row[5],
        seriousness={c: bool(stored_seriousness.get(c, False)) for c in SERIOUSNESS_CRITERIA},
        reporter=case_codec.reporter_from(from_json(row[7], {}) or {}),
        patient=case_codec.patient_from(from_json(row[8], {}) or {}),
        narrative=row[9],
        internal_due_at=_t(row[10]),
        regulatory_due_at=_t(row[11]),
        forwarded_at=from_db_time(row[12]),
        forwarded_by=row[13],
        forward_method=row[14],
        forward_to=row[15],
        safety_case_number=row[16],
        acknowledged_at=from_db_time(row[17]),
        closed_reason=row[18],
        follow_up_of=row[19],
        created_by=row[20],
        created_at=_t(row[21]),
        updated_at=_t(row[22]),
        products=products,
        events=case_events,
        sources=tuple(snapshots),
        seriousness_hints=tuple(hints),
        special_situations=tuple(specials),
        follow_ups=follow_ups,
        sender_organisation=str(settings.get("company_name") or ""),
        sender_country=str(settings.get("company_country") or ""),
    )


def load_source(conn: Connection, message_id: int) -> prefill.SourceMessage:
    """A message as ``prefill`` reads it, to open a case from or add to one."""
    row = pv_sql.source_row(conn, message_id)
    if row is None:
        raise NotFound("message {message_id} does not exist", message_id=message_id)
    return prefill.SourceMessage(
        id=row[0],
        text=row[1],
        url=row[2],
        created_at=_t(row[3]),
        received_at=_t(row[4]),
        language=row[5],
        pv_signal=from_json(row[6], {}) or {},
        account_name=row[7],
        channel_kind=row[8],
        account_settings=from_json(row[9], {}) or {},
        author_name=row[10],
        author_handle=row[11],
        author_profile_url=row[12],
        person_id=row[13] if row[13] is not None else None,
    )
