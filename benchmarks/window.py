"""The window and the dashboard on a big store: start, filter, search, jump, memory, dashboard render.

    python benchmarks/window.py [--messages 1000000] [--dir DIR] [--keep] [--dashboard-only] [--runs 3]

Builds a demo store of N messages with `cmdesk demo-data` (or reuses DIR/demo-N.cmdesk with --keep),
then runs `cmdesk selftest` on it in fresh processes (so start-up is measured cold: Python, Qt, the
store and the first page; each figure is the median of --runs) and renders the team lead's dashboard
offscreen. Prints one JSON line with the figures next to the targets. Targets (issue 3 and 8):
start <= 1000 ms, filter and search <= 100 ms, jump to the last row <= 50 ms, memory <= 400 MB,
dashboard <= 1000 ms at 10^6 messages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "benchmark passphrase"
TARGETS = {"startup_ms": 1000.0, "filter_ms": 100.0, "search_ms": 100.0, "jump_ms": 50.0, "rss_mb": 400.0}
DASHBOARD_TARGET_MS = 1000.0


def cmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CMDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main(sys.argv[1:]))", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"cmdesk {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done


def build(path: Path, messages: int) -> float:
    began = time.perf_counter()
    cmdesk("--store", str(path), "demo-data", "--messages", str(messages))
    return round(time.perf_counter() - began, 1)


def compile_sources() -> None:
    """Byte-compile cmdesk and ui first, as an installed wheel or the bundle has them.

    Without it a machine with PYTHONDONTWRITEBYTECODE set (CI images often do) compiles every
    module on each start, about 0.3-1 s of "start-up" no user ever waits for.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", "cmdesk", "ui"], cwd=ROOT, check=True)


def selftest(path: Path) -> dict[str, Any]:
    lines = cmdesk("--store", str(path), "selftest").stdout.strip().splitlines()
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


def selftests(path: Path, runs: int) -> dict[str, Any]:
    """The median of ``runs`` selftests for each timed figure, with every run's figure beside it.

    One run on a shared two-core machine varies by a third from the next; the median is what a
    user typically waits, and the runs show the spread instead of hiding it. Each run starts a
    fresh process (Python, Qt, the store's caches); the OS file cache is cold for the first only.
    """
    results = [selftest(path) for _ in range(runs)]
    figures = dict(results[-1])
    for key in TARGETS:
        values = [float(r[key]) for r in results]
        figures[key] = statistics.median(values)
        figures[f"{key}_runs"] = [r[key] for r in results]
    return figures


def dashboard(path: Path) -> dict[str, float]:
    """Time from refresh() to the drawn dashboard, in this process (Qt already up), twice: cold and warm."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from cmdesk.desk import Desk
    from ui.app import application
    from ui.bridge import DeskBridge
    from ui.dashboard.dashboard import Dashboard

    app = application([])
    desk = Desk.open(path, passphrase=PASSPHRASE)
    bridge = DeskBridge(desk)
    board = Dashboard(bridge)
    board.resize(1280, 900)
    board.show()
    timings: list[float] = []
    for _ in range(2):
        loop = QEventLoop()
        original = board.show_data

        def shown(data: Any, original: Any = original, loop: QEventLoop = loop) -> None:
            original(data)
            board.repaint()
            loop.quit()

        board.show_data = shown  # type: ignore[method-assign]
        began = time.perf_counter()
        board.refresh()
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        timings.append(round((time.perf_counter() - began) * 1000, 1))
        board.show_data = original  # type: ignore[method-assign]
    board.close()
    bridge.close()
    desk.close()
    app.processEvents()
    return {"dashboard_cold_ms": timings[0], "dashboard_warm_ms": timings[1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=None, help="where the store is built (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="reuse DIR/demo-N.cmdesk when it exists")
    parser.add_argument("--dashboard-only", action="store_true", help="time the dashboard only, not the selftest")
    parser.add_argument("--runs", type=int, default=3, help="selftests run; each figure is their median")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="cmdesk-ui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{args.messages}.cmdesk"
    figures: dict[str, Any] = {"messages": args.messages}
    if not (args.keep and path.exists()):
        for old in folder.glob(f"{path.name}*"):
            old.unlink()
        figures["build_s"] = build(path, args.messages)
    if not args.dashboard_only:
        compile_sources()
        figures.update(selftests(path, max(1, args.runs)))
    figures.update(dashboard(path))
    verdicts = {key: figures[key] <= limit for key, limit in TARGETS.items() if key in figures}
    verdicts["dashboard_cold_ms"] = figures["dashboard_cold_ms"] <= DASHBOARD_TARGET_MS
    figures["targets_met"] = verdicts
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
