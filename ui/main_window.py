"""The workstation window: views on the left, the queue in the centre, message and author on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.model import Status
from cmdesk.store.keys import read_keyinfo
from ui import shortcuts
from ui.accounts.gap_banner import GapBanner
from ui.accounts.sync_scheduler import SyncScheduler
from ui.author.panel import AuthorPanel
from ui.bridge import DeskBridge
from ui.desk_life.idle import IdleWatcher
from ui.desk_life.lock_screen import LockScreen
from ui.desk_life.unlock import UnlockDialog
from ui.error_text import error_text
from ui.message.pane import MessagePane
from ui.queue.list_first import ListFirst
from ui.queue.model import QueueModel
from ui.queue.saved_filters import SavedFilters
from ui.queue.search_bar import SearchBar, filter_kwargs
from ui.queue.triage_actions import TriageActions
from ui.queue.view import QueueView
from ui.queue.views_panel import ViewsPanel
from ui.tasks import Task

REFRESH_DELAY_MS = 300


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    theme_change_requested = Signal(str)

    def __init__(self, bridge: DeskBridge, *, saved_filters: SavedFilters | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.bridge = bridge
        self.setWindowTitle(self.tr("cmdesk — %1").replace("%1", bridge.desk.agent_name))
        self.model = QueueModel(bridge, self)
        self.view = QueueView(self.model)
        self.search = SearchBar()
        self.views = ViewsPanel(bridge, saved=saved_filters or SavedFilters())
        self.triage = TriageActions(bridge, parent_widget=self)
        self.actions_by_name: dict[str, QAction] = {}
        self._windows: dict[str, Any] = {}
        self.unlock_dialog: UnlockDialog | None = None
        self._view = "my"
        self._wanted_id: int | None = None
        self._resume_row: int | None = None
        self._pending_changed: set[int] | None = set()
        self.sync_scheduler = SyncScheduler(bridge, parent=self)
        self._build_layout()
        self.list_first = ListFirst(
            bridge, self.model, self.view, (self.message_pane.delivery, self.author_panel.delivery), self
        )
        self._build_actions()
        self._build_status_bar()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_now)
        self.idle = IdleWatcher(minutes=float(bridge.desk.settings.get("idle_lock_minutes")), parent=self)
        self.idle.idle.connect(self.lock_desk)
        self._connect()
        self._fill_chip_choices()
        self.views.refresh_counts()
        self.views.select_view(self._view)

    # -- building ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(6, 6, 6, 0)
        column.setSpacing(6)
        self.gap_banner = GapBanner(centre)
        column.addWidget(self.gap_banner)
        column.addWidget(self.search)
        column.addWidget(self.view, 1)
        self.message_pane = MessagePane(self.bridge, self)
        self.author_panel = AuthorPanel(self.bridge, self)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.setObjectName("right_splitter")
        self.right.addWidget(self.message_pane)
        self.right.addWidget(self.author_panel)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setSizes([560, 440])  # the message first; the author below (a saved layout wins)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([180, 760, 420])
        self.splitter.setChildrenCollapsible(False)
        self.views.setMinimumWidth(150)  # view names and counts stay readable in German too
        self.lock_screen = LockScreen(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.resize(1366, 768)
        self.setMinimumSize(1000, 600)

    def _action(self, name: str, slot: Any, *, menu: Any = None) -> QAction:
        spec = shortcuts.BY_NAME[name]
        action = QAction(shortcuts.tr(spec.text), self)
        action.setObjectName(f"action_{name}")
        action.setShortcuts(shortcuts.key_sequences(name))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        desk_menu = bar.addMenu(self.tr("&Desk"))
        queue_menu = bar.addMenu(self.tr("&Queue"))
        message_menu = bar.addMenu(self.tr("&Message"))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action("next", lambda: self.view.step(1), menu=queue_menu)
        self._action("previous", lambda: self.view.step(-1), menu=queue_menu)
        self._action("first", lambda: self.view.go_to_row(0), menu=queue_menu)
        self._action("last", lambda: self.view.go_to_row(self.model.rowCount() - 1), menu=queue_menu)
        self._action("open", self.open_current, menu=queue_menu)
        self._action("search", self.search.focus_search, menu=queue_menu)
        self._action("clear_search", self.back_to_queue)
        self._action("refresh", lambda: self._schedule_refresh(None), menu=queue_menu)
        queue_menu.addSeparator()
        for view in ("my", "unassigned", "pv_review", "waiting", "done", "all"):
            self._action(f"view_{view}", lambda checked=False, v=view: self.views.select_view(v), menu=queue_menu)
        self._action("save_filter", self.save_filter, menu=queue_menu)
        self._action("assign", self.assign, menu=message_menu)
        self._action(
            "assign_me",
            lambda: self._on_selection(lambda ids: self.triage.assign(ids, self.bridge.desk.agent_name)),
            menu=message_menu,
        )
        self._action("done", lambda: self._status(Status.DONE), menu=message_menu)
        self._action("waiting", lambda: self._status(Status.WAITING), menu=message_menu)
        self._action("reopen", lambda: self._status(Status.OPEN), menu=message_menu)
        self._action("tag", self.tag, menu=message_menu)
        self._action("note", self.note, menu=message_menu)
        self._action("pv", self.mark_pv, menu=message_menu)
        self._action("pv_case", self.new_pv_case, menu=message_menu)
        self._action("hide", self.hide_on_channel, menu=message_menu)
        self._action("reply", self.reply, menu=message_menu)
        message_menu.addSeparator()
        self._action("undo", self.triage.undo, menu=message_menu)
        self._action("lock", self.lock_desk, menu=desk_menu)
        desk_menu.addSeparator()
        self._action("templates", self.show_template_library, menu=desk_menu)
        self._action("dashboard", self.show_dashboard, menu=desk_menu)
        self._action("accounts", self.show_accounts, menu=desk_menu)
        review = QAction(self.tr("PV review list"), self)
        review.setObjectName("action_pv_review_list")
        review.triggered.connect(self.show_pv_review)
        desk_menu.addAction(review)
        desk_menu.addSeparator()
        language = desk_menu.addMenu(self.tr("Language"))
        for key, label in (("system", self.tr("System language")), ("en", "English"), ("de", "Deutsch")):
            action = language.addAction(label)
            action.setObjectName(f"language_{key}")
            action.triggered.connect(lambda checked=False, k=key: self.set_language(k))
        theme = desk_menu.addMenu(self.tr("Theme"))
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            action = theme.addAction(label)
            action.setObjectName(f"theme_{key}")
            action.triggered.connect(lambda checked=False, k=key: self.set_theme(k))
        desk_menu.addSeparator()
        self._action("quit", self.close, menu=desk_menu)
        self._action("help", self.show_shortcuts, menu=help_menu)
        about = help_menu.addAction(self.tr("About cmdesk"))
        about.setObjectName("action_about")
        about.triggered.connect(self.show_about)
        self._data_actions = [a for n, a in self.actions_by_name.items() if n not in ("lock", "quit", "help")]
        self._data_actions.append(review)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel_tasks)
        for widget in (self.busy_label, self.busy_bar, self.cancel_button):
            widget.hide()
            status.addPermanentWidget(widget)
        self.sync_health = QLabel(self)
        self.sync_health.setObjectName("sync_health")
        self.sync_health.setTextFormat(Qt.TextFormat.PlainText)
        status.addPermanentWidget(self.sync_health)
        status.addPermanentWidget(self.count_label)
        self._tasks: list[Task] = []

    def _connect(self) -> None:
        b = self.bridge
        self.views.view_selected.connect(self._on_view_selected)
        self.views.saved_filter_selected.connect(self._on_saved_filter_selected)
        self.search.changed.connect(self.apply_query)
        self.view.current_message_changed.connect(self._on_current_message_changed)
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        self.model.first_page_ready.connect(self._on_first_page)
        self.model.refreshed.connect(self._on_refreshed)
        self.model.total_changed.connect(self._on_total_changed)
        self.model.load_failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.triage.finished.connect(self._on_triage_finished)
        self.triage.failed.connect(self._on_triage_failed)
        self.triage.reported.connect(self._on_triage_reported)
        self.author_panel.message_activated.connect(self.go_to_message)
        b.messages_changed.connect(self._schedule_refresh)
        # Bound methods, never lambdas, on the bridge's signals: the bridge outlives a window replaced by a
        # language change (App._on_language_change), and Qt drops a bound method's connection with its window.
        b.accounts_changed.connect(self._on_accounts_changed)
        b.locked.connect(self._on_locked)
        b.unlocked.connect(self._on_unlocked)
        b.tasks.task_started.connect(self._on_task_started)
        b.tasks.task_finished.connect(self._on_task_finished)
        b.tasks.task_progress.connect(self._on_task_progress)
        b.tasks.task_failed.connect(self._on_task_failed)
        self.lock_screen.unlock_requested.connect(self.unlock_desk)
        sync = self.sync_scheduler
        sync.health_changed.connect(self.sync_health.setText)
        sync.gap_alert.connect(lambda names: self.gap_banner.show_gaps(names, hours=sync.gap_hours))
        self.gap_banner.open_accounts_requested.connect(self.show_accounts)

    def _fill_chip_choices(self) -> None:
        desk = self.bridge.desk
        self.search.set_agents([agent.name for agent in desk.settings.agents()])
        self.views.refresh_counts()

    # -- the query ------------------------------------------------------------------------------

    def current_filter_spec(self) -> dict[str, Any]:
        return {"view": self._view, "search": self.search.search_text(), "chips": self.search.chip_state()}

    def apply_query(self) -> None:
        if self.bridge.is_locked:
            return
        desk = self.bridge.desk
        text = self.search.search_text()
        chips = filter_kwargs(self.search.chip_state(), now=desk.clock.now())
        self._wanted_id = self.view.current_id() or self._wanted_id
        self.view.set_search(text)
        self.model.set_filter(desk.queue.filter(self._view, search=text, **chips))
        self.list_first.want(text)  # the pane marks it once the list shows the hits (see ListFirst)

    def _on_view_selected(self, view: str) -> None:
        self._view = view
        self.apply_query()

    def _on_saved_filter_selected(self, name: str, spec: dict[str, Any]) -> None:
        self._view = str(spec.get("view", "all"))
        self.search.set_state(search=str(spec.get("search", "")), chips=dict(spec.get("chips", {})))

    def _on_first_page(self) -> None:
        wanted = self._wanted_id
        if wanted is not None and self.view.select_id(wanted):
            return
        if self.model.rowCount() > 0:
            self.view.go_to_row(0)

    def _schedule_refresh(self, ids: list[int] | None) -> None:
        if ids is None or self._pending_changed is None:
            self._pending_changed = None
        else:
            self._pending_changed.update(ids)
        self._refresh_timer.start()

    def _refresh_now(self) -> None:
        if self.bridge.is_locked:
            return
        changed = self._pending_changed
        self._pending_changed = set()
        self.model.refresh(changed)
        self.views.refresh_counts()
        current = self.view.current_id()
        if current is not None and (changed is None or current in changed):
            self._show_parts(current)

    def _on_refreshed(self) -> None:
        if self.view.current_id() is None and self._resume_row is not None and self.model.rowCount() > 0:
            self.view.go_to_row(min(self._resume_row, self.model.rowCount() - 1))
        self._resume_row = None

    def _on_total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 messages").replace("%1", f"{total:,}".replace(",", "\u202f")))

    def _on_current_message_changed(self, message_id: int | None) -> None:
        self.list_first.hand_over_search()  # a message shown before the list is drawn (hidden window) has the new marks
        self._show_parts(message_id)  # a new message or author drops what was loaded for the old one
        self.list_first.release()  # the same one shows what was loaded for it meanwhile

    def _show_parts(self, message_id: int | None) -> None:
        self.message_pane.show_message(message_id)
        person = None
        if message_id is not None:
            row = self.view.currentIndex().row()
            if self.model.message_id(row) != message_id:
                row = self.model.row_of(message_id) or -1
            found = self.model.queue_row(row)
            person = found.person_id if found is not None else None
        self.author_panel.show_person(person)

    # -- actions --------------------------------------------------------------------------------

    def _on_selection(self, act: Any) -> None:
        ids = self.view.selected_ids()
        if ids and not self.bridge.is_locked:
            self._resume_row = self.view.currentIndex().row()
            act(ids)

    def _status(self, status: Status) -> None:
        self._on_selection(lambda ids: self.triage.set_status(ids, status))

    def assign(self) -> None:
        def ask(ids: list[int]) -> None:
            agents = [agent.name for agent in self.bridge.desk.settings.agents()]
            name = self.triage.ask_assignee(agents)
            if name:
                self.triage.assign(ids, name)

        self._on_selection(ask)

    def tag(self) -> None:
        def ask(ids: list[int]) -> None:
            if tag := self.triage.ask_tag():
                self.triage.tag(ids, tag)

        self._on_selection(ask)

    def note(self) -> None:
        def ask(ids: list[int]) -> None:
            if text := self.triage.ask_note():
                self.triage.note(ids, text)

        self._on_selection(ask)

    def mark_pv(self) -> None:
        def ask(ids: list[int]) -> None:
            decision = self.triage.ask_pv_decision(len(ids))
            if decision is not None:
                relevant, reason = decision
                self.triage.mark_pv(ids, reason, relevant=relevant)

        self._on_selection(ask)

    def new_pv_case(self) -> None:
        from ui.pv.actions import new_case_from_selection

        if not self.bridge.is_locked:
            new_case_from_selection(self, self.bridge, self.view.selected_ids())

    def hide_on_channel(self) -> None:
        self._on_selection(self.triage.hide)

    def go_to_message(self, message_id: int) -> None:
        """Jump to a message from elsewhere (the author's timeline): in this view if it is there, else in All."""
        if self.view.select_id(message_id):
            return
        self._wanted_id = message_id
        self.search.set_state(search="", chips={})
        self.views.select_view("all")

    # -- other windows -------------------------------------------------------------------------------

    def _window(self, name: str, make: Any) -> Any:
        found = self._windows.get(name)
        if found is None:
            found = self._windows[name] = make()
            found.setWindowFlag(Qt.WindowType.Window, True)
        found.show()
        found.raise_()
        found.activateWindow()
        return found

    def show_template_library(self) -> None:
        from ui.templates.library import TemplateLibrary

        self._window("templates", lambda: TemplateLibrary(self.bridge, self))

    def show_dashboard(self) -> None:
        from ui.dashboard.dashboard import Dashboard

        def make() -> Any:
            board = Dashboard(self.bridge, self)
            board.setWindowTitle(self.tr("Dashboard"))
            board.resize(1100, 720)
            board.show_messages.connect(self.show_filter)
            return board

        board = self._window("dashboard", make)
        if hasattr(board, "refresh"):
            board.refresh()

    def show_pv_review(self) -> None:
        from ui.pv.review_view import ReviewView

        view = self._window("pv_review", lambda: ReviewView(self.bridge, self))
        view.refresh()

    def show_accounts(self) -> None:
        from ui.accounts.accounts_page import AccountsPage

        self._window("accounts", lambda: AccountsPage(self.bridge, scheduler=self.sync_scheduler, parent=self))

    def show_about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self, store=str(self.bridge.desk.path)).exec()

    def show_filter(self, queue_filter: Any) -> None:
        """A figure on the dashboard was clicked: show exactly those messages in the queue."""
        self._view = queue_filter.view
        self.model.set_filter(queue_filter)
        self.activateWindow()
        self.raise_()

    def _on_triage_failed(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)
        QMessageBox.warning(self, self.tr("Not done"), text)

    def _on_triage_reported(self, text: str, skipped: list[tuple[int, str]]) -> None:
        self.statusBar().showMessage(text, 8_000)
        if skipped:
            lines = "\n".join(f"#{mid}: {why}" for mid, why in skipped[:12])
            more = len(skipped) - 12
            if more > 0:
                lines += "\n" + self.tr("… and %n more", "", more)
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Some messages were left as they were"), text, parent=self
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setInformativeText(lines)
            box.open()

    def reply(self) -> None:
        if self.view.current_id() is not None:
            self.message_pane.start_reply()

    def open_current(self) -> None:
        if self.view.current_id() is not None:
            self.message_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def back_to_queue(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_triage_finished(self, ids: list[int]) -> None:
        self._schedule_refresh(ids or None)

    def save_filter(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of the filter:"))
        if ok and name.strip():
            spec = self.current_filter_spec()
            self.views.saved.save(name.strip(), view=spec["view"], search=spec["search"], chips=spec["chips"])
            self.views.rebuild()

    def show_shortcuts(self) -> None:
        shortcuts.ShortcutHelp(self).open()

    # -- settings ---------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.bridge.desk.settings.set("ui_language", language)
        self.language_change_requested.emit(language)

    def set_theme(self, theme: str) -> None:
        self.bridge.desk.settings.set("theme", theme)
        self.theme_change_requested.emit(theme)

    # -- locking ------------------------------------------------------------------------------------

    def lock_desk(self) -> None:
        self.bridge.lock()

    def unlock_desk(self) -> None:
        desk = self.bridge.desk
        if read_keyinfo(desk.path).mode == "keyring":
            try:
                self.bridge.unlock()
            except Exception as err:  # a user error from the keyring: show it, stay locked
                self.statusBar().showMessage(error_text(err), 10_000)
            return
        self.unlock_dialog = UnlockDialog(
            store_label=desk.path.name, try_unlock=lambda p: self.bridge.unlock(passphrase=p), parent=self
        )
        self.unlock_dialog.open()

    def _on_locked(self) -> None:
        self._refresh_timer.stop()
        self.model.clear()
        self.views.clear_counts()
        self.message_pane.show_message(None)
        self.author_panel.show_person(None)
        self.search.field.clear()
        self.count_label.clear()
        self.idle.stop()
        for action in self._data_actions:
            action.setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.button.setFocus()

    def _on_unlocked(self) -> None:
        for action in self._data_actions:
            action.setEnabled(True)
        self.stack.setCurrentWidget(self.splitter)
        self.idle.set_minutes(float(self.bridge.desk.settings.get("idle_lock_minutes")))
        self.views.refresh_counts()
        self.apply_query()
        self.view.setFocus()

    # -- tasks ------------------------------------------------------------------------------------

    def _on_task_started(self, task: Task) -> None:
        self._tasks.append(task)
        self._show_busy()

    def _on_task_finished(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self._show_busy()

    def _on_accounts_changed(self, _account_id: object) -> None:
        self.views.refresh_counts()

    def _on_task_failed(self, _task: object, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def _on_task_progress(self, task: Task, done: int, total: int) -> None:
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(done)

    def _show_busy(self) -> None:
        busy = bool(self._tasks)
        if busy:
            self.busy_label.setText(self._tasks[-1].label)
            self.busy_bar.setRange(0, 0)
        for widget in (self.busy_label, self.busy_bar, self.cancel_button):
            widget.setVisible(busy)

    def _cancel_tasks(self) -> None:
        for task in self._tasks:
            task.cancel()

    # -- window --------------------------------------------------------------------------------

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/right", self.right.saveState())
        settings.setValue("window/header", self.view.header_state())

    def restore_layout(self, settings: QSettings) -> None:
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/splitter", self.splitter.restoreState),
            ("window/right", self.right.restoreState),
            ("window/header", self.view.restore_header_state),
        ):
            value = settings.value(key)
            if value is not None:
                restore(value)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync_scheduler.stop()
        self.idle.detach()
        super().closeEvent(event)
