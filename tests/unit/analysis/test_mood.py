from __future__ import annotations

import pytest

from cmdesk.analysis import mood
from cmdesk.analysis.mood import _round, analyse
from cmdesk.model import Emotion, MoodLabel, MoodResult, Span


def label(text: str, language: str) -> MoodLabel:
    return analyse(text, language).label


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Das ist gut", "de", MoodLabel.POSITIVE),
        ("Das ist nicht gut", "de", MoodLabel.NEGATIVE),
        ("Das hilft mir leider nicht.", "de", MoodLabel.NEGATIVE),
        ("Die App funktioniert auf dem Handy nicht.", "de", MoodLabel.NEGATIVE),  # clause-final, 4 words after
        ("Das hilft mir bei meinen Kopfschmerzen nicht", "de", MoodLabel.NEGATIVE),
        ("kein Problem!", "de", MoodLabel.POSITIVE),
        ("Ich hatte keinerlei Probleme", "de", MoodLabel.POSITIVE),
        ("This is not bad", "en", MoodLabel.POSITIVE),
        ("This is bad", "en", MoodLabel.NEGATIVE),
        ("I don't like it", "en", MoodLabel.NEGATIVE),
        ("Weiß jemand, wann das lieferbar ist?", "de", MoodLabel.NEUTRAL),
        ("", "other", MoodLabel.NEUTRAL),
    ],
)
def test_labels_with_negation(text: str, language: str, expected: MoodLabel) -> None:
    assert label(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Dosierung passt nicht zur Packung.", MoodLabel.NEGATIVE),  # a preposition after the trailing "nicht"
        ("Es wirkt leider nicht mehr.", MoodLabel.NEGATIVE),
        ("Das gefällt mir nicht so.", MoodLabel.NEGATIVE),
        ("Hilft mir kein bisschen.", MoodLabel.NEGATIVE),
        ("Das gefällt mir sehr!", MoodLabel.POSITIVE),
        ("Sie wirkt nicht nur schnell, sondern auch lange.", MoodLabel.POSITIVE),  # "nicht nur": no negation
        ("Passt das nicht zur Packung?", MoodLabel.POSITIVE),  # a question keeps the praise (as VADER would)
        # a negator after "und" belongs to the next clause, not to the praise before it
        ("Hilft prima und man muss nicht lange warten.", MoodLabel.POSITIVE),
        ("Klappt super und kein bisschen Übelkeit.", MoodLabel.POSITIVE),
        ("Ich liebe es und will nicht mehr ohne leben.", MoodLabel.POSITIVE),
    ],
)
def test_a_trailing_german_negator_followed_by_more_words(text: str, expected: MoodLabel) -> None:
    assert label(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Seit ich Cardiolin nehme, habe ich nicht nur Kopfschmerzen.", "de", MoodLabel.NEGATIVE),
        ("Das ist nicht nur schlecht, das ist eine Frechheit", "de", MoodLabel.NEGATIVE),
        ("I'm not just tired, I'm exhausted", "en", MoodLabel.NEGATIVE),
        ("It is not bad", "en", MoodLabel.POSITIVE),  # a negator without "only" still negates
    ],
)
def test_not_only_negates_nothing(text: str, language: str, expected: MoodLabel) -> None:
    assert label(text, language) == expected


def test_the_trailing_negator_is_the_evidence_for_flipped_praise() -> None:
    assert analyse("Die Dosierung passt nicht zur Packung.", "de") == MoodResult(
        MoodLabel.NEGATIVE, -0.1877, {}, (Span(14, 19, "passt", "negative"), Span(20, 25, "nicht", "negator"))
    )


def test_negation_evidence_points_at_the_negator() -> None:
    result = analyse("Das ist nicht gut", "de")
    assert result.evidence == (Span(8, 13, "nicht", "negator"), Span(14, 17, "gut", "negative"))
    assert result.score == -0.3412


def test_a_form_met_only_elongated_still_boosts() -> None:
    # The memo learns plain forms only: "sehr", met first (and only) as "seeehr", is read by the lexicon's bits.
    mood._MEMOS.clear()
    assert analyse("Das ist seeehr gut", "de") == MoodResult(
        MoodLabel.POSITIVE, 0.5377, {}, (Span(8, 14, "seeehr", "intensifier"), Span(15, 18, "gut", "positive"))
    )
    assert analyse("Das ist sehr gut", "de").score == 0.5377  # the plain form, now learnt, reads the same


def test_intensifiers_and_dampeners() -> None:
    plain = analyse("Das ist gut", "de").score
    assert analyse("Das ist sehr gut", "de").score > plain > analyse("Das ist etwas gut", "de").score > 0
    assert analyse("really bad", "en").score < analyse("bad", "en").score < analyse("slightly bad", "en").score < 0


def test_caps_elongation_and_exclamation_emphasise() -> None:
    base = analyse("I am angry", "en").score
    assert analyse("I am ANGRY", "en").score < base
    assert analyse("I am angryyyy", "en").score < base
    assert analyse("I am angry!!!", "en").score < base
    assert analyse("sooo gut", "de").evidence[0] == Span(0, 4, "sooo", "intensifier")


