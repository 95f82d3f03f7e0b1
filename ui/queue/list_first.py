"""While a query loads, the list comes first: the side panels and the pane's search marks wait for its first paint.

A new query's first page is read off the UI thread, but the read needs Python's lock, and the
paint needs the UI thread. Whatever else the window does meanwhile adds to the wait the user sees:
re-marking a long thread took 10-30 ms, and a message or author that finished loading (a selection
made just before the click) 20-45 ms of layout and paint. Those panels are about to change anyway:
the new first page selects its own row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer

from ui.bridge import DeskBridge
from ui.queue.model import QueueModel
from ui.queue.view import QueueView
from ui.widgets.delivery import Delivery

UNPAINTED_RELEASE_MS = 500


class ListFirst(QObject):
    """Holds back the panels' deliveries and the search text from a query's start until the paint after its first page.

    Released early when the read fails, or when the view announces a current message; and at the latest
    UNPAINTED_RELEASE_MS after the first page, for a list that is not painted (a minimised window).
    """

    def __init__(
        self,
        bridge: DeskBridge,
        model: QueueModel,
        view: QueueView,
        deliveries: Sequence[Delivery],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._deliveries = tuple(deliveries)
        self._text: str | None = None  # waiting to be handed over
        self._armed = False  # the first page is in: the next paint shows it
        self._after_paint = QTimer(self)  # a release waits for the frame to go out, not inside the list's paint
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)
        self._after_paint.timeout.connect(self.release)
        self._unpainted = QTimer(self)  # a list never painted (minimised window) holds nothing back for long
        self._unpainted.setSingleShot(True)
        self._unpainted.setInterval(UNPAINTED_RELEASE_MS)
        self._unpainted.timeout.connect(self.release)
        view.painted.connect(self._on_painted)
        model.query_started.connect(self._on_query_started)
        model.first_page_ready.connect(self._arm)
        model.load_failed.connect(lambda _text: self.release())

    def want(self, text: str) -> None:
        """A query for the search ``text`` has started: the pane marks it once the list shows the hits."""
        self._text = text
        self._armed = False

    def hand_over_search(self) -> None:
        """Hand the waiting search text to the bridge now (a message is about to be shown: it gets the marks)."""
        if self._text is not None:
            text, self._text = self._text, None
            self._bridge.set_search_text(text)

    def release(self) -> None:
        """Hand the search over and show what the panels loaded meanwhile, now."""
        self._armed = False
        self._after_paint.stop()
        self._unpainted.stop()
        self.hand_over_search()
        for delivery in self._deliveries:
            delivery.resume()

    def _on_query_started(self) -> None:
        self._armed = False
        self._after_paint.stop()  # the last query's release must not let this one's loads through
        self._unpainted.stop()
        for delivery in self._deliveries:
            delivery.pause()

    def _arm(self) -> None:
        self._armed = True
        self._unpainted.start()

    def _on_painted(self) -> None:
        if self._armed:
            self._armed = False
            self._after_paint.start()
