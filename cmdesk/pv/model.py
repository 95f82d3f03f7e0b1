"""A pharmacovigilance case as drug safety sees it: plain values, no storage, no Qt.

Mirrors the ``pv_case*`` tables. The exports (E2B(R3) XML, CIOMS-I PDF, JSON),
the validity check and the clocks all read a :class:`Case`; only
:mod:`cmdesk.pv.service` reads and writes the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class CaseState(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    FORWARDED = "forwarded"
    ACKNOWLEDGED = "acknowledged"
    CLOSED_INVALID = "closed_invalid"


# The six E2B(R3) seriousness criteria (E.i.3.2a-f), in the guide's order.
SERIOUSNESS_CRITERIA: tuple[str, ...] = (
    "death",
    "life_threatening",
    "hospitalisation",
    "disability",
    "congenital_anomaly",
    "other_medically_important",
)


class Qualification(StrEnum):
    """E2B(R3) C.2.r.4 reporter qualification codes."""

    PHYSICIAN = "1"
    PHARMACIST = "2"
    OTHER_HEALTH_PROFESSIONAL = "3"
    LAWYER = "4"
    CONSUMER = "5"


@dataclass(frozen=True)
class Reporter:
    handle: str = ""
    name: str = ""
    channel: str = ""  # account name, e.g. "Novalind DE Facebook"
    channel_kind: str = ""  # ChannelKind value
    profile_url: str = ""
    qualification: Qualification = Qualification.CONSUMER
    country: str = ""  # ISO 3166-1 alpha-2
    email: str = ""


@dataclass(frozen=True)
class Patient:
    """The patient: the reporter or someone they name (``relation``: self, child, mother, partner, ...)."""

    relation: str = "self"
    initials: str = ""
    age_value: int | None = None
    age_unit: str = "a"  # UCUM: a (years), mo, wk, d
    age_group: str = ""  # E2B D.2.3: 0 foetus ... 6 elderly; empty when unknown
    sex: str = ""  # "male", "female" or "" (unknown)
    pregnant: bool = False
    evidence: tuple[str, ...] = ()  # the verbatim words that told us


@dataclass(frozen=True)
class CaseProduct:
    name: str
    substance: str = ""
    role: str = "suspect"  # suspect | concomitant | interacting (E2B G.k.1: 1, 2, 3)
    batch: str = ""
    dose: str = ""
    route: str = ""
    indication: str = ""
    action_taken: str = ""  # E2B G.k.8: 1 withdrawn, 2 reduced, 3 increased, 4 not changed, 0 unknown, 9 n/a
    id: int | None = None


@dataclass(frozen=True)
class CaseEvent:
    verbatim: str
    language: str = ""
    meddra_llt_code: str = ""
    meddra_version: str = ""
    meddra_llt_name: str = ""
    meddra_pt_code: str = ""
    meddra_pt_name: str = ""
    meddra_soc_name: str = ""
    onset: date | None = None
    outcome: str = ""  # E2B E.i.7: 1 recovered ... 5 fatal, 0 unknown
    id: int | None = None


@dataclass(frozen=True)
class SourceSnapshot:
    """The message as it was when it fed the case; immutable even if the post is later deleted."""

    message_id: int
    text: str
    permalink: str
    created_at: datetime
    received_at: datetime
    account: str
    channel_kind: str
    author: str
    sha256: str
    added_at: datetime


@dataclass(frozen=True)
class FollowUp:
    at: datetime
    actor: str
    channel: str
    outcome: str  # requested | answered | no_answer
    note: str = ""
    template_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Case:
    id: int
    reference: str  # the desk's own case reference, e.g. "CMD-2026-000042"
    state: CaseState
    day0: datetime
    internal_due_at: datetime
    regulatory_due_at: datetime
    reporter: Reporter
    patient: Patient
    products: tuple[CaseProduct, ...]
    events: tuple[CaseEvent, ...]
    seriousness: dict[str, bool]  # SERIOUSNESS_CRITERIA -> bool; decided by a reviewer, never by the detector
    narrative: str
    sources: tuple[SourceSnapshot, ...]
    created_by: str
    created_at: datetime
    updated_at: datetime
    person_id: int | None = None
    day0_reason: str = ""
    special_situations: tuple[str, ...] = ()
    seriousness_hints: tuple[str, ...] = ()
    forwarded_at: datetime | None = None
    forwarded_by: str = ""
    forward_method: str = ""  # email | folder
    forward_to: str = ""
    safety_case_number: str = ""
    acknowledged_at: datetime | None = None
    closed_reason: str = ""
    follow_up_of: int | None = None
    follow_ups: tuple[FollowUp, ...] = ()
    sender_organisation: str = ""  # company name from settings, for the E2B batch sender
    sender_country: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def serious(self) -> bool:
        return any(self.seriousness.get(c, False) for c in SERIOUSNESS_CRITERIA)
