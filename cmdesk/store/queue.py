"""SQL for the queue: one filter becomes one WHERE clause, ordered by priority and due time."""

from __future__ import annotations

import re
import threading
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import Connection, OperationalError

# The order every queue uses: most urgent rank first, then the earliest due, then oldest id.
ORDER = "m.priority, m.due_at, m.id"

VIEWS = ("my", "unassigned", "pv_review", "waiting", "done", "all")


@dataclass(frozen=True)
class QueueFilter:
    """What the user asked to see: a view plus optional chips and a search text.

    ``view`` is one of VIEWS, or ``account:<id>`` for one channel account.
    """

    view: str = "all"
    me: str | None = None  # the agent, for the "my" view
    account_ids: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    pv: bool | None = None  # True: suspected only, False: not suspected
    assignee: str | None = None  # "" means unassigned
    languages: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    person_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "view": self.view,
            "account_ids": list(self.account_ids),
            "statuses": list(self.statuses),
            "moods": list(self.moods),
            "intents": list(self.intents),
            "pv": self.pv,
            "assignee": self.assignee,
            "languages": list(self.languages),
            "tags": list(self.tags),
            "person_id": self.person_id,
            "created_from": to_db_time(self.created_from),
            "created_to": to_db_time(self.created_to),
            "search": self.search,
        }


def fts_query(text: str) -> str:
    """Turn what a user types into a safe FTS5 query: every word quoted, the last one as a prefix.

    Quoting neutralises FTS5 syntax (AND, NEAR, column filters, stray quotes) in user input.
    German spellings are searched together: the index folds ü to u, and a word typed as
    "Gruesse" or "Grüsse" also finds "Grüße" (ue/ae/oe for umlauts, ss for ß).
    """
    words = re.findall(r"[\w@#'-]+", text, flags=re.UNICODE)
    if not words:
        return ""
    parts = []
    for n, word in enumerate(words):
        star = "*" if n == len(words) - 1 else ""
        quoted = ['"' + v.replace('"', '""') + '"' + star for v in spellings(word)]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " ".join(parts)


def spellings(word: str) -> list[str]:
    """The word and its German spelling variants (umlaut transliteration, ss and ß), original first."""
    lower = word.lower()
    found = [word]
    umlauts = lower.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
    for variant in (umlauts, lower.replace("ß", "ss"), lower.replace("ss", "ß"), umlauts.replace("ss", "ß")):
        if variant not in found and variant != lower:
            found.append(variant)
    return found


# How a query walks the table. A filter the narrow indexes of m0001 answer alone (the view's own
# columns, each equal to one value) lets SQLite pick that index. Any other filter walks
# ``message_queue_filter`` (m0004), which holds every chip column in queue order: the first page
# stops early, a count reads the index only, and no filter ever reads the table row by row.
NARROW_INDEXES = (
    frozenset({"status"}),
    frozenset({"assignee", "status"}),
    frozenset({"account_id", "status"}),
    frozenset({"pv_screening"}),
)
# A search with at most this many full-text hits reads just those messages (and sorts them);
# with more, the queue index is walked in order and each entry is checked against the hits.
FEW_HITS = 1_000
HIT_SLICE = 10_000  # queue ids read in the first slice of a search page (then twice as many each time)
HIT_SCAN = 300_000  # most queue ids a search page reads before it leaves the work to SQLite
HIT_SET_MAX = 300_000  # most hits a search page holds as a set; with more, SQLite walks the queue alone
PARSE_CHUNK = 400_000  # characters of an id list parsed while holding Python's lock (~50,000 ids, a few ms)


