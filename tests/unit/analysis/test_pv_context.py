"""Sentence context of adverse-event evidence, seen through the detector's verdicts and evidence."""

from __future__ import annotations

import pytest

from cmdesk.analysis.adverse_events import detect
from cmdesk.analysis.pv_context import sentence_ends
from cmdesk.analysis.text import tokenize
from cmdesk.model import Span


def test_sentences_end_at_marks_and_newlines_but_not_after_a_number() -> None:
    text = "Nach der 2. Impfung Fieber. Schlimm!\nWirklich?"
    assert sentence_ends(text, tokenize(text)) == [27, 36, 37, 46]


@pytest.mark.parametrize(
    ("language", "text", "events"),
    [
        ("de", "Das Auge ist rot und brennt.", ["Auge ist rot", "brennt"]),
        ("en", "Took my first pill and my jaw and neck feel super tight", ["neck feel super tight"]),
        ("en", "Sleep tight, my friend", []),
        ("de", "Die Frage ist rot markiert.", []),
        ("en", "The packaging is red. My arm is fine.", []),
    ],
)
def test_a_complaint_is_an_event_only_with_a_body_part_in_its_sentence(
    language: str, text: str, events: list[str]
) -> None:
    assert [e.text for e in detect(text, language, ()).events] == events


@pytest.mark.parametrize(
    "text",
    [
        "Nebenwirkungen: keine, bis auf dass ich jetzt öfter draußen bin",
        "Nebenwirkungen hatte ich keine bemerkt.",
    ],
)
def test_a_side_effect_word_answered_with_none_is_negated(text: str) -> None:
    signal = detect(text, "de", ())
    assert (signal.suspected, [(s.kind, s.text) for s in signal.evidence]) == (False, [("negation", "keine")])


def test_an_answer_after_a_comma_or_far_away_does_not_negate() -> None:
    assert detect("Nebenwirkungen, keine Ahnung woher", "de", ()).suspected is True
    assert detect("I have side effects and there is zero help", "en", ()).suspected is True


def test_cue_keeps_a_question_real_and_a_question_without_person_is_hypothetical() -> None:
    real = detect("Ich habe seit der Impfung Fieber, ist das normal?", "de", ())
    asked = detect("Macht Cardiolin Fieber?", "de", ())
    assert (real.suspected, asked.suspected) == (True, False)
    assert asked.events == (Span(16, 22, "Fieber", "event"),)
