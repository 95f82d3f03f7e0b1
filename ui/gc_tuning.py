"""Python's cycle collector in a long-lived window: what start-up built is set aside once.

The window keeps tens of thousands of long-lived objects: modules, Qt wrappers, the analysis
lexicons. Every full collection walks all of them (29 ms measured with the 10^6 demo store) and
can land in the middle of any click or search. Once the first page is shown, one collection
frees start-up's garbage and ``gc.freeze()`` moves the survivors out of the collector's way for
the rest of the session. Objects made later are collected as before. A window that is rebuilt
(a language change) first releases what was set aside, so the old window can be collected.
"""

from __future__ import annotations

import gc

_state = {"done": False}


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
