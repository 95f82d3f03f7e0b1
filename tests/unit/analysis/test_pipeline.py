from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from cmdesk.analysis import adverse_events
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.analysis.priority import SlaPolicy
from cmdesk.analysis.text import Token
from cmdesk.clock import utc
from cmdesk.model import Intent, MoodLabel, Product, PVSignal, SuggestedAction

NOW = utc(2026, 11, 24, 9, 0, 0)
CARDIOLIN = Product("Cardiolin", "Cardiolinum")


def fake_detect(
    text: str, language: str, products: Sequence[Product], *, tokens: Sequence[Token] | None = None
) -> PVSignal:
    """A stand-in PV detector, so these tests check the pipeline, not the detector's lexicons."""
    if "ausschlag" in text.lower():
        return PVSignal(suspected=True, score=0.9, products=tuple(p.brand for p in products))
    return PVSignal.none()


@pytest.fixture
def analyzer(monkeypatch: pytest.MonkeyPatch) -> Analyzer:
    monkeypatch.setattr(adverse_events, "detect", fake_detect)
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
    assert result.pv == PVSignal(suspected=True, score=0.9, products=("Cardiolin",))


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


def test_due_at_uses_the_sla(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adverse_events, "detect", fake_detect)
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
