"""Composition root: QApplication, theme, translations, first run or unlock, then the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from cmdesk.cli.common import passphrase as passphrase_from_args
from cmdesk.cli.common import store_path
from cmdesk.desk import Desk
from cmdesk.errors import UserError
from cmdesk.model import Role
from cmdesk.paths import resource_path
from cmdesk.store.keys import KeyManager, keyring_available, read_keyinfo
from ui import i18n, theme
from ui.bridge import DeskBridge
from ui.desk_life.first_run import FirstRunDialog
from ui.desk_life.unlock import UnlockDialog
from ui.error_text import error_text
from ui.gc_tuning import collect_on_ui_thread, release_startup_objects, set_aside_startup_objects
from ui.main_window import MainWindow

DEMO_MESSAGES = 20_000
DEMO_PASSPHRASE = "demo"  # the demo store holds only fictional data


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with names, icon and high-DPI rounding set before it exists.

    Python's cycle collector runs on its UI thread from here on (see ``ui.gc_tuning``).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        collect_on_ui_thread(existing)
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("cmdesk")
    app.setOrganizationName("cmdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons/cmdesk.svg"))))
    collect_on_ui_thread(app)
    return app


def ui_settings() -> QSettings:
    """Window layout per user (not per store, and never data): an INI file in the user's config folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "cmdesk", "cmdesk-ui")


class App:
    """Owns the desk, the bridge and the window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, desk: Desk, *, background_sync: bool = True) -> None:
        self.app = app
        self.bridge = DeskBridge(desk)
        self.background_sync = background_sync  # off for the demo: its accounts point at no real channel
        self.window: MainWindow | None = None
        self.apply_settings()

    def apply_settings(self) -> None:
        settings = self.bridge.desk.settings
        theme.apply(self.app, str(settings.get("theme")))
        i18n.install(i18n.language_for(str(settings.get("ui_language"))))

    def show_window(self) -> MainWindow:
        window = MainWindow(self.bridge)
        window.restore_layout(ui_settings())
        window.language_change_requested.connect(self._on_language_change)
        window.theme_change_requested.connect(lambda setting: theme.apply(self.app, setting))
        window.show()
        window.model.first_page_ready.connect(set_aside_startup_objects, Qt.ConnectionType.SingleShotConnection)
        if self.background_sync:
            window.sync_scheduler.start()
        self.window = window
        return window

    def _on_language_change(self, setting: str) -> None:
        i18n.install(i18n.language_for(setting))
        old = self.window
        if old is not None:
            old.save_layout(ui_settings())
            current = old.view.current_id()
        release_startup_objects()  # the old window must be collectable; the new one's first page freezes again
        new = self.show_window()
        if old is not None:
            new._wanted_id = current
            old.close()
            old.deleteLater()

    def close(self) -> None:
        if self.window is not None:
            self.window.save_layout(ui_settings())
        self.bridge.close()
        self.bridge.desk.close()


# -- opening the store -------------------------------------------------------------------------


def open_or_create(args: argparse.Namespace, *, keys: KeyManager | None = None) -> Desk | None:
    """The desk to work on: the demo (made on first use), a first-run store, or an existing one unlocked."""
    path = store_path(args)
    agent = getattr(args, "agent", None)
    secret = passphrase_from_args(args)
    if getattr(args, "demo", False) and not path.exists():
        return create_demo(path, messages=DEMO_MESSAGES, keys=keys)
    if not path.exists():
        first_run = FirstRunDialog(path=path, keys=keys)
        return first_run.desk if first_run.exec() == QDialog.DialogCode.Accepted else None
    info = read_keyinfo(path)
    if info.mode == "keyring" or secret:
        return Desk.open(path, passphrase=secret, keys=keys, agent=agent)
    if getattr(args, "demo", False):
        try:
            return Desk.open(path, passphrase=DEMO_PASSPHRASE, keys=keys, agent=agent)
        except UserError:
            pass
    opened: list[Desk] = []

    def try_open(text: str) -> None:
        opened.append(Desk.open(path, passphrase=text, keys=keys, agent=agent))

    dialog = UnlockDialog(store_label=path.name, try_unlock=try_open)
    return opened[0] if dialog.exec() == QDialog.DialogCode.Accepted and opened else None


def create_demo(
    path: Path, *, messages: int, keys: KeyManager | None = None, progress: Callable[[int, int], None] | None = None
) -> Desk:
    """The fictional demo store; in passphrase mode ('demo') when this machine has no keyring."""
    from cmdesk.demo import generate

    manager = keys or KeyManager()
    mode: Literal["keyring", "passphrase"] = "keyring" if keyring_available(manager.backend) else "passphrase"
    desk = Desk.create(
        path,
        mode=mode,
        passphrase=DEMO_PASSPHRASE if mode == "passphrase" else None,
        keys=manager,
        agent="Anna Berger",
        role=Role.COMMUNITY_MANAGER,
        memory_security=False,  # fictional data only; bulk loading is about six times faster without wiping
    )
    if progress is None and QApplication.instance() is not None:
        dialog = QProgressDialog(QApplication.translate("App", "Creating the demo desk…"), "", 0, messages, None)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            QApplication.processEvents()  # first-run only; the window does not exist yet

    generate(desk, messages=messages, progress=progress)
    return desk


def run(args: argparse.Namespace) -> int:
    """`cmdesk` without a subcommand: the workstation window."""
    app = application()
    i18n.install(i18n.language_for("system"))
    theme.apply(app, "system")
    try:
        desk = open_or_create(args)
    except UserError as err:
        QMessageBox.critical(None, "cmdesk", error_text(err))
        return 2
    if desk is None:
        return 1
    workstation = App(app, desk, background_sync=not getattr(args, "demo", False))
    workstation.show_window()
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: theme.apply(app, str(desk.settings.get("theme"))) if not desk.is_locked else None
    )
    try:
        return int(app.exec())
    finally:
        workstation.close()
