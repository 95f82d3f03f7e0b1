"""Channel accounts: their settings, their secret in the OS keyring, their health.

Settings are plain JSON in the store (page ids, host names, intervals); the secret
(access token, app password) lives only in the OS keyring under service "cmdesk",
so a copied store file never carries a channel's credentials.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import keyring.errors

from cmdesk import events
from cmdesk.channels.base import Connector
from cmdesk.channels.errors import missing_settings, unknown_setting
from cmdesk.errors import InvalidInput, NoKeySource, NotFound, ReconnectNeeded
from cmdesk.model import ChannelKind
from cmdesk.store import accounts as sql
from cmdesk.store import audit
from cmdesk.store.codec import from_db_time, from_json, to_db_time, to_json
from cmdesk.store.engine import Connection
from cmdesk.store.keys import KEYRING_SERVICE, keyring_available, read_keyinfo

if TYPE_CHECKING:
    from cmdesk.desk import Desk

# Settings each kind accepts; anything else is a typo the user should hear about now, not at sync time.
_COMMON = ("sync_interval_s", "country", "base_url")
ALLOWED_SETTINGS: dict[str, tuple[str, ...]] = {
    ChannelKind.FACEBOOK.value: (*_COMMON, "page_id"),
    ChannelKind.INSTAGRAM.value: (*_COMMON, "ig_user_id", "page_id"),
    ChannelKind.YOUTUBE.value: (*_COMMON, "channel_id"),
    ChannelKind.DISCOURSE.value: (*_COMMON, "username"),
    ChannelKind.EMAIL.value: (
        *_COMMON,
        "imap_host",
        "imap_port",
        "smtp_host",
        "smtp_port",
        "address",
        "username",
        "mailbox",
        "sent_mailbox",
        "security",
    ),
    ChannelKind.FILE.value: ("country",),
}
INT_SETTINGS = frozenset({"sync_interval_s", "imap_port", "smtp_port"})
MIN_SYNC_INTERVAL_S = 30
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Account:
    """A channel account as the accounts screen shows it: settings plus health."""

    id: int
    name: str
    kind: str
    settings: dict[str, Any]
    cursor: dict[str, Any]
    status: str  # active | paused | reconnect_needed
    sync_interval_s: int
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    retry_at: datetime | None
    token_expires_at: datetime | None
    created_at: datetime
    items_last_hour: int = 0
    has_secret: bool | None = None  # None: not looked up (each look-up may wake the OS keyring)

    def as_json(self) -> dict[str, Any]:
        """The account for `--json` output and the UI (the cursor is internal, the secret never shown)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "settings": self.settings,
            "status": self.status,
            "sync_interval_s": self.sync_interval_s,
            "last_success_at": to_db_time(self.last_success_at),
            "last_error": self.last_error,
            "last_error_at": to_db_time(self.last_error_at),
            "retry_at": to_db_time(self.retry_at),
            "token_expires_at": to_db_time(self.token_expires_at),
            "items_last_hour": self.items_last_hour,
            "has_secret": self.has_secret,
        }


def required_settings(kind: str) -> tuple[str, ...]:
    """The settings a connector cannot work without and that have no default (the registry knows them)."""
    if kind == ChannelKind.FILE.value:
        return ()
    from cmdesk.channels.registry import DEFAULT_BASE_URLS, SETTINGS

    return tuple(s for s in SETTINGS.get(kind, ()) if not (s == "base_url" and kind in DEFAULT_BASE_URLS))


def _clean_settings(kind: str, settings: dict[str, Any]) -> dict[str, Any]:
    allowed = ALLOWED_SETTINGS[kind]
    cleaned: dict[str, Any] = {}
    for key, given in settings.items():
        if key not in allowed:
            raise unknown_setting(kind, key=key, allowed=allowed)
        value: Any
        if key in INT_SETTINGS:
            try:
                value = int(given)
            except (TypeError, ValueError):
                raise InvalidInput(
                    "the setting {key} must be a whole number, not {given!r}", key=key, given=given
                ) from None
            if value <= 0:
                raise InvalidInput("the setting {key} must be positive", key=key)
        elif not isinstance(given, str) or not given.strip():
            raise InvalidInput("the setting {key} needs a value", key=key)
        else:
            value = given.strip()
        cleaned[key] = value
    if "sync_interval_s" in cleaned and cleaned["sync_interval_s"] < MIN_SYNC_INTERVAL_S:
        raise InvalidInput(
            "sync_interval_s must be at least {minimum} seconds (channels rate-limit)", minimum=MIN_SYNC_INTERVAL_S
        )
    return cleaned


