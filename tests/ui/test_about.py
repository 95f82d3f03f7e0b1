"""The About dialog shows the one version number the CLI prints too."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from PySide6.QtCore import Qt

from cmdesk import __version__
from ui import i18n
from ui.about import AboutDialog


def test_about_and_cli_show_the_same_version(qtbot: Any) -> None:
    dialog = AboutDialog(store="/home/anna/<desk>.cmdesk")
    qtbot.addWidget(dialog)
    assert dialog.text.text().splitlines()[:4] == [
        f"cmdesk {__version__}",
        "Workstation for community managers of healthcare and pharma companies.",
        "",
        "Store: /home/anna/<desk>.cmdesk",
    ]
    assert dialog.text.textFormat() == Qt.TextFormat.PlainText
    cli = subprocess.run([sys.executable, "-m", "cmdesk", "--version"], capture_output=True, text=True, check=True)
    assert cli.stdout == f"cmdesk {__version__}\n"


def test_about_speaks_german(qtbot: Any) -> None:
    assert i18n.install("de") is True
    try:
        dialog = AboutDialog(store=None)
        qtbot.addWidget(dialog)
        lines = dialog.text.text().splitlines()
        assert (dialog.windowTitle(), lines[:4], lines[5]) == (
            "Über cmdesk",
            [
                f"cmdesk {__version__}",
                "Arbeitsplatz für Community-Manager von Gesundheits- und Pharmaunternehmen.",
                "",
                "Keine Desk-Datei geöffnet.",
            ],
            "Daten mit SQLCipher 4 verschlüsselt; Zugangsdaten im Schlüsselbund des Betriebssystems.",
        )
    finally:
        i18n.install("en")
