"""The sync engine: fetch pages from each account's channel and store them without loss or duplicates.

Each page is stored in ONE transaction together with its rejects, the account's
new cursor and its health -- or, when the channel answers faster than the store can keep
up, with the pages fetched right after it, and the cursor of the last. A crash between
transactions therefore loses nothing and repeats at most one transaction's pages, which
ingest's idempotent upsert absorbs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.channels.accounts import Account
from cmdesk.channels.base import Connector, Page
from cmdesk.channels.prefetch import Prefetcher
from cmdesk.errors import ChannelError, CmdeskError, InvalidInput, RateLimited, ReconnectNeeded
from cmdesk.ingest import AnalysedAhead, ingest, prepare_ahead
from cmdesk.model import ChannelKind
from cmdesk.store import accounts as account_sql
from cmdesk.store import audit
from cmdesk.store import messages as sql
from cmdesk.store import sync as sync_sql
from cmdesk.store.codec import from_db_time, to_db_time, to_json
from cmdesk.store.engine import Connection

if TYPE_CHECKING:
    from cmdesk.desk import Desk

log = logging.getLogger(__name__)

FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
GAP_ALERT = "monitoring_gap"
# Items stored in one transaction at most, from pages already fetched (a larger page is stored alone).
# Per transaction and per statement SQLite has work besides the rows (journals, commit, a full-text
# index segment); with SQLCipher's memory security it is a third of a 100-message page's time.
GROUP_ITEMS = 400


@dataclass
class SyncResult:
    """What one account's sync did, for progress lines and tests."""

    account_id: int
    account: str
    pages: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    rejected: int = 0
    delivered: int = 0
    done: bool = False
    error: str | None = None


def raw_json(raw: Any) -> str:
    """A reject's raw payload as JSON; what JSON cannot hold is kept as its repr (never dropped)."""
    try:
        return to_json(raw)
    except (TypeError, ValueError):
        return to_json({"repr": repr(raw)})


def store_rejected(
    conn: Connection, *, account_id: int, external_id: str | None, reason: str, raw: Any, at: str
) -> bool:
    """Keep a reject with its reason, once: a page replayed after a crash adds no second copy."""
    text = raw_json(raw)
    if sync_sql.rejected_exists(conn, account_id=account_id, external_id=external_id, reason=reason, raw=text):
        return False
    sql.insert_rejected(conn, account_id=account_id, external_id=external_id, reason=reason, raw=text, at=at)
    return True


def gap_key(account_id: int) -> str:
    return f"account:{account_id}"


