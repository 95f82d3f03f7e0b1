"""The author panel: who wrote the current message, on every channel, and what the team knows about them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cmdesk.desk import Desk
from cmdesk.errors import NotFound, UserError
from cmdesk.model import AuthorType
from cmdesk.people import HISTORY_LIMIT, HistoryItem, MoodPoint, PeopleService, Profile
from ui.author.header import AuthorHeader
from ui.author.identities import IdentitiesBox
from ui.author.mood_chart import MoodChart
from ui.author.notes import NotesBox, TagChips
from ui.author.text import plain_label
from ui.author.timeline import Timeline
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.widgets.delivery import Delivery

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 400  # changes come in bursts (sync, bulk triage): reload once they settle
ERROR_STYLE = "color: #b42318;"


@dataclass(frozen=True)
class AuthorData:
    profile: Profile
    history: list[HistoryItem]
    trend: list[MoodPoint]


def load(desk: Desk, person_id: int) -> AuthorData:
    """Runs on a reader thread: everything the panel shows about one person."""
    people = desk.people
    return AuthorData(people.profile(person_id), people.history(person_id), people.mood_trend(person_id))


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class AuthorPanel(QWidget):
    """``show_person(id)`` loads off the UI thread; every change runs on the task runner's write worker."""

    message_activated = Signal(int)  # message id: the window jumps to it
    loaded = Signal(int)  # person id, once its data is on screen

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("author_panel")
        self.bridge = bridge
        self.person_id: int | None = None
        self.data: AuthorData | None = None
        self._generation = 0  # a result from an older request is dropped
        self.delivery = Delivery()  # the window holds loads back while the queue's list loads (ListFirst)
        self._loading = False
        self._again = False
        self._drafts: dict[int, str] = {}  # unsaved notes per person: switching messages loses nothing
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        self._build()
        self.timeline.message_activated.connect(self.message_activated)
        self.identities.split_requested.connect(self.split)
        self.identities.confirm_requested.connect(self.confirm_merge)
        self.identities.reject_requested.connect(self.reject_merge)
        self.tags.tag_added.connect(self.add_tag)
        self.tags.tag_removed.connect(self.remove_tag)
        self.notes.note_added.connect(self.add_note)
        self.header.override_requested.connect(lambda kind, reason: self.set_type_override(kind, reason=reason))
        bridge.people_changed.connect(self._on_people_changed)
        bridge.messages_changed.connect(self._on_messages_changed)
        bridge.locked.connect(self._on_locked)
        self._clear(self.tr("Select a message to see who wrote it."))

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.empty_label = plain_label(wrap=True, secondary=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty_label)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(4)
        self.header = AuthorHeader()
        column.addWidget(self.header)
        self.error_label = plain_label(wrap=True, selectable=True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        column.addWidget(self.error_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        history = QWidget()
        history_column = QVBoxLayout(history)
        history_column.setContentsMargins(0, 4, 0, 0)
        self.chart = MoodChart()
        self.timeline = Timeline()
        self.limit_note = plain_label(wrap=True, secondary=True)
        history_column.addWidget(self.chart)
        history_column.addWidget(self.timeline, 1)
        history_column.addWidget(self.limit_note)
        self.tabs.addTab(history, "")
        self.identities = IdentitiesBox()
        self.tabs.addTab(_scrolled(self.identities), "")
        notes_page = QWidget()
        notes_column = QVBoxLayout(notes_page)
        notes_column.setContentsMargins(0, 4, 0, 0)
        self.tags = TagChips()
        self.notes = NotesBox()
        notes_column.addWidget(plain_label(self.tr("Tags")))
        notes_column.addWidget(self.tags)
        notes_column.addWidget(plain_label(self.tr("Notes")))
        notes_column.addWidget(self.notes)
        notes_column.addStretch(1)
        self.tabs.addTab(_scrolled(notes_page), "")
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.content = page

    # -- showing -----------------------------------------------------------------------------------

    def show_person(self, person_id: int | None) -> None:
        """Show this person (None clears); the same person again just reloads in place."""
        if person_id is not None and person_id == self.person_id:
            self.reload()
            return
        self._keep_draft()
        self._generation += 1
        self.delivery.drop()
        self._loading = self._again = False
        self._refresh_timer.stop()
        self.person_id = person_id
        if person_id is None:
            self._clear(self.tr("Select a message to see who wrote it."))
            return
        self._clear(self.tr("Loading…"))
        self.notes.field.setPlainText(self._drafts.get(person_id, ""))
        self.reload()

    def reload(self) -> None:
        if self.person_id is None or self.bridge.is_locked:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        generation, person_id, desk = self._generation, self.person_id, self.bridge.desk
        ticket = self.delivery.ticket()
        self.bridge.tasks.read(
            lambda: load(desk, person_id),
            on_done=lambda data: self.delivery.send(ticket, lambda: self._on_loaded(generation, data)),
            on_error=lambda err: self.delivery.send(ticket, lambda: self._on_load_failed(generation, err)),
        )

    def _on_loaded(self, generation: int, data: AuthorData) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.data = data
        self._show(data)
        self.loaded.emit(data.profile.person.id)
        if self._again:
            self._again = False
            self.reload()

    def _on_load_failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = self._again = False
        self._keep_draft()  # the panel clears below; an unsaved note must not go with it
        if isinstance(err, NotFound):
            self._clear(self.tr("This person no longer exists (merged or removed)."))
        elif isinstance(err, UserError):
            self._clear(error_text(err))
        else:
            log.error("loading person %s failed", self.person_id, exc_info=(type(err), err, err.__traceback__))
            self._clear(self.tr("The author could not be loaded: %1").replace("%1", type(err).__name__))

    def _clear(self, message: str) -> None:
        self.data = None
        self.empty_label.setText(message)
        self.stack.setCurrentWidget(self.empty_label)
        self.header.clear()
        self.error_label.clear()
        self.error_label.hide()
        self.chart.set_points([])
        self.timeline.set_items([])
        self.limit_note.clear()
        self.identities.show_data((), (), person_id=None)
        self.tags.set_tags([])
        self.tags.field.clear()
        self.notes.set_notes([])
        self.notes.field.clear()
        self._set_tab_titles(history=0, identities=0, suggestions=0, notes=0)

    def _show(self, data: AuthorData) -> None:
        profile = data.profile
        self.stack.setCurrentWidget(self.content)
        self.header.show_profile(profile)
        self.chart.set_points(data.trend)
        self.timeline.set_items(data.history)
        shown = len(data.history)
        self.limit_note.setText(
            self.tr("Showing the latest %1 of %2 messages.")
            .replace("%1", str(shown))
            .replace("%2", str(profile.message_count))
            if shown >= HISTORY_LIMIT and profile.message_count > shown
            else ""
        )
        self.limit_note.setVisible(bool(self.limit_note.text()))
        self.identities.show_data(profile.identities, profile.suggestions, person_id=profile.person.id)
        self.tags.set_tags(profile.tags)
        self.notes.set_notes(profile.notes)
        self._set_tab_titles(
            history=profile.message_count,
            identities=len(profile.identities),
            suggestions=len(profile.suggestions),
            notes=len(profile.notes) + len(profile.tags),
        )

    def _set_tab_titles(self, *, history: int, identities: int, suggestions: int, notes: int) -> None:
        self.tabs.setTabText(0, self.tr("History (%1)").replace("%1", str(history)))
        ids = self.tr("Identities (%1)").replace("%1", str(identities))
        self.tabs.setTabText(1, f"{ids} +{suggestions}" if suggestions else ids)
        self.tabs.setTabToolTip(1, self.tr("%n suggested merge(s) to confirm or reject", "", suggestions))
        self.tabs.setTabText(2, self.tr("Notes (%1)").replace("%1", str(notes)))
        self.tabs.setTabToolTip(2, self.tr("Tags and notes about this person"))

    # -- changes from elsewhere ------------------------------------------------------------------------

    def _on_people_changed(self, person_id: int) -> None:
        if person_id == self.person_id:
            self._refresh_timer.start()

    def _on_messages_changed(self, _ids: object) -> None:
        # a new message or a new analysis may belong to this person; which messages are theirs is the store's to say
        if self.person_id is not None:
            self._refresh_timer.start()

    def _on_locked(self) -> None:
        self._drafts.clear()
        self.show_person(None)

    def _keep_draft(self) -> None:
        if self.person_id is None:
            return
        draft = self.notes.field.toPlainText()
        if draft.strip():
            self._drafts[self.person_id] = draft
        else:
            self._drafts.pop(self.person_id, None)

    # -- changes from here ------------------------------------------------------------------------------

    def _write(
        self,
        what: str,
        fn: Callable[[PeopleService, int], Any],
        *,
        done: Callable[[int, Any], None] | None = None,
    ) -> None:
        """Run ``fn(people, person id)`` on the write worker; ``what`` names it in the status bar and in errors."""
        pid = self.person_id
        if pid is None or self.bridge.is_locked:
            return
        people = self.bridge.desk.people
        self.error_label.hide()

        def finished(result: Any) -> None:
            if done is not None:
                done(pid, result)
            self.reload()

        self.bridge.tasks.write(
            lambda: fn(people, pid), label=what, on_done=finished, on_error=lambda err: self._on_write_failed(what, err)
        )

    def _on_write_failed(self, what: str, err: BaseException) -> None:
        if isinstance(err, UserError):
            reason = error_text(err)
        else:
            log.error("%s failed", what, exc_info=(type(err), err, err.__traceback__))
            reason = self.tr("unexpected error (%1); details are in the log").replace("%1", type(err).__name__)
        self.error_label.setText(self.tr("%1 failed: %2").replace("%1", what).replace("%2", reason))
        self.error_label.show()

    def set_type_override(self, author_type: AuthorType | None, *, reason: str = "") -> None:
        def done(pid: int, _result: object) -> None:
            if self.person_id == pid:
                self.header.close_override()

        self._write(
            self.tr("Setting the author type"),
            lambda people, pid: people.set_type_override(pid, author_type, reason=reason),
            done=done,
        )

    def add_note(self, text: str) -> None:
        def done(pid: int, _note: object) -> None:
            self._drafts.pop(pid, None)
            if self.person_id == pid:
                self.notes.field.clear()

        self._write(self.tr("Adding the note"), lambda people, pid: people.add_note(pid, text), done=done)

    def add_tag(self, tag: str) -> None:
        def done(pid: int, _added: object) -> None:
            if self.person_id == pid:
                self.tags.field.clear()

        self._write(self.tr("Adding the tag"), lambda people, pid: people.tag(pid, tag), done=done)

    def remove_tag(self, tag: str) -> None:
        self._write(self.tr("Removing the tag"), lambda people, pid: people.untag(pid, tag))

    def confirm_merge(self, suggestion_id: int) -> None:
        current = self.data.profile if self.data is not None else None
        suggestion = next((s for s in current.suggestions if s.id == suggestion_id), None) if current else None
        # confirmed from the identity's side, this person is left empty when that was its only identity: follow it
        follow = (
            current is not None
            and suggestion is not None
            and [i.author_id for i in current.identities] == [suggestion.author_id]
        )

        def done(_pid: int, target: object) -> None:
            if follow and isinstance(target, int):
                self.show_person(target)

        self._write(
            self.tr("Joining the identity"), lambda people, _pid: people.confirm_merge(suggestion_id), done=done
        )

    def reject_merge(self, suggestion_id: int) -> None:
        self._write(self.tr("Rejecting the suggestion"), lambda people, _pid: people.reject_merge(suggestion_id))

    def split(self, author_id: int) -> None:
        identity = (
            next((i for i in self.data.profile.identities if i.author_id == author_id), None) if self.data else None
        )
        if identity is None or not self.confirm_split(identity.name, identity.account):
            return
        self._write(self.tr("Splitting off the identity"), lambda people, _pid: people.split(author_id))

    def confirm_split(self, name: str, account: str) -> bool:
        """Ask before splitting; a wrong split is only undone by a new merge."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Split off identity"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Make %1 on %2 a person of its own?").replace("%1", name).replace("%2", account))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes
