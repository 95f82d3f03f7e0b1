"""The PV case form: what a reviewer fills in, checks and forwards to drug safety.

Every save goes through ``bridge.tasks.write`` (off the UI thread, one writer);
errors land in the message bar and the fields keep what the reviewer typed,
because losing a safety report's details is worse than any crash. Everything
that came from a user or a message is shown as plain text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.clock import Clock
from cmdesk.desk import Desk
from cmdesk.pv import clocks, meddra, validation
from cmdesk.pv.e2b_codes import ACTIONS_TAKEN, AGE_GROUPS, DRUG_ROLES, OUTCOMES, QUALIFICATIONS
from cmdesk.pv.model import (
    SERIOUSNESS_CRITERIA,
    Case,
    CaseEvent,
    CaseProduct,
    CaseState,
    Patient,
    Qualification,
    Reporter,
)
from cmdesk.pv.service import EDITABLE_STATES
from ui.bridge import DeskBridge
from ui.pv import labels
from ui.pv.labels import fill
from ui.pv.validity_panel import ValidityPanel

# Column headers: source English (QT_TRANSLATE_NOOP returns its argument), translated at use.
# The words for seriousness criteria, relations, units and E2B codes are in ui.pv.labels.
PRODUCT_COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CaseForm", "Product"),
    QT_TRANSLATE_NOOP("CaseForm", "Role"),
    QT_TRANSLATE_NOOP("CaseForm", "Dose"),
    QT_TRANSLATE_NOOP("CaseForm", "Batch"),
    QT_TRANSLATE_NOOP("CaseForm", "Route"),
    QT_TRANSLATE_NOOP("CaseForm", "Indication"),
    QT_TRANSLATE_NOOP("CaseForm", "Action taken"),
)
EVENT_COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CaseForm", "Verbatim (reporter's words)"),
    QT_TRANSLATE_NOOP("CaseForm", "MedDRA LLT"),
    QT_TRANSLATE_NOOP("CaseForm", "PT"),
    QT_TRANSLATE_NOOP("CaseForm", "Primary SOC"),
    QT_TRANSLATE_NOOP("CaseForm", "Outcome"),
)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("CIOMS-I PDF (*.pdf)", "pdf"),
    "e2b": ("E2B(R3) XML (*.xml)", "xml"),
    "json": ("JSON (*.json)", "json"),
}
OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
COUNTDOWN_INTERVAL_MS = 60_000


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label that never interprets markup: message and user text may contain anything."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def headers(columns: tuple[object, ...]) -> list[str]:
    return [QCoreApplication.translate("CaseForm", str(c)) for c in columns]


def when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def export_bytes(desk: Desk, case: Case, fmt: str) -> bytes:
    """The case as one export file's bytes: ``pdf`` (CIOMS-I), ``e2b`` (E2B(R3) XML) or ``json``."""
    if fmt == "pdf":
        from cmdesk.pv.cioms_pdf import cioms_pdf

        return cioms_pdf(case)
    if fmt == "e2b":
        from cmdesk.pv.e2b import e2b_batch

        sender = str(desk.settings.get("company_name") or "CMDESK")
        return e2b_batch([case], now=desk.clock.now(), sender=sender)
    if fmt == "json":
        from cmdesk.pv.json_export import case_json_bytes

        return case_json_bytes(case)
    raise ValueError(f"unknown export format {fmt!r}")


def write_export(desk: Desk, case: Case, fmt: str, path: Path) -> Path:
    path.write_bytes(export_bytes(desk, case, fmt))
    return path


def alive(widget: QWidget, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """A task callback that does nothing once ``widget`` is gone (the window was closed while the task ran)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call


def _combo(items: list[tuple[str, str]], *, editable: bool = False) -> QComboBox:
    """Items as (stored value, shown text)."""
    box = QComboBox()
    box.setEditable(editable)
    for value, text in items:
        box.addItem(text, value)
    return box


def _select(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index < 0 and box.isEditable():
        box.setEditText(value)
        return
    if index < 0:
        box.addItem(value, value)
        index = box.count() - 1
    box.setCurrentIndex(index)


def _value(box: QComboBox) -> str:
    if box.isEditable():
        text = box.currentText().strip()
        index = box.findText(text)
        return str(box.itemData(index)) if index >= 0 and box.itemData(index) is not None else text
    data = box.currentData()
    return "" if data is None else str(data)


class MessageBar(QFrame):
    """Errors and confirmations above the form; errors stay until closed or the next success."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = plain_label(wrap=True)
        close = QToolButton()
        close.setText("\u00d7")
        close.setAccessibleName(self.tr("Close message"))
        close.clicked.connect(self.clear)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.kind = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error", "background: #fde7e9; color: #8a0010;")

    def show_info(self, text: str) -> None:
        self._show(text, "info", "background: #e6f4ea; color: #0b5122;")

    def _show(self, text: str, kind: str, style: str) -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(style)
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.setText("")
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()


class Day0Dialog(QDialog):
    """Day 0 moves both deadlines, so a change needs a reason (it goes into the audit trail)."""

    def __init__(self, day0: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change day 0"))
        form = QFormLayout(self)
        self.edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(day0.timestamp()), Qt.TimeSpec.UTC))
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.edit.setTimeSpec(Qt.TimeSpec.UTC)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why does day 0 change? (required)"))
        form.addRow(self.tr("Day 0"), self.edit)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> datetime:
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), UTC)


