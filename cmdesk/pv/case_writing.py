"""Writing a PV case's parts into their rows: products, events and the snapshot of each source message.

Apart from the case workflow (``cmdesk.pv.service``) because these writes are shared by opening
and editing a case, and the snapshot with its hash is the evidence an inspector checks later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from cmdesk.errors import InvalidInput
from cmdesk.pv import prefill
from cmdesk.pv.model import CaseEvent, CaseProduct
from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import to_db_time, to_json
from cmdesk.store.engine import Connection


def snapshot_hash(text: str, permalink: str, created_at: datetime, received_at: datetime) -> str:
    """sha256 over what the reporter wrote, where and when: proves the source was not changed later."""
    canonical = to_json([text, permalink, to_db_time(created_at), to_db_time(received_at)])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write_snapshot(conn: Connection, case_id: int, source: prefill.SourceMessage, *, added_at: str) -> None:
    """Keep what ``source`` said when it joined the case, with its hash."""
    digest = snapshot_hash(source.text, source.url, source.created_at, source.received_at)
    snapshot = {
        "text": source.text,
        "permalink": source.url,
        "created_at": to_db_time(source.created_at),
        "received_at": to_db_time(source.received_at),
        "account": source.account_name,
        "channel_kind": source.channel_kind,
        "author": source.author_handle or source.author_name,
        "language": source.language,
        "pv_signal": source.pv_signal,
    }
    pv_sql.insert_case_message(
        conn,
        case_id=case_id,
        message_id=source.id,
        snapshot=to_json(snapshot),
        snapshot_hash=digest,
        added_at=added_at,
    )


def write_products(conn: Connection, case_id: int, products: Sequence[CaseProduct]) -> None:
    """One row per product; each needs a name."""
    for p in products:
        if not p.name.strip():
            raise InvalidInput("every product needs a name")
        pv_sql.insert_product(
            conn,
            case_id,
            name=p.name,
            substance=p.substance,
            role=p.role,
            batch=p.batch,
            dose=p.dose,
            route=p.route,
            indication=p.indication,
            action_taken=p.action_taken,
        )


def write_events(conn: Connection, case_id: int, case_events: Sequence[CaseEvent]) -> None:
    """One row per event; each needs the reporter's words, MedDRA names go in ``details``."""
    for e in case_events:
        if not e.verbatim.strip():
            raise InvalidInput("every event needs the reporter's words")
        details = {
            "meddra_llt_name": e.meddra_llt_name,
            "meddra_pt_code": e.meddra_pt_code,
            "meddra_pt_name": e.meddra_pt_name,
            "meddra_soc_name": e.meddra_soc_name,
        }
        pv_sql.insert_event(
            conn,
            case_id,
            verbatim=e.verbatim,
            language=e.language,
            meddra_llt_code=e.meddra_llt_code,
            meddra_version=e.meddra_version,
            onset=e.onset.isoformat() if e.onset else None,
            outcome=e.outcome,
            details=to_json(details),
        )
