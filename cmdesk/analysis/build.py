"""Quick constructors for the frozen result dataclasses the analysis returns by the thousand.

Why: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which costs more than
the rest of scoring a short post. These build the same objects (equal, hashable, picklable: the dataclass
methods read the fields from the instance dict) by filling the instance dict in one step. They are only
valid while the classes have no ``__post_init__``, no ``__slots__`` and exactly these fields, in this order;
tests/unit/analysis/test_build.py checks that against the dataclasses themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, Span, SuggestedAction, TextAnalysis

_new = object.__new__
_set = object.__setattr__  # bypasses the frozen __setattr__ to set the instance dict itself


def span(start: int, end: int, text: str, kind: str) -> Span:
    """``Span(start, end, text, kind)``."""
    made = _new(Span)
    _set(made, "__dict__", {"start": start, "end": end, "text": text, "kind": kind})
    return made


def spans(text: str, found: Iterable[tuple[int, int, str]]) -> tuple[Span, ...]:
    """``(Span(start, end, text[start:end], kind), ...)`` for each (start, end, kind), in their order.

    A text's evidence in one call: a call per span costs about as much as building the span.
    """
    made: list[Span] = []
    add = made.append
    for start, end, kind in found:
        one = _new(Span)
        _set(one, "__dict__", {"start": start, "end": end, "text": text[start:end], "kind": kind})
        add(one)
    return tuple(made)


def mood_result(label: MoodLabel, score: float, emotions: dict[str, float], evidence: tuple[Span, ...]) -> MoodResult:
    """``MoodResult(label, score, emotions, evidence)``."""
    made = _new(MoodResult)
    _set(made, "__dict__", {"label": label, "score": score, "emotions": emotions, "evidence": evidence})
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
    _set(
        made,
        "__dict__",
        {
            "suspected": suspected,
            "score": score,
            "products": products,
            "events": events,
            "seriousness": seriousness,
            "special_situations": special_situations,
            "evidence": evidence,
        },
    )
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
    _set(
        made,
        "__dict__",
        {
            "language": language,
            "mood": mood,
            "intent": intent,
            "expects_reply": expects_reply,
            "pv": pv,
            "suggested_action": suggested_action,
        },
    )
    return made
