"""Reconciliation: every message flagged as a possible adverse event must reach drug safety.

GVP expects regular, documented reconciliation between the desk and the safety
database. This compares what was flagged, what was forwarded (and when) and what
drug safety acknowledged, and lists each discrepancy for someone to investigate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import from_db_time, to_db_time
from cmdesk.store.engine import Connection

DEFAULT_ACK_DAYS = 3

NEVER_FORWARDED = "flagged_never_forwarded"
FORWARDED_LATE = "forwarded_late"
NOT_ACKNOWLEDGED = "never_acknowledged"


@dataclass(frozen=True)
class Discrepancy:
    kind: str  # flagged_never_forwarded | forwarded_late | never_acknowledged
    message_id: int | None
    case_id: int | None
    reference: str
    detail: str


@dataclass(frozen=True)
class Report:
    at: datetime
    flagged: int  # messages suspected by the detector or put into a case
    screened_not_ae: int  # flagged, then documented as not an adverse event
    cases: int
    forwarded: int
    acknowledged: int
    discrepancies: tuple[Discrepancy, ...]


def run(conn: Connection, *, now: datetime, ack_days: int = DEFAULT_ACK_DAYS) -> Report:
    """The reconciliation report as of ``now``."""
    flagged = pv_sql.flagged_rows(conn)
    discrepancies: list[Discrepancy] = []
    not_ae = 0
    for message_id, screening, case_id, reference, state in flagged:
        if screening == "not_ae":
            not_ae += 1
            continue
        if case_id is None:
            discrepancies.append(
                Discrepancy(NEVER_FORWARDED, message_id, None, "", "flagged, but no case was opened or screening done")
            )
        elif state in ("draft", "ready"):
            discrepancies.append(
                Discrepancy(NEVER_FORWARDED, message_id, case_id, reference or "", f"case is still {state}")
            )
    cases = pv_sql.forwarding_rows(conn)
    forwarded = acknowledged = 0
    for case_id, reference, _state, due_text, forwarded_text, ack_text in cases:
        forwarded_at = from_db_time(forwarded_text)
        if forwarded_at is None:
            continue
        forwarded += 1
        due = from_db_time(due_text)
        if due is not None and forwarded_at > due:
            discrepancies.append(
                Discrepancy(
                    FORWARDED_LATE,
                    None,
                    case_id,
                    reference,
                    f"forwarded {to_db_time(forwarded_at)}, internal due {to_db_time(due)}",
                )
            )
        if ack_text:
            acknowledged += 1
        elif now - forwarded_at > timedelta(days=ack_days):
            discrepancies.append(
                Discrepancy(
                    NOT_ACKNOWLEDGED,
                    None,
                    case_id,
                    reference,
                    f"forwarded {to_db_time(forwarded_at)}, no safety case number after {ack_days} days",
                )
            )
    return Report(
        at=now,
        flagged=len({row[0] for row in flagged}),
        screened_not_ae=not_ae,
        cases=len(cases),
        forwarded=forwarded,
        acknowledged=acknowledged,
        discrepancies=tuple(discrepancies),
    )
