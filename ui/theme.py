"""Light and dark theme: follows the system colour scheme unless the desk setting picks one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from cmdesk.paths import resource_path

THEMES = ("light", "dark")


def theme_for(setting: str) -> str:
    if setting in THEMES:
        return setting
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply(app: QApplication, setting: str) -> str:
    """Fusion style + palette + QSS of the chosen theme; returns the theme applied."""
    theme = theme_for(setting)
    app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    qss = resource_path(f"themes/{theme}.qss")
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.exists() else "")
    app.setProperty("cmdesk_theme", theme)
    return theme


def _palette(theme: str) -> QPalette:
    if theme == "light":
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fb"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fb5"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2328"))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2328"))
        palette.setColor(QPalette.ColorRole.Button, QColor("#eceef2"))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b818a"))
        return palette
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1e2126"),
        (QPalette.ColorRole.WindowText, "#e6e8eb"),
        (QPalette.ColorRole.Base, "#16181c"),
        (QPalette.ColorRole.AlternateBase, "#1c1f24"),
        (QPalette.ColorRole.Text, "#e6e8eb"),
        (QPalette.ColorRole.Button, "#2a2e35"),
        (QPalette.ColorRole.ButtonText, "#e6e8eb"),
        (QPalette.ColorRole.Highlight, "#3b7dd8"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#2a2e35"),
        (QPalette.ColorRole.ToolTipText, "#e6e8eb"),
        (QPalette.ColorRole.PlaceholderText, "#8a8f98"),
        (QPalette.ColorRole.Link, "#6ea8ff"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7078"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7078"))
    return palette
