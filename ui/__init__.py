"""The Qt desktop layer; importing it first guards CPython 3.11 against a PySide6 6.12 reference-count bug.

PySide6 6.12 returns ``None`` from void calls (and ``True``/``False`` from ``Signal.emit``)
without taking a reference, as if they were immortal, which they are only from
CPython 3.12 on. On 3.11 every such call drops one reference, and after a few
thousand calls the interpreter aborts ("deallocating None"). Until the desk runs
on 3.12 or a fixed PySide6, the three singletons get a very large reference count,
which is what 3.12 does for them anyway.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def _make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every PyObject
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM


_make_singletons_immortal()
