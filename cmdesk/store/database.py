"""The encrypted store file: opening, checking, one writer and a reader per thread."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from cmdesk.clock import Clock, SystemClock
from cmdesk.errors import NotAStore, StoreDamaged, StoreError, StoreFull, StoreLocked
from cmdesk.store import lookaside, memory, migrations
from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import Connection, DatabaseError, OperationalError, sqlcipher3, sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: Path, key: bytes, *, label: str, memory_security: bool = False, writer: bool = False) -> Connection:
    """Open ``path`` with a raw 256-bit key and prove the key by reading at once.

    The ``writer`` gets the wider lookaside pool when the wipe is on: sync inserts hundreds of rows per statement.

    SQLCipher accepts any key on ``PRAGMA key`` and only fails at the first read, so
    the read happens here. The caller has already checked the key against the key
    file, so a failure now means the file itself is damaged.
    """
    if memory_security:
        _memory_security_on()  # process-wide, and before the pool below is allocated, so that it is locked too
    conn: Connection = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    # before the first statement; see cmdesk.store.lookaside for why
    if writer and memory_security:  # without the wipe a heap block is cheap: the wide pool measured no faster
        lookaside.widen(conn, path, slots=lookaside.WRITER_SLOTS, slot_bytes=lookaside.WRITER_SLOT_BYTES)
    else:
        lookaside.widen(conn, path)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print HMAC failures on stderr
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # PRAGMA values cannot be bound
        if memory_security:
            # Wipes and locks SQLite's memory, where a site asks for it (cmdesk.store.memory). The
            # wider lookaside pool above keeps its cost on inserts small.
            conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        conn.close()
        raise StoreDamaged(
            "{label} cannot be read although the key is right: the file is damaged or truncated; restore a backup",
            label=label,
        ) from None
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@functools.cache
def _memory_security_on() -> None:
    """Switch SQLCipher's memory security on for the process before any store connection allocates.

    The setting is process-wide but takes effect for blocks allocated after it: the first store
    connection's lookaside pool would otherwise be allocated before its own PRAGMA, and stay unlocked.
    """
    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_memory_security = ON")
    finally:
        probe.close()


def check_file(path: Path, *, label: str) -> None:
    """Reject what is plainly not a store before any key is tried (nothing is written)."""
    if not path.exists():
        raise NotAStore("there is no store at {label}; create one with `cmdesk init`", label=label)
    if path.is_dir():
        raise NotAStore("{label} is a folder, not a cmdesk store", label=label)
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == SQLITE_HEADER:
        raise NotAStore("{label} is a plain, unencrypted SQLite database, not a cmdesk store", label=label)
    if len(head) < 16:
        raise NotAStore("{label} is empty or too short to be a cmdesk store", label=label)
    if all(32 <= b < 127 or b in b"\r\n\t" for b in head):
        raise NotAStore(
            "{label} is a text file, not a cmdesk store", label=label
        )  # an encrypted store starts with a random salt


WRITER_CACHE_KIB = 128 * 1024


def _tune_writer(conn: Connection) -> None:
    """WAL with synchronous NORMAL and a large page cache on the one writer, new store or opened.

    In WAL mode NORMAL loses no committed transaction when the application crashes, only
    (possibly) the last ones on a power cut, and saves an fsync per commit: a sync page or a
    triage action commits in one write instead of two. (A new store used to keep FULL for its
    whole first session.)

    Each new message touches a leaf page in each of the message table's sixteen indexes, at
    places spread over the whole index. With SQLite's default 2 MB cache those pages are
    evicted between inserts, and each miss costs a read, an HMAC check and a decryption. At
    200,000 messages a 128 MB writer cache took ingest from 1,500 to 5,200 messages a second;
    64 MB gave 3,900 and 256 MB 5,300. The cache fills only as far as the writer reads.
    """
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")


def _wipe_asked(memory_security: bool | None) -> bool:
    """SQLCipher's per-block wiping as asked, else as the site asks for it (see cmdesk.store.memory)."""
    return memory.wipe_wanted() if memory_security is None else memory_security