class ReadCanceller:
    """Stops one read's statements from another thread (sqlite3_interrupt); never touches other reads.

    The worker runs its statements inside :meth:`running`; :meth:`cancel` (from any thread) interrupts
    the statement running then, and any later one fails at once. A statement interrupted this way
    raises OperationalError. Nothing runs in Python while the statement runs, so a long read costs
    the window nothing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._cancelled = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                cast(Any, self._conn).interrupt()

    @contextmanager
    def running(self, conn: Connection) -> Iterator[None]:
        with self._lock:
            if self._cancelled:
                raise OperationalError("interrupted")
            self._conn = conn
        try:
            yield
        finally:
            with self._lock:
                self._conn = None


@dataclass
class _Where:
    """A filter's conditions, kept apart so the query can choose its index."""

    terms: list[tuple[str, list[Any], str | None, bool]] = field(default_factory=list)  # sql, params, column, exact
    search: str | None = None  # the FTS5 query
    nothing: bool = False  # the search text has no word: no message can match

    def add(self, sql: str, params: Sequence[Any] = (), *, column: str | None = None, exact: bool = False) -> None:
        self.terms.append((sql, list(params), column, exact))

    def columns(self) -> set[str | None]:
        return {column for _sql, _params, column, _exact in self.terms}

    def narrow(self, *, ordered: bool) -> bool:
        """True when one narrow index answers every condition (in queue order when ``ordered``)."""
        columns = {column for _sql, _params, column, _exact in self.terms if column}
        if any(column is None for _sql, _params, column, _exact in self.terms):
            return False
        if ordered and not all(exact for *_rest, exact in self.terms):
            return False
        return not columns or any(columns <= index for index in NARROW_INDEXES)

    def render(self, *, narrow: bool, drive_by_hits: bool) -> tuple[str, list[Any]]:
        """The WHERE clause. A unary ``+`` keeps SQLite from using an index for that condition."""
        clauses = ["m.direction = 'in'"]
        params: list[Any] = []
        for sql, values, column, _exact in self.terms:
            clauses.append(sql if (narrow and not drive_by_hits) or column is None else "+" + sql)
            params += values
        if self.search is not None:
            lead = "" if drive_by_hits else "+"
            clauses.append(f"{lead}m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)")
            params.append(self.search)
        if self.nothing:
            clauses.append("0")
        return " AND ".join(clauses), params


def _conditions(f: QueueFilter) -> _Where:
    w = _Where()
    view = f.view
    if view == "my":
        w.add("m.assignee = ?", [f.me or ""], column="assignee", exact=True)
        w.add("m.status = 'open'", column="status", exact=True)
    elif view == "unassigned":
        w.add("m.assignee IS NULL", column="assignee", exact=True)
        w.add("m.status = 'open'", column="status", exact=True)
    elif view == "pv_review":
        w.add("m.pv_screening = 'unscreened'", column="pv_screening", exact=True)
    elif view == "waiting":
        w.add("m.status = 'waiting'", column="status", exact=True)
    elif view == "done":
        w.add("m.status IN ('done', 'no_action')", column="status")
    elif view.startswith("account:"):
        w.add("m.account_id = ?", [int(view.split(":", 1)[1])], column="account_id", exact=True)
        w.add("m.status = 'open'", column="status", exact=True)
    elif view != "all":
        raise ValueError(f"unknown queue view {view!r}")
    _in(w, "account_id", f.account_ids)
    _in(w, "status", f.statuses)
    _in(w, "mood_label", f.moods)
    _in(w, "intent", f.intents)
    _in(w, "language", f.languages)
    if f.pv is not None:
        w.add("m.pv_suspected = ?", [1 if f.pv else 0], column="pv_suspected", exact=True)
    if f.assignee is not None:
        if f.assignee == "":
            w.add("m.assignee IS NULL", column="assignee", exact=True)
        else:
            w.add("m.assignee = ?", [f.assignee], column="assignee", exact=True)
    if f.person_id is not None:
        w.add("m.author_id IN (SELECT id FROM author WHERE person_id = ?)", [f.person_id])
    if f.created_from is not None:
        w.add("m.created_at >= ?", [to_db_time(f.created_from)], column="created_at")
    if f.created_to is not None:
        w.add("m.created_at < ?", [to_db_time(f.created_to)], column="created_at")
    if f.tags:
        marks = ",".join("?" * len(f.tags))
        w.add(
            "m.id IN (SELECT mt.message_id FROM message_tag mt JOIN tag t ON t.id = mt.tag_id "
            f"WHERE t.name IN ({marks}))",
            list(f.tags),
        )
    match = fts_query(f.search)
    if match:
        w.search = match
    elif f.search.strip():
        w.nothing = True  # only punctuation: nothing can match
    return w


def _in(w: _Where, column: str, values: Sequence[Any]) -> None:
    if values:
        w.add(f"m.{column} IN ({','.join('?' * len(values))})", values, column=column, exact=len(values) == 1)


def where_clause(f: QueueFilter) -> tuple[str, list[Any]]:
    """The filter as one WHERE clause over ``message m`` (indexes left to SQLite)."""
    w = _conditions(f)
    return w.render(narrow=True, drive_by_hits=True)


@dataclass(frozen=True)
class _Plan:
    """How one read of a filter runs: its conditions, the index it walks and how it meets the search."""

    where: _Where
    narrow: bool  # a narrow index of m0001 answers every condition
    few_hits: bool  # the search has few hits: read those messages and sort them
    source: str  # "message m", or with INDEXED BY where SQLite's own choice is not reliable

    def clause(self, *, search: bool = True) -> tuple[str, list[Any]]:
        w = self.where if search else replace(self.where, search=None)
        return w.render(narrow=self.narrow, drive_by_hits=self.few_hits and search)


