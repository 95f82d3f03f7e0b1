"""`cmdesk import`: bring CSV, JSON or JSONL exports from other tools into a file account."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from cmdesk.channels.file_import import FIELDS, describe, import_file, parse_mapping
from cmdesk.cli.common import open_desk, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("import", help="import a CSV, JSON or JSONL export from another tool")
    p.add_argument("file", type=Path)
    p.add_argument("--account", required=True, metavar="NAME", help="the account to import into (created if new)")
    p.add_argument(
        "--mapping",
        metavar="FIELD=COLUMN,...",
        help=f"which column holds each field ({', '.join(FIELDS)}); default: guessed from common column names",
    )
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    mapping = parse_mapping(args.mapping) if args.mapping else None
    desk = open_desk(args)
    try:
        result = import_file(desk, args.file.expanduser(), account=args.account, mapping=mapping)
    finally:
        desk.close()
    if args.json:
        print_json(asdict(result))
    else:
        print(f"{args.file.name}: {describe(result)}")
    return 0
