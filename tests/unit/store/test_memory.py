"""Memory protection: the process is not dumpable, the site's wipe setting reaches SQLCipher, freed pages go back.

What changes the process (non-dumpable, SQLCipher's process-wide memory security) runs in a child
process: the test session itself must stay debuggable and keep SQLCipher's default.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from cmdesk.store import memory

ROOT = Path(__file__).resolve().parents[3]


def _child(code: str, *, env: dict[str, str] | None = None) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        ("1", True),
        ("true", True),
        (" Yes ", True),
        ("on", True),
        ("0", False),
        ("", False),
        ("no", False),
        ("OFF", False),
    ],
)
def test_the_wipe_is_asked_for_by_the_environment(value: str, wanted: bool) -> None:
    assert memory.wipe_wanted({memory.WIPE_ENV: value}) is wanted


def test_without_the_variable_nothing_is_wiped() -> None:
    assert memory.wipe_wanted({}) is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_DUMPABLE and /proc are Linux's")
def test_a_protected_process_writes_no_core_and_cannot_be_read_by_other_programs() -> None:
    code = (
        "import ctypes, json, resource; from cmdesk.store.memory import protect_process\n"
        "libc = ctypes.CDLL(None); dumpable = lambda: libc.prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE\n"
        "before = dumpable(); p = protect_process(); again = protect_process()\n"
        "print(json.dumps({'before': before, 'after': dumpable(), 'reported': [p.core_dumps_off, p.not_dumpable,"
        " again.core_dumps_off, again.not_dumpable], 'core_limit': resource.getrlimit(resource.RLIMIT_CORE)[0]}))"
    )
    assert _child(code) == {"before": 1, "after": 0, "reported": [True, True, True, True], "core_limit": 0}


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_memory_is_handed_back_with_glibc() -> None:
    assert memory.release_freed() is True


def test_a_value_that_is_not_clearly_off_switches_the_wipe_on_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="cmdesk.store.memory"):
        wanted = memory.wipe_wanted({memory.WIPE_ENV: "ja"})
    assert (wanted, [r.getMessage() for r in caplog.records]) == (
        True,
        ["CMDESK_MEMORY_WIPE='ja' is not one of 1/0, true/false, yes/no, on/off; wiping memory (the safer choice)"],
    )


def test_the_module_imports_where_there_is_no_resource_module() -> None:
    """Windows has no ``resource``: the store must still import, and the process simply reports no protection."""
    code = (
        "import json, sys; sys.modules['resource'] = None\n"
        "from cmdesk.store import memory, database\n"
        "sys.platform = 'win32'; memory._libc.cache_clear()  # after the imports: the stdlib stays Linux's\n"
        "p = memory.protect_process()\n"
        "print(json.dumps({'protection': [p.core_dumps_off, p.not_dumpable], 'trim': memory.release_freed()}))"
    )
    assert _child(code) == {"protection": [False, False], "trim": False}


@pytest.mark.parametrize(
    ("env", "expected"), [({memory.WIPE_ENV: "1"}, [1, True]), ({memory.WIPE_ENV: "0"}, [0, False])]
)
def test_a_store_follows_the_site_setting(tmp_path: Path, env: dict[str, str], expected: list[object]) -> None:
    code = (
        "import json, secrets; from pathlib import Path; from cmdesk.store.database import Store\n"
        f"s = Store.create(Path({str(tmp_path / 's.cmdesk')!r}), secrets.token_bytes(32))\n"
        "on = s.read().execute('PRAGMA cipher_memory_security').fetchone()[0]\n"
        "print(json.dumps({'pragma': int(on), 'store': s.memory_security})); s.close()"
    )
    assert list(_child(code, env=env).values()) == expected
