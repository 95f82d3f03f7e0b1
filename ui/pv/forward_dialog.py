"""The dialog that asks how a ready PV case goes to drug safety."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ForwardDialog(QDialog):
    """How drug safety gets the case: e-mail to the safety inbox, or files into a folder they collect."""

    def __init__(self, inbox: str, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forward to drug safety"))
        layout = QVBoxLayout(self)
        self.by_email = QRadioButton(self.tr("E-mail to the drug safety inbox"))
        self.by_folder = QRadioButton(self.tr("Export PDF, E2B XML and JSON to a folder"))
        group = QButtonGroup(self)
        group.addButton(self.by_email)
        group.addButton(self.by_folder)
        self.address = QLineEdit(inbox)
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse\u2026"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        layout.addWidget(self.by_email)
        layout.addWidget(self.address)
        layout.addWidget(self.by_folder)
        layout.addLayout(folder_row)
        (self.by_email if inbox or not folder else self.by_folder).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder drug safety collects from"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.by_folder.setChecked(True)

    def choice(self) -> tuple[str, str]:
        if self.by_folder.isChecked():
            return "folder", self.folder.text().strip()
        return "email", self.address.text().strip()
