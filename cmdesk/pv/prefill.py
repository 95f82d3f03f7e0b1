"""A first draft of a PV case from what the desk already knows about the message(s).

The community manager should only confirm and correct, not retype: reporter from
the channel author, patient words ("meine Mutter", "I'm 54"), products and event
verbatims from the detector, and a narrative draft. Seriousness is only *hinted*:
a reviewer decides the criteria (the detector's keywords never set them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cmdesk.model import Product
from cmdesk.pv import clocks
from cmdesk.pv.model import (
    SERIOUSNESS_CRITERIA,
    Case,
    CaseEvent,
    CaseProduct,
    CaseState,
    Patient,
    Qualification,
    Reporter,
    SourceSnapshot,
)


@dataclass(frozen=True)
class SourceMessage:
    """One stored message as prefill needs it (the service reads it from the store)."""

    id: int
    text: str
    url: str
    created_at: datetime
    received_at: datetime
    language: str
    pv_signal: dict[str, Any]
    account_name: str
    channel_kind: str
    account_settings: dict[str, Any] = field(default_factory=dict)
    author_name: str = ""
    author_handle: str = ""
    author_profile_url: str = ""
    person_id: int | None = None


# Who the patient is, from the words of the reporter: pattern -> (relation, sex).
_RELATIONS: tuple[tuple[str, str, str], ...] = (
    (r"\bmeine[rnm]?\s+(?:mutter|mama)\b|\bmy\s+(?:mother|mum|mom)\b", "mother", "female"),
    (r"\bmeine[nm]?\s+(?:vater|papa)\b|\bmein\s+(?:vater|papa)\b|\bmy\s+(?:father|dad)\b", "father", "male"),
    (r"\bmein(?:e[nm])?\s+sohn\b|\bmy\s+son\b", "son", "male"),
    (r"\bmeine[r]?\s+tochter\b|\bmy\s+daughter\b", "daughter", "female"),
    (r"\bmein(?:e[nm])?\s+mann\b|\bmy\s+husband\b", "husband", "male"),
    (r"\bmeine[r]?\s+frau\b|\bmy\s+wife\b", "wife", "female"),
    (r"\bmeine[r]?\s+(?:oma|gro(?:ß|ss)mutter)\b|\bmy\s+(?:grandmother|grandma|granny)\b", "grandmother", "female"),
    (r"\bmein(?:e[nm])?\s+(?:opa|gro(?:ß|ss)vater)\b|\bmy\s+(?:grandfather|grandpa)\b", "grandfather", "male"),
    (r"\bmein(?:e[nm])?\s+(?:kind|baby)\b|\bmy\s+(?:child|kid|baby)\b", "child", ""),
    (r"\bmein(?:e[nm])?\s+(?:freund|partner)\b|\bmy\s+(?:boyfriend)\b", "partner", "male"),
    (r"\bmeine[r]?\s+(?:freundin|partnerin)\b|\bmy\s+(?:girlfriend)\b", "partner", "female"),
)

_SELF_AGE = (
    r"\b(?:i'?m|i am|ich bin)\s+(\d{1,3})\b",
    r"\b(\d{1,3})\s*(?:jahre|jahren|j\.)(?:\s+alt)?\b",
    r"\b(\d{1,3})\s*(?:years?|yrs?)(?:\s+old)?\b",
    r"\b(\d{1,3})-year-old\b",
    r"\b(?:she|he)\s+is\s+(\d{1,3})\b|\b(?:sie|er)\s+ist\s+(\d{1,3})\b",
    r"\((\d{1,3})\)",
)
_SELF_SEX: tuple[tuple[str, str], ...] = (
    (r"\b(?:als\s+frau|i'?m\s+a\s+woman|as\s+a\s+woman|\(w\)|\(f\))", "female"),
    (r"\b(?:als\s+mann|i'?m\s+a\s+man|as\s+a\s+man|\(m\))", "male"),
)
_PREGNANT = r"\b(?:schwanger\w*|pregnan\w*)"
_AGE_GROUP_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:baby|säugling|infant)\b", "2"),
    (r"\b(?:kind|child|kid)\b", "3"),
    (r"\b(?:teenager|jugendliche\w*|teen)\b", "4"),
)


def age_group(years: int) -> str:
    """E2B D.2.3 age group code from an age in years (2 infant, 3 child, 4 adolescent, 5 adult, 6 elderly)."""
    if years < 2:
        return "2"
    if years < 12:
        return "3"
    if years < 18:
        return "4"
    if years < 65:
        return "5"
    return "6"


def find_patient(text: str) -> Patient:
    """The patient the reporter talks about, with the verbatim words that told us."""
    lower = text.lower()
    relation, sex, evidence = "self", "", []
    for pattern, rel, rel_sex in _RELATIONS:
        match = re.search(pattern, lower)
        if match:
            relation, sex = rel, rel_sex
            evidence.append(text[match.start() : match.end()])
            break
    if not sex:
        for pattern, word_sex in _SELF_SEX:
            match = re.search(pattern, lower)
            if match:
                sex = word_sex
                evidence.append(text[match.start() : match.end()])
                break
    age: int | None = None
    for pattern in _SELF_AGE:
        match = re.search(pattern, lower)
        if match:
            digits = next(g for g in match.groups() if g)
            if 0 < int(digits) < 120:
                age = int(digits)
                evidence.append(text[match.start() : match.end()])
                break
    group = age_group(age) if age is not None else ""
    if not group:
        for pattern, code in _AGE_GROUP_WORDS:
            match = re.search(pattern, lower)
            if match:
                group = code
                evidence.append(text[match.start() : match.end()])
                break
    pregnant_match = re.search(_PREGNANT, lower)
    if pregnant_match:
        evidence.append(text[pregnant_match.start() : pregnant_match.end()])
        sex = sex or "female"
    if not evidence:
        # "I have a rash": the patient is the reporter, identifiable through them.
        first_person = re.search(r"\b(?:i|i'm|i've|me|my|ich|mir|mich|mein\w*)\b", lower)
        if first_person:
            evidence.append(text[first_person.start() : first_person.end()])
    return Patient(
        relation=relation,
        age_value=age,
        age_group=group,
        sex=sex,
        pregnant=pregnant_match is not None,
        evidence=tuple(evidence),
    )


def find_reporter(message: SourceMessage, *, company_country: str) -> Reporter:
    """The author as an identifiable consumer reporter; country from the account, else the company's."""
    country = str(message.account_settings.get("country") or company_country or "")
    handle = message.author_handle or ""
    email = handle if message.channel_kind == "email" and "@" in handle else ""
    return Reporter(
        handle=handle,
        name=message.author_name,
        channel=message.account_name,
        channel_kind=message.channel_kind,
        profile_url=message.author_profile_url,
        qualification=Qualification.CONSUMER,
        country=country.upper(),
        email=email,
    )


