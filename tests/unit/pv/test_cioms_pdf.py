"""The CIOMS-I PDF: valid file for every sample case, the form's boxes filled from the case, continuation, sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cmdesk.pv.cioms_pdf import (
    cioms_pdf,
    describe_reactions,
    form_date,
    is_follow_up,
    reaction_abated,
    report_channel,
)
from cmdesk.pv.model import Case, CaseProduct
from tests.unit.pv.case_factory import (
    all_cases,
    fatal_case,
    follow_up_case,
    full_case,
    german_case,
    minimal_case,
    missing_optional_case,
    multi_case,
)
from tests.unit.pv.test_pdf import check_xref, page_texts, pdftotext


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: c.reference)
def test_every_sample_case_gives_a_valid_pdf(case: Case) -> None:
    pdf = cioms_pdf(case)
    objects = check_xref(pdf)
    pages = page_texts(pdf)
    assert objects == 5 + 2 * len(pages)
    assert pages[0].startswith(f"Case {case.reference}\nCIOMS FORM\nSUSPECT ADVERSE REACTION REPORT")
    assert pages[-1].split("\n")[0] == f"SOURCE MESSAGES - case {case.reference}"
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"CIOMS I - {case.reference}\nPage {number} of {len(pages)}")


def test_form_boxes_of_the_full_case() -> None:
    first = page_texts(cioms_pdf(full_case()))[0].split("\n")

    # each value follows its numbered label (labels may wrap onto a second line)
    def after(label: str, skip: int = 0) -> str:
        return first[first.index(label) + 1 + skip]

    assert after("1. PATIENT INITIALS", 1) == "EH"
    assert after("1a. COUNTRY") == "DE"
    assert after("2a. AGE") == "67 years"
    assert after("3. SEX") == "F"
    assert after("4-6 REACTION ONSET", 1) == "18 NOV 2026"
    assert after("15. DAILY DOSE(S)") == "20 mg once daily"
    assert after("16. ROUTE(S) OF ADMINISTRATION") == "oral"
    assert after("17. INDICATION(S) FOR USE") == "hypertension"
    assert after("14. SUSPECT DRUG(S) (include generic name)") == (
        "Novalind 20 mg (novalindamid); batch NL2231A; action taken: drug withdrawn"
    )
    assert first[first.index("24a. NAME AND ADDRESS OF MANUFACTURER") + 1 :][:3] == [
        "Novalind Pharma GmbH",
        "Hauptstraße 1",
        "10115 Berlin",
    ]
    assert first[first.index("24b. MFR CONTROL NO.") + 1 :][:3] == [
        "CMD-2026-000002",
        "safety case no.",
        "DE-NOVALIND-2026-123456",
    ]
    assert after("24c. DATE RECEIVED BY MANUFACTURER") == "20 NOV 2026"
    assert after("DATE OF THIS REPORT") == "20 NOV 2026"
    assert "OTHER: social media / Novalind DE Facebook" in first
    assert "Ramipril (ramipril), 5 mg" in first


def test_describe_reactions_text() -> None:
    assert describe_reactions(multi_case()) == (
        "1) rash [en] - onset 10 NOV 2026 - outcome: recovered/resolved\n"
        "2) itching [en] - outcome: not recovered/not resolved/ongoing\n"
        "3) swollen face [en] - LLT 10016029, MedDRA 27.1 - outcome: unknown\n"
        "\n"
        "The reporter's mother (67) took Novalind 20 mg and had severe dizziness; she was admitted."
    )
    assert describe_reactions(minimal_case()) == "1) headache - outcome: unknown"


def test_umlauts_survive() -> None:
    pages = page_texts(cioms_pdf(german_case()))
    assert "1) Übelkeit [de] - outcome: unknown" in pages[0]
    assert "die Größe der Dosis ist unklar." in pages[0]
    assert "5 ml täglich" in pages[0]
    assert "Meine Tochter (3 Jahre) hat nach Novalind Saft Übelkeit und Bauchschmerzen, heißt das was?" in pages[-1]


def test_missing_data_says_unknown() -> None:
    first = page_texts(cioms_pdf(missing_optional_case()))[0].split("\n")
    assert first[first.index("1a. COUNTRY") + 1] == "unknown"
    assert first[first.index("2a. AGE") + 1] == "unknown"
    assert first[first.index("3. SEX") + 1] == "unknown"
    assert first[first.index("24a. NAME AND ADDRESS OF MANUFACTURER") + 1] == "not set"
    assert "none reported" in first


def test_long_narrative_continues_on_extra_pages() -> None:
    narrative = " ".join(f"Satz {i}: Die Übelkeit hielt an und wurde größer." for i in range(300))
    pdf = cioms_pdf(replace(german_case(), narrative=narrative))
    check_xref(pdf)
    pages = page_texts(pdf)
    assert len(pages) == 4
    assert "(see continuation)" in pages[0]
    assert pages[1].startswith(
        "CONTINUATION - case CMD-2026-000003\n"
        "7 + 13 DESCRIBE REACTION(S) (including relevant tests/lab data) (continued)"
    )
    # every sentence is printed exactly once across the pages
    words = " ".join(" ".join(pages).split())
    assert all(words.count(f"Satz {i}:") == 1 for i in range(300))
    assert words.count("Satz 299: Die Übelkeit hielt an und wurde größer.") == 1


def test_source_page_has_snapshot_permalink_and_hash() -> None:
    case = full_case()
    last = page_texts(cioms_pdf(case))[-1].split("\n")
    source = case.sources[0]
    assert last[:7] == [
        "SOURCE MESSAGES - case CMD-2026-000002",
        "Each message as it was when it fed the case; the SHA-256 fingerprint is of its text (UTF-8).",
        "Message 1: mia.h on Novalind DE Facebook (facebook)",
        "Posted 2026-11-20T14:02:00+00:00 - received 2026-11-20T14:05:00+00:00 - "
        "added to case 2026-11-20T14:15:00+00:00",
        "Permalink: https://www.facebook.com/novalind.de/posts/101",
        f"SHA-256: {source.sha256}",
        source.text,
    ]
    assert "2026-11-21T14:05:00+00:00 Anna Berger via facebook: answered - batch number given" in last
    assert "No source messages are attached to this case." in page_texts(cioms_pdf(minimal_case()))[-1]


def test_report_type_and_source() -> None:
    assert is_follow_up(minimal_case()) is False
    assert is_follow_up(follow_up_case()) is True
    assert is_follow_up(full_case()) is True  # an answer arrived after forwarding
    assert is_follow_up(replace(full_case(), follow_ups=())) is False
    assert report_channel(minimal_case()) == "social media"
    assert report_channel(german_case()) == "social media / Novalind DE Facebook"
    assert report_channel(replace(full_case(), reporter=replace(full_case().reporter, channel=""))) == (
        "social media / facebook"
    )


def test_reaction_abated() -> None:
    assert reaction_abated(full_case()) == "YES"  # withdrawn, recovering
    assert reaction_abated(fatal_case()) == "NO"  # withdrawn, fatal
    assert reaction_abated(minimal_case()) == ""
    not_changed = replace(minimal_case(), products=(CaseProduct(name="X", action_taken="4"),))
    assert reaction_abated(not_changed) == "NA"


def test_form_date() -> None:
    assert form_date(date(2026, 3, 5)) == "05 MAR 2026"
    assert form_date(None) == ""


def test_same_case_same_bytes() -> None:
    assert cioms_pdf(full_case()) == cioms_pdf(full_case())


def test_pdftotext_extracts_umlauts_and_reference(tmp_path: Path) -> None:
    text = pdftotext(cioms_pdf(german_case()), tmp_path)
    assert "CMD-2026-000003" in text
    assert "Übelkeit" in text
    assert "heißt das was?" in text
    assert "Hauptstraße 1" in text


def test_unprintable_user_text_does_not_break_the_pdf() -> None:
    words = "emoji 🤢 \x00 lone \ud800 中文 (paren) back\\slash"
    case = replace(full_case(), narrative=words, events=(replace(full_case().events[0], verbatim=words),))
    pdf = cioms_pdf(case)
    check_xref(pdf)
    assert "emoji ? ? lone ? ?? (paren) back\\slash" in page_texts(pdf)[0]
