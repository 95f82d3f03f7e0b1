"""Builders for sample :class:`Case` values, so every export test reads the same realistic cases.

Each builder returns a whole case; tests change one part with ``dataclasses.replace``.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime, timedelta

from cmdesk.clock import utc
from cmdesk.pv.model import (
    SERIOUSNESS_CRITERIA,
    Case,
    CaseEvent,
    CaseProduct,
    CaseState,
    FollowUp,
    Patient,
    Qualification,
    Reporter,
    SourceSnapshot,
)

DAY0 = utc(2026, 11, 20, 14, 5, 0)
NOW = utc(2026, 11, 24, 9, 0, 0)


def no_seriousness() -> dict[str, bool]:
    return {c: False for c in SERIOUSNESS_CRITERIA}


def snapshot(
    text: str = "Nach Novalind habe ich Kopfschmerzen.",
    *,
    message_id: int = 101,
    at: datetime = DAY0,
    permalink: str = "https://www.facebook.com/novalind.de/posts/101",
    account: str = "Novalind DE Facebook",
    channel_kind: str = "facebook",
    author: str = "sunny_k",
) -> SourceSnapshot:
    return SourceSnapshot(
        message_id=message_id,
        text=text,
        permalink=permalink,
        created_at=at - timedelta(minutes=3),
        received_at=at,
        account=account,
        channel_kind=channel_kind,
        author=author,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        added_at=at + timedelta(minutes=10),
    )


def minimal_case() -> Case:
    """The four minimum criteria and nothing else: a reporter handle, an unnamed patient, one drug, one event."""
    return Case(
        id=1,
        reference="CMD-2026-000001",
        state=CaseState.DRAFT,
        day0=DAY0,
        internal_due_at=DAY0 + timedelta(days=1),
        regulatory_due_at=DAY0 + timedelta(days=15),
        reporter=Reporter(handle="sunny_k"),
        patient=Patient(),
        products=(CaseProduct(name="Novalind"),),
        events=(CaseEvent(verbatim="headache"),),
        seriousness=no_seriousness(),
        narrative="",
        sources=(),
        created_by="Anna Berger",
        created_at=DAY0,
        updated_at=DAY0,
    )


def full_case() -> Case:
    """Every optional part filled, so each export path that reads one is exercised."""
    return Case(
        id=2,
        reference="CMD-2026-000002",
        state=CaseState.ACKNOWLEDGED,
        day0=DAY0,
        internal_due_at=DAY0 + timedelta(days=1),
        regulatory_due_at=DAY0 + timedelta(days=15),
        reporter=Reporter(
            handle="mia.h",
            name="Mia Hartmann",
            channel="Novalind DE Facebook",
            channel_kind="facebook",
            profile_url="https://www.facebook.com/mia.h",
            qualification=Qualification.PHARMACIST,
            country="DE",
            email="mia@example.org",
        ),
        patient=Patient(
            relation="mother",
            initials="EH",
            age_value=67,
            age_unit="a",
            age_group="6",
            sex="female",
            pregnant=False,
            evidence=("meine Mutter (67)",),
        ),
        products=(
            CaseProduct(
                name="Novalind 20 mg",
                substance="novalindamid",
                role="suspect",
                batch="NL2231A",
                dose="20 mg once daily",
                route="oral",
                indication="hypertension",
                action_taken="1",
                id=11,
            ),
            CaseProduct(name="Ramipril", substance="ramipril", role="concomitant", dose="5 mg", id=12),
        ),
        events=(
            CaseEvent(
                verbatim="severe dizziness",
                language="en",
                meddra_llt_code="10013573",
                meddra_version="27.1",
                meddra_llt_name="Dizziness",
                meddra_pt_code="10013573",
                meddra_pt_name="Dizziness",
                meddra_soc_name="Nervous system disorders",
                onset=date(2026, 11, 18),
                outcome="2",
                id=21,
            ),
        ),
        seriousness={**no_seriousness(), "hospitalisation": True},
        narrative="The reporter's mother (67) took Novalind 20 mg and had severe dizziness; she was admitted.",
        sources=(
            snapshot("My mother (67) got severe dizziness on Novalind 20 mg and went to hospital.", author="mia.h"),
        ),
        created_by="Anna Berger",
        created_at=DAY0,
        updated_at=DAY0 + timedelta(hours=2),
        person_id=7,
        day0_reason="first post naming drug and event",
        special_situations=("off_label",),
        seriousness_hints=("went to hospital",),
        forwarded_at=DAY0 + timedelta(hours=3),
        forwarded_by="Anna Berger",
        forward_method="email",
        forward_to="drugsafety@example.com",
        safety_case_number="DE-NOVALIND-2026-123456",
        acknowledged_at=DAY0 + timedelta(hours=5),
        follow_ups=(
            FollowUp(
                at=DAY0 + timedelta(days=1),
                actor="Anna Berger",
                channel="facebook",
                outcome="answered",
                note="batch number given",
                template_id=3,
                id=31,
            ),
        ),
        sender_organisation="Novalind Pharma GmbH, Hauptstraße 1, 10115 Berlin",
        sender_country="DE",
        extra={"campaign": "winter"},
    )


def german_case() -> Case:
    """Umlauts and ß everywhere a user's words go, to check every export keeps them."""
    text = "Meine Tochter (3 Jahre) hat nach Novalind Saft Übelkeit und Bauchschmerzen, heißt das was?"
    return replace(
        minimal_case(),
        id=3,
        reference="CMD-2026-000003",
        reporter=Reporter(handle="jürgen_ö", name="Jürgen Weiß", country="DE", channel="Novalind DE Facebook"),
        patient=Patient(relation="child", initials="LW", age_value=3, age_unit="a", age_group="3", sex="female"),
        products=(CaseProduct(name="Novalind Saft", dose="5 ml täglich", indication="Husten"),),
        events=(
            CaseEvent(verbatim="Übelkeit", language="de"),
            CaseEvent(verbatim="Bauchschmerzen", language="de"),
        ),
        narrative="Der Vater berichtet Übelkeit und Bauchschmerzen bei seiner Tochter nach Einnahme von Novalind Saft; "
        "die Größe der Dosis ist unklar.",
        sources=(snapshot(text, author="jürgen_ö"),),
        sender_organisation="Novalind Pharma GmbH, Hauptstraße 1, 10115 Berlin",
        sender_country="DE",
    )


