"""Store subcommands: init, rekey, audit verify, queue and search."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from cmdesk.cli.common import open_desk, passphrase, print_json, store_path
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput, NoKeySource
from cmdesk.model import Role
from cmdesk.queue import VIEWS, QueueRow
from cmdesk.store import audit
from cmdesk.store.keys import KeyManager, KeyMode, keyring_available


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("init", help="create a new encrypted store")
    p.add_argument(
        "--mode",
        choices=["keyring", "passphrase"],
        help="where the key lives (default: keyring, or passphrase when one is given)",
    )
    p.add_argument("--agent", help="your name as an agent of this desk")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.COMMUNITY_MANAGER.value)
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("rekey", help="change the store's key or key mode")
    p.add_argument("--to", dest="to_mode", choices=["keyring", "passphrase"], required=True)
    p.add_argument(
        "--new-passphrase-stdin",
        action="store_true",
        help="read the new passphrase from standard input (after the current one, if that is read too)",
    )
    p.set_defaults(func=cmd_rekey)

    p = subparsers.add_parser("audit", help="check the audit trail")
    audit_sub = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    v = audit_sub.add_parser("verify", help="verify the hash chain; names every broken row")
    v.set_defaults(func=cmd_audit_verify)

    p = subparsers.add_parser("queue", help="print the prioritized queue")
    p.add_argument("--view", default="all", help=f"one of {', '.join(VIEWS)} or account:ID (default: all)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_queue)

    p = subparsers.add_parser("search", help="full-text search over messages and author names")
    p.add_argument("query")
    p.add_argument("--view", default="all")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def cmd_init(args: argparse.Namespace) -> int:
    path = store_path(args)
    secret = passphrase(args)
    mode: KeyMode = args.mode or ("passphrase" if secret else "keyring")
    if mode == "keyring" and not keyring_available():
        raise NoKeySource(
            "no OS keyring is available here; create the store with a passphrase: "
            "`cmdesk init --mode passphrase --passphrase-stdin` or set CMDESK_PASSPHRASE"
        )
    desk = Desk.create(path, mode=mode, passphrase=secret, keys=KeyManager(), agent=args.agent, role=Role(args.role))
    desk.close()
    print(f"created {path} (key in {'the OS keyring' if mode == 'keyring' else 'your passphrase'})")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        new_secret: str | None = None
        if args.to_mode == "passphrase":
            if args.new_passphrase_stdin:
                new_secret = sys.stdin.readline().rstrip("\r\n")
            else:
                new_secret = os.environ.get("CMDESK_NEW_PASSPHRASE")
            if not new_secret:
                raise InvalidInput("give the new passphrase with --new-passphrase-stdin or CMDESK_NEW_PASSPHRASE")
        desk.rekey(mode=args.to_mode, passphrase=new_secret)
    finally:
        desk.close()
    print(
        f"rekeyed {store_path(args)} (key now in {'the OS keyring' if args.to_mode == 'keyring' else 'the passphrase'})"
    )
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        conn = desk.store.read()
        problems = audit.verify(conn)
        total = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        desk.close()
    if problems:
        for problem in problems:
            print(str(problem), file=sys.stderr)
        print(f"cmdesk: the audit trail is broken in {len(problems)} place(s) ({total} rows checked)", file=sys.stderr)
        return 1
    print(f"audit trail intact: {total} rows, hash chain verified")
    return 0


def _row_json(row: QueueRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "priority": row.priority,
        "due_at": row.due_at,
        "channel": row.channel.value,
        "account": row.account_name,
        "author": row.author_name,
        "excerpt": row.excerpt,
        "mood": row.mood_label.value if row.mood_label else None,
        "intent": row.intent.value if row.intent else None,
        "pv_suspected": row.pv_suspected,
        "pv_screening": row.pv_screening.value,
        "status": row.status.value,
        "assignee": row.assignee,
        "created_at": row.created_at,
        "language": row.language,
    }


def _print_rows(rows: list[QueueRow], *, total: int, as_json: bool) -> None:
    if as_json:
        for row in rows:
            print_json(_row_json(row))
        return
    for row in rows:
        due = row.due_at.strftime("%m-%d %H:%M") if row.due_at else "-"
        pv = "PV" if row.pv_suspected else "  "
        print(
            f"{row.id:>8} P{row.priority} {due:>11} {pv} {row.channel.value:<9} {row.author_name[:18]:<18} "
            f"{row.excerpt[:70]}"
        )
    print(f"-- {len(rows)} of {total}", file=sys.stderr)


def cmd_queue(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        f = desk.queue.filter(args.view)
        _validate_view(args.view)
        _print_rows(desk.queue.page(f, limit=args.limit), total=desk.queue.count(f), as_json=args.json)
    finally:
        desk.close()
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        _validate_view(args.view)
        f = desk.queue.filter(args.view, search=args.query)
        _print_rows(desk.queue.page(f, limit=args.limit), total=desk.queue.count(f), as_json=args.json)
    finally:
        desk.close()
    return 0


def _validate_view(view: str) -> None:
    if view in VIEWS:
        return
    if view.startswith("account:") and view.split(":", 1)[1].isdigit():
        return
    raise InvalidInput("unknown view {view!r}; use one of {views} or account:ID", view=view, views=", ".join(VIEWS))
