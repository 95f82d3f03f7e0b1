"""Store figures: encrypted ingest vs plain sqlite3, first queue page, full-text search, file size.

    python benchmarks/store.py [--messages 1000000] [--small 10000] [--dir DIR]

Prints one line per figure and a JSON summary; targets from the foundation issue are shown beside them.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from cmdesk.clock import FixedClock, utc
from cmdesk.demo_texts import CATEGORIES, PRODUCTS, SYMPTOMS_DE, SYMPTOMS_EN
from cmdesk.desk import Desk
from cmdesk.store import bulk
from cmdesk.store.database import WRITER_CACHE_KIB
from cmdesk.store.messages import INSERT_COLUMNS
from cmdesk.store.migrations import all_migrations

NOW = utc(2026, 11, 24, 9)
CHUNK = 50_000


def synthetic_rows(n: int, *, seed: int, first_id: int = 1) -> Iterator[list[list[Any]]]:
    """Chunks of message rows (id first) shaped like real ones: German/English texts, spread over 60 days."""
    rng = random.Random(seed)
    templates = [t for de, en in CATEGORIES.values() for t in de + en]
    statuses = ["open"] * 3 + ["done"] * 6 + ["waiting", "no_action"]
    agents = [None, "Anna Berger", "Jonas Weber", "Priya Nair"]
    chunk: list[list[Any]] = []
    for i in range(n):
        text = (
            rng.choice(templates).format(
                product=rng.choice(PRODUCTS)["brand"],
                substance="x",
                symptom=rng.choice(SYMPTOMS_DE + SYMPTOMS_EN),
                relative="my mum",
                days=rng.randint(2, 30),
                name="Sam",
                topic="asthma",
            )
            + f" #{i}"
        )
        minute = rng.randint(0, 60 * 24 * 60)
        day = minute // 1440
        created = f"2026-{9 + day // 30:02d}-{1 + day % 30:02d}T{(minute // 60) % 24:02d}:{minute % 60:02d}:00Z"
        pv = int(rng.random() < 0.12)
        values: dict[str, Any] = dict.fromkeys(INSERT_COLUMNS)
        values.update(
            account_id=1 + i % 6,
            external_id=f"ext-{i}",
            kind="comment",
            direction="in",
            author_id=1 + i % 5000,
            thread_external_id=f"post-{i // 40}",
            text=text,
            created_at=created,
            received_at=created,
            hidden=0,
            status=rng.choice(statuses),
            assignee=rng.choice(agents),
            language="de" if i % 2 else "en",
            mood_label=rng.choice(["negative", "neutral", "positive"]),
            mood_score=round(rng.uniform(-1, 1), 3),
            emotions="{}",
            mood_evidence="[]",
            intent="question",
            expects_reply=1,
            pv_suspected=pv,
            pv_score=0.8 if pv else 0.1,
            pv_signal="{}",
            pv_screening="unscreened" if pv else "auto_cleared",
            suggested_action="answer",
            priority=0 if pv else rng.randint(1, 6),
            due_at=created,
        )
        chunk.append([first_id + i, *(values[c] for c in INSERT_COLUMNS)])
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def seed_parents(conn: Any) -> None:
    conn.execute("BEGIN")
    for a in range(1, 7):
        conn.execute(
            "INSERT INTO channel_account (id, name, kind, created_at) VALUES (?, ?, 'facebook', ?)",
            (a, f"account {a}", "2026-09-01T00:00:00Z"),
        )
    conn.executemany(
        "INSERT INTO person (id, display_name, created_at) VALUES (?, ?, ?)",
        [(p, f"Person {p}", "2026-09-01T00:00:00Z") for p in range(1, 5001)],
    )
    conn.executemany(
        "INSERT INTO author (id, account_id, external_id, name, person_id, first_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(p, 1 + p % 6, f"a{p}", f"Author Müller {p}", p, "2026-09-01T00:00:00Z") for p in range(1, 5001)],
    )
    conn.execute("COMMIT")


def fill_encrypted(path: Path, n: int) -> tuple[Desk, float]:
    desk = Desk.create(path, mode="passphrase", passphrase="benchmark", clock=FixedClock(NOW), agent="Anna Berger")
    seed_parents(desk.store._conn_for_write())
    spent = 0.0
    for chunk in synthetic_rows(n, seed=1):
        started = time.perf_counter()
        with desk.store.transaction() as conn:
            bulk.insert_messages_with_ids(conn, chunk)
        spent += time.perf_counter() - started
    return desk, spent


def fill_plain(path: Path, n: int) -> float:
    """The same schema and rows through stdlib sqlite3 (no encryption), plain executemany with triggers.

    It gets the page cache the store's writer has: a ratio between unequal caches would measure the cache.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    for migration in all_migrations():  # every index the encrypted store has, or the ratio compares unlike work
        migration.apply(cast(Any, conn))
    seed_parents(conn)
    columns = ", ".join(("id", *INSERT_COLUMNS))
    sql = f"INSERT INTO message ({columns}) VALUES ({', '.join('?' * (len(INSERT_COLUMNS) + 1))})"
    spent = 0.0
    for chunk in synthetic_rows(n, seed=1):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(sql, chunk)
        conn.execute("COMMIT")
        spent += time.perf_counter() - started
    conn.close()
    return spent


