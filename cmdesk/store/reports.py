"""SQL behind the team-lead figures; every query is bounded by the report's time range.

The figures of a big store come from one aggregate query per section over the covering
indexes of migration m0003 (the expressions below must stay the same as there): rows are
grouped in index order, so no query sorts or reads a whole message row. Response times are
business seconds computed in SQL from a :class:`WallClock` table the caller derives from its
business calendar; only the values medians need leave SQLite, one sortable integer each.
Without those indexes (a store before m0003) every query still answers the same, slowly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cmdesk.store.engine import Connection

# Indexed expressions (migration m0003): a query reads them from the index only if written the same way.
PRODUCTS = "(m.pv_signal -> '$.products')"
RECEIVED = "unixepoch(m.received_at)"
CREATED = "unixepoch(m.created_at)"
CREATED_DAY = "unixepoch(m.created_at) / 86400"
NONE = 1 << 62  # in response_times: no such time (sorts after every agent's values)
MAX_AGENTS = 200  # distinct assignees response_times tells apart; more use the plain query


@dataclass(frozen=True)
class WallClock:
    """Business seconds as SQL computes them, for epoch seconds in [lo, hi).

    ``offsets`` are (from epoch second, UTC offset in seconds), ascending, the first covering lo.
    ``days`` holds for each local day from ``first_day`` (days since 1970-01-01, wall clock) six
    digits: 2 * (working days before it) + (1 if it is a working day). A working day is open
    ``length`` seconds from ``start`` seconds after local midnight.
    """

    lo: int
    hi: int
    offsets: tuple[tuple[int, int], ...]
    first_day: int
    days: bytes
    start: int
    length: int

    DIGITS = 6


def _filters(
    conn: Connection, *, account_ids: tuple[int, ...] = (), agent: str | None = None, product: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The report filter as SQL terms on ``m``. The unary + keeps them from choosing an index, so
    every query reads its own covering index (a queue index would need the message rows)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if account_ids:
        marks = ",".join(f":f_account{i}" for i in range(len(account_ids)))
        clauses.append(f"+m.account_id IN ({marks})")
        params.update({f"f_account{i}": a for i, a in enumerate(account_ids)})
    if agent:
        clauses.append("+m.assignee = :f_agent")
        params["f_agent"] = agent
    if product:
        lists = product_lists(conn, product)
        if lists is None:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each({PRODUCTS}) p WHERE p.value = :f_product)")
            params["f_product"] = product
        else:
            clauses.append(f"+{PRODUCTS} IN (SELECT value FROM json_each(:f_lists))")
            params["f_lists"] = json.dumps(lists)
    return "".join(f" AND {c}" for c in clauses), params


def product_lists(conn: Connection, product: str, *, limit: int = 5000) -> list[str] | None:
    """The distinct product lists (JSON text) of messages that name ``product``, found by skipping
    along their index: comparing each message's list with these few is exact and far cheaper
    than taking every list apart. None without the index or with too many distinct lists."""
    if not _has_index(conn, "message_report_products"):
        return None
    rows = conn.execute(
        f"""WITH RECURSIVE v(p, n) AS (
               SELECT (SELECT min({PRODUCTS}) FROM message m), 1
               UNION ALL
               SELECT (SELECT min({PRODUCTS}) FROM message m WHERE {PRODUCTS} > v.p), n + 1
               FROM v WHERE v.p IS NOT NULL AND n <= :limit)
           SELECT p, n, EXISTS (SELECT 1 FROM json_each(v.p) j WHERE j.value = :product) FROM v WHERE p IS NOT NULL""",
        {"limit": limit, "product": product},
    ).fetchall()
    if rows and rows[-1][1] > limit:
        return None
    return [p for p, _, named in rows if named]


def _has_index(conn: Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None


def _has_filter(f: dict[str, Any]) -> bool:
    return bool(f.get("account_ids") or f.get("agent") or f.get("product"))


# -- workload -------------------------------------------------------------------------------------


def inbound_assignees(conn: Connection, *, limit: int = MAX_AGENTS) -> list[str]:
    """Distinct assignees of inbound messages ('' for none), at most ``limit`` + 1, by skipping along an index."""
    rows = conn.execute(
        """WITH RECURSIVE a(v, n) AS (
               SELECT (SELECT min(assignee) FROM message WHERE direction = 'in'), 1
               UNION ALL
               SELECT (SELECT min(assignee) FROM message WHERE direction = 'in' AND assignee > a.v), n + 1
               FROM a WHERE a.v IS NOT NULL AND n <= :limit)
           SELECT v FROM a WHERE v IS NOT NULL""",
        {"limit": limit},
    ).fetchall()
    return sorted({"", *(v for (v,) in rows)})


def _local(x: str, clock: WallClock) -> str:
    """Wall-clock epoch seconds of the epoch-seconds expression ``x``."""
    if len(clock.offsets) == 1:
        return f"({x} + :c_off0)"
    whens = " ".join(f"WHEN {x} < :c_from{i} THEN :c_off{i - 1}" for i in range(1, len(clock.offsets)))
    return f"({x} + CASE {whens} ELSE :c_off{len(clock.offsets) - 1} END)"


def _day(x: str) -> str:
    """The day table's entry for wall-clock epoch seconds ``x`` (a blob: substr is a direct slice)."""
    return (
        f"CAST(substr(:c_days, ({x} / 86400 - :c_first_day) * {WallClock.DIGITS} + 1, {WallClock.DIGITS}) AS INTEGER)"
    )


