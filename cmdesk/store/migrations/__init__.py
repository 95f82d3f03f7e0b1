"""Ordered, transactional, named schema migrations, one module each in this package.

Each module ``mNNNN_name.py`` has an ``apply(conn)`` that only runs DDL/DML; the runner wraps
it in a transaction and records its name, so a crash mid-migration leaves the old schema.
The list below is explicit (a test checks it against the files): discovery by directory
listing fails silently in a frozen installer bundle, and a store without its schema is
worse than a crash.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import sqlcipher3

from cmdesk.errors import NewerSchema


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlcipher3.Connection], None]


NAMES: tuple[str, ...] = (
    "m0001_initial",
    "m0002_meddra",
    "m0003_report_indexes",
    "m0004_queue_indexes",
    "m0005_outbox_remote",
    "m0006_pv_case_parts",
    "m0007_merge_suggestion_person",
)


def all_migrations() -> list[Migration]:
    """Every migration this cmdesk knows, in the order they must run."""
    return [Migration(n, importlib.import_module(f"{__name__}.{n}").apply) for n in NAMES]


def applied(conn: sqlcipher3.Connection) -> list[str]:
    """Names of the migrations already applied (reads only; an empty list for a new file)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY name")]


def check_not_newer(conn: sqlcipher3.Connection, *, label: str) -> None:
    """Refuse a store written by a newer cmdesk: its extra tables would be misread."""
    known = {m.name for m in all_migrations()}
    unknown = [name for name in applied(conn) if name not in known]
    if unknown:
        raise NewerSchema(
            "{label} was written by a newer cmdesk (schema step {step} is unknown to this version, "
            "which knows up to {latest}); update cmdesk to open it.",
            label=label,
            step=unknown[-1],
            latest=max(known),
        )


def migrate(conn: sqlcipher3.Connection, *, now: str, upto: str | None = None) -> list[str]:
    """Apply the missing migrations (up to and including ``upto``); return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = set(applied(conn))
    ran: list[str] = []
    for migration in all_migrations():
        if upto is not None and migration.name > upto:
            break
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (migration.name, now))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        ran.append(migration.name)
    return ran
