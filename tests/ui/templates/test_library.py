"""The template library window: new drafts, edits of approved texts, import and export, readable errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cmdesk.desk import Desk
from cmdesk.templates import Category, VersionState
from tests.conftest import NOW
from ui.bridge import DeskBridge
from ui.templates.library import TemplateLibrary


@pytest.fixture
def library(tdesk: Desk, qtbot: Any) -> Iterator[TemplateLibrary]:
    bridge = DeskBridge(tdesk)
    dialog = TemplateLibrary(bridge)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=5000)  # the first load must not land after a test's
    yield dialog
    bridge.close()


def test_a_new_template_is_saved_as_a_draft(library: TemplateLibrary, tdesk: Desk, qtbot: Any) -> None:
    library._new()
    library.name.setText("Danke schön")
    library.body.setPlainText("Danke, {{author.first_name}}!")
    library.save()
    qtbot.waitUntil(lambda: library.list.count() == 1, timeout=5000)
    [template] = tdesk.templates.library()
    assert (template.name, template.category, template.language, template.latest.state) == (
        "Danke schön",
        Category.ANSWER,
        "de",
        VersionState.DRAFT,
    )
    assert library.list.item(0).text() == "Danke schön [de] (not sendable)"
    assert library.message.text() == "Template created as a draft."


def test_editing_an_approved_template_shows_the_new_draft_beside_the_approval(
    library: TemplateLibrary, tdesk: Desk, qtbot: Any
) -> None:
    tid = tdesk.templates.create(name="Danke", category=Category.THANKS, language="de", body="Danke!").id
    tdesk.set_current_agent("Dr. Jonas Weber")
    tdesk.templates.approve(tid, reference="MLR-7", expires_at=NOW + timedelta(days=30))
    library.reload()
    qtbot.waitUntil(lambda: library.state.text() != "", timeout=5000)
    library.body.setPlainText("Herzlichen Dank!")
    library.save()
    qtbot.waitUntil(lambda: library.state.text().startswith("v2"), timeout=5000)
    assert library.state.text() == "v2 draft\nv1 approved (MLR-7, Dr. Jonas Weber, until 2026-12-24)"


def test_export_then_a_broken_import_says_what_is_wrong(
    library: TemplateLibrary, tdesk: Desk, qtbot: Any, tmp_path: Path
) -> None:
    tdesk.templates.install_defaults()
    out = tmp_path / "lib.json"
    library.export_file(out)
    qtbot.waitUntil(lambda: library.message.text() == "Library exported to lib.json.", timeout=5000)
    assert len(json.loads(out.read_text(encoding="utf-8"))["templates"]) == 14
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    library.import_file(bad)
    qtbot.waitUntil(lambda: library.message.text().startswith("bad.json cannot be read as JSON"), timeout=5000)
