"""Find a PV case's products, events and follow-ups by the case, not by scanning every case's rows.

Loading one case (the case form, an export, reconciliation) read the whole of pv_case_product,
pv_case_event and pv_follow_up: with the demo's 118,000 cases at 10^6 messages, every case load
scanned hundreds of thousands of rows.
"""

from __future__ import annotations

import sqlcipher3

SCHEMA = (
    "CREATE INDEX IF NOT EXISTS pv_case_product_case ON pv_case_product(case_id)",
    "CREATE INDEX IF NOT EXISTS pv_case_event_case ON pv_case_event(case_id)",
    "CREATE INDEX IF NOT EXISTS pv_follow_up_case ON pv_follow_up(case_id)",
)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
