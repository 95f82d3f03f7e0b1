"""Start-up's long-lived objects are set aside from the cycle collector once per process."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtWidgets import QApplication

from ui import gc_tuning


def test_startup_objects_are_set_aside_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(gc_tuning._state, "done", False)
    try:
        first = gc_tuning.set_aside_startup_objects()
        frozen = gc.get_freeze_count()
        made_since = [[] for _ in range(1000)]  # a second freeze would set these aside too
        second = gc_tuning.set_aside_startup_objects()
        still = gc.get_freeze_count()
        del made_since
        gc_tuning.release_startup_objects()
        released = gc.get_freeze_count()
        again = gc_tuning.set_aside_startup_objects()
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    # compared with a margin, not equal: a worker of an earlier test may free a frozen object meanwhile
    assert (first, frozen > 1000, second, still < frozen + 1000, released, again) == (True, True, False, True, 0, True)


@pytest.mark.parametrize(
    ("counts", "due"),
    [
        ((700, 10, 10), None),  # at the thresholds, not past them
        ((701, 0, 0), 0),
        ((701, 11, 0), 1),
        ((701, 11, 11), 2),
        ((5, 11, 11), None),  # only the youngest generation's count starts a collection, as in CPython
        ((701, 5, 11), 2),  # which then takes the oldest generation past its threshold
    ],
)
def test_the_generation_due_is_the_one_cpython_would_collect(counts: tuple[int, int, int], due: int | None) -> None:
    assert gc_tuning.generation_due(counts, (700, 10, 10)) == due


def test_a_threshold_of_zero_means_never() -> None:
    assert gc_tuning.generation_due((10**6, 10**6, 10**6), (0, 10, 10)) is None


class Cycle:
    """Garbage only the cycle collector frees: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def test_cycles_made_garbage_are_freed_on_the_ui_thread_not_in_a_busy_worker(qtbot: object) -> None:
    collector = gc_tuning.collect_on_ui_thread(QApplication.instance())  # type: ignore[arg-type]
    freed_in: list[str] = []
    garbage = Cycle()
    watch = weakref.ref(garbage, lambda _: freed_in.append(threading.current_thread().name))
    del garbage

    def allocate() -> None:  # far past every threshold: the automatic collector would run here many times
        for _ in range(300_000):
            Cycle()

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    alive_after_worker = watch() is not None
    qtbot.waitUntil(lambda: watch() is None, timeout=5_000)  # type: ignore[attr-defined]
    assert (gc.isenabled(), alive_after_worker, freed_in) == (False, True, [threading.main_thread().name])
    assert gc_tuning.collect_on_ui_thread(QApplication.instance()) is collector  # type: ignore[arg-type]


def test_stopping_hands_collecting_back_as_it_was(qtbot: object) -> None:
    app = QApplication.instance()
    running = gc_tuning.collect_on_ui_thread(app)  # type: ignore[arg-type]
    running.stop()
    handed_back = gc.isenabled()
    again = gc_tuning.collect_on_ui_thread(app)  # type: ignore[arg-type]
    assert (handed_back, again is not running, gc.isenabled()) == (True, True, False)
