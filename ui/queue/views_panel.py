"""The left column: the queue's views with live counts, one per channel account, and saved filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from cmdesk.errors import NotFound
from ui.bridge import DeskBridge
from ui.queue.saved_filters import SavedFilters
from ui.widgets import icons

KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2
RECOUNT_PAUSE_MS = 2_000  # counts are approximate in time, never in value: no need to recount faster
COUNT_DELAY_MS = 100  # requests this close together are one count (start-up asks several times at once)


class ViewsPanel(QTreeWidget):
    """Emits ``view_selected(view)`` or ``saved_filter_selected(name, spec)`` when the user picks one."""

    view_selected = Signal(str)
    counts_changed = Signal()
    saved_filter_selected = Signal(str, dict)

    def __init__(self, bridge: DeskBridge, *, saved: SavedFilters, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("views_panel")
        self._bridge = bridge
        self.saved = saved
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)
        self._counts: dict[str, int] = {}
        self._account_names: dict[int, tuple[str, str]] = {}
        self._current: tuple[str, str] = ("view", "my")
        self._counting = False
        self._recount = False
        # Bumped by clear_counts (a lock): a count from before it is neither shown nor awaited. A lock's drain
        # cancels a running count, and a cancelled task calls back nothing, so _counting is reset there too.
        self._generation = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_now)
        bridge.locked.connect(self.clear_counts)
        self.rebuild()

    def view_titles(self) -> dict[str, str]:
        return {
            "my": self.tr("My queue"),
            "unassigned": self.tr("Unassigned"),
            "pv_review": self.tr("PV review"),
            "waiting": self.tr("Waiting"),
            "done": self.tr("Done"),
            "all": self.tr("All"),
        }

    def title_of(self, view: str) -> str:
        if view.startswith("account:"):
            return self._account_names.get(int(view.split(":", 1)[1]), (view, ""))[0]
        return self.view_titles().get(view, view)

    # -- filling -------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Recount every view off the UI thread (covering indexes only, a quarter second on a million messages).

        Requests within COUNT_DELAY_MS are one count, which starts after the queue's own first read;
        while a count runs, further requests are folded into one more count after it.
        """
        if not self._bridge.is_locked:
            self._count_timer.start()

    def _count_now(self) -> None:
        if self._bridge.is_locked:
            return
        if self._counting:
            self._recount = True
            return
        self._counting = True
        self._recount = False
        generation = self._generation
        desk = self._bridge.desk

        def work() -> tuple[dict[str, int], dict[int, tuple[str, str]]]:
            counts = desk.queue.view_counts()
            names: dict[int, tuple[str, str]] = {}
            for key in counts:
                if key.startswith("account:"):
                    account_id = int(key.split(":", 1)[1])
                    try:
                        account = desk.messages.account(account_id)
                    except NotFound:
                        continue
                    names[account_id] = (account.name, account.kind.value)
            return counts, names

        self._bridge.tasks.read(
            work,
            on_done=lambda result: self._on_counts(result, generation),
            on_error=lambda err: self._on_count_failed(err, generation),
        )

    def _on_counts(self, result: tuple[dict[str, int], dict[int, tuple[str, str]]], generation: int) -> None:
        if generation != self._generation:
            return  # counted before a lock: the count after it is the one waited for
        self._counting = False
        if self._bridge.is_locked:
            return
        self._counts, self._account_names = result
        self.rebuild()
        self.counts_changed.emit()
        if self._recount:
            QTimer.singleShot(RECOUNT_PAUSE_MS, self, self.refresh_counts)

    def _on_count_failed(self, err: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._counting = False  # the desk was locked under the count; the next unlock counts again

    def clear_counts(self) -> None:
        """Forget the counts (on lock); a count still running is dropped, so the next request counts at once."""
        self._count_timer.stop()
        self._generation += 1
        self._counting = False
        self._recount = False
        self._counts = {}
        self._account_names = {}
        self.rebuild()

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def rebuild(self) -> None:
        self.blockSignals(True)
        self.clear()
        views = self._group(self.tr("Views"))
        for key, title in self.view_titles().items():
            self._entry(views, kind="view", key=key, title=title, count=self._counts.get(key))
        if self._account_names:
            channels = self._group(self.tr("Channels"))
            for account_id, (name, kind) in sorted(self._account_names.items(), key=lambda kv: kv[1][0].lower()):
                item = self._entry(
                    channels,
                    kind="view",
                    key=f"account:{account_id}",
                    title=name,
                    count=self._counts.get(f"account:{account_id}"),
                )
                item.setIcon(0, icons.channel_icon(kind))
        saved = self.saved.all()
        if saved:
            group = self._group(self.tr("Saved filters"))
            for name in sorted(saved, key=str.lower):
                self._entry(group, kind="saved", key=name, title=name, count=None)
        self.expandAll()
        self.blockSignals(False)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _entry(self, parent: QTreeWidgetItem, *, kind: str, key: str, title: str, count: int | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [title, "" if count is None else f"{count:,}".replace(",", "\u202f")])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, KEY_ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (kind, key) == self._current:
            item.setSelected(True)
            self.setCurrentItem(item)
        return item

    # -- choosing --------------------------------------------------------------------------

    def select_view(self, view: str) -> None:
        """Programmatic choice (keyboard shortcuts, start-up); emits like a click."""
        self._current = ("view", view)
        self.rebuild()
        self.view_selected.emit(view)

    def _on_item_activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        kind = item.data(0, KIND_ROLE)
        key = item.data(0, KEY_ROLE)
        if not kind:
            return
        self._current = (str(kind), str(key))
        if kind == "view":
            self.view_selected.emit(str(key))
        else:
            spec: dict[str, Any] = self.saved.all().get(str(key), {})
            self.saved_filter_selected.emit(str(key), spec)

    def _on_context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(0, KIND_ROLE) != "saved":
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Delete saved filter"))
        if menu.exec(self.viewport().mapToGlobal(pos)) is remove:
            self.saved.remove(str(item.data(0, KEY_ROLE)))
            self.rebuild()
