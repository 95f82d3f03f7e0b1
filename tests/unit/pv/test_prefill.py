"""Prefill: the draft case a community manager only has to confirm."""

from __future__ import annotations

from cmdesk.clock import utc
from cmdesk.model import Product
from cmdesk.pv import prefill
from cmdesk.pv.model import CaseEvent, CaseProduct, Patient, Qualification, Reporter

PRODUCTS = [Product(brand="Novalind", substance="novalinumab", misspellings=("novalin", "nowalind"))]


def source(text: str, **changes: object) -> prefill.SourceMessage:
    values: dict[str, object] = {
        "id": 1,
        "text": text,
        "url": "https://facebook.com/p/1",
        "created_at": utc(2026, 11, 24, 8, 30),
        "received_at": utc(2026, 11, 24, 9, 0),
        "language": "en",
        "pv_signal": {},
        "account_name": "Novalind UK Facebook",
        "channel_kind": "facebook",
        "author_name": "Sam Lee",
        "author_handle": "samlee",
        "author_profile_url": "https://facebook.com/samlee",
    }
    values.update(changes)
    return prefill.SourceMessage(**values)  # type: ignore[arg-type]


def test_patient_words_in_german_and_english() -> None:
    assert prefill.find_patient("Meine Mutter ist 82 Jahre alt und hat Schwindel") == Patient(
        relation="mother", age_value=82, age_group="6", sex="female", evidence=("Meine Mutter", "82 Jahre alt")
    )
    assert prefill.find_patient("my son (7) got a rash") == Patient(
        relation="son", age_value=7, age_group="3", sex="male", evidence=("my son", "(7)")
    )
    assert prefill.find_patient("I'm 54 and dizzy") == Patient(age_value=54, age_group="5", evidence=("I'm 54",))
    assert prefill.find_patient("Als Frau mit 30 Jahren, schwanger") == Patient(
        age_value=30, age_group="5", sex="female", pregnant=True, evidence=("Als Frau", "30 Jahren", "schwanger")
    )
    assert prefill.find_patient("my baby cries since the vaccine") == Patient(
        relation="child", age_group="2", evidence=("my baby", "baby")
    )
    assert prefill.find_patient("Novalind is great") == Patient()
    assert prefill.find_patient("Seit Novalind habe ich Ausschlag") == Patient(evidence=("ich",))


def test_age_groups() -> None:
    assert [prefill.age_group(a) for a in (0, 5, 15, 40, 70)] == ["2", "3", "4", "5", "6"]


def test_reporter_country_from_account_else_company() -> None:
    assert prefill.find_reporter(source("x"), company_country="de") == Reporter(
        handle="samlee",
        name="Sam Lee",
        channel="Novalind UK Facebook",
        channel_kind="facebook",
        profile_url="https://facebook.com/samlee",
        qualification=Qualification.CONSUMER,
        country="DE",
    )
    uk = source("x", account_settings={"country": "GB"})
    assert prefill.find_reporter(uk, company_country="DE").country == "GB"
    mail = source("x", channel_kind="email", author_handle="sam@example.org")
    assert prefill.find_reporter(mail, company_country="DE").email == "sam@example.org"


def test_draft_collects_products_events_hints_and_narrative() -> None:
    text = "I'm 54. Since nowalind I get headaches and was in hospital."
    signal = {
        "products": ["nowalind", "Ibuprofen"],
        "events": [[20, 29, "headaches", "event"]],
        "seriousness": ["hospitalisation"],
        "special_situations": [],
    }
    later = source(
        "Also nausea now.",
        id=2,
        received_at=utc(2026, 11, 24, 12),
        pv_signal={
            "products": ["Novalind"],
            "events": [[5, 11, "nausea", "event"]],
            "seriousness": [],
            "special_situations": ["off_label"],
        },
    )
    case = prefill.draft(
        [later, source(text, pv_signal=signal)],
        products=PRODUCTS,
        company_country="DE",
        internal_hours=24,
        now=utc(2026, 11, 24, 13),
        actor="Anna",
    )
    assert case.day0 == utc(2026, 11, 24, 9)
    assert case.internal_due_at == utc(2026, 11, 25, 9)
    assert case.regulatory_due_at == utc(2027, 2, 22, 9)
    assert case.products == (CaseProduct(name="Novalind", substance="novalinumab"), CaseProduct(name="Ibuprofen"))
    assert case.events == (CaseEvent(verbatim="headaches", language="en"), CaseEvent(verbatim="nausea", language="en"))
    assert case.seriousness_hints == ("hospitalisation",)
    assert case.special_situations == ("off_label",)
    assert not case.serious  # hints never decide seriousness
    assert case.narrative == (
        "A consumer (samlee) wrote on Novalind UK Facebook (facebook) on 2026-11-24 08:30 UTC. "
        "Patient: the reporter, 54 years. Suspect product: Novalind, Ibuprofen. "
        'Events as written: "headaches"; "nausea". Source: https://facebook.com/p/1, https://facebook.com/p/1.'
    )


def test_narrative_in_the_message_language() -> None:
    msg = source("Meine Mutter hat Schwindel", language="de", pv_signal={"events": [[17, 26, "Schwindel", "event"]]})
    case = prefill.draft(
        [msg],
        products=PRODUCTS,
        company_country="DE",
        internal_hours=8,
        now=utc(2026, 11, 24, 9),
        actor="Anna",
        narrative_language="message",
    )
    assert case.internal_due_at == utc(2026, 11, 24, 17)
    assert case.narrative.startswith("Eine Verbraucherin/ein Verbraucher (samlee) schrieb am 2026-11-24 08:30 UTC")
    assert "Betroffen: die Mutter der meldenden Person, weiblich." in case.narrative
