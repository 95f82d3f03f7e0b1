"""Covering indexes for the team lead's figures, so a dashboard over 10^6 messages reads only its period.

Each report query reads one of these and never the wide message rows: inbound messages by
receipt (response times), flagged ones by receipt (PV), by day written (volume and mood per
channel and product, in index order so nothing is sorted), the open backlog, and closing status
changes by day (handled per day), whose filtered form looks the filtered columns up by message
id in a narrow index. Times are indexed as epoch seconds (narrow entries are fewer pages to
decrypt); the products a message names as the JSON text of ``pv_signal -> '$.products'``, so the
product filter needs no message row, and by themselves, so the few distinct lists can be listed
by skipping. cmdesk/store/reports.py uses the same expressions.
"""

from __future__ import annotations

import sqlcipher3

PRODUCTS = "(pv_signal -> '$.products')"

SCHEMA = (
    "CREATE INDEX IF NOT EXISTS message_report_received ON message(unixepoch(received_at), assignee, "
    "unixepoch(first_response_at), unixepoch(handled_at), first_response_at > due_at, account_id, "
    f"{PRODUCTS}) WHERE direction = 'in'",
    "CREATE INDEX IF NOT EXISTS message_report_flagged ON message(unixepoch(received_at), pv_screening, "
    f"account_id, assignee, {PRODUCTS}) WHERE direction = 'in' AND pv_suspected = 1",
    "CREATE INDEX IF NOT EXISTS message_report_created ON message(unixepoch(created_at) / 86400, account_id, "
    f"{PRODUCTS}, unixepoch(created_at), mood_label = 'negative', assignee) WHERE direction = 'in'",
    "CREATE INDEX IF NOT EXISTS message_report_open ON message(status, assignee, account_id, unixepoch(due_at), "
    f"{PRODUCTS}) WHERE direction = 'in' AND status IN ('open', 'waiting')",
    "CREATE INDEX IF NOT EXISTS status_event_report ON status_event(unixepoch(at) / 86400, actor, unixepoch(at), "
    "message_id) WHERE field = 'status' AND new_value IN ('done', 'no_action')",
    f"CREATE INDEX IF NOT EXISTS message_report_id ON message(id, account_id, assignee, {PRODUCTS})",
    f"CREATE INDEX IF NOT EXISTS message_report_products ON message({PRODUCTS})",
)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
