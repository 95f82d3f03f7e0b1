"""Qt fixtures: a demo desk on a real encrypted file, a DeskBridge and the main window, all offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import: Qt aborts without a display

import sys
from pathlib import Path

# pytest puts tests/ on sys.path, where tests/ui would shadow the real ui package as a namespace package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import shutil
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import keyring.backend
import pytest

from cmdesk.clock import FixedClock, utc
from cmdesk.desk import Desk
from cmdesk.model import Role
from cmdesk.store.keys import KeyManager

if TYPE_CHECKING:
    from ui.bridge import DeskBridge

NOW = utc(2026, 11, 24, 9, 0, 0)
DEMO_MESSAGES = 600


class SessionKeyring(keyring.backend.KeyringBackend):
    """An in-memory keyring shared by the session's store copies (each copy keeps the template's store id)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


SESSION_KEYRING = SessionKeyring()


def fill_demo(desk: Desk, *, messages: int) -> None:
    from cmdesk.demo import generate

    generate(desk, messages=messages, seed=7)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo store per test session (keyring mode, in-memory keyring); tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.cmdesk"
    desk = Desk.create(
        path,
        mode="keyring",
        keys=KeyManager(SESSION_KEYRING),
        clock=FixedClock(NOW),
        agent="Anna Berger",
        role=Role.COMMUNITY_MANAGER,
    )
    fill_demo(desk, messages=DEMO_MESSAGES)
    desk.close()
    return path


@pytest.fixture(scope="package", autouse=True)
def _collector_on_ui_thread(qapp: object) -> Iterator[None]:
    """As the app does: cycles are collected on the UI thread only (a worker collecting a widget crashed CI).

    Handed back to CPython after the last Qt test, so the core's tests run with the usual collector.
    """
    from ui.gc_tuning import collect_on_ui_thread

    collect_on_ui_thread(qapp)  # type: ignore[arg-type]
    yield
    collect_on_ui_thread(qapp).stop()  # type: ignore[arg-type]  # the one running now (a test may have replaced it)


@pytest.fixture(autouse=True)
def _english(qapp: object) -> None:
    """Every test starts in English (with its plural catalogue), whatever the test before it switched to."""
    from ui import i18n

    i18n.install("en")


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saved filters and window layout go to the test's folder, never the user's."""
    monkeypatch.setenv("CMDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def demo_desk(demo_template: Path, tmp_path: Path) -> Iterator[Desk]:
    target = tmp_path / "desk" / demo_template.name
    target.parent.mkdir()
    for source in demo_template.parent.iterdir():
        shutil.copy2(source, target.parent / source.name)
    desk = Desk.open(target, keys=KeyManager(SESSION_KEYRING), clock=FixedClock(NOW))
    yield desk
    desk.close()


@pytest.fixture
def bridge(demo_desk: Desk, qapp: object) -> Iterator[object]:
    from ui.bridge import DeskBridge

    b = DeskBridge(demo_desk)
    yield b
    b.close()


@pytest.fixture
def main_window(bridge: object, qtbot: object, tmp_path: Path) -> Iterator[object]:
    from ui.main_window import MainWindow
    from ui.queue.saved_filters import SavedFilters

    window = MainWindow(bridge, saved_filters=SavedFilters(tmp_path / "saved.json"))  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.model.ids_loaded, timeout=10_000):  # type: ignore[attr-defined]
        window.show()
    yield window
    window.idle.detach()


def cancel_then_drain(bridge: DeskBridge, gate: threading.Event, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock's drain that cancels what runs (as drain does) before the gated work may return."""
    tasks = bridge.tasks
    real_drain = tasks.drain

    def drain(*args: Any, **kwargs: Any) -> list[str]:
        for task in list(tasks._running):
            if not task.saves:
                task.cancel()
        gate.set()
        return real_drain(*args, **kwargs)

    monkeypatch.setattr(tasks, "drain", drain)
