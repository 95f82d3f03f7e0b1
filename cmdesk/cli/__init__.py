"""The `cmdesk` command: no argument opens the workstation; subcommands work headless.

Each module ``cmd_*.py`` in this package registers its own subcommands, so features
add commands without touching this file. Headless subcommands never import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from typing import Protocol

from cmdesk import __version__
from cmdesk.errors import UserError


class Frontend(Protocol):
    """What the desktop layer adds to the command: its own subcommands and the window.

    The core never imports the UI; ``ui.launcher`` passes itself in, so a headless
    install (``python -m cmdesk``) has every subcommand but the window.
    """

    def register(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...

    def open_window(self, args: argparse.Namespace) -> int: ...


def build_parser(frontend: Frontend | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cmdesk",
        description="Workstation for community managers of healthcare and pharma companies.",
    )
    parser.add_argument("--version", action="version", version=f"cmdesk {__version__}")
    parser.add_argument("--store", metavar="PATH", help="the store file (default: your data folder's desk.cmdesk)")
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the store passphrase from the first line of standard input",
    )
    parser.add_argument("--as", dest="agent", metavar="NAME", help="act as this agent (default: the desk's user)")
    parser.add_argument(
        "--demo", action="store_true", help="open the workstation on the demo store (created on first use)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_")):
        importlib.import_module(f"{__name__}.{module}").register(subparsers)
    if frontend is not None:
        frontend.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, frontend: Frontend | None = None) -> int:
    parser = build_parser(frontend)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        if args.command is None:
            if frontend is None:
                raise UserError("this headless entry point has no window; start the workstation with `cmdesk`")
            return frontend.open_window(args)
        result: int = args.func(args)
        return result
    except UserError as err:
        print(f"cmdesk: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cmdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
