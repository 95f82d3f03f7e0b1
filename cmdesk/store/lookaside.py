"""A wider lookaside allocator per connection, so SQLCipher's memory security stays affordable where wanted.

cmdesk runs with SQLCipher's per-block wiping off unless a site switches it on (cmdesk.store.memory).
Every connection still gets the wider pool below (cheap, and a little faster); the writer's larger
pool is used only with the wipe on, where it matters.

With ``cipher_memory_security`` on, SQLCipher locks every block SQLite allocates from the heap
(``mlock``) and wipes and unlocks it when it is freed (``munlock``): two system calls per
allocation. SQLite serves most small, short-lived allocations (cursors, bound text values,
record buffers) from a per-connection *lookaside* pool instead of the heap, but its default
pool has 40 slots, and one insert into the message table, with its sixteen indexes and the
full-text trigger, needs about 350 at once. Every allocation past the pool went to the heap:
measured on this machine, two thirds of an encrypted ingest's CPU time was the kernel locking
and unlocking pages, and ingest ran at a quarter of plain SQLite's rate.

A pool of :data:`SLOTS` slots' worth of memory (about 0.5 MB per connection, which SQLite
splits into large and small slots) serves them all. Its memory
is one heap block, so SQLCipher locks it once (it cannot be swapped out) and wipes it when
the connection closes. A freed slot keeps its bytes until it is reused or the connection
closes: the same exposure as SQLite's page cache, which holds decrypted pages for the life
of the connection, and within the same locked, wiped-at-close memory.

Python's sqlite3 API has no ``sqlite3_db_config``, so the call goes through ctypes to the
SQLCipher library that sqlcipher3 links. The connection handle is the first field after the
object header in every version of the module (pysqlite's ``pysqlite_Connection``); it is
checked by asking SQLite for the connection's file name before anything is configured.
Where any of this does not hold, the connection keeps SQLite's default pool: slower, never wrong.
"""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from cmdesk.store.engine import Connection, sqlcipher3

SLOT_BYTES = 1200  # SQLite's default slot size: an index cursor or a typical message text fits
SLOTS = 400  # the most one message insert held at once was 355 (SQLITE_DBSTATUS_LOOKASIDE_USED)
# The writer's pool with the wipe on (4 MB): sync inserts up to 400 rows per statement, whose records, cursors
# and growing values overflow 400 small slots. It cut the lock and unlock calls per synced message from 17.6
# to 12 and raised sync from 2,900 to 4,300 messages a second (100,000 comments). Without the wipe it measured
# no faster (5,800 either way), so the writer then keeps the ordinary pool.
WRITER_SLOT_BYTES = 2048
WRITER_SLOTS = 2000

_SQLITE_OK = 0
_DBCONFIG_LOOKASIDE = 1001
_DBSTATUS_LOOKASIDE_USED = 0
_DBSTATUS_LOOKASIDE_MISS_FULL = 6
_HANDLE_OFFSET = object.__basicsize__  # PyObject_HEAD; pysqlite_Connection's first field is ``sqlite3 *db``


@cache
def _library() -> ctypes.CDLL | None:
    """The SQLCipher build inside sqlcipher3 (already loaded; this only looks its symbols up)."""
    module = sys.modules.get("sqlcipher3._sqlite3") or getattr(sqlcipher3, "_sqlite3", None)
    filename = getattr(module, "__file__", None)
    if not filename:
        return None
    try:
        lib = ctypes.CDLL(filename)
        lib.sqlite3_db_config.restype = ctypes.c_int
        # only the fixed arguments: the rest are then passed as variadic (Apple arm64 puts those on the stack)
        lib.sqlite3_db_config.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.sqlite3_db_status.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    return lib


def _handle(conn: Connection, path: Path, lib: ctypes.CDLL) -> int | None:
    """The connection's ``sqlite3*``, or None unless SQLite confirms it is the one for ``path``."""
    if type(conn).__basicsize__ < _HANDLE_OFFSET + ctypes.sizeof(ctypes.c_void_p):
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + _HANDLE_OFFSET).value
    if not handle:
        return None
    name = lib.sqlite3_db_filename(handle, b"main")
    if not name or os.path.realpath(os.fsdecode(name)) != os.path.realpath(path):
        return None
    return int(handle)


def widen(conn: Connection, path: Path, *, slots: int = SLOTS, slot_bytes: int = SLOT_BYTES) -> bool:
    """Give a freshly opened connection a lookaside pool of ``slots`` slots; True when it took effect.

    Call it before the connection's first statement: SQLite refuses (SQLITE_BUSY) to replace
    a pool that is in use.
    """
    lib = _library()
    if lib is None:
        return False
    handle = _handle(conn, path, lib)
    if handle is None:
        return False
    rc: Any = lib.sqlite3_db_config(
        ctypes.c_void_p(handle),
        ctypes.c_int(_DBCONFIG_LOOKASIDE),
        ctypes.c_void_p(None),
        ctypes.c_int(slot_bytes),
        ctypes.c_int(slots),
    )
    return bool(rc == _SQLITE_OK)


def usage(conn: Connection, path: Path) -> tuple[int, int] | None:
    """(most slots in use at once, allocations the full pool sent to the heap) since the connection opened."""
    lib = _library()
    handle = None if lib is None else _handle(conn, path, lib)
    if lib is None or handle is None:
        return None
    figures = []
    for op in (_DBSTATUS_LOOKASIDE_USED, _DBSTATUS_LOOKASIDE_MISS_FULL):
        current, highest = ctypes.c_int(), ctypes.c_int()
        lib.sqlite3_db_status(ctypes.c_void_p(handle), op, ctypes.byref(current), ctypes.byref(highest), 0)
        figures.append(highest.value)
    return figures[0], figures[1]
