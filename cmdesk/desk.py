"""Desk: the one object the window, the CLI and scripts use to reach a store and its services."""

from __future__ import annotations

import getpass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk.clock import Clock, SystemClock
from cmdesk.errors import InvalidInput, StoreLocked
from cmdesk.events import EventBus
from cmdesk.model import Role
from cmdesk.settings import Settings
from cmdesk.store import audit
from cmdesk.store.database import Store
from cmdesk.store.keys import KeyManager, KeyMode, keyinfo_path, read_keyinfo, write_keyinfo

if TYPE_CHECKING:
    from cmdesk.analysis.pipeline import Analyzer
    from cmdesk.channels.accounts import AccountService
    from cmdesk.channels.outbox import Outbox
    from cmdesk.channels.sync import SyncEngine
    from cmdesk.messages import MessageService
    from cmdesk.people import PeopleService
    from cmdesk.pv.service import PVService
    from cmdesk.queue import QueueService
    from cmdesk.reports import Reports
    from cmdesk.templates import TemplateService
    from cmdesk.triage import TriageService


class Desk:
    """An open store plus the services that work on it.

    Services are created on first use, so the CLI pays only for what a command
    needs. ``lock()`` closes the database and forgets the key; ``unlock()`` opens
    it again with the same key source.
    """

    def __init__(self, store: Store, *, keys: KeyManager, clock: Clock, agent: str | None = None) -> None:
        self.store = store
        self.keys = keys
        self.clock = clock
        self.events = EventBus()
        self._agent_override = agent

    # -- opening -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        mode: KeyMode = "keyring",
        passphrase: str | None = None,
        keys: KeyManager | None = None,
        clock: Clock | None = None,
        agent: str | None = None,
        role: Role = Role.COMMUNITY_MANAGER,
        memory_security: bool | None = None,
    ) -> Desk:
        """A new, empty store at ``path``; with an agent name, that agent becomes this desk's user."""
        keys = keys or KeyManager()
        clock = clock or SystemClock()
        if path.exists() and path.stat().st_size > 0:
            raise InvalidInput("{path} already exists; cmdesk will not overwrite it", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        key, info = keys.new_key(mode=mode, passphrase=passphrase)
        write_keyinfo(path, info)
        try:
            store = Store.create(path, key, clock=clock, memory_security=memory_security)
        except BaseException:
            keyinfo_path(path).unlink(missing_ok=True)
            keys.forget(info)
            raise
        desk = cls(store, keys=keys, clock=clock, agent=agent)
        with store.transaction() as conn:
            audit.append(
                conn,
                at=clock.now(),
                actor=desk.agent_name,
                action="store.create",
                entity="store",
                detail={"key_mode": mode},
            )
        if agent:
            desk.settings.add_agent(name=agent, role=role)
            desk.set_current_agent(agent)
        return desk

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        keys: KeyManager | None = None,
        clock: Clock | None = None,
        agent: str | None = None,
        memory_security: bool | None = None,
    ) -> Desk:
        keys = keys or KeyManager()
        clock = clock or SystemClock()
        from cmdesk.store.database import check_file

        check_file(path, label=str(path))
        info = read_keyinfo(path)
        key = keys.key_for(info, passphrase=passphrase, label=str(path))
        store = Store.open(path, key, clock=clock, memory_security=memory_security)
        return cls(store, keys=keys, clock=clock, agent=agent)

    @property
    def path(self) -> Path:
        return self.store.path

    # -- who is working ------------------------------------------------------------------

    @property
    def agent_name(self) -> str:
        if self._agent_override:
            return self._agent_override
        if self.store.is_open:
            current = self.settings_value("current_agent")
            if current:
                return str(current)
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "cmdesk"

    def set_current_agent(self, name: str) -> None:
        from cmdesk.store import settings as sql

        with self.store.transaction() as conn:
            sql.put(conn, "current_agent", name)
        self._agent_override = None

    def settings_value(self, key: str) -> Any:
        from cmdesk.store import settings as sql

        return sql.get(self.store.read(), key)

    # -- locking ---------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return not self.store.is_open

    def lock(self) -> None:
        """Close the database and forget the key; the window clears itself on this."""
        if self.store.is_open:
            with self.store.transaction() as conn:
                audit.append(conn, at=self.clock.now(), actor=self.agent_name, action="desk.lock", entity="store")
            self.store.close()
        self._drop_services()

    def unlock(self, *, passphrase: str | None = None) -> None:
        if self.store.is_open:
            return
        info = read_keyinfo(self.path)
        key = self.keys.key_for(info, passphrase=passphrase, label=str(self.path))
        self.store = Store.open(self.path, key, clock=self.clock, memory_security=self.store.memory_security)
        with self.store.transaction() as conn:
            audit.append(conn, at=self.clock.now(), actor=self.agent_name, action="desk.unlock", entity="store")

    def rekey(self, *, mode: KeyMode, passphrase: str | None = None) -> None:
        """Change the key or the key mode; the old keyring entry is removed afterwards."""
        if self.is_locked:
            raise StoreLocked("unlock the desk before changing its key")
        old_info = read_keyinfo(self.path)
        key, info = self.keys.new_key(mode=mode, passphrase=passphrase, store_id=None)
        self.store.rekey(key)
        write_keyinfo(self.path, info)
        if old_info.mode == "keyring" and old_info.store_id != info.store_id:
            self.keys.forget(old_info)
        with self.store.transaction() as conn:
            audit.append(
                conn,
                at=self.clock.now(),
                actor=self.agent_name,
                action="store.rekey",
                entity="store",
                detail={"key_mode": mode},
            )

    def close(self) -> None:
        self.store.close()
        self._drop_services()

    def _drop_services(self) -> None:
        for name in list(vars(self)):
            if name in _SERVICES:
                del self.__dict__[name]

    def settings_changed(self) -> None:
        """Settings feed the analyzer (products, SLAs): rebuild it on next use."""
        self.__dict__.pop("analyzer", None)

    # -- services (created on first use) -------------------------------------------------

    @cached_property
    def settings(self) -> Settings:
        return Settings(self)

    @cached_property
    def analyzer(self) -> Analyzer:
        from cmdesk.analysis.pipeline import Analyzer
        from cmdesk.analysis.priority import SlaPolicy

        sla_hours = self.settings.get("sla_hours")
        sla = SlaPolicy.from_settings(sla_hours) if sla_hours else None
        return Analyzer(products=self.settings.products(), sla=sla)

    @cached_property
    def queue(self) -> QueueService:
        from cmdesk.queue import QueueService

        return QueueService(self)

    @cached_property
    def messages(self) -> MessageService:
        from cmdesk.messages import MessageService

        return MessageService(self)

    @cached_property
    def triage(self) -> TriageService:
        from cmdesk.triage import TriageService

        return TriageService(self)

    @cached_property
    def people(self) -> PeopleService:
        from cmdesk.people import PeopleService

        return PeopleService(self)

    @cached_property
    def accounts(self) -> AccountService:
        from cmdesk.channels.accounts import AccountService

        return AccountService(self)

    @cached_property
    def sync(self) -> SyncEngine:
        from cmdesk.channels.sync import SyncEngine

        return SyncEngine(self)

    @cached_property
    def outbox(self) -> Outbox:
        from cmdesk.channels.outbox import Outbox

        return Outbox(self)

    @cached_property
    def pv(self) -> PVService:
        from cmdesk.pv.service import PVService

        return PVService(self)

    @cached_property
    def templates(self) -> TemplateService:
        from cmdesk.templates import TemplateService

        return TemplateService(self)

    @cached_property
    def reports(self) -> Reports:
        from cmdesk.reports import Reports

        return Reports(self)


_SERVICES = {
    "settings",
    "analyzer",
    "queue",
    "messages",
    "triage",
    "people",
    "accounts",
    "sync",
    "outbox",
    "pv",
    "templates",
    "reports",
}
