"""How a case's parts are kept in the store: reporter, patient, products and events to and from JSON and rows.

Apart from the case workflow (``cmdesk.pv.service``) because the stored shape is its own
contract: an old store's JSON must still read after the workflow changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from cmdesk.pv.model import CaseEvent, CaseProduct, Patient, Qualification, Reporter
from cmdesk.store.codec import from_json


def reporter_json(r: Reporter) -> dict[str, Any]:
    return {
        "handle": r.handle,
        "name": r.name,
        "channel": r.channel,
        "channel_kind": r.channel_kind,
        "profile_url": r.profile_url,
        "qualification": r.qualification.value,
        "country": r.country,
        "email": r.email,
    }


def reporter_from(d: dict[str, Any]) -> Reporter:
    return Reporter(
        handle=d.get("handle", ""),
        name=d.get("name", ""),
        channel=d.get("channel", ""),
        channel_kind=d.get("channel_kind", ""),
        profile_url=d.get("profile_url", ""),
        qualification=Qualification(d.get("qualification", Qualification.CONSUMER.value)),
        country=d.get("country", ""),
        email=d.get("email", ""),
    )


def patient_json(p: Patient) -> dict[str, Any]:
    return {
        "relation": p.relation,
        "initials": p.initials,
        "age_value": p.age_value,
        "age_unit": p.age_unit,
        "age_group": p.age_group,
        "sex": p.sex,
        "pregnant": p.pregnant,
        "evidence": list(p.evidence),
    }


def patient_from(d: dict[str, Any]) -> Patient:
    return Patient(
        relation=d.get("relation", "self"),
        initials=d.get("initials", ""),
        age_value=d.get("age_value"),
        age_unit=d.get("age_unit", "a"),
        age_group=d.get("age_group", ""),
        sex=d.get("sex", ""),
        pregnant=bool(d.get("pregnant", False)),
        evidence=tuple(d.get("evidence", ())),
    )


def product_json(p: CaseProduct) -> dict[str, Any]:
    return {
        "name": p.name,
        "substance": p.substance,
        "role": p.role,
        "batch": p.batch,
        "dose": p.dose,
        "route": p.route,
        "indication": p.indication,
        "action_taken": p.action_taken,
    }


def event_json(e: CaseEvent) -> dict[str, Any]:
    return {
        "verbatim": e.verbatim,
        "language": e.language,
        "meddra_llt_code": e.meddra_llt_code,
        "meddra_version": e.meddra_version,
        "onset": e.onset.isoformat() if e.onset else None,
        "outcome": e.outcome,
    }


def event_from_row(r: Sequence[Any]) -> CaseEvent:
    details = from_json(r[7], {}) or {}
    return CaseEvent(
        id=r[0],
        verbatim=r[1],
        language=r[2] or "",
        meddra_llt_code=r[3] or "",
        meddra_version=r[4] or "",
        onset=date.fromisoformat(r[5]) if r[5] else None,
        outcome=r[6] or "",
        meddra_llt_name=details.get("meddra_llt_name", ""),
        meddra_pt_code=details.get("meddra_pt_code", ""),
        meddra_pt_name=details.get("meddra_pt_name", ""),
        meddra_soc_name=details.get("meddra_soc_name", ""),
    )
