"""ICH E2B(R3) export: a batch (MCCI_IN200100UV01) with one ICSR (PORR_IN049016UV) per case.

Drug safety systems (Argus, Veeva, ArisGlobal) import this XML, so the desk's cases reach them without
retyping. The structure follows the ICH implementation guide as the FDA example instances show it;
:func:`validate_e2b` checks the result against the ICH schemas. Built with the standard library only;
lxml is needed just for validation.
"""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk.errors import InvalidInput
from cmdesk.pv import e2b_codes as c
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, Case, CaseEvent, CaseProduct

if TYPE_CHECKING:
    from lxml import etree

ET.register_namespace("", c.HL7_NS)
ET.register_namespace("xsi", c.XSI_NS)

_XSI_TYPE = f"{{{c.XSI_NS}}}type"
_ID_NAMESPACE = uuid.UUID("6f1c2a0e-8d4b-4c39-9a51-2b7c1e0d9f42")  # fixed: same case + time give the same ids
_SCHEMA_ENV = "CMDESK_E2B_SCHEMAS"
_SCHEMA_FILE = "multicacheschemas/MCCI_IN200100UV01.xsd"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters pasted into posts) so the file stays well-formed."""
    return _NOT_XML.sub("", text)


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child in the HL7 namespace; ``xsi_type`` becomes ``xsi:type``; attributes in the given order."""
    full = f"{{{c.HL7_NS}}}{tag}"
    clean = {(_XSI_TYPE if k == "xsi_type" else k): _xml_text(v) for k, v in attrs.items()}
    node = ET.Element(full, clean) if parent is None else ET.SubElement(parent, full, clean)
    if text is not None:
        node.text = _xml_text(text)
    return node


def _ts(moment: datetime) -> str:
    """HL7 timestamp with seconds and UTC offset (N.1.5, C.1.2 ...)."""
    if moment.tzinfo is None:
        raise InvalidInput("The E2B export needs times with a time zone.")
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S+0000")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _uid(*parts: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, "/".join(parts)))


def _token(text: str) -> str:
    """Upper-case letters and digits only, for the company part of the C.1.1 identifier."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())[:20] or "SENDER"


def report_id(case: Case, sender: str) -> str:
    """C.1.1 in the guide's "country-company-number" form, e.g. ``DE-NOVALIND-CMD-2026-000002``."""
    country = (case.sender_country or case.reporter.country or "XX").upper()
    return f"{country}-{_token(sender)}-{case.reference}"


def most_recent_information(case: Case) -> datetime:
    """C.1.5: the latest moment new facts arrived (an answered follow-up or a later source message)."""
    moments = [case.day0]
    moments += [f.at for f in case.follow_ups if f.outcome == "answered"]
    moments += [s.received_at for s in case.sources]
    return max(moments)


def narrative(case: Case) -> str:
    """H.1: the reviewer's narrative (or a plain summary when empty) plus the source permalinks."""
    text = case.narrative.strip()
    if not text:
        drugs = ", ".join(p.name for p in case.products) or "an unnamed product"
        events = "; ".join(e.verbatim for e in case.events) or "an unspecified reaction"
        text = f"Spontaneous report received via social media: {events} after {drugs}."
    links = [s for s in case.sources if s.permalink]
    if links:
        lines = [f"- {s.permalink} (received {s.received_at.isoformat()}, sha256 {s.sha256})" for s in links]
        text += "\n\nSources:\n" + "\n".join(lines)
    return text


