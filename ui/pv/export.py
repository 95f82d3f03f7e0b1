"""A PV case as export files: CIOMS-I PDF, E2B(R3) XML or JSON."""

from __future__ import annotations

from pathlib import Path

from cmdesk.desk import Desk
from cmdesk.pv.model import Case

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("CIOMS-I PDF (*.pdf)", "pdf"),
    "e2b": ("E2B(R3) XML (*.xml)", "xml"),
    "json": ("JSON (*.json)", "json"),
}


def export_bytes(desk: Desk, case: Case, fmt: str) -> bytes:
    """The case as one export file's bytes: ``pdf`` (CIOMS-I), ``e2b`` (E2B(R3) XML) or ``json``."""
    if fmt == "pdf":
        from cmdesk.pv.cioms_pdf import cioms_pdf

        return cioms_pdf(case)
    if fmt == "e2b":
        from cmdesk.pv.e2b import e2b_batch

        sender = str(desk.settings.get("company_name") or "CMDESK")
        return e2b_batch([case], now=desk.clock.now(), sender=sender)
    if fmt == "json":
        from cmdesk.pv.json_export import case_json_bytes

        return case_json_bytes(case)
    raise ValueError(f"unknown export format {fmt!r}")


def write_export(desk: Desk, case: Case, fmt: str, path: Path) -> Path:
    path.write_bytes(export_bytes(desk, case, fmt))
    return path
