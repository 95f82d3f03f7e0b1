"""The adverse-event detector: recall on lay German/English reports, restraint on negation and questions."""

from __future__ import annotations

import pytest

from cmdesk.analysis.adverse_events import THRESHOLD, detect
from cmdesk.analysis.text import tokenize
from cmdesk.model import Product, PVSignal, Span

PRODUCTS = (
    Product(brand="Cardiolin", substance="cardiolinum", misspellings=("Kardiolin",)),
    Product(brand="Dermasol", substance="dermasolone"),
)


# The desk's products where a text names more of them: a named product raises the score.
MORE_PRODUCTS = (
    *PRODUCTS,
    Product(brand="Neurexa", substance="neurexamin"),
    Product(brand="Respirin", substance="respirolast"),
)


def suspected(text: str, language: str = "en") -> bool:
    return detect(text, language, PRODUCTS).suspected


# ----------------------------------------------------------------------------- positives

POSITIVE_DE = [
    "Seit ich Cardiolin nehme habe ich ständig Kopfschmerzen.",
    "Mir ist seit der Einnahme total schlecht",
    "Ich vertrage Cardiolin einfach nicht",
    "Von den Tabletten bekomme ich Herzrasen",
    "Cardiolin macht mich total müde und schwindelig",
    "Habe einen fiesen Hautausschlag bekommen, liegt das an Dermasol?",
    "Ich kann nicht schlafen seit der Umstellung",
    "Davon bekomme ich Haarausfall",
    "Nebenwirkung: Übelkeit",
    "Ich bin allergisch auf das Zeug",
    "Kopfweh ohne Ende nach der Spritze",
    "Bin total kaputt und habe Gliederschmerzen seitdem",
]

POSITIVE_EN = [
    "Cardiolin gave me a headache",
    "Since starting Cardiolin I've had terrible nausea",
    "I get dizzy every time I take these pills",
    "Anyone else get hair loss from Dermasol?",
    "I've gained weight ever since I started the meds",
    "bad reaction to the vaccine, my arm is swollen",
    "My heart is racing after taking Cardiolin",
    "Side effects are awful, can't sleep at all",
    "Got a rash and hives from it",
    "I feel sick and shaky all day",
]


@pytest.mark.parametrize("text", POSITIVE_DE)
def test_german_lay_reports_are_suspected(text: str) -> None:
    assert suspected(text, "de") is True


@pytest.mark.parametrize("text", POSITIVE_EN)
def test_english_lay_reports_are_suspected(text: str) -> None:
    assert suspected(text, "en") is True


@pytest.mark.parametrize("text", POSITIVE_DE + POSITIVE_EN)
def test_language_other_uses_both_lexicons(text: str) -> None:
    assert suspected(text, "other") is True


def test_german_report_in_full() -> None:
    text = "Seit ich Cardiolin nehme habe ich Kopfschmerzen und mir ist schlecht."
    signal = detect(text, "de", PRODUCTS)
    assert signal.suspected is True
    assert signal.products == ("Cardiolin",)
    assert signal.events == (Span(34, 47, "Kopfschmerzen", "event"), Span(52, 68, "mir ist schlecht", "event"))
    assert [(s.kind, s.text) for s in signal.evidence] == [
        ("cue_temporal", "Seit ich Cardiolin nehme"),
        ("product", "Cardiolin"),
        ("event", "Kopfschmerzen"),
        ("event", "mir ist schlecht"),
    ]


def test_english_report_with_hospital_is_a_serious_hint() -> None:
    signal = detect("Cardiolin gave me a rash and I ended up in the emergency room", "en", PRODUCTS)
    assert (signal.suspected, signal.products, signal.seriousness) == (True, ("Cardiolin",), ("hospitalisation",))
    assert [e.text for e in signal.events] == ["rash"]
    assert {s.kind for s in signal.evidence} == {"product", "cue_causal", "event", "seriousness"}


# ----------------------------------------------------------------------------- seriousness

