"""The forwarding e-mail text and the export files chosen by format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from cmdesk.pv.exports import email_body, write_exports
from cmdesk.pv.json_export import case_json
from cmdesk.pv.model import Reporter
from tests.unit.pv.case_factory import NOW, minimal_case, no_seriousness


def test_email_body_of_a_minimal_case() -> None:
    assert email_body(minimal_case()) == (
        "Case CMD-2026-000001 — suspected adverse event from a company channel.\n"
        "Day 0: 2026-11-20T14:05:00Z; regulatory due: 2026-12-05T14:05:00Z.\n"
        "Serious: no.\n"
        "\n"
    )


def test_email_body_names_the_channel_seriousness_and_narrative() -> None:
    case = replace(
        minimal_case(),
        reporter=Reporter(handle="sunny_k", channel="Novalind DE Facebook"),
        seriousness={**no_seriousness(), "hospitalisation": True},
        narrative="Headache after the first tablet.",
    )
    assert email_body(case) == (
        "Case CMD-2026-000001 — suspected adverse event from Novalind DE Facebook.\n"
        "Day 0: 2026-11-20T14:05:00Z; regulatory due: 2026-12-05T14:05:00Z.\n"
        "Serious: yes.\n"
        "\n"
        "Headache after the first tablet."
    )


def test_write_exports_writes_only_the_formats_asked_for(tmp_path: Path) -> None:
    case = minimal_case()
    names = write_exports([case], tmp_path / "out", formats=("json",), now=NOW, sender="ACME")
    assert names == ["CMD-2026-000001.json"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
    written = json.loads((tmp_path / "out" / names[0]).read_text("utf-8"))
    assert written == json.loads(json.dumps(case_json(case), default=str))
