from __future__ import annotations

import pytest

from cmdesk.analysis import intent
from cmdesk.analysis.mood import analyse
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Intent, Product, PVSignal, SuggestedAction


def detect(text: str, language: str = "de", pv: PVSignal | None = None) -> tuple[Intent, bool, SuggestedAction]:
    return intent.detect(text, analyse(text, language), pv or PVSignal.none())


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Weiß jemand ob man das mit Alkohol nehmen darf", "de", Intent.QUESTION),
        ("Wie lange hält sich das im Kühlschrank", "de", Intent.QUESTION),
        ("Kann man das teilen?", "de", Intent.QUESTION),
        ("Does anyone know if this is normal", "en", Intent.QUESTION),
        ("Eure Hotline ist eine Frechheit, seit Wochen keine Antwort!", "de", Intent.COMPLAINT),
        ("It still doesn't work and nobody answers", "en", Intent.COMPLAINT),
        ("Vielen Dank, ihr seid super ❤️", "de", Intent.PRAISE),
        ("Thank you so much, you guys rock", "en", Intent.PRAISE),
        ("Ich nehme es seit drei Monaten, bei mir klappt alles", "de", Intent.EXPERIENCE),
        ("Ihr Idioten", "de", Intent.ABUSE),
        ("Jetzt kaufen! Gratis https://spam.example", "de", Intent.SPAM),
        ("Make money from home, click here https://x.example", "en", Intent.SPAM),
        ("Hallo", "other", Intent.OTHER),
    ],
)
def test_intents(text: str, language: str, expected: Intent) -> None:
    assert detect(text, language)[0] == expected


def test_a_suspected_adverse_event_wins() -> None:
    pv = PVSignal(suspected=True, score=0.9, products=("Cardiolin",))
    assert detect("Danke! Seit Cardiolin habe ich Ausschlag", pv=pv) == (
        Intent.ADVERSE_EVENT,
        True,
        SuggestedAction.OPEN_PV_CASE,
    )


def test_reply_expectation_and_suggested_action() -> None:
    assert detect("Weiß jemand wo ich das bekomme") == (Intent.QUESTION, True, SuggestedAction.ANSWER)
    assert detect("Das funktioniert nicht, unverschämt!") == (Intent.COMPLAINT, True, SuggestedAction.OFFER_SOLUTION)
    assert detect("Tolles Produkt, sehr empfehlenswert!") == (Intent.PRAISE, False, SuggestedAction.THANK)
    assert detect("Vielen Dank!") == (Intent.OTHER, False, SuggestedAction.IGNORE)  # thanks for our help, not praise
    assert detect("Ihr Lügner und Verbrecher") == (Intent.ABUSE, False, SuggestedAction.HIDE)
    assert detect("") == (Intent.OTHER, False, SuggestedAction.IGNORE)


def test_an_exclamation_is_not_a_question() -> None:
    assert detect("Was für ein toller Tag!")[0] == Intent.PRAISE


def test_praise_of_a_service_outweighs_its_name() -> None:
    # "Hotline" is a complaint cue; two praise cues and a positive mood make it praise
    assert detect("Großes Lob an die Dame von der Hotline, super freundlich!") == (
        Intent.PRAISE,
        False,
        SuggestedAction.THANK,
    )
    # as many complaint cues as praise cues: the sarcastic "toll gemacht" stays a complaint
    assert detect("Eure Hotline ist ein Witz, 40 Minuten Warteschleife. Toll gemacht")[0] == Intent.COMPLAINT


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Frohe Weihnachten euch allen, bleibt gesund 🎄", "de"),
        ("Passt, hab's gefunden. Schönen Abend noch", "de"),
        ("Happy New Year everyone, wishing you all the best ✨", "en"),
        ("👍👍", "de"),
    ],
)
def test_greetings_and_acknowledgements_are_other_not_praise(text: str, language: str) -> None:
    assert detect(text, language) == (Intent.OTHER, False, SuggestedAction.IGNORE)


def test_an_out_of_office_reply_is_not_an_urgent_complaint() -> None:
    text = "I am out of the office until Monday. For urgent matters please contact reception."
    assert detect(text, "en") == (Intent.OTHER, False, SuggestedAction.IGNORE)
    assert detect("Urgent: please call me back today", "en")[0] == Intent.COMPLAINT


