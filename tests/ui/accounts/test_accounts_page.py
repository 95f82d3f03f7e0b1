"""The channel accounts page: health rows, test, secret, pause/resume, remove, sync now, and clearing on lock."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.exceptions import TimeoutError as QtTimeoutError

from cmdesk.channels.accounts import Account, AccountService
from cmdesk.channels.base import Connector
from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.errors import ReconnectNeeded
from tests.conftest import NOW
from tests.ui.accounts.conftest import TOKEN, V, facebook_account, serve_page
from tests.ui.conftest import cancel_then_drain
from tests.unit.channels.conftest import FakeApi
from tests.unit.channels.test_sync import FakeConnector
from ui.accounts.accounts_page import AccountsPage
from ui.accounts.sync_scheduler import SyncScheduler
from ui.bridge import DeskBridge


def rows(page: AccountsPage) -> list[list[str]]:
    table = page.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def open_page(abridge: DeskBridge, qtbot: Any, *, scheduler: SyncScheduler | None = None) -> AccountsPage:
    page = AccountsPage(abridge, scheduler=scheduler)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == len(abridge.desk.accounts.list()), timeout=5000)
    return page


def select(page: AccountsPage, name: str, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: any(a.name == name for a in page.accounts), timeout=5000)
    page.select(next(a.id for a in page.accounts if a.name == name))


def wait_for_message(page: AccountsPage, qtbot: Any, text: str) -> None:
    """Wait for a network round trip's answer on the message line; on a timeout, show what the line says.

    The wait ends as soon as the text is there; the long limit is for a loaded CI machine.
    """
    with contextlib.suppress(QtTimeoutError):
        qtbot.waitUntil(lambda: page.message.text() == text, timeout=30_000)
    assert page.message.text() == text


@pytest.fixture
def page(abridge: DeskBridge, qtbot: Any) -> Iterator[AccountsPage]:
    yield open_page(abridge, qtbot)


def test_each_row_shows_the_accounts_health(abridge: DeskBridge, desk: Desk, clock: FixedClock, qtbot: Any) -> None:
    connectors = {"Alpha FB": FakeConnector(total=12), "Gamma IG": FakeConnector(failures=[])}
    connectors["Gamma IG"].failures.append(ReconnectNeeded("the Instagram token expired; reconnect the account"))

    def factory(account: Account, secret: str | None) -> Connector:
        return connectors[account.name]

    desk.accounts.connector_factory = factory
    desk.accounts.add("facebook", "Alpha FB", {"page_id": "1"})
    desk.accounts.pause(
        desk.accounts.add("discourse", "Beta Forum", {"base_url": "https://f.example", "username": "a"}).id
    )
    desk.accounts.add("instagram", "Gamma IG", {"ig_user_id": "17841"})
    desk.accounts.add("file", "Import")
    desk.sync.sync_account("Alpha FB")
    desk.sync.sync_account("Gamma IG")
    clock.advance(timedelta(minutes=30))
    page = open_page(abridge, qtbot)
    assert rows(page) == [
        ["Alpha FB", "Active", "2026-11-24 09:00 UTC (30 min ago)", "", "12", "2027-01-13"],
        ["Beta Forum", "Paused", "never", "", "0", "–"],
        ["Gamma IG", "Reconnect needed", "never", "the Instagram token expired; reconnect the account", "0", "–"],
        ["Import", "Active", "filled by file import", "", "0", "–"],
    ]
    buttons = [page.edit_button, page.secret_button, page.test_button, page.pause_button, page.sync_button]
    states = {}
    for name in ("Alpha FB", "Beta Forum", "Import"):
        select(page, name, qtbot)
        states[name] = ([b.isEnabled() for b in buttons], page.pause_button.text())
    assert states == {
        "Alpha FB": ([True, True, True, True, True], "Pause"),
        "Beta Forum": ([True, True, True, True, False], "Resume"),
        "Import": ([True, False, False, True, False], "Pause"),
    }


def test_token_expiry_warns_a_week_ahead(page: AccountsPage, desk: Desk) -> None:
    account = desk.accounts.add("facebook", "Alpha FB", {"page_id": "1"})
    texts = [
        page.table.token_text(dataclasses.replace(account, token_expires_at=NOW + delta), NOW)
        for delta in (timedelta(days=30), timedelta(days=6), timedelta(hours=-1))
    ]
    assert texts == ["2026-12-24", "2026-11-30 (renew soon)", "expired 2026-11-24"]


def test_test_connection_reports_what_the_channel_answered(
    abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=0)
    facebook_account(desk, graph, "Alpha FB", "111")
    facebook_account(desk, graph, "Beta FB", "222")
    graph.on("GET", f"{V}/222", (401, "", {}))
    page = open_page(abridge, qtbot)
    select(page, "Alpha FB", qtbot)
    page.test_button.click()
    assert (page.message.text(), page.test_button.isEnabled()) == ("Testing Alpha FB…", False)
    wait_for_message(page, qtbot, "Alpha FB: connected to Facebook page Novalind DE.")
    assert page.test_button.isEnabled()
    select(page, "Beta FB", qtbot)
    page.test_button.click()
    wait_for_message(
        page,
        qtbot,
        "Beta FB: connection failed: The connection to localhost expired or was revoked; reconnect the account."
        " (HTTP 401 UNAUTHORIZED)",
    )


def test_a_new_account_then_asks_for_its_secret_and_tests_it(
    page: AccountsPage, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=0)
    page.add_button.click()
    form = page.account_dialog
    assert form is not None and form.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("facebook"))
    form.name.setText("Alpha FB")
    form.fields["page_id"].setText("111")  # type: ignore[union-attr]
    form.fields["base_url"].setText(graph.url(V))  # type: ignore[union-attr]
    form.save_button.click()
    qtbot.waitUntil(lambda: page.secret_dialog is not None and page.secret_dialog.isVisible(), timeout=5000)
    assert not form.isVisible()
    assert page.message.text() == "Account Alpha FB added."
    secret = page.secret_dialog
    assert secret is not None
    secret.secret.setText(TOKEN)
    secret.save_button.click()
    wait_for_message(page, qtbot, "Alpha FB: connected to Facebook page Novalind DE.")
    assert desk.accounts.secret("Alpha FB") == TOKEN
    assert [c.headers.get("Authorization") for c in graph.calls] == [f"Bearer {TOKEN}"]
    assert rows(page) == [["Alpha FB", "Active", "never", "", "0", "–"]]


def test_pause_resume_and_remove_after_confirmation(page: AccountsPage, desk: Desk, qtbot: Any) -> None:
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    select(page, "Novalind TV", qtbot)
    page.pause_button.click()
    qtbot.waitUntil(lambda: rows(page)[0][1] == "Paused", timeout=5000)
    assert (page.message.text(), page.pause_button.text()) == ("Novalind TV paused.", "Resume")
    page.pause_button.click()
    qtbot.waitUntil(lambda: rows(page)[0][1] == "Active", timeout=5000)
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(question: str) -> bool:
        asked.append(question)
        return next(answers)

    page.confirm = confirm
    page.remove_button.click()
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)
    assert asked == ["Remove the account Novalind TV? Its settings and secret are deleted."] * 2
    assert (desk.accounts.list(), page.message.text()) == ([], "Novalind TV removed.")


def test_an_account_with_messages_cannot_be_removed_and_the_page_says_why(
    page: AccountsPage, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=1)
    facebook_account(desk, graph, "Alpha FB", "111")
    desk.sync.sync_account("Alpha FB")
    select(page, "Alpha FB", qtbot)
    page.confirm = lambda _question: True
    page.remove_button.click()
    wait_for_message(page, qtbot, "the account 'Alpha FB' has stored messages and cannot be removed; pause it instead")
    assert [a.name for a in desk.accounts.list()] == ["Alpha FB"]


def test_sync_now_goes_through_the_scheduler_and_shows_the_result(
    abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any
) -> None:
    serve_page(graph, "111", comments=2)
    facebook_account(desk, graph, "Alpha FB", "111")
    scheduler = SyncScheduler(abridge, poll_ms=3_600_000)
    page = open_page(abridge, qtbot, scheduler=scheduler)
    select(page, "Alpha FB", qtbot)
    scheduler.start()  # started after the page: its first pass syncs what "Sync now" asked for
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.message.text() != "Syncing Alpha FB…", timeout=10_000)
    assert page.message.text() == "Alpha FB: 3 fetched, 3 new, 0 updated."
    expected = [["Alpha FB", "Active", "2026-11-24 09:00 UTC (just now)", "", "3", "–"]]
    # the row is read again after each stored page; wait for the read that follows the last one
    qtbot.waitUntil(lambda: rows(page) == expected, timeout=10_000)
    assert rows(page) == expected
    scheduler.stop()


def test_locking_empties_and_closes_the_page(page: AccountsPage, abridge: DeskBridge, desk: Desk, qtbot: Any) -> None:
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    select(page, "Novalind TV", qtbot)
    page.edit_button.click()
    assert page.account_dialog is not None and page.account_dialog.isVisible()
    abridge.lock()
    assert (page.table.rowCount(), page.accounts, page.isVisible(), page.account_dialog.isVisible()) == (
        0,
        [],
        False,
        False,
    )


def test_a_lock_during_a_connection_test_leaves_the_test_button_usable(
    abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock cancels the test and a cancelled task calls nothing back: the page once kept it "testing" for good."""
    serve_page(graph, "111", comments=0)
    facebook_account(desk, graph, "Alpha FB", "111")
    page = open_page(abridge, qtbot)
    select(page, "Alpha FB", qtbot)
    entered, gate = threading.Event(), threading.Event()
    real_test = desk.accounts.test

    def gated(account_id: int) -> Any:
        entered.set()
        gate.wait(10)
        return real_test(account_id)

    monkeypatch.setattr(desk.accounts, "test", gated)
    cancel_then_drain(abridge, gate, monkeypatch)
    page.test_button.click()
    qtbot.waitUntil(entered.is_set, timeout=5000)
    abridge.lock()
    qtbot.waitUntil(lambda: not abridge.tasks.busy, timeout=5000)
    abridge.unlock()
    page.show()  # opened again after the unlock
    select(page, "Alpha FB", qtbot)
    qtbot.waitUntil(lambda: not abridge.tasks.busy, timeout=5000)
    assert (page._testing, page.test_button.isEnabled(), page.message.text()) == (False, True, "")


