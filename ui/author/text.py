"""Words and colours of the author panel: type labels, badges and plain-text labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from cmdesk.model import AuthorType

TYPE_COLOURS: dict[AuthorType, str] = {
    AuthorType.LOYAL_FAN: "#2e7d4f",
    AuthorType.NEWCOMER: "#2f6fb5",
    AuthorType.UNHAPPY_CUSTOMER: "#b3541e",
    AuthorType.TROLL: "#b42318",
    AuthorType.CAREGIVER: "#7b4fb5",
    AuthorType.PATIENT_INFLUENCER: "#0f6f6f",
    AuthorType.REGULAR: "#5f6670",
}


def type_label(author_type: AuthorType) -> str:
    return {
        AuthorType.LOYAL_FAN: QCoreApplication.translate("AuthorPanel", "Loyal fan"),
        AuthorType.NEWCOMER: QCoreApplication.translate("AuthorPanel", "Newcomer"),
        AuthorType.UNHAPPY_CUSTOMER: QCoreApplication.translate("AuthorPanel", "Unhappy customer"),
        AuthorType.TROLL: QCoreApplication.translate("AuthorPanel", "Troll"),
        AuthorType.CAREGIVER: QCoreApplication.translate("AuthorPanel", "Caregiver"),
        AuthorType.PATIENT_INFLUENCER: QCoreApplication.translate("AuthorPanel", "Patient influencer"),
        AuthorType.REGULAR: QCoreApplication.translate("AuthorPanel", "Regular"),
    }[author_type]


def badge_style(author_type: AuthorType | None) -> str:
    """White text on the type's colour (each colour keeps a contrast of at least 4.5:1)."""
    if author_type is None:
        return ""
    return (
        f"QLabel {{ background-color: {TYPE_COLOURS[author_type]}; color: #ffffff;"
        " border-radius: 8px; padding: 1px 8px; font-weight: bold; }"
    )


def plain_label(
    text: str = "",
    *,
    wrap: bool = False,
    selectable: bool = False,
    secondary: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A label that shows its text as written: names and notes come from strangers on the internet."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if secondary:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows the theme, unlike a fixed colour
    return label
