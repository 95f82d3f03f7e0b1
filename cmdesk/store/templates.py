"""SQL of the reply template library: templates, their versions, approvals and usage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmdesk.store.engine import Connection

COLUMNS = "id, name, category, language, channels, tags, shortcut, pv_safe, usage_count"
VERSION_COLUMNS = (
    "id, version, body, state, created_by, created_at, approval_reference, approved_by, approved_at, expires_at"
)


def template_row(conn: Connection, template_id: int) -> Sequence[Any] | None:
    row: Sequence[Any] | None = conn.execute(f"SELECT {COLUMNS} FROM template WHERE id = ?", (template_id,)).fetchone()
    return row


def template_rows(conn: Connection, *, language: str | None, category: str | None) -> list[Sequence[Any]]:
    sql = f"SELECT {COLUMNS} FROM template WHERE 1=1"
    args: list[Any] = []
    if language:
        sql += " AND language = ?"
        args.append(language)
    if category:
        sql += " AND category = ?"
        args.append(category)
    return list(conn.execute(sql + " ORDER BY category, name", args).fetchall())


def version_rows(conn: Connection, template_id: int) -> list[Sequence[Any]]:
    return list(
        conn.execute(
            f"SELECT {VERSION_COLUMNS} FROM template_version WHERE template_id = ? ORDER BY version", (template_id,)
        ).fetchall()
    )


def usage_rows(conn: Connection) -> list[Sequence[Any]]:
    """(template id, name, language, uses, last use) for every template, most used first."""
    return list(
        conn.execute(
            "SELECT t.id, t.name, t.language, COUNT(u.id), MAX(u.at) FROM template t"
            " LEFT JOIN template_version v ON v.template_id = t.id"
            " LEFT JOIN template_usage u ON u.template_version_id = v.id"
            " GROUP BY t.id ORDER BY COUNT(u.id) DESC, t.name"
        ).fetchall()
    )


def exists(conn: Connection, *, name: str, language: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM template WHERE name = ? AND language = ?", (name, language)).fetchone() is not None
    )


def insert_template(
    conn: Connection,
    *,
    name: str,
    category: str,
    language: str,
    channels: str,
    tags: str,
    shortcut: str | None,
    pv_safe: bool,
    created_at: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO template (name, category, language, channels, tags, shortcut, pv_safe, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (name, category, language, channels, tags, shortcut, int(pv_safe), created_at),
    )
    return int(cursor.lastrowid or 0)


def insert_version(
    conn: Connection,
    *,
    template_id: int,
    version: int,
    body: str,
    state: str,
    created_by: str,
    created_at: str,
    approval_reference: str | None = None,
    approved_by: str | None = None,
    approved_at: str | None = None,
    expires_at: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO template_version (template_id, version, body, state, created_by, created_at,"
        " approval_reference, approved_by, approved_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            template_id,
            version,
            body,
            state,
            created_by,
            created_at,
            approval_reference,
            approved_by,
            approved_at,
            expires_at,
        ),
    )


def set_body(conn: Connection, version_id: int, body: str) -> None:
    conn.execute("UPDATE template_version SET body = ? WHERE id = ?", (body, version_id))


def set_state(conn: Connection, version_id: int, state: str) -> None:
    conn.execute("UPDATE template_version SET state = ? WHERE id = ?", (state, version_id))


def approve(conn: Connection, version_id: int, *, reference: str, actor: str, at: str, expires_at: str | None) -> None:
    conn.execute(
        "UPDATE template_version SET state = 'approved', approval_reference = ?, approved_by = ?,"
        " approved_at = ?, expires_at = ? WHERE id = ?",
        (reference, actor, at, expires_at, version_id),
    )


def add_approval_event(
    conn: Connection,
    version_id: int,
    *,
    action: str,
    actor: str,
    reference: str | None,
    at: str,
    expires_at: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO approval (template_version_id, action, actor, reference, expires_at, at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (version_id, action, actor, reference, expires_at, at),
    )


def record_use(conn: Connection, version_id: int, *, message_id: int | None, actor: str, at: str) -> None:
    conn.execute(
        "INSERT INTO template_usage (template_version_id, message_id, actor, at) VALUES (?, ?, ?, ?)",
        (version_id, message_id, actor, at),
    )
    conn.execute(
        "UPDATE template SET usage_count = usage_count + 1"
        " WHERE id = (SELECT template_id FROM template_version WHERE id = ?)",
        (version_id,),
    )
