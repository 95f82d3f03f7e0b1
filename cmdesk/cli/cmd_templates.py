"""`cmdesk templates`: list, render, import and export the reply library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cmdesk.cli.common import open_desk, print_json
from cmdesk.errors import InvalidInput


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("templates", help="the reply template library: list, render, import, export")
    sub = p.add_subparsers(dest="templates_command", required=True, metavar="COMMAND")
    ls = sub.add_parser("list", help="every template with its state")
    ls.add_argument("--language", choices=["de", "en"])
    ls.add_argument("--all", action="store_true", help="also retired templates")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    render = sub.add_parser("render", help="a template filled in for a message")
    render.add_argument("template_id", type=int, metavar="ID")
    render.add_argument("--message", type=int, metavar="MID", help="the message to answer")
    render.add_argument("--case", metavar="REFERENCE", help="the PV case reference for {{case.reference}}")
    render.set_defaults(func=cmd_render)
    imp = sub.add_parser("import", help="add templates from a library file (existing names are kept)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    exp = sub.add_parser("export", help="write the whole library with versions and approvals to a file")
    exp.add_argument("file", type=Path)
    exp.set_defaults(func=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        now = desk.clock.now()
        rows = []
        for t in desk.templates.library(language=args.language, include_retired=args.all):
            usable = t.approved(now)
            rows.append(
                {
                    "id": t.id,
                    "name": t.name,
                    "category": t.category.value,
                    "language": t.language,
                    "version": t.latest.version,
                    "state": t.latest.state.value,
                    "sendable_version": usable.version if usable else None,
                    "expires_at": usable.expires_at.isoformat() if usable and usable.expires_at else None,
                    "pv_safe": t.pv_safe,
                    "uses": t.usage_count,
                }
            )
    finally:
        desk.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        sendable = f"v{r['sendable_version']} sendable" if r["sendable_version"] else "not sendable"
        pv = " PV-safe" if r["pv_safe"] else ""
        state = f"v{r['version']} {r['state']}, {sendable}{pv}"
        print(f"{r['id']:>4}  {r['language']}  {r['category']:<13} {r['name']}  ({state})")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        result = desk.templates.render(args.template_id, message_id=args.message, case_reference=args.case)
    finally:
        desk.close()
    print(result.text)
    for problem in result.problems:
        what = "is not a placeholder cmdesk knows" if problem.reason == "unknown" else "has no value for this message"
        print(f"{{{{{problem.name}}}}} {what}", file=sys.stderr)
    return 0 if result.sendable else 1


def cmd_import(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except OSError as err:
        raise InvalidInput("cannot read {path}: {reason}", path=args.file, reason=err.strerror) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InvalidInput("{path} is not a JSON file ({reason})", path=args.file, reason=str(err)) from None
    desk = open_desk(args)
    try:
        added = desk.templates.import_json(data, source=args.file.name)
    finally:
        desk.close()
    print(f"imported {len(added)} template(s); templates that exist already by name and language were kept")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        data = desk.templates.export_json()
    finally:
        desk.close()
    args.file.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(data['templates'])} template(s) to {args.file}")
    return 0
