from __future__ import annotations

import json

from cmdesk.analysis import lexicon
from cmdesk.analysis.text import tokenize
from cmdesk.paths import resources_dir


def test_mood_lexicons_are_keyed_by_normalised_form() -> None:
    de = lexicon.mood("de")
    assert de.words["schoen"] == 2.0
    assert de.words["cool"] == 1.3  # German posts borrow English words
    assert "schoen" not in lexicon.mood("en").words
    assert "schön" not in de.words
    assert "nicht" in de.negators
    assert de.intensifiers["sehr"] == 0.3
    assert de.emotions["wuetend"] == "anger"


def test_lexicons_load_once() -> None:
    assert lexicon.mood("en") is lexicon.mood("en")
    assert lexicon.emoji() is lexicon.emoji()


def test_emoji_and_emoticons() -> None:
    symbols = lexicon.emoji().symbols
    assert symbols["😡"] == (-3.0, "anger")
    assert symbols["❤"] == (2.6, "joy")
    assert symbols[":("] == (-2.2, "sadness")


def test_phrase_set_finds_token_ranges_with_wildcards() -> None:
    phrases = lexicon.PhraseSet({"weiß jemand": "question", "beschwer*": "complaint", "hilfe!": "urgent"})
    tokens = tokenize("Hilfe! Weiss jemand, wo ich mich beschweren kann?")
    assert sorted(phrases.find(tokens)) == [("complaint", 8, 9), ("question", 2, 4), ("urgent", 0, 2)]
    assert phrases.any(tokens, "question")
    assert not phrases.any(tokenize("alles gut"))


def test_every_lexicon_file_is_valid_json_with_its_documented_keys() -> None:
    folder = resources_dir() / "lexicons"
    for language in lexicon.LANGUAGES:
        mood = json.loads((folder / f"mood_{language}.json").read_text(encoding="utf-8"))
        assert {"words", "emotions", "negators", "intensifiers", "contrast", "phrases", "sarcasm"} <= set(mood)
        intent = json.loads((folder / f"intent_{language}.json").read_text(encoding="utf-8"))
        assert {"cues", "words"} <= set(intent)
    assert "lexicons" in (folder / "README.md").read_text(encoding="utf-8").lower()


def test_phrase_set_knows_which_words_start_a_phrase() -> None:
    assert lexicon.PhraseSet({"weiß jemand": "question", "danke": "praise"}).first_words == {"weiss", "danke"}
    phrases = lexicon.PhraseSet({"weiß jemand": "question", "beschwer*": "complaint"})
    assert phrases.first_words is None  # any word starting "beschwer" starts a phrase: not a list known ahead
    assert phrases.find(tokenize("hallo du")) == []
    assert phrases.find(tokenize("Beschwerde: weiß jemand")) == [("complaint", 0, 1), ("question", 2, 4)]
