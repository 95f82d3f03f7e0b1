"""SQL of PV cases (case, products, events, source messages, follow-ups), PV screening and MedDRA."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from cmdesk.store.engine import Connection

CASE_COLUMNS = (
    "id, reference, state, person_id, day0, coalesce(day0_reason, ''), seriousness, reporter, patient, "
    "narrative, internal_due_at, regulatory_due_at, forwarded_at, coalesce(forwarded_by, ''), "
    "coalesce(forward_method, ''), coalesce(forward_to, ''), coalesce(safety_case_number, ''), "
    "acknowledged_at, coalesce(closed_reason, ''), follow_up_of, created_by, created_at, updated_at"
)
PRODUCT_COLUMNS = "id, name, substance, role, batch, dose, route, indication, action_taken"
EVENT_COLUMNS = "id, verbatim, language, meddra_llt_code, meddra_version, onset, outcome, details"

CaseTextColumn = Literal["reporter", "patient", "narrative"]
CASE_TEXT_COLUMNS: frozenset[str] = frozenset({"reporter", "patient", "narrative"})
MEDDRA_TABLES = ("meddra_llt", "meddra_pt", "meddra_soc")

# -- cases: reading --------------------------------------------------------------------------


def case_row(conn: Connection, case_id: int) -> tuple[Any, ...] | None:
    """The ``pv_case`` row in ``CASE_COLUMNS`` order (optional texts as '')."""
    row: tuple[Any, ...] | None = conn.execute(
        f"SELECT {CASE_COLUMNS} FROM pv_case WHERE id = ?", (case_id,)
    ).fetchone()
    return row


def case_ids(conn: Connection, *, states: Sequence[str] | None = None, due_before: str | None = None) -> list[int]:
    """Ids of cases in ``states`` (all when None) due by ``due_before``, earliest internal deadline first."""
    sql = "SELECT id FROM pv_case"
    where: list[str] = []
    params: list[Any] = []
    if states is not None:
        where.append(f"state IN ({','.join('?' * len(states))})")
        params.extend(states)
    if due_before is not None:
        where.append("internal_due_at <= ?")
        params.append(due_before)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY internal_due_at, id"
    return [int(row[0]) for row in conn.execute(sql, params).fetchall()]


def product_rows(conn: Connection, case_id: int) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = conn.execute(
        f"SELECT {PRODUCT_COLUMNS} FROM pv_case_product WHERE case_id = ? ORDER BY id", (case_id,)
    ).fetchall()
    return rows


def event_rows(conn: Connection, case_id: int) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM pv_case_event WHERE case_id = ? ORDER BY id", (case_id,)
    ).fetchall()
    return rows


def case_message_rows(conn: Connection, case_id: int) -> list[tuple[int, str, str, str]]:
    """(message id, snapshot JSON, snapshot hash, added at) of the case's source messages, oldest first."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT message_id, snapshot, snapshot_hash, added_at FROM pv_case_message WHERE case_id = ? "
            "ORDER BY added_at, message_id",
            (case_id,),
        ).fetchall()
    ]


def follow_up_rows(conn: Connection, case_id: int) -> list[tuple[Any, ...]]:
    """(at, actor, channel, outcome, note, template id, id) of the case's follow-ups, oldest first."""
    rows: list[tuple[Any, ...]] = conn.execute(
        "SELECT at, actor, channel, outcome, note, template_id, id FROM pv_follow_up WHERE case_id = ? ORDER BY at, id",
        (case_id,),
    ).fetchall()
    return rows


def last_reference_number(conn: Connection, prefix: str) -> int:
    """The highest number after ``prefix`` among case references starting with it, 0 when none does."""
    row = conn.execute(
        "SELECT max(CAST(substr(reference, ?) AS INTEGER)) FROM pv_case WHERE reference LIKE ?",
        (len(prefix) + 1, prefix + "%"),
    ).fetchone()
    return int(row[0] or 0)


def case_reference_of_message(conn: Connection, message_id: int) -> str | None:
    """The reference of the case the message belongs to, or None."""
    row = conn.execute(
        "SELECT c.reference FROM pv_case_message cm JOIN pv_case c ON c.id = cm.case_id WHERE cm.message_id = ?",
        (message_id,),
    ).fetchone()
    return None if row is None else str(row[0])


