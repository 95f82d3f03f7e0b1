"""The queue table: fixed row heights and column widths, so a million rows scroll smoothly."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.queue import columns as cols
from ui.queue.delegates import ExcerptDelegate
from ui.queue.model import QueueModel

# After a new query or a jump the list is painted first; the message pane and author panel, whose loads
# compete with that paint for the CPU, hear about the current message right after that paint (at the
# latest ANNOUNCE_DELAY_MS later, if the list is not on screen), and not at all when another query
# starts before: typing or clicking through filters loads no message on the way.
ANNOUNCE_DELAY_MS = 100
# On a narrow screen (1366 px with the panes beside it, longer German titles) the excerpt, the column the user
# reads, was left with about 125 px. Author and Assignee give way first, down to what still shows a first name.
EXCERPT_ROOM = 240
GIVE_WAY_MINIMUM = {cols.AUTHOR: 84, cols.ASSIGNEE: 64}


class QueueView(QTableView):
    """Shows a QueueModel; tells which message is current and keeps the user's place on refresh."""

    current_message_changed = Signal(object)  # message id | None
    selection_changed = Signal()
    painted = Signal()  # the list has been drawn (the selftest times queries up to the paint that shows them)

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_view")
        self._queue = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        for column, width in enumerate(cols.WIDTHS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            fits = header.fontMetrics().horizontalAdvance(cols.widest_sample(column)) + 16
            header.resizeSection(column, max(width, fits) if column != cols.CHANNEL else width)
        header.setSectionResizeMode(cols.CHANNEL, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(cols.TEXT, QHeaderView.ResizeMode.Stretch)
        self._natural = {column: header.sectionSize(column) for column in GIVE_WAY_MINIMUM}  # as set or dragged
        self._fitting = False
        header.sectionResized.connect(self._on_section_resized)
        self.excerpt_delegate = ExcerptDelegate(self)
        self._top_id: int | None = None
        self._last_current: int | None = None
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(ANNOUNCE_DELAY_MS)
        self._announce.timeout.connect(self._emit_current)
        self._search = ""
        self._jumping = False  # go_to_row is moving more than one row
        self._search_waits = False  # a query is loading: its first page brings the new search marks
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.layoutAboutToBeChanged.connect(self._remember_place)
        model.layoutChanged.connect(self._restore_place)
        model.layoutChanged.connect(self._emit_current)
        model.modelReset.connect(self._on_reset)
        model.query_started.connect(self._on_query_started)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._give_way()

    def _give_way(self) -> None:
        """Narrow Author and Assignee (in proportion, not below a minimum or title) so the excerpt keeps EXCERPT_ROOM.

        With room again they return to the width they had, as set at start, dragged or restored.
        """
        header = self.horizontalHeader()
        shown = {column: width for column, width in self._natural.items() if not header.isSectionHidden(column)}
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != cols.TEXT and column not in GIVE_WAY_MINIMUM and not header.isSectionHidden(column)
        )
        room = self.viewport().width() - others - EXCERPT_ROOM
        wanted = sum(shown.values())
        scale = 1.0 if wanted <= room else max(room, 0) / wanted
        self._fitting = True
        try:
            for column, natural in shown.items():
                title = header.fontMetrics().horizontalAdvance(cols.title(column)) + 16  # "Zuständig" stays whole
                least = min(natural, max(GIVE_WAY_MINIMUM[column], title))
                header.resizeSection(column, max(least, min(natural, int(natural * scale))))
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == cols.TEXT:
            return
        if column in self._natural:
            self._natural[column] = new  # the user's width is the one to return to
        else:
            QTimer.singleShot(0, self, self._give_way)  # another column took or gave room

    def header_state(self) -> QByteArray:
        """The header's layout to save, with Author and Assignee at their own widths, not as narrowed for now.

        Saved narrowed, a layout from a small screen would keep them narrow on a big one.
        """
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for column, natural in self._natural.items():
                header.resizeSection(column, natural)
            state = header.saveState()
        finally:
            self._fitting = False
        self._give_way()
        return state

    def restore_header_state(self, state: QByteArray) -> bool:
        """Put back a saved layout (restoreState tells no one which sections changed: their widths are read here)."""
        header = self.horizontalHeader()
        restored = header.restoreState(state)
        self._natural = {column: header.sectionSize(column) for column in GIVE_WAY_MINIMUM}
        self._give_way()
        return restored

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._announce.isActive():
            self._announce.start(0)  # the list is on screen: the others may load the message now
        self.painted.emit()

    def set_search(self, search: str) -> None:
        """Mark search hits in the excerpts; without a search the default (C++) painting is used, which is faster.

        When a query for the search follows (the window sets both), the marks change with its first
        page: the rows still shown are not painted again for a search they were not found by.
        """
        self._search = search
        self._search_waits = False
        QTimer.singleShot(0, self, self._apply_search_now)

    def _apply_search_now(self) -> None:
        if not self._search_waits:
            self._apply_search()

    def _apply_search(self) -> None:
        self.excerpt_delegate.set_search(self._search)
        delegate = self.excerpt_delegate if self._search.strip() else None
        if self.itemDelegateForColumn(cols.TEXT) is not delegate:  # setting it repaints and lays out everything
            self.setItemDelegateForColumn(cols.TEXT, delegate)  # type: ignore[arg-type]
        elif delegate is not None:
            self.viewport().update()

    def _on_query_started(self) -> None:
        self._announce.stop()  # the row picked for the last query is passed over
        self._search_waits = True

    # -- what is selected ------------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self._queue.message_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected messages, or the current one when nothing is selected (actions work on these)."""
        selection = self.selectionModel().selection()
        ranges = [(selection.at(i).top(), selection.at(i).bottom()) for i in range(selection.count())]
        ids = self._queue.ids_in_rows(sorted(ranges))
        if not ids and (current := self.current_id()) is not None:
            ids = [current]
        return list(dict.fromkeys(ids))

    def go_to_row(self, row: int) -> None:
        """Make ``row`` current and selected, and scroll it into view.

        A jump (more than one row away) repaints the list, which comes first: the message pane hears
        of the new message once it is painted. A step to the next or previous row is announced at once.
        """
        if not 0 <= row < self._queue.rowCount():
            return
        current = self.currentIndex()
        self._jumping = not current.isValid() or abs(current.row() - row) > 1
        index = self._queue.index(row, cols.TEXT)
        try:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        finally:
            self._jumping = False
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def step(self, step: int) -> None:
        """j/k: the next or previous message."""
        current = self.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.go_to_row(max(0, min(row, self._queue.rowCount() - 1)))

    def select_id(self, message_id: int) -> bool:
        row = self._queue.row_of(message_id)
        if row is None:
            return False
        self.go_to_row(row)
        return True

    # -- keeping the place -------------------------------------------------------------------------

    def _remember_place(self) -> None:
        top = self.indexAt(QPoint(0, 0))
        self._top_id = self._queue.message_id(top.row()) if top.isValid() else None

    def _restore_place(self) -> None:
        if self._top_id is None:
            return
        row = self._queue.row_of(self._top_id)
        if row is not None:
            self.scrollTo(self._queue.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _on_reset(self) -> None:
        # A new query resets the model and the window selects a row right after: announce the current
        # message once, after the list is painted (and without a "nothing selected" in between).
        self._top_id = None
        self._announce.start(ANNOUNCE_DELAY_MS)
        if self._search_waits:
            self._search_waits = False
            self._apply_search()

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._queue.announcing_first_page or self._jumping:
            self._announce.start(ANNOUNCE_DELAY_MS)
        else:
            self._emit_current()

    def _emit_current(self) -> None:
        self._announce.stop()
        mid = self.current_id()
        if mid != self._last_current:
            self._last_current = mid
            self.current_message_changed.emit(mid)

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.selection_changed.emit()
