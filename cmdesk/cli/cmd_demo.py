"""`cmdesk demo-data`: create a store filled with the fictional demo company."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from cmdesk.cli.common import passphrase, print_json, store_path
from cmdesk.clock import Clock, FixedClock, SystemClock
from cmdesk.demo import generate
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.model import Role
from cmdesk.store.keys import KeyMode, keyring_available


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("demo-data", help="create a demo store (deterministic for a seed and --now)")
    p.add_argument("--messages", type=int, default=20_000, help="inbound messages to generate (default 20000)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--now", help="pin 'now' (ISO 8601, e.g. 2026-11-24T09:00:00+00:00) for a reproducible store")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_demo_data)


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.messages < 1:
        raise InvalidInput("--messages must be at least 1")
    clock: Clock = SystemClock()
    if args.now:
        try:
            at = datetime.fromisoformat(args.now)
        except ValueError:
            raise InvalidInput("--now {now!r} is not an ISO 8601 time", now=args.now) from None
        if at.tzinfo is None:
            raise InvalidInput("--now needs a time zone, e.g. +00:00")
        clock = FixedClock(at)
    desk = create_demo_desk(args, clock=clock)
    try:

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{done:,} / {total:,} messages", end="", file=sys.stderr, flush=True)

        summary = generate(desk, messages=args.messages, seed=args.seed, progress=progress)
    finally:
        desk.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(vars(summary))
    else:
        cases = ", ".join(f"{n} {state}" for state, n in summary.cases.items())
        print(
            f"demo store {store_path(args)}: {summary.messages:,} messages (+{summary.replies:,} replies, "
            f"{summary.posts:,} posts) from {summary.persons:,} people on {summary.accounts} channels; "
            f"{summary.templates_approved} approved templates; PV cases: {cases or 'none'}; "
            f"in {summary.seconds:.1f} s"
        )
    return 0


def create_demo_desk(args: argparse.Namespace, *, clock: Clock) -> Desk:
    """A new store for demo data: passphrase mode when one is given or no keyring exists."""
    path = store_path(args)
    secret = passphrase(args)
    if secret is None and not keyring_available():
        secret = "demo"  # the demo holds only fictional data; say so rather than fail
        print("no OS keyring here: the demo store's passphrase is 'demo'", file=sys.stderr)
    mode: KeyMode = "passphrase" if secret else "keyring"
    # Fictional data only: SQLCipher's memory wiping (about 6x slower bulk inserts) protects nothing here.
    return Desk.create(
        path,
        mode=mode,
        passphrase=secret,
        clock=clock,
        agent="Anna Berger",
        role=Role.COMMUNITY_MANAGER,
        memory_security=False,
    )