# -- cases: writing --------------------------------------------------------------------------


def insert_case(
    conn: Connection,
    *,
    reference: str,
    state: str,
    person_id: int | None,
    day0: str,
    serious: bool,
    seriousness: str,
    reporter: str,
    patient: str,
    narrative: str,
    internal_due_at: str,
    regulatory_due_at: str,
    created_by: str,
    created_at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO pv_case (reference, state, person_id, day0, serious, seriousness, reporter, patient, "
        "narrative, internal_due_at, regulatory_due_at, created_by, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            reference,
            state,
            person_id,
            day0,
            int(serious),
            seriousness,
            reporter,
            patient,
            narrative,
            internal_due_at,
            regulatory_due_at,
            created_by,
            created_at,
            created_at,
        ),
    )
    return int(cur.lastrowid or 0)


def insert_product(
    conn: Connection,
    case_id: int,
    *,
    name: str,
    substance: str,
    role: str,
    batch: str,
    dose: str,
    route: str,
    indication: str,
    action_taken: str,
) -> None:
    conn.execute(
        "INSERT INTO pv_case_product (case_id, name, substance, role, batch, dose, route, indication, "
        "action_taken) VALUES (?,?,?,?,?,?,?,?,?)",
        (case_id, name, substance, role, batch, dose, route, indication, action_taken),
    )


def delete_products(conn: Connection, case_id: int) -> None:
    conn.execute("DELETE FROM pv_case_product WHERE case_id = ?", (case_id,))


def insert_event(
    conn: Connection,
    case_id: int,
    *,
    verbatim: str,
    language: str,
    meddra_llt_code: str,
    meddra_version: str,
    onset: str | None,
    outcome: str,
    details: str,
) -> None:
    conn.execute(
        "INSERT INTO pv_case_event (case_id, verbatim, language, meddra_llt_code, meddra_version, onset, "
        "outcome, details) VALUES (?,?,?,?,?,?,?,?)",
        (case_id, verbatim, language, meddra_llt_code, meddra_version, onset, outcome, details),
    )


def delete_events(conn: Connection, case_id: int) -> None:
    conn.execute("DELETE FROM pv_case_event WHERE case_id = ?", (case_id,))


def insert_case_message(
    conn: Connection, *, case_id: int, message_id: int, snapshot: str, snapshot_hash: str, added_at: str
) -> None:
    conn.execute(
        "INSERT INTO pv_case_message (case_id, message_id, snapshot, snapshot_hash, added_at) VALUES (?,?,?,?,?)",
        (case_id, message_id, snapshot, snapshot_hash, added_at),
    )


def insert_follow_up(
    conn: Connection,
    *,
    case_id: int,
    at: str,
    actor: str,
    channel: str,
    template_id: int | None,
    outcome: str,
    note: str,
) -> None:
    conn.execute(
        "INSERT INTO pv_follow_up (case_id, at, actor, channel, template_id, outcome, note) VALUES (?,?,?,?,?,?,?)",
        (case_id, at, actor, channel, template_id, outcome, note),
    )


def set_case_text(conn: Connection, case_id: int, *, column: CaseTextColumn, value: str) -> None:
    """Set reporter or patient (JSON) or the narrative."""
    if column not in CASE_TEXT_COLUMNS:  # the name goes into the SQL: never let anything else through
        raise ValueError(f"not a case text column: {column!r}")
    conn.execute(f"UPDATE pv_case SET {column} = ? WHERE id = ?", (value, case_id))


def set_day0(conn: Connection, case_id: int, *, day0: str, reason: str) -> None:
    conn.execute("UPDATE pv_case SET day0 = ?, day0_reason = ? WHERE id = ?", (day0, reason, case_id))


def set_seriousness(conn: Connection, case_id: int, *, seriousness: str, serious: bool) -> None:
    conn.execute("UPDATE pv_case SET seriousness = ?, serious = ? WHERE id = ?", (seriousness, int(serious), case_id))


def set_deadlines(conn: Connection, case_id: int, *, internal_due_at: str, regulatory_due_at: str) -> None:
    conn.execute(
        "UPDATE pv_case SET internal_due_at = ?, regulatory_due_at = ? WHERE id = ?",
        (internal_due_at, regulatory_due_at, case_id),
    )


