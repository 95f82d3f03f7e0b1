"""The desktop's own subcommands, added to the core CLI by ``ui.launcher`` (the core never imports ``ui``).

Only argument definitions live here: Qt is imported when a command runs, so
``cmdesk --help`` and every headless command stay free of Qt.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "selftest", help="open the window offscreen on a store (default: the demo store) and print timings as JSON"
    )
    # also accepted after the subcommand; SUPPRESS keeps a global --store from being overwritten
    p.add_argument(
        "--store", metavar="PATH", default=argparse.SUPPRESS, help="the store to open (default: the demo store)"
    )
    p.add_argument("--screenshot", metavar="DIR", help="also write screenshots (queue, author panel, German UI)")
    p.add_argument(
        "--messages", type=int, default=20_000, help="size of the demo store if it has to be created (default 20000)"
    )
    p.set_defaults(func=_selftest)


def _selftest(args: argparse.Namespace) -> int:
    from ui.selftest import run

    return run(args)