def test_a_save_finishing_after_a_lock_opens_nothing_over_the_lock_screen(
    page: AccountsPage, abridge: DeskBridge, desk: Desk, graph: FakeApi, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock waits for the user's save and delivers it after ``locked``: no secret dialog, no test, no message."""
    entered, gate = threading.Event(), threading.Event()
    real_add = desk.accounts.add

    def gated(*args: Any, **kwargs: Any) -> Account:
        entered.set()
        gate.wait(10)
        return real_add(*args, **kwargs)

    monkeypatch.setattr(desk.accounts, "add", gated)
    cancel_then_drain(abridge, gate, monkeypatch)
    page.add_button.click()
    form = page.account_dialog
    assert form is not None
    form.kind.setCurrentIndex(form.kind.findData("facebook"))
    form.name.setText("Alpha FB")
    form.fields["page_id"].setText("111")  # type: ignore[union-attr]
    form.fields["base_url"].setText(graph.url(V))  # type: ignore[union-attr]
    form.save_button.click()
    qtbot.waitUntil(entered.is_set, timeout=5000)
    abridge.lock()  # waits for the save, which is delivered after the page has closed
    qtbot.waitUntil(lambda: not abridge.tasks.busy, timeout=5000)
    assert (page.secret_dialog, page._testing, page.message.text(), page.isVisible()) == (None, False, "", False)


def test_an_older_list_read_finishing_last_never_replaces_the_newer_one(
    page: AccountsPage, desk: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    before = desk.accounts.list()
    desk.accounts.pause(before[0].id)  # a state change while a read of the old list is still running
    real_list = desk.accounts.list
    gate, calls = threading.Event(), []

    def gated() -> list[Account]:
        calls.append(1)
        if len(calls) == 1:
            gate.wait(10)
            return before  # what the older read saw
        return real_list()

    monkeypatch.setattr(desk.accounts, "list", gated)
    page.reload()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    page.reload()
    qtbot.waitUntil(lambda: bool(page.accounts) and page.accounts[0].status == "paused", timeout=5000)
    newer = rows(page)
    gate.set()  # the older read lands last
    qtbot.waitUntil(lambda: not page.bridge.tasks.busy, timeout=5000)
    assert (rows(page), page.accounts[0].status) == (newer, "paused")


def test_a_lock_closes_the_remove_question_and_removes_nothing(
    page: AccountsPage, abridge: DeskBridge, desk: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real question (its own exec()) must not stay over the lock screen, where a Yes would remove."""
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    select(page, "Novalind TV", qtbot)
    removed: list[int | str] = []  # a lock drops the desk's services: the class is patched, not the instance
    monkeypatch.setattr(AccountService, "remove", lambda _service, name_or_id: removed.append(name_or_id))
    seen: list[tuple[list[str], list[str]]] = []

    def lock_while_asked() -> None:
        asked = [box.text() for box in page.findChildren(QMessageBox) if box.isVisible()]
        abridge.lock()
        left = [box.text() for box in page.findChildren(QMessageBox) if box.isVisible()]
        seen.append((asked, left))
        for box in page.findChildren(QMessageBox):
            if box.isVisible():
                box.done(QMessageBox.StandardButton.Yes)  # the user answers the question left over the lock

    QTimer.singleShot(0, lock_while_asked)
    page.remove()  # the real question, until it closes
    qtbot.waitUntil(lambda: not abridge.tasks.busy, timeout=5000)
    abridge.unlock()
    assert (seen, removed, [a.name for a in desk.accounts.list()]) == (
        [(["Remove the account Novalind TV? Its settings and secret are deleted."], [])],
        [],
        ["Novalind TV"],
    )


def test_a_yes_that_comes_back_after_a_lock_removes_nothing(
    page: AccountsPage, abridge: DeskBridge, desk: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.accounts.add("youtube", "Novalind TV", {"channel_id": "UC1"})
    select(page, "Novalind TV", qtbot)
    removed: list[int | str] = []
    monkeypatch.setattr(AccountService, "remove", lambda _service, name_or_id: removed.append(name_or_id))

    def confirm(_question: str) -> bool:
        abridge.lock()  # while the question was open
        return True

    page.confirm = confirm
    page.remove()
    qtbot.waitUntil(lambda: not abridge.tasks.busy, timeout=5000)
    assert (removed, page.message.text(), page.isVisible()) == ([], "", False)
