"""Refresh docs/screenshots/ from the selftest: the real window offscreen on a fresh demo store.

    .venv/bin/python scripts/screenshots.py [--messages 3000] [--out docs/screenshots]

The demo store is made in a temporary folder (never the user's), so the pictures are reproducible
apart from the wall-clock times the demo is built around. queue_hidpi.png is the queue once more at a
device pixel ratio of 2 (QT_SCALE_FACTOR=2). Look at every PNG after running this.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    done = _selftest(args.messages, args.out.resolve(), scale=1)
    if done == 0:
        # The queue once more on a high-DPI screen (device pixel ratio 2): icons, fonts and rows must scale
        with tempfile.TemporaryDirectory(prefix="cmdesk-hidpi-") as folder:
            done = _selftest(args.messages, Path(folder), scale=2)
            if done == 0:
                shutil.copyfile(Path(folder) / "queue.png", args.out / "queue_hidpi.png")
    if done == 0:
        for png in sorted(args.out.glob("*.png")):
            print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return done


def _selftest(messages: int, out: Path, *, scale: int) -> int:
    """The selftest on a fresh demo store in a temporary home, writing its screenshots to ``out``."""
    with tempfile.TemporaryDirectory(prefix="cmdesk-shots-") as home:
        env = {**os.environ, "CMDESK_HOME": home, "QT_QPA_PLATFORM": "offscreen", "CMDESK_PASSPHRASE": "demo"}
        env["QT_SCALE_FACTOR"] = str(scale)
        env.pop("CMDESK_STORE", None)
        code = "import sys; from ui.launcher import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", code, "selftest", "--messages", str(messages)]
        return subprocess.run([*command, "--screenshot", str(out)], cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
