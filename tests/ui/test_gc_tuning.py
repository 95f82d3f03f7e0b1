"""Start-up's long-lived objects are set aside from the cycle collector once per process."""

from __future__ import annotations

import gc

import pytest

from ui import gc_tuning


def test_startup_objects_are_set_aside_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(gc_tuning._state, "done", False)
    try:
        first = gc_tuning.set_aside_startup_objects()
        frozen = gc.get_freeze_count()
        second = gc_tuning.set_aside_startup_objects()
        still = gc.get_freeze_count()
        gc_tuning.release_startup_objects()
        released = gc.get_freeze_count()
        again = gc_tuning.set_aside_startup_objects()
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    assert (first, frozen > 1000, second, still == frozen, released, again) == (True, True, False, True, 0, True)