class SyncEngine:
    """Runs syncs for the desk's channel accounts, each on its own schedule."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- scheduling -----------------------------------------------------------------------

    @staticmethod
    def is_due(account: Account, now: datetime) -> bool:
        """Active accounts are due at ``retry_at`` if one is set, else one interval after the last success."""
        if account.status != "active" or account.kind == ChannelKind.FILE.value:
            return False
        if account.retry_at is not None:
            return account.retry_at <= now
        if account.last_success_at is None:
            return True
        return account.last_success_at + timedelta(seconds=account.sync_interval_s) <= now

    def next_due_at(self) -> datetime | None:
        """When the next account becomes due (the CLI loop sleeps until then)."""
        times: list[datetime] = []
        for account in self._desk.accounts.list():
            if account.status != "active" or account.kind == ChannelKind.FILE.value:
                continue
            if account.retry_at is not None:
                times.append(account.retry_at)
            elif account.last_success_at is None:
                times.append(self._desk.clock.now())
            else:
                times.append(account.last_success_at + timedelta(seconds=account.sync_interval_s))
        return min(times) if times else None

    def sync_due(self, now: datetime | None = None, *, max_pages: int | None = None) -> list[SyncResult]:
        """One pass: sync every due account; one account's failure never stops the others."""
        now = now or self._desk.clock.now()
        results = []
        for account in self._desk.accounts.list():
            if not self.is_due(account, now):
                continue
            try:
                results.append(self.sync_account(account.id, max_pages=max_pages))
            except CmdeskError as err:  # already recorded on the account (or refused before it began: paused)
                results.append(SyncResult(account_id=account.id, account=account.name, error=str(err)))
            except Exception as err:  # a bug (already recorded on the account) must not stop other accounts' monitoring
                log.exception("sync of account %s failed", account.id)
                message = f"internal error ({err.__class__.__name__}); see the log"
                results.append(SyncResult(account_id=account.id, account=account.name, error=message))
        self.check_gaps(now)
        return results

    # -- one account ----------------------------------------------------------------------

    def sync_account(
        self,
        name_or_id: str | int,
        *,
        max_pages: int | None = None,
        connector: Connector | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> SyncResult:
        """Fetch until the channel has nothing more (or ``max_pages``), then deliver the account's due outbox.

        ``stop`` is asked before each transaction: when it answers True (the desk is being locked)
        the sync ends after what is stored, its cursor there, and delivers no outbox; the next run
        goes on from that cursor. Any failure -- on the first request as on a later one, or in building the connector --
        is recorded on the account (last error, retry time). A channel's failure is then in
        the result; any other (refused settings, a bug) is raised after it is recorded.
        """
        account = self._desk.accounts.get(name_or_id)
        if account.kind == ChannelKind.FILE.value:
            raise InvalidInput(
                "{account!r} is a file import account; fill it with `cmdesk import`", account=account.name
            )
        if account.status == "paused":
            raise InvalidInput(
                "{account!r} is paused; resume it first (`cmdesk accounts resume`)", account=account.name
            )
        result = SyncResult(account_id=account.id, account=account.name)
        try:
            connector = connector or self._desk.accounts.connector(account)
            self._fetch_and_store(account, connector, result, max_pages=max_pages, stop=stop)
        except ReconnectNeeded as err:
            result.error = str(err)
            self._record_failure(account, str(err), status="reconnect_needed")
            return result
        except RateLimited as err:
            result.error = str(err)
            now = self._desk.clock.now()
            self._record_failure(account, str(err), retry_at=now + timedelta(seconds=max(1.0, err.retry_after_s)))
            return result
        except ChannelError as err:  # transient or not: retried later with a growing wait
            result.error = str(err)
            self._record_failure_with_backoff(account, str(err))
            return result
        except CmdeskError as err:  # e.g. settings the connector refuses: recorded, then raised as before
            self._record_failure_with_backoff(account, str(err))
            raise
        except Exception as err:  # a bug: shown on the account and retried like any failure, then raised for the log
            self._record_failure_with_backoff(account, f"internal error ({err.__class__.__name__}); see the log")
            raise
        if not result.done:
            self._mark_more_to_fetch(account.id)
        if stop is not None and stop():
            return result
        result.delivered = self._deliver_outbox(account, connector)
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)
        return result

    def _fetch_and_store(
        self,
        account: Account,
        connector: Connector,
        result: SyncResult,
        *,
        max_pages: int | None,
        stop: Callable[[], bool] | None = None,
    ) -> None:
        """Store page after page, each with its cursor; the next pages are fetched while one is stored.

        The fetch of page n+1 needs only page n's cursor, so it runs in a helper thread while
        page n is committed, together with the analysis of its texts: a channel's answer
        time, our JSON parsing and the analysis overlap the store's work (SQLite releases the
        GIL) instead of adding to it. Pages already fetched when the store is free are stored
        together (up to GROUP_ITEMS items), so a fast channel costs fewer, larger transactions
        while a slow one still has each page stored as soon as it comes. Nothing is fetched
        past the last page or the page budget, the pages are stored in order in this thread,
        and a failed fetch surfaces only after the pages before it are stored, as it would
        without the overlap. No fetch is left running when this returns.
        """

        def fetch(cursor: dict[str, Any]) -> tuple[Page, AnalysedAhead]:
            page = connector.fetch(cursor)
            analyzer = self._desk.analyzer  # per page: a product added mid-run counts from the next page
            return page, prepare_ahead(analyzer, page.items)

        if max_pages is not None and max_pages <= 0:
            return

        def stopped() -> bool:
            return stop is not None and stop()

        fetcher = Prefetcher(fetch, dict(account.cursor), max_pages=max_pages, name=f"sync-fetch-{account.id}")
        try:
            while not result.done and not stopped():
                fetched = fetcher.take(max_items=GROUP_ITEMS, stop=stop)
                if not fetched or stopped():  # pages taken as the stop came are fetched again next time
                    return
                self._store_pages(account, fetched, result)
        finally:
            # pages fetched ahead of a failure or a stop are dropped: the stored cursor still points before them;
            # a stop does not wait for a fetch under way (a slow channel would hold up locking the desk)
            fetcher.close(wait=not stopped())

    def _deliver_outbox(self, account: Account, connector: Connector) -> int:
        """Replies wait in the outbox for their account's connector; a failure there is the outbox's to record."""
        try:
            return self._desk.outbox.deliver_due(account.id, connector=connector)
        except ChannelError as err:
            log.warning("outbox delivery for account %s stopped: %s", account.id, err)
            return 0

    def _store_pages(self, account: Account, fetched: Sequence[tuple[Page, AnalysedAhead]], result: SyncResult) -> None:
        """Messages, rejects, cursor and health of pages fetched one after another: all committed together, or none.

        The pages' items are upserted as one batch: one INSERT for the new messages instead of
        one per page. An author named differently on two of the pages keeps the name of their
        first item, as within one page. The cursor and health written are those the last page
        leaves; results and progress events are counted page by page, as before.
        """
        pages = [page for page, _ in fetched]
        analyzer = fetched[0][1] if len(fetched) == 1 else AnalysedAhead.joined([made for _, made in fetched])
        items = pages[0].items if len(pages) == 1 else tuple(item for page in pages for item in page.items)
        expires = next((page.token_expires_at for page in reversed(pages) if page.token_expires_at), None)
        now = self._desk.clock.now()
        now_text = to_db_time(now) or ""
        alert_cleared = False
        with self._desk.store.transaction() as conn:
            stored = ingest(conn, account_id=account.id, items=items, analyzer=analyzer, now=now)
            for page in pages:
                for reject in page.rejected:
                    store_rejected(
                        conn,
                        account_id=account.id,
                        external_id=reject.external_id,
                        reason=reject.reason,
                        raw=reject.raw,
                        at=now_text,
                    )
            account_sql.record_success(
                conn,
                account.id,
                cursor=to_json(pages[-1].cursor),
                at=now_text,
                token_expires_at=to_db_time(expires),
            )
            alert_cleared = clear_gap_alert(conn, account.id, now_text)
        changed = stored.new_ids if not (stored.updated or stored.deleted) else stored.message_ids
        if changed:
            self._desk.events.emit(events.MESSAGES_CHANGED, ids=list(changed))
        start = 0
        for page in pages:  # progress as if stored page by page (the command line prints a line per page)
            outcomes = stored.outcomes[start : start + len(page.items)]
            start += len(page.items)
            result.pages += 1
            result.fetched += len(page.items)
            result.new += outcomes.count("new")
            result.updated += outcomes.count("updated") + outcomes.count("deleted")
            result.rejected += len(page.rejected)
            result.done = page.done
            self._desk.events.emit(
                events.SYNC_PROGRESS, account_id=account.id, fetched=result.fetched, stored=result.new + result.updated
            )
        if alert_cleared:
            self._desk.events.emit(events.ALERTS_CHANGED)

    def _mark_more_to_fetch(self, account_id: int) -> None:
        """Stopped at max_pages with pages left: due again at once."""
        with self._desk.store.transaction() as conn:
            account_sql.set_retry_at(conn, account_id, at=to_db_time(self._desk.clock.now()))

    # -- failures -------------------------------------------------------------------------

    def _backoff(self, account: Account, now: datetime) -> datetime:
        """Twice the previous wait while failures follow each other, from 30 s up to an hour."""
        wait = FIRST_BACKOFF
        failing = account.last_error_at is not None and (
            account.last_success_at is None or account.last_error_at > account.last_success_at
        )
        if failing and account.retry_at is not None and account.last_error_at is not None:
            previous = account.retry_at - account.last_error_at
            if previous > timedelta(0):
                wait = previous * 2
        return now + min(wait, MAX_BACKOFF)

    def _record_failure_with_backoff(self, account: Account, message: str) -> None:
        """A failure retried after a growing wait; pages stored before it (a success each) reset the wait."""
        latest = self._desk.accounts.get(account.id)
        self._record_failure(latest, message, retry_at=self._backoff(latest, self._desk.clock.now()))

    def _record_failure(
        self, account: Account, message: str, *, retry_at: datetime | None = None, status: str | None = None
    ) -> None:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            account_sql.record_failure(
                conn, account.id, error=message, at=to_db_time(now), retry_at=to_db_time(retry_at), status=status
            )
            if status is not None and status != account.status:
                audit.append(
                    conn,
                    at=now,
                    actor="sync",
                    action="account.status",
                    entity="channel_account",
                    entity_id=account.id,
                    detail={"from": account.status, "to": status, "reason": message},
                )
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)

    # -- monitoring gaps ------------------------------------------------------------------

    def check_gaps(self, now: datetime | None = None) -> list[int]:
        """Raise a monitoring_gap alert for each watched account without success for too long.

        Paused accounts are not watched on purpose; an account waiting for reconnection is.
        Returns the ids of accounts with an open gap alert.
        """
        now = now or self._desk.clock.now()
        limit = timedelta(hours=float(self._desk.settings.get("monitoring_gap_hours")))
        now_text = to_db_time(now) or ""
        gaps: list[int] = []
        raised = False
        with self._desk.store.transaction() as conn:
            rows = account_sql.watched_rows(conn, except_kind=ChannelKind.FILE.value)
            for account_id, name, status, last_success, created, last_error in rows:
                since = from_db_time(last_success) or from_db_time(created)
                if since is None or now - since <= limit:
                    continue
                gaps.append(account_id)
                if not sync_sql.alert_open(conn, kind=GAP_ALERT, key=gap_key(account_id)):
                    detail = {
                        "account_id": account_id,
                        "account": name,
                        "status": status,
                        "last_success_at": last_success,
                        "last_error": last_error,
                    }
                    sync_sql.raise_alert(
                        conn, kind=GAP_ALERT, key=gap_key(account_id), at=now_text, detail=to_json(detail)
                    )
                    raised = True
        if raised:
            self._desk.events.emit(events.ALERTS_CHANGED)
        return gaps


def clear_gap_alert(conn: Connection, account_id: int, now_text: str) -> bool:
    """Close the account's open monitoring-gap alert (a success ends the gap); True if one was open."""
    return sync_sql.clear_alerts(conn, kind=GAP_ALERT, key=gap_key(account_id), at=now_text)
