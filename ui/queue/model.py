"""The queue table: ordered ids of the current query, row data loaded lazily in batches.

Like Anki's browser model: SQL filters and sorts, the model keeps only the id array
(8 bytes a row) and a bounded cache of rows around what is on screen. A new filter shows
its first page and first rows from one background read; then the exact count (rowCount is
exact from then on, rows past the loaded ids show "loading…"), then the full id list. Reads
for a filter the user has already left are cancelled inside SQLite.
"""

from __future__ import annotations

import sys
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from cmdesk.queue import QueueFilter, QueueRow, ReadCanceller
from ui.bridge import DeskBridge
from ui.error_text import error_text
from ui.queue import columns as cols

BATCH = 50
CACHE_ROWS = 4_000
FIRST_PAGE = 200
FIRST_ROWS = 60  # rows read with the first page: a screenful and the current message, no read on the UI thread
COUNT_DELAY_MS = 50  # the exact count and the id list start once the first page is painted
FEW_PLACES = 16  # up to this many ids are found one by one in the id list; more with one pass

Index = QModelIndex | QPersistentModelIndex
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLE_SLOT = {int(role): slot for slot, role in enumerate(cols.ROLES)}
_MESSAGE_ID_ROLE = int(cols.MESSAGE_ID_ROLE)
_COLUMNS = range(len(cols.COLUMNS))


def find_rows(ids: array[int], wanted: Iterable[int], *, packed: bytes | None = None) -> dict[int, int]:
    """Row of each wanted id in ``ids`` (ids not there are left out), without a dict of the whole list.

    A few ids are searched as 8-byte patterns in the packed list (C speed, ~1 ms per million rows);
    many ids in one pass over the list.
    """
    wanted = set(wanted)
    if len(wanted) > FEW_PLACES:
        return {mid: row for row, mid in enumerate(ids) if mid in wanted}
    data = ids.tobytes() if packed is None else packed
    found: dict[int, int] = {}
    for mid in wanted:
        needle = int(mid).to_bytes(8, sys.byteorder, signed=True)
        at = data.find(needle)
        while at % 8 and at != -1:  # a match across two ids: look further
            at = data.find(needle, at + 1)
        if at != -1:
            found[mid] = at // 8
    return found