def e2b_batch(
    cases: Sequence[Case],
    *,
    now: datetime,
    sender: str,
    receiver: str = "DRUGSAFETY",
    batch_id: str | None = None,
) -> bytes:
    """One E2B(R3) batch message holding an ICSR per case, as UTF-8 XML bytes."""
    if not cases:
        raise InvalidInput("An E2B batch needs at least one case.")
    if not sender.strip():
        raise InvalidInput("The E2B sender identifier is empty; set the company name in the settings.")
    root = _el(None, "MCCI_IN200100UV01", ITSVersion="XML_1.0")
    _el(root, "id", extension=batch_id or f"{_token(sender)}-{now.astimezone(UTC):%Y%m%d%H%M%S}", root=c.OID_BATCH_ID)
    _el(root, "creationTime", value=_ts(now))
    _el(root, "responseModeCode", code="D")
    _el(root, "interactionId", extension="MCCI_IN200100UV01", root=c.CS_INTERACTION)
    _el(root, "name", code="1", displayName="ichicsr", codeSystem=c.CS_MESSAGE_TYPE)
    for case in cases:
        _icsr(root, case, now=now, sender=sender, receiver=receiver)
    _device(_el(root, "receiver", typeCode="RCV"), receiver, c.OID_BATCH_RECEIVER)
    _device(_el(root, "sender", typeCode="SND"), sender, c.OID_BATCH_SENDER)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _device(parent: ET.Element, ident: str, oid: str) -> None:
    device = _el(parent, "device", classCode="DEV", determinerCode="INSTANCE")
    _el(device, "id", extension=ident, root=oid)


def _icsr(batch: ET.Element, case: Case, *, now: datetime, sender: str, receiver: str) -> None:
    rid = report_id(case, sender)
    msg = _el(batch, "PORR_IN049016UV")
    _el(msg, "id", extension=rid, root=c.OID_MESSAGE_ID)
    _el(msg, "creationTime", value=_ts(now))
    _el(msg, "interactionId", extension="PORR_IN049016UV", root=c.CS_INTERACTION)
    _el(msg, "processingCode", code="P")
    _el(msg, "processingModeCode", code="T")
    _el(msg, "acceptAckCode", code="AL")
    _device(_el(msg, "receiver", typeCode="RCV"), receiver, c.OID_MESSAGE_RECEIVER)
    _device(_el(msg, "sender", typeCode="SND"), sender, c.OID_MESSAGE_SENDER)
    act = _el(msg, "controlActProcess", classCode="CACT", moodCode="EVN")
    _el(act, "code", code="PORR_TE049016UV", codeSystem=c.CS_TRIGGER)
    _el(act, "effectiveTime", value=_ts(now))  # C.1.2 date of creation
    subject = _el(act, "subject", typeCode="SUBJ")
    inv = _el(subject, "investigationEvent", classCode="INVSTG", moodCode="EVN")
    _el(inv, "id", extension=rid, root=c.OID_MESSAGE_ID)  # C.1.1
    _el(inv, "id", extension=rid, root=c.OID_WORLDWIDE_CASE_ID)  # C.1.8.1
    _el(inv, "code", code="PAT_ADV_EVNT", codeSystem=c.CS_ACT_CODE)
    _el(inv, "text", narrative(case)[:100000])  # H.1 (the guide allows 100,000 characters)
    _el(inv, "statusCode", code="active")
    effective = _el(inv, "effectiveTime")
    _el(effective, "low", value=_ts(case.day0))  # C.1.4 first received from source
    _el(inv, "availabilityTime", value=_ts(most_recent_information(case)))  # C.1.5

    _assessment(_el(inv, "component", typeCode="COMP"), case, rid)
    _bool_observation(inv, "1", "additionalDocumentsAvailable", False)  # C.1.6.1
    _bool_observation(inv, "23", "localCriteriaForExpedited", case.serious)  # C.1.7
    _first_sender(inv)  # C.1.8.2
    _primary_source(inv, case)  # C.2.r
    _sender(inv, case, sender)  # C.3
    if case.safety_case_number:
        other = _el(_el(inv, "subjectOf1", typeCode="SUBJ"), "controlActEvent", classCode="CACT", moodCode="EVN")
        _el(other, "id", assigningAuthorityName=receiver, extension=case.safety_case_number, root=c.OID_OTHER_CASE_ID)
    _characteristic(
        inv,
        "1",
        "ichReportType",
        xsi_type="CE",
        code="1",
        displayName="Spontaneous report",
        codeSystem=c.CS_REPORT_TYPE,
    )  # C.1.3
    if case.safety_case_number:  # C.1.9.1
        _characteristic(inv, "2", "otherCaseIds", xsi_type="BL", value="true")
    else:
        _characteristic(inv, "2", "otherCaseIds", xsi_type="BL", nullFlavor="NI")


