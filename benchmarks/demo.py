"""Demo generation speed: messages per second, total and CPU seconds, peak memory for a fresh demo store.

    python benchmarks/demo.py [--messages 100000] [--full] [--dir DIR] [--profile]

``--full`` also builds the 10^6-message store (target: under 2 minutes). Each size runs in a fresh
encrypted store with the settings `cmdesk demo-data` uses (memory wiping off: fictional data only).
CPU seconds (this process, and the worker process that makes the rows) vary less than wall seconds
on a shared machine; the load average printed with each line says how shared it was.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cmdesk.clock import FixedClock, utc
from cmdesk.demo import generate
from cmdesk.desk import Desk
from cmdesk.model import Role

NOW = utc(2026, 11, 24, 9)
TARGET_1M_S = 120.0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far of this process or (RUSAGE_CHILDREN) its largest finished child."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def children_cpu_s() -> float:
    """CPU seconds (user + system) of this process's finished children: the demo's worker."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(folder: Path, messages: int, *, profile: bool) -> dict[str, Any]:
    path = folder / f"demo-{messages}.cmdesk"
    desk = Desk.create(
        path,
        mode="passphrase",
        passphrase="demo",
        clock=FixedClock(NOW),
        agent="Anna Berger",
        role=Role.COMMUNITY_MANAGER,
        memory_security=False,
    )
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    cpu_started, worker_cpu_started = time.process_time(), children_cpu_s()
    try:
        if profiler:
            profiler.enable()
        summary = generate(desk, messages=messages, seed=7)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        worker_cpu = children_cpu_s() - worker_cpu_started
        hits = desk.store.read().execute("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'Kopfschmerzen'")
        fts_hits = int(hits.fetchone()[0])
    finally:
        desk.close()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    size = sum(p.stat().st_size for p in folder.glob(path.name + "*"))
    return {
        "messages": messages,
        "rows": summary.messages + summary.replies + summary.posts,
        "seconds": round(seconds, 2),
        "messages_per_s": round(messages / seconds),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "worker_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        "cpu_s": round(cpu, 1),
        "worker_cpu_s": round(worker_cpu, 1),
        "file_mb": round(size / 1e6, 1),
        "fts_hits_kopfschmerzen": fts_hits,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="also build a 10^6-message store")
    parser.add_argument("--dir", type=Path, help="where to create the stores (default: a temporary folder)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of each build")
    args = parser.parse_args()
    sizes = [args.messages] + ([1_000_000] if args.full and args.messages != 1_000_000 else [])
    results = []
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for n in sizes:
            figures = build(Path(tmp), n, profile=args.profile)
            results.append(figures)
            note = f" (target < {TARGET_1M_S:.0f} s)" if n == 1_000_000 else ""
            print(
                f"demo {n:>9,} messages: {figures['seconds']:7.1f} s{note}, {figures['messages_per_s']:,} messages/s, "
                f"peak RSS {figures['peak_rss_mb']:,.0f} MB (worker {figures['worker_peak_rss_mb']:,.0f} MB), "
                f"CPU {figures['cpu_s']:,.0f} s (worker {figures['worker_cpu_s']:,.0f} s), "
                f"file {figures['file_mb']:,.0f} MB, load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
