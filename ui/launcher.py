"""The `cmdesk` command: the core's CLI plus the window and the selftest; Qt loads only when they run."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence

from cmdesk.cli import main as core_main
from cmdesk.store.memory import protect_process


class QtFrontend:
    """Adds the desktop's subcommands (``ui/cli.py``) and opens the window when no subcommand is given."""

    def register(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        if importlib.util.find_spec("ui.cli") is not None:
            from ui.cli import register  # must not import Qt at module level: headless commands stay headless

            register(subparsers)

    def open_window(self, args: argparse.Namespace) -> int:
        from ui.app import run

        return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    return core_main(argv, frontend=QtFrontend())


def run() -> int:
    """The ``cmdesk`` command and the desktop bundle: the process is protected first (no core dumps, not
    readable by other programs), since it will hold decrypted messages; see cmdesk.store.memory."""
    protect_process()
    return main()


if __name__ == "__main__":
    sys.exit(run())
