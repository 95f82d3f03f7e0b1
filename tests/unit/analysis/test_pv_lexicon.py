"""The adverse-event lexicons compiled for token matching: entry syntax, priorities and gaps."""

from __future__ import annotations

import json

import pytest

from cmdesk.analysis import pv_lexicon
from cmdesk.analysis.pv_lexicon import Entry, Phrases, compile_entry, match_rest
from cmdesk.analysis.text import tokenize
from cmdesk.paths import resources_dir

EXACT, PREFIX, SUFFIX, INFIX, GAP, NUMBER = range(6)


def test_entry_syntax_compiles_to_steps() -> None:
    assert compile_entry("headache*") == [((PREFIX, "headache"),)]
    assert compile_entry("*ausschlag") == [((SUFFIX, "ausschlag"),)]
    assert compile_entry("*tablette*") == [((INFIX, "tablette"),)]
    assert compile_entry("skip* beat*") == [((PREFIX, "skip"), (PREFIX, "beat"))]
    assert compile_entry("side-effect*") == [((EXACT, "side"), (PREFIX, "effect"))]
    assert compile_entry("mir ist ... schlecht") == [((EXACT, "mir"), (EXACT, "ist"), (GAP, ""), (EXACT, "schlecht"))]


def test_umlauts_get_both_spellings_and_apostrophes_an_optional_one() -> None:
    assert compile_entry("übel") == [((EXACT, "ubel"),), ((EXACT, "uebel"),)]
    assert compile_entry("can't sleep") == [((EXACT, "can't"), (EXACT, "sleep")), ((EXACT, "cant"), (EXACT, "sleep"))]


def matches(entry: str, text: str) -> list[str]:
    """Token texts an entry matches in ``text``, scanning left to right like the detector."""
    phrases = Phrases()
    phrases.add([entry], "event", "symptoms")
    tokens = tokenize(text)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        stop = -1
        for candidate in phrases.starting_with(tokens[i].norm):
            stop = match_rest(tokens, i + 1, candidate.rest) if candidate.rest else i + 1
            if stop >= 0:
                break
        if stop > 0:
            found.append(text[tokens[i].start : tokens[stop - 1].end])
            i = stop
        else:
            i += 1
    return found


def test_wildcards_and_compounds_match_whole_tokens() -> None:
    assert matches("*ausschlag", "Hautausschlag und Ausschlag") == ["Hautausschlag", "Ausschlag"]
    assert matches("*infekt*", "ständig Harnwegsinfekte") == ["Harnwegsinfekte"]
    assert matches("headache*", "Headaches, HEADACHE") == ["Headaches", "HEADACHE"]
    assert matches("übelkeit", "Übelkeit, Uebelkeit, Ubelkeit") == ["Übelkeit", "Uebelkeit", "Ubelkeit"]


def test_gap_takes_up_to_five_words_and_stops_at_a_question_or_exclamation() -> None:
    assert matches("seit ich ... nehme", "seit ich jeden Morgen Cardiolin nehme") == [
        "seit ich jeden Morgen Cardiolin nehme"
    ]
    assert matches("seit ich ... nehme", "seit ich eins zwei drei vier fünf sechs nehme") == []
    assert matches("seit ich ... nehme", "seit ich es? nehme") == []
    assert matches("nach der ... impfung", "Nach der 2. Impfung") == ["Nach der 2. Impfung"]


def test_hash_stands_for_any_number_but_cannot_start_an_entry() -> None:
    assert compile_entry("back at # #") == [((EXACT, "back"), (EXACT, "at"), (NUMBER, "#"), (NUMBER, "#"))]
    assert matches("back at # #", "back at 160/100, back at work, back at 9") == ["back at 160/100"]
    assert matches("hba1c ... auf # hoch", "HbA1c von 7,9 auf 8,4 hoch") == ["HbA1c von 7,9 auf 8,4 hoch"]
    with pytest.raises(ValueError, match="starts with '#'"):
        compile_entry("# mg")


@pytest.mark.parametrize("entry", ["*# mg", "#* mg", "back at #*", "back at *#", "back at #mg", "über #,#"])
def test_hash_inside_a_word_is_refused(entry: str) -> None:
    with pytest.raises(ValueError, match="must stand alone"):
        compile_entry(entry)


@pytest.mark.parametrize("entry", ["back at *", "back - at", "seit ... * nehme", "*"])
def test_a_word_without_tokens_is_refused(entry: str) -> None:
    with pytest.raises(ValueError, match="has no word to match"):
        compile_entry(entry)


def test_a_causal_cue_resumes_the_scan_before_its_gap() -> None:
    phrases = Phrases()
    phrases.add(["das an ... liegen"], "cue_causal", "causal_cues")
    phrases.add(["seit ich ... nehme"], "cue_temporal", "temporal_cues")
    rest = ((EXACT, "an"), (GAP, ""), (EXACT, "liegen"))
    assert phrases.starting_with("das") == (
        Entry(rest, "cue_causal", "causal_cues", frozenset({"an", "liegen"}), True, 2),
    )
    assert [e.resume for e in phrases.starting_with("seit")] == [0]


def test_earlier_category_wins_then_the_longer_phrase() -> None:
    phrases = Phrases()
    phrases.add(["keine wirkung"], "special", "lack_of_efficacy")
    phrases.add(["keine", "keine wirkung mehr"], "negation", "negations")
    assert [(e.kind, e.rest) for e in phrases.starting_with("keine")] == [
        ("special", ((EXACT, "wirkung"),)),
        ("negation", ((EXACT, "wirkung"), (EXACT, "mehr"))),
        ("negation", ()),
    ]


def test_entry_needs_its_exact_words() -> None:
    [entry] = compile_entry("seit ich ... nehme")
    phrases = Phrases()
    phrases.add(["seit ich ... nehme"], "cue_temporal", "temporal_cues")
    assert phrases.starting_with("seit") == (
        Entry(entry[1:], "cue_temporal", "temporal_cues", frozenset({"ich", "nehme"}), True),
    )


def test_lexicons_compile_once_per_language_choice() -> None:
    assert pv_lexicon.lexicon("de") is pv_lexicon.lexicon("de")
    main, serious, person = pv_lexicon.lexicon("other").lookup("kopfschmerzen")
    assert ([e.kind for e in main][:1], serious, person) == (["event"], (), False)
    assert pv_lexicon.lexicon("en").lookup("my")[2] is True


def test_every_pv_lexicon_has_the_documented_keys() -> None:
    keys = {
        "symptoms", "ae_words", "temporal_cues", "causal_cues", "experience_cues", "leaflet_talk", "hypotheticals",
        "negations", "generic_products", "first_person", "body_parts", "body_complaints", "seriousness",
        "special_situations",
    }  # fmt: skip
    for language in ("de", "en"):
        data = json.loads((resources_dir() / "lexicons" / f"pv_{language}.json").read_text(encoding="utf-8"))
        assert keys <= set(data)
        assert set(data["seriousness"]) == set(pv_lexicon.SERIOUSNESS_HINTS)
        assert set(data["special_situations"]) == set(pv_lexicon.SPECIAL_SITUATIONS)
