"""`cmdesk analyze`: run the message analysis over a JSONL or CSV file, without a store.

For trying the analyzer on exported comments or a test set: one JSON line out per input
record. A bad record yields an error line and the rest carry on, so one broken line in a
big export does not cost the whole run.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from cmdesk.analysis import priority
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.model import Span, TextAnalysis


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("analyze", help="analyse message texts from a JSONL or CSV file (no store needed)")
    p.add_argument("--input", default="-", metavar="FILE", help="the input file, - for standard input (default)")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="input format (default jsonl)")
    p.add_argument("--text-field", default="text", metavar="NAME", help="field holding the text (default text)")
    p.add_argument("--id-field", default="id", metavar="NAME", help="field holding the record id (default id)")
    p.set_defaults(func=cmd_analyze)


def _spans(spans: tuple[Span, ...]) -> list[list[Any]]:
    return [[s.start, s.end, s.text, s.kind] for s in spans]


def result_json(record_id: Any, analysis: TextAnalysis) -> dict[str, Any]:
    """The output line for one analysed record."""
    mood, pv = analysis.mood, analysis.pv
    return {
        "id": record_id,
        "language": analysis.language,
        "mood": {
            "label": mood.label.value,
            "score": mood.score,
            "emotions": mood.emotions,
            "evidence": _spans(mood.evidence),
        },
        "intent": analysis.intent.value,
        "expects_reply": analysis.expects_reply,
        "priority": priority.rank(analysis),
        "suggested_action": analysis.suggested_action.value,
        "pv": {
            "suspected": pv.suspected,
            "score": round(pv.score, 4),
            "products": list(pv.products),
            "events": _spans(pv.events),
            "seriousness": list(pv.seriousness),
            "special_situations": list(pv.special_situations),
        },
    }


def _jsonl(stream: TextIO, text_field: str, id_field: str) -> Iterator[tuple[int, Any, Any]]:
    """(line number, id, text or an Exception) per non-empty line."""
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield n, None, InvalidInput("not valid JSON ({reason})", reason=err.msg)
            continue
        if not isinstance(record, dict):
            yield n, None, InvalidInput("the line is not a JSON object")
            continue
        yield n, record.get(id_field), record.get(text_field, _MISSING)


def _csv(stream: TextIO, text_field: str, id_field: str) -> Iterator[tuple[int, Any, Any]]:
    reader = csv.DictReader(stream)
    if reader.fieldnames is None:
        return
    if text_field not in reader.fieldnames:
        raise InvalidInput("the CSV header has no column {column!r}; choose one with --text-field", column=text_field)
    for record in reader:
        yield reader.line_num, record.get(id_field), record.get(text_field) or ""


_MISSING = object()


def _open(path: str) -> TextIO:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace", newline="")
    try:
        return Path(path).open(encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError:
        raise NotFound("there is no input file {path}", path=path) from None
    except OSError as err:
        raise InvalidInput("cannot read {path}: {reason}", path=path, reason=err.strerror) from None


def cmd_analyze(args: argparse.Namespace) -> int:
    analyzer = Analyzer()
    stream = _open(args.input)
    out = sys.stdout
    try:
        reader = _csv if args.format == "csv" else _jsonl
        for n, record_id, text in reader(stream, args.text_field, args.id_field):
            if isinstance(text, Exception):
                line: dict[str, Any] = {"id": record_id, "line": n, "error": str(text)}
            elif text is _MISSING or not isinstance(text, str):
                line = {"id": record_id, "line": n, "error": f"the record has no text in field {args.text_field!r}"}
            else:
                line = result_json(record_id, analyzer.analyze(text))
            out.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    finally:
        if args.input != "-":
            stream.close()
    return 0