def set_state(conn: Connection, case_id: int, *, state: str, updated_at: str) -> None:
    conn.execute("UPDATE pv_case SET state = ?, updated_at = ? WHERE id = ?", (state, updated_at, case_id))


def touch(conn: Connection, case_id: int, *, updated_at: str) -> None:
    conn.execute("UPDATE pv_case SET updated_at = ? WHERE id = ?", (updated_at, case_id))


def set_forwarded(conn: Connection, case_id: int, *, at: str, by: str, method: str, to: str) -> None:
    conn.execute(
        "UPDATE pv_case SET forwarded_at = ?, forwarded_by = ?, forward_method = ?, forward_to = ? WHERE id = ?",
        (at, by, method, to, case_id),
    )


def set_acknowledged(conn: Connection, case_id: int, *, safety_case_number: str, at: str) -> None:
    conn.execute(
        "UPDATE pv_case SET safety_case_number = ?, acknowledged_at = ? WHERE id = ?",
        (safety_case_number, at, case_id),
    )


def set_closed_reason(conn: Connection, case_id: int, reason: str) -> None:
    conn.execute("UPDATE pv_case SET closed_reason = ? WHERE id = ?", (reason, case_id))


def set_follow_up_of(conn: Connection, case_id: int, of_case_id: int | None) -> None:
    conn.execute("UPDATE pv_case SET follow_up_of = ? WHERE id = ?", (of_case_id, case_id))


# -- messages as PV sources ------------------------------------------------------------------


def source_row(conn: Connection, message_id: int) -> tuple[Any, ...] | None:
    """What a case needs of a message: (id, text, url, created at, received at, language, pv_signal JSON,
    account name, channel kind, account settings JSON, author name, handle, profile url, person id, author id)."""
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT m.id, m.text, coalesce(m.url, ''), m.created_at, m.received_at, coalesce(m.language, ''), "
        "m.pv_signal, ch.name, ch.kind, ch.settings, coalesce(a.name, ''), coalesce(a.handle, ''), "
        "coalesce(a.profile_url, ''), a.person_id, m.author_id "
        "FROM message m JOIN channel_account ch ON ch.id = m.account_id "
        "LEFT JOIN author a ON a.id = m.author_id WHERE m.id = ?",
        (message_id,),
    ).fetchone()
    return row


def review_rows(conn: Connection, *, screening: str) -> list[tuple[Any, ...]]:
    """(id, text, author name, account name, received at, pv_suspected, pv_score) of incoming messages
    with that screening, oldest first."""
    rows: list[tuple[Any, ...]] = conn.execute(
        "SELECT m.id, m.text, coalesce(a.name, ''), ch.name, m.received_at, m.pv_suspected, m.pv_score "
        "FROM message m JOIN channel_account ch ON ch.id = m.account_id "
        "LEFT JOIN author a ON a.id = m.author_id "
        "WHERE m.direction = 'in' AND m.pv_screening = ? ORDER BY m.received_at, m.id",
        (screening,),
    ).fetchall()
    return rows


def screening(conn: Connection, message_id: int) -> str | None:
    """The message's pv_screening, None when there is no such message."""
    row = conn.execute("SELECT pv_screening FROM message WHERE id = ?", (message_id,)).fetchone()
    return None if row is None else str(row[0])


def set_screening(conn: Connection, message_id: int, *, screening: str, reason: str | None) -> None:
    conn.execute(
        "UPDATE message SET pv_screening = ?, pv_screening_reason = ? WHERE id = ?", (screening, reason, message_id)
    )


# -- forwarding by e-mail --------------------------------------------------------------------


def first_email_account(conn: Connection) -> int | None:
    """The e-mail account cases are sent from (the first configured), or None."""
    row = conn.execute("SELECT id FROM channel_account WHERE kind = 'email' ORDER BY id LIMIT 1").fetchone()
    return None if row is None else int(row[0])


def queue_email(conn: Connection, *, account_id: int, payload: str, actor: str, at: str) -> int:
    """Put an e-mail into the outbox; returns the outbox id."""
    cur = conn.execute(
        "INSERT INTO outbox (account_id, action, payload, state, created_by, created_at, updated_at) "
        "VALUES (?, 'email', ?, 'queued', ?, ?, ?)",
        (account_id, payload, actor, at, at),
    )
    return int(cur.lastrowid or 0)


