"""The quick result constructors build exactly what the dataclasses' own constructors build."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from cmdesk.analysis import build
from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, Span, SuggestedAction, TextAnalysis


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (Span, ("start", "end", "text", "kind")),
        (MoodResult, ("label", "score", "emotions", "evidence")),
        (PVSignal, ("suspected", "score", "products", "events", "seriousness", "special_situations", "evidence")),
        (TextAnalysis, ("language", "mood", "intent", "expects_reply", "pv", "suggested_action")),
    ],
)
def test_the_classes_are_still_what_the_constructors_assume(cls: type, fields: tuple[str, ...]) -> None:
    assert tuple(f.name for f in dataclasses.fields(cls)) == fields
    assert (hasattr(cls, "__post_init__"), hasattr(cls, "__slots__")) == (False, False)


def test_quick_objects_equal_hash_and_pickle_like_constructed_ones() -> None:
    span = Span(4, 9, "Übel", "event")
    mood = MoodResult(MoodLabel.NEGATIVE, -0.4, {"sadness": 0.2}, (span,))
    pv = PVSignal(True, 0.55, ("Cardiolin",), (span,), ("death",), ("overdose",), (span,))
    analysis = TextAnalysis("de", mood, Intent.ADVERSE_EVENT, True, pv, SuggestedAction.OPEN_PV_CASE)
    quick_span = build.span(4, 9, "Übel", "event")
    quick_mood = build.mood_result(MoodLabel.NEGATIVE, -0.4, {"sadness": 0.2}, (quick_span,))
    quick_pv = build.pv_signal(True, 0.55, ("Cardiolin",), (quick_span,), ("death",), ("overdose",), (quick_span,))
    quick = build.text_analysis("de", quick_mood, Intent.ADVERSE_EVENT, True, quick_pv, SuggestedAction.OPEN_PV_CASE)
    assert (quick, hash(quick_span), repr(quick)) == (analysis, hash(span), repr(analysis))
    assert pickle.loads(pickle.dumps(quick)) == analysis
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick_span.start = 5  # type: ignore[misc]