def _row_to_account(row: Any, *, items_last_hour: int = 0, has_secret: bool | None = None) -> Account:
    created = from_db_time(row[12])
    assert created is not None
    return Account(
        id=int(row[0]),
        name=row[1],
        kind=row[2],
        settings=from_json(row[3], {}),
        cursor=from_json(row[4], {}),
        status=row[5],
        sync_interval_s=int(row[6]),
        last_success_at=from_db_time(row[7]),
        last_error=row[8],
        last_error_at=from_db_time(row[9]),
        retry_at=from_db_time(row[10]),
        token_expires_at=from_db_time(row[11]),
        created_at=created,
        items_last_hour=items_last_hour,
        has_secret=has_secret,
    )


class AccountService:
    """Adds, lists and changes channel accounts; keeps their secrets in the keyring."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        # Tests and benchmarks swap in their own connectors here; None means the channel registry.
        self.connector_factory: Callable[[Account, str | None], Connector] | None = None

    # -- reading ------------------------------------------------------------------------

    def list(self, *, check_secrets: bool = False) -> list[Account]:
        """All accounts by name with their health; ``check_secrets`` also asks the keyring which have one."""
        conn = self._desk.store.read()
        rows = sql.account_rows(conn)
        counts = self._items_last_hour(conn)
        return [
            _row_to_account(
                r,
                items_last_hour=counts.get(int(r[0]), 0),
                has_secret=self._has_secret(int(r[0])) if check_secrets else None,
            )
            for r in rows
        ]

    def get(self, name_or_id: str | int, *, check_secrets: bool = False) -> Account:
        """The account by name, or by id (an int, or digits that name no account)."""
        conn = self._desk.store.read()
        row = sql.account_by_name(conn, str(name_or_id))
        if row is None and (isinstance(name_or_id, int) or str(name_or_id).isdigit()):
            row = sql.account_by_id(conn, int(name_or_id))
        if row is None:
            raise NotFound("there is no channel account {account!r}", account=name_or_id)
        account_id = int(row[0])
        counts = self._items_last_hour(conn, account_id=account_id)
        has_secret = self._has_secret(account_id) if check_secrets else None
        return _row_to_account(row, items_last_hour=counts.get(account_id, 0), has_secret=has_secret)

    def _items_last_hour(self, conn: Connection, account_id: int | None = None) -> dict[int, int]:
        """Messages received per account in the last hour: the throughput the health view shows."""
        since = to_db_time(self._desk.clock.now() - HOUR) or ""
        return sql.received_since(conn, since, account_id=account_id)

    # -- changing -----------------------------------------------------------------------

    def add(self, kind: str, name: str, settings: dict[str, Any] | None = None) -> Account:
        try:
            kind = ChannelKind(kind).value
        except ValueError:
            raise InvalidInput(
                "unknown channel kind {kind!r}; choose one of {kinds}",
                kind=kind,
                kinds=", ".join(k.value for k in ChannelKind),
            ) from None
        name = name.strip()
        if not name:
            raise InvalidInput("an account needs a name")
        cleaned = _clean_settings(kind, dict(settings or {}))
        missing = [s for s in required_settings(kind) if s not in cleaned]
        if missing:
            raise missing_settings(kind, missing)
        interval = int(cleaned.pop("sync_interval_s", 300))
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            if sql.name_taken(conn, name):
                raise InvalidInput("an account named {name!r} already exists", name=name)
            account_id = sql.insert_account(
                conn,
                name=name,
                kind=kind,
                settings=to_json(cleaned),
                sync_interval_s=interval,
                created_at=to_db_time(now) or "",
            )
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action="account.add",
                entity="channel_account",
                entity_id=account_id,
                detail={"name": name, "kind": kind, "settings": cleaned},
            )
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account_id)
        return self.get(account_id)

    def update(self, name_or_id: str | int, settings: dict[str, Any]) -> Account:
        """Change some settings; a value of None removes that setting."""
        account = self.get(name_or_id)
        removed = [k for k, v in settings.items() if v is None]
        cleaned = _clean_settings(account.kind, {k: v for k, v in settings.items() if v is not None})
        merged = {k: v for k, v in account.settings.items() if k not in removed}
        interval = int(cleaned.pop("sync_interval_s", account.sync_interval_s))
        merged.update(cleaned)
        missing = [s for s in required_settings(account.kind) if s not in merged]
        if missing:
            raise missing_settings(account.kind, missing)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.update_settings(conn, account.id, settings=to_json(merged), sync_interval_s=interval)
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action="account.update",
                entity="channel_account",
                entity_id=account.id,
                detail={"settings": merged, "sync_interval_s": interval},
            )
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)
        return self.get(account.id)

    def remove(self, name_or_id: str | int) -> None:
        """Forget an account that never stored a message; one with messages can only be paused (audit trail)."""
        account = self.get(name_or_id)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            if sql.has_messages(conn, account.id):
                raise InvalidInput(
                    "the account {account!r} has stored messages and cannot be removed; pause it instead",
                    account=account.name,
                )
            sql.delete_account(conn, account.id)
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action="account.remove",
                entity="channel_account",
                entity_id=account.id,
                detail={"name": account.name},
            )
        self._delete_secret(account.id)
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)

    def pause(self, name_or_id: str | int) -> Account:
        return self._set_status(name_or_id, "paused", "account.pause")

    def resume(self, name_or_id: str | int) -> Account:
        """Active again, due at once; the last error stays visible until the next success."""
        return self._set_status(name_or_id, "active", "account.resume")

    def _set_status(self, name_or_id: str | int, status: str, action: str) -> Account:
        account = self.get(name_or_id)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.set_status(conn, account.id, status)
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action=action,
                entity="channel_account",
                entity_id=account.id,
                detail={"from": account.status},
            )
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)
        return self.get(account.id)

    # -- secrets (OS keyring only) -------------------------------------------------------

    def _username(self, account_id: int) -> str:
        store_id = read_keyinfo(self._desk.path).store_id
        return f"account:{store_id}:{account_id}"

    def _backend(self) -> Any:
        backend = self._desk.keys.backend
        if not keyring_available(backend):
            raise NoKeySource(
                "no OS keyring is available to hold channel secrets; unlock or install a keyring (Secret Service)"
            )
        return backend

    def set_secret(self, name_or_id: str | int, secret: str) -> None:
        """Store the account's token or password in the keyring; a reconnected account becomes active."""
        account = self.get(name_or_id)
        secret = secret.strip()
        if not secret:
            raise InvalidInput("the secret is empty")
        try:
            self._backend().set_password(KEYRING_SERVICE, self._username(account.id), secret)
        except keyring.errors.KeyringError as err:
            raise NoKeySource(
                "the OS keyring refused the secret ({error_type})", error_type=err.__class__.__name__
            ) from None
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            if account.status == "reconnect_needed":
                sql.set_status(conn, account.id, "active")
            audit.append(
                conn,
                at=now,
                actor=self._desk.agent_name,
                action="account.secret",
                entity="channel_account",
                entity_id=account.id,
                detail={"set": True},  # never the secret itself
            )
        self._desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account.id)

    def secret(self, account: Account | str | int) -> str | None:
        """The account's secret from the keyring, or None when none was set."""
        account_id = account.id if isinstance(account, Account) else self.get(account).id
        try:
            value = self._backend().get_password(KEYRING_SERVICE, self._username(account_id))
        except keyring.errors.KeyringError as err:
            raise NoKeySource(
                "the OS keyring could not be read ({error_type})", error_type=err.__class__.__name__
            ) from None
        return str(value) if value else None

    def _has_secret(self, account_id: int) -> bool:
        try:
            backend = self._desk.keys.backend
            if not keyring_available(backend):
                return False
            return bool(backend.get_password(KEYRING_SERVICE, self._username(account_id)))
        except (keyring.errors.KeyringError, OSError):
            return False

    def _delete_secret(self, account_id: int) -> None:
        with contextlib.suppress(keyring.errors.KeyringError, NoKeySource):
            self._backend().delete_password(KEYRING_SERVICE, self._username(account_id))

    # -- connecting ---------------------------------------------------------------------

    def connector(self, account: Account | str | int, *, session: Any = None) -> Connector:
        """The live connector for an account, built from its settings and keyring secret."""
        if not isinstance(account, Account):
            account = self.get(account)
        if account.kind == ChannelKind.FILE.value:
            raise InvalidInput(
                "{account!r} is a file import account; it is filled by `cmdesk import`", account=account.name
            )
        secret = self.secret(account)
        if self.connector_factory is not None:
            return self.connector_factory(account, secret)
        if secret is None:
            raise ReconnectNeeded(
                "{account!r} has no token or password yet; set it with `cmdesk accounts secret {account}`",
                account=account.name,
            )
        from cmdesk.channels.registry import connector_for

        connector: Connector = connector_for(
            account.kind, dict(account.settings), secret, clock=self._desk.clock, session=session
        )
        return connector

    def test(self, name_or_id: str | int) -> str:
        """Prove the settings and secret work: what the channel says we connected to."""
        return self.connector(name_or_id).check()
