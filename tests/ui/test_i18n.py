"""German UI: the shipped catalogue translates the window; the language follows the system or the setting."""

from __future__ import annotations

import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from cmdesk.paths import resource_path
from ui import i18n
from ui.bridge import DeskBridge
from ui.main_window import MainWindow
from ui.queue.saved_filters import SavedFilters
from ui.queue.triage_actions import TriageActions

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"


def update_translations() -> ModuleType:
    """The catalogue script (scripts/ is no package): its extraction and checks are what the test relies on."""
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


@pytest.fixture
def german(qapp: Any) -> Iterator[None]:
    assert i18n.install("de") is True
    yield
    i18n.install("en")


def test_language_follows_the_system_unless_the_setting_says_otherwise() -> None:
    german_system = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    french_system = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert [
        i18n.language_for("system", system=german_system),
        i18n.language_for("system", system=french_system),
        i18n.language_for("en", system=german_system),
        i18n.language_for("de", system=french_system),
    ] == ["de", "en", "en", "de"]


def test_the_german_window_shows_german_strings(german: None, bridge: DeskBridge, qtbot: Any, tmp_path: Path) -> None:
    window = MainWindow(bridge, saved_filters=SavedFilters(tmp_path / "saved.json"))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.ids_loaded, timeout=10_000):
        window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())]
    top = window.views.topLevelItem(0)
    assert top is not None
    views = [child.text(0) for i in range(6) if (child := top.child(i)) is not None]
    assert menus == ["&Desk", "&Warteschlange", "&Nachricht", "&Hilfe"]
    assert headers == ["Prio", "", "Autor", "Nachricht", "Stimmung", "PV", "Alter / fällig", "Zuständig", "Status"]
    assert views == ["Meine Warteschlange", "Nicht zugewiesen", "PV-Prüfung", "Wartend", "Erledigt", "Alle"]
    assert window.actions_by_name["done"].text() == "Als erledigt markieren"
    assert window.count_label.text().endswith(" Nachrichten")
    window.idle.detach()


def test_every_extracted_string_has_german_in_the_shipped_catalogue() -> None:
    ts = ET.parse(resource_path("translations/cmdesk_de.ts"))
    unfinished = [
        (m.findtext("source"), ctx.findtext("name"))
        for ctx in ts.getroot().iter("context")
        for m in ctx.iter("message")
        if m.find("translation") is None or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []
    assert resource_path("translations/cmdesk_de.qm").stat().st_size > 0
    dictionary = json.loads(resource_path("translations/de_strings.json").read_text(encoding="utf-8"))
    assert all(
        (isinstance(v, str) and v.strip()) or (isinstance(v, list) and len(v) == 2 and all(f.strip() for f in v))
        for v in dictionary.values()
    )


def test_every_tr_string_in_the_sources_has_usable_german_and_english_plurals(tmp_path: Path) -> None:
    script = update_translations()
    fresh = tmp_path / "fresh.ts"
    script.extract(fresh)
    found = script.messages(fresh)
    german = script.load_dictionary(script.STRINGS)
    english = script.load_dictionary(script.EN_PLURALS)
    not_german = [(m.context, m.source, script.check(m, script.lookup(german, m))) for m in found]
    not_english = [(m.context, m.source, script.check(m, script.lookup(english, m))) for m in found if m.numerus]
    shipped = {(m.context, m.source, m.numerus) for m in script.messages(script.TS)}
    assert len(found) > 500
    assert [problem for problem in not_german if problem[2] is not None] == []
    assert [problem for problem in not_english if problem[2] is not None] == []
    assert {(m.context, m.source, m.numerus) for m in found} - shipped == set()


def test_plural_strings_say_one_message_and_three_messages(german: None, bridge: DeskBridge, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    triage = TriageActions(bridge, parent_widget=parent)
    counted = [QCoreApplication.translate("AuthorHeader", "%n message(s)", "", n) for n in (1, 3)]
    described = [triage.describe("assign", n) for n in (1, 3)]
    assert counted == ["1 Nachricht", "3 Nachrichten"]
    assert described == ["1 Nachricht zugewiesen", "3 Nachrichten zugewiesen"]


def test_the_english_plural_catalogue_says_one_message_and_three_messages(qapp: Any) -> None:
    plurals = QTranslator()
    assert plurals.load(str(resource_path("translations/cmdesk_en.qm"))) is True
    qapp.installTranslator(plurals)
    try:
        counted = [QCoreApplication.translate("AuthorHeader", "%n message(s)", "", n) for n in (0, 1, 3)]
        attention = QCoreApplication.translate("SyncScheduler", "Sync: %n account(s) need attention", "", 1)
        untouched = QCoreApplication.translate("AuthorHeader", "Author type")
    finally:
        qapp.removeTranslator(plurals)
    assert counted == ["0 messages", "1 message", "3 messages"]
    assert attention == "Sync: 1 account needs attention"
    assert untouched == "Author type"
