"""The whole case as JSON: for drug safety systems that take JSON, and for archiving what was sent.

Dates are ISO 8601, enums their values, and ``schema_version`` lets a reader tell formats apart
when fields are added later.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from cmdesk.pv.model import Case

SCHEMA_VERSION = 1


def _plain(value: Any) -> Any:
    """Turn a model value into JSON-ready data (dicts, lists, strings, numbers, booleans, None)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def case_json(case: Case) -> dict[str, Any]:
    """The case as a JSON-ready dict, with ``schema_version`` and the derived ``serious`` flag."""
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    body = _plain(case)
    assert isinstance(body, dict)
    out.update(body)
    out["serious"] = case.serious
    return out


def case_json_bytes(case: Case) -> bytes:
    """UTF-8 JSON, indented and with umlauts kept as they are so people can read the file."""
    text = json.dumps(case_json(case), indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8", errors="replace")  # a lone surrogate from a broken post becomes "?"
