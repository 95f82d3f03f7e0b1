"""`cmdesk sync`: fetch new messages from the channel accounts, once or until Ctrl+C."""

from __future__ import annotations

import argparse
import time
from datetime import timedelta

from cmdesk import events
from cmdesk.channels.sync import SyncResult
from cmdesk.cli.common import open_desk
from cmdesk.desk import Desk

MAX_SLEEP_S = 60.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("sync", help="fetch new messages from the channel accounts")
    p.add_argument("--account", metavar="NAME", help="only this account (synced now, due or not)")
    p.add_argument("--once", action="store_true", help="one pass, then exit (default: keep syncing until Ctrl+C)")
    p.add_argument("--max-pages", type=int, default=None, help="at most this many pages per account and pass")
    p.add_argument("--quiet", action="store_true", help="print only the summary per account")
    p.set_defaults(func=cmd_sync)


def describe(result: SyncResult) -> str:
    if result.error:
        return f"{result.account}: {result.error} ({result.new} new before that)"
    more = "" if result.done else ", more to fetch"
    sent = f", {result.delivered} replies sent" if result.delivered else ""
    return (
        f"{result.account}: {result.fetched} fetched, {result.new} new, {result.updated} updated, "
        f"{result.rejected} rejected{sent}{more}"
    )


def one_pass(desk: Desk, args: argparse.Namespace) -> list[SyncResult]:
    if args.account:
        return [desk.sync.sync_account(args.account, max_pages=args.max_pages)]
    return desk.sync.sync_due(max_pages=args.max_pages)


def cmd_sync(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        if not args.quiet:
            names = {a.id: a.name for a in desk.accounts.list()}
            desk.events.subscribe(
                events.SYNC_PROGRESS,
                lambda account_id, fetched, stored: print(
                    f"  {names.get(account_id, account_id)}: {fetched} fetched, {stored} stored", flush=True
                ),
            )
        if args.once:
            results = one_pass(desk, args)
            for result in results:
                print(describe(result), flush=True)
            if not results:
                print("no account is due; see `cmdesk accounts list`")
            return 1 if any(r.error for r in results) else 0
        return _loop(desk, args)
    finally:
        desk.close()


def _loop(desk: Desk, args: argparse.Namespace) -> int:
    """Sync due accounts, sleep until the next is due (at most a minute), repeat until Ctrl+C."""
    try:
        while True:
            for result in one_pass(desk, args) if not args.account else _account_if_due(desk, args):
                print(describe(result), flush=True)
            next_due = desk.sync.next_due_at()
            wait = MAX_SLEEP_S
            if next_due is not None:
                wait = min(MAX_SLEEP_S, max(1.0, (next_due - desk.clock.now()) / timedelta(seconds=1)))
            time.sleep(wait)
    except KeyboardInterrupt:
        print("sync stopped")
        return 0


def _account_if_due(desk: Desk, args: argparse.Namespace) -> list[SyncResult]:
    account = desk.accounts.get(args.account)
    if not desk.sync.is_due(account, desk.clock.now()):
        return []
    return [desk.sync.sync_account(account.id, max_pages=args.max_pages)]
