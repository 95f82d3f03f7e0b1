"""Desk settings with their defaults: products, SLAs, PV clocks, locking, language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cmdesk.errors import InvalidInput
from cmdesk.model import Product, Role
from cmdesk.store import audit
from cmdesk.store import settings as sql

if TYPE_CHECKING:
    from cmdesk.desk import Desk

DEFAULTS: dict[str, Any] = {
    "products": [],  # [{"brand", "substance", "misspellings": [...]}]
    "sla_hours": {},  # intent -> hours; empty = the analysis defaults
    "pv_internal_hours": 24,  # internal rule: forward to drug safety within 24 h of day 0
    "pv_safety_inbox": "",  # e-mail address of drug safety
    "pv_safety_phone": "",  # drug safety's phone number, for public acknowledgement templates
    "pv_export_folder": "",
    "company_name": "",
    "company_country": "DE",
    "idle_lock_minutes": 15,
    "ui_language": "system",  # system | de | en
    "theme": "system",  # system | light | dark
    "free_text_replies": True,
    "monitoring_gap_hours": 6,
}


@dataclass(frozen=True)
class Agent:
    name: str
    role: Role


class Settings:
    """Typed access to the ``setting`` table; every change is audited."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def get(self, key: str) -> Any:
        if key not in DEFAULTS:
            raise InvalidInput("unknown setting {key!r}", key=key)
        value = sql.get(self._desk.store.read(), key)
        return DEFAULTS[key] if value is None else value

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise InvalidInput("unknown setting {key!r}", key=key)
        old = self.get(key)
        with self._desk.store.transaction() as conn:
            sql.put(conn, key, value)
            audit.append(
                conn,
                at=self._desk.clock.now(),
                actor=self._desk.agent_name,
                action="setting.change",
                entity="setting",
                entity_id=key,
                detail={"old": old, "new": value},
            )
        self._desk.settings_changed()

    def all(self) -> dict[str, Any]:
        stored = sql.all_settings(self._desk.store.read())
        return {key: stored.get(key, default) for key, default in DEFAULTS.items()}

    def products(self) -> list[Product]:
        return [
            Product(brand=p["brand"], substance=p.get("substance", ""), misspellings=tuple(p.get("misspellings", ())))
            for p in self.get("products")
        ]

    # -- agents (the people who use this desk) ---------------------------------------

    def agents(self) -> list[Agent]:
        return [Agent(name, Role(role)) for name, role in sql.agents(self._desk.store.read())]

    def add_agent(self, *, name: str, role: Role) -> None:
        name = name.strip()
        if not name:
            raise InvalidInput("an agent needs a name")
        from cmdesk.store.codec import to_db_time

        with self._desk.store.transaction() as conn:
            sql.add_agent(conn, name=name, role=role.value, created_at=to_db_time(self._desk.clock.now()) or "")
            audit.append(
                conn,
                at=self._desk.clock.now(),
                actor=self._desk.agent_name,
                action="agent.add",
                entity="agent",
                entity_id=name,
                detail={"role": role.value},
            )
