"""Pure helpers: evidence spans, search hits and links of a message text as character ranges.

Offsets are Python string indices. The pane inserts the text piece by piece, so it
never has to map them to Qt's UTF-16 positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from cmdesk.model import Span
from ui.queue.delegates import search_pattern

SEARCH = "search"
PV = "pv"
LINK = "link"
MOOD_NEGATIVE = "mood_negative"
MOOD_POSITIVE = "mood_positive"
MOOD_OTHER = "mood_other"  # negators, boosters, sarcasm, emoji: they shaped the score without a sign

_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"'`{}|\\^]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"»«“”‘’*"
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class Mark:
    """A range of the text that gets a look: ``kind`` is one of the constants above."""

    start: int
    end: int
    kind: str
    href: str | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of text with one look: every mark kind that covers it, and the link if any."""

    start: int
    end: int
    kinds: frozenset[str]
    href: str | None = None


def locate(text: str, span: Span) -> tuple[int, int] | None:
    """Where a stored span is in the text: its offsets if they still fit, else its words, else None.

    A span is stored with the text it was computed from; an edit upstream may have moved it.
    """
    start, end = span.start, span.end
    if 0 <= start < end <= len(text) and (not span.text or text[start:end] == span.text):
        return start, end
    if span.text:
        found = text.find(span.text)
        if found >= 0:
            return found, found + len(span.text)
    return None


def mood_kind(span: Span) -> str:
    if span.kind == "negative":
        return MOOD_NEGATIVE
    if span.kind == "positive":
        return MOOD_POSITIVE
    return MOOD_OTHER


def evidence_marks(text: str, spans: Iterable[Span], *, pv: bool) -> list[Mark]:
    """Mood evidence (``pv=False``) or PV evidence (``pv=True``) as marks; spans that no longer fit are dropped."""
    marks = set()
    for span in spans:
        where = locate(text, span)
        if where is not None:
            marks.add(Mark(where[0], where[1], PV if pv else mood_kind(span)))
    return sorted(marks, key=lambda m: (m.start, m.end, m.kind))


def search_marks(text: str, search: str) -> list[Mark]:
    """The queue's search words in the text, matched the way the queue marks them."""
    pattern = search_pattern(search)
    if pattern is None:
        return []
    return [Mark(m.start(), m.end(), SEARCH) for m in pattern.finditer(text) if m.end() > m.start()]


def link_href(found: str) -> str | None:
    """The address a link in the text opens, or None when it is not a plain web address."""
    href = found if "://" in found else "https://" + found
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return href


def _trim(found: str) -> str:
    """Drop punctuation that ends the sentence rather than the address, and unbalanced closing brackets."""
    while found:
        last = found[-1]
        unbalanced = last in _PAIRS and found.count(last) > found.count(_PAIRS[last])
        if last in _TRAILING or unbalanced:
            found = found[:-1]
        else:
            break
    return found


def link_marks(text: str) -> list[Mark]:
    """Web addresses (http, https, www.) in the text; nothing else becomes clickable."""
    marks = []
    for match in _URL.finditer(text):
        found = _trim(match.group(0))
        href = link_href(found)
        if href is not None and len(found) > len("www."):
            marks.append(Mark(match.start(), match.start() + len(found), LINK, href))
    return marks


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """The whole text cut where a mark starts or ends; neighbours with the same look are joined."""
    size = len(text)
    cuts = {0, size}
    for mark in marks:
        start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
        if start < end:
            cuts.update((start, end))
    bounds = sorted(cuts)
    ordered = sorted(marks, key=lambda m: m.start)
    result: list[Segment] = []
    active: list[Mark] = []
    next_mark = 0
    for start, end in pairwise(bounds):
        while next_mark < len(ordered) and ordered[next_mark].start <= start:
            active.append(ordered[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > start]
        covering = [m for m in active if m.start <= start and m.end >= end]
        kinds = frozenset(m.kind for m in covering)
        href = next((m.href for m in covering if m.href), None)
        if result and result[-1].kinds == kinds and result[-1].href == href and result[-1].end == start:
            result[-1] = Segment(result[-1].start, end, kinds, href)
        else:
            result.append(Segment(start, end, kinds, href))
    return result


def marks_for(
    text: str, *, mood: Iterable[Span] = (), pv: Iterable[Span] = (), search: str = "", links: bool = True
) -> list[Segment]:
    """Everything the pane marks in one text, as segments ready to insert."""
    marks = evidence_marks(text, mood, pv=False) + evidence_marks(text, pv, pv=True) + search_marks(text, search)
    if links:
        marks += link_marks(text)
    return segments(text, marks)
