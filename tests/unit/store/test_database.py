"""The encrypted store file: encryption on disk, key checks, damage, newer schemas, full disks."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from pathlib import Path

import pytest

from cmdesk.clock import FixedClock
from cmdesk.errors import NewerSchema, NotAStore, StoreDamaged, StoreFull, WrongKey
from cmdesk.store.database import Store
from cmdesk.store.engine import sqlite_utils
from cmdesk.store.keys import KeyManager, read_keyinfo

SECRET_TEXT = "Seit Cardiolin habe ich Herzrasen"
AUTHOR = "Zyxwvu Qponmlk"


def _fill(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO channel_account (name, kind, created_at) VALUES ('fb', 'facebook', '2026-11-24T09:00:00Z')"
        )
        conn.execute(
            "INSERT INTO author (account_id, external_id, name, first_seen_at) "
            "VALUES (1, 'a1', ?, '2026-11-24T09:00:00Z')",
            (AUTHOR,),
        )
        conn.execute(
            "INSERT INTO message (account_id, external_id, kind, author_id, text, created_at, received_at) "
            "VALUES (1, 'm1', 'comment', 1, ?, '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z')",
            (SECRET_TEXT,),
        )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_nothing_readable_reaches_the_disk(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    store = Store.create(path, secrets.token_bytes(32), clock=clock)
    _fill(store)
    wal = path.with_name(path.name + "-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert wal.exists() and wal.stat().st_size > 0  # the WAL is checked while it holds the new rows
    found = [
        needle for needle in (SECRET_TEXT.encode(), AUTHOR.encode(), b"SQLite format 3", b"Cardiolin") if needle in raw
    ]
    assert found == []
    store.close()
    assert b"SQLite format 3" not in path.read_bytes()[:100]


def test_stdlib_sqlite_cannot_read_the_store(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    Store.create(path, secrets.token_bytes(32), clock=clock).close()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_reopen_with_the_key_reads_everything(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    key = secrets.token_bytes(32)
    store = Store.create(path, key, clock=clock)
    _fill(store)
    store.close()
    again = Store.open(path, key, clock=clock)
    assert again.read().execute("SELECT text FROM message").fetchall() == [(SECRET_TEXT,)]
    again.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path, clock: FixedClock) -> None:
    store = Store.create(tmp_path / "s.cmdesk", secrets.token_bytes(32), clock=clock)
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO channel_account (name, kind, created_at) VALUES ('x', 'file', 'now')")
        raise RuntimeError("crash in the middle of a write")
    assert store.read().execute("SELECT count(*) FROM channel_account").fetchone() == (0,)
    store.close()


def test_a_full_disk_rolls_back_and_says_so(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    store = Store.create(path, secrets.token_bytes(32), clock=clock)
    _fill(store)
    conn = store._conn_for_write()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk, as SQLite sees it
    with pytest.raises(StoreFull, match="the disk is full; the change was not saved"), store.transaction() as c:
        c.execute("INSERT INTO note (author, text, created_at) VALUES ('a', ?, 'now')", ("x" * 200_000,))
    assert store.read().execute("SELECT count(*) FROM note").fetchone() == (0,)
    store.close()


def test_sqlite_utils_runs_on_the_encrypted_connection(tmp_path: Path, clock: FixedClock) -> None:
    """The pysqlite3 alias makes sqlite-utils catch SQLCipher's errors (alter=True, drop(ignore=True))."""
    store = Store.create(tmp_path / "s.cmdesk", secrets.token_bytes(32), clock=clock)
    db = store.writer_db()
    db["scratch"].insert({"a": 1})
    db["scratch"].insert({"a": 2, "b": "new column"}, alter=True)
    db["missing"].drop(ignore=True)
    assert list(db["scratch"].rows) == [{"a": 1, "b": None}, {"a": 2, "b": "new column"}]
    assert isinstance(db, sqlite_utils.Database)
    store.close()


@pytest.mark.parametrize("make", ["plain_sqlite", "text_file", "empty_file"])
def test_what_is_not_a_store_is_refused_untouched(tmp_path: Path, make: str) -> None:
    path = tmp_path / "other.cmdesk"
    if make == "plain_sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    elif make == "text_file":
        path.write_text("just some notes, not a database at all\n" * 10, encoding="utf-8")
    else:
        path.write_bytes(b"")
    before = _digest(path)
    with pytest.raises(NotAStore):
        Store.open(path, secrets.token_bytes(32))
    assert _digest(path) == before


