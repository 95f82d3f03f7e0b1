"""The PV case form: what a reviewer fills in, checks and forwards to drug safety.

Every save goes through ``bridge.tasks.write`` (off the UI thread, one writer);
errors land in the message bar and the fields keep what the reviewer typed,
because losing a safety report's details is worse than any crash. Everything
that came from a user or a message is shown as plain text.

This module assembles the form from its sections (one module each under ``ui.pv``)
and owns what ties them together: loading, the edit/read tokens and the writer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from cmdesk.clock import Clock
from cmdesk.desk import Desk
from cmdesk.pv import meddra, validation
from cmdesk.pv.model import Case
from cmdesk.pv.service import EDITABLE_STATES
from ui.bridge import DeskBridge
from ui.desk_life.on_lock import close_dialogs
from ui.error_text import error_text
from ui.pv import labels
from ui.pv.case_actions import CaseActions
from ui.pv.case_header import COUNTDOWN_INTERVAL_MS, OVERDUE_STYLE, HeaderSection
from ui.pv.day0 import Day0Dialog, Day0Section
from ui.pv.duplicates import DuplicatesSection
from ui.pv.events import EVENT_COLUMNS, EventsSection
from ui.pv.export import EXPORT_FORMATS, export_bytes, write_export
from ui.pv.follow_ups import FollowUpsSection
from ui.pv.form_widgets import alive, headers, plain_label, when
from ui.pv.forward_dialog import ForwardDialog
from ui.pv.labels import fill
from ui.pv.message_bar import MessageBar
from ui.pv.products import PRODUCT_COLUMNS, ProductsSection
from ui.pv.reporter_patient import PatientSection, ReporterSection
from ui.pv.seriousness import SeriousnessSection
from ui.pv.sources import SourcesSection
from ui.pv.validity_panel import ValidityPanel

__all__ = [
    "COUNTDOWN_INTERVAL_MS",
    "EVENT_COLUMNS",
    "EXPORT_FORMATS",
    "OVERDUE_STYLE",
    "PRODUCT_COLUMNS",
    "CaseForm",
    "Day0Dialog",
    "ForwardDialog",
    "MessageBar",
    "alive",
    "export_bytes",
    "headers",
    "open_case_form",
    "plain_label",
    "when",
    "write_export",
]


class CaseForm(
    HeaderSection,
    Day0Section,
    ReporterSection,
    PatientSection,
    ProductsSection,
    EventsSection,
    SeriousnessSection,
    SourcesSection,
    FollowUpsSection,
    DuplicatesSection,
    CaseActions,
):
    """One PV case, editable while draft or ready; a window of its own (non-modal)."""

    case_loaded = Signal(object)  # Case, whenever the form shows a fresh copy from the store
    action_failed = Signal(str)

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.desk: Desk = bridge.desk
        self.clock: Clock = clock or bridge.desk.clock
        self.case: Case | None = None
        self._requested: int | None = None  # the case asked for last: reloaded at the unlock if its read was dropped
        self.dirty = False
        self._loading = False
        self._edits = 0  # bumps on every edit; a save only refreshes the fields nobody touched meanwhile
        self._reads = 0  # bumps on every read and write; stale reads are dropped
        self._writes_in_flight = 0  # this form's own saves: their result shows the case, no reload needed
        self._hidden_by_lock = False
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
        bridge.locked.connect(self._on_locked)
        bridge.unlocked.connect(self._on_unlocked)

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

    def _build_narrative(self) -> QGroupBox:
        box = QGroupBox(self.tr("Narrative"))
        layout = QVBoxLayout(box)
        self.narrative = QPlainTextEdit()
        self.narrative.setMinimumHeight(120)
        self.narrative.textChanged.connect(self._changed)
        layout.addWidget(self.narrative)
        return box

    # -- loading -------------------------------------------------------------------------------

    def load_case(self, case_id: int) -> None:
        """Fetch the case off the UI thread and show it; of several loads in flight the newest wins."""
        self._requested = case_id
        self._reads += 1
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
            self._fill_day0(case)
            self._fill_reporter(case.reporter)
            self._fill_patient(case.patient)
            self._fill_products(case.products)
            self._fill_events(case.events)
            self._fill_seriousness(case)
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
        if not self.bridge.is_locked:  # a save delivered after a lock; the unlock's reload reads them
            self._load_duplicates(case.id)
        self.case_loaded.emit(case)

    # -- reading the fields ----------------------------------------------------------------------

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

    # -- writing -------------------------------------------------------------------------------

    def _write(self, fn: Callable[[], Case], label: str, done_text: str = "") -> None:
        """Run ``fn`` on the writer; show the returned case (unless the reviewer typed meanwhile)."""
        self._reads += 1
        edits = self._edits
        self._writes_in_flight += 1  # a user-asked write: a lock waits for it, so done or failed always comes

        def job() -> Case:
            return fn()  # the PV service announces the change itself

        def done(case: Case) -> None:
            self._writes_in_flight -= 1
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

        def failed(err: BaseException) -> None:
            self._writes_in_flight -= 1
            self._failed(err)

        self.bridge.tasks.write(job, label=label, on_done=alive(self, done), on_error=alive(self, failed))

    def _failed(self, err: BaseException) -> None:
        self._refuse(error_text(err))

    def _refuse(self, text: str) -> None:
        self.message_bar.show_error(text)
        self.action_failed.emit(text)

    def _on_cases_changed(self, case_id: object) -> None:
        """Reload a case changed elsewhere; not while this form's own save runs (its result shows the case).

        Only the form's own writes count: the runner as a whole is busy with sync passes and counts most of
        the time, and a change skipped then left the form on the old state until the next change.
        """
        if (
            self.case is not None
            and case_id == self.case.id
            and not self.dirty
            and not self._writes_in_flight
            and not self.bridge.is_locked
        ):
            self.load_case(self.case.id)

    def _on_locked(self) -> None:
        """Nothing from the store stays on screen while the desk is locked: the form hides until the unlock.

        The fields stay as they are, in memory only: what the reviewer typed and did not save yet is there again
        after the unlock, over the case as it is stored then (see _read_done).
        """
        self._reads += 1  # a read made before the lock is never shown
        close_dialogs(self)  # Forward, Day 0, a file or input dialog
        if self.isVisible():
            self._hidden_by_lock = True
            self.hide()

    def _on_unlocked(self) -> None:
        if self._hidden_by_lock:
            self._hidden_by_lock = False
            self.show()
        # Changes made while locked (another desk, a sync) come in; a form whose first read the lock
        # cancelled has no case yet and loads the one it was opened for.
        case_id = self.case.id if self.case is not None else self._requested
        if case_id is not None:
            self.load_case(case_id)

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
