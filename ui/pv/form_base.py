"""What the PV case form's sections share: the form's state and the hooks each section calls.

Every section of the form is a mixin over ``CaseFormBase``; ``ui.pv.case_form.CaseForm`` puts them
together and implements the hooks declared here, so a section module can be read (and type-checked)
on its own without knowing the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QTableWidget

from cmdesk.clock import Clock
from cmdesk.desk import Desk
from cmdesk.pv.model import Case
from ui.bridge import DeskBridge
from ui.pv.message_bar import MessageBar
from ui.pv.validity_panel import ValidityPanel


class CaseFormBase(QDialog):
    """The state every section reads; the methods below the attributes are implemented by ``CaseForm``."""

    bridge: DeskBridge
    desk: Desk
    clock: Clock
    case: Case | None
    dirty: bool
    _loading: bool
    _edits: int
    _reads: int
    message_bar: MessageBar
    validity_panel: ValidityPanel
    request_button: QPushButton

    def _changed(self, *_args: object) -> None:
        raise NotImplementedError

    def _write(self, fn: Callable[[], Case], label: str, done_text: str = "") -> None:
        raise NotImplementedError

    def _failed(self, err: BaseException) -> None:
        raise NotImplementedError

    def _refuse(self, text: str) -> None:
        """Show a refusal the form words itself (already in the UI language) as a failed action."""
        raise NotImplementedError

    def show_case(self, case: Case) -> None:
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        raise NotImplementedError

    def refresh_countdowns(self) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def form_seriousness(self) -> dict[str, bool]:
        raise NotImplementedError

    def _remove_rows(self, table: QTableWidget) -> None:
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        for row in rows:
            table.removeRow(row)
        if rows:
            self._changed()