def _business(x: str, day: str) -> str:
    """Business seconds since the clock's first day at wall-clock epoch seconds ``x`` on table entry ``day``."""
    return f"(({day} >> 1) * :c_length + ({day} & 1) * min(max({x} % 86400 - :c_start, 0), :c_length))"


def response_times(
    conn: Connection, *, start: str, end: str, clock: WallClock, agents: Sequence[str], **f: Any
) -> list[tuple[int, int, int | None]]:
    """Per inbound message received in range with a response, a closing or an unknown assignee:
    (agent index << 40 | first-response business seconds, agent index << 40 | handling seconds
    + 2**39, agent index if answered after the due time, else NULL); agent indexes are into
    ``agents`` ('' for unassigned), :data:`NONE` stands for no such time.

    Values are packed into one integer so sorting them sorts by agent, then value. A first value
    of -1 marks a row outside the clock's range or with an assignee not in ``agents``: the caller
    then uses :func:`responses`. (Arrays built inside SQLite would cost more: with SQLCipher's
    memory security every growing buffer is re-locked page by page.)
    """
    extra, params = _filters(conn, **f)
    params.update(start=start, end=end, c_hi=clock.hi, c_first_day=clock.first_day, c_days=clock.days)
    params.update(c_start=clock.start, c_length=clock.length, none=NONE)
    for i, (since, offset) in enumerate(clock.offsets):
        params[f"c_from{i}"], params[f"c_off{i}"] = since, offset
    whens = " ".join(f"WHEN :a{i} THEN {i}" for i in range(len(agents)))
    params.update({f"a{i}": agent for i, agent in enumerate(agents)})
    return conn.execute(
        f"""SELECT CASE WHEN ag < 0 OR (fr > rc AND fr >= :c_hi) THEN -1
                        WHEN fr IS NULL THEN :none
                        WHEN fr <= rc THEN ag << 40
                        ELSE ag << 40 | max(0, {_business("lf", "df")} - {_business("lr", "dr")}) END,
                   coalesce(ag << 40 | (hd - rc + (1 << 39)), :none),
                   CASE WHEN late THEN ag END
            FROM (
              SELECT ag, late, rc, fr, hd, lr, lf, {_day("lr")} AS dr,
                     CASE WHEN fr > rc AND fr < :c_hi THEN {_day("lf")} END AS df
              FROM (
              SELECT ag, late, rc, fr, hd, {_local("rc", clock)} AS lr, {_local("fr", clock)} AS lf
              FROM (
                SELECT CASE coalesce(m.assignee, '') {whens} ELSE -1 END AS ag,
                       m.first_response_at > m.due_at AS late, {RECEIVED} AS rc,
                       unixepoch(m.first_response_at) AS fr, unixepoch(m.handled_at) AS hd
                FROM message m
                WHERE m.direction = 'in' AND {RECEIVED} >= unixepoch(:start) AND {RECEIVED} < unixepoch(:end){extra}
                LIMIT -1)
              WHERE fr IS NOT NULL OR hd IS NOT NULL OR ag < 0
              LIMIT -1)
              LIMIT -1)""",
        params,
    ).fetchall()