class ForwardDialog(QDialog):
    """How drug safety gets the case: e-mail to the safety inbox, or files into a folder they collect."""

    def __init__(self, inbox: str, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forward to drug safety"))
        layout = QVBoxLayout(self)
        self.by_email = QRadioButton(self.tr("E-mail to the drug safety inbox"))
        self.by_folder = QRadioButton(self.tr("Export PDF, E2B XML and JSON to a folder"))
        group = QButtonGroup(self)
        group.addButton(self.by_email)
        group.addButton(self.by_folder)
        self.address = QLineEdit(inbox)
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse\u2026"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        layout.addWidget(self.by_email)
        layout.addWidget(self.address)
        layout.addWidget(self.by_folder)
        layout.addLayout(folder_row)
        (self.by_email if inbox or not folder else self.by_folder).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder drug safety collects from"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.by_folder.setChecked(True)

    def choice(self) -> tuple[str, str]:
        if self.by_folder.isChecked():
            return "folder", self.folder.text().strip()
        return "email", self.address.text().strip()


class CaseForm(QDialog):
    """One PV case, editable while draft or ready; a window of its own (non-modal)."""

    case_loaded = Signal(object)  # Case, whenever the form shows a fresh copy from the store
    action_failed = Signal(str)

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.desk: Desk = bridge.desk
        self.clock: Clock = clock or bridge.desk.clock
        self.case: Case | None = None
        self.dirty = False
        self._loading = False
        self._edits = 0  # bumps on every edit; a save only refreshes the fields nobody touched meanwhile
        self._reads = 0  # bumps on every write; stale reads are dropped
        self._llt_matches: dict[str, meddra.LLTMatch] = {}
        self.setWindowTitle(self.tr("PV case"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.resize(1280, 720)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_INTERVAL_MS)
        self.timer.timeout.connect(self.refresh_countdowns)
        self.timer.start()
        bridge.cases_changed.connect(self._on_cases_changed)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.message_bar = MessageBar()
        outer.addWidget(self.message_bar)
        outer.addLayout(self._build_header())
        middle = QHBoxLayout()
        content = QWidget()
        self.sections = QVBoxLayout(content)
        self.sections.addWidget(self._build_day0())
        self.sections.addWidget(self._build_reporter())
        self.sections.addWidget(self._build_patient())
        self.sections.addWidget(self._build_products())
        self.sections.addWidget(self._build_events())
        self.sections.addWidget(self._build_seriousness())
        self.sections.addWidget(self._build_narrative())
        self.sections.addWidget(self._build_sources())
        self.sections.addWidget(self._build_follow_ups())
        self.sections.addWidget(self._build_duplicates())
        self.sections.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        middle.addWidget(self.scroll_area, 1)
        self.validity_panel = ValidityPanel()
        self.validity_panel.setMinimumWidth(300)
        self.validity_panel.setMaximumWidth(400)
        side = QVBoxLayout()
        side.addWidget(self.validity_panel)
        side.addStretch(1)
        middle.addLayout(side)
        outer.addLayout(middle, 1)
        outer.addLayout(self._build_buttons())
        self._editable_widgets: list[QWidget] = [
            self.reporter_box,
            self.patient_box,
            self.products_box,
            self.events_box,
            self.seriousness_box,
            self.narrative,
            self.day0_button,
        ]

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reference_label = plain_label(self.tr("Opening case\u2026"))
        font = self.reference_label.font()
        if font.pointSize() > 0:
            font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.reference_label.setFont(font)
        self.state_label = plain_label()
        self.internal_countdown = plain_label()
        self.internal_countdown.setAccessibleName(self.tr("Internal forward deadline"))
        self.regulatory_countdown = plain_label()
        self.regulatory_countdown.setAccessibleName(self.tr("Regulatory deadline"))
        row.addWidget(self.reference_label)
        row.addWidget(self.state_label)
        row.addStretch(1)
        row.addWidget(self.internal_countdown)
        row.addSpacing(16)
        row.addWidget(self.regulatory_countdown)
        return row

    def _build_day0(self) -> QGroupBox:
        box = QGroupBox(self.tr("Day 0 (first receipt of the minimum information)"))
        row = QHBoxLayout(box)
        self.day0_label = plain_label()
        self.day0_reason_label = plain_label(wrap=True)
        self.day0_button = QPushButton(self.tr("Change day 0\u2026"))
        self.day0_button.clicked.connect(self._ask_day0)
        row.addWidget(self.day0_label)
        row.addWidget(self.day0_reason_label, 1)
        row.addWidget(self.day0_button)
        return box

    def _build_reporter(self) -> QGroupBox:
        self.reporter_box = QGroupBox(self.tr("Reporter"))
        form = QFormLayout(self.reporter_box)
        self.reporter_handle = QLineEdit()
        self.reporter_name = QLineEdit()
        self.reporter_email = QLineEdit()
        self.reporter_channel = plain_label()
        self.reporter_profile = QLineEdit()
        self.open_profile = QPushButton(self.tr("Open profile"))
        self.open_profile.clicked.connect(self._open_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.reporter_profile, 1)
        profile_row.addWidget(self.open_profile)
        self.qualification = _combo(
            [(q.value, f"{labels.e2b(QUALIFICATIONS[q.value])} ({q.value})") for q in Qualification]
        )
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(self.tr("ISO code, e.g. DE"))
        form.addRow(self.tr("Handle"), self.reporter_handle)
        form.addRow(self.tr("Name"), self.reporter_name)
        form.addRow(self.tr("E-mail"), self.reporter_email)
        form.addRow(self.tr("Channel"), self.reporter_channel)
        form.addRow(self.tr("Profile link"), profile_row)
        form.addRow(self.tr("Qualification (E2B C.2.r.4)"), self.qualification)
        form.addRow(self.tr("Country"), self.country)
        for edit in (
            self.reporter_handle,
            self.reporter_name,
            self.reporter_email,
            self.reporter_profile,
            self.country,
        ):
            edit.textEdited.connect(self._changed)
        self.qualification.currentIndexChanged.connect(self._changed)
        return self.reporter_box

    def _build_patient(self) -> QGroupBox:
        self.patient_box = QGroupBox(self.tr("Patient"))
        form = QFormLayout(self.patient_box)
        self.relation = _combo([(r, labels.tr(text)) for r, text in labels.RELATIONS.items()], editable=True)
        self.initials = QLineEdit()
        self.age = QLineEdit()
        self.age.setValidator(QIntValidator(0, 150, self.age))
        self.age.setPlaceholderText(self.tr("unknown"))
        self.age_unit = _combo([(unit, labels.tr(text)) for unit, text in labels.AGE_UNITS.items()])
        age_row = QHBoxLayout()
        age_row.addWidget(self.age)
        age_row.addWidget(self.age_unit)
        self.age_group = _combo(
            [("", self.tr("unknown")), *((code, f"{labels.e2b(name)} ({code})") for code, name in AGE_GROUPS.items())]
        )
        self.sex = _combo([(sex, labels.tr(text)) for sex, text in labels.SEXES.items()])
        self.pregnant = QCheckBox(self.tr("Pregnant"))
        self.patient_evidence = plain_label(wrap=True)
        form.addRow(self.tr("Relation to reporter"), self.relation)
        form.addRow(self.tr("Initials"), self.initials)
        form.addRow(self.tr("Age"), age_row)
        form.addRow(self.tr("Age group"), self.age_group)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow("", self.pregnant)
        form.addRow(self.tr("Reporter's words"), self.patient_evidence)
        self.relation.currentTextChanged.connect(self._changed)
        for edit in (self.initials, self.age):
            edit.textEdited.connect(self._changed)
        for box in (self.age_unit, self.age_group, self.sex):
            box.currentIndexChanged.connect(self._changed)
        self.pregnant.toggled.connect(self._changed)
        return self.patient_box

    def _build_products(self) -> QGroupBox:
        self.products_box = QGroupBox(self.tr("Suspect products"))
        layout = QVBoxLayout(self.products_box)
        self.products = QTableWidget(0, len(PRODUCT_COLUMNS))
        self.products.setHorizontalHeaderLabels(headers(PRODUCT_COLUMNS))
        self.products.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.products.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.products.setMinimumHeight(120)
        self.products.itemChanged.connect(self._changed)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add product"))
        add.clicked.connect(lambda: self.add_product_row(CaseProduct(name="")))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(lambda: self._remove_rows(self.products))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(self.products)
        layout.addLayout(buttons)
        return self.products_box

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

    def _build_seriousness(self) -> QGroupBox:
        self.seriousness_box = QGroupBox(self.tr("Seriousness (decided by you; the detector only hints)"))
        grid = QFormLayout(self.seriousness_box)
        self.seriousness: dict[str, QCheckBox] = {}
        self.hints: dict[str, QLabel] = {}
        for criterion in SERIOUSNESS_CRITERIA:
            check = QCheckBox(labels.code_label(labels.SERIOUSNESS, criterion))
            hint = plain_label()
            hint.setStyleSheet("color: #8a5a00;")
            check.toggled.connect(self._changed)
            grid.addRow(check, hint)
            self.seriousness[criterion] = check
            self.hints[criterion] = hint
        return self.seriousness_box

    def _build_narrative(self) -> QGroupBox:
        box = QGroupBox(self.tr("Narrative"))
        layout = QVBoxLayout(box)
        self.narrative = QPlainTextEdit()
        self.narrative.setMinimumHeight(120)
        self.narrative.textChanged.connect(self._changed)
        layout.addWidget(self.narrative)
        return box

    def _build_sources(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sources (as received; cannot be changed)"))
        self.sources_layout = QVBoxLayout(box)
        return box

    def _build_follow_ups(self) -> QGroupBox:
        box = QGroupBox(self.tr("Follow-ups"))
        layout = QVBoxLayout(box)
        self.follow_ups = QTableWidget(0, 5)
        self.follow_ups.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Channel"), self.tr("Outcome"), self.tr("Note")]
        )
        self.follow_ups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.follow_ups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_ups.setMinimumHeight(90)
        buttons = QHBoxLayout()
        self.request_button = QPushButton(self.tr("Request follow-up\u2026"))
        self.request_button.clicked.connect(self._ask_follow_up)
        self.answered_button = QPushButton(self.tr("Answer received"))
        self.answered_button.clicked.connect(lambda: self.log_follow_up("answered"))
        self.no_answer_button = QPushButton(self.tr("No answer"))
        self.no_answer_button.clicked.connect(lambda: self.log_follow_up("no_answer"))
        for button in (self.request_button, self.answered_button, self.no_answer_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.follow_ups)
        layout.addLayout(buttons)
        return box

    def _build_duplicates(self) -> QGroupBox:
        box = QGroupBox(self.tr("Possible duplicates"))
        layout = QVBoxLayout(box)
        self.duplicates = QListWidget()
        self.duplicates.setMinimumHeight(70)
        self.link_button = QPushButton(self.tr("Link as follow-up of the selected case"))
        self.link_button.clicked.connect(self._link_selected)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.link_button)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.clicked.connect(self.save)
        self.ready_button = QPushButton(self.tr("Mark ready"))
        self.ready_button.clicked.connect(self.mark_ready)
        self.forward_button = QPushButton(self.tr("Forward to drug safety\u2026"))
        self.forward_button.clicked.connect(self._ask_forward)
        self.ack_button = QPushButton(self.tr("Acknowledge\u2026"))
        self.ack_button.clicked.connect(self._ask_acknowledge)
        self.close_invalid_button = QPushButton(self.tr("Close as invalid\u2026"))
        self.close_invalid_button.clicked.connect(self._ask_close_invalid)
        for button in (
            self.save_button,
            self.ready_button,
            self.forward_button,
            self.ack_button,
            self.close_invalid_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (("pdf", "PDF"), ("e2b", "E2B XML"), ("json", "JSON")):
            button = QPushButton(text)
            button.setToolTip(fill(self.tr("Export the saved case as %1"), EXPORT_FORMATS[fmt][0]))
            button.clicked.connect(lambda _checked=False, f=fmt: self._ask_export(f))
            row.addWidget(button)
            self.export_buttons[fmt] = button
        self._update_buttons()
        return row

    # -- loading -------------------------------------------------------------------------------

    def load_case(self, case_id: int) -> None:
        """Fetch the case off the UI thread and show it."""
        token = self._reads
        self.bridge.tasks.read(
            lambda: self.desk.pv.get(case_id),
            on_done=alive(self, lambda case: self._read_done(token, case)),
            on_error=alive(self, self._failed),
        )

    def create_from(self, message_ids: list[int]) -> None:
        """A new draft from the chosen messages; the form shows it once the store has it."""
        self._write(
            lambda: self.desk.pv.new_case(message_ids),
            self.tr("Open PV case"),
            self.tr("Case created from the message."),
        )

    def _read_done(self, token: int, case: Case) -> None:
        if token != self._reads:
            return
        if self.dirty and self.case is not None and self.case.id == case.id:
            self.case = case  # someone else changed it: keep what the reviewer typed, take the new state
            self.refresh_countdowns()
            self._update_buttons()
            return
        self.show_case(case)

    def show_case(self, case: Case) -> None:
        """Fill every field from ``case`` (the stored truth); the edits are saved or gone."""
        self._loading = True
        try:
            self.case = case
            self.setWindowTitle(fill(self.tr("PV case %1"), case.reference))
            self.reference_label.setText(case.reference)
            self.state_label.setText(fill(self.tr("[%1]"), labels.state(case.state.value)))
            self.day0_label.setText(when(case.day0))
            self.day0_reason_label.setText(fill(self.tr("changed: %1"), case.day0_reason) if case.day0_reason else "")
            self._fill_reporter(case.reporter)
            self._fill_patient(case.patient)
            self.products.setRowCount(0)
            for product in case.products:
                self.add_product_row(product)
            self.events.setRowCount(0)
            for event in case.events:
                self.add_event_row(event)
            for criterion, check in self.seriousness.items():
                check.setChecked(bool(case.seriousness.get(criterion, False)))
                hinted = criterion in case.seriousness_hints
                self.hints[criterion].setText(self.tr("detector hint: mentioned in the message") if hinted else "")
            if self.narrative.toPlainText() != case.narrative:
                self.narrative.setPlainText(case.narrative)
            self._fill_sources(case)
            self._fill_follow_ups(case)
        finally:
            self._loading = False
        self.dirty = False
        editable = case.state in EDITABLE_STATES
        for widget in self._editable_widgets:
            widget.setEnabled(editable)
        self._meddra_ready()
        self.refresh_validity()
        self.refresh_countdowns()
        self._update_buttons()
        self._load_duplicates(case.id)
        self.case_loaded.emit(case)

    def _fill_reporter(self, r: Reporter) -> None:
        self.reporter_handle.setText(r.handle)
        self.reporter_name.setText(r.name)
        self.reporter_email.setText(r.email)
        channel = r.channel + (f" ({r.channel_kind})" if r.channel_kind else "")
        self.reporter_channel.setText(channel)
        self.reporter_profile.setText(r.profile_url)
        _select(self.qualification, r.qualification.value)
        self.country.setText(r.country)

    def _fill_patient(self, p: Patient) -> None:
        _select(self.relation, p.relation)
        self.initials.setText(p.initials)
        self.age.setText("" if p.age_value is None else str(p.age_value))
        _select(self.age_unit, p.age_unit or "a")
        _select(self.age_group, p.age_group)
        _select(self.sex, p.sex)
        self.pregnant.setChecked(p.pregnant)
        self.patient_evidence.setText("; ".join(f"\u201c{e}\u201d" for e in p.evidence))

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

    def _fill_follow_ups(self, case: Case) -> None:
        self.follow_ups.setRowCount(0)
        for f in case.follow_ups:
            row = self.follow_ups.rowCount()
            self.follow_ups.insertRow(row)
            for column, value in enumerate(
                (when(f.at), f.actor, f.channel, labels.code_label(labels.FOLLOW_UP_OUTCOMES, f.outcome), f.note)
            ):
                self.follow_ups.setItem(row, column, QTableWidgetItem(value))
        requested = any(f.outcome == "requested" for f in case.follow_ups)
        self.answered_button.setEnabled(requested)
        self.no_answer_button.setEnabled(requested)

    def _load_duplicates(self, case_id: int) -> None:
        token = self._reads
        self.bridge.tasks.read(
            lambda: self.desk.pv.duplicates(case_id),
            on_done=alive(self, lambda found: self._show_duplicates(token, found)),
            on_error=alive(self, self._failed),
        )

    def _show_duplicates(self, token: int, found: list[Any]) -> None:
        if token != self._reads:
            return
        self.duplicates.clear()
        for suggestion in found:
            reasons = "; ".join(suggestion.reasons)
            text = f"{suggestion.reference} \u2014 {round(suggestion.score * 100)} % \u2014 {reasons}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion.case_id)
            self.duplicates.addItem(item)
        if not found:
            self.duplicates.addItem(QListWidgetItem(self.tr("No similar case in the last 30 days.")))
        self.link_button.setEnabled(bool(found))

    # -- table rows ------------------------------------------------------------------------------

    def add_product_row(self, product: CaseProduct) -> int:
        was_loading, self._loading = self._loading, True
        row = self.products.rowCount()
        self.products.insertRow(row)
        name = QTableWidgetItem(product.name)
        name.setData(Qt.ItemDataRole.UserRole, product)
        self.products.setItem(row, 0, name)
        role = _combo([(key, labels.e2b(label)) for key, (_code, label) in DRUG_ROLES.items()])
        _select(role, product.role)
        role.currentIndexChanged.connect(self._changed)
        self.products.setCellWidget(row, 1, role)
        for column, value in ((2, product.dose), (3, product.batch), (4, product.route), (5, product.indication)):
            self.products.setItem(row, column, QTableWidgetItem(value))
        action = _combo([("", ""), *((code, f"{labels.e2b(label)} ({code})") for code, label in ACTIONS_TAKEN.items())])
        _select(action, product.action_taken)
        action.currentIndexChanged.connect(self._changed)
        self.products.setCellWidget(row, 6, action)
        self._loading = was_loading
        self._changed()
        return row

    def add_event_row(self, event: CaseEvent) -> int:
        was_loading, self._loading = self._loading, True
        row = self.events.rowCount()
        self.events.insertRow(row)
        verbatim = QTableWidgetItem(event.verbatim)
        verbatim.setData(Qt.ItemDataRole.UserRole, event)
        self.events.setItem(row, 0, verbatim)
        self._set_coding(row, event)
        outcome = _combo([("", ""), *((code, f"{labels.e2b(label)} ({code})") for code, label in OUTCOMES.items())])
        _select(outcome, event.outcome)
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

    def _remove_rows(self, table: QTableWidget) -> None:
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        if rows:
            self._changed()

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
            self.meddra_status.setText(str(err))
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

    # -- reading the fields ----------------------------------------------------------------------

    def _text(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _cell_combo(self, table: QTableWidget, row: int, column: int) -> str:
        widget = table.cellWidget(row, column)
        return _value(widget) if isinstance(widget, QComboBox) else ""

    def form_reporter(self) -> Reporter:
        assert self.case is not None
        return dataclasses.replace(
            self.case.reporter,
            handle=self.reporter_handle.text().strip(),
            name=self.reporter_name.text().strip(),
            email=self.reporter_email.text().strip(),
            profile_url=self.reporter_profile.text().strip(),
            qualification=Qualification(_value(self.qualification) or Qualification.CONSUMER.value),
            country=self.country.text().strip().upper(),
        )

    def form_patient(self) -> Patient:
        assert self.case is not None
        age = self.age.text().strip()
        return dataclasses.replace(
            self.case.patient,
            relation=_value(self.relation) or "self",
            initials=self.initials.text().strip(),
            age_value=int(age) if age.isdigit() else None,
            age_unit=_value(self.age_unit) or "a",
            age_group=_value(self.age_group),
            sex=_value(self.sex),
            pregnant=self.pregnant.isChecked(),
        )

    def form_products(self) -> tuple[CaseProduct, ...]:
        products: list[CaseProduct] = []
        for row in range(self.products.rowCount()):
            texts = [self._text(self.products, row, c) for c in (0, 2, 3, 4, 5)]
            if not any(texts):
                continue  # an empty row someone added and never filled
            item = self.products.item(row, 0)
            base = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            products.append(
                dataclasses.replace(
                    base if isinstance(base, CaseProduct) else CaseProduct(name=""),
                    name=texts[0],
                    role=self._cell_combo(self.products, row, 1) or "suspect",
                    dose=texts[1],
                    batch=texts[2],
                    route=texts[3],
                    indication=texts[4],
                    action_taken=self._cell_combo(self.products, row, 6),
                )
            )
        return tuple(products)

    def form_events(self) -> tuple[CaseEvent, ...]:
        found: list[CaseEvent] = []
        for row in range(self.events.rowCount()):
            item = self.events.item(row, 0)
            base = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            event = base if isinstance(base, CaseEvent) else CaseEvent(verbatim="")
            verbatim = self._text(self.events, row, 0)
            if not verbatim and not event.meddra_llt_code:
                continue
            found.append(dataclasses.replace(event, verbatim=verbatim, outcome=self._cell_combo(self.events, row, 4)))
        return tuple(found)

    def form_seriousness(self) -> dict[str, bool]:
        return {c: self.seriousness[c].isChecked() for c in SERIOUSNESS_CRITERIA}

    def form_case(self) -> Case:
        """The case as the form shows it now (not saved)."""
        assert self.case is not None
        return dataclasses.replace(
            self.case,
            reporter=self.form_reporter(),
            patient=self.form_patient(),
            products=self.form_products(),
            events=self.form_events(),
            seriousness=self.form_seriousness(),
            narrative=self.narrative.toPlainText(),
        )

    def changes(self) -> dict[str, Any]:
        """Only the fields the reviewer changed: each becomes one audit entry."""
        if self.case is None or self.case.state not in EDITABLE_STATES:
            return {}
        now = self.form_case()
        return {
            name: getattr(now, name)
            for name in ("reporter", "patient", "products", "events", "seriousness", "narrative")
            if getattr(now, name) != getattr(self.case, name)
        }

    # -- live feedback -------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if self._loading or self.case is None:
            return
        self.dirty = True
        self._edits += 1
        self.refresh_validity()
        self.refresh_countdowns()
        self._update_buttons()

    def refresh_validity(self) -> validation.Validity | None:
        if self.case is None:
            return None
        result = validation.check(self.form_case())
        self.validity_panel.show_validity(result)
        return result

    def refresh_countdowns(self) -> None:
        """Header clocks from the injected clock; a seriousness tick shows the shorter deadline at once."""
        case = self.case
        if case is None:
            self.internal_countdown.setText("")
            self.regulatory_countdown.setText("")
            return
        now = self.clock.now()
        if case.state in EDITABLE_STATES:
            self._countdown(self.internal_countdown, self.tr("Forward to drug safety"), case.internal_due_at, now)
        else:
            done = (
                fill(self.tr("forwarded %1"), when(case.forwarded_at))
                if case.forwarded_at
                else labels.state(case.state.value)
            )
            self.internal_countdown.setText(fill(self.tr("Forward to drug safety: %1"), done))
            self.internal_countdown.setStyleSheet("")
        if case.state == CaseState.CLOSED_INVALID:
            self.regulatory_countdown.setText(self.tr("Regulatory: not reportable (closed as invalid)"))
            self.regulatory_countdown.setStyleSheet("")
            return
        serious = any(self.form_seriousness().values()) if case.state in EDITABLE_STATES else case.serious
        due = clocks.regulatory_due(case.day0, serious=serious) if serious != case.serious else case.regulatory_due_at
        label = self.tr("Regulatory (serious, 15 d)") if serious else self.tr("Regulatory (non-serious, 90 d)")
        self._countdown(self.regulatory_countdown, label, due, now)

    def _countdown(self, label: QLabel, title: str, due: datetime, now: datetime) -> None:
        label.setText(fill(self.tr("%1: %2 (due %3)"), title, labels.countdown(due, now), when(due)))
        label.setStyleSheet(OVERDUE_STYLE if clocks.overdue(due, now) else "")

    def _update_buttons(self) -> None:
        case = self.case
        state = case.state if case is not None else None
        editable = state in EDITABLE_STATES
        valid = self.validity_panel.validity is not None and self.validity_panel.validity.valid
        self.save_button.setEnabled(editable)
        self.ready_button.setEnabled(state == CaseState.DRAFT and valid)
        self.forward_button.setEnabled(state == CaseState.READY)
        self.ack_button.setEnabled(state == CaseState.FORWARDED)
        self.close_invalid_button.setEnabled(editable)
        self.request_button.setEnabled(case is not None and state != CaseState.CLOSED_INVALID)
        for button in self.export_buttons.values():
            button.setEnabled(case is not None)

    # -- writing -------------------------------------------------------------------------------

    def _write(self, fn: Callable[[], Case], label: str, done_text: str = "") -> None:
        """Run ``fn`` on the writer; show the returned case (unless the reviewer typed meanwhile)."""
        self._reads += 1
        edits = self._edits

        def job() -> Case:
            return fn()  # the PV service announces the change itself

        def done(case: Case) -> None:
            if self.case is not None and edits != self._edits and case.id == self.case.id:
                # the reviewer kept typing while we saved: keep the fields, take the stored state
                self.case = case
                self.dirty = bool(self.changes())
                self.refresh_countdowns()
                self._update_buttons()
            else:
                self.show_case(case)
            if done_text:
                self.message_bar.show_info(done_text)

        self.bridge.tasks.write(job, label=label, on_done=alive(self, done), on_error=alive(self, self._failed))

    def _failed(self, err: BaseException) -> None:
        text = str(err) or type(err).__name__
        self.message_bar.show_error(text)
        self.action_failed.emit(text)

    def _with_changes(self, fn: Callable[[int], Case]) -> Callable[[], Case]:
        """Save what is typed first, then run ``fn`` (both on the writer, in order)."""
        assert self.case is not None
        case_id, changes = self.case.id, self.changes()

        def run() -> Case:
            if changes:
                self.desk.pv.update(case_id, **changes)
            return fn(case_id)

        return run

    def save(self) -> None:
        if self.case is None:
            return
        changes = self.changes()
        if not changes:
            self.message_bar.show_info(self.tr("Nothing changed since the last save."))
            return
        case_id = self.case.id
        self._write(lambda: self.desk.pv.update(case_id, **changes), self.tr("Save PV case"), self.tr("Saved."))

    def change_day0(self, day0: datetime, reason: str) -> bool:
        """Move day 0; refused here (before any write) when no reason is given."""
        if self.case is None:
            return False
        if not reason.strip():
            self._failed(ValueError(self.tr("Say why day 0 changes: it moves both reporting deadlines.")))
            return False
        case_id = self.case.id
        self._write(
            lambda: self.desk.pv.update(case_id, day0=day0, day0_reason=reason.strip()),
            self.tr("Change day 0"),
            self.tr("Day 0 changed; the deadlines moved with it."),
        )
        return True

    def mark_ready(self) -> None:
        if self.case is not None:
            self._write(
                self._with_changes(self.desk.pv.mark_ready), self.tr("Mark PV case ready"), self.tr("Ready to forward.")
            )

    def forward(self, method: str, to: str) -> None:
        if self.case is None:
            return
        self._write(
            self._with_changes(lambda case_id: self.desk.pv.forward(case_id, method, to)),
            self.tr("Forward PV case"),
            self.tr("Forwarded to drug safety (e-mail queued).")
            if method == "email"
            else fill(self.tr("Forwarded to drug safety (files written to %1)."), to),
        )

    def acknowledge(self, safety_case_number: str) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.acknowledge(case_id, safety_case_number),
                self.tr("Acknowledge PV case"),
                self.tr("Receipt by drug safety recorded."),
            )

    def close_invalid(self, reason: str) -> None:
        if self.case is None:
            return
        if not reason.strip():
            self._failed(ValueError(self.tr("Say why the case is closed as invalid.")))
            return
        case_id = self.case.id
        self._write(
            lambda: self.desk.pv.close_invalid(case_id, reason), self.tr("Close PV case"), self.tr("Closed as invalid.")
        )

    def request_follow_up(self, channel: str, note: str = "") -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.request_follow_up(case_id, channel, note=note),
                self.tr("Request follow-up"),
                self.tr("Follow-up request logged."),
            )

    def log_follow_up(self, outcome: str, note: str = "") -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.log_follow_up_outcome(case_id, outcome, note),
                self.tr("Log follow-up"),
                self.tr("Follow-up outcome logged."),
            )

    def link_as_follow_up(self, of_case_id: int) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._write(
                lambda: self.desk.pv.link_as_follow_up(case_id, of_case_id),
                self.tr("Link PV case"),
                self.tr("Linked as follow-up."),
            )

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the saved case as ``fmt`` to ``path`` off the UI thread."""
        if self.case is None:
            return
        case = self.case
        done = (
            self.tr("Exported to %1 (the saved version; unsaved edits are not in it).")
            if self.dirty
            else self.tr("Exported to %1.")
        )
        self.bridge.tasks.read(
            lambda: write_export(self.desk, case, fmt, path),
            label=fill(self.tr("Export %1"), case.reference),
            on_done=alive(self, lambda written: self.message_bar.show_info(fill(done, written))),
            on_error=alive(self, self._failed),
        )

    # -- dialogs (thin: they only collect what the methods above need) ------------------------------

    def _ask_day0(self) -> None:
        if self.case is None:
            return
        dialog = Day0Dialog(self.case.day0, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change_day0(dialog.value(), dialog.reason.text())

    def _ask_forward(self) -> None:
        inbox = str(self.desk.settings.get("pv_safety_inbox") or "")
        folder = str(self.desk.settings.get("pv_export_folder") or "")
        dialog = ForwardDialog(inbox, folder, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.forward(*dialog.choice())

    def _ask_acknowledge(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Acknowledge"), self.tr("Drug safety's case number:"))
        if ok:
            self.acknowledge(number)

    def _ask_close_invalid(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Close as invalid"), self.tr("Why is this not a valid case?"))
        if ok:
            self.close_invalid(reason)

    def _ask_follow_up(self) -> None:
        if self.case is None:
            return
        default = self.case.reporter.channel or self.case.reporter.channel_kind
        note, ok = QInputDialog.getText(
            self, self.tr("Request follow-up"), fill(self.tr("What was asked (on %1)?"), default)
        )
        if ok:
            self.request_follow_up(default or "unknown", note)

    def _ask_export(self, fmt: str) -> None:
        if self.case is None:
            return
        filter_text, suffix = EXPORT_FORMATS[fmt]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export case"), f"{self.case.reference}.{suffix}", filter_text
        )
        if path:
            self.export_to(fmt, Path(path))

    def _link_selected(self) -> None:
        item = self.duplicates.currentItem()
        other = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(other, int):
            self.link_as_follow_up(other)
        else:
            self.message_bar.show_error(self.tr("Select the case this one repeats first."))

    def _open_profile(self) -> None:
        url = QUrl(self.reporter_profile.text().strip())
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        else:
            self.message_bar.show_error(self.tr("The profile link is not a web address."))

    def _on_cases_changed(self, case_id: object) -> None:
        if self.case is not None and case_id == self.case.id and not self.dirty and not self.bridge.tasks.busy:
            self.load_case(self.case.id)

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        super().closeEvent(event)


def open_case_form(
    bridge: DeskBridge, parent: QWidget | None, *, message_ids: list[int] | None = None, case_id: int | None = None
) -> CaseForm:
    """Open the form for an existing case, or for a new draft made from ``message_ids``."""
    form = CaseForm(bridge, parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if case_id is not None:
        form.load_case(case_id)
    elif message_ids:
        form.create_from(list(message_ids))
    else:
        form.message_bar.show_error(QCoreApplication.translate("CaseForm", "Choose a message or a case to open."))
    form.show()
    return form