def test_emoji_and_emoticons() -> None:
    assert analyse("😡", "other").label == MoodLabel.NEGATIVE
    assert analyse(":(", "other").label == MoodLabel.NEGATIVE
    assert analyse(":-)", "other").label == MoodLabel.POSITIVE
    thanks = analyse("Danke 🙏❤️", "de")
    assert thanks.label == MoodLabel.POSITIVE
    assert [(s.text, s.kind) for s in thanks.evidence] == [("Danke", "positive"), ("🙏", "emoji"), ("❤️", "emoji")]
    assert set(thanks.emotions) == {Emotion.GRATITUDE.value, Emotion.JOY.value}


def test_umlaut_spellings_score_the_same() -> None:
    assert analyse("Das ist schön", "de").score == analyse("Das ist schoen", "de").score > 0
    assert analyse("Ich bin wütend", "de").score == analyse("Ich bin wuetend", "de").score < 0


def test_german_compounds_by_their_head() -> None:
    result = analyse("Ich habe einen Hautausschlag", "de")
    assert result.label == MoodLabel.NEGATIVE
    assert result.evidence == (Span(15, 28, "Hautausschlag", "negative"),)


def test_sarcasm_turns_praise_negative() -> None:
    assert label("Na toll, wieder kaputt", "de") == MoodLabel.NEGATIVE
    sarcastic = analyse("Great service, yeah right", "en")
    assert sarcastic.label == MoodLabel.NEGATIVE
    assert Emotion.JOY.value not in sarcastic.emotions
    assert label("Great service /s", "en") == MoodLabel.NEGATIVE


def test_contrast_weighs_what_follows() -> None:
    assert label("Das Produkt ist gut, aber sehr teuer und schlecht verträglich", "de") == MoodLabel.NEGATIVE
    assert label("Side effects at first, but now I feel great", "en") == MoodLabel.POSITIVE


def test_emotions_are_shares_between_zero_and_one() -> None:
    result = analyse("I am so angry and worried 😡", "en")
    assert set(result.emotions) == {Emotion.ANGER.value, Emotion.WORRY.value}
    assert all(0 < v < 1 for v in result.emotions.values())


def test_mixed_language_german_text_with_english_words() -> None:
    assert label("Das Produkt ist echt cool, love it", "de") == MoodLabel.POSITIVE


def test_huge_text_is_capped_and_offsets_stay_valid() -> None:
    text = "Das ist gut. " * 80_000
    result = analyse(text, "de")
    assert result.label == MoodLabel.POSITIVE
    assert all(text[s.start : s.end] == s.text for s in result.evidence)
    assert max(s.end for s in result.evidence) <= 20_000


@pytest.mark.parametrize(
    ("value", "digits"),
    [(0.12345, 4), (-0.98765, 4), (0.00005, 4), (-0.00004, 4), (0.0, 4), (0.28125, 4), (0.6665, 3), (0.1235, 3)],
)
def test_quick_rounding_gives_what_round_gives(value: float, digits: int) -> None:
    expected = round(value, digits)
    got = _round(value, 10.0**digits, digits)
    assert (got, str(got)) == (expected, str(expected))  # str tells -0.0 from 0.0


def test_german_false_friends_of_english_words_carry_no_mood() -> None:
    # a German text also reads the English list: "Bad" (bathroom), "rot" (red), "Kinder" are not bad, rot or kind
    assert analyse("Im Sommer wird es im Bad warm und die Tube ist rot", "de") == MoodResult(MoodLabel.NEUTRAL, 0.0)
    assert analyse("Ist das auch für Kinder geeignet? 🤔", "de") == MoodResult(MoodLabel.NEUTRAL, 0.0)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # colloquial disgust, sighs and complaints phrased as questions read negative
        ("Ick kotz gleich, die Lieferung ist schon wieder verspätet", "de", MoodLabel.NEGATIVE),
        ("Der Deckel klemmt jedes Mal", "de", MoodLabel.NEGATIVE),
        ("Warum muss ich jedes Rezept einzeln hochladen, geht das nicht einfacher?", "de", MoodLabel.NEGATIVE),
        ("Seit der Umstellung hab ich ständig Sodbrennen", "de", MoodLabel.NEGATIVE),
        ("The new label doesn't do it for me, too cluttered", "en", MoodLabel.NEGATIVE),
        ("The cap is stuck and won't come off", "en", MoodLabel.NEGATIVE),
        ("Dad had chest pains all night", "en", MoodLabel.NEGATIVE),
        # swearing by a product, no regrets, a win: positive
        ("Mein Vater schwört auf die Creme, er will keine andere mehr", "de", MoodLabel.POSITIVE),
        ("Hab auf die Tabletten gewechselt und es nicht bereut", "de", MoodLabel.POSITIVE),
        ("Moved to the new inhaler last spring, no regrets", "en", MoodLabel.POSITIVE),
        ("Fewer attacks this month, a win is a win", "en", MoodLabel.POSITIVE),
        ("My aunt swears by the cream", "en", MoodLabel.POSITIVE),
        ("Top marks to the pharmacist who sorted my repeat", "en", MoodLabel.POSITIVE),
        # sarcasm markers turn the praise before them
        ("Super fast delivery, said no one ever", "en", MoodLabel.NEGATIVE),
        ("Great app update. By which I mean it crashes twice as often.", "en", MoodLabel.NEGATIVE),
        # a formal "Many thanks" closing and "ok cheers" acknowledge, they do not praise
        ("Please send me the leaflet in large print. Many thanks", "en", MoodLabel.NEUTRAL),
        ("ok cheers", "en", MoodLabel.NEUTRAL),
    ],
)
def test_colloquial_sarcastic_and_closing_phrases(text: str, language: str, expected: MoodLabel) -> None:
    assert label(text, language) == expected