def test_a_joke_is_other_even_when_it_reads_negative() -> None:
    assert detect("Wer kennt das? Montag morgen und der Kaffee ist leer 😩😂") == (
        Intent.OTHER,
        False,
        SuggestedAction.IGNORE,
    )


_ANALYZER = Analyzer(products=(Product("Cardiolin", "cardiolinat"),))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # season's wishes do not swallow an urgent complaint; an out-of-office reply's "urgent" stays "other"
        ("Merry Christmas, but I urgently need my order, it's been 3 weeks!", Intent.COMPLAINT),
        ("Frohe Weihnachten, aber mein Paket ist seit 3 Wochen weg!", Intent.COMPLAINT),
        ("I am out of the office until Monday. For urgent matters please contact reception.", Intent.OTHER),
        # "passt" is an acknowledgement only as "passt schon", "passt, danke": "passt doch nicht" is none
        ("Das passt doch nicht, ich warte dringend auf Antwort", Intent.COMPLAINT),
        ("Passt schon, danke", Intent.OTHER),
        # an insult inside a service complaint is a complaint; insults alone stay abuse
        ("This is pathetic, my order is three weeks late.", Intent.COMPLAINT),
        ("Absolute amateurs, you lost my parcel twice.", Intent.COMPLAINT),
        ("Eure dämliche App stürzt dauernd ab.", Intent.COMPLAINT),
        ("You are all pathetic shills", Intent.ABUSE),
        ("Pathetic", Intent.ABUSE),
        # "look it up" is no abuse cue, "started" alone no experience cue
        ("I tried to look it up on your website but couldn't find the dosage for children.", Intent.QUESTION),
        ("The problems started when you changed the app, now I can't log in.", Intent.COMPLAINT),
        # praise cues matching complaint cues in a text with negative words: sarcasm, not praise
        ("Great service my foot, amazing how nobody answers. Customer service is awful.", Intent.COMPLAINT),
        ("Nobody has sorted it out yet, three weeks and counting.", Intent.COMPLAINT),
        # a laugh beside a real question cue leaves a question to answer
        ("Wie lange dauert die Lieferung? 😂", Intent.QUESTION),
        ("Wer kennt das? Montag morgen und der Kaffee ist leer 😩😂", Intent.OTHER),
        # phishing ("your account was locked, verify your data") is spam; one's own locked account a complaint
        ("Ihr Konto wurde gesperrt. Bitte bestätigen Sie Ihre Daten unter kontocheck-service.info", Intent.SPAM),
        ("Your account has been locked. Verify your identity at secure-check.example", Intent.SPAM),
        ("Mein Account wurde gesperrt und niemand antwortet", Intent.COMPLAINT),
        # complaints phrased as questions or sighs
        ("Warum muss ich jedes Rezept einzeln hochladen, geht das nicht einfacher?", Intent.COMPLAINT),
        ("Die Blisterpackung aufzukriegen ist jedes Mal ein Kampf", Intent.COMPLAINT),
        ("Wer designt eigentlich eure Beipackzettel? Völlig unübersichtlich", Intent.COMPLAINT),
        ("Gibt es das auch günstiger, und wenn nicht, warum ist das so teuer", Intent.COMPLAINT),
        ("Die Preise sind gar nicht so teuer wie gedacht, super", Intent.PRAISE),
        ("Your app keeps emailing me reminders for a prescription I cancelled", Intent.COMPLAINT),
        ("Bring back the old inhaler design, the new cap is awful", Intent.COMPLAINT),
        # "schwört auf", "deserves a raise": praise, also with a laugh
        ("Mein Vater schwört auf die Creme, er will keine andere mehr", Intent.PRAISE),
        ("whoever runs this page deserves a raise 😂", Intent.PRAISE),
        ("Ihr geht für Profit über Leichen", Intent.ABUSE),
        # one's own fear of starting a medicine is an experience, not a complaint
        ("Ich hab so Angst vor der ersten Spritze, trau mich nicht sie zu setzen", Intent.EXPERIENCE),
    ],
)
def test_intent_of_the_whole_analysis(text: str, expected: Intent) -> None:
    assert _ANALYZER.analyze(text).intent == expected
