"""Duplicate suggestions: same person, or same product + similar event + compatible patient within 30 days."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from cmdesk.clock import utc
from cmdesk.pv import duplicates
from cmdesk.pv.duplicates import Suggestion
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, Case, CaseEvent, CaseProduct, CaseState, Patient, Reporter

T = utc(2026, 11, 24, 9)


def case(case_id: int, **changes: object) -> Case:
    values: dict[str, object] = {
        "id": case_id,
        "reference": f"CMD-2026-{case_id:06d}",
        "state": CaseState.DRAFT,
        "day0": T,
        "internal_due_at": T,
        "regulatory_due_at": T,
        "reporter": Reporter(handle=f"user{case_id}", channel="Novalind DE Facebook", country="DE"),
        "patient": Patient(relation="mother", age_value=82, sex="female"),
        "products": (CaseProduct(name="Novalind", substance="novalinumab"),),
        "events": (CaseEvent(verbatim="starker Schwindel"),),
        "seriousness": {c: False for c in SERIOUSNESS_CRITERIA},
        "narrative": "",
        "sources": (),
        "created_by": "Anna",
        "created_at": T,
        "updated_at": T,
        "person_id": case_id * 10,
    }
    values.update(changes)
    return Case(**values)  # type: ignore[arg-type]


def test_same_person_across_channels() -> None:
    mine = case(1)
    other = case(
        2, person_id=10, reporter=Reporter(handle="maria_k", channel="Instagram"), day0=T - timedelta(days=200)
    )
    assert duplicates.suggest(mine, [other]) == [Suggestion(2, "CMD-2026-000002", 0.9, ("same person",))]


def test_same_product_similar_event_same_patient() -> None:
    mine = case(1)
    other = case(2, events=(CaseEvent(verbatim="Schwindel, stark"),), day0=T - timedelta(days=3))
    [found] = duplicates.suggest(mine, [other])
    assert (found.case_id, found.reasons[0], found.reasons[2:]) == (
        2,
        "same product (novalind)",
        ("same sex (female)", "same age (82)", "same country (DE)"),
    )
    assert 0.6 < found.score <= 0.85


def test_no_suggestion_when_something_contradicts() -> None:
    mine = case(1)
    others = [
        case(2, day0=T - timedelta(days=31)),  # outside the window
        case(3, products=(CaseProduct(name="Aspirin"),)),  # other product
        case(4, events=(CaseEvent(verbatim="Hautausschlag"),)),  # other event
        case(5, patient=Patient(sex="male")),  # other sex
        case(6, patient=Patient(age_value=40)),  # other age
        case(7, reporter=Reporter(handle="u7", country="AT")),  # other country
        mine,  # itself
    ]
    assert duplicates.suggest(mine, others) == []


def test_best_first_and_unknowns_are_compatible() -> None:
    mine = case(1)
    vague = case(2, patient=Patient(), reporter=Reporter(handle="u2"))
    close = case(3)
    assert [s.case_id for s in duplicates.suggest(mine, [vague, close])] == [3, 2]
    assert duplicates.event_similarity("headache", "bad headaches") > 0.6
    assert replace(mine, id=1) == mine
