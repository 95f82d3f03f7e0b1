"""Sentence context of adverse-event evidence: negated, hypothetical or real, and complaints about body parts.

Works on the hits the detector found in the shared tokens. A hit is negated by a negation word shortly
before it in its sentence ("keine Übelkeit"), or right after a side-effect word ("Nebenwirkungen: keine");
it is hypothetical in a sentence with a hypothetical or leaflet phrase, or in a question without a
first-person word; a temporal, causal or experience cue in the sentence keeps it real.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from cmdesk.analysis.text import Token, Tokens, as_tokens

JUDGED: Final = ("event", "condition", "ae_word", "special", "seriousness")
CUES: Final = ("cue_temporal", "cue_causal")
_CONTEXT: Final = ("cue_temporal", "cue_causal", "experience")
_JUDGED: Final = frozenset(JUDGED)
_CUES: Final = frozenset(CUES)
_NEWLINES: Final = re.compile(r"\n+")
_SCOPE_BREAK_WORDS: Final = frozenset(
    {"but", "aber", "sondern", "however", "doch", "jedoch", "only", "nur", "except", "ausser", "though"}
)
_SCOPE_BREAK_PUNCT: Final = frozenset(",;:")
_NEGATION_REACH: Final = 40  # characters after a negation word that it still covers ("no real side effects")
# A side-effect word followed within this many tokens by one of these is answered in the negative.
_ANSWER_REACH: Final = 3
_ANSWERS: Final = frozenset({"keine", "keinerlei", "none", "null", "zero", "nothing", "nichts"})
# What may stand between the side-effect word and its answer ("Nebenwirkungen hatte ich bisher keine").
_ANSWER_FILLERS: Final = frozenset(
    {":", "-", "hatte", "habe", "hab", "ich", "bisher", "gab", "es", "sind", "waren", "i", "had", "have", "so", "far"}
)
_BODY_REACH: Final = 2  # tokens between a body part and its complaint for the event span to include the part


@dataclass(slots=True)
class Hit:
    """One lexicon match: where it is (tokens and characters), what it is evidence of, and its status."""

    first: int  # token index
    stop: int  # token index after the last token
    start: int  # character offsets into the text
    end: int
    kind: str
    label: str
    status: str = "real"  # real | negated | hypothetical


def by_offset(hit: Hit) -> tuple[int, int]:
    return hit.start, hit.end


def sentence_ends(text: str, toks: Sequence[Token]) -> list[int]:
    """Character offsets where sentences end: after "!", "?", a newline or a "." that does not follow a digit."""
    tokens = toks if type(toks) is Tokens else as_tokens(toks)
    ends: list[int] = []
    bases = tokens.bases
    for i in tokens.puncts:  # only punctuation ends a sentence: the shared tokens know where it is
        t = tokens[i]
        raw = t.raw
        if "?" in raw or "!" in raw:
            ends.append(bases[i] + t.end)
        elif "." in raw:
            start = bases[i] + t.start
            if not (raw[0] == "." and text[start - 1 : start].isdigit()):
                ends.append(bases[i] + t.end)
    if "\n" in text:
        ends.extend(m.end() for m in _NEWLINES.finditer(text, 0, tokens.end(len(tokens) - 1)))
        ends.sort()
    return ends


def body_complaints(hits: dict[str, list[Hit]], ends: list[int]) -> None:
    """A complaint ("brennt", "tight", "rot") is an event where its sentence names a body part.

    "Das Auge brennt", "my jaw and neck feel super tight": the event span starts at the body part when
    it comes just before. Complaints without a body part and the body parts themselves are dropped.
    """
    complaints = hits.pop("complaint", [])
    parts = hits.pop("body_part", [])
    if not complaints or not parts:
        return
    by_sentence: dict[int, list[Hit]] = {}
    for part in parts:
        by_sentence.setdefault(bisect_right(ends, part.start), []).append(part)
    events = hits.setdefault("event", [])
    for complaint in complaints:
        near = by_sentence.get(bisect_right(ends, complaint.start))
        if not near:
            continue
        before = [p for p in near if p.stop <= complaint.first and complaint.first - p.stop <= _BODY_REACH]
        if before:
            complaint.first, complaint.start = before[-1].first, before[-1].start
        complaint.kind = "event"
        events.append(complaint)
    events.sort(key=by_offset)
    if not events:
        del hits["event"]


def judge_context(
    text: str, toks: Sequence[Token], hits: dict[str, list[Hit]], persons: list[int], ends: list[int]
) -> None:
    """Mark events, side-effect words and situations as negated or hypothetical by their sentence."""
    # Plain loops, not a set comprehension and generators: each of those is a function call of its own.
    hypothetical_sentences: set[int] = set()
    for h in hits.get("hypothetical", ()):
        hypothetical_sentences.add(bisect_right(ends, h.start))
    context_sentences: set[int] = set()
    for kind in _CONTEXT:
        for h in hits.get(kind, ()):
            context_sentences.add(bisect_right(ends, h.start))
    negations = hits.get("negation")
    size = len(ends)
    tokens = toks if type(toks) is Tokens else as_tokens(toks)
    asks = "?" in text  # else no sentence is a question: most texts need no _impersonal_question

    # One pass over the kinds present, not a lookup per kind that may be: each hit is judged on its own.
    for kind, found in hits.items():
        if kind in _JUDGED:
            for hit in found:
                index = bisect_right(ends, hit.start)
                if negations:
                    start = ends[index - 1] if index > 0 else 0
                    end = ends[index] if index < size else len(text)
                    if _negated(toks, hit, negations, start) or (
                        kind == "ae_word" and _negated_after(toks, hit, negations, end)
                    ):
                        hit.status = "negated"
                        continue
                if index in context_sentences:
                    hit.status = "real"
                elif index in hypothetical_sentences or (
                    asks and _impersonal_question(text, tokens, persons, ends, index)
                ):
                    hit.status = "hypothetical"
        elif kind in _CUES:  # cues only count where they are not themselves hypothetical ("Does it cause ...?")
            for hit in found:
                index = bisect_right(ends, hit.start)
                if index in hypothetical_sentences or (
                    asks and _impersonal_question(text, tokens, persons, ends, index)
                ):
                    hit.status = "hypothetical"


def _impersonal_question(text: str, toks: Tokens, persons: list[int], ends: list[int], index: int) -> bool:
    """Sentence ``index`` is a question without a first-person word in it ("Does it cause headaches?")."""
    start = ends[index - 1] if index > 0 else 0
    end = ends[index] if index < len(ends) else len(text)
    if not text[start:end].rstrip().endswith("?"):
        return False
    for i in persons:  # in text order: the first one at or after the sentence start decides
        at = toks.start(i)
        if at >= start:
            return at >= end
    return True


def _negated(toks: Sequence[Token], hit: Hit, negations: list[Hit], sentence_start: int) -> bool:
    """True if a negation word closes at most _NEGATION_REACH characters before ``hit``, unbroken."""
    for negation in negations:
        if negation.start < sentence_start or negation.end > hit.start or negation.end < hit.start - _NEGATION_REACH:
            continue
        for k in range(negation.stop, hit.first):  # words in between that end its scope ("aber", ",")
            t = toks[k]
            if t.raw[0] in _SCOPE_BREAK_PUNCT if t.kind == "punct" else t.norm in _SCOPE_BREAK_WORDS:
                break
        else:
            negation.label = "used"
            return True
    return False


def _negated_after(toks: Sequence[Token], hit: Hit, negations: list[Hit], sentence_end: int) -> bool:
    """A side-effect word answered right after: "Nebenwirkungen: keine", "Nebenwirkungen hatte ich keine"."""
    for negation in negations:
        if (
            hit.end <= negation.start < sentence_end
            and negation.first - hit.stop <= _ANSWER_REACH
            and toks[negation.first].norm in _ANSWERS
            and all(t.norm in _ANSWER_FILLERS for t in toks[hit.stop : negation.first])
        ):
            negation.label = "used"
            return True
    return False
