"""Evidence spans, search hits and links as character ranges, and the segments the pane inserts."""

from __future__ import annotations

from cmdesk.model import Span
from ui.message.highlight import (
    LINK,
    MOOD_NEGATIVE,
    MOOD_OTHER,
    PV,
    SEARCH,
    Mark,
    Segment,
    evidence_marks,
    link_marks,
    marks_for,
    search_marks,
    segments,
)


def test_evidence_spans_keep_their_offsets_and_kinds() -> None:
    text = "Nach Cardiolin hatte ich nicht schlimmen Ausschlag"
    mood = [Span(25, 30, "nicht", "negator"), Span(31, 40, "schlimmen", "negative")]
    pv = [Span(5, 14, "Cardiolin", "product"), Span(41, 50, "Ausschlag", "event")]
    assert evidence_marks(text, mood, pv=False) == [Mark(25, 30, MOOD_OTHER), Mark(31, 40, MOOD_NEGATIVE)]
    assert evidence_marks(text, pv, pv=True) == [Mark(5, 14, PV), Mark(41, 50, PV)]


def test_a_span_that_no_longer_fits_is_found_by_its_words_or_dropped() -> None:
    text = "edited: my skin itches"
    moved = Span(3, 9, "itches", "event")  # computed on the text before the edit
    gone = Span(0, 4, "rash", "event")
    beyond = Span(40, 45, "", "event")
    assert evidence_marks(text, [moved, gone, beyond], pv=True) == [Mark(16, 22, PV)]


def test_search_words_are_marked_case_insensitively_with_the_last_as_prefix() -> None:
    text = "Nebenwirkung? Ja, NEBENwirkungen und Schwindel."
    assert search_marks(text, "nebenwirkung schwin") == [
        Mark(0, 12, SEARCH),
        Mark(18, 30, SEARCH),
        Mark(37, 43, SEARCH),
    ]
    assert search_marks(text, "  ") == []


def test_only_web_addresses_become_links_without_trailing_punctuation() -> None:
    text = (
        "See https://novalind.example/faq_(de). Or www.novalind.example, not javascript:alert(1) or file:///etc/passwd"
    )
    assert link_marks(text) == [
        Mark(4, 37, LINK, "https://novalind.example/faq_(de)"),
        Mark(42, 62, LINK, "https://www.novalind.example"),
    ]


def test_a_link_inside_markup_stops_at_the_angle_bracket() -> None:
    text = '<a href="https://evil.example/x">click</a>'
    assert link_marks(text) == [Mark(9, 31, LINK, "https://evil.example/x")]


def test_segments_cover_the_whole_text_and_join_equal_neighbours() -> None:
    text = "abcdefghij"
    marks = [Mark(2, 6, PV), Mark(4, 8, SEARCH), Mark(8, 9, SEARCH), Mark(20, 30, PV)]
    assert segments(text, marks) == [
        Segment(0, 2, frozenset()),
        Segment(2, 4, frozenset({PV})),
        Segment(4, 6, frozenset({PV, SEARCH})),
        Segment(6, 9, frozenset({SEARCH})),
        Segment(9, 10, frozenset()),
    ]


def test_an_unmarked_or_empty_text_is_one_plain_segment_or_none() -> None:
    assert segments("plain", []) == [Segment(0, 5, frozenset())]
    assert segments("", [Mark(0, 3, PV)]) == []


def test_marks_for_combines_evidence_search_and_links() -> None:
    text = "bad pain www.x.example"
    result = marks_for(text, mood=[Span(0, 3, "bad", "negative")], pv=[Span(4, 8, "pain", "event")], search="pain")
    assert result == [
        Segment(0, 3, frozenset({MOOD_NEGATIVE})),
        Segment(3, 4, frozenset()),
        Segment(4, 8, frozenset({PV, SEARCH})),
        Segment(8, 9, frozenset()),
        Segment(9, 22, frozenset({LINK}), "https://www.x.example"),
    ]
