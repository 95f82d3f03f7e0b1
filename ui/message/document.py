"""A read-only text view that never interprets message text: plain inserts, own formats, links on click only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from ui.message import highlight
from ui.message.highlight import Segment

MARKS_PROPERTY = QTextFormat.Property.UserProperty + 1  # the mark kinds of a fragment, for tests and tooltips

# Translucent, so the same colours read on the light and the dark theme.
BACKGROUNDS = (  # first match wins: the search hit the user asked for beats the desk's evidence
    (highlight.SEARCH, QColor(255, 214, 0, 150)),
    (highlight.PV, QColor(190, 90, 255, 90)),
    (highlight.MOOD_NEGATIVE, QColor(230, 70, 70, 90)),
    (highlight.MOOD_POSITIVE, QColor(60, 170, 90, 90)),
    (highlight.MOOD_OTHER, QColor(120, 140, 170, 80)),
)
PV_UNDERLINE = QColor(150, 60, 220)
SAFE_SCHEMES = ("http", "https")


def open_in_browser(url: QUrl) -> bool:
    """Hand a web address to the system browser; anything else (file:, javascript:, data:) is refused."""
    if url.scheme().lower() not in SAFE_SCHEMES or not url.host():
        return False
    return QDesktopServices.openUrl(url)


def char_format(base: QTextCharFormat, segment: Segment, link_colour: QColor) -> QTextCharFormat:
    """The look of one segment: background by its strongest mark, PV underlined, links as anchors."""
    fmt = QTextCharFormat(base)
    if not segment.kinds:
        return fmt
    fmt.setProperty(MARKS_PROPERTY, ",".join(sorted(segment.kinds)))
    for kind, colour in BACKGROUNDS:
        if kind in segment.kinds:
            fmt.setBackground(colour)
            break
    if highlight.PV in segment.kinds:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(PV_UNDERLINE)
    if segment.href is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(segment.href)
        fmt.setForeground(link_colour)
        fmt.setFontUnderline(True)
        fmt.setToolTip(segment.href)
    return fmt


def insert_marked(
    cursor: QTextCursor, text: str, parts: Sequence[Segment], *, base: QTextCharFormat, link_colour: QColor
) -> None:
    """Insert the text as characters only (never as markup), each segment with its format."""
    for segment in parts:
        piece = text[segment.start : segment.end]
        if piece:
            cursor.insertText(piece, char_format(base, segment, link_colour))


class SafeBrowser(QTextBrowser):
    """QTextBrowser that loads nothing and navigates nowhere: a clicked link goes to the system browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.anchorClicked.connect(self.on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        return None  # no image, style sheet or page is ever fetched, local or remote

    def on_anchor_clicked(self, url: QUrl) -> None:
        open_in_browser(url)

    def link_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Link)

    def fresh_cursor(self) -> QTextCursor:
        """Empty the document and return a cursor at its start with default formats."""
        document = self.document()
        document.clear()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        cursor.setCharFormat(QTextCharFormat())
        return cursor

    def set_marked_text(self, text: str, parts: Sequence[Segment]) -> None:
        cursor = self.fresh_cursor()
        cursor.beginEditBlock()
        insert_marked(cursor, text, parts, base=QTextCharFormat(), link_colour=self.link_colour())
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def marks(self) -> list[tuple[str, str, str | None]]:
        """(text, mark kinds, link) of every marked fragment in document order."""
        found = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                kinds = fmt.property(MARKS_PROPERTY)
                if kinds:
                    found.append((fragment.text(), str(kinds), fmt.anchorHref() or None))
                it += 1
            block = block.next()
        return found
