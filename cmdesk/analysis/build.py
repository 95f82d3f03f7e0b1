"""Quick constructors for the frozen result dataclasses the analysis returns by the thousand.

Why: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which costs more than
the rest of scoring a short post. These build the same objects (equal, hashable, picklable: the dataclass
methods read the fields from the instance dict) by storing the fields into the new instance's own dict,
which Python makes on first access: about half the cost of replacing that dict through
``object.__setattr__(made, "__dict__", {...})``, which takes the generic attribute path. They are only
valid while the classes have no ``__post_init__``, no ``__slots__`` and exactly these fields, in this order;
tests/unit/analysis/test_build.py checks that against the dataclasses themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, Span, SuggestedAction, TextAnalysis

_new: Final = object.__new__


def span(start: int, end: int, text: str, kind: str) -> Span:
    """``Span(start, end, text, kind)``."""
    made = _new(Span)
    fields = made.__dict__  # stored into directly: the frozen __setattr__ is not in the way
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["kind"] = kind
    return made


def spans(text: str, found: Iterable[tuple[int, int, str]]) -> tuple[Span, ...]:
    """``(Span(start, end, text[start:end], kind), ...)`` for each (start, end, kind), in their order.

    A text's evidence in one call: a call per span costs about as much as building the span.
    """
    made: list[Span] = []
    add = made.append
    for start, end, kind in found:
        one = _new(Span)
        fields = one.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text[start:end]
        fields["kind"] = kind
        add(one)
    return tuple(made)


def mood_result(label: MoodLabel, score: float, emotions: dict[str, float], evidence: tuple[Span, ...]) -> MoodResult:
    """``MoodResult(label, score, emotions, evidence)``."""
    made = _new(MoodResult)
    fields = made.__dict__
    fields["label"] = label
    fields["score"] = score
    fields["emotions"] = emotions
    fields["evidence"] = evidence
    return made


def pv_signal(
    suspected: bool,
    score: float,
    products: tuple[str, ...],
    events: tuple[Span, ...],
    seriousness: tuple[str, ...],
    special_situations: tuple[str, ...],
    evidence: tuple[Span, ...],
) -> PVSignal:
    """``PVSignal(suspected, score, products, events, seriousness, special_situations, evidence)``."""
    made = _new(PVSignal)
    fields = made.__dict__
    fields["suspected"] = suspected
    fields["score"] = score
    fields["products"] = products
    fields["events"] = events
    fields["seriousness"] = seriousness
    fields["special_situations"] = special_situations
    fields["evidence"] = evidence
    return made


def text_analysis(
    language: str,
    mood: MoodResult,
    intent: Intent,
    expects_reply: bool,
    pv: PVSignal,
    suggested_action: SuggestedAction,
) -> TextAnalysis:
    """``TextAnalysis(language, mood, intent, expects_reply, pv, suggested_action)``."""
    made = _new(TextAnalysis)
    fields = made.__dict__
    fields["language"] = language
    fields["mood"] = mood
    fields["intent"] = intent
    fields["expects_reply"] = expects_reply
    fields["pv"] = pv
    fields["suggested_action"] = suggested_action
    return made
