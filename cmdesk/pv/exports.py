"""The files and e-mail text a PV case is handed to drug safety in: CIOMS-I PDF, E2B(R3) XML and JSON.

Apart from the case workflow (``cmdesk.pv.service``) because choosing formats and writing files
is output, not workflow; the formats themselves live in ``cioms_pdf``, ``e2b`` and ``json_export``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cmdesk.pv.model import Case
from cmdesk.store.codec import to_db_time


def write_exports(
    cases: Sequence[Case], folder: Path, *, formats: Sequence[str], now: datetime, sender: str
) -> list[str]:
    """Write each case as PDF / E2B XML / JSON into ``folder``; returns the file names written."""
    from cmdesk.pv.json_export import case_json

    folder.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    for case in cases:
        if "pdf" in formats:
            from cmdesk.pv.cioms_pdf import cioms_pdf

            names.append(_write(folder / f"{case.reference}.pdf", cioms_pdf(case)))
        if "e2b" in formats:
            from cmdesk.pv.e2b import e2b_batch

            names.append(_write(folder / f"{case.reference}.xml", e2b_batch([case], now=now, sender=sender)))
        if "json" in formats:
            import json

            data = json.dumps(case_json(case), indent=2, ensure_ascii=False, default=str) + "\n"
            names.append(_write(folder / f"{case.reference}.json", data.encode("utf-8")))
    return names


def email_body(case: Case) -> str:
    """The text of the e-mail that forwards ``case`` to drug safety (the files go as attachments)."""
    lines = [
        f"Case {case.reference} — suspected adverse event from {case.reporter.channel or 'a company channel'}.",
        f"Day 0: {to_db_time(case.day0)}; regulatory due: {to_db_time(case.regulatory_due_at)}.",
        f"Serious: {'yes' if case.serious else 'no'}.",
        "",
        case.narrative,
    ]
    return "\n".join(lines)


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return path.name
