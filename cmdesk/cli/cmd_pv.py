"""PV subcommands: list cases by deadline, open a case from a message, export, reconcile."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cmdesk.cli.common import open_desk, print_json
from cmdesk.errors import InvalidInput
from cmdesk.pv import clocks
from cmdesk.pv.model import Case, CaseState

FORMATS = ("e2b", "pdf", "json")
OPEN_STATES = (CaseState.DRAFT, CaseState.READY)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("pv", help="pharmacovigilance cases")
    sub = p.add_subparsers(dest="pv_command", required=True, metavar="ACTION")

    s = sub.add_parser("list", help="list cases, most urgent internal deadline first")
    s.add_argument("--due", action="store_true", help="only cases not yet forwarded, with their countdown")
    s.add_argument("--json", action="store_true", help="one JSON object per line")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("new", help="open a draft case from one or more messages of the same person")
    s.add_argument("--message", dest="messages", type=int, action="append", required=True, metavar="ID")
    s.set_defaults(func=cmd_new)

    s = sub.add_parser("export", help="write cases as E2B(R3) XML, CIOMS-I PDF or JSON")
    which = s.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", type=int, metavar="ID")
    which.add_argument("--all", action="store_true")
    s.add_argument("--format", choices=FORMATS, required=True)
    s.add_argument("--out", required=True, metavar="DIR")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("reconcile", help="flagged vs forwarded vs acknowledged, with every discrepancy")
    s.add_argument("--ack-days", type=int, default=3, help="days to wait for drug safety's case number (default 3)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_reconcile)


def _case_json(case: Case, now: Any) -> dict[str, Any]:
    return {
        "id": case.id,
        "reference": case.reference,
        "state": case.state.value,
        "day0": case.day0,
        "internal_due_at": case.internal_due_at,
        "internal_countdown": clocks.countdown(case.internal_due_at, now),
        "regulatory_due_at": case.regulatory_due_at,
        "serious": case.serious,
        "reporter": case.reporter.handle or case.reporter.name,
        "products": [p.name for p in case.products],
    }


def cmd_list(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        now = desk.clock.now()
        cases = desk.pv.list(states=OPEN_STATES) if args.due else desk.pv.list()
    finally:
        desk.close()
    for case in cases:
        if args.json:
            print_json(_case_json(case, now))
            continue
        products = ", ".join(p.name for p in case.products) or "-"
        due = clocks.countdown(case.internal_due_at, now) if case.state in OPEN_STATES else "-"
        serious = "SERIOUS" if case.serious else "       "
        print(f"{case.reference}  {case.state.value:<14} {serious} {due:<20} {products[:40]}")
    if not args.json:
        print(f"{len(cases)} case(s)")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        case = desk.pv.new_case(args.messages)
        missing = desk.pv.validity(case.id).missing
    finally:
        desk.close()
    print(
        f"opened {case.reference} (case {case.id}), forward to drug safety by {case.internal_due_at:%Y-%m-%d %H:%M} UTC"
    )
    for item in missing:
        print(f"  missing: {item}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        cases = [desk.pv.get(args.case)] if args.case is not None else desk.pv.list()
        if not cases:
            raise InvalidInput("there are no PV cases to export")
        names = desk.pv.write_exports(cases, Path(args.out).expanduser(), formats=(args.format,))
    finally:
        desk.close()
    for name in names:
        print(Path(args.out) / name)
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        report = desk.pv.reconcile(ack_days=args.ack_days)
    finally:
        desk.close()
    if args.json:
        print_json(
            {
                "at": report.at,
                "flagged": report.flagged,
                "screened_not_ae": report.screened_not_ae,
                "cases": report.cases,
                "forwarded": report.forwarded,
                "acknowledged": report.acknowledged,
                "discrepancies": [vars(d) for d in report.discrepancies],
            }
        )
        return 0
    print(
        f"flagged {report.flagged}, screened not AE {report.screened_not_ae}, cases {report.cases}, "
        f"forwarded {report.forwarded}, acknowledged {report.acknowledged}"
    )
    for d in report.discrepancies:
        where = d.reference or f"message {d.message_id}"
        print(f"  {d.kind:<24} {where}: {d.detail}")
    print(f"{len(report.discrepancies)} discrepancy(ies)")
    return 0
