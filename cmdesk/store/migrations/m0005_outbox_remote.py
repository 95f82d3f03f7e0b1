"""Find the outbox item behind a message the channel gave back: by account and remote id.

A reply the desk sent comes back from the channel as an outbound message whose external id is
the remote id the outbox recorded. The thread names the agent who sent it from that item; without
this index each message of a thread would scan the whole outbox, which grows with every reply.
"""

from __future__ import annotations

import sqlcipher3

SCHEMA = ("CREATE INDEX IF NOT EXISTS outbox_remote ON outbox(account_id, remote_id) WHERE remote_id IS NOT NULL",)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
