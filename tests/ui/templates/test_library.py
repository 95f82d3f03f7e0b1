"""The template library window: new drafts, edits of approved texts, import and export, readable errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

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


def test_the_newest_reload_wins_when_an_older_one_finishes_last(
    library: TemplateLibrary, tdesk: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """German then English picked quickly: the German read ending last once showed German under "English"."""
    tdesk.templates.install_defaults()
    gate = threading.Event()
    real = tdesk.templates.library

    def library_of(*, language: str | None = None) -> Any:
        if language == "de":
            gate.wait(10)  # the first pick's read ends after the second's
        return real(language=language)

    monkeypatch.setattr(tdesk.templates, "library", library_of)
    library.language.setCurrentIndex(library.language.findData("de"))
    library.language.setCurrentIndex(library.language.findData("en"))
    qtbot.waitUntil(lambda: library.list.count() > 0, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not library.bridge.tasks.busy, timeout=5000)
    english = [t.id for t in real(language="en")]
    shown = [library.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(library.list.count())]
    assert (shown, [t.id for t in library.templates]) == (english, english)


def test_locking_empties_and_closes_the_library_and_showing_it_again_reads_it(
    library: TemplateLibrary, tdesk: Desk, qtbot: Any
) -> None:
    tid = tdesk.templates.create(name="Danke", category=Category.THANKS, language="de", body="Danke!").id
    library.show()
    library.reload(select=tid)
    qtbot.waitUntil(lambda: library.body.toPlainText() == "Danke!", timeout=5000)
    library.bridge.lock()
    shown = (library.list.count(), library.templates, library.name.text(), library.body.toPlainText())
    assert (shown, library.state.text(), library.isVisible()) == ((0, [], "", ""), "", False)
    library.bridge.unlock()
    library.show()
    qtbot.waitUntil(lambda: not library.bridge.tasks.busy, timeout=5000)
    assert [library.list.item(n).text() for n in range(library.list.count())] == ["Danke [de] (not sendable)"]


def test_an_import_is_counted_on_the_worker_and_worded_on_the_ui_thread(
    library: TemplateLibrary, tdesk: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker touches no widget: the import's message was once translated by ``self.tr`` on the reader."""
    tdesk.templates.create(name="Danke", category=Category.THANKS, language="de", body="Danke!")
    data = tdesk.templates.export_json()
    data["templates"][0]["name"] = "Danke sehr"
    source = tmp_path / "more.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    threads: list[str] = []

    def tr(self: TemplateLibrary, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        threads.append(threading.current_thread().name)
        return QCoreApplication.translate("TemplateLibrary", text, disambiguation, n)

    monkeypatch.setattr(TemplateLibrary, "tr", tr)
    library.import_file(source)
    qtbot.waitUntil(lambda: library.message.text() != "", timeout=5000)
    qtbot.waitUntil(lambda: not library.bridge.tasks.busy, timeout=5000)
    ui_thread = threading.main_thread().name
    assert (library.message.text(), sorted(set(threads))) == ("1 template imported.", [ui_thread])
