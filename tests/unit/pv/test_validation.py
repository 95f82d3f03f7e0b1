"""The four minimum criteria, each naming what satisfied it or what is missing."""

from __future__ import annotations

from cmdesk.clock import utc
from cmdesk.pv import validation
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, Case, CaseEvent, CaseProduct, CaseState, Patient, Reporter
from cmdesk.pv.validation import Criterion, Validity

T = utc(2026, 11, 24, 9)


def case(**changes: object) -> Case:
    values: dict[str, object] = {
        "id": 1,
        "reference": "CMD-2026-000001",
        "state": CaseState.DRAFT,
        "day0": T,
        "internal_due_at": T,
        "regulatory_due_at": T,
        "reporter": Reporter(handle="samlee", channel="Novalind UK"),
        "patient": Patient(relation="mother", sex="female", evidence=("my mum",)),
        "products": (CaseProduct(name="Novalind"),),
        "events": (CaseEvent(verbatim="rash"),),
        "seriousness": {c: False for c in SERIOUSNESS_CRITERIA},
        "narrative": "",
        "sources": (),
        "created_by": "Anna",
        "created_at": T,
        "updated_at": T,
    }
    values.update(changes)
    return Case(**values)  # type: ignore[arg-type]


def test_a_valid_case_names_its_evidence() -> None:
    assert validation.check(case()) == Validity(
        reporter=Criterion("reporter", True, "reporter.handle", "samlee"),
        patient=Criterion("patient", True, "patient.sex", "female"),
        product=Criterion("product", True, "products[0].name", "Novalind"),
        event=Criterion("event", True, "events[0].verbatim", "rash"),
    )
    assert validation.check(case()).valid


def test_missing_criteria_say_what_to_ask_for() -> None:
    empty = case(reporter=Reporter(channel="x"), patient=Patient(), products=(), events=(CaseEvent(verbatim=" "),))
    result = validation.check(empty)
    assert result.valid is False
    assert result.missing == (
        "an identifiable reporter (name, handle, profile link or e-mail)",
        "an identifiable patient (initials, age or age group, or sex)",
        "a suspected medicinal product",
        "a suspected adverse reaction (what happened)",
    )


def test_patient_evidence_order_and_concomitant_products_do_not_count() -> None:
    assert validation.check_patient(Patient(initials="M.K.", age_value=82)).field == "patient.initials"
    assert validation.check_patient(Patient(age_value=82)).evidence == "82 a"
    assert validation.check_patient(Patient(evidence=("my son",))) == Criterion(
        "patient", True, "patient.evidence", "my son"
    )
    only_concomitant = case(products=(CaseProduct(name="Ibuprofen", role="concomitant"),))
    assert validation.check(only_concomitant).product.met is False
    assert validation.check_reporter(Reporter(email="a@b.de", handle="x")).field == "reporter.email"
