"""The template library window: browse, write drafts, approve or retire (approvers), share as JSON.

Approval is the medical-legal sign-off of one version, so the dialog always shows
which version is approved, by whom, under which reference and until when, and
which draft is waiting. Editing an approved text starts a new draft; the approved
text keeps being used until the draft is approved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cmdesk.errors import InvalidInput
from cmdesk.templates import KNOWN, Category, Template
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.widgets.newest_list import NewestList

ID_ROLE = Qt.ItemDataRole.UserRole


class ApproveDialog(QDialog):
    """Asks for the review reference and the expiry date of an approval."""

    def __init__(self, parent: QWidget | None, *, today: QDate) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve template"))
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("e.g. MLR-2026-117"))
        self.expires = QDateEdit(today.addYears(1), self)
        self.expires.setCalendarPopup(True)
        self.expires.setMinimumDate(today.addDays(1))
        form = QFormLayout(self)
        form.addRow(self.tr("Review reference:"), self.reference)
        form.addRow(self.tr("Approval expires:"), self.expires)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def expires_at(self) -> datetime:
        return datetime.combine(self.expires.date().toPython(), time(0, 0), tzinfo=UTC)  # type: ignore[arg-type]


class TemplateLibrary(QDialog):
    """A window of its own: on a lock it empties and closes, so no stored text stays beside the lock screen."""

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_library")
        self.setWindowTitle(self.tr("Reply templates"))
        self.bridge = bridge
        self.templates: list[Template] = []
        # only the newest reload's list is shown (a language picked twice quickly)
        self._reloads = NewestList()
        self._stale = False  # emptied by a lock: read again when shown
        self.approve_dialog: ApproveDialog | None = None
        self._pending_message = ""
        self.language = QComboBox(self)
        self.language.addItem(self.tr("All languages"), None)
        self.language.addItem(self.tr("German"), "de")
        self.language.addItem(self.tr("English"), "en")
        self.list = QListWidget(self)
        self.list.setObjectName("library_list")
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        for c in Category:
            self.category.addItem(c.value.replace("_", " "), c.value)
        self.template_language = QComboBox(self)
        self.template_language.addItems(["de", "en"])
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("library_body")
        self.body.setToolTip(self.tr("Placeholders: ") + ", ".join("{{" + k + "}}" for k in KNOWN))
        self.state = QLabel(self)
        self.state.setObjectName("library_state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("library_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.language)
        left_layout.addWidget(self.list)
        share = QHBoxLayout()
        share.addWidget(self.import_button)
        share.addWidget(self.export_button)
        left_layout.addLayout(share)
        right = QWidget(self)
        form = QFormLayout(right)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Language:"), self.template_language)
        form.addRow(self.tr("Text:"), self.body)
        form.addRow(self.tr("Versions:"), self.state)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.approve_button, self.retire_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        form.addRow(self.message)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(860, 560)

        self.language.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentItemChanged.connect(lambda _c, _p: self._show_current())
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self._approve)
        self.retire_button.clicked.connect(self._retire)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        bridge.locked.connect(self._on_locked)
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        if self.bridge.is_locked:
            return
        self._stale = False
        token = self._reloads.start(select)
        language = self.language.currentData()
        templates = self.bridge.desk.templates
        self.bridge.tasks.read(
            lambda: templates.library(language=language),
            on_done=lambda found: self._fill(found, token),
            on_error=self._error,
        )

    def _fill(self, templates: list[Template], token: int) -> None:
        if self.bridge.is_locked:
            return
        newest, select = self._reloads.arrived(token)
        if not newest:
            return  # a newer reload is on its way: this list is outdated
        current = select if select is not None else self.current_id()
        self.templates = templates
        self.list.clear()
        now = self.bridge.desk.clock.now()
        for t in templates:
            mark = "" if t.approved(now) else self.tr(" (not sendable)")
            item = QListWidgetItem(f"{t.name} [{t.language}]{mark}")
            item.setData(ID_ROLE, t.id)
            self.list.addItem(item)
            if t.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.message.setText(self._pending_message)
        self._pending_message = ""

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    def current(self) -> Template | None:
        tid = self.current_id()
        return next((t for t in self.templates if t.id == tid), None)

    def _show_current(self) -> None:
        t = self.current()
        if t is None:
            return
        self.name.setText(t.name)
        self.category.setCurrentIndex(self.category.findData(t.category.value))
        self.template_language.setCurrentText(t.language)
        for widget in (self.name, self.category, self.template_language):
            widget.setEnabled(False)  # identity of an existing template; a new one is made with New
        self.body.setPlainText(t.latest.body)
        lines = []
        for v in reversed(t.versions):
            line = f"v{v.version} {v.state.value}"
            if v.approval_reference:
                expiry = f", until {v.expires_at:%Y-%m-%d}" if v.expires_at else ""
                line += f" ({v.approval_reference}, {v.approved_by}{expiry})"
            lines.append(line)
        self.state.setText("\n".join(lines))
        self.message.clear()

    # -- editing -------------------------------------------------------------------------------

    def _new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for widget in (self.name, self.category, self.template_language):
            widget.setEnabled(True)
        self.name.clear()
        self.body.clear()
        self.state.setText(self.tr("new draft"))
        self.name.setFocus()

    def save(self) -> None:
        templates = self.bridge.desk.templates
        body = self.body.toPlainText()
        existing = self.current()
        if existing is not None and self.current_id() is not None and not self.name.isEnabled():
            tid = existing.id

            def edit() -> int:
                templates.edit(tid, body)
                return tid

            self._run(edit, self.tr("Draft saved."))
            return
        name = self.name.text()
        category = Category(self.category.currentData())
        language = self.template_language.currentText()
        self._run(
            lambda: templates.create(name=name, category=category, language=language, body=body).id,
            self.tr("Template created as a draft."),
        )

    def _approve(self) -> None:
        tid = self.current_id()
        if tid is None:
            return
        today = QDate.fromString(self.bridge.desk.clock.now().date().isoformat(), Qt.DateFormat.ISODate)
        dialog = self.approve_dialog = ApproveDialog(self, today=today)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.approve_dialog = None
        if not accepted or self.bridge.is_locked:
            return
        reference, expires = dialog.reference.text(), dialog.expires_at()
        templates = self.bridge.desk.templates

        def approve() -> int:
            templates.approve(tid, reference=reference, expires_at=expires)
            return tid

        self._run(approve, self.tr("Approved."))

    def _retire(self) -> None:
        tid = self.current_id()
        if tid is None:
            return
        templates = self.bridge.desk.templates
        self._run(lambda: templates.retire(tid), self.tr("Retired: it can no longer be sent."))

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import templates"), "", "JSON (*.json)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        templates = self.bridge.desk.templates
        imported: list[int] = []  # the worker counts; the UI thread words it (a worker touches no widget)

        def load() -> None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
                raise InvalidInput(
                    "{file} cannot be read as JSON ({reason})", file=path.name, reason=str(err)
                ) from None
            added = templates.import_json(data, source=path.name)
            imported.append(len(added))

        self._run(load, lambda: self.tr("%n template(s) imported.", "", imported[0]))

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export templates"), "templates.json", "JSON (*.json)")
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> None:
        templates = self.bridge.desk.templates

        def write() -> None:
            path.write_text(json.dumps(templates.export_json(), ensure_ascii=False, indent=2), encoding="utf-8")

        self._run(write, self.tr("Library exported to {name}.").format(name=path.name))

    def _run(self, fn: Any, success: str | Callable[[], str]) -> None:
        """Run a write; ``success`` (or what it returns, worded on the UI thread) is shown once the list is read."""

        def done(result: Any) -> None:
            self._pending_message = success() if callable(success) else success  # this write's own words
            self.bridge.templates_changed.emit()
            self.reload(select=result if isinstance(result, int) else None)

        self.bridge.tasks.write(fn, label=self.tr("Saving templates"), on_done=done, on_error=self._error)

    def _error(self, err: BaseException) -> None:
        if not self.bridge.is_locked:
            self.message.setText(error_text(err))

    # -- locking -------------------------------------------------------------------------------

    def _on_locked(self) -> None:
        """Desk data leaves the screen: the list and the form empty and the window closes."""
        if self.approve_dialog is not None:
            self.approve_dialog.reject()
        self._reloads.drop()  # a read still on its way is not shown
        self._stale = True
        self._pending_message = ""
        self.templates = []
        self.list.clear()
        for field in (self.name, self.body, self.state, self.message):
            field.clear()
        self.reject()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()  # opened again after a lock: read the library again
