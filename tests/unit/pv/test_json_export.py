"""The JSON export keeps every field of the case, with ISO dates and enum values."""

from __future__ import annotations

import json

from cmdesk.pv.json_export import SCHEMA_VERSION, case_json, case_json_bytes
from tests.unit.pv.case_factory import all_cases, german_case, minimal_case


def test_minimal_case_as_whole_dict() -> None:
    assert case_json(minimal_case()) == {
        "schema_version": SCHEMA_VERSION,
        "id": 1,
        "reference": "CMD-2026-000001",
        "state": "draft",
        "day0": "2026-11-20T14:05:00+00:00",
        "internal_due_at": "2026-11-21T14:05:00+00:00",
        "regulatory_due_at": "2026-12-05T14:05:00+00:00",
        "reporter": {
            "handle": "sunny_k",
            "name": "",
            "channel": "",
            "channel_kind": "",
            "profile_url": "",
            "qualification": "5",
            "country": "",
            "email": "",
        },
        "patient": {
            "relation": "self",
            "initials": "",
            "age_value": None,
            "age_unit": "a",
            "age_group": "",
            "sex": "",
            "pregnant": False,
            "evidence": [],
        },
        "products": [
            {
                "name": "Novalind",
                "substance": "",
                "role": "suspect",
                "batch": "",
                "dose": "",
                "route": "",
                "indication": "",
                "action_taken": "",
                "id": None,
            }
        ],
        "events": [
            {
                "verbatim": "headache",
                "language": "",
                "meddra_llt_code": "",
                "meddra_version": "",
                "meddra_llt_name": "",
                "meddra_pt_code": "",
                "meddra_pt_name": "",
                "meddra_soc_name": "",
                "onset": None,
                "outcome": "",
                "id": None,
            }
        ],
        "seriousness": {
            "death": False,
            "life_threatening": False,
            "hospitalisation": False,
            "disability": False,
            "congenital_anomaly": False,
            "other_medically_important": False,
        },
        "narrative": "",
        "sources": [],
        "created_by": "Anna Berger",
        "created_at": "2026-11-20T14:05:00+00:00",
        "updated_at": "2026-11-20T14:05:00+00:00",
        "person_id": None,
        "day0_reason": "",
        "special_situations": [],
        "seriousness_hints": [],
        "forwarded_at": None,
        "forwarded_by": "",
        "forward_method": "",
        "forward_to": "",
        "safety_case_number": "",
        "acknowledged_at": None,
        "closed_reason": "",
        "follow_up_of": None,
        "follow_ups": [],
        "sender_organisation": "",
        "sender_country": "",
        "extra": {},
        "serious": False,
    }


def test_bytes_are_readable_utf8_with_umlauts() -> None:
    raw = case_json_bytes(german_case())
    text = raw.decode("utf-8")
    assert "Übelkeit" in text
    assert "\\u00dc" not in text
    assert text.startswith('{\n  "schema_version": 1,')


def test_every_sample_case_round_trips_through_json() -> None:
    for case in all_cases():
        assert json.loads(case_json_bytes(case)) == case_json(case)


def test_nested_dates_are_iso() -> None:
    from tests.unit.pv.case_factory import full_case

    data = case_json(full_case())
    assert data["events"][0]["onset"] == "2026-11-18"
    assert data["sources"][0]["received_at"] == "2026-11-20T14:05:00+00:00"
    assert data["follow_ups"][0]["at"] == "2026-11-21T14:05:00+00:00"
    assert data["serious"] is True


def test_lone_surrogate_does_not_crash() -> None:
    from dataclasses import replace

    raw = case_json_bytes(replace(minimal_case(), narrative="a\ud800b"))
    assert json.loads(raw)["narrative"] == "a?b"