def responses(conn: Connection, *, start: str, end: str, **f: Any) -> list[tuple[Any, ...]]:
    """(assignee, received_at, first_response_at, handled_at, due_at) of inbound messages received in range."""
    extra, params = _filters(conn, **f)
    return conn.execute(
        f"""SELECT m.assignee, m.received_at, m.first_response_at, m.handled_at, m.due_at
            FROM message m WHERE m.direction = 'in' AND m.received_at >= :start AND m.received_at < :end{extra}""",
        {**params, "start": start, "end": end},
    ).fetchall()


def open_items(conn: Connection, *, now: str, **f: Any) -> list[tuple[str, str | None, int, int, int]]:
    """(status, assignee, account id, items, items past due now) of open and waiting inbound messages."""
    extra, params = _filters(conn, **f)
    return conn.execute(
        f"""SELECT m.status, m.assignee, m.account_id, count(*),
                   count(*) FILTER (WHERE unixepoch(m.due_at) < unixepoch(:now))
            FROM message m WHERE m.direction = 'in' AND m.status IN ('open', 'waiting'){extra}
            GROUP BY 1, 2, 3""",
        {**params, "now": now},
    ).fetchall()


def accounts(conn: Connection) -> list[tuple[int, str]]:
    return conn.execute("SELECT id, name FROM channel_account ORDER BY name, id").fetchall()


def handled_per_day(conn: Connection, *, start: str, end: str, **f: Any) -> list[tuple[str, str, int]]:
    """(day, agent, handled) from the status history: who closed what, when."""
    extra, params = _filters(conn, **f)
    join = ""
    if _has_filter(f):  # the narrow message_report_id holds the filtered columns: no wide message row is read
        narrow = "INDEXED BY message_report_id " if _has_index(conn, "message_report_id") else ""
        join = f" JOIN message m {narrow}ON m.id = e.message_id"
    return conn.execute(
        f"""SELECT date(day * 86400, 'unixepoch'), actor, n FROM (
              SELECT unixepoch(e.at) / 86400 AS day, e.actor AS actor, count(*) AS n FROM status_event e{join}
              WHERE e.field = 'status' AND e.new_value IN ('done', 'no_action')
                AND unixepoch(e.at) / 86400 BETWEEN unixepoch(:start) / 86400 AND (unixepoch(:end) - 1) / 86400
                AND unixepoch(e.at) >= unixepoch(:start) AND unixepoch(e.at) < unixepoch(:end){extra}
              GROUP BY 1, 2 LIMIT -1)
            ORDER BY 1, 2""",
        {**params, "start": start, "end": end},
    ).fetchall()


# -- volume and mood ---------------------------------------------------------------------------------


