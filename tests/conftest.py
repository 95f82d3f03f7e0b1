"""Fixtures every test layer shares: an in-memory keyring, a fixed clock and a fresh desk."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # Qt aborts without a display otherwise

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest

from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.store.keys import KeyManager

NOW = utc(2026, 11, 24, 9, 0, 0)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--gc-stress",
        action="store_true",
        help="collect cycles very often (thresholds 10, 2, 2): shakes out timing and thread defects in the Qt tests",
    )


def pytest_configure(config: pytest.Config) -> None:
    """``--gc-stress``: the cycle collector runs at every few allocations, which changes every timing.

    A run of the Qt tests this way found four defects in session 10 that ordinary runs had not (out-of-order
    loads, tests waiting for signals already sent). The UI-thread collector reads the same thresholds.
    """
    if config.getoption("--gc-stress"):
        gc.set_threshold(10, 2, 2)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps secrets in a dict (the OS keyring is not in CI)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError(username)
        del self.secrets[(service, username)]


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def desk(tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring) -> Iterator[Desk]:
    """An empty desk on a real encrypted file, its key in the (in-memory) keyring."""
    d = Desk.create(
        tmp_path / "desk.cmdesk", mode="keyring", keys=KeyManager(memory_keyring), clock=clock, agent="Anna Berger"
    )
    yield d
    d.close()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)