SERIOUS = [
    ("en", "My father died two days after his first dose of Cardiolin", "death"),
    ("de", "Mein Vater ist nach der Einnahme gestorben", "death"),
    ("en", "I had a life-threatening reaction to Dermasol", "life_threatening"),
    ("de", "Das war lebensbedrohlich, Atemnot nach Cardiolin", "life_threatening"),
    ("de", "Musste mit Herzrasen in die Notaufnahme", "hospitalisation"),
    ("en", "Was in the ICU after a reaction to the shot", "hospitalisation"),
    ("de", "Seit den Tabletten bin ich arbeitsunfähig", "disability"),
    ("en", "Cardiolin left me with a permanent disability", "disability"),
    ("de", "Mein Baby kam mit einer Fehlbildung zur Welt, ich hatte Cardiolin genommen", "congenital_anomaly"),
    ("en", "My son has a birth defect and I took Cardiolin while pregnant", "congenital_anomaly"),
    ("en", "I had a seizure after taking the pills", "other_medically_important"),
]


@pytest.mark.parametrize(("language", "text", "hint"), SERIOUS)
def test_seriousness_hints(language: str, text: str, hint: str) -> None:
    signal = detect(text, language, PRODUCTS)
    assert signal.suspected is True
    assert hint in signal.seriousness


# ----------------------------------------------------------------------------- special situations

SPECIAL = [
    ("en", "I'm pregnant and have been taking Cardiolin", "pregnancy"),
    ("de", "Ich bin in der 12. SSW schwanger und nehme Cardiolin", "pregnancy"),
    ("en", "I'm breastfeeding, I took Dermasol yesterday", "breastfeeding"),
    ("de", "Ich stille noch und habe Cardiolin genommen", "breastfeeding"),
    ("en", "I took too many pills last night", "overdose"),
    ("de", "Habe aus Frust die ganze Packung Cardiolin genommen, Überdosis?", "overdose"),
    ("en", "People crush and snort Cardiolin to get high", "misuse_abuse"),
    ("de", "Ich glaube ich bin süchtig nach den Tabletten", "misuse_abuse"),
    ("en", "My doctor gave me Cardiolin off-label for migraines", "off_label"),
    ("de", "Ich nehme Dermasol zum Abnehmen", "off_label"),
    ("de", "Cardiolin wirkt nicht mehr", "lack_of_efficacy"),
    ("en", "Dermasol just doesn't work for me", "lack_of_efficacy"),
    ("de", "Die Apotheke hat mir die falsche Dosis gegeben", "medication_error"),
    ("en", "I took the wrong dose of Cardiolin by mistake", "medication_error"),
    ("de", "Die Tabletten bröckeln total", "product_quality"),
    ("en", "The tablets are crumbling and discoloured", "product_quality"),
    ("en", "My toddler swallowed two of my pills", "child_exposure"),
    ("de", "Mein Sohn hat eine Tablette Cardiolin geschluckt", "child_exposure"),
]


@pytest.mark.parametrize(("language", "text", "situation"), SPECIAL)
def test_special_situations_count_without_a_symptom(language: str, text: str, situation: str) -> None:
    signal = detect(text, language, PRODUCTS)
    assert signal.suspected is True
    assert situation in signal.special_situations


# ----------------------------------------------------------------------------- lay reports of the third dev batch

# Each kind once per language: the lay words, not the batch's sentences. (language, text, event spans as text)
LAY_EVENTS = [
    ("de", "Seit ich Kardiolin nehme läuft im Bett nichts mehr", ("läuft im Bett nichts",)),
    ("de", "Kriege seit Cardiolin keinen hoch mehr", ("keinen hoch",)),
    ("en", "Since Cardiolin nothing happens in bed anymore", ("nothing happens in bed",)),
    ("en", "Cardiolin killed my sex life", ("killed my sex life",)),
    ("de", "Mit Dermasol schmeckt alles metallisch", ("schmeckt alles metallisch",)),
    ("en", "Everything tastes like coins since I started Cardiolin", ("Everything tastes like",)),
    ("de", "Nach jedem Hub hab ich Hustenreiz", ("Hustenreiz",)),
    ("en", "My dad had two falls since starting Cardiolin", ("had two falls",)),
    ("de", "Meine Oma ist zweimal gefallen, seit sie Cardiolin nimmt", ("zweimal gefallen",)),
    ("en", "I get a head rush every time I stand up", ("head rush",)),
    ("de", "Der Blutdruck ist viel zu niedrig, 95/60", ("Blutdruck ist viel zu niedrig",)),
]


@pytest.mark.parametrize(("language", "text", "events"), LAY_EVENTS)
def test_lay_words_for_sex_taste_falls_and_low_pressure(language: str, text: str, events: tuple[str, ...]) -> None:
    signal = detect(text, language, PRODUCTS)
    assert (signal.suspected, tuple(e.text for e in signal.events)) == (True, events)


