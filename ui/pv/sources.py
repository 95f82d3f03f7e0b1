"""The case form's source snapshot: each message as received, read-only, with its hash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QVBoxLayout

from cmdesk.pv.model import Case
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import plain_label, when
from ui.pv.labels import fill


class SourcesSection(CaseFormBase):
    """One read-only box per source message; nothing here can be edited."""

    def _build_sources(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sources (as received; cannot be changed)"))
        self.sources_layout = QVBoxLayout(box)
        return box

    def _fill_sources(self, case: Case) -> None:
        while self.sources_layout.count():
            item = self.sources_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for source in case.sources:
            box = QGroupBox(
                fill(self.tr("Message %1 \u2014 %2 on %3"), source.message_id, source.author, source.account)
            )
            layout = QVBoxLayout(box)
            text = QPlainTextEdit()
            text.setReadOnly(True)
            text.setPlainText(source.text)
            text.setMaximumHeight(110)
            layout.addWidget(text)
            meta = plain_label(
                fill(
                    self.tr("Permalink: %1\nWritten: %2   Received: %3   Added to case: %4\nsha256: %5"),
                    source.permalink,
                    when(source.created_at),
                    when(source.received_at),
                    when(source.added_at),
                    source.sha256,
                ),
                wrap=True,
            )
            meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(meta)
            self.sources_layout.addWidget(box)