def _canonical_product(name: str, products: Sequence[Product]) -> CaseProduct:
    key = name.strip().lower()
    for product in products:
        spellings = {product.brand.lower(), *(m.lower() for m in product.misspellings)}
        if key in spellings:
            return CaseProduct(name=product.brand, substance=product.substance)
        if key == product.substance.lower():
            return CaseProduct(name=product.brand, substance=product.substance)
    return CaseProduct(name=name.strip())


def find_products(messages: Sequence[SourceMessage], products: Sequence[Product]) -> tuple[CaseProduct, ...]:
    found: dict[str, CaseProduct] = {}
    for message in messages:
        for name in message.pv_signal.get("products", []):
            product = _canonical_product(str(name), products)
            found.setdefault(product.name.lower(), product)
    return tuple(found.values())


def find_events(messages: Sequence[SourceMessage]) -> tuple[CaseEvent, ...]:
    """Event verbatims exactly as written (from the detector's spans), without repeats."""
    events: dict[str, CaseEvent] = {}
    for message in messages:
        for span in message.pv_signal.get("events", []):
            text = str(span[2]) if isinstance(span, list | tuple) else str(span)
            if text.strip():
                events.setdefault(text.strip().lower(), CaseEvent(verbatim=text.strip(), language=message.language))
    return tuple(events.values())


