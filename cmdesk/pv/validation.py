"""The four minimum criteria of a valid ICSR (GVP VI.B.2), each with what satisfies it.

A reviewer must see *why* a case counts as valid, so every criterion carries the
field or verbatim words that met it, or a sentence saying what is still missing
(which is what a follow-up question should ask for).
"""

from __future__ import annotations

from dataclasses import dataclass

from cmdesk.pv.model import Case, Patient, Reporter

REPORTER = "reporter"
PATIENT = "patient"
PRODUCT = "product"
EVENT = "event"


@dataclass(frozen=True)
class Criterion:
    name: str  # reporter | patient | product | event
    met: bool
    field: str = ""  # which case field satisfied it, e.g. "reporter.handle"
    evidence: str = ""  # the value or verbatim span
    missing: str = ""  # what a follow-up has to find out when not met


@dataclass(frozen=True)
class Validity:
    reporter: Criterion
    patient: Criterion
    product: Criterion
    event: Criterion

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return (self.reporter, self.patient, self.product, self.event)

    @property
    def valid(self) -> bool:
        return all(c.met for c in self.criteria)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c.missing for c in self.criteria if not c.met)


def check_reporter(reporter: Reporter) -> Criterion:
    """Identifiable = someone we could contact again: an e-mail, a name, or a handle/profile on a channel."""
    for field_name in ("email", "name", "handle", "profile_url"):
        value = getattr(reporter, field_name)
        if value:
            return Criterion(REPORTER, True, f"reporter.{field_name}", value)
    return Criterion(REPORTER, False, missing="an identifiable reporter (name, handle, profile link or e-mail)")


def check_patient(patient: Patient) -> Criterion:
    """Identifiable = at least one of initials, age, age group, sex, or words that name the person."""
    if patient.initials:
        return Criterion(PATIENT, True, "patient.initials", patient.initials)
    if patient.age_value is not None:
        return Criterion(PATIENT, True, "patient.age", f"{patient.age_value} {patient.age_unit}")
    if patient.age_group:
        return Criterion(PATIENT, True, "patient.age_group", patient.age_group)
    if patient.sex:
        return Criterion(PATIENT, True, "patient.sex", patient.sex)
    if patient.evidence:
        return Criterion(PATIENT, True, "patient.evidence", patient.evidence[0])
    return Criterion(PATIENT, False, missing="an identifiable patient (initials, age or age group, or sex)")


def check(case: Case) -> Validity:
    """All four criteria for ``case``."""
    suspects = [p for p in case.products if p.role in ("suspect", "interacting") and p.name.strip()]
    product = (
        Criterion(PRODUCT, True, "products[0].name", suspects[0].name)
        if suspects
        else Criterion(PRODUCT, False, missing="a suspected medicinal product")
    )
    events = [e for e in case.events if e.verbatim.strip()]
    event = (
        Criterion(EVENT, True, "events[0].verbatim", events[0].verbatim)
        if events
        else Criterion(EVENT, False, missing="a suspected adverse reaction (what happened)")
    )
    return Validity(
        reporter=check_reporter(case.reporter), patient=check_patient(case.patient), product=product, event=event
    )
