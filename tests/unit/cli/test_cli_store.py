"""The CLI on bad input: one clear line on stderr, exit code 2, and the file left untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "correct horse battery staple"


def run(
    args: list[str], *, home: Path, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CMDESK_", "PYTHON_KEYRING"))}
    environment.update(
        {
            "CMDESK_HOME": str(home),
            "XDG_DATA_HOME": str(home / "xdg"),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        }
    )
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cmdesk", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=environment,
        timeout=120,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "desk.cmdesk"
    result = run(
        ["--store", str(path), "init", "--agent", "Anna Berger"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS}
    )
    assert (result.returncode, result.stderr) == (0, "")
    return path


def assert_user_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert (result.returncode, result.stdout, result.stderr.splitlines()) == (2, "", [f"cmdesk: {message}"])


def test_init_then_queue_and_audit(store: Path, tmp_path: Path) -> None:
    queue = run(["--store", str(store), "queue", "--json"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert (queue.returncode, queue.stdout) == (0, "")
    verify = run(["--store", str(store), "--passphrase-stdin", "audit", "verify"], home=tmp_path, stdin=PASS + "\n")
    assert (verify.returncode, verify.stdout) == (0, "audit trail intact: 2 rows, hash chain verified\n")


def test_wrong_passphrase(store: Path, tmp_path: Path) -> None:
    before = digest(store)
    result = run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": "wrong"})
    assert_user_error(result, f"wrong passphrase for {store}")
    assert digest(store) == before


def test_missing_passphrase(store: Path, tmp_path: Path) -> None:
    result = run(["--store", str(store), "queue"], home=tmp_path)
    assert_user_error(result, f"{store} is protected by a passphrase: set CMDESK_PASSPHRASE or use --passphrase-stdin")


def test_no_keyring_backend_on_init(tmp_path: Path) -> None:
    path = tmp_path / "k.cmdesk"
    result = run(
        ["--store", str(path), "init"], home=tmp_path, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert_user_error(
        result,
        "no OS keyring is available here; create the store with a passphrase: "
        "`cmdesk init --mode passphrase --passphrase-stdin` or set CMDESK_PASSPHRASE",
    )
    assert not path.exists()


def test_keyring_store_opened_where_no_keyring_exists(tmp_path: Path) -> None:
    path = tmp_path / "k.cmdesk"
    assert run(["--store", str(path), "init"], home=tmp_path).returncode == 0
    assert run(["--store", str(path), "queue"], home=tmp_path).returncode == 0
    before = digest(path)
    result = run(
        ["--store", str(path), "queue"], home=tmp_path, env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert_user_error(
        result,
        f"{path} keeps its key in the OS keyring, but no keyring is available here; "
        "unlock the session keyring, or rekey the store to a passphrase on a machine that has it",
    )
    assert digest(path) == before


def test_truncated_store(store: Path, tmp_path: Path) -> None:
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2])
    before = digest(store)
    result = run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "damaged or truncated" in result.stderr or "is truncated" in result.stderr
    assert digest(store) == before


def test_corrupt_store(store: Path, tmp_path: Path) -> None:
    data = bytearray(store.read_bytes())
    data[200:400] = os.urandom(200)
    store.write_bytes(bytes(data))
    before = digest(store)
    result = run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert_user_error(
        result, f"{store} cannot be read although the key is right: the file is damaged or truncated; restore a backup"
    )
    assert digest(store) == before


def test_plain_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    before = digest(path)
    result = run(["--store", str(path), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert_user_error(result, f"{path} is a plain, unencrypted SQLite database, not a cmdesk store")
    assert digest(path) == before


def test_some_other_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(4000))
    before = digest(path)
    result = run(["--store", str(path), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert_user_error(
        result, f"{path} has no key file ({path.name}.keyinfo.json); it is not a cmdesk store, or its key file was lost"
    )
    assert digest(path) == before


def test_store_from_a_newer_cmdesk(store: Path, tmp_path: Path) -> None:
    from cmdesk.desk import Desk

    desk = Desk.open(store, passphrase=PASS)
    with desk.store.transaction() as conn:
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('m9999_future', '2030-01-01T00:00:00Z')")
    desk.close()
    before = digest(store)
    result = run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert result.returncode == 2
    assert result.stderr.startswith(f"cmdesk: {store} was written by a newer cmdesk (schema step m9999_future")
    assert len(result.stderr.splitlines()) == 1
    assert digest(store) == before


def test_no_store_yet(tmp_path: Path) -> None:
    path = tmp_path / "none.cmdesk"
    result = run(["--store", str(path), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert_user_error(result, f"there is no store at {path}; create one with `cmdesk init`")


def test_rekey_from_passphrase_to_another_passphrase(store: Path, tmp_path: Path) -> None:
    result = run(
        ["--store", str(store), "rekey", "--to", "passphrase"],
        home=tmp_path,
        env={"CMDESK_PASSPHRASE": PASS, "CMDESK_NEW_PASSPHRASE": "a new one"},
    )
    assert result.returncode == 0, result.stderr
    old = run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS})
    assert_user_error(old, f"wrong passphrase for {store}")
    new = run(["--store", str(store), "audit", "verify"], home=tmp_path, env={"CMDESK_PASSPHRASE": "a new one"})
    assert (new.returncode, new.stdout) == (0, "audit trail intact: 3 rows, hash chain verified\n")


def test_rekey_to_keyring_and_back(store: Path, tmp_path: Path) -> None:
    to_keyring = run(
        ["--store", str(store), "rekey", "--to", "keyring"], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS}
    )
    assert to_keyring.returncode == 0, to_keyring.stderr
    assert run(["--store", str(store), "queue"], home=tmp_path).returncode == 0
    back = run(
        ["--store", str(store), "rekey", "--to", "passphrase"],
        home=tmp_path,
        env={"CMDESK_NEW_PASSPHRASE": "back again"},
    )
    assert back.returncode == 0, back.stderr
    assert run(["--store", str(store), "queue"], home=tmp_path, env={"CMDESK_PASSPHRASE": "back again"}).returncode == 0
