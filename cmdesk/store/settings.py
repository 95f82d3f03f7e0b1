"""SQL for desk settings and the agents (users) of this desk."""

from __future__ import annotations

from typing import Any

from cmdesk.store.codec import from_json, to_json
from cmdesk.store.engine import Connection


def get(conn: Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return from_json(row[0]) if row else None


def put(conn: Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, to_json(value)),
    )


def all_settings(conn: Connection) -> dict[str, Any]:
    return {key: from_json(value) for key, value in conn.execute("SELECT key, value FROM setting")}


def agents(conn: Connection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute("SELECT name, role FROM agent ORDER BY name")]


def add_agent(conn: Connection, *, name: str, role: str, created_at: str) -> None:
    conn.execute(
        "INSERT INTO agent (name, role, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET role = excluded.role",
        (name, role, created_at),
    )
