"""Kill `cmdesk sync` at random points, again and again: every comment ends up stored exactly once.

A local Graph-shaped server (benchmarks/sync.py's GraphFake, on 127.0.0.1) serves 10,000
comments over 400 pages to the real Facebook connector in a `python -m cmdesk` subprocess.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cmdesk.desk import Desk

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASS = "crash test passphrase"
COMMENTS = 10_000
KILLS = 20
PAGE_SIZE = 25
SEED = int(os.environ.get("CMDESK_CRASH_SEED", "20261124"))  # another seed: other kill points


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_sync", ROOT / "benchmarks" / "sync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def graph() -> Iterator[Any]:
    # 25 comments a page whatever limit the connector asks: 400 pages, so the kills land all over the sync
    fake = load_bench().GraphFake(comments=COMMENTS, posts=20, page_size=PAGE_SIZE)
    fake.start()
    yield fake
    fake.stop()


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CMDESK_", "PYTHON_KEYRING"))}
    env.update(
        {
            "CMDESK_HOME": str(home),
            "XDG_DATA_HOME": str(home / "xdg"),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "CMDESK_PASSPHRASE": PASS,
        }
    )
    return env


def cmdesk(store: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cmdesk", "--store", str(store), *args]


def run(store: Path, env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        cmdesk(store, *args), env=env, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    return result


def count_comments(store: Path) -> int:
    desk = Desk.open(store, passphrase=PASS)
    try:
        return int(desk.store.read().execute("SELECT COUNT(*) FROM message WHERE kind = 'comment'").fetchone()[0])
    finally:
        desk.close()


def test_killed_syncs_store_every_comment_exactly_once(tmp_path: Path, graph: Any) -> None:
    env = environment(tmp_path)
    store = tmp_path / "desk.cmdesk"
    run(store, env, "init", "--agent", "Crash Test")
    run(
        store,
        env,
        "accounts",
        "add",
        "facebook",
        "--name",
        "X",
        "--set",
        "page_id=1000",
        "--set",
        f"base_url={graph.base_url}",
    )
    run(store, env, "accounts", "secret", "X", stdin="page-token\n")

    rng = random.Random(SEED)
    killed = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            cmdesk(store, "sync", "--account", "X", "--once"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stderr is not None
        # Kill after a random number of stored pages plus a random fraction of the next page's work,
        # so the kill lands anywhere: fetching, analysing, inside the transaction, committing.
        # Few pages each time: the sync stores pages fetched ahead together (up to 400 items at once), so a
        # run stores more than the lines it printed by the kill, and 20 runs must not finish the 10,000.
        pages = rng.randint(1, 10)
        for line in proc.stdout:
            if line.startswith("  X: "):  # one progress line per stored page
                pages -= 1
                if pages == 0:
                    break
        time.sleep(rng.uniform(0.0, 0.05))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
        stderr = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        assert "Traceback" not in stderr, stderr

    assert killed >= KILLS - 2  # (almost) every run really died mid-sync
    assert 0 < count_comments(store) < COMMENTS  # and the last run still has work to do

    final = run(store, env, "sync", "--account", "X", "--once", "--quiet")
    assert final.stdout.startswith("X: ")

    desk = Desk.open(store, passphrase=PASS)
    try:
        conn = desk.store.read()
        count, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM message WHERE kind = 'comment'"
        ).fetchone()
        posts = conn.execute("SELECT COUNT(*) FROM message WHERE kind = 'post'").fetchone()[0]
        rejected = conn.execute("SELECT COUNT(*) FROM rejected_item").fetchone()[0]
        account = desk.accounts.get("X")
    finally:
        desk.close()
    assert (count, distinct, posts, rejected) == (COMMENTS, COMMENTS, 20, 0)
    assert (account.status, account.last_error) == ("active", None)
