"""`cmdesk analyze` as a user runs it: a subprocess, no store, one JSON line per input record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def run(args: list[str], *, home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CMDESK_")}
    environment.update({"CMDESK_HOME": str(home), "PYTHONIOENCODING": "utf-8"})
    return subprocess.run(
        [sys.executable, "-m", "cmdesk", "analyze", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        env=environment,
        timeout=120,
        check=False,
    )


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert (result.returncode, result.stderr) == (0, "")
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_from_stdin_with_a_bad_line_in_the_middle(tmp_path: Path) -> None:
    stdin = "\n".join(
        [
            json.dumps({"id": "a", "text": "Das ist nicht gut :("}),
            "not json",
            json.dumps({"id": "c"}),
            json.dumps({"id": "d", "text": "Weiß jemand ob das normal ist"}),
        ]
    )
    first, bad, missing, question = lines(run([], home=tmp_path, stdin=stdin))
    assert first == {
        "id": "a",
        "language": "de",
        "mood": {
            "label": "negative",
            "score": first["mood"]["score"],
            "emotions": {"sadness": 0.524},
            "evidence": [[8, 13, "nicht", "negator"], [14, 17, "gut", "negative"], [18, 20, ":(", "emoji"]],
        },
        "intent": "complaint",
        "expects_reply": True,
        "priority": 1,
        "suggested_action": "offer_solution",
        "pv": first["pv"],
    }
    assert first["mood"]["score"] < 0
    assert set(first["pv"]) == {"suspected", "score", "products", "events", "seriousness", "special_situations"}
    assert bad == {"id": None, "line": 2, "error": "not valid JSON (Expecting value)"}
    assert missing == {"id": "c", "line": 3, "error": "the record has no text in field 'text'"}
    assert (question["id"], question["intent"], question["priority"]) == ("d", "question", 2)


def test_csv_file_with_own_field_names(tmp_path: Path) -> None:
    source = tmp_path / "comments.csv"
    source.write_text('nr,body\n1,Tolles Produkt! ❤️\n2,"Ihr Idioten, verpisst euch"\n', encoding="utf-8")
    out = lines(
        run(["--input", str(source), "--format", "csv", "--text-field", "body", "--id-field", "nr"], home=tmp_path)
    )
    assert [(o["id"], o["intent"], o["suggested_action"], o["mood"]["label"]) for o in out] == [
        ("1", "praise", "thank", "positive"),
        ("2", "abuse", "hide", "negative"),
    ]


def test_csv_without_the_text_column_is_a_user_error(tmp_path: Path) -> None:
    source = tmp_path / "comments.csv"
    source.write_text("id,message\n1,hi\n", encoding="utf-8")
    result = run(["--input", str(source), "--format", "csv"], home=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "cmdesk: the CSV header has no column 'text'; choose one with --text-field\n",
    )


def test_missing_input_file(tmp_path: Path) -> None:
    result = run(["--input", str(tmp_path / "nope.jsonl")], home=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"cmdesk: there is no input file {tmp_path / 'nope.jsonl'}\n")


def test_empty_input_gives_no_output(tmp_path: Path) -> None:
    assert lines(run([], home=tmp_path, stdin="")) == []