class Store:
    """One encrypted store file, open for reading and writing.

    Writes go through :meth:`transaction`, serialized by a lock on one connection
    (SQLite allows one writer). Each thread reads through its own connection
    (:meth:`read`), so the window can read while sync writes (WAL mode).
    """

    def __init__(
        self, path: Path, key: bytes, *, clock: Clock | None = None, memory_security: bool | None = None
    ) -> None:
        self.path = path
        self.memory_security = _wipe_asked(memory_security)
        self.label = str(path)
        self.clock = clock or SystemClock()
        self._key = key
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[Connection] = []
        self._readers_lock = threading.Lock()
        self._writer: Connection | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        key: bytes,
        *,
        clock: Clock | None = None,
        upto: str | None = None,
        memory_security: bool | None = None,
    ) -> Store:
        if path.exists() and path.stat().st_size > 0:
            raise StoreError("{path} already exists; cmdesk will not overwrite it", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        wipe = _wipe_asked(memory_security)
        store = cls(path, key, clock=clock, memory_security=wipe)
        conn = connect(path, key, label=store.label, memory_security=wipe, writer=True)
        store.memory_security = wipe or memory.wipe_in_force()  # process-wide once on
        _tune_writer(conn)
        store._writer = conn
        store._migrate(upto=upto)
        return store

    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes,
        *,
        clock: Clock | None = None,
        upgrade: bool = True,
        memory_security: bool | None = None,
    ) -> Store:
        label = str(path)
        check_file(path, label=label)
        wipe = _wipe_asked(memory_security)
        conn = connect(path, key, label=label, memory_security=wipe, writer=True)
        try:
            _check_not_truncated(conn, path, label=label)
            migrations.check_not_newer(conn, label=label)
            _tune_writer(conn)
        except BaseException:
            conn.close()
            raise
        store = cls(path, key, clock=clock, memory_security=wipe or memory.wipe_in_force())  # process-wide once on
        store._writer = conn
        if upgrade:
            store._migrate(upto=None)
        return store

    def _migrate(self, *, upto: str | None) -> list[str]:
        with self._write_lock:
            return migrations.migrate(self._conn_for_write(), now=to_db_time(self.clock.now()) or "", upto=upto)

    # -- writing -----------------------------------------------------------------

    def _conn_for_write(self) -> Connection:
        if self._writer is None:
            raise StoreLocked("{label} is locked", label=self.label)
        return self._writer

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write: everything inside commits together or not at all.

        Nested use joins the outer transaction. A full disk is reported as
        :class:`StoreFull` after the rollback, so nothing half-written remains.
        """
        with self._write_lock:
            conn = self._conn_for_write()
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException as err:
                if conn.in_transaction:  # SQLite already rolled back on SQLITE_FULL
                    conn.execute("ROLLBACK")
                if isinstance(err, OperationalError) and "full" in str(err):
                    raise StoreFull("{label}: the disk is full; the change was not saved", label=self.label) from None
                raise
            try:
                conn.execute("COMMIT")
            except OperationalError as err:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if "full" in str(err):
                    raise StoreFull("{label}: the disk is full; the change was not saved", label=self.label) from None
                raise

    def writer_db(self) -> sqlite_utils.Database:
        """sqlite-utils over the writer connection; use it only inside :meth:`transaction`.

        Do not call sqlite-utils' ``insert``/``upsert`` here: they commit on their own.
        """
        return sqlite_utils.Database(cast(Any, self._conn_for_write()), recursive_triggers=False)

    # -- reading -----------------------------------------------------------------

    def read(self) -> Connection:
        """This thread's read connection (opened on first use, closed by :meth:`close`)."""
        if self._writer is None:
            raise StoreLocked("{label} is locked", label=self.label)
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, self._key, label=self.label, memory_security=self.memory_security)
            conn.execute("PRAGMA query_only = ON")
            with self._readers_lock:  # close() resets the thread-locals under this lock too
                if self._writer is None:  # closed while this one opened: it would stay open, holding the key
                    conn.close()
                    raise StoreLocked("{label} is locked", label=self.label)
                self._readers.append(conn)
                self._local.conn = conn
        return conn

    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this thread's read connection."""
        return sqlite_utils.Database(cast(Any, self.read()), recursive_triggers=False)

    # -- life cycle ----------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._writer is not None

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the whole file under ``new_key`` (readers are closed first)."""
        with self._write_lock:
            self._close_readers()
            conn = self._conn_for_write()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            self._key = new_key

    def close(self) -> None:
        """Checkpoint, close every connection and forget the key (used by lock)."""
        with self._write_lock:
            # Closed to readers first: a thread that asks for one while the checkpoint runs gets StoreLocked
            # instead of a fresh connection nobody would close (see :meth:`read`).
            writer, self._writer = self._writer, None
            self._close_readers()
            if writer is not None:
                self._checkpoint(writer)
                writer.close()
            self._key = b""
            memory.release_freed()  # the caches' decrypted pages go back to the kernel, not stay in the heap

    @staticmethod
    def _checkpoint(writer: Connection) -> None:
        """Fold the WAL into the file, so a locked store is one file at rest."""
        with contextlib.suppress(DatabaseError):  # closing anyway; the WAL is replayed on the next open
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _close_readers(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self._local = threading.local()


def _check_not_truncated(conn: Connection, path: Path, *, label: str) -> None:
    """A store cut short (copy interrupted, disk error) is caught at open, not mid-work.

    The database header records how many pages the file has; with an empty WAL the
    file must hold at least that many.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the WAL may legitimately hold pages beyond the main file
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    if os.path.getsize(path) < page_size * page_count:
        conn.close()
        raise StoreDamaged(
            "{label} is truncated ({size} bytes, expected {expected})",
            label=label,
            size=os.path.getsize(path),
            expected=page_size * page_count,
        )
