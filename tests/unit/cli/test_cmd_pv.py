"""`cmdesk pv ...` and `cmdesk meddra load` run in-process against a passphrase store."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from cmdesk.cli import main
from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.ingest import ingest
from cmdesk.model import (
    IncomingMessage,
    Intent,
    MessageKind,
    MoodLabel,
    MoodResult,
    PVSignal,
    Span,
    SuggestedAction,
    TextAnalysis,
)

PASS = "correct horse battery staple"
TEXT = "I'm 54 and since Novalind I have a rash all over."
SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "data" / "meddra_format" / "synthetic_sample"


class TinyAnalyzer:
    def analyze(self, text: str) -> TextAnalysis:
        start = text.index("a rash")
        return TextAnalysis(
            language="en",
            mood=MoodResult(MoodLabel.NEGATIVE, -0.4),
            intent=Intent.ADVERSE_EVENT,
            expects_reply=True,
            pv=PVSignal(True, 0.9, products=("Novalind",), events=(Span(start, start + 6, "a rash", "event"),)),
            suggested_action=SuggestedAction.OPEN_PV_CASE,
        )

    def prioritize(self, analysis: TextAnalysis, *, received_at: datetime) -> tuple[int, datetime]:
        return 0, received_at


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "desk.cmdesk"
    monkeypatch.setenv("CMDESK_PASSPHRASE", PASS)
    desk = Desk.create(path, mode="passphrase", passphrase=PASS, clock=FixedClock(utc(2026, 11, 24, 9)), agent="Anna")
    with desk.store.transaction() as conn:
        conn.execute(
            "INSERT INTO channel_account (name, kind, created_at) "
            "VALUES ('Novalind UK', 'facebook', '2026-01-01T00:00:00Z')"
        )
        item = IncomingMessage(
            external_id="c1",
            kind=MessageKind.COMMENT,
            text=TEXT,
            created_at=utc(2026, 11, 24, 8),
            author_external_id="u1",
            author_name="Sam Lee",
            author_handle="samlee",
        )
        ingest(conn, account_id=1, items=[item], analyzer=TinyAnalyzer(), now=utc(2026, 11, 24, 9))
    desk.close()
    return path


def test_new_list_export_reconcile(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store), "pv", "new", "--message", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("opened CMD-2026-000001 (case 1), forward to drug safety by 2026-11-25 09:00 UTC\n")
    assert main(["--store", str(store), "pv", "list", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["reference"], row["state"], row["products"], row["reporter"]) == (
        "CMD-2026-000001",
        "draft",
        ["Novalind"],
        "samlee",
    )
    assert main(["--store", str(store), "pv", "list", "--due"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 case(s)"
    out_dir = tmp_path / "out"
    assert main(["--store", str(store), "pv", "export", "--all", "--format", "json", "--out", str(out_dir)]) == 0
    assert capsys.readouterr().out == f"{out_dir / 'CMD-2026-000001.json'}\n"
    exported = json.loads((out_dir / "CMD-2026-000001.json").read_text("utf-8"))
    assert exported["patient"]["age_value"] == 54
    assert main(["--store", str(store), "pv", "reconcile", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["flagged"], report["cases"], report["forwarded"]) == (1, 1, 0)
    assert [d["kind"] for d in report["discrepancies"]] == ["flagged_never_forwarded"]


def test_bad_input_is_one_line_and_exit_2(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store), "pv", "new", "--message", "99"]) == 2
    assert capsys.readouterr().err == "cmdesk: message 99 does not exist\n"
    assert main(["--store", str(store), "pv", "export", "--case", "7", "--format", "json", "--out", "x"]) == 2
    assert capsys.readouterr().err == "cmdesk: PV case 7 does not exist\n"


def test_meddra_load(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SAMPLE.is_dir():
        pytest.skip("shared synthetic MedDRA sample not present")
    folder = tmp_path / "MedAscii"
    shutil.copytree(SAMPLE, folder)
    args = ["--store", str(store), "meddra", "load", str(folder), "--version", "27.1", "--language", "English"]
    assert main(args) == 0
    assert capsys.readouterr().out == "loaded MedDRA 27.1 English: 3 LLTs, 1 PTs, 1 SOCs\n"
    assert main(["--store", str(store), "meddra", "search", "head pain"]) == 0
    assert capsys.readouterr().out == (
        "99000002  Fake head pain variant  -> PT 99000001 Fake headache term  [Fake nervous system SOC]\n"
    )
