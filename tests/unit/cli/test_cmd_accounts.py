"""`cmdesk accounts`, `cmdesk import` and `cmdesk sync --once` run in-process on a passphrase store."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from cmdesk.channels import registry
from cmdesk.channels.base import Page
from cmdesk.cli import main
from cmdesk.desk import Desk
from cmdesk.store.keys import KeyManager

PASS = "correct horse battery staple"


class CheckOnly:
    kind = "facebook"

    def __init__(self, secret: str | None) -> None:
        self.secret = secret

    def check(self) -> str:
        return f"Page 42 (token {'set' if self.secret else 'missing'})"

    def fetch(self, cursor: dict[str, Any]) -> Page:
        return Page(items=(), cursor={"seen": True}, done=True)


@pytest.fixture
def store(tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(memory_keyring)
    monkeypatch.setenv("CMDESK_PASSPHRASE", PASS)
    path = tmp_path / "desk.cmdesk"
    Desk.create(path, mode="passphrase", passphrase=PASS, keys=KeyManager(memory_keyring), agent="Anna").close()
    yield path
    keyring.set_keyring(previous)


def run(store: Path, *args: str, stdin: str = "") -> int:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return main(["--store", str(store), *args])
    finally:
        sys.stdin = old


def test_add_secret_list(store: Path, memory_keyring: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store, "accounts", "add", "facebook", "--name", "FB DE", "--set", "page_id=42") == 0
    assert run(store, "accounts", "secret", "FB DE", stdin="EAAB-token\n") == 0
    assert "EAAB-token" in memory_keyring.secrets.values()
    capsys.readouterr()
    assert run(store, "accounts", "list", "--json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert {k: listed[k] for k in ("name", "kind", "settings", "status", "has_secret", "last_success_at")} == {
        "name": "FB DE",
        "kind": "facebook",
        "settings": {"page_id": "42"},
        "status": "active",
        "has_secret": True,
        "last_success_at": None,
    }
    assert run(store, "accounts", "list") == 0
    assert capsys.readouterr().out == "FB DE [facebook] active | last success never | 0 items/h\n"


def test_bad_setting_is_one_clear_line(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store, "accounts", "add", "facebook", "--name", "X", "--set", "imap_host=x") == 2
    err = capsys.readouterr().err
    assert err.startswith("cmdesk: a Facebook account has no setting 'imap_host'")
    assert run(store, "accounts", "add", "facebook", "--name", "X", "--set", "page_id") == 2
    assert "key=value" in capsys.readouterr().err


def test_accounts_test_and_sync_once(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(registry, "connector_for", lambda kind, settings, secret, **kw: CheckOnly(secret))
    run(store, "accounts", "add", "facebook", "--name", "FB", "--set", "page_id=42")
    run(store, "accounts", "secret", "FB", stdin="tok\n")
    capsys.readouterr()
    assert run(store, "accounts", "test", "FB") == 0
    assert capsys.readouterr().out == "FB: connected to Page 42 (token set)\n"
    assert run(store, "sync", "--once", "--quiet") == 0
    assert capsys.readouterr().out == "FB: 0 fetched, 0 new, 0 updated, 0 rejected\n"
    assert run(store, "sync", "--once") == 0
    assert capsys.readouterr().out == "no account is due; see `cmdesk accounts list`\n"


def test_import_command(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "old.csv"
    export.write_text("Key,Body,When\nk1,Hello there,2026-11-20T10:00:00Z\nk2,,2026-11-20T10:00:00Z\n")
    assert run(store, "import", str(export), "--account", "Old", "--mapping", "id=Key,text=Body,created_at=When") == 0
    assert capsys.readouterr().out == (
        "old.csv: 2 rows: 1 new, 0 updated, 0 unchanged, 1 rejected (see rejected items)\n"
    )


def test_sync_loop_runs_until_ctrl_c(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    monkeypatch.setattr(registry, "connector_for", lambda kind, settings, secret, **kw: CheckOnly(secret))
    run(store, "accounts", "add", "facebook", "--name", "FB", "--set", "page_id=42")
    run(store, "accounts", "secret", "FB", stdin="tok\n")
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", sleep)
    capsys.readouterr()
    assert run(store, "sync", "--quiet") == 0
    assert capsys.readouterr().out == "FB: 0 fetched, 0 new, 0 updated, 0 rejected\nsync stopped\n"
    assert len(sleeps) == 2 and all(1.0 <= s <= 60.0 for s in sleeps)


def test_sync_once_prints_progress_per_page(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(registry, "connector_for", lambda kind, settings, secret, **kw: CheckOnly(secret))
    run(store, "accounts", "add", "facebook", "--name", "FB", "--set", "page_id=42")
    run(store, "accounts", "secret", "FB", stdin="tok\n")
    capsys.readouterr()
    assert run(store, "sync", "--once", "--account", "FB") == 0
    assert capsys.readouterr().out == "  FB: 0 fetched, 0 stored\nFB: 0 fetched, 0 new, 0 updated, 0 rejected\n"
