"""The excerpt in search results: shifted so the first hit is in view."""

from __future__ import annotations

from ui.queue.delegates import from_first_hit, search_pattern

TEXT = "Ich nehme seit drei Wochen jeden Morgen eine Tablette und habe seitdem manchmal Kopfschmerzen am Nachmittag"


def width(text: str) -> int:
    return 7 * len(text)  # a monospaced stand-in for QFontMetrics.horizontalAdvance


def test_search_hits_are_matched_like_the_full_text_search() -> None:
    pattern = search_pattern("übel kopf")
    assert pattern is not None
    assert [m.group(0) for m in pattern.finditer("Mir ist ÜBEL und Kopfschmerzen")] == ["ÜBEL", "Kopf"]
    assert search_pattern("  ") is None


def test_a_hit_past_the_middle_of_the_column_is_brought_into_view() -> None:
    pattern = search_pattern("kopfschmerz")
    assert pattern is not None
    assert from_first_hit(TEXT, pattern, width_before=width, room=300) == ("…manchmal Kopfschmerzen am Nachmittag")


def test_a_hit_already_in_view_leaves_the_excerpt_alone() -> None:
    pattern = search_pattern("wochen")
    assert pattern is not None
    assert from_first_hit(TEXT, pattern, width_before=width, room=300) == TEXT


def test_a_narrow_column_keeps_fewer_words_before_the_hit() -> None:
    pattern = search_pattern("kopfschmerz")
    assert pattern is not None
    assert from_first_hit(TEXT, pattern, width_before=width, room=160) == "…Kopfschmerzen am Nachmittag"


def test_a_hit_inside_a_long_word_starts_the_excerpt_at_the_hit() -> None:
    pattern = search_pattern("xyz")
    assert pattern is not None
    assert from_first_hit("a" * 80 + "xyz", pattern, width_before=width, room=300) == "…xyz"