def _bool_observation(inv: ET.Element, code: str, name: str, value: bool) -> None:
    obs = _el(_el(inv, "component", typeCode="COMP"), "observationEvent", classCode="OBS", moodCode="EVN")
    _el(obs, "code", code=code, codeSystem=c.CS_OBSERVATION, displayName=name)
    _el(obs, "value", xsi_type="BL", value="true" if value else "false")


def _characteristic(inv: ET.Element, kind: str, name: str, **value: str) -> None:
    char = _el(_el(inv, "subjectOf2", typeCode="SUBJ"), "investigationCharacteristic", classCode="OBS", moodCode="EVN")
    _el(char, "code", code=kind, codeSystem=c.CS_CHARACTERISTIC, displayName=name)
    _el(char, "value", **value)


def _first_sender(inv: ET.Element) -> None:
    rel = _el(
        _el(inv, "outboundRelationship", typeCode="SPRT"), "relatedInvestigation", classCode="INVSTG", moodCode="EVN"
    )
    _el(rel, "code", code="1", codeSystem=c.CS_RELATED_INVESTIGATION, displayName="initialReport")
    event = _el(_el(rel, "subjectOf2", typeCode="SUBJ"), "controlActEvent", classCode="CACT", moodCode="EVN")
    entity = _el(_el(event, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    _el(entity, "code", code="2", displayName="other", codeSystem=c.CS_FIRST_SENDER)


def _split_name(name: str) -> tuple[str, str]:
    parts = name.split()
    if len(parts) < 2:
        return name, ""
    return " ".join(parts[:-1]), parts[-1]


def _primary_source(inv: ET.Element, case: Case) -> None:
    """C.2.r: the person who posted; a handle stands in for the given name when that is all we know."""
    rep = case.reporter
    out = _el(inv, "outboundRelationship", typeCode="SPRT")
    _el(out, "priorityNumber", value="1")  # C.2.r.5 primary source for regulatory purposes
    rel = _el(out, "relatedInvestigation", classCode="INVSTG", moodCode="EVN")
    _el(rel, "code", code="2", codeSystem=c.CS_RELATED_INVESTIGATION, displayName="sourceReport")
    event = _el(_el(rel, "subjectOf2", typeCode="SUBJ"), "controlActEvent", classCode="CACT", moodCode="EVN")
    entity = _el(_el(event, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    if rep.email:
        _el(entity, "telecom", value=f"mailto:{rep.email}")
    person = _el(entity, "assignedPerson", classCode="PSN", determinerCode="INSTANCE")
    given, family = _split_name(rep.name) if rep.name else (rep.handle, "")
    name = _el(person, "name")
    if given:
        _el(name, "given", given[:35])
    else:
        _el(name, "given", nullFlavor="UNK")
    if family:
        _el(name, "family", family[:50])
    qual = _el(person, "asQualifiedEntity", classCode="QUAL")
    q = rep.qualification.value
    _el(qual, "code", code=q, displayName=c.QUALIFICATIONS[q], codeSystem=c.CS_QUALIFICATION)
    if rep.country:
        located = _el(person, "asLocatedEntity", classCode="LOCE")
        _el(
            _el(located, "location", classCode="COUNTRY", determinerCode="INSTANCE"),
            "code",
            code=rep.country.upper(),
            codeSystem=c.CS_COUNTRY,
        )


def _sender(inv: ET.Element, case: Case, sender: str) -> None:
    """C.3: the company sending the report (C.3.1 = 1 pharmaceutical company)."""
    event = _el(_el(inv, "subjectOf1", typeCode="SUBJ"), "controlActEvent", classCode="CACT", moodCode="EVN")
    entity = _el(_el(event, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    _el(entity, "code", code="1", displayName="Pharmaceutical Company", codeSystem=c.CS_SENDER_TYPE)
    if case.sender_country:
        person = _el(entity, "assignedPerson", classCode="PSN", determinerCode="INSTANCE")
        located = _el(person, "asLocatedEntity", classCode="LOCE")
        _el(
            _el(located, "location", classCode="COUNTRY", determinerCode="INSTANCE"),
            "code",
            code=case.sender_country.upper(),
            codeSystem=c.CS_COUNTRY,
        )
    org = _el(entity, "representedOrganization", classCode="ORG", determinerCode="INSTANCE")
    _el(org, "name", (case.sender_organisation or sender)[:100])


def _assessment(component: ET.Element, case: Case, rid: str) -> None:
    """D (patient), E (reactions), G (drugs), the drug roles and the reporter's own words (H.2)."""
    assessment = _el(component, "adverseEventAssessment", classCode="INVSTG", moodCode="EVN")
    role = _el(_el(assessment, "subject1", typeCode="SBJ"), "primaryRole", classCode="INVSBJ")
    _patient(role, case)
    for i, event in enumerate(case.events):
        _reaction(role, event, _uid(rid, "reaction", str(i)), case)
    drug_ids = [_uid(rid, "drug", str(k)) for k in range(len(case.products))]
    if case.products:
        organizer = _el(_el(role, "subjectOf2", typeCode="SBJ"), "organizer", classCode="CATEGORY", moodCode="EVN")
        _el(organizer, "code", code="4", codeSystem=c.CS_ORGANIZER, displayName="drugInformation")
        for product, drug_id in zip(case.products, drug_ids, strict=True):
            _drug(organizer, product, drug_id)
    for product, drug_id in zip(case.products, drug_ids, strict=True):
        code, display = c.DRUG_ROLES.get(product.role, c.DRUG_ROLES["suspect"])
        causality = _el(
            _el(assessment, "component", typeCode="COMP"), "causalityAssessment", classCode="OBS", moodCode="EVN"
        )
        _el(causality, "code", code="20", codeSystem=c.CS_OBSERVATION, displayName="interventionCharacterization")
        _el(causality, "value", xsi_type="CE", code=code, displayName=display, codeSystem=c.CS_DRUG_ROLE)
        ref = _el(_el(causality, "subject2", typeCode="SUBJ"), "productUseReference", classCode="SBADM", moodCode="EVN")
        _el(ref, "id", root=drug_id)
    words = "\n\n".join(s.text for s in case.sources if s.text.strip())
    if words:  # H.2 reporter's comments: what they wrote, verbatim
        comment = _el(
            _el(assessment, "component1", typeCode="COMP"), "observationEvent", classCode="OBS", moodCode="EVN"
        )
        _el(comment, "code", code="10", codeSystem=c.CS_OBSERVATION, displayName="comment")
        _el(comment, "value", words[:20000], xsi_type="ED")
        author = _el(_el(comment, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
        _el(author, "code", code="3", codeSystem=c.CS_SOURCE, displayName="sourceReporter")


def _patient(role: ET.Element, case: Case) -> None:
    patient = case.patient
    person = _el(role, "player1", classCode="PSN", determinerCode="INSTANCE")
    if patient.initials.strip():
        _el(person, "name", patient.initials.strip()[:60])
    else:
        _el(person, "name", nullFlavor="UNK")
    if patient.sex in c.SEXES:
        code, display = c.SEXES[patient.sex]
        _el(person, "administrativeGenderCode", code=code, displayName=display, codeSystem=c.CS_SEX)
    else:
        _el(person, "administrativeGenderCode", nullFlavor="UNK")
    if patient.age_value is not None:
        if patient.age_unit not in c.AGE_UNITS:
            raise InvalidInput(
                "Case {case}: the age unit {age_unit!r} is not a UCUM age unit.",
                case=case.reference,
                age_unit=patient.age_unit,
            )
        obs = _el(_el(role, "subjectOf2", typeCode="SBJ"), "observation", classCode="OBS", moodCode="EVN")
        _el(obs, "code", code="3", displayName="age", codeSystem=c.CS_OBSERVATION)
        _el(obs, "value", value=str(patient.age_value), unit=patient.age_unit, xsi_type="PQ")
    if patient.age_group in c.AGE_GROUPS:
        obs = _el(_el(role, "subjectOf2", typeCode="SBJ"), "observation", classCode="OBS", moodCode="EVN")
        _el(obs, "code", code="4", displayName="ageGroup", codeSystem=c.CS_OBSERVATION)
        _el(
            obs,
            "value",
            xsi_type="CE",
            code=patient.age_group,
            displayName=c.AGE_GROUPS[patient.age_group],
            codeSystem=c.CS_AGE_GROUP,
        )


def _reaction(role: ET.Element, event: CaseEvent, reaction_id: str, case: Case) -> None:
    obs = _el(_el(role, "subjectOf2", typeCode="SBJ"), "observation", classCode="OBS", moodCode="EVN")
    _el(obs, "id", root=reaction_id)
    _el(obs, "code", code="29", codeSystem=c.CS_OBSERVATION, displayName="reaction")
    if event.onset is not None:
        _el(_el(obs, "effectiveTime", xsi_type="IVL_TS"), "low", value=_day(event.onset))  # E.i.4
    value_attrs: dict[str, Any] = {"xsi_type": "CE"}
    if event.meddra_llt_code:  # E.i.2.1b + E.i.2.1a
        value_attrs.update(code=event.meddra_llt_code, codeSystem=c.CS_MEDDRA)
        if event.meddra_version:
            value_attrs["codeSystemVersion"] = event.meddra_version
    else:
        value_attrs.update(codeSystem=c.CS_MEDDRA, nullFlavor="NI")
    value = _el(obs, "value", **value_attrs)
    language = c.language_639_2(event.language)
    if language:  # E.i.1.1a + E.i.1.1b
        _el(value, "originalText", event.verbatim[:250], language=language)
    else:
        _el(value, "originalText", event.verbatim[:250])
    country = case.reporter.country or case.sender_country
    if country:  # E.i.9
        located = _el(_el(obs, "location", typeCode="LOC"), "locatedEntity", classCode="LOCE")
        _el(
            _el(located, "locatedPlace", classCode="COUNTRY", determinerCode="INSTANCE"),
            "code",
            code=country.upper(),
            codeSystem=c.CS_COUNTRY,
        )
    for criterion in SERIOUSNESS_CRITERIA:  # E.i.3.2a-f: true, or "no information" (false is not allowed)
        code, name = c.SERIOUSNESS_CODES[criterion]
        rel = _el(_el(obs, "outboundRelationship2", typeCode="PERT"), "observation", classCode="OBS", moodCode="EVN")
        _el(rel, "code", code=code, codeSystem=c.CS_OBSERVATION, displayName=name)
        if case.seriousness.get(criterion, False):
            _el(rel, "value", xsi_type="BL", value="true")
        else:
            _el(rel, "value", xsi_type="BL", nullFlavor="NI")
    outcome = event.outcome if event.outcome in c.OUTCOMES else "0"  # E.i.7
    rel = _el(_el(obs, "outboundRelationship2", typeCode="PERT"), "observation", classCode="OBS", moodCode="EVN")
    _el(rel, "code", code="27", codeSystem=c.CS_OBSERVATION, displayName="outcome")
    _el(rel, "value", xsi_type="CE", code=outcome, displayName=c.OUTCOMES[outcome], codeSystem=c.CS_OUTCOME)


def _drug(organizer: ET.Element, product: CaseProduct, drug_id: str) -> None:
    admin = _el(
        _el(organizer, "component", typeCode="COMP"), "substanceAdministration", classCode="SBADM", moodCode="EVN"
    )
    _el(admin, "id", root=drug_id)
    kind = _el(
        _el(_el(admin, "consumable", typeCode="CSM"), "instanceOfKind", classCode="INST"),
        "kindOfProduct",
        classCode="MMAT",
        determinerCode="KIND",
    )
    _el(kind, "name", product.name[:250])  # G.k.2.2
    if product.substance:  # G.k.2.3.r.1
        ingredient = _el(kind, "ingredient", classCode="ACTI")
        _el(
            _el(ingredient, "ingredientSubstance", classCode="MMAT", determinerCode="KIND"),
            "name",
            product.substance[:250],
        )
    if product.dose or product.route or product.batch:  # G.k.4.r
        dosage = _el(
            _el(admin, "outboundRelationship2", typeCode="COMP"),
            "substanceAdministration",
            classCode="SBADM",
            moodCode="EVN",
        )
        if product.dose:
            _el(dosage, "text", product.dose[:2000])  # G.k.4.r.8
        if product.route:
            route = _el(dosage, "routeCode", codeSystem=c.CS_ROUTE)
            _el(route, "originalText", product.route[:60])  # G.k.4.r.10.1
        if product.batch:
            instance = _el(_el(dosage, "consumable", typeCode="CSM"), "instanceOfKind", classCode="INST")
            lot = _el(instance, "productInstanceInstance", classCode="MMAT", determinerCode="INSTANCE")
            _el(lot, "lotNumberText", product.batch[:35])  # G.k.4.r.7
            _el(instance, "kindOfProduct", classCode="MMAT", determinerCode="KIND")
    if product.indication:  # G.k.7.r.1
        obs = _el(_el(admin, "inboundRelationship", typeCode="RSON"), "observation", classCode="OBS", moodCode="EVN")
        _el(obs, "code", code="19", codeSystem=c.CS_OBSERVATION, displayName="indication")
        value = _el(obs, "value", xsi_type="CE", codeSystem=c.CS_MEDDRA)
        _el(value, "originalText", product.indication[:250])
        entity = _el(_el(obs, "performer", typeCode="PRF"), "assignedEntity", classCode="ASSIGNED")
        _el(entity, "code", code="3", codeSystem=c.CS_SOURCE, displayName="sourceReporter")
    if product.action_taken in c.ACTIONS_TAKEN:  # G.k.8
        act = _el(_el(admin, "inboundRelationship", typeCode="CAUS"), "act", classCode="ACT", moodCode="EVN")
        _el(
            act,
            "code",
            code=product.action_taken,
            displayName=c.ACTIONS_TAKEN[product.action_taken],
            codeSystem=c.CS_ACTION_TAKEN,
        )


# --- validation -----------------------------------------------------------------------------------------------


def schema_path() -> Path | None:
    """Where the ICH schema entry point is: $CMDESK_E2B_SCHEMAS, else ../shared/data/e2b_r3/schemas from the repo."""
    candidates: list[Path] = []
    env = os.environ.get(_SCHEMA_ENV, "").strip()
    if env:
        candidates.append(Path(env))
    repo = Path(__file__).resolve().parents[2]
    candidates.append(repo.parent / "shared" / "data" / "e2b_r3" / "schemas")
    for base in candidates:
        for path in (base / _SCHEMA_FILE, base / "MCCI_IN200100UV01.xsd", base):
            if path.is_file() and path.name == "MCCI_IN200100UV01.xsd":
                return path
    return None


_schema_cache: dict[Path, etree.XMLSchema] = {}


def validate_e2b(xml: bytes) -> list[str]:
    """Schema errors of an E2B(R3) batch, one line each; empty when valid. Needs lxml (a dev dependency)."""
    try:
        from lxml import etree
    except ImportError:
        return ["E2B validation needs the lxml package, which is not installed."]
    path = schema_path()
    if path is None:
        return [
            f"The ICH E2B(R3) schemas were not found; set {_SCHEMA_ENV} to the folder holding "
            "multicacheschemas/MCCI_IN200100UV01.xsd."
        ]
    schema = _schema_cache.get(path)
    if schema is None:
        schema = etree.XMLSchema(etree.parse(str(path)))
        _schema_cache[path] = schema
    try:
        document = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [f"Not well-formed XML: {exc}"]
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