def _union(messages: Sequence[SourceMessage], key: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for message in messages:
        for value in message.pv_signal.get(key, []):
            seen.setdefault(str(value), None)
    return tuple(seen)


_RELATION_DE = {
    "self": "die meldende Person selbst",
    "mother": "die Mutter der meldenden Person",
    "father": "der Vater der meldenden Person",
    "son": "der Sohn der meldenden Person",
    "daughter": "die Tochter der meldenden Person",
    "husband": "der Ehemann der meldenden Person",
    "wife": "die Ehefrau der meldenden Person",
    "grandmother": "die Großmutter der meldenden Person",
    "grandfather": "der Großvater der meldenden Person",
    "child": "das Kind der meldenden Person",
    "partner": "der/die Partner/in der meldenden Person",
}


def narrative(
    reporter: Reporter,
    patient: Patient,
    products: Sequence[CaseProduct],
    events: Sequence[CaseEvent],
    sources: Sequence[SourceMessage],
    *,
    language: str = "en",
) -> str:
    """Who, what product, what happened, when and where it was written, in English or German."""
    who = reporter.handle or reporter.name or "an unnamed user"
    first = min(sources, key=lambda m: m.created_at) if sources else None
    when = first.created_at.strftime("%Y-%m-%d %H:%M UTC") if first else "an unknown time"
    where = f"{reporter.channel} ({reporter.channel_kind})" if reporter.channel else "a company channel"
    product_names = ", ".join(p.name for p in products)
    event_names = "; ".join(f'"{e.verbatim}"' for e in events)
    links = ", ".join(m.url for m in sources if m.url)
    age = f", {patient.age_value} years" if patient.age_value is not None else ""
    sex = f", {patient.sex}" if patient.sex else ""
    if language == "de":
        patient_text = _RELATION_DE.get(patient.relation, patient.relation)
        age = f", {patient.age_value} Jahre" if patient.age_value is not None else ""
        sex = {"female": ", weiblich", "male": ", männlich"}.get(patient.sex, "")
        parts = [
            f"Eine Verbraucherin/ein Verbraucher ({who}) schrieb am {when} auf {where}.",
            f"Betroffen: {patient_text}{age}{sex}.",
            f"Verdächtiges Produkt: {product_names or 'nicht genannt'}.",
            f"Beschriebene Ereignisse (wörtlich): {event_names or 'keine genannt'}.",
        ]
        if links:
            parts.append(f"Quelle: {links}.")
        return " ".join(parts)
    patient_text = "the reporter" if patient.relation == "self" else f"the reporter's {patient.relation}"
    parts = [
        f"A consumer ({who}) wrote on {where} on {when}.",
        f"Patient: {patient_text}{age}{sex}.",
        f"Suspect product: {product_names or 'not named'}.",
        f"Events as written: {event_names or 'none named'}.",
    ]
    if links:
        parts.append(f"Source: {links}.")
    return " ".join(parts)


def draft(
    messages: Sequence[SourceMessage],
    *,
    products: Sequence[Product],
    company_country: str,
    internal_hours: int,
    now: datetime,
    actor: str,
    narrative_language: str = "en",
) -> Case:
    """An unsaved draft (id 0, no reference) for ``messages``; day 0 = when the desk first received one."""
    if not messages:
        raise ValueError("a case needs at least one message")
    ordered = sorted(messages, key=lambda m: (m.received_at, m.id))
    first = ordered[0]
    day0 = first.received_at
    reporter = find_reporter(first, company_country=company_country)
    patient = find_patient("\n".join(m.text for m in ordered))
    case_products = find_products(ordered, products)
    events = find_events(ordered)
    language = first.language if narrative_language == "message" else narrative_language
    return Case(
        id=0,
        reference="",
        state=CaseState.DRAFT,
        day0=day0,
        internal_due_at=clocks.internal_due(day0, internal_hours=internal_hours),
        regulatory_due_at=clocks.regulatory_due(day0, serious=False),
        reporter=reporter,
        patient=patient,
        products=case_products,
        events=events,
        seriousness={c: False for c in SERIOUSNESS_CRITERIA},
        narrative=narrative(reporter, patient, case_products, events, ordered, language=language),
        sources=tuple[SourceSnapshot, ...](),
        created_by=actor,
        created_at=now,
        updated_at=now,
        person_id=first.person_id,
        special_situations=_union(ordered, "special_situations"),
        seriousness_hints=_union(ordered, "seriousness"),
    )
