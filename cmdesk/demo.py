"""A deterministic, believable fictional pharma desk: the demo store and the benchmark corpus.

The same seed and the same clock give the same store, row for row. :mod:`cmdesk.demo_stream`
makes the rows; for a big demo it runs in a worker process while this process stores what
arrives, chunk by chunk in one transaction each, with the secondary indexes dropped until the
end, and makes the PV cases of the messages screened long ago (:mod:`cmdesk.demo_cases`) while
it waits for the next chunk. :mod:`cmdesk.demo_showcase` then walks the desk's own services
through what a user should find on opening the desk: account health, approved templates, PV
cases in every workflow state, the outbox.
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk import demo_showcase
from cmdesk import demo_texts as bank
from cmdesk.demo_cases import DAYS_AHEAD, CaseBook, CasePlan, CaseRows
from cmdesk.demo_stream import (
    DAYS,
    DemoAccount,
    DemoPlan,
    DemoSummary,
    DemoTimes,
    Failed,
    Finished,
    Item,
    People,
    produce,
)
from cmdesk.people import MERGES_CHECKED_KEY
from cmdesk.pv import clocks
from cmdesk.store import audit, bulk
from cmdesk.store import pv as pv_sql
from cmdesk.store import settings as settings_sql
from cmdesk.store.codec import to_db_time, to_json

if TYPE_CHECKING:
    from cmdesk.desk import Desk
    from cmdesk.store.engine import Connection

__all__ = ["DemoSummary", "generate"]

Progress = Callable[[int, int], None]
WORKER_FROM = 50_000  # below this, starting a worker process costs more than it saves
COMPANY_COUNTRY = "DE"
SAFETY_INBOX = "drug.safety@novalind.example"


def generate(
    desk: Desk,
    *,
    messages: int,
    seed: int = 7,
    progress: Progress | None = None,
    worker: bool | None = None,
) -> DemoSummary:
    """Fill ``desk`` with a fictional company's channels, people and ``messages`` inbound messages.

    ``worker`` makes the rows in a second process (default: for big demos, outside frozen
    bundles); the store is the same either way.
    """
    with collector_paused():
        return _generate(desk, messages=messages, seed=seed, progress=progress, worker=worker)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the load: its millions of rows and the caches that make them
    form no reference cycles, so each collection only walks them again (a tenth of the worker's time
    and several per cent of this process's at 10^5 messages). Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate(desk: Desk, *, messages: int, seed: int, progress: Progress | None, worker: bool | None) -> DemoSummary:
    started = time.perf_counter()
    plan = _prepare(desk, seed=seed, messages=messages)
    book = CaseBook(plan, DemoTimes.of(plan.now, days_ahead=DAYS_AHEAD))
    with desk.store.transaction() as conn:
        load = bulk.begin_load(conn, drop_indexes=bulk.max_id(conn, "message") == 0)
    stored = 0
    finished: Finished | None = None
    # The bulk cases' products and events go in after the showcase: nothing indexes those tables by
    # case, so each of the showcase's few dozen case loads would scan every bulk case's rows.
    later_products: list[tuple[Any, ...]] = []
    later_events: list[tuple[Any, ...]] = []

    def store(item: Item) -> None:
        nonlocal stored, finished
        if isinstance(item, Failed):
            raise RuntimeError(f"the demo worker failed:\n{item.detail}")
        if isinstance(item, Finished):
            with desk.store.transaction() as conn:
                store_cases(conn, book.rest())
            finished = item
            return
        with desk.store.transaction() as conn:
            if isinstance(item, People):
                bulk.insert_persons(conn, item.persons)
                bulk.insert_authors(conn, item.authors)
                bulk.insert_merge_suggestions(conn, item.merges)
                bulk.insert_person_tags(conn, item.tags)
                bulk.insert_notes(conn, item.notes)
                book.add_people(item)
                return
            bulk.insert_messages_with_ids(conn, item.messages)
            bulk.insert_status_events(conn, item.events)
            bulk.insert_message_tags(conn, item.tags)
            bulk.insert_notes(conn, item.notes)
            store_cases(conn, book.take(item.messages, item.case_texts))  # while the worker makes the next chunk
        stored += item.inbound
        if progress and item.inbound:
            progress(min(stored, messages), messages)

    def store_cases(conn: Connection, cases: CaseRows) -> None:
        bulk.insert_cases(conn, cases.cases)
        bulk.insert_case_sources(conn, cases.sources)
        later_products.extend(cases.products)
        later_events.extend(cases.events)

    use_worker = worker if worker is not None else messages >= WORKER_FROM and not getattr(sys, "frozen", False)
    try:
        if use_worker:
            _in_worker(plan, store)
        else:
            produce(plan, store)
    finally:  # even a failed demo leaves a store with its whole schema (and whole cases)
        with desk.store.transaction() as conn:
            bulk.end_load(conn, load, keep_cache=finished is not None)
            if finished is None:
                bulk.insert_case_products(conn, later_products)
                bulk.insert_case_events(conn, later_events)
    if finished is None:
        raise RuntimeError("the demo rows ended early")
    summary = finished.summary
    summary.cases = book.counts()
    bulk_cases = sum(summary.cases.values())
    try:  # the showcase reads what was just loaded: from the load's page cache
        demo_showcase.build(desk, seed=seed, case_messages=finished.case_messages, summary=summary)
    finally:
        with desk.store.transaction() as conn:
            bulk.insert_case_products(conn, later_products)
            bulk.insert_case_events(conn, later_events)
            bulk.release_cache(conn, load)
    with desk.store.transaction() as conn:
        audit.append(
            conn,
            at=desk.clock.now(),
            actor=desk.agent_name,
            action="demo.generate",
            entity="store",
            # the bulk PV cases have no audit rows of their own: this entry accounts for them
            detail={"messages": summary.messages, "persons": summary.persons, "pv_cases": bulk_cases, "seed": seed},
        )
        # the demo made its own merge suggestions: the window's first sync pass need not look through them all
        settings_sql.put(conn, MERGES_CHECKED_KEY, bulk.max_id(conn, "message"))
    summary.seconds = round(time.perf_counter() - started, 2)
    if progress:
        progress(messages, messages)
    return summary


def _prepare(desk: Desk, *, seed: int, messages: int) -> DemoPlan:
    """Agents, settings, channel accounts and tags: what the rows refer to; where the case numbers go on."""
    now = desk.clock.now().replace(microsecond=0)
    created = to_db_time(now - timedelta(days=DAYS)) or ""
    accounts: list[DemoAccount] = []
    with desk.store.transaction() as conn:
        for name, role in bank.AGENTS:
            settings_sql.add_agent(conn, name=name, role=role, created_at=created)
        settings_sql.put(conn, "products", bank.PRODUCTS)
        settings_sql.put(conn, "company_name", bank.COMPANY)
        settings_sql.put(conn, "company_country", COMPANY_COUNTRY)
        settings_sql.put(conn, "pv_safety_inbox", SAFETY_INBOX)
        settings_sql.put(conn, "current_agent", bank.AGENTS[0][0])
        for name, kind, german, share, account_settings in bank.ACCOUNTS:
            account_id = bulk.insert_account(
                conn, name=name, kind=kind, settings=to_json(account_settings), created_at=created
            )
            silent = {bank.RECONNECT_ACCOUNT: bank.RECONNECT_HOURS_AGO[0], bank.STALE_ACCOUNT: bank.STALE_HOURS_AGO[0]}
            country = str(account_settings.get("country") or "") if isinstance(account_settings, dict) else ""
            accounts.append(DemoAccount(account_id, name, kind, german, share, silent.get(name), country))
        names = sorted({t for tags in (*bank.MESSAGE_TAGS.values(), *bank.PERSON_TAGS.values()) for t in tags})
        tag_ids = bulk.insert_tags(conn, names)
        first_ids = [bulk.max_id(conn, table) + 1 for table in ("message", "person", "author", "pv_case")]
        years = range((now - timedelta(days=DAYS)).year, now.year + 1)
        case_numbers = {year: pv_sql.last_reference_number(conn, f"CMD-{year}-") for year in years}
    desk.settings_changed()  # the analyzer now knows the demo products
    return DemoPlan(
        seed=seed,
        messages=messages,
        now=now,
        accounts=tuple(accounts),
        tag_ids=tag_ids,
        first_message=first_ids[0],
        first_person=first_ids[1],
        first_author=first_ids[2],
        analyzer=desk.analyzer,
        cases=CasePlan(
            first_case=first_ids[3],
            case_numbers=case_numbers,
            products=tuple(desk.settings.products()),
            company_country=COMPANY_COUNTRY,
            safety_inbox=SAFETY_INBOX,
            internal_hours=int(desk.settings.get("pv_internal_hours") or clocks.DEFAULT_INTERNAL_HOURS),
        ),
    )


def _in_worker(plan: DemoPlan, store: Callable[[Item], None]) -> None:
    """Make the rows in a fresh interpreter (no copy of this process's database handles, threads or Qt)."""
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    command = [sys.executable, "-m", "cmdesk.demo_stream"]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env) as worker:
        assert worker.stdin is not None and worker.stdout is not None
        try:
            pickle.dump(plan, worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            worker.stdin.close()
            while True:
                try:
                    item = pickle.load(worker.stdout)
                except EOFError:
                    raise RuntimeError(f"the demo worker stopped (exit code {worker.wait()})") from None
                store(item)
                if isinstance(item, Finished):
                    break
            worker.wait(timeout=60)
        finally:
            if worker.poll() is None:  # this side failed: the worker's rows are no longer wanted
                worker.kill()
