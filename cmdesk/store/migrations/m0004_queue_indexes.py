"""Queue indexes for filters on a million messages: one wide index in queue order, PV review in queue order.

``message_queue_filter`` holds every column a queue chip filters on, in queue order. A filter
the narrow indexes of m0001 cannot answer alone (a mood or language chip, several statuses)
walks it in order and stops after the first page, never touching the table; its count reads
only the index. ``message_pv_review_queue`` gives the PV review view the queue order without
a sort (m0001's ``message_pv_queue`` orders by due time, as the PV screens want).
"""

from __future__ import annotations

import sqlcipher3

SCHEMA = (
    "CREATE INDEX IF NOT EXISTS message_queue_filter ON message("
    "priority, due_at, id, status, assignee, account_id, mood_label, pv_suspected, pv_screening, "
    "language, intent, created_at) WHERE direction = 'in'",
    "CREATE INDEX IF NOT EXISTS message_pv_review_queue ON message(pv_screening, priority, due_at, id) "
    "WHERE direction = 'in'",
)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
