"""Reply templates as values: a template, its versions, and why one may or may not be sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Category(StrEnum):
    ANSWER = "answer"
    THANKS = "thanks"
    MODERATION = "moderation"
    PV_FOLLOW_UP = "pv_follow_up"
    CRISIS = "crisis"


class VersionState(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


@dataclass(frozen=True)
class TemplateVersion:
    id: int
    version: int
    body: str
    state: VersionState
    created_by: str
    created_at: datetime
    approval_reference: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    expires_at: datetime | None = None

    def usable_at(self, now: datetime) -> bool:
        """Only an approved version whose medical-legal approval has not expired may be sent."""
        return self.state == VersionState.APPROVED and (self.expires_at is None or now < self.expires_at)


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    category: Category
    language: str  # "de" | "en"
    channels: tuple[str, ...]  # ChannelKind values it may be used on; empty = every channel
    tags: tuple[str, ...]
    shortcut: str | None
    pv_safe: bool  # may be used on a message with a suspected adverse event
    usage_count: int
    versions: tuple[TemplateVersion, ...]  # oldest first

    @property
    def latest(self) -> TemplateVersion:
        return self.versions[-1]

    def approved(self, now: datetime) -> TemplateVersion | None:
        """The version that may be sent now, if any (the newest usable one)."""
        for version in reversed(self.versions):
            if version.usable_at(now):
                return version
        return None

    def allowed_on(self, channel: str) -> bool:
        return not self.channels or channel in self.channels