def test_a_truncated_store_is_reported_damaged(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    key = secrets.token_bytes(32)
    store = Store.create(path, key, clock=clock)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO note (author, text, created_at) VALUES ('a', ?, 'now')", [("x" * 500,) for _ in range(400)]
        )
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(StoreDamaged, match="truncated"):
        Store.open(path, key)
    assert _digest(path) == before


def test_a_corrupt_first_page_is_reported_damaged(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    key = secrets.token_bytes(32)
    Store.create(path, key, clock=clock).close()
    data = bytearray(path.read_bytes())
    data[100:164] = bytes(64)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged, match="damaged or truncated"):
        Store.open(path, key)


def test_a_store_from_a_newer_cmdesk_is_refused(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "s.cmdesk"
    key = secrets.token_bytes(32)
    store = Store.create(path, key, clock=clock)
    with store.transaction() as conn:
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('m9999_from_the_future', 'now')")
    store.close()
    before = _digest(path)
    with pytest.raises(NewerSchema, match="m9999_from_the_future"):
        Store.open(path, key)
    assert _digest(path) == before


def test_wrong_passphrase_is_caught_by_the_key_check(tmp_path: Path) -> None:
    keys = KeyManager()
    key, info = keys.new_key(mode="passphrase", passphrase="right horse battery")
    assert keys.key_for(info, passphrase="right horse battery", label="s") == key
    with pytest.raises(WrongKey, match="wrong passphrase for s"):
        keys.key_for(info, passphrase="wrong", label="s")


def test_readers_on_other_threads_see_committed_writes(tmp_path: Path, clock: FixedClock) -> None:
    import threading

    store = Store.create(tmp_path / "s.cmdesk", secrets.token_bytes(32), clock=clock)
    _fill(store)
    seen: list[object] = []
    thread = threading.Thread(
        target=lambda: seen.append(store.read().execute("SELECT count(*) FROM message").fetchone())
    )
    thread.start()
    thread.join()
    assert seen == [(1,)]
    store.close()


def test_keyinfo_holds_no_key(tmp_path: Path, memory_keyring: object) -> None:
    from cmdesk.desk import Desk

    path = tmp_path / "k.cmdesk"
    desk = Desk.create(path, mode="keyring", keys=KeyManager(memory_keyring))  # type: ignore[arg-type]
    desk.close()
    info = read_keyinfo(path)
    stored_key = next(iter(memory_keyring.secrets.values()))  # type: ignore[attr-defined]
    assert stored_key not in path.with_name(path.name + ".keyinfo.json").read_text(encoding="utf-8")
    assert info.mode == "keyring"


def test_the_writer_runs_wal_normal_sync_and_a_large_cache_on_create_and_open(
    tmp_path: Path, clock: FixedClock
) -> None:
    path, key = tmp_path / "s.cmdesk", secrets.token_bytes(32)

    def writer_pragmas(store: Store) -> tuple[object, ...]:
        with store.transaction() as conn:
            names = ("journal_mode", "synchronous", "cache_size")
            return tuple(conn.execute(f"PRAGMA {name}").fetchone()[0] for name in names)

    created = Store.create(path, key, clock=clock)
    after_create = writer_pragmas(created)
    created.close()
    opened = Store.open(path, key, clock=clock)
    after_open = writer_pragmas(opened)
    opened.close()
    assert (after_create, after_open) == (("wal", 1, -131072), ("wal", 1, -131072))


def test_a_reader_asked_for_while_the_store_closes_is_refused(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locking checkpoints the WAL; a reader opened meanwhile would stay open, holding the key, after lock."""
    import threading

    from cmdesk.errors import StoreLocked

    store = Store.create(tmp_path / "s.cmdesk", secrets.token_bytes(32), clock=clock)
    _fill(store)
    outcomes: list[str] = []

    def read_elsewhere() -> None:
        try:
            store.read()
            outcomes.append("opened")
        except StoreLocked as error:
            outcomes.append(str(error))

    checkpoint = Store._checkpoint

    def slow_checkpoint(writer: object) -> None:
        thread = threading.Thread(target=read_elsewhere)
        thread.start()
        thread.join()
        checkpoint(writer)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_checkpoint", staticmethod(slow_checkpoint))
    store.close()
    assert outcomes == [f"{store.label} is locked"]
    assert store._readers == []