def timed(fn: Any, repeat: int = 5) -> float:
    """Median milliseconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)


def queue_figures(path: Path) -> dict[str, float]:
    """First page on a freshly opened store (cold), then warm; an FTS query; counts."""
    started = time.perf_counter()
    desk = Desk.open(path, passphrase="benchmark", clock=FixedClock(NOW))
    opened = time.perf_counter()
    f = desk.queue.filter("all")
    desk.queue.page(f, limit=50)
    figures = {
        "open_ms": round((opened - started) * 1000, 2),
        "first_page_cold_ms": round((time.perf_counter() - opened) * 1000, 2),
        "first_page_ms": timed(lambda: desk.queue.page(f, limit=50)),
        "open_view_first_page_ms": timed(lambda: desk.queue.page(desk.queue.filter("unassigned"), limit=50)),
        "fts_first_page_ms": timed(lambda: desk.queue.page(desk.queue.filter("all", search="Kopfschmerzen"), limit=50)),
        "fts_rare_term_ms": timed(lambda: desk.queue.page(desk.queue.filter("all", search="Müller 4242"), limit=50)),
        "count_all_ms": timed(lambda: desk.queue.count(f), repeat=3),
        "all_ids_ms": timed(lambda: desk.queue.ids(f), repeat=3),
    }
    desk.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="cmdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"messages": args.messages}

    small_desk, _ = fill_encrypted(folder / "small.cmdesk", args.small)
    small_desk.close()
    small = queue_figures(folder / "small.cmdesk")

    big_desk, encrypted_s = fill_encrypted(folder / "big.cmdesk", args.messages)
    big_desk.close()
    plain_s = fill_plain(folder / "plain.sqlite", args.messages)
    big = queue_figures(folder / "big.cmdesk")

    encrypted_rate = args.messages / encrypted_s
    plain_rate = args.messages / plain_s
    size = sum(p.stat().st_size for p in folder.glob("big.cmdesk*"))
    results.update(
        encrypted_rows_per_s=round(encrypted_rate),
        plain_rows_per_s=round(plain_rate),
        ingest_ratio=round(encrypted_rate / plain_rate, 3),
        small=small,
        big=big,
        first_page_ratio=round(big["first_page_cold_ms"] / max(small["first_page_cold_ms"], 0.01), 2),
        file_mb=round(size / 1e6, 1),
    )
    print(f"ingest, encrypted store (bulk path, FTS, indexes): {encrypted_rate:,.0f} messages/s")
    print(f"ingest, plain sqlite3.executemany, same schema:     {plain_rate:,.0f} messages/s")
    print(f"ratio encrypted/plain: {results['ingest_ratio']} (target >= 0.4)")
    for label, fig in ((f"{args.small:,}", small), (f"{args.messages:,}", big)):
        print(
            f"first queue page, {label} messages: {fig['first_page_cold_ms']} ms right after opening "
            f"(open with key derivation {fig['open_ms']} ms), warm {fig['first_page_ms']} ms"
        )
    print(f"target: <= 100 ms at 10^6 and <= 3x the small figure: {results['first_page_ratio']}x")
    print(f"FTS 'Kopfschmerzen' first page: {big['fts_first_page_ms']} ms; rare term: {big['fts_rare_term_ms']} ms")
    print(f"exact count of all: {big['count_all_ms']} ms; all ordered ids: {big['all_ids_ms']} ms")
    print(f"store file with WAL: {results['file_mb']} MB")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