def _plan(conn: Connection, f: QueueFilter, *, ordered: bool, hits: int | None = None) -> _Plan:
    """The plan of a queue-ordered read (``ordered``) or a count of ``f``; ``hits``: the search's hit count if known.

    Without statistics (a new store, or indexes added since the last ANALYZE) SQLite takes a
    queue-ordered index that is not covering, and reads the table row by row: the m0004 indexes
    are named explicitly where they exist.
    """
    w = _conditions(f)
    if w.search is not None and hits is None:
        hits = _hits(conn, w.search, limit=FEW_HITS + 1)
    few_hits = hits is not None and hits <= FEW_HITS
    narrow = w.narrow(ordered=ordered)
    index = None
    if not few_hits and not narrow:
        index = "message_queue_filter"
    elif not few_hits and ordered and w.columns() == {"pv_screening"}:
        index = "message_pv_review_queue"
    if index is not None and not _has_index(conn, index):
        index = None
    return _Plan(w, narrow, few_hits, f"message m INDEXED BY {index}" if index else "message m")


def _has_index(conn: Connection, name: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchall())


def _hits(conn: Connection, match: str, *, limit: int) -> int:
    """How many messages the full-text query matches, counted up to ``limit`` (the index alone, no table)."""
    sql = "SELECT count(*) FROM (SELECT 1 FROM message_fts WHERE message_fts MATCH ? LIMIT ?)"
    return int(conn.execute(sql, (match, limit)).fetchall()[0][0])


@contextmanager
def _running(conn: Connection, canceller: ReadCanceller | None) -> Iterator[None]:
    if canceller is None:
        yield
    else:
        with canceller.running(conn):
            yield


def ordered_ids(
    conn: Connection,
    f: QueueFilter,
    *,
    limit: int | None = None,
    offset: int = 0,
    canceller: ReadCanceller | None = None,
) -> array[int]:
    """The ids of the filter's messages in queue order (all of them when ``limit`` is None).

    The full list comes back as one comma-separated string built inside SQLite, so the query runs
    without holding Python's lock and the window stays responsive while a million ids load. (No
    per-row SQL function: with cipher_memory_security each allocation SQLite cannot serve from
    its lookaside costs two syscalls, and a long-lived connection has little lookaside left.)
    """
    with _running(conn, canceller):
        if limit is not None:
            match = _conditions(f).search
            # A search page reads the hits once: their number picks the plan, and the set itself
            # serves the common case of many hits (counting them first would read them twice:
            # FTS5 merges a prefix query's doclists whole even under a LIMIT).
            hit_set = _hit_set(conn, match) if match is not None else None
            hits = None if match is None else (len(hit_set) if hit_set is not None else HIT_SET_MAX + 1)
            plan = _plan(conn, f, ordered=True, hits=hits)
            if hit_set is not None and not plan.few_hits:
                page = _page_by_hit_set(conn, plan, hit_set, limit=limit, offset=offset)
                if page is not None:
                    return page
            where, params = plan.clause()
            sql = f"SELECT m.id FROM {plan.source} WHERE {where} ORDER BY {ORDER} LIMIT ? OFFSET ?"
            return array("q", [row[0] for row in conn.execute(sql, [*params, limit, offset]).fetchall()])
        plan = _plan(conn, f, ordered=True)
        where, params = plan.clause()
        # LIMIT -1 keeps the ORDER BY of the subquery binding for the aggregate that reads it
        inner = f"SELECT m.id AS id FROM {plan.source} WHERE {where} ORDER BY {ORDER} LIMIT -1 OFFSET ?"
        text = conn.execute(f"SELECT group_concat(id) FROM ({inner})", [*params, offset]).fetchall()[0][0]
    return parse_ids(text or "")


def _hit_set(conn: Connection, match: str) -> set[str] | None:
    """The ids the full-text query matches, as decimal strings; None when there are more than HIT_SET_MAX.

    Strings, not numbers: SQLite hands the ids over as text, and a set of the pieces is built in
    a third of the time a set of parsed numbers takes (tens of thousands of hits: 3 ms, not 11).
    The queue slices they are checked against are never parsed either. Both sides are SQLite's
    own decimal text of integer ids (the FTS rowid is ``message.id``), so equal ids are equal strings.
    """
    sql = "SELECT count(*), group_concat(rowid) FROM (SELECT rowid FROM message_fts WHERE message_fts MATCH ? LIMIT ?)"
    found, text = conn.execute(sql, (match, HIT_SET_MAX + 1)).fetchall()[0]
    if found > HIT_SET_MAX:
        return None  # not split: that would hold Python's lock for a set nobody uses
    return set(text.split(",")) if text else set()


