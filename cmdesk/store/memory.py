"""How decrypted store data in this process's memory is protected: the process as a whole, not SQLite alone.

The store file is encrypted; once unlocked, message text is plain in memory: in SQLite's page
cache, in Python strings, in the window's widgets. Three measures guard it:

- **No core dumps, no same-user memory readers** (:func:`protect_process`, called by the
  ``cmdesk`` entry points). A crash would otherwise write the whole address space -- every
  open message and the store key -- to a core file, which crash reporters collect and users
  attach to tickets. A non-dumpable process also cannot be read by other programs of the same
  user (ptrace, ``/proc/PID/mem``). This covers all of the process's memory, Python's and Qt's
  included.
- **Freed memory handed back** (:func:`release_freed`, called when the store locks). The
  connections' page caches and pools are freed at lock; glibc then returns the free pages to
  the kernel, which zeroes them before any reuse, instead of keeping their old contents in
  the heap.
- **SQLCipher's own wiping, when a site's policy asks for it** (:func:`wipe_wanted`, from
  ``CMDESK_MEMORY_WIPE=1``). SQLCipher's ``cipher_memory_security`` locks each block SQLite
  allocates against swapping and wipes it when freed. It covers SQLite's blocks only, locks
  at most RLIMIT_MEMLOCK (8 MB for a normal Debian user) and costs two system calls per
  block: with it, sync stores about 4,300 messages a second instead of 6,400. SQLCipher
  itself ships it switched off; cmdesk follows, and relies on the two measures above and
  encrypted swap (see the README).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

WIPE_ENV = "CMDESK_MEMORY_WIPE"
_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


@dataclass(frozen=True)
class Protection:
    """What :func:`protect_process` achieved on this system (each False where the OS has no such control)."""

    core_dumps_off: bool
    not_dumpable: bool


def wipe_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``CMDESK_MEMORY_WIPE`` asks for SQLCipher's per-block memory security (1, true, yes, on)."""
    value = (os.environ if environ is None else environ).get(WIPE_ENV, "")
    return value.strip().lower() in {"1", "true", "yes", "on"}


def protect_process() -> Protection:
    """Switch core dumps off and make the process non-dumpable; safe to call more than once."""
    core_off = False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        core_off = resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
    except (ValueError, OSError):
        pass
    not_dumpable = False
    libc = _libc()
    prctl = getattr(libc, "prctl", None) if sys.platform.startswith("linux") and libc is not None else None
    if prctl is not None:
        prctl.restype = ctypes.c_int
        prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
        not_dumpable = prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0) == 0
    return Protection(core_dumps_off=core_off, not_dumpable=not_dumpable)


def release_freed() -> bool:
    """Hand the heap's free pages back to the kernel (glibc's ``malloc_trim``); True where that exists."""
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is None:
        return False
    trim(0)
    return True


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
