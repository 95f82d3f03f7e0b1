"""The message pane's search marks follow the queue: they change once the list has drawn the new hits.

Re-marking a long thread takes the UI thread (and Python's lock) for 10-30 ms that the search itself
needs more; the pane is not what the user looks at while a search runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.bridge import DeskBridge
from ui.queue.model import QueueModel
from ui.queue.view import QueueView


class PaneSearch(QObject):
    """Hands a new search text to the bridge after the paint that follows its first page (or a failed read)."""

    def __init__(self, bridge: DeskBridge, model: QueueModel, view: QueueView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._text: str | None = None  # waiting to be handed over
        self._armed = False  # the first page is in: the next paint shows it
        view.painted.connect(self._on_painted)
        model.first_page_ready.connect(self._arm)
        model.load_failed.connect(lambda _text: self.apply())

    def want(self, text: str) -> None:
        """A query for ``text`` has started."""
        self._text = text
        self._armed = False

    def apply(self) -> None:
        """Hand the waiting search over now (a message is about to be shown, or the read failed)."""
        self._armed = False
        if self._text is not None:
            text, self._text = self._text, None
            self._bridge.set_search_text(text)

    def _arm(self) -> None:
        self._armed = True

    def _on_painted(self) -> None:
        if self._armed:
            self.apply()
