"""The case form's events table, coded with MedDRA while the reporter's verbatim stays as written."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cmdesk.pv import meddra
from cmdesk.pv.e2b_codes import OUTCOMES
from cmdesk.pv.model import CaseEvent
from ui.error_text import error_text
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import cell_combo, cell_text, combo, headers, plain_label, select

# Column headers: source English (QT_TRANSLATE_NOOP returns its argument), translated at use.
EVENT_COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CaseForm", "Verbatim (reporter's words)"),
    QT_TRANSLATE_NOOP("CaseForm", "MedDRA LLT"),
    QT_TRANSLATE_NOOP("CaseForm", "PT"),
    QT_TRANSLATE_NOOP("CaseForm", "Primary SOC"),
    QT_TRANSLATE_NOOP("CaseForm", "Outcome"),
)


class EventsSection(CaseFormBase):
    """One row per event; the MedDRA search codes the selected row with an LLT, its PT and primary SOC."""

    _llt_matches: dict[str, meddra.LLTMatch]

    def _build_events(self) -> QGroupBox:
        self.events_box = QGroupBox(self.tr("Events"))
        layout = QVBoxLayout(self.events_box)
        self.events = QTableWidget(0, len(EVENT_COLUMNS))
        self.events.setHorizontalHeaderLabels(headers(EVENT_COLUMNS))
        self.events.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.setMinimumHeight(120)
        self.events.itemChanged.connect(self._changed)
        search_row = QHBoxLayout()
        self.meddra_search = QLineEdit()
        self.meddra_search.setPlaceholderText(self.tr("Code the selected event: type a MedDRA LLT\u2026"))
        self.meddra_model = QStringListModel(self)
        self.completer = QCompleter(self.meddra_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.meddra_search.setCompleter(self.completer)
        self.meddra_search.textEdited.connect(self.search_llt)
        self.completer.activated.connect(self._llt_chosen)
        self.meddra_status = plain_label()
        search_row.addWidget(self.meddra_search, 1)
        search_row.addWidget(self.meddra_status)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add event"))
        add.clicked.connect(lambda: self.add_event_row(CaseEvent(verbatim="")))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(lambda: self._remove_rows(self.events))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(self.events)
        layout.addLayout(search_row)
        layout.addLayout(buttons)
        return self.events_box

    def _fill_events(self, events: tuple[CaseEvent, ...]) -> None:
        self.events.setRowCount(0)
        for event in events:
            self.add_event_row(event)

    def add_event_row(self, event: CaseEvent) -> int:
        was_loading, self._loading = self._loading, True
        row = self.events.rowCount()
        self.events.insertRow(row)
        verbatim = QTableWidgetItem(event.verbatim)
        verbatim.setData(Qt.ItemDataRole.UserRole, event)
        self.events.setItem(row, 0, verbatim)
        self._set_coding(row, event)
        outcome = combo([("", ""), *((code, f"{labels.e2b(label)} ({code})") for code, label in OUTCOMES.items())])
        select(outcome, event.outcome)
        outcome.currentIndexChanged.connect(self._changed)
        self.events.setCellWidget(row, 4, outcome)
        self._loading = was_loading
        self._changed()
        return row

    def _set_coding(self, row: int, event: CaseEvent) -> None:
        llt = f"{event.meddra_llt_name} ({event.meddra_llt_code})" if event.meddra_llt_code else ""
        pt = f"{event.meddra_pt_name} ({event.meddra_pt_code})" if event.meddra_pt_code else ""
        for column, value in ((1, llt), (2, pt), (3, event.meddra_soc_name)):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.events.setItem(row, column, item)

    def form_events(self) -> tuple[CaseEvent, ...]:
        found: list[CaseEvent] = []
        for row in range(self.events.rowCount()):
            item = self.events.item(row, 0)
            base = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            event = base if isinstance(base, CaseEvent) else CaseEvent(verbatim="")
            verbatim = cell_text(self.events, row, 0)
            if not verbatim and not event.meddra_llt_code:
                continue
            found.append(dataclasses.replace(event, verbatim=verbatim, outcome=cell_combo(self.events, row, 4)))
        return tuple(found)

    # -- MedDRA ------------------------------------------------------------------------------

    def _meddra_ready(self) -> bool:
        try:
            loaded = meddra.releases(self.desk.store.read())
        except Exception:  # the table may be missing in an old store: coding is optional
            loaded = {}
        self.meddra_search.setEnabled(bool(loaded))
        self.meddra_status.setText(
            "MedDRA " + ", ".join(f"{v} {lang}" for lang, v in loaded.items())
            if loaded
            else self.tr("MedDRA not loaded: events are kept as verbatim")
        )
        return bool(loaded)

    def search_llt(self, text: str) -> list[meddra.LLTMatch]:
        """LLTs for the completer, each shown with its PT and primary SOC."""
        if len(text.strip()) < 2:
            return []
        try:
            matches = meddra.search(self.desk.store.read(), text, limit=20)
        except Exception as err:  # NotFound when MedDRA is not loaded; coding stays optional
            self.meddra_status.setText(error_text(err))
            return []
        self._llt_matches = {f"{m.llt_name} \u2192 PT {m.pt_name} \u2192 {m.soc_name}": m for m in matches}
        self.meddra_model.setStringList(list(self._llt_matches))
        return matches

    def _llt_chosen(self, text: str) -> None:
        match = self._llt_matches.get(text)
        if match is None:
            return
        rows = self.events.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.events.rowCount() - 1
        if row < 0:
            row = self.add_event_row(CaseEvent(verbatim=match.llt_name))
        self.apply_llt(row, match)
        QTimer.singleShot(0, self.meddra_search.clear)

    def apply_llt(self, row: int, match: meddra.LLTMatch) -> None:
        """Code event ``row`` with ``match``; the reporter's verbatim stays as written."""
        item = self.events.item(row, 0)
        if item is None:
            return
        base: CaseEvent = item.data(Qt.ItemDataRole.UserRole) or CaseEvent(verbatim=item.text())
        coded = dataclasses.replace(
            base,
            meddra_llt_code=match.llt_code,
            meddra_llt_name=match.llt_name,
            meddra_pt_code=match.pt_code,
            meddra_pt_name=match.pt_name,
            meddra_soc_name=match.soc_name,
            meddra_version=match.version,
        )
        was_loading, self._loading = self._loading, True
        item.setData(Qt.ItemDataRole.UserRole, coded)
        self._set_coding(row, coded)
        self._loading = was_loading
        self._changed()