# (language, text, special situation, its span)
LAY_SPECIAL = [
    ("en", "Cardiolin kept me at 125/80, now I'm back at 160/100 on the same dose, nothing else has changed",
     "lack_of_efficacy", "same dose, nothing else has changed"),
    ("de", "Bei gleicher Dosis Cardiolin ist mein Blutdruck wieder über 160/100", "lack_of_efficacy",
     "Bei gleicher Dosis Cardiolin ist mein Blutdruck wieder über"),
    ("en", "My BP is back up to 158/96", "lack_of_efficacy", "BP is back up to 158"),
    ("de", "Das Zeug bringt bei mir einfach gar nix", "lack_of_efficacy", "Das Zeug bringt bei mir einfach gar nix"),
    ("en", "The pills do absolutely nothing", "lack_of_efficacy", "pills do absolutely nothing"),
    ("en", "Cardiolin works great as long as you don't actually need it", "lack_of_efficacy",
     "as long as you don't actually need"),
    ("de", "Cardiolin wirkt super, solange man es nicht wirklich braucht", "lack_of_efficacy",
     "wirkt super, solange man es nicht"),
    ("en", "The label said Cardiolin once daily instead of once weekly", "medication_error",
     "The label said Cardiolin once daily instead"),
    ("en", "My dad took it five days in a row", "medication_error", "took it five days in a row"),
    ("de", "Ich habe Cardiolin täglich statt wöchentlich genommen", "medication_error",
     "täglich statt wöchentlich genommen"),
    ("de", "Papa hat Cardiolin fünf Tage hintereinander genommen", "medication_error", "Tage hintereinander genommen"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "situation", "span"), LAY_SPECIAL)
def test_rising_values_useless_drug_and_dosing_errors(language: str, text: str, situation: str, span: str) -> None:
    signal = detect(text, language, PRODUCTS)
    assert (signal.suspected, signal.special_situations) == (True, (situation,))
    assert [s.text for s in signal.evidence if s.kind == "special"] == [span]


# (language, text, event span as text): the question asks about the cause of what was just reported
CAUSE_QUESTIONS = [
    ("en", "My mum has fallen twice. Could the tablets be doing this?", "fallen twice"),
    ("en", "Mum has fallen twice, could the tablets be doing this?", "fallen twice"),
    ("de", "Mama ist zweimal gestürzt, kann das vom Kardiolin kommen?", "gestürzt"),
    ("de", "Mir ist ständig schwindelig, könnte das von Cardiolin kommen?", "schwindelig"),
]


@pytest.mark.parametrize(("language", "text", "event"), CAUSE_QUESTIONS)
def test_question_about_the_cause_keeps_the_event_real(language: str, text: str, event: str) -> None:
    signal = detect(text, language, PRODUCTS)
    assert (signal.suspected, [e.text for e in signal.events]) == (True, [event])


# The same causal questions with the event inside the cue's gap: the event is still found.
CAUSE_QUESTIONS_AROUND_THE_EVENT = [
    ("Könnte das an der Übelkeit liegen, dass ich seit Neurexa nichts mehr essen mag?", "Übelkeit"),
    ("Könnte das mit dem Herzrasen zusammenhängen, das ich seit Cardiolin habe?", "Herzrasen"),
    ("Cardiolin hat mir Bauchschmerzen gemacht", "Bauchschmerzen"),
]


@pytest.mark.parametrize(("text", "event"), CAUSE_QUESTIONS_AROUND_THE_EVENT)
def test_event_inside_a_causal_cue_is_found(text: str, event: str) -> None:
    signal = detect(text, "de", MORE_PRODUCTS)
    assert (signal.suspected, [e.text for e in signal.events]) == (True, [event])


# Service, billing and orders: the words of a special situation without a product, dose or intake in them.
SERVICE_TALK = [
    ("de", "Eure Hotline hilft mir überhaupt nichts, ich warte seit einer Stunde."),
    ("de", "Sich aufzuregen bringt ja eh nichts"),
    ("de", "Ihr habt mir das Abo zweimal statt einmal abgebucht"),
    ("de", "Newsletter jetzt täglich statt wöchentlich"),
    ("de", "Ich habe 2x statt 1x Cardiolin bestellt, stornieren?"),
    ("de", "Wo finde ich die Chargennummer auf meiner Packung Cardiolin?"),
    ("en", "Where do I find the batch number on my Respirin inhaler?"),
    ("en", "Customer service did absolutely nothing for me"),
    ("en", "Your hotline is not doing a thing to help me"),
    ("en", "I took the week off, five days in a row without email!"),
]