def _page_by_hit_set(conn: Connection, plan: _Plan, hits: set[str], *, limit: int, offset: int) -> array[int] | None:
    """One page of a search with many hits: queue-ordered ids in growing slices, kept when in the hit set.

    SQLite's own lookup table of tens of thousands of hits costs more than the whole page, while a
    set of them is built in a few ms; slicing keeps every row-by-row step inside SQLite (no Python
    callback per row, which would wait for Python's lock whenever another thread holds it). When
    the search and the other conditions rarely meet (HIT_SCAN ids read without a full page) this
    gives up and returns None: the subquery plan is better there.
    """
    where, params = plan.clause(search=False)
    inner = f"SELECT m.id AS id FROM {plan.source} WHERE {where} ORDER BY {ORDER} LIMIT ? OFFSET ?"
    sql = f"SELECT group_concat(id) FROM ({inner})"
    wanted = offset + limit
    page: list[str] = []
    start, size = 0, HIT_SLICE
    while len(page) < wanted:
        if start >= HIT_SCAN:
            return None
        text = conn.execute(sql, [*params, size, start]).fetchall()[0][0]
        ids = text.split(",") if text else []
        page.extend(mid for mid in ids if mid in hits)
        if len(ids) < size:
            break  # the end of the queue
        start, size = start + size, size * 2
    return array("q", map(int, page[offset:wanted]))


def parse_ids(text: str, *, chunk: int = PARSE_CHUNK) -> array[int]:
    """ "3,1,2" -> array('q', [3, 1, 2]), a slice at a time so other threads get Python's lock in between."""
    ids: array[int] = array("q")
    start, end = 0, len(text)
    while start < end:
        stop = text.find(",", start + chunk)
        if stop == -1:
            stop = end
        ids.extend(map(int, text[start:stop].split(",")))
        start = stop + 1
    return ids


def count(conn: Connection, f: QueueFilter, *, canceller: ReadCanceller | None = None) -> int:
    with _running(conn, canceller):
        plan = _plan(conn, f, ordered=False)
        where, params = plan.clause()
        return int(conn.execute(f"SELECT count(*) FROM {plan.source} WHERE {where}", params).fetchall()[0][0])


def view_counts(conn: Connection, *, me: str) -> dict[str, int]:
    """Exact counts of every view and every account's open queue, all from covering indexes.

    One pass over the status index gives the views made of statuses and the total; the others
    are small ranges of their own index.
    """

    def one(where: str, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM message WHERE direction = 'in' AND {where}"
        return int(conn.execute(sql, params).fetchall()[0][0])

    by_status = dict(conn.execute("SELECT status, count(*) FROM message WHERE direction = 'in' GROUP BY status"))
    counts = {
        "my": one("assignee = ? AND status = 'open'", (me,)),
        "unassigned": one("assignee IS NULL AND status = 'open'"),
        "pv_review": one("pv_screening = 'unscreened'"),
        "waiting": int(by_status.get("waiting", 0)),
        "done": int(by_status.get("done", 0)) + int(by_status.get("no_action", 0)),
        "all": sum(int(n) for n in by_status.values()),
    }
    for (account_id,) in conn.execute("SELECT id FROM channel_account ORDER BY id").fetchall():
        n = one("account_id = ? AND status = 'open'", (account_id,))
        if n:
            counts[f"account:{account_id}"] = n
    return counts


ROW_COLUMNS = """
    m.id, m.priority, m.due_at, m.account_id, a.kind, a.name, coalesce(au.name, ''), au.person_id,
    substr(m.text, 1, 240), m.mood_label, m.mood_score, m.pv_suspected, m.pv_screening, m.created_at,
    m.received_at, m.assignee, m.status, m.intent, m.language, m.deleted_at, m.hidden, m.kind,
    m.suggested_action, m.pv_score
"""


def rows_by_id(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Row data for a batch of ids (the table model asks for a screenful at a time)."""
    result: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        batch = list(ids[start : start + 500])
        marks = ",".join("?" * len(batch))
        for row in conn.execute(
            f"""SELECT {ROW_COLUMNS} FROM message m
                JOIN channel_account a ON a.id = m.account_id
                LEFT JOIN author au ON au.id = m.author_id
                WHERE m.id IN ({marks})""",
            batch,
        ):
            result[row[0]] = row
    return result


def highlight(conn: Connection, message_id: int, search: str) -> str | None:
    """The message text with search hits wrapped in \\x02 ... \\x03 (markers, never markup)."""
    match = fts_query(search)
    if not match:
        return None
    row = conn.execute(
        "SELECT highlight(message_fts, 0, char(2), char(3)) FROM message_fts WHERE message_fts MATCH ? AND rowid = ?",
        (match, message_id),
    ).fetchone()
    return None if row is None else str(row[0])
