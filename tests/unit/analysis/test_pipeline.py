from __future__ import annotations

import sys
import threading
from datetime import timedelta

import pytest

from cmdesk.analysis import adverse_events
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.analysis.priority import SlaPolicy
from cmdesk.clock import utc
from cmdesk.model import Intent, MoodLabel, Product, PVSignal, SuggestedAction, TextAnalysis

NOW = utc(2026, 11, 24, 9, 0, 0)
CARDIOLIN = Product("Cardiolin", "Cardiolinum")


@pytest.fixture
def analyzer() -> Analyzer:
    """The real analysis, with the real adverse-event detector: in its compiled form a module's functions call
    each other directly, so a stand-in set on the module would not be called (and the real one can run here)."""
    return Analyzer(products=[CARDIOLIN])


def test_adverse_event(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Seit ich Cardiolin nehme habe ich einen Hautausschlag")
    assert (result.language, result.mood.label, result.intent, result.expects_reply, result.suggested_action) == (
        "de",
        MoodLabel.NEGATIVE,
        Intent.ADVERSE_EVENT,
        True,
        SuggestedAction.OPEN_PV_CASE,
    )
    assert (result.pv.suspected, result.pv.products, [s.text for s in result.pv.events]) == (
        True,
        ("Cardiolin",),
        ["Hautausschlag"],
    )


def test_priority_order_adverse_event_complaint_question_rest(analyzer: Analyzer) -> None:
    texts = [
        "Danke fürs Teilen",
        "Weiß jemand ob man das teilen darf",
        "Eure Hotline ist eine Frechheit, seit Wochen keine Antwort!",
        "Ich habe einen Ausschlag bekommen",
    ]
    ranked = sorted(texts, key=lambda t: analyzer.prioritize(analyzer.analyze(t), received_at=NOW)[0])
    assert ranked == list(reversed(texts))
    assert [analyzer.prioritize(analyzer.analyze(t), received_at=NOW)[0] for t in texts] == [3, 2, 1, 0]


def test_due_at_uses_the_sla() -> None:
    analyzer = Analyzer(sla=SlaPolicy.from_settings({"adverse_event": 3}))
    found = analyzer.analyze("Ausschlag nach der Einnahme")
    assert analyzer.prioritize(found, received_at=NOW) == (0, NOW + timedelta(hours=3))


def test_empty_text(analyzer: Analyzer) -> None:
    result = analyzer.analyze("")
    assert (result.language, result.mood.label, result.mood.score, result.intent, result.expects_reply) == (
        "other",
        MoodLabel.NEUTRAL,
        0.0,
        Intent.OTHER,
        False,
    )


def test_one_megabyte_text(analyzer: Analyzer) -> None:
    text = ("Das ist nicht gut. " * 60_000)[:1_000_000]
    result = analyzer.analyze(text)
    assert (result.language, result.mood.label, result.intent) == ("de", MoodLabel.NEGATIVE, Intent.COMPLAINT)
    assert all(text[s.start : s.end] == s.text for s in result.mood.evidence)


def test_mixed_languages(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Ich liebe dieses Produkt, really awesome ❤️")
    assert (result.language, result.mood.label, result.intent) == ("de", MoodLabel.POSITIVE, Intent.PRAISE)


def test_real_detector_is_called_with_the_products() -> None:
    """Runs the real adverse-event module: only the contract is checked, not its judgement."""
    result = Analyzer(products=[CARDIOLIN]).analyze("Cardiolin ist super")
    assert isinstance(result.pv, PVSignal)


_WORDS = "Kopfschmerzen headache nicht gut not bad sehr very Cardiolin schwindelig dizzy danke thanks ich habe I have"
_CACHE_TEXTS = [" ".join(_WORDS.split()[(i * k) % 17] for k in (1, 7, 5, 3, 11)) for i in range(400)]
_CARDIOLIN = (Product(brand="Cardiolin", substance="cardiolinum"),)


@pytest.fixture
def tiny_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every per-word cache of the analysis holds three entries, starting empty: cleared all the time."""
    from cmdesk.analysis import lexicon, mood, pv_lexicon, text

    for module, name in (
        (mood, "_MEMO_MAX"),
        (adverse_events, "_MEMO_MAX"),
        (lexicon, "_STARTS_MAX"),
        (pv_lexicon, "_PAIRS_MAX"),
        (text, "_RUNS_MAX"),
    ):
        monkeypatch.setattr(module, name, 3)
    monkeypatch.setattr(mood, "_MEMOS", {})
    monkeypatch.setattr(text, "_RUNS", {})
    monkeypatch.setattr(text, "_WORDS", {})
    monkeypatch.setattr(adverse_events, "_last", None)


@pytest.fixture
def expected() -> list[TextAnalysis]:
    return [Analyzer(products=_CARDIOLIN).analyze(t) for t in _CACHE_TEXTS]


def test_a_text_reads_the_same_whatever_the_caches_hold(expected: list[TextAnalysis], tiny_caches: None) -> None:
    """A cache that fills up is emptied before a text, never halfway through it."""
    analyzer = Analyzer(products=tuple(_CARDIOLIN))  # a new tuple: a new product matcher, with empty memos
    assert [analyzer.analyze(t) for t in _CACHE_TEXTS] == expected


def test_threads_sharing_the_caches_get_the_same_results_as_one_thread(
    expected: list[TextAnalysis], tiny_caches: None
) -> None:
    """Sync analyses on its fetch thread while the window analyses too."""
    results: dict[int, list[TextAnalysis]] = {}
    errors: list[BaseException] = []
    analyzer = Analyzer(products=tuple(_CARDIOLIN))

    def work(n: int) -> None:
        try:
            results[n] = [analyzer.analyze(t) for t in _CACHE_TEXTS[n:] + _CACHE_TEXTS[:n]]
        except BaseException as error:  # handed to the main thread, which fails the test
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1, 2, 3)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert results == {n: expected[n:] + expected[:n] for n in (0, 1, 2, 3)}