@pytest.mark.parametrize(("language", "text"), SERVICE_TALK)
def test_service_and_billing_talk_is_not_suspected(language: str, text: str) -> None:
    assert detect(text, language, MORE_PRODUCTS).suspected is False


# Figures of speech, praise and values back to normal on an unchanged dose.
FIGURES_AND_PRAISE = [
    ("de", "Endlich keine Erektionsprobleme mehr seit Cardiolin, danke!"),
    ("de", "Eure Werbung hinterlässt einen komischen Nachgeschmack"),
    ("en", "Your website falls over every time I log in"),
    ("en", "I had a fall in sales this quarter"),
    ("en", "Back to 100% on the same dose of Respirin, thanks!"),
    ("en", "back at 120/80 on the same dose, so relieved"),
    ("de", "wieder bei 100 Prozent mit der gleichen Dosis Cardiolin, danke!"),
    ("en", "My sugar readings are back up to normal, all good!"),
    ("en", "Could the tablets cause dizziness? My doctor wants me to start Cardiolin."),
]


@pytest.mark.parametrize(("language", "text"), FIGURES_AND_PRAISE)
def test_figures_of_speech_praise_and_plans_are_not_suspected(language: str, text: str) -> None:
    assert detect(text, language, MORE_PRODUCTS).suspected is False


# Values back at normal, a blue inhaler in use as prescribed, a planned change of rhythm: no report.
NOT_LAY_REPORTS = [
    ("en", "BP back to 120/80 since Cardiolin"),
    ("en", "I'm back at 120/80 thanks to Cardiolin"),
    ("de", "Blutdruck dank Cardiolin wieder bei 120/80"),
    ("de", "Bin wieder bei 100 Prozent"),
    ("en", "I use my blue inhaler maybe once a month"),
    ("en", "Doctor switched me to weekly instead of daily"),
    ("de", "Seit Cardiolin muss ich nachts im Bett nicht mehr husten"),
    ("de", "Bei eurem Support ist tote Hose"),
    ("en", "Does Cardiolin cause falls?"),
]


@pytest.mark.parametrize(("language", "text"), NOT_LAY_REPORTS)
def test_new_lay_words_keep_out_of_praise_and_plans(language: str, text: str) -> None:
    assert detect(text, language, PRODUCTS).suspected is False


# ----------------------------------------------------------------------------- negatives

NEGATIVE = [
    ("de", "Keine Nebenwirkungen bisher, super Medikament!"),
    ("de", "Ich habe überhaupt keine Nebenwirkungen"),
    ("de", "Ich habe keinerlei Nebenwirkungen"),
    ("en", "No side effects at all, love it"),
    ("en", "I haven't had any side effects"),
    ("en", "hopefully no side effects"),
    ("de", "Hoffentlich keine Nebenwirkungen"),
    ("en", "What are the side effects of Cardiolin?"),
    ("de", "Welche Nebenwirkungen hat Cardiolin?"),
    ("en", "Does Cardiolin cause headaches?"),
    ("de", "Laut Beipackzettel kann Cardiolin Kopfschmerzen verursachen."),
    ("en", "The leaflet says it may cause nausea."),
    ("en", "Where can I buy Cardiolin?"),
    ("de", "Danke für die schnelle Antwort!"),
    ("en", "Great webinar, thanks!"),
    ("en", "When does the new store open?"),
]


@pytest.mark.parametrize(("language", "text"), NEGATIVE)
def test_negation_questions_and_leaflet_talk_are_not_suspected(language: str, text: str) -> None:
    signal = detect(text, language, PRODUCTS)
    assert signal.suspected is False
    assert signal.score < THRESHOLD


def test_question_keeps_a_small_score() -> None:
    signal = detect("What are the side effects of Cardiolin?", "en", PRODUCTS)
    assert 0 < signal.score < THRESHOLD
    assert [s.kind for s in signal.evidence] == ["hypothetical", "product"]


