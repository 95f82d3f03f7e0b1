"""The About dialog: the version from its one place (``cmdesk.__version__``), the store and the licences."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from cmdesk import __version__
from cmdesk.store import memory


def about_text(store: str | None) -> str:
    where = (
        QCoreApplication.translate("AboutDialog", "Store: %1").replace("%1", store)
        if store
        else QCoreApplication.translate("AboutDialog", "No store open.")
    )
    lines = [
        f"cmdesk {__version__}",
        QCoreApplication.translate(
            "AboutDialog", "Workstation for community managers of healthcare and pharma companies."
        ),
        "",
        where,
        f"Qt {qVersion()}, PySide6 {pyside_version}, Python {platform.python_version()}",
        QCoreApplication.translate("AboutDialog", "Data encrypted with SQLCipher 4; secrets in the OS keyring."),
        *memory_lines(),
    ]
    return "\n".join(lines)


def memory_lines() -> list[str]:
    """How decrypted data in memory is protected in this process (cmdesk.store.memory), for a site's audit."""
    wipe = (
        QCoreApplication.translate("AboutDialog", "Memory wiping by SQLCipher: on")
        if memory.wipe_in_force()
        else QCoreApplication.translate(
            "AboutDialog", "Memory wiping by SQLCipher: off (CMDESK_MEMORY_WIPE=1 switches it on)"
        )
    )
    protection = memory.current_protection()
    if protection is None:
        return [wipe]
    dumps = (
        QCoreApplication.translate("AboutDialog", "Core dumps: off")
        if protection.core_dumps_off
        else QCoreApplication.translate("AboutDialog", "Core dumps: allowed by the system")
    )
    readers = (
        QCoreApplication.translate("AboutDialog", "Other programs cannot read this process's memory")
        if protection.not_dumpable
        else QCoreApplication.translate("AboutDialog", "Debuggers of the same user can read this process's memory")
    )
    return [wipe, f"{dumps}; {readers}"]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, store: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About cmdesk"))
        self.text = QLabel(about_text(store), self)
        self.text.setObjectName("about_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the store path is user data
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