def day_figures(
    conn: Connection, *, start: str, end: str, **f: Any
) -> tuple[list[tuple[str, int, str, int, int]], list[tuple[str, str, int, int]]]:
    """Inbound messages per day written: (day, account id, account name, volume, negative) per channel,
    and (day, product, volume, negative) per product named, in one pass over the period."""
    extra, params = _filters(conn, **f)
    rows = conn.execute(
        f"""WITH g AS MATERIALIZED (
                SELECT {CREATED_DAY} AS day, m.account_id AS account_id,
                       {PRODUCTS} AS products, count(*) AS n, sum(m.mood_label = 'negative') AS negative
                FROM message m
                WHERE m.direction = 'in'
                  AND {CREATED_DAY} BETWEEN unixepoch(:start) / 86400 AND (unixepoch(:end) - 1) / 86400
                  AND {CREATED} >= unixepoch(:start) AND {CREATED} < unixepoch(:end){extra}
                GROUP BY {CREATED_DAY}, m.account_id, {PRODUCTS})
            SELECT 0, date(g.day * 86400, 'unixepoch'), a.id, a.name, sum(g.n), sum(g.negative)
            FROM g JOIN channel_account a ON a.id = g.account_id GROUP BY g.day, a.id
            UNION ALL
            SELECT 1, date(g.day * 86400, 'unixepoch'), NULL, p.value, sum(g.n), sum(g.negative)
            FROM g, json_each(g.products) p GROUP BY g.day, p.value
            ORDER BY 1, 2, 3, 4""",
        {**params, "start": start, "end": end},
    ).fetchall()
    channels = [(d, i, n, v, neg) for kind, d, i, n, v, neg in rows if kind == 0]
    products = [(d, p, v, neg) for kind, d, _, p, v, neg in rows if kind == 1]
    return channels, products


# -- pharmacovigilance ----------------------------------------------------------------------------------


def flagged_counts(conn: Connection, *, start: str, end: str, **f: Any) -> tuple[int, int, int, int, int, int]:
    """Messages the detector flagged in range: (all, unscreened, not an AE, screened as a case,
    held by a case, screened as a case and held by one)."""
    extra, params = _filters(conn, **f)
    params.update(start=start, end=end)
    where = (
        f"m.direction = 'in' AND m.pv_suspected = 1 AND {RECEIVED} >= unixepoch(:start) "
        f"AND {RECEIVED} < unixepoch(:end){extra}"
    )
    flagged, unscreened, cleared, as_case = conn.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE m.pv_screening = 'unscreened'),
                   count(*) FILTER (WHERE m.pv_screening = 'not_ae'), count(*) FILTER (WHERE m.pv_screening = 'case')
            FROM message m WHERE {where}""",
        params,
    ).fetchone()
    with_case, as_case_with_case = conn.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE m.pv_screening = 'case')
            FROM (SELECT DISTINCT cm.message_id AS id FROM pv_case_message cm JOIN pv_case c ON c.id = cm.case_id) held
            CROSS JOIN message m ON m.id = held.id
            WHERE {where}""",
        params,
    ).fetchone()
    return int(flagged), int(unscreened), int(cleared), int(as_case), int(with_case), int(as_case_with_case)


def cases(conn: Connection) -> list[tuple[Any, ...]]:
    """(id, reference, state, day0, serious, internal_due_at, regulatory_due_at, forwarded_at, acknowledged_at)."""
    return conn.execute(
        """SELECT id, reference, state, day0, serious, internal_due_at, regulatory_due_at, forwarded_at,
                  acknowledged_at FROM pv_case ORDER BY day0"""
    ).fetchall()


def follow_ups_outstanding(conn: Connection) -> int:
    return int(
        conn.execute(
            """SELECT count(*) FROM pv_follow_up f JOIN pv_case c ON c.id = f.case_id
           WHERE f.outcome = 'requested' AND c.state NOT IN ('acknowledged', 'closed_invalid')"""
        ).fetchone()[0]
    )


def accounts_health(conn: Connection) -> list[tuple[int, str, str, str, str | None, str | None, str | None]]:
    return conn.execute(
        "SELECT id, name, kind, status, last_success_at, last_error, last_error_at FROM channel_account ORDER BY name"
    ).fetchall()
