"""MedDRA dictionary tables: a licensed release the company loads itself (cmdesk ships none).

Only what coding needs: LLTs (with currency), PTs with their primary SOC, SOC
names, and which release/language is loaded (the E2B export names the version).
"""

from __future__ import annotations

import sqlcipher3

SCHEMA = (
    "CREATE TABLE meddra_release (language TEXT PRIMARY KEY, version TEXT NOT NULL, loaded_at TEXT NOT NULL)",
    "CREATE TABLE meddra_soc (language TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, abbrev TEXT, "
    "PRIMARY KEY (language, code))",
    "CREATE TABLE meddra_pt (language TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, "
    "primary_soc_code TEXT, PRIMARY KEY (language, code))",
    "CREATE TABLE meddra_llt (language TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, "
    "name_lower TEXT NOT NULL, pt_code TEXT NOT NULL, current INTEGER NOT NULL DEFAULT 1, "
    "PRIMARY KEY (language, code))",
    "CREATE INDEX meddra_llt_name ON meddra_llt(language, name_lower)",
)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
