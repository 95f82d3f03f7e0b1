"""How decrypted store data in this process's memory is protected, and what that costs.

The store file is encrypted; once unlocked, message text is plain in memory: in SQLite's page
cache, in Python strings, in the window's widgets. Three measures guard it:

- **No core dumps, no same-user memory readers** (:func:`protect_process`, called by the
  ``cmdesk`` entry points). A crash would otherwise write the whole address space -- every
  open message and the store key -- to a core file, which crash reporters collect and users
  attach to tickets. On Linux the process is also made non-dumpable: other programs of the
  same user cannot attach to it or read ``/proc/PID/mem``. This covers all of the process's
  memory, Python's and Qt's included. macOS gets the core-dump limit only; Windows has
  neither control (it writes no core files unless an administrator enables local dumps).
- **Freed pages handed back** (:func:`release_freed`, called when the store locks). The
  connections' page caches and pools are freed at lock; glibc then returns the free whole pages
  of its heap to the kernel, which zeroes them before any reuse. Partly used pages, Python's own
  allocator pools and Qt's heap keep their old contents until reused.
- **SQLCipher's per-block wiping, when a site's policy asks for it** (:func:`wipe_wanted`, from
  ``CMDESK_MEMORY_WIPE``). SQLCipher's ``cipher_memory_security`` locks each block SQLite
  allocates against swapping and wipes it when freed. It covers SQLite's blocks only, locks at
  most RLIMIT_MEMLOCK (8 MB for a normal Debian user) and costs two system calls per block.
  This is a trade of protection for speed, made on measurement: with the wipe, sync stores
  about 4,300 messages a second (100,000 comments), under the 5,000 the product needs; without
  it, 6,400. SQLCipher itself ships it switched off. Sites whose policy requires it switch it
  on and accept the slower sync; the About dialog shows which is in force.

SQLCipher's setting is process-wide and, once used, cannot be switched off again: the first
store opened with the wipe decides for the rest of the process (:func:`wipe_in_force` tells).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

WIPE_ENV = "CMDESK_MEMORY_WIPE"
_ON = {"1", "true", "yes", "on"}
_OFF = {"", "0", "false", "no", "off"}
_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3

log = logging.getLogger(__name__)
_last: list[Protection] = []


@dataclass(frozen=True)
class Protection:
    """What :func:`protect_process` achieved on this system (each False where the OS has no such control)."""

    core_dumps_off: bool
    not_dumpable: bool

    def summary(self) -> str:
        """One line for the log and the About dialog."""
        parts = [
            "core dumps off" if self.core_dumps_off else "core dumps not switched off",
            "not readable by other programs" if self.not_dumpable else "readable by debuggers of the same user",
        ]
        return ", ".join(parts)


def wipe_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``CMDESK_MEMORY_WIPE`` asks for SQLCipher's per-block wiping.

    A value that is neither clearly on (1, true, yes, on) nor clearly off (0, false, no, off,
    unset) turns the wipe on, with a warning: a site that tried to set a policy gets the safer side.
    """
    raw = (os.environ if environ is None else environ).get(WIPE_ENV, "")
    value = raw.strip().lower()
    if value in _ON:
        return True
    if value not in _OFF:
        log.warning(
            "%s=%r is not one of 1/0, true/false, yes/no, on/off; wiping memory (the safer choice)", WIPE_ENV, raw
        )
    return value not in _OFF


def protect_process() -> Protection:
    """Switch core dumps off and make the process non-dumpable where the OS allows; safe to call again.

    What could not be done is logged as a warning, so a site can see it rather than assume it.
    """
    protection = Protection(core_dumps_off=_core_dumps_off(), not_dumpable=_not_dumpable())
    _last[:] = [protection]
    if not (protection.core_dumps_off and protection.not_dumpable) and sys.platform.startswith("linux"):
        log.warning("memory protection incomplete on this system: %s", protection.summary())
    return protection


def current_protection() -> Protection | None:
    """What :func:`protect_process` last achieved in this process; None when it never ran (tests, scripts)."""
    return _last[0] if _last else None


def _core_dumps_off() -> bool:
    try:
        import resource  # Unix only
    except ImportError:
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        return resource.getrlimit(resource.RLIMIT_CORE)[0] == 0
    except (ValueError, OSError):
        return False


def _not_dumpable() -> bool:
    libc = _libc()
    prctl = getattr(libc, "prctl", None) if sys.platform.startswith("linux") else None
    if prctl is None:
        return False
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    return bool(prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)


def release_freed() -> bool:
    """Hand the heap's free whole pages back to the kernel (glibc's ``malloc_trim``); True where that exists."""
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is None:
        return False
    trim.restype = ctypes.c_int
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
    return True


def wipe_in_force() -> bool:
    """Whether SQLCipher's per-block wiping is on in this process (process-wide; see the module docstring)."""
    from cmdesk.store.engine import sqlcipher3

    probe = sqlcipher3.connect(":memory:")
    try:
        return bool(int(probe.execute("PRAGMA cipher_memory_security").fetchone()[0]))
    finally:
        probe.close()


@cache
def _libc() -> ctypes.CDLL | None:
    """The C library already loaded in this process (Linux and macOS); None elsewhere."""
    if sys.platform.startswith("win"):
        return None
    try:
        return ctypes.CDLL(None)  # the process's own symbols: no search for a library file
    except OSError:
        return None
