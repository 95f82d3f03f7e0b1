"""MedDRA subcommands: load the company's licensed release, search it from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from cmdesk.cli.common import open_desk
from cmdesk.pv import meddra


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("meddra", help="the local MedDRA dictionary")
    sub = p.add_subparsers(dest="meddra_command", required=True, metavar="ACTION")
    s = sub.add_parser("load", help="load a MedDRA release from its MedAscii folder")
    s.add_argument("dir", metavar="DIR")
    s.add_argument("--version", dest="meddra_version", default="", help="when the release has no meddra_release.asc")
    s.add_argument("--language", default="", help="e.g. English, German (default: from the release)")
    s.set_defaults(func=cmd_load)
    s = sub.add_parser("search", help="find LLTs by name")
    s.add_argument("text")
    s.add_argument("--language", default="")
    s.add_argument("--limit", type=int, default=20)
    s.set_defaults(func=cmd_search)


def cmd_load(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        result = meddra.load_release(
            desk, Path(args.dir).expanduser(), version=args.meddra_version, language=args.language
        )
    finally:
        desk.close()
    print(f"loaded MedDRA {result.version} {result.language}: {result.llts} LLTs, {result.pts} PTs, {result.socs} SOCs")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        matches = meddra.search(desk.store.read(), args.text, language=args.language, limit=args.limit)
    finally:
        desk.close()
    for m in matches:
        print(f"{m.llt_code}  {m.llt_name}  -> PT {m.pt_code} {m.pt_name}  [{m.soc_name}]")
    return 0
