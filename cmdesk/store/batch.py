"""Many rows through few statements of fixed shape: batched INSERTs with their ids, and IN (...) lookups.

Two costs shape this module. With SQLCipher's memory security on, every allocation
SQLite makes is locked and wiped (system calls each), so a statement run per row and
every bound text value are expensive. And sqlcipher3's statement cache, once full,
evicts its newest entry first: statements whose text varies with the batch size would
be prepared anew on nearly every call. So each statement here has one shape, whatever
the number of rows, and short batches are padded with NULLs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from cmdesk.store.engine import Connection

INSERT_ROWS = 100  # rows per INSERT statement: a Graph page asked with limit=100 is one; padding costs little
# Rows per INSERT when a batch has more than INSERT_ROWS (the sync engine stores several pages at once when
# the channel is faster than the store). Each statement has a fixed cost besides its rows -- its statement
# journal, the temporary table SQLite fills for an INSERT ... SELECT into a table with triggers, one full-text
# index segment -- so a larger one is cheaper per row. At two parameters per value, 400 message rows stay
# under 32,766 parameters, SQLite's default limit in builds other than ours.
LARGE_INSERT_ROWS = 400
LOOKUP_VALUES = 64  # values per IN (...) list
LARGE_LOOKUP_VALUES = 400  # values per IN (...) list while more than LOOKUP_VALUES are left (pages stored together)

# The second parameter of a value pair when the first is not an offset into the text blob.
# No parameter is ever None: sqlcipher3 sends None (and bytes) through its adapter lookup,
# which fails two attribute lookups per value -- a tenth of a page's insert time.
NOT_TEXT = -1  # the first parameter is the value itself (int, float or bytes)
NULL = -2  # the value is NULL (the first parameter is 0)


@cache
def marks(count: int) -> str:
    """``count`` parameter marks for ``IN (...)``."""
    return ", ".join("?" * count)


def lookup_chunks(values: Sequence[str]) -> Iterator[list[str]]:
    """The distinct ``values`` in lists for ``IN ({marks(len(chunk))})``: of LARGE_LOOKUP_VALUES while more
    than LOOKUP_VALUES are left, then one of LOOKUP_VALUES (two statement shapes only).

    A short list is padded by repeating its first value: a value twice in ``IN (...)``
    finds nothing extra, and unlike NULL padding it binds without the adapter lookup.
    Fewer, longer lists cost less per value (measured: 2.4 us a value in lists of 64,
    0.9 in lists of 400).
    """
    unique = list(dict.fromkeys(values))
    start = 0
    while start < len(unique):
        size = LOOKUP_VALUES if len(unique) - start <= LOOKUP_VALUES else LARGE_LOOKUP_VALUES
        chunk = unique[start : start + size]
        yield chunk + [chunk[0]] * (size - len(chunk))
        start += size


@cache
def _insert_sql(table: str, columns: tuple[str, ...], size: int = INSERT_ROWS) -> str:
    """An INSERT of up to ``size`` rows (id, then ``columns``) in the parameter layout of :func:`_pack`.

    ?1 is all text of the batch as one UTF-8 blob; every value is then a pair of parameters:
    (offset, length) into ?1 for text, (value, NOT_TEXT) for anything else and (0, NULL)
    for NULL. Rows whose id is NULL are padding and are skipped.
    """
    names = ("id", *columns)
    width = 2 * len(names)
    pairs = ", ".join(f"v{i}, n{i}" for i in range(len(names)))
    rows = ", ".join("(" + ", ".join(f"?{2 + r * width + k}" for k in range(width)) + ")" for r in range(size))
    unpacked = ", ".join(
        f"CASE n{i} WHEN {NOT_TEXT} THEN v{i} WHEN {NULL} THEN NULL ELSE CAST(substr(?1, v{i}, n{i}) AS TEXT) END"
        for i in range(1, len(names))
    )
    return (
        f"WITH packed({pairs}) AS (VALUES {rows}) "
        f"INSERT INTO {table} ({', '.join(names)}) SELECT v0, {unpacked} FROM packed WHERE n0 <> {NULL}"
    )


def _pack(rows: Sequence[Sequence[Any]], *, width: int, size: int = INSERT_ROWS) -> list[Any]:
    """The parameters of :func:`_insert_sql` for ``rows`` (each ``width`` values, id first), padded to ``size`` rows.

    Bound text is copied into a fresh allocation per value; one blob sliced inside the
    statement costs one allocation for the whole batch. (This loop runs for every value
    synced, hence the local names.)
    """
    chunks: list[bytes] = []
    params: list[Any] = [b""]
    add, keep = params.extend, chunks.append
    offset = 1  # substr() counts from 1
    for row in rows:
        for value in row:
            if type(value) is str:  # a str subclass (an enum) is bound as itself below, as text
                data = value.encode("utf-8")
                length = len(data)
                keep(data)
                add((offset, length))
                offset += length
            elif value is None:
                add(_NULL_PAIR)
            else:
                add((value, NOT_TEXT))
    params[0] = b"".join(chunks)
    params += _NULL_PAIR * (width * (size - len(rows)))
    return params


_NULL_PAIR = (0, NULL)


def insert_rows(conn: Connection, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Insert ``rows`` (values of ``columns``) into a table whose ``id`` is an INTEGER PRIMARY KEY (no AUTOINCREMENT).

    The rows get the ids one-by-one inserts would have given them (one past the largest,
    counting up), returned in order. One statement per LARGE_INSERT_ROWS rows while more than
    INSERT_ROWS are left, then one for the rest (two statement shapes only); triggers fire per
    row as usual, but an FTS5 table they fill writes one index segment per statement, not per
    row, and the statement journal (a copy of each page the statement changes, needed since
    the FTS trigger may abort it) is written once per statement: fewer, fuller statements
    change each page once.
    """
    if not rows:
        return []
    first = int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])
    ids = list(range(first, first + len(rows)))
    start = 0
    while start < len(rows):
        size = INSERT_ROWS if len(rows) - start <= INSERT_ROWS else LARGE_INSERT_ROWS
        batch = [(ids[i], *rows[i]) for i in range(start, min(start + size, len(rows)))]
        conn.execute(_insert_sql(table, columns, size), _pack(batch, width=len(columns) + 1, size=size))
        start += size
    return ids