def test_negation_is_evidence() -> None:
    signal = detect("Keine Nebenwirkungen", "de", PRODUCTS)
    assert signal == PVSignal(suspected=False, score=0.0, evidence=(Span(0, 5, "Keine", "negation"),))


def test_negation_stops_at_but() -> None:
    assert suspected("No nausea, but a terrible headache since starting Cardiolin") is True
    assert suspected("Keine Übelkeit, aber Kopfschmerzen", "de") is True


def test_negated_special_situation_is_not_suspected() -> None:
    signal = detect("Ich bin nicht schwanger", "de", PRODUCTS)
    assert (signal.suspected, signal.special_situations) == (False, ())


def test_numbered_dose_does_not_split_the_sentence() -> None:
    signal = detect("Nach der 2. Impfung hatte ich Fieber", "de", PRODUCTS)
    assert [(s.kind, s.text) for s in signal.evidence] == [
        ("cue_temporal", "Nach der 2. Impfung"),
        ("event", "Fieber"),
    ]


def test_third_person_report_with_hospital() -> None:
    signal = detect("Mein Mann ist nach der Spritze umgekippt und mit dem RTW ins Krankenhaus", "de", PRODUCTS)
    assert (signal.suspected, signal.seriousness) == (True, ("hospitalisation",))
    assert [e.text for e in signal.events] == ["umgekippt"]


def test_ordinary_messages_are_not_suspected() -> None:
    texts = [
        "Wo bekomme ich Cardiolin günstiger?",
        "Ich warte seit zwei Wochen auf eine Antwort",
        "I've been on Cardiolin for 2 years, works great",
        "Hat jemand Erfahrung mit Cardiolin?",
        "Great product, no problems at all",
        "Ich habe Cardiolin seit 2 Jahren und null Probleme",
    ]
    assert [detect(t, "other", PRODUCTS).suspected for t in texts] == [False] * len(texts)


def test_personal_question_is_still_a_report() -> None:
    assert suspected("Ich habe seit Cardiolin Kopfschmerzen, ist das normal?", "de") is True


# ----------------------------------------------------------------------------- products


def test_misspelt_product_is_reported_by_brand() -> None:
    for text in ("Hautausschlag seit Cardiolinn", "Hautausschlag seit Cadiolin", "Hautausschlag seit Kardiolin"):
        assert detect(text, "de", PRODUCTS).products == ("Cardiolin",)


def test_active_substance_is_reported_by_brand() -> None:
    assert detect("Cardiolinum gave me a headache", "en", PRODUCTS).products == ("Cardiolin",)


def test_other_drugs_are_reported_as_written() -> None:
    signal = detect("Since I take Ibuprofen and Cardiolin I have stomach pain", "en", PRODUCTS)
    assert signal.products == ("Cardiolin", "Ibuprofen")


def test_no_company_products_still_detects() -> None:
    assert detect("Ibuprofen gave me a rash", "en", ()).products == ("Ibuprofen",)
    assert detect("Ibuprofen gave me a rash", "en", []).suspected is True


# ----------------------------------------------------------------------------- German spelling


@pytest.mark.parametrize("text", ["Übelkeit seit Cardiolin", "Uebelkeit seit Cardiolin", "UEBELKEIT seit Cardiolin"])
def test_umlaut_spellings(text: str) -> None:
    signal = detect(text, "de", PRODUCTS)
    assert [e.text for e in signal.events] == [text.split(maxsplit=1)[0]]


def test_eszett_spellings() -> None:
    for word in ("Schweißausbrüche", "Schweissausbrueche"):
        assert [e.text for e in detect(f"{word} seit Cardiolin", "de", PRODUCTS).events] == [word]


def test_compound_matches_whole_word() -> None:
    signal = detect("Ich habe einen Hautausschlag und Dauerkopfschmerzen", "de", PRODUCTS)
    assert [e.text for e in signal.events] == ["Hautausschlag", "Dauerkopfschmerzen"]


def test_word_order_with_product_inside_the_cue() -> None:
    signal = detect("seit ich jeden Morgen Cardiolin einnehme ist mir übel", "de", PRODUCTS)
    assert signal.suspected is True
    assert [s.kind for s in signal.evidence][:2] == ["cue_temporal", "product"]


# ----------------------------------------------------------------------------- edge cases


def test_empty_and_blank_text() -> None:
    assert detect("", "de", PRODUCTS) == PVSignal.none()
    assert detect("   \n ", "en", PRODUCTS) == PVSignal.none()


