"""Possible duplicates of a case (GVP VI Addendum I): screen at data entry, a human confirms.

Two signals: the same person (across channels, via the people merge), or the same
suspect product and a similar event with compatible age/sex/country within a
window. Only suggestions: linking as follow-up or keeping apart is a decision.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from cmdesk.pv.model import Case

WINDOW = timedelta(days=30)
EVENT_SIMILARITY = 0.6


@dataclass(frozen=True)
class Suggestion:
    case_id: int
    reference: str
    score: float  # 0..1, higher = more likely the same case
    reasons: tuple[str, ...]


def _words(text: str) -> set[str]:
    """Word stems (first five letters), so "stark"/"starker" and "headache"/"headaches" meet."""
    return {w[:5] for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def event_similarity(a: str, b: str) -> float:
    """How alike two verbatims are: the better of character similarity and shared words."""
    ratio = difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()
    wa, wb = _words(a), _words(b)
    overlap = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    return max(ratio, overlap)


def _same_reporter(a: Case, b: Case) -> bool:
    if a.person_id is not None and a.person_id == b.person_id:
        return True
    ra, rb = a.reporter, b.reporter
    if ra.email and ra.email.lower() == rb.email.lower():
        return True
    return bool(ra.handle) and ra.handle == rb.handle and ra.channel == rb.channel


def _compatible(a: Case, b: Case) -> tuple[bool, list[str]]:
    """Age, sex and country must not contradict each other (unknown is compatible)."""
    reasons: list[str] = []
    pa, pb = a.patient, b.patient
    if pa.sex and pb.sex:
        if pa.sex != pb.sex:
            return False, []
        reasons.append(f"same sex ({pa.sex})")
    if pa.age_value is not None and pb.age_value is not None:
        if abs(pa.age_value - pb.age_value) > 1:
            return False, []
        reasons.append(f"same age ({pa.age_value})")
    elif pa.age_group and pb.age_group and pa.age_group != pb.age_group:
        return False, []
    ca, cb = a.reporter.country, b.reporter.country
    if ca and cb:
        if ca != cb:
            return False, []
        reasons.append(f"same country ({ca})")
    return True, reasons


def suggest(case: Case, others: Sequence[Case], *, window: timedelta = WINDOW) -> list[Suggestion]:
    """Cases among ``others`` that may describe the same patient and reaction, best first."""
    found: list[Suggestion] = []
    for other in others:
        if other.id == case.id:
            continue
        if _same_reporter(case, other):
            found.append(Suggestion(other.id, other.reference, 0.9, ("same person",)))
            continue
        if abs(other.day0 - case.day0) > window:
            continue
        shared = {p.name.lower() for p in case.products} & {p.name.lower() for p in other.products}
        substances = {p.substance.lower() for p in case.products if p.substance} & {
            p.substance.lower() for p in other.products if p.substance
        }
        if not shared and not substances:
            continue
        best = max((event_similarity(e.verbatim, f.verbatim) for e in case.events for f in other.events), default=0.0)
        if best < EVENT_SIMILARITY:
            continue
        ok, extra = _compatible(case, other)
        if not ok:
            continue
        product = sorted(shared or substances)[0]
        reasons = (f"same product ({product})", f"similar event ({best:.0%})", *extra)
        score = round(min(0.85, 0.4 + 0.3 * best + 0.05 * len(extra)), 2)
        found.append(Suggestion(other.id, other.reference, score, reasons))
    return sorted(found, key=lambda s: (-s.score, s.case_id))
