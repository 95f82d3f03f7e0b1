"""The part of the demo a user looks for first, made through the desk's own services.

Account health (a lost token, a silent channel and its monitoring-gap alert), the default
template library approved by the compliance approver, PV cases in every workflow state and
replies in the outbox. Each step runs at a moment in the recent past: the desk's injected
clock is pinned there for the call, so histories and deadlines read like a real week.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import demo_texts as bank
from cmdesk.channels.base import Delivery, OutgoingAction, Page
from cmdesk.clock import FixedClock
from cmdesk.errors import ChannelError, ReconnectNeeded, TransientChannelError
from cmdesk.model import OutboxAction, Role
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, CaseProduct, CaseState, Patient
from cmdesk.store import bulk
from cmdesk.store.codec import to_db_time

if TYPE_CHECKING:
    from cmdesk.channels.accounts import Account
    from cmdesk.demo import DemoSummary
    from cmdesk.desk import Desk

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


@dataclass
class DemoConnector:
    """Stands in for a channel: fails a fetch the way the health demo needs, delivers the rest."""

    kind: str
    fetch_error: ChannelError | None = None
    refuse: bool = False  # every delivery fails permanently (a deleted comment)
    delivered: list[str] = field(default_factory=list)

    def fetch(self, cursor: dict[str, Any]) -> Page:
        if self.fetch_error is not None:
            raise self.fetch_error
        return Page(items=(), cursor=cursor, done=True)

    def deliver(self, action: OutgoingAction) -> Delivery:
        if self.refuse:
            raise ChannelError(bank.OUTBOX_FAILED_ERROR)
        remote_id = f"demo-{self.kind}-{len(self.delivered) + 1}"
        self.delivered.append(remote_id)
        return Delivery(remote_id=remote_id)

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        return None

    def check(self) -> str:
        return f"demo {self.kind} channel"


@contextmanager
def at_moment(desk: Desk, moment: datetime) -> Iterator[None]:
    """Run the desk's services as if the clock showed ``moment`` (never later than the real now)."""
    saved = desk.clock
    desk.clock = FixedClock(min(moment, saved.now()))
    try:
        yield
    finally:
        desk.clock = saved


@contextmanager
def acting_as(desk: Desk, agent: str) -> Iterator[None]:
    before = desk.agent_name
    desk.set_current_agent(agent)
    try:
        yield
    finally:
        desk.set_current_agent(before)


def build(desk: Desk, *, seed: int, case_messages: Sequence[tuple[int, str]], summary: DemoSummary) -> None:
    """Everything below, in an order where each step finds what it needs."""
    now = desk.clock.now().replace(microsecond=0)
    rng = random.Random(seed * 7919 + 1)
    accounts = {a.name: a for a in desk.accounts.list()}
    account_health(desk, accounts, now=now)
    summary.templates_approved = approved_templates(desk, now=now)
    email = next(a for a in accounts.values() if a.kind == "email")
    reached, mails = pv_cases(desk, case_messages, email=email, rng=rng)
    made = summary.cases  # the bulk cases behind messages screened long ago
    counts = {state.value: made.get(state.value, 0) + reached.count(state) for state in CaseState}
    summary.cases = {state: n for state, n in counts.items() if n}
    outbox_ids = mails + outbox(desk, accounts, now=now)
    states = [desk.outbox.get(i).state.value for i in outbox_ids]
    summary.outbox = {s: states.count(s) for s in sorted(set(states))}


# -- account health -----------------------------------------------------------------------------------


def account_health(desk: Desk, accounts: dict[str, Account], *, now: datetime) -> None:
    """Recent syncs everywhere, except one account that lost its token and one that has gone silent."""
    with desk.store.transaction() as conn:
        for n, account in enumerate(sorted(accounts.values(), key=lambda a: a.id)):
            if account.kind == "file":
                last = now - timedelta(days=2, hours=3)  # the last import
            elif account.name == bank.RECONNECT_ACCOUNT:
                last = now - HOUR * bank.RECONNECT_HOURS_AGO[0]
            elif account.name == bank.STALE_ACCOUNT:
                last = now - HOUR * bank.STALE_HOURS_AGO[0]
            else:
                last = now - MINUTE * (2 + 3 * n)
            bulk.set_last_success(conn, account_id=account.id, at=to_db_time(last) or "")
    lost = accounts[bank.RECONNECT_ACCOUNT]
    with at_moment(desk, now - HOUR * bank.RECONNECT_HOURS_AGO[1]):
        desk.sync.sync_account(
            lost.id, connector=DemoConnector(lost.kind, fetch_error=ReconnectNeeded(bank.RECONNECT_ERROR))
        )
    silent = accounts[bank.STALE_ACCOUNT]
    with at_moment(desk, now - HOUR * bank.STALE_HOURS_AGO[1]):
        desk.sync.sync_account(
            silent.id, connector=DemoConnector(silent.kind, fetch_error=TransientChannelError(bank.STALE_ERROR))
        )
    desk.sync.check_gaps(now)


# -- templates --------------------------------------------------------------------------------------


def approved_templates(desk: Desk, *, now: datetime) -> int:
    """The shipped library, imported as drafts three weeks ago and approved by the compliance approver."""
    approver = next(name for name, role in bank.AGENTS if role == Role.APPROVER.value)
    with at_moment(desk, now - timedelta(days=21)):
        desk.templates.install_defaults()
    approved = 0
    with at_moment(desk, now - timedelta(days=20)), acting_as(desk, approver):
        for n, template in enumerate(desk.templates.library(), start=1):
            desk.templates.approve(
                template.id,
                reference=bank.APPROVAL_REFERENCE.format(n=n),
                expires_at=now + timedelta(days=bank.APPROVAL_DAYS),
            )
            approved += 1
    return approved