def test_one_megabyte_text_is_capped() -> None:
    text = "Cardiolin gave me a headache. " + "blah " * 200_000
    signal = detect(text, "en", PRODUCTS)
    assert signal.suspected is True
    assert all(span.end <= 20_000 for span in signal.evidence)


ALL_TEXTS = [t for t in POSITIVE_DE + POSITIVE_EN] + [t for _, t, _ in SERIOUS + SPECIAL] + [t for _, t in NEGATIVE]
ALL_TEXTS += [t for _, t, _ in LAY_EVENTS + CAUSE_QUESTIONS] + [t for _, t, _, _ in LAY_SPECIAL]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_spans_quote_the_text(text: str) -> None:
    signal = detect(text, "other", PRODUCTS)
    for span in signal.evidence + signal.events:
        assert span.text == text[span.start : span.end]
    assert 0.0 <= signal.score <= 1.0
    assert signal.suspected is (signal.score >= THRESHOLD)


# ----------------------------------------------------------------------------- shared tokens, wider recall


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_tokens_from_the_pipeline_give_the_same_signal(text: str) -> None:
    assert detect(text, "other", PRODUCTS, tokens=tokenize(text)) == detect(text, "other", PRODUCTS)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit der Umstellung auf Cardiolin habe ich ständig Harnwegsinfekte"),
        ("de", "Cardiolin wirkt bei mir einfach nicht"),
        ("de", "Mein Hals ist zugeschwollen nach dem Respirin"),
        ("en", "Since starting Cardiolin I cant sleep"),
        ("en", "Dermasol makes my skin burning and red"),
        ("en", "My mum broke her thigh bone, she is on Cardiolin"),
    ],
)
def test_compounds_gaps_lay_spelling_and_body_complaints_are_found(language: str, text: str) -> None:
    assert suspected(text, language) is True


@pytest.mark.parametrize(
    "text",
    ["Kein Cardiolin heute, nur Dermasol", "Mein Arm und Cardiolin", "Cardiolin nehme ich nicht mehr"],
)
def test_products_with_only_negations_or_body_parts_are_a_bare_product_mention(text: str) -> None:
    """The short path for such texts gives what the general one did: the products, as evidence, and no more."""
    brands = tuple(b for b in ("Cardiolin", "Dermasol") if b in text)
    evidence = tuple(Span(text.index(b), text.index(b) + len(b), b, "product") for b in brands)
    assert detect(text, "de", PRODUCTS) == PVSignal(False, 0.15, brands, (), (), (), evidence)


def test_side_effects_answered_with_none_are_not_suspected() -> None:
    assert suspected("Nebenwirkungen hatte ich bisher keine, super Medikament", "de") is False
    assert suspected("Side effects: none so far") is False


def test_a_text_reads_the_same_once_its_words_are_known() -> None:
    # The second reading takes the verdicts and next-word entries the first one cached.
    text = "I have been taking Cardiolin for 2 weeks and I get headaches and nausea, is that normal?"
    first = detect(text, "en", PRODUCTS)
    assert first.suspected
    assert detect(text, "en", PRODUCTS) == first


# ----------------------------------------------------------------------------- fourth batch's missed reports


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # (suspected, event texts, special situations); wordings of the kinds the fourth dev batch missed
        ("de", "Seit Glucavia bin ich dauernd am pinkeln, nachts dreimal raus.", (True, ("dauernd am pinkeln",), ())),
        ("de", "Mein Blutdruck ist trotz Tablette bei 170 zu 100.", (True, (), ("lack_of_efficacy",))),
        ("en", "The pharmacy handed me someone else's pills and I took one.", (True, (), ("medication_error",))),
        (
            "en",
            "Since starting Cardiolin I keep seeing flashes in the corner of my eye.",
            (True, ("seeing flashes",), ()),
        ),
        ("en", "On Glucavia my sugar went down to 3.1 last night.", (True, ("sugar went down to 3.1",), ())),
        # a gap never crosses a full stop: praise followed by "nicht" in the next sentence is no lack of effect
        ("de", "Cardiolin hilft. Punkt. Mehr muss man nicht sagen.", (False, (), ())),
        ("de", "Cardiolin hilft bei mir leider nicht.", (True, (), ("lack_of_efficacy",))),
        ("de", "Cardiolin hilft... leider nicht.", (True, (), ("lack_of_efficacy",))),  # an ellipsis is a pause
        # an abbreviation's stop ends no sentence either
        ("de", "Mir ist z.B. morgens schlecht.", (True, ("Mir ist z.B. morgens schlecht",), ())),
        ("en", "I put on approx. 10 lbs since starting it.", (True, ("put on approx. 10 lbs",), ())),
    ],
)
def test_reports_the_fourth_batch_missed_are_found(
    language: str, text: str, expected: tuple[bool, tuple[str, ...], tuple[str, ...]]
) -> None:
    signal = detect(text, language, PRODUCTS)
    assert (signal.suspected, tuple(e.text for e in signal.events), signal.special_situations) == expected