def missing_optional_case() -> Case:
    """Unknown sex, age, initials, language and MedDRA code; no sender organisation: nullFlavors must appear."""
    return replace(
        minimal_case(),
        id=4,
        reference="CMD-2026-000004",
        reporter=Reporter(),
        patient=Patient(relation="", initials="", age_value=None, sex=""),
        products=(CaseProduct(name="Novalind", role="", action_taken=""),),
        events=(CaseEvent(verbatim="rash", outcome=""),),
    )


def fatal_case() -> Case:
    """A serious case with death: outcome 5 and the death criterion set."""
    return replace(
        full_case(),
        id=5,
        reference="CMD-2026-000005",
        state=CaseState.READY,
        safety_case_number="",
        acknowledged_at=None,
        events=(
            CaseEvent(
                verbatim="died of a heart attack",
                language="en",
                meddra_llt_code="10028596",
                meddra_version="27.1",
                meddra_llt_name="Myocardial infarction",
                onset=date(2026, 11, 19),
                outcome="5",
                id=51,
            ),
        ),
        seriousness={**no_seriousness(), "death": True, "life_threatening": True},
        patient=Patient(relation="partner", initials="KM", age_value=54, sex="male"),
    )


def multi_case() -> Case:
    """Several products of every role and several events."""
    return replace(
        full_case(),
        id=6,
        reference="CMD-2026-000006",
        products=(
            CaseProduct(name="Novalind", role="suspect", dose="10 mg", action_taken="4"),
            CaseProduct(name="Cardiolex", substance="cardiolexin", role="interacting", action_taken="2"),
            CaseProduct(name="Aspirin", substance="acetylsalicylic acid", role="concomitant"),
        ),
        events=(
            CaseEvent(verbatim="rash", language="en", outcome="1", onset=date(2026, 11, 10)),
            CaseEvent(verbatim="itching", language="en", outcome="3"),
            CaseEvent(
                verbatim="swollen face", language="en", meddra_llt_code="10016029", meddra_version="27.1", outcome="0"
            ),
        ),
        seriousness={**no_seriousness(), "other_medically_important": True},
    )


def follow_up_case() -> Case:
    """A follow-up of case 2 with a later source message: E2B report is a follow-up, latest date moves."""
    later = DAY0 + timedelta(days=3)
    base = full_case()
    return replace(
        base,
        id=7,
        reference="CMD-2026-000007",
        follow_up_of=2,
        follow_ups=(
            *base.follow_ups,
            FollowUp(at=later, actor="Anna Berger", channel="facebook", outcome="answered", note="recovered"),
        ),
        sources=(*base.sources, snapshot("Update: Mama geht es wieder gut.", message_id=102, at=later)),
        updated_at=later,
    )


def all_cases() -> list[Case]:
    return [
        minimal_case(),
        full_case(),
        german_case(),
        missing_optional_case(),
        fatal_case(),
        multi_case(),
        follow_up_case(),
    ]
