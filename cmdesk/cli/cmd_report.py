"""`cmdesk report`: the team-lead figures as text or JSON."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import datetime, timedelta
from typing import Any

from cmdesk.cli.common import open_desk, print_json
from cmdesk.errors import InvalidInput
from cmdesk.reports import Period, ReportFilter


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("report", help="team-lead figures: workload, pv, mood, coverage")
    p.add_argument("kind", choices=["workload", "pv", "mood", "coverage"])
    p.add_argument("--from", dest="date_from", help="first day (YYYY-MM-DD, UTC); default 14 days ago")
    p.add_argument("--to", dest="date_to", help="last day, inclusive (YYYY-MM-DD); default today")
    p.add_argument("--account", type=int, action="append", default=[], help="only this account id (repeatable)")
    p.add_argument("--agent", help="only messages assigned to this agent")
    p.add_argument("--product", help="only messages naming this product")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)


def _day(text: str, flag: str) -> datetime:
    try:
        return datetime.fromisoformat(text + "T00:00:00+00:00")
    except ValueError:
        raise InvalidInput("{flag} {text!r} is not a date like 2026-11-24", flag=flag, text=text) from None


def cmd_report(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        default = desk.reports.default_period()
        start = _day(args.date_from, "--from") if args.date_from else default.start
        end = _day(args.date_to, "--to") + timedelta(days=1) if args.date_to else default.end
        if end <= start:
            raise InvalidInput("--to must not be before --from")
        period = Period(start, end)
        f = ReportFilter(account_ids=tuple(args.account), agent=args.agent, product=args.product)
        report: Any
        if args.kind == "workload":
            report = desk.reports.workload(period, f)
        elif args.kind == "pv":
            report = desk.reports.pv(period, f)
        elif args.kind == "mood":
            report = desk.reports.mood(period, f)
        else:
            report = desk.reports.coverage()
    finally:
        desk.close()
    data = [dataclasses.asdict(r) for r in report] if isinstance(report, list) else dataclasses.asdict(report)
    if args.json:
        print_json(data)
    else:
        _print_text(args.kind, data)
    return 0


def _print_text(kind: str, data: Any) -> None:
    if kind == "coverage":
        for a in data:
            flag = "GAP " if a["gap"] else "ok  "
            print(
                f"{flag}{a['name']:<40} {a['status']:<17} last success {a['last_success_at'] or 'never'}"
                f"{'  error: ' + a['last_error'] if a['last_error'] else ''}"
            )
        return
    print(f"period {data['period']['start']} .. {data['period']['end']}")
    if kind == "workload":
        print(f"{'agent':<20} {'open':>5} {'wait':>5} {'done':>6} {'FRT med h':>9} {'FRT p90 h':>9} {'SLA':>5}")
        for a in data["agents"]:
            print(
                f"{a['agent'] or '(unassigned)':<20} {a['open']:>5} {a['waiting']:>5} {a['handled']:>6} "
                f"{_num(a['first_response_median_h']):>9} {_num(a['first_response_p90_h']):>9} {a['sla_breaches']:>5}"
            )
    elif kind == "pv":
        for key, value in data.items():
            if key != "period":
                print(f"{key}: {value}")
    else:
        for c in data["channel_days"]:
            share = c["negative"] / c["volume"] if c["volume"] else 0
            print(f"{c['day']} {c['account']:<40} {c['volume']:>6} negative {share:6.1%}")
        for alert in data["alerts"]:
            print(f"ALERT {alert}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