# -- PV cases -----------------------------------------------------------------------------------------


def pv_cases(
    desk: Desk, case_messages: Sequence[tuple[int, str]], *, email: Account, rng: random.Random
) -> tuple[list[CaseState], list[int]]:
    """One case per reserved message, walked draft -> ready -> forwarded -> acknowledged as far as planned.

    Returns the states reached and the outbox ids of the e-mails that took cases to drug safety.
    """
    reviewer = next(name for name, role in bank.AGENTS if role == Role.PV_REVIEWER.value)
    reached: list[CaseState] = []
    mails: list[int] = []
    with acting_as(desk, reviewer):
        for n, (message_id, target) in enumerate(case_messages):
            message = desk.messages.get(message_id)
            moment = message.received_at + MINUTE * (25 + 10 * n)
            with at_moment(desk, moment):
                case = desk.pv.new_case([message_id])
            state = CaseState(target)
            if state == CaseState.DRAFT:
                if n % 2 == 0:  # the reporter was asked for what is missing
                    with at_moment(desk, moment + 20 * MINUTE):
                        desk.pv.request_follow_up(
                            case.id,
                            channel=email.kind if message.kind.value == "email" else "direct message",
                            note=bank.FOLLOW_UP_NOTE_DE if message.language == "de" else bank.FOLLOW_UP_NOTE_EN,
                        )
                reached.append(CaseState.DRAFT)
                continue
            moment += 2 * HOUR
            with at_moment(desk, moment):
                _complete(desk, case.id, rng)
                desk.pv.mark_ready(case.id)
            if state == CaseState.READY:
                reached.append(CaseState.READY)
                continue
            moment += HOUR
            before = {item.id for item in desk.outbox.pending(email.id)}
            with at_moment(desk, moment):
                desk.pv.forward(case.id, "email", "")
            mails += sorted(item.id for item in desk.outbox.pending(email.id) if item.id not in before)
            with at_moment(desk, moment + MINUTE):
                desk.outbox.deliver_due(email.id, connector=DemoConnector(email.kind))
            if state == CaseState.FORWARDED:
                reached.append(CaseState.FORWARDED)
                continue
            with at_moment(desk, moment + 18 * HOUR):
                desk.pv.acknowledge(case.id, bank.SAFETY_CASE_NUMBER.format(n=4711 + n))
            reached.append(CaseState.ACKNOWLEDGED)
    return reached, mails


def _complete(desk: Desk, case_id: int, rng: random.Random) -> None:
    """What a reviewer adds before forwarding: seriousness decided, and a patient the reporter described."""
    case = desk.pv.get(case_id)
    changes: dict[str, Any] = {
        "seriousness": {c: c in case.seriousness_hints for c in SERIOUSNESS_CRITERIA},
    }
    validity = desk.pv.validity(case_id)
    if not validity.patient.met:
        age = 28 + int(rng.random() * 50)
        changes["patient"] = Patient(relation="self", age_value=age, sex=("female", "male")[int(rng.random() * 2)])
    if not validity.product.met:
        product = bank.PRODUCTS[int(rng.random() * len(bank.PRODUCTS))]
        changes["products"] = (CaseProduct(name=str(product["brand"]), substance=str(product["substance"])),)
    desk.pv.update(case_id, **changes)


# -- the outbox -------------------------------------------------------------------------------------


def outbox(desk: Desk, accounts: dict[str, Account], *, now: datetime) -> list[int]:
    """Replies sent to people we wait for, one the channel refused, and some still queued."""
    conn = desk.store.read()
    ids: list[int] = []
    waiting = bulk.messages_to_answer(conn, status="waiting", kinds=("facebook", "discourse", "email"), limit=3)
    for n, row in enumerate(waiting):
        moment = now - HOUR * (5 - n)
        ids.append(_queue_reply(desk, row, moment, reply=0))
        account_id = desk.outbox.get(ids[-1]).account_id
        with at_moment(desk, moment + MINUTE):
            desk.outbox.deliver_due(account_id, connector=DemoConnector(row[1]))
    refused = bulk.messages_to_answer(conn, status="open", kinds=("facebook",), limit=4)
    if refused:
        ids.append(_queue_reply(desk, refused[-1], now - 40 * MINUTE, reply=3))
        with at_moment(desk, now - 39 * MINUTE):
            desk.outbox.deliver_due(
                desk.outbox.get(ids[-1]).account_id, connector=DemoConnector("facebook", refuse=True)
            )
    for n, row in enumerate(refused[:2]):
        ids.append(_queue_reply(desk, row, now - MINUTE * (8 - 3 * n), reply=0))
    lost = accounts[bank.RECONNECT_ACCOUNT]
    stuck = bulk.messages_to_answer(conn, status="open", kinds=(lost.kind,), limit=1)
    for row in stuck:  # waits until someone reconnects the account
        ids.append(_queue_reply(desk, row, now - 50 * MINUTE, reply=0))
    return ids


def _queue_reply(desk: Desk, row: tuple[Any, ...], moment: datetime, *, reply: int) -> int:
    message_id, _, author, language = row
    first = author.split(" ")[0] if author else ""
    text = (bank.REPLIES_DE if language == "de" else bank.REPLIES_EN)[reply].format(name=first)
    with at_moment(desk, moment):
        return desk.outbox.queue(int(message_id), OutboxAction.REPLY, text)