class QueueModel(QAbstractTableModel):
    """Rows are messages in queue order; ``MessageIdRole`` gives the id of a row."""

    query_started = Signal()  # set_filter was called: rows of the new filter follow
    first_page_ready = Signal()  # the first screenful is shown for a new filter
    ids_loaded = Signal()  # the full ordered id list is in (jumping anywhere is instant)
    refreshed = Signal()  # a refresh of the same filter has been swapped in
    total_changed = Signal(int)
    load_failed = Signal(str)  # one line fit to show

    def __init__(self, bridge: DeskBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._filter: QueueFilter | None = None
        self._ids: array[int] = array("q")
        self._packed: bytes | None = None  # self._ids as bytes, made when an id's row is looked up
        self._total = 0
        self._complete = True
        self._generation = 0
        self._canceller = ReadCanceller()  # stops the reads of the query shown; replaced with each query
        self._cache: OrderedDict[int, QueueRow] = OrderedDict()
        # per message: [row, then one tuple of cells per role of cols.ROLES, made when first asked]
        self._rendered: dict[int, list[Any]] = {}
        self._announcing_first_page = False
        # set_filter's first page is not shown yet: a refresh superseding its read announces its ids instead
        self._first_page_pending = False

    # -- what is shown ------------------------------------------------------------------------

    @property
    def filter(self) -> QueueFilter | None:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def announcing_first_page(self) -> bool:
        """True while ``first_page_ready`` is being handled (the window picks the row to show)."""
        return self._announcing_first_page

    @property
    def complete(self) -> bool:
        """True once every id of the query is loaded."""
        return self._complete

    def set_filter(self, f: QueueFilter) -> None:
        """Show ``f``: the first page at once, then the exact count, then the rest of the ids.

        The first page and its first rows come from one read off the UI thread; count and full id
        list follow one after the other once the first page is shown, so they never slow it down.
        """
        self._filter = f
        generation = self._next_generation()
        self._first_page_pending = True
        queue = self._bridge.desk.queue
        self.query_started.emit()

        def first_page() -> tuple[array[int], dict[int, QueueRow]]:
            first = queue.first_ids(f, limit=FIRST_PAGE)
            return first, queue.rows(first[:FIRST_ROWS])

        self._bridge.tasks.read(
            first_page,
            on_done=lambda result: self._on_first_page(generation, f, *result),
            on_error=lambda err: self._on_failed(generation, err),
        )

    def refresh(self, changed: Iterable[int] | None = None) -> None:
        """Run the same query again (new or changed messages) keeping selection and place."""
        if self._filter is None:
            return
        if changed is None:
            self._cache.clear()
            self._rendered.clear()
        else:
            for mid in changed:
                self._cache.pop(mid, None)
                self._rendered.pop(mid, None)
        generation = self._next_generation()
        f, canceller, queue = self._filter, self._canceller, self._bridge.desk.queue
        self._bridge.tasks.read(
            lambda: queue.ids(f, canceller=canceller),
            on_done=lambda ids: self._swap_ids(generation, ids, refresh=True),
            on_error=lambda err: self._on_failed(generation, err),
        )

    def clear(self) -> None:
        """Forget everything (the desk was locked)."""
        self._next_generation()
        self._first_page_pending = False
        self.beginResetModel()
        self._filter = None
        self._set_ids(array("q"))
        self._total = 0
        self._complete = True
        self._cache.clear()
        self._rendered.clear()
        self.endResetModel()
        self.total_changed.emit(0)

    def message_id(self, row: int) -> int | None:
        if 0 <= row < len(self._ids):
            return self._ids[row]
        return None

    def row_of(self, message_id: int) -> int | None:
        if self._packed is None:
            self._packed = self._ids.tobytes()
        return find_rows(self._ids, [message_id], packed=self._packed).get(message_id)

    def ids_in_rows(self, ranges: Iterable[tuple[int, int]]) -> list[int]:
        """Message ids of inclusive row ranges (a selection), without touching row data."""
        result: list[int] = []
        for top, bottom in ranges:
            result.extend(self._ids[max(top, 0) : min(bottom + 1, len(self._ids))])
        return result

    def queue_row(self, row: int) -> QueueRow | None:
        mid = self.message_id(row)
        if mid is None:
            return None
        found = self._cache.get(mid)
        if found is None:
            self._fetch_around(row)
            found = self._cache.get(mid)
        return found

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's own signature
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(cols.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(cols.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cols.title(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cols.tooltip(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot = _ROLE_SLOT.get(role)
        if slot is None:
            return self.message_id(index.row()) if role == _MESSAGE_ID_ROLE and index.isValid() else None
        return self._cell(index.row(), index.column(), slot) if index.isValid() else None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:  # noqa: N803  # Qt's own signature
        """Every role of a cell in one call: the item delegate asks seven roles per cell on each paint."""
        valid = index.isValid()
        row, column = index.row(), index.column()
        for i in range(roleDataSpan.size()):
            role_data = roleDataSpan[i]
            role = role_data.role()
            slot = _ROLE_SLOT.get(role)
            if valid and slot is not None:
                role_data.setData(self._cell(row, column, slot))
            elif valid and role == _MESSAGE_ID_ROLE:
                role_data.setData(self.message_id(row))
            else:
                role_data.clearData()

    def _cell(self, row: int, column: int, slot: int) -> Any:
        """What a cell shows for the role in ``slot`` of cols.ROLES; a row's cells are made once per role."""
        if row < 0 or row >= self._total:
            return None
        if row >= len(self._ids):
            return cols.loading(column, cols.ROLES[slot])
        mid = self._ids[row]
        cells = self._rendered.get(mid)
        if cells is None:
            found = self.queue_row(row)
            if found is None:  # deleted since the ids were read; the next refresh drops it
                return None
            if len(self._rendered) >= CACHE_ROWS:
                self._rendered.clear()
            cells = self._rendered[mid] = [found, None, None, None, None]
        values = cells[slot + 1]
        if values is None:
            role, now = cols.ROLES[slot], self._now()
            values = cells[slot + 1] = tuple(cols.value(cells[0], c, role, now=now) for c in _COLUMNS)
        return values[column]

    def forget_rendering(self) -> None:
        """Ages and due times move with the clock: drop what was drawn, keep the row data."""
        self._rendered.clear()
        if self._total:
            self.dataChanged.emit(self.index(0, cols.AGE), self.index(self._total - 1, cols.AGE))

    # -- loading -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self._bridge.desk.clock.now()

    def _next_generation(self) -> int:
        """A new query starts: reads still running for the old one stop inside SQLite."""
        self._canceller.cancel()
        self._canceller = ReadCanceller()
        self._generation += 1
        return self._generation

    def _set_ids(self, ids: array[int]) -> None:
        self._ids = ids
        self._packed = None

    def _fetch_around(self, row: int) -> None:
        """One SQL query for a screenful around ``row``; cheap enough for the UI thread (a few ms)."""
        start = max(0, min(row - BATCH // 2, len(self._ids) - BATCH))
        wanted = [mid for mid in self._ids[start : start + BATCH] if mid not in self._cache]
        if not wanted or self._bridge.desk.is_locked:
            return
        self._keep(self._bridge.desk.queue.rows(wanted))

    def _keep(self, rows: dict[int, QueueRow]) -> None:
        self._cache.update(rows)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _on_first_page(self, generation: int, f: QueueFilter, first: Sequence[int], rows: dict[int, QueueRow]) -> None:
        if generation != self._generation:
            return
        self._cache.clear()
        self._show_first_page(array("q", first), rows, complete=len(first) < FIRST_PAGE)
        if self._complete:
            self.ids_loaded.emit()
            return
        QTimer.singleShot(COUNT_DELAY_MS, self, lambda: self._start_count(generation, f))

    def _show_first_page(self, ids: array[int], rows: dict[int, QueueRow], *, complete: bool) -> None:
        """Show a new query's rows from scratch and announce them (the window picks a row, ListFirst arms)."""
        self._first_page_pending = False
        self.beginResetModel()
        self._set_ids(ids)
        self._complete = complete
        self._total = len(ids)
        self._rendered.clear()
        self._keep(rows)
        self.endResetModel()
        self.total_changed.emit(self._total)
        self._announcing_first_page = True
        try:
            self.first_page_ready.emit()
        finally:
            self._announcing_first_page = False

    def _start_count(self, generation: int, f: QueueFilter) -> None:
        if generation != self._generation:
            return  # another query started meanwhile
        queue, canceller = self._bridge.desk.queue, self._canceller
        self._bridge.tasks.read(
            lambda: queue.count(f, canceller=canceller),
            on_done=lambda total: self._on_count(generation, f, total),
            on_error=lambda err: self._on_failed(generation, err),
        )

    def _on_count(self, generation: int, f: QueueFilter, total: int) -> None:
        """The exact count: rows past the loaded ids show as loading until the id list arrives."""
        if generation != self._generation:
            return
        if not self._complete and total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
            self.total_changed.emit(total)
        queue, canceller = self._bridge.desk.queue, self._canceller
        self._bridge.tasks.read(
            lambda: queue.ids(f, canceller=canceller),
            on_done=lambda ids: self._swap_ids(generation, ids, refresh=False),
            on_error=lambda err: self._on_failed(generation, err),
        )

    def _swap_ids(self, generation: int, ids: array[int], *, refresh: bool) -> None:
        """Put in a new ordered id list; persistent indexes (selection, current) follow their ids."""
        if generation != self._generation or (not refresh and self._complete):
            return  # stale, or the first page already held everything
        if refresh and self._first_page_pending:
            # The refresh superseded the new query's first page, which was dropped unseen: without this the
            # window would never pick a row and ListFirst would hold the panes back until the user clicks.
            self._show_first_page(ids, {}, complete=True)
            self.ids_loaded.emit()
            self.refreshed.emit()
            return
        old_ids = self._ids
        old_total = self._total
        new_total = len(ids)
        if new_total > old_total:
            self.beginInsertRows(QModelIndex(), old_total, new_total - 1)
            self._total = new_total
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_mids = [old_ids[index.row()] if 0 <= index.row() < len(old_ids) else None for index in persistent]
        new_rows = find_rows(ids, {mid for mid in old_mids if mid is not None})
        moved_to: list[QModelIndex] = []
        for index, mid in zip(persistent, old_mids, strict=True):
            new_row = None if mid is None else new_rows.get(mid)
            moved_to.append(QModelIndex() if new_row is None else self.index(new_row, index.column()))
        self._set_ids(ids)
        self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()
        if new_total < old_total:
            self.beginRemoveRows(QModelIndex(), new_total, old_total - 1)
            self._total = new_total
            self.endRemoveRows()
        self._complete = True
        if new_total != old_total:
            self.total_changed.emit(new_total)
        if not refresh and len(old_ids) < new_total:
            self.dataChanged.emit(self.index(len(old_ids), 0), self.index(new_total - 1, len(cols.COLUMNS) - 1))
        self.ids_loaded.emit()
        if refresh:
            self.refreshed.emit()

    def _on_failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation or self._bridge.desk.is_locked:
            return  # a lock closes the store under running reads; that is not an error
        self.load_failed.emit(error_text(err))
