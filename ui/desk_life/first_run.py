"""First run: create the encrypted store (keyring or passphrase), then say who you are and your role."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cmdesk.clock import Clock
from cmdesk.desk import Desk
from cmdesk.errors import UserError
from cmdesk.model import Role
from cmdesk.store.keys import KeyManager, keyring_available
from ui.error_text import error_text

MIN_PASSPHRASE = 8


class FirstRunDialog(QDialog):
    """After ``exec()`` returns Accepted, ``desk`` is the new, open desk."""

    def __init__(
        self, *, path: Path, keys: KeyManager | None = None, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.setWindowTitle(self.tr("Welcome to cmdesk"))
        self.desk: Desk | None = None
        self._path = path
        self._keys = keys or KeyManager()
        self._clock = clock
        intro = QLabel(
            self.tr(
                "cmdesk keeps every message encrypted on this computer. The new desk will be created at %1."
            ).replace("%1", str(path)),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.use_keyring = QRadioButton(self.tr("Keep the key in the system keyring (no passphrase to type)"), self)
        self.use_passphrase = QRadioButton(self.tr("Protect the desk with a passphrase"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_keyring)
        group.addButton(self.use_passphrase)
        has_keyring = keyring_available(self._keys.backend)
        self.use_keyring.setEnabled(has_keyring)
        (self.use_keyring if has_keyring else self.use_passphrase).setChecked(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("new_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat_passphrase")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.name = QLineEdit(self)
        self.name.setObjectName("agent_name")
        self.name.setPlaceholderText(self.tr("e.g. Anna Berger"))
        self.role = QComboBox(self)
        self.role.setObjectName("agent_role")
        for role, label in (
            (Role.COMMUNITY_MANAGER, self.tr("Community manager")),
            (Role.PV_REVIEWER, self.tr("PV reviewer")),
            (Role.TEAM_LEAD, self.tr("Team lead")),
            (Role.APPROVER, self.tr("Approver")),
        ):
            self.role.addItem(label, role.value)
        self.error = QLabel(self)
        self.error.setObjectName("first_run_error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.use_keyring)
        form.addRow(self.use_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat passphrase"), self.repeat)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Your role"), self.role)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create desk"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.use_passphrase.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update()
        self.setMinimumWidth(460)

    def _update(self) -> None:
        on = self.use_passphrase.isChecked()
        self.passphrase.setEnabled(on)
        self.repeat.setEnabled(on)

    def problem(self) -> str | None:
        """Why the form cannot be accepted yet, in the user's words."""
        if not self.name.text().strip():
            return self.tr("Please enter your name.")
        if self.use_passphrase.isChecked():
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return self.tr("The passphrase needs at least %1 characters.").replace("%1", str(MIN_PASSPHRASE))
            if self.passphrase.text() != self.repeat.text():
                return self.tr("The two passphrases differ.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is None:
            passphrase = self.passphrase.text() if self.use_passphrase.isChecked() else None
            try:
                self.desk = Desk.create(
                    self._path,
                    mode="passphrase" if passphrase else "keyring",
                    passphrase=passphrase,
                    keys=self._keys,
                    clock=self._clock,
                    agent=self.name.text().strip(),
                    role=Role(self.role.currentData()),
                )
            except UserError as err:
                problem = error_text(err)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        self.passphrase.clear()
        self.repeat.clear()
        super().accept()