# -- reconciliation --------------------------------------------------------------------------


def flagged_rows(conn: Connection) -> list[tuple[int, str, int | None, str | None, str | None]]:
    """(message id, pv_screening, case id, reference, state) for each incoming message suspected or in a case
    (one row per case it is in, or one with None for the case when in none), by message id."""
    return [
        (r[0], r[1], r[2], r[3], r[4])
        for r in conn.execute(
            "SELECT m.id, m.pv_screening, c.id, c.reference, c.state FROM message m "
            "LEFT JOIN pv_case_message cm ON cm.message_id = m.id LEFT JOIN pv_case c ON c.id = cm.case_id "
            "WHERE m.direction = 'in' AND (m.pv_suspected = 1 OR m.pv_screening = 'case') ORDER BY m.id"
        ).fetchall()
    ]


def forwarding_rows(conn: Connection) -> list[tuple[int, str, str, str, str | None, str | None]]:
    """(id, reference, state, internal due at, forwarded at, acknowledged at) of every case, by id."""
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5])
        for r in conn.execute(
            "SELECT id, reference, state, internal_due_at, forwarded_at, acknowledged_at FROM pv_case ORDER BY id"
        ).fetchall()
    ]


# -- MedDRA ----------------------------------------------------------------------------------


def meddra_releases(conn: Connection) -> dict[str, str]:
    """Loaded languages -> MedDRA version."""
    return {row[0]: row[1] for row in conn.execute("SELECT language, version FROM meddra_release ORDER BY language")}


def meddra_version(conn: Connection, language: str) -> str | None:
    row = conn.execute("SELECT version FROM meddra_release WHERE language = ?", (language,)).fetchone()
    return None if row is None else str(row[0])


def replace_meddra(
    conn: Connection,
    *,
    language: str,
    version: str,
    loaded_at: str,
    socs: Sequence[tuple[str, str, str]],
    pts: Sequence[tuple[str, str, str]],
    llts: Sequence[tuple[str, str, str, str, int]],
) -> None:
    """Replace one language's dictionary: socs (code, name, abbrev), pts (code, name, primary SOC code),
    llts (code, name, lower-case name, PT code, current 0/1)."""
    for table in MEDDRA_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE language = ?", (language,))
    conn.executemany(
        "INSERT INTO meddra_soc (language, code, name, abbrev) VALUES (?,?,?,?)", [(language, *s) for s in socs]
    )
    conn.executemany(
        "INSERT INTO meddra_pt (language, code, name, primary_soc_code) VALUES (?,?,?,?)",
        [(language, *p) for p in pts],
    )
    conn.executemany(
        "INSERT INTO meddra_llt (language, code, name, name_lower, pt_code, current) VALUES (?,?,?,?,?,?)",
        [(language, *x) for x in llts],
    )
    conn.execute(
        "INSERT INTO meddra_release (language, version, loaded_at) VALUES (?,?,?) "
        "ON CONFLICT(language) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at",
        (language, version, loaded_at),
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_llts(
    conn: Connection, needle: str, *, language: str, limit: int, include_non_current: bool
) -> list[tuple[str, str, str, str, str, bool]]:
    """(LLT code, LLT name, PT code, PT name, primary SOC name, current) of LLTs whose lower-case name
    starts with ``needle`` (first), then of those containing it; shorter names first."""
    current = "" if include_non_current else " AND l.current = 1"
    rows = conn.execute(
        "SELECT l.code, l.name, l.pt_code, coalesce(p.name, ''), coalesce(s.name, ''), l.current, "
        "CASE WHEN l.name_lower LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END AS rank "
        "FROM meddra_llt l LEFT JOIN meddra_pt p ON p.language = l.language AND p.code = l.pt_code "
        "LEFT JOIN meddra_soc s ON s.language = l.language AND s.code = p.primary_soc_code "
        f"WHERE l.language = ? AND l.name_lower LIKE ? ESCAPE '\\'{current} "
        "ORDER BY rank, length(l.name), l.name LIMIT ?",
        (_like_escape(needle) + "%", language, "%" + _like_escape(needle) + "%", limit),
    ).fetchall()
    return [(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]
