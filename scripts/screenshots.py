"""Refresh docs/screenshots/ from the selftest: the real window offscreen on a fresh demo store.

    .venv/bin/python scripts/screenshots.py [--messages 3000] [--out docs/screenshots]

The demo store is made in a temporary folder (never the user's), so the pictures are reproducible
apart from the wall-clock times the demo is built around. Look at every PNG after running this.
"""

from __future__ import annotations

import argparse
import os
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
    with tempfile.TemporaryDirectory(prefix="cmdesk-shots-") as home:
        env = {**os.environ, "CMDESK_HOME": home, "QT_QPA_PLATFORM": "offscreen", "CMDESK_PASSPHRASE": "demo"}
        env.pop("CMDESK_STORE", None)
        code = "import sys; from ui.launcher import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", code, "selftest", "--messages", str(args.messages)]
        done = subprocess.run([*command, "--screenshot", str(args.out.resolve())], cwd=ROOT, env=env, check=False)
    if done.returncode == 0:
        for png in sorted(args.out.glob("*.png")):
            print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
