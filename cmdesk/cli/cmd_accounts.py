"""`cmdesk accounts`: add channel accounts, give them their secret, list their health, test them."""

from __future__ import annotations

import argparse
import sys

from cmdesk.channels.accounts import Account
from cmdesk.cli.common import open_desk, print_json
from cmdesk.errors import InvalidInput
from cmdesk.model import ChannelKind
from cmdesk.store.codec import to_db_time


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("accounts", help="channel accounts: add, secret, list, test")
    sub = p.add_subparsers(dest="accounts_command", required=True, metavar="ACTION")

    a = sub.add_parser("add", help="add a channel account")
    a.add_argument("kind", choices=[k.value for k in ChannelKind])
    a.add_argument("--name", required=True, help="a name you will recognise, e.g. 'Facebook DE'")
    a.add_argument(
        "--set", dest="settings", action="append", default=[], metavar="KEY=VALUE", help="a setting (repeatable)"
    )
    a.set_defaults(func=cmd_add)

    s = sub.add_parser("secret", help="store the account's token or password in the OS keyring (read from stdin)")
    s.add_argument("name")
    s.set_defaults(func=cmd_secret)

    ls = sub.add_parser("list", help="accounts with their health")
    ls.add_argument("--json", action="store_true", help="one JSON array")
    ls.set_defaults(func=cmd_list)

    t = sub.add_parser("test", help="check that the account's settings and secret work")
    t.add_argument("name")
    t.set_defaults(func=cmd_test)

    for action, text in (("pause", "stop syncing an account"), ("resume", "sync a paused account again")):
        x = sub.add_parser(action, help=text)
        x.add_argument("name")
        x.set_defaults(func=cmd_pause if action == "pause" else cmd_resume)


def parse_settings(pairs: list[str]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput("settings look like key=value, not {pair!r}", pair=pair)
        settings[key.strip()] = value
    return settings


def cmd_add(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        account = desk.accounts.add(args.kind, args.name, parse_settings(args.settings))
    finally:
        desk.close()
    print(f"added {account.kind} account {account.name!r} (id {account.id})")
    if account.kind != ChannelKind.FILE.value:
        print(f"next: cmdesk accounts secret {account.name!r}  (the token or password is read from stdin)")
    return 0


def cmd_secret(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        if sys.stdin.isatty():
            print("paste the token or password, then press Enter:", file=sys.stderr)
        secret = sys.stdin.readline().rstrip("\r\n")
        desk.accounts.set_secret(args.name, secret)
    finally:
        desk.close()
    print(f"saved the secret of {args.name!r} in the OS keyring")
    return 0


def health_line(account: Account) -> str:
    parts = [f"{account.name} [{account.kind}] {account.status}"]
    parts.append(f"last success {to_db_time(account.last_success_at) or 'never'}")
    parts.append(f"{account.items_last_hour} items/h")
    if account.retry_at:
        parts.append(f"retry at {to_db_time(account.retry_at)}")
    if account.token_expires_at:
        parts.append(f"token expires {to_db_time(account.token_expires_at)}")
    if account.has_secret is False and account.kind != ChannelKind.FILE.value:
        parts.append("no secret set")
    if account.last_error:
        parts.append(f"error: {account.last_error}")
    return " | ".join(parts)


def cmd_list(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        accounts = desk.accounts.list(check_secrets=True)
    finally:
        desk.close()
    if args.json:
        print_json([a.as_json() for a in accounts])
    elif not accounts:
        print("no channel accounts yet; add one with `cmdesk accounts add KIND --name NAME --set key=value`")
    else:
        for account in accounts:
            print(health_line(account))
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        print(f"{args.name}: connected to {desk.accounts.test(args.name)}")
    finally:
        desk.close()
    return 0


def cmd_pause(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        desk.accounts.pause(args.name)
    finally:
        desk.close()
    print(f"paused {args.name!r}")
    return 0


def cmd_resume(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        desk.accounts.resume(args.name)
    finally:
        desk.close()
    print(f"resumed {args.name!r}")
    return 0
