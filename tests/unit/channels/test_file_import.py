"""File import: CSV, JSON and JSONL exports, guessed or given mappings, bad rows kept with a reason."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from cmdesk.channels.file_import import BadRow, guess_mapping, import_file, normalise, parse_mapping, parse_time
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.model import IncomingMessage, MessageKind

CSV = """Comment ID;Message;User Name;Date;Permalink;Post ID
c1;My rash got worse after the first dose;Maria K;2026-11-20 10:15;https://x.example/c1;p1
c2;;Tom;2026-11-20 11:00;;p1
c3;Where can I buy it?;Lea;yesterday;;p1
c4;Thanks for the info!;Lea;2026-11-21T08:00:00Z;;p1
"""


def messages(desk: Desk) -> list[tuple[str, str, str, str]]:
    return desk.store.read().execute("SELECT external_id, kind, text, created_at FROM message ORDER BY id").fetchall()


def rejects(desk: Desk) -> list[tuple[str | None, str]]:
    return desk.store.read().execute("SELECT external_id, reason FROM rejected_item ORDER BY id").fetchall()


def test_guess_mapping_from_common_column_names() -> None:
    assert guess_mapping(["Comment ID", "Message", "User Name", "Date", "Permalink", "Post ID"]) == {
        "id": "Comment ID",
        "text": "Message",
        "author": "User Name",
        "created_at": "Date",
        "url": "Permalink",
        "thread": "Post ID",
    }


def test_parse_mapping_and_times() -> None:
    assert parse_mapping("id=Key, text=Body") == {"id": "Key", "text": "Body"}
    with pytest.raises(InvalidInput):
        parse_mapping("id")
    assert parse_time("2026-11-20T10:15:00+0100") == datetime.fromisoformat("2026-11-20T09:15:00+00:00")
    assert parse_time("1763633700") == datetime.fromisoformat("2025-11-20T10:15:00+00:00")
    assert parse_time("1763633700000") == parse_time("1763633700")
    with pytest.raises(BadRow, match="unreadable created time"):
        parse_time("soon")


def test_normalise_a_reply() -> None:
    row = {"id": "r1", "body": "me too", "from": {"name": "Ann", "id": "9"}, "ts": "2026-11-20T10:00:00Z", "in": "c1"}
    assert normalise(row, {"id": "id", "text": "body", "author": "from.name", "created_at": "ts", "parent": "in"}) == (
        IncomingMessage(
            external_id="r1",
            kind=MessageKind.REPLY,
            text="me too",
            created_at=datetime.fromisoformat("2026-11-20T10:00:00+00:00"),
            author_external_id="Ann",
            author_name="Ann",
            parent_external_id="c1",
            raw=row,
        )
    )


def test_csv_import_keeps_bad_rows_and_is_idempotent(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    result = import_file(desk, path, account="Old tool")
    assert (result.rows, result.new, result.rejected) == (4, 2, 2)
    assert messages(desk) == [
        ("c1", "comment", "My rash got worse after the first dose", "2026-11-20T10:15:00Z"),
        ("c4", "comment", "Thanks for the info!", "2026-11-21T08:00:00Z"),
    ]
    assert rejects(desk) == [("c2", "row 3: no message text"), ("c3", "row 4: unreadable created time 'yesterday'")]
    assert desk.accounts.get("Old tool").kind == "file"
    again = import_file(desk, path, account="Old tool")
    assert (again.new, again.unchanged) == (0, 2)
    assert len(messages(desk)) == 2
    assert len(rejects(desk)) == 2  # the same bad rows are not kept twice


def test_json_with_data_list_and_explicit_mapping(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    rows = [
        {"key": "a", "body": "first", "when": "2026-11-20T10:00:00Z"},
        {"key": "b", "body": "second", "when": "2026-11-20T11:00:00Z"},
        "not an object",
    ]
    path.write_text(json.dumps({"data": rows}), encoding="utf-8")
    result = import_file(desk, path, account="J", mapping={"id": "key", "text": "body", "created_at": "when"})
    assert (result.new, result.rejected) == (2, 1)
    assert rejects(desk) == [(None, "row 3: not a JSON object")]


def test_jsonl_guesses_from_the_first_object_and_hashes_missing_ids(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"message": "hello", "created_time": "2026-11-20T10:00:00Z", "author": "Bo"}\n'
        "{broken\n"
        '{"message": "hello", "created_time": "2026-11-20T10:00:00Z", "author": "Bo"}\n',
        encoding="utf-8",
    )
    result = import_file(desk, path, account="L")
    assert (result.rows, result.new, result.rejected) == (3, 1, 1)
    [(external_id, _, _, _)] = messages(desk)
    assert external_id.startswith("sha256:")
    assert rejects(desk)[0][1].startswith("row 2: not valid JSON")


def test_mapping_errors_are_clear(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(InvalidInput, match="has no column"):
        import_file(desk, path, account="X", mapping={"text": "Body"})
    with pytest.raises(InvalidInput, match="unknown mapping field"):
        import_file(desk, path, account="X", mapping={"text": "Message", "likes": "Likes"})
    with pytest.raises(InvalidInput, match=r"imports \.csv, \.json and \.jsonl"):
        (tmp_path / "a.xlsx").write_text("x")
        import_file(desk, tmp_path / "a.xlsx", account="X")
