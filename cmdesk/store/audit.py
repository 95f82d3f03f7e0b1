"""The audit trail: append-only rows, each carrying the hash of the one before.

Changing, inserting or deleting a row breaks the chain at that row, so
``verify`` can name it. The head (last id and hash) is also kept in ``meta`` so
that cutting rows off the end is caught too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cmdesk.store.codec import from_db_time, from_json, to_db_time, to_json
from cmdesk.store.engine import Connection

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditProblem:
    row_id: int
    what: str  # "edited", "inserted", "deleted before", "cut off after"

    def __str__(self) -> str:
        return f"audit row {self.row_id}: {self.what}"


def _row_hash(
    *, prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str | None, detail: str
) -> str:
    canonical = to_json([prev_hash, at, actor, action, entity, entity_id, detail])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    conn: Connection,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int | None = None,
    detail: dict[str, Any] | None = None,
) -> int:
    """Add one audit row inside the caller's transaction (so the change and its audit commit together)."""
    head = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = head[1] if head else GENESIS
    at_text = to_db_time(at) or ""
    eid = None if entity_id is None else str(entity_id)
    detail_text = to_json(detail or {})
    digest = _row_hash(
        prev_hash=prev_hash, at=at_text, actor=actor, action=action, entity=entity, entity_id=eid, detail=detail_text
    )
    cur = conn.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
        (at_text, actor, action, entity, eid, detail_text, prev_hash, digest),
    )
    row_id = int(cur.lastrowid or 0)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (to_json({"id": row_id, "hash": digest}),),
    )
    return row_id


def verify(conn: Connection) -> list[AuditProblem]:
    """Walk the chain and name every row where it breaks; an empty list means intact."""
    problems: list[AuditProblem] = []
    prev_hash = GENESIS
    prev_id = 0
    for row in conn.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit ORDER BY id"
    ):
        row_id, at, actor, action, entity, entity_id, detail, stored_prev, stored_hash = row
        expected = _row_hash(
            prev_hash=stored_prev, at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail
        )
        if expected != stored_hash:
            problems.append(AuditProblem(row_id, "edited (its content no longer matches its hash)"))
        elif stored_prev != prev_hash:
            if row_id != prev_id + 1:
                problems.append(AuditProblem(row_id, f"a row before it was deleted (after row {prev_id})"))
            else:
                problems.append(AuditProblem(row_id, "inserted or rewritten (it does not chain to the row before)"))
        prev_hash = stored_hash
        prev_id = row_id
    head_row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    head = from_json(head_row[0], {}) if head_row else {}
    if head and (head.get("id") != prev_id or head.get("hash") != prev_hash):
        problems.append(
            AuditProblem(int(head.get("id", 0)), f"rows after {prev_id} were cut off or the head was changed")
        )
    return problems


def entries(
    conn: Connection, *, entity: str | None = None, entity_id: str | None = None, limit: int = 500
) -> list[AuditEntry]:
    """The newest audit rows, optionally for one entity (a message, a case)."""
    where, params = [], []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    sql = "SELECT id, at, actor, action, entity, entity_id, detail FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = conn.execute(sql, (*params, limit)).fetchall()
    return [
        AuditEntry(
            id=r[0], at=_time(r[1]), actor=r[2], action=r[3], entity=r[4], entity_id=r[5], detail=from_json(r[6], {})
        )
        for r in rows
    ]


def _time(text: str) -> datetime:
    value = from_db_time(text)
    assert value is not None
    return value
