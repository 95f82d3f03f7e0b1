"""`cmdesk templates` end to end on a real store: export, import elsewhere, list, render with a problem."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.test_cli_store import PASS, run


def init(path: Path, home: Path) -> None:
    result = run(["--store", str(path), "init", "--agent", "Anna Berger"], home=home, env={"CMDESK_PASSPHRASE": PASS})
    assert (result.returncode, result.stderr) == (0, "")


def test_import_list_export_and_render(tmp_path: Path) -> None:
    store = tmp_path / "a.cmdesk"
    init(store, tmp_path)
    env = {"CMDESK_PASSPHRASE": PASS}
    library = {
        "format": "cmdesk-templates/1",
        "templates": [
            {
                "name": "Danke",
                "category": "thanks",
                "language": "de",
                "channels": [],
                "tags": ["danke"],
                "shortcut": None,
                "pv_safe": False,
                "versions": [{"version": 1, "body": "Danke, {{author.first_name}}! {{agent.name}}", "state": "draft"}],
            }
        ],
    }
    source = tmp_path / "lib.json"
    source.write_text(json.dumps(library), encoding="utf-8")
    imported = run(["--store", str(store), "templates", "import", str(source)], home=tmp_path, env=env)
    assert (imported.returncode, imported.stdout) == (
        0,
        "imported 1 template(s); templates that exist already by name and language were kept\n",
    )
    listed = run(["--store", str(store), "templates", "list", "--json"], home=tmp_path, env=env)
    assert json.loads(listed.stdout) == [
        {
            "id": 1,
            "name": "Danke",
            "category": "thanks",
            "language": "de",
            "version": 1,
            "state": "draft",
            "sendable_version": None,
            "expires_at": None,
            "pv_safe": False,
            "uses": 0,
        }
    ]
    rendered = run(["--store", str(store), "templates", "render", "1"], home=tmp_path, env=env)
    assert (rendered.returncode, rendered.stdout, rendered.stderr) == (
        1,
        "Danke, {{author.first_name}}! Anna Berger\n",
        "{{author.first_name}} has no value for this message\n",
    )
    out = tmp_path / "out.json"
    exported = run(["--store", str(store), "templates", "export", str(out)], home=tmp_path, env=env)
    assert (exported.returncode, json.loads(out.read_text())["templates"][0]["name"]) == (0, "Danke")


def test_import_of_a_file_that_is_not_json_says_so(tmp_path: Path) -> None:
    store = tmp_path / "a.cmdesk"
    init(store, tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    result = run(
        ["--store", str(store), "templates", "import", str(bad)], home=tmp_path, env={"CMDESK_PASSPHRASE": PASS}
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"cmdesk: {bad} is not a JSON file (")
