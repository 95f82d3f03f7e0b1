"""Python's cycle collector in a long-lived window: only on the UI thread, and start-up set aside once.

**Only on the UI thread.** CPython's automatic collector runs in whichever thread happens to
allocate when a threshold is crossed, often a task worker building a result. A Qt widget that a
closed dialog left in a reference cycle (a lambda connected to its own signal is enough) is then
destroyed in that worker, while the UI thread may be inside Qt without the GIL: Qt objects must be
destroyed on their own thread, and the process can crash (CI saw a segmentation fault inside a
collection started by the dashboard's count worker). :class:`UiThreadCollector` switches the
automatic collector off and runs the same generational collections from a timer on the UI thread.
Reference counting is unaffected: only cyclic garbage waits, a quarter of a second at most while
the event loop runs.

**Start-up set aside.** The window keeps tens of thousands of long-lived objects: modules, Qt
wrappers, the analysis lexicons. Every full collection walks all of them (29 ms measured with the
10^6 demo store) and can land in the middle of any click or search. Once the first page is shown,
one collection frees start-up's garbage and ``gc.freeze()`` moves the survivors out of the
collector's way for the rest of the session. Objects made later are collected as before. A window
that is rebuilt (a language change) first releases what was set aside, so the old window can be
collected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 250  # how often the UI thread looks at the collector's counts; a check that finds nothing due costs ~1 µs

_state = {"done": False}


def generation_due(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The generation CPython's automatic collector would collect now, or None.

    ``counts`` and ``thresholds`` as ``gc.get_count()`` and ``gc.get_threshold()`` give them. As in
    CPython, a collection is due when the youngest generation's count passed its threshold (a threshold
    of 0 switches collecting off), and it takes the oldest generation whose count passed its own.
    CPython also lets a full collection wait until a quarter of the long-lived objects are new; that
    count is not visible from Python, and counting them here cost more than it saved (measured), so
    full collections come as often as the thresholds say.
    """
    if thresholds[0] <= 0 or counts[0] <= thresholds[0]:
        return None
    for generation in (2, 1):
        if counts[generation] > thresholds[generation]:
            return generation
    return 0


class UiThreadCollector(QObject):
    """Runs Python's cycle collector on the UI thread only; the automatic one is off while it runs.

    Made by :func:`collect_on_ui_thread`, a child of the application, so it lives on the UI thread.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("cmdesk-ui-thread-collector")
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the generation that is due, if any; returns it."""
        generation = generation_due(gc.get_count(), gc.get_threshold())
        if generation is not None:
            gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Hand collecting back to CPython (as it was before), after one last collection here."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.setObjectName("")  # the application's next call makes a new one
        self.deleteLater()


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """The application's :class:`UiThreadCollector`, made on the first call; call it on the UI thread."""
    existing = app.findChild(UiThreadCollector, "cmdesk-ui-thread-collector")
    if isinstance(existing, UiThreadCollector):
        return existing
    return UiThreadCollector(app)


def set_aside_startup_objects() -> bool:
    """Collect once, then freeze what survived; True the first time, False after (a rebuilt window)."""
    if _state["done"]:
        return False
    _state["done"] = True
    gc.collect()
    gc.freeze()
    return True


def release_startup_objects() -> None:
    """Undo :func:`set_aside_startup_objects` (the old window is about to go); the next first page sets aside again."""
    gc.unfreeze()
    _state["done"] = False
