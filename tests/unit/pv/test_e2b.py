"""The E2B(R3) export: every sample case is schema-valid, alone and in one batch, and carries the case's facts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from cmdesk.errors import InvalidInput
from cmdesk.pv import e2b
from cmdesk.pv.e2b import e2b_batch, report_id, schema_path, validate_e2b
from cmdesk.pv.model import Case
from tests.unit.pv.case_factory import (
    NOW,
    all_cases,
    fatal_case,
    follow_up_case,
    full_case,
    german_case,
    minimal_case,
    missing_optional_case,
    multi_case,
)

NS = {"h": "urn:hl7-org:v3", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
OBS = "2.16.840.1.113883.3.989.2.1.1.19"

pytestmark = pytest.mark.skipif(schema_path() is None, reason="ICH E2B(R3) schemas not found next to the repo")


def export(*cases: Case) -> bytes:
    return e2b_batch(list(cases), now=NOW, sender="NOVALIND")


def parse(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def reactions(root: ET.Element) -> list[ET.Element]:
    return [
        o
        for o in root.iter("{urn:hl7-org:v3}observation")
        if o.find("h:code", NS) is not None and o.find("h:code", NS).get("code") == "29"  # type: ignore[union-attr]
    ]


def observation_value(obs: ET.Element, code: str) -> ET.Element:
    for rel in obs.findall("h:outboundRelationship2/h:observation", NS):
        c = rel.find("h:code", NS)
        if c is not None and c.get("code") == code:
            value = rel.find("h:value", NS)
            assert value is not None
            return value
    raise AssertionError(f"no observation {code}")


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: c.reference)
def test_every_sample_case_is_schema_valid(case: Case) -> None:
    assert validate_e2b(export(case)) == []


def test_all_sample_cases_in_one_batch_are_schema_valid() -> None:
    xml = export(*all_cases())
    assert validate_e2b(xml) == []
    assert len(parse(xml).findall("h:PORR_IN049016UV", NS)) == len(all_cases())


def test_batch_header() -> None:
    root = parse(e2b_batch([minimal_case()], now=NOW, sender="NOVALIND", receiver="EVHUMAN", batch_id="B-1"))
    assert root.find("h:id", NS).attrib == {"extension": "B-1", "root": "2.16.840.1.113883.3.989.2.1.3.22"}  # type: ignore[union-attr]
    assert root.find("h:creationTime", NS).get("value") == "20261124090000+0000"  # type: ignore[union-attr]
    assert root.find("h:receiver/h:device/h:id", NS).get("extension") == "EVHUMAN"  # type: ignore[union-attr]
    assert root.find("h:sender/h:device/h:id", NS).get("extension") == "NOVALIND"  # type: ignore[union-attr]
    msg = root.find("h:PORR_IN049016UV", NS)
    assert msg is not None
    assert msg.find("h:id", NS).get("extension") == "XX-NOVALIND-CMD-2026-000001"  # type: ignore[union-attr]


def test_xml_declares_utf8_and_keeps_umlauts() -> None:
    xml = export(german_case())
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    text = xml.decode("utf-8")
    assert '<originalText language="deu">Übelkeit</originalText>' in text
    assert "die Größe der Dosis ist unklar." in text
    assert "Jürgen" in text


def test_case_identification_dates() -> None:
    inv = parse(export(follow_up_case())).find(".//h:investigationEvent", NS)
    assert inv is not None
    assert [(i.get("root"), i.get("extension")) for i in inv.findall("h:id", NS)] == [
        ("2.16.840.1.113883.3.989.2.1.3.1", "DE-NOVALIND-CMD-2026-000007"),
        ("2.16.840.1.113883.3.989.2.1.3.2", "DE-NOVALIND-CMD-2026-000007"),
    ]
    assert inv.find("h:effectiveTime/h:low", NS).get("value") == "20261120140500+0000"  # type: ignore[union-attr]
    # the answered follow-up and the later message three days on are the most recent information
    assert inv.find("h:availabilityTime", NS).get("value") == "20261123140500+0000"  # type: ignore[union-attr]
    report_type = inv.find("h:subjectOf2/h:investigationCharacteristic/h:value", NS)
    assert report_type is not None and report_type.get("code") == "1"


def test_minimal_case_most_recent_information_is_day0() -> None:
    inv = parse(export(minimal_case())).find(".//h:investigationEvent", NS)
    assert inv.find("h:availabilityTime", NS).get("value") == "20261120140500+0000"  # type: ignore[union-attr]


def test_primary_source_and_sender() -> None:
    text = export(full_case()).decode()
    root = parse(text.encode())
    person = root.find(".//h:outboundRelationship/h:relatedInvestigation/h:subjectOf2//h:assignedPerson", NS)
    assert person is not None
    assert [(e.tag.split("}")[1], e.text) for e in person.find("h:name", NS)] == [  # type: ignore[union-attr]
        ("given", "Mia"),
        ("family", "Hartmann"),
    ]
    assert person.find("h:asQualifiedEntity/h:code", NS).get("code") == "2"  # type: ignore[union-attr]
    assert person.find("h:asLocatedEntity/h:location/h:code", NS).get("code") == "DE"  # type: ignore[union-attr]
    org = root.find(".//h:subjectOf1/h:controlActEvent/h:author/h:assignedEntity/h:representedOrganization/h:name", NS)
    assert org is not None and org.text == "Novalind Pharma GmbH, Hauptstraße 1, 10115 Berlin"


def test_handle_is_the_given_name_when_no_real_name() -> None:
    root = parse(export(minimal_case()))
    given = root.find(".//h:assignedPerson/h:name/h:given", NS)
    assert given is not None and given.text == "sunny_k"
    qual = root.find(".//h:assignedPerson/h:asQualifiedEntity/h:code", NS)
    assert qual is not None and qual.get("code") == "5"


def test_unknown_patient_uses_null_flavors() -> None:
    root = parse(export(missing_optional_case()))
    player = root.find(".//h:player1", NS)
    assert player is not None
    assert [(e.tag.split("}")[1], dict(e.attrib)) for e in player] == [
        ("name", {"nullFlavor": "UNK"}),
        ("administrativeGenderCode", {"nullFlavor": "UNK"}),
    ]
    (reaction,) = reactions(root)
    value = reaction.find("h:value", NS)
    assert value is not None and value.get("nullFlavor") == "NI"
    assert value.find("h:originalText", NS).attrib == {}  # type: ignore[union-attr]
    assert observation_value(reaction, "27").get("code") == "0"


def test_patient_age_sex_and_group() -> None:
    root = parse(export(full_case()))
    player = root.find(".//h:player1", NS)
    assert player.find("h:name", NS).text == "EH"  # type: ignore[union-attr]
    assert player.find("h:administrativeGenderCode", NS).get("code") == "2"  # type: ignore[union-attr]
    values = {
        o.find("h:code", NS).get("code"): o.find("h:value", NS)  # type: ignore[union-attr]
        for o in root.findall(".//h:primaryRole/h:subjectOf2/h:observation", NS)
    }
    assert values["3"].attrib == {"value": "67", "unit": "a", XSI_TYPE: "PQ"}  # type: ignore[union-attr]
    assert values["4"].get("code") == "6"  # type: ignore[union-attr]


def test_reaction_meddra_seriousness_and_outcome() -> None:
    (reaction,) = reactions(parse(export(fatal_case())))
    value = reaction.find("h:value", NS)
    assert value is not None
    assert (value.get("code"), value.get("codeSystemVersion")) == ("10028596", "27.1")
    assert value.find("h:originalText", NS).text == "died of a heart attack"  # type: ignore[union-attr]
    assert reaction.find("h:effectiveTime/h:low", NS).get("value") == "20261119"  # type: ignore[union-attr]
    flags = {code: dict(observation_value(reaction, code).attrib) for code in ("34", "21", "33", "35", "12", "26")}
    ni = {XSI_TYPE: "BL", "nullFlavor": "NI"}
    true = {XSI_TYPE: "BL", "value": "true"}
    assert flags == {"34": true, "21": true, "33": ni, "35": ni, "12": ni, "26": ni}
    assert observation_value(reaction, "27").get("code") == "5"


def test_drugs_roles_and_details() -> None:
    root = parse(export(multi_case()))
    roles = [
        ca.find("h:value", NS).get("code")  # type: ignore[union-attr]
        for ca in root.findall(".//h:causalityAssessment", NS)
    ]
    assert roles == ["1", "3", "2"]
    names = [n.text for n in root.findall(".//h:substanceAdministration/h:consumable//h:kindOfProduct/h:name", NS)]
    assert names == ["Novalind", "Cardiolex", "Aspirin"]
    assert len(reactions(root)) == 3
    actions = [a.get("code") for a in root.findall(".//h:inboundRelationship/h:act/h:code", NS)]
    assert actions == ["4", "2"]


def test_full_drug_has_batch_dose_route_indication_action() -> None:
    root = parse(export(full_case()))
    admin = root.find(".//h:organizer/h:component/h:substanceAdministration", NS)
    assert admin is not None
    dosage = admin.find("h:outboundRelationship2/h:substanceAdministration", NS)
    assert dosage is not None
    assert dosage.find("h:text", NS).text == "20 mg once daily"  # type: ignore[union-attr]
    assert dosage.find("h:routeCode/h:originalText", NS).text == "oral"  # type: ignore[union-attr]
    assert dosage.find(".//h:lotNumberText", NS).text == "NL2231A"  # type: ignore[union-attr]
    assert admin.find(".//h:ingredientSubstance/h:name", NS).text == "novalindamid"  # type: ignore[union-attr]
    assert admin.find("h:inboundRelationship/h:observation/h:value/h:originalText", NS).text == "hypertension"  # type: ignore[union-attr]
    assert admin.find("h:inboundRelationship/h:act/h:code", NS).get("code") == "1"  # type: ignore[union-attr]


def test_narrative_has_permalinks_and_reporter_words() -> None:
    root = parse(export(full_case()))
    text = root.find(".//h:investigationEvent/h:text", NS).text  # type: ignore[union-attr]
    assert text is not None
    assert text.startswith("The reporter's mother (67) took Novalind 20 mg")
    assert "\n\nSources:\n- https://www.facebook.com/novalind.de/posts/101 (received 2026-11-20T14:05:00+00:00" in text
    comment = root.find(".//h:component1/h:observationEvent/h:value", NS)
    assert comment is not None
    assert comment.text == "My mother (67) got severe dizziness on Novalind 20 mg and went to hospital."


def test_empty_narrative_gets_a_summary() -> None:
    text = parse(export(minimal_case())).find(".//h:investigationEvent/h:text", NS).text  # type: ignore[union-attr]
    assert text == "Spontaneous report received via social media: headache after Novalind."


def test_safety_case_number_is_an_other_case_identifier() -> None:
    root = parse(export(full_case()))
    ids = [i.attrib for i in root.findall(".//h:subjectOf1/h:controlActEvent/h:id", NS)]
    assert ids == [
        {
            "assigningAuthorityName": "DRUGSAFETY",
            "extension": "DE-NOVALIND-2026-123456",
            "root": "2.16.840.1.113883.3.989.2.1.3.3",
        }
    ]
    flags = [v.attrib for v in root.findall(".//h:investigationCharacteristic/h:value", NS)]
    assert flags[1] == {XSI_TYPE: "BL", "value": "true"}
    none = parse(export(fatal_case()))
    assert none.findall(".//h:subjectOf1/h:controlActEvent/h:id", NS) == []


def test_same_input_same_bytes() -> None:
    assert export(full_case(), german_case()) == export(full_case(), german_case())


def test_report_id_format() -> None:
    assert report_id(full_case(), "Novalind Pharma") == "DE-NOVALINDPHARMA-CMD-2026-000002"


def test_empty_batch_and_bad_input_are_refused() -> None:
    with pytest.raises(InvalidInput):
        e2b_batch([], now=NOW, sender="NOVALIND")
    with pytest.raises(InvalidInput):
        e2b_batch([minimal_case()], now=NOW, sender=" ")
    bad_age = replace(full_case(), patient=replace(full_case().patient, age_unit="years"))
    with pytest.raises(InvalidInput):
        export(bad_age)


def test_validator_reports_schema_errors() -> None:
    xml = export(minimal_case()).replace(b'<processingCode code="P" />', b"<bogus />")
    errors = validate_e2b(xml)
    assert len(errors) == 1 and "bogus" in errors[0]
    assert validate_e2b(b"<x")[0].startswith("Not well-formed XML")


def test_schema_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    found = schema_path()
    assert found is not None and found.name == "MCCI_IN200100UV01.xsd"
    monkeypatch.setenv("CMDESK_E2B_SCHEMAS", str(found.parent.parent))
    assert schema_path() == found


def test_missing_schema_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(e2b, "schema_path", lambda: None)
    (message,) = validate_e2b(export(minimal_case()))
    assert message.startswith("The ICH E2B(R3) schemas were not found; set CMDESK_E2B_SCHEMAS")


@pytest.mark.parametrize(
    "words",
    [
        "bad\x00char\x0bs\x1f and a lone \ud800 surrogate",
        "<b>&amp; \"quotes\" 'single' ]]> </text>",
        "emoji 🤢😵 and RTL مرحبا and 中文",
        "",
    ],
)
def test_user_text_never_breaks_the_xml(words: str) -> None:
    case = replace(
        full_case(),
        narrative=words,
        events=(replace(full_case().events[0], verbatim=words or "x"),),
        reporter=replace(full_case().reporter, name=words, handle=words),
        products=(replace(full_case().products[0], name=words or "x", dose=words, batch=words[:35]),),
    )
    assert validate_e2b(export(case)) == []