# ----------------------------------------------------------------------------- look-alikes (not_events)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # (suspected, event texts, special situations)
        ("en", "My mum had a bad fall last year; does Cardiolin come in smaller tablets?", (False, (), ())),
        ("en", "My mum has fallen twice since starting Cardiolin.", (True, ("fallen twice",), ())),
        ("en", "My mum had a bad fall yesterday.", (True, ("bad fall",), ())),
        # A past fall is a look-alike only where its clause ends there: a link after it keeps the event.
        ("en", "She had a bad fall last year after starting Cardiolin", (True, ("bad fall",), ())),
        ("de", "Mein Paket war falsch beschriftet", (False, (), ())),
        ("de", "Die Packung Cardiolin war falsch beschriftet", (True, (), ("medication_error",))),
        ("en", "The parcel had the wrong label on it", (False, (), ())),
        ("en", "My parcel had the wrong label on it", (False, (), ())),
        ("en", "My Cardiolin pack had the wrong label on it", (True, (), ("medication_error",))),
        ("en", "I fell over laughing at this post", (False, (), ())),
        ("en", "I fell over in the kitchen yesterday", (True, ("fell over",), ())),
        ("de", "Der Anruf bei der Hotline hat nichts gebracht", (False, (), ())),
        ("de", "Ich habe bei der Hotline angerufen, aber es hat nichts gebracht.", (False, (), ())),
        ("de", "Die Tabletten haben nichts gebracht", (True, (), ("lack_of_efficacy",))),
        ("de", "Ich habe keinen Geschmack mehr am Leben", (False, (), ())),
        ("de", "Ich schmecke nichts mehr seit Cardiolin", (True, ("schmecke nichts mehr",), ())),
        ("de", "Ich habe keinen Geschmack mehr.", (True, ("keinen Geschmack mehr",), ())),
        # "nicht nur" praises: "helps not only against ..." is no lack of effect
        ("de", "Cardiolin hilft nicht nur gegen den Blutdruck, ich fühle mich auch fitter.", (False, (), ())),
        ("de", "Cardiolin wirkt nicht nur schnell, sondern auch lange.", (False, (), ())),
        ("de", "Cardiolin hilft nicht gegen den Blutdruck.", (True, (), ("lack_of_efficacy",))),
        ("de", "Cardiolin wirkt bei mir nicht mehr.", (True, (), ("lack_of_efficacy",))),
    ],
)
def test_look_alikes_are_no_evidence_and_the_real_report_stays(
    language: str, text: str, expected: tuple[bool, tuple[str, ...], tuple[str, ...]]
) -> None:
    signal = detect(text, language, PRODUCTS)
    assert (signal.suspected, tuple(e.text for e in signal.events), signal.special_situations) == expected


def test_a_look_alike_alone_is_no_signal() -> None:
    # Its words are used up and give no evidence at all, not even a small score.
    assert detect("I fell over laughing at this post", "en", PRODUCTS) == PVSignal.none()
    assert detect("Mein Paket war falsch beschriftet", "de", PRODUCTS) == PVSignal.none()


def test_a_look_alike_leaves_the_rest_of_the_message() -> None:
    # Only the look-alike's own words are used up: the event after it still counts, and the short entry it
    # contains still finds the report where no look-alike starts ("Cardiolin war falsch beschriftet").
    signal = detect("I fell over laughing, but since starting Cardiolin I get headaches", "en", PRODUCTS)
    assert (signal.suspected, signal.score, tuple(e.text for e in signal.events)) == (True, 0.7, ("headaches",))
    signal = detect("Cardiolin hat nichts gebracht", "de", PRODUCTS)
    assert (signal.suspected, signal.special_situations) == (True, ("lack_of_efficacy",))
