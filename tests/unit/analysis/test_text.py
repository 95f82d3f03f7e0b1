from __future__ import annotations

import pytest

from cmdesk.analysis.text import (
    _TOKEN_RE,
    MAX_ANALYSED_CHARS,
    as_tokens,
    fold,
    indexes_of,
    is_shouting,
    join_tokens,
    normalise,
    scan,
    tokenize,
    variants,
)


def test_tokens_keep_offsets_into_the_original_text() -> None:
    text = "Das ist SCHÖÖÖN :) 😡 weiß"
    tokens = tokenize(text)
    assert [(t.raw, t.norm, t.kind) for t in tokens] == [
        ("Das", "das", "word"),
        ("ist", "ist", "word"),
        ("SCHÖÖÖN", "schoen", "word"),
        (":)", ":)", "emoticon"),
        ("😡", "😡", "emoji"),
        ("weiß", "weiss", "word"),
    ]
    assert all(text[t.start : t.end] == t.raw for t in tokens)


def test_caps_and_elongation_are_flagged() -> None:
    sooo, caps, plain = tokenize("sooo GUT gut")
    assert (sooo.norm, sooo.elongated, sooo.caps) == ("so", True, False)
    assert (caps.caps, plain.caps) == (True, False)
    assert variants(tokenize("goooood")[0]) == ("good", "god")


def test_umlaut_spellings_fold_to_one_key() -> None:
    assert fold("Schön") == fold("schoen") == "schoen"
    assert normalise("GRÜẞE Straße") == "gruesse strasse"


def test_emoji_skin_tone_and_variation_selector_are_dropped_from_the_key() -> None:
    assert [t.norm for t in tokenize("🙏🏽 ❤️")] == ["🙏", "❤"]


def test_urls_and_sarcasm_marker_are_single_tokens() -> None:
    assert [(t.kind, t.raw) for t in tokenize("see https://x.de/a?b=1 /s")] == [
        ("word", "see"),
        ("url", "https://x.de/a?b=1"),
        ("sarcasm", "/s"),
    ]


def test_empty_and_huge_text() -> None:
    assert tokenize("") == []
    tokens = tokenize("ab " * 400_000)
    assert tokens[-1].end <= MAX_ANALYSED_CHARS


def test_shouting_and_joined_text() -> None:
    assert is_shouting(tokenize("DAS IST EINE FRECHHEIT"))
    assert not is_shouting(tokenize("Das ist eine FRECHHEIT"))
    joined = join_tokens(tokenize("Na toll!"))
    assert (joined.text, joined.starts) == ("na toll !", [0, 3, 8])


def test_emoticons_versus_punctuation() -> None:
    assert [(t.raw, t.kind) for t in tokenize("ok ;) :-( xD, a; b: 10:30")] == [
        ("ok", "word"),
        (";)", "emoticon"),
        (":-(", "emoticon"),
        ("xD", "emoticon"),
        (",", "punct"),
        ("a", "word"),
        (";", "punct"),
        ("b", "word"),
        (":", "punct"),
        ("10", "number"),
        ("30", "number"),
    ]


def test_tokens_carry_positions_norms_and_elongation() -> None:
    tokens = tokenize("Gut, gut! Sooo gut")
    assert tokens.positions == {"gut": [0, 2, 5], ",": [1], "!": [3], "so": [4]}
    assert tokens.norms == frozenset({"gut", ",", "!", "so"})
    assert (tokens.elongated, tokenize("gut").elongated) == (True, False)
    assert indexes_of(tokens, {"so", ","}) == [1, 4]


def test_a_plain_list_of_tokens_gets_the_same_facts() -> None:
    tokens = tokenize("Gut, gut! Sooo gut")
    rebuilt = as_tokens(list(tokens))
    assert (rebuilt, rebuilt.positions, rebuilt.norms, rebuilt.elongated) == (
        tokens,
        tokens.positions,
        tokens.norms,
        tokens.elongated,
    )
    assert as_tokens(tokens) is tokens


@pytest.mark.parametrize(
    "text",
    [
        "Hallo :) du, xD ;-) a:b 10:30 (: <3 </3",
        "  Das  ist\tSCHÖÖÖN:)\n😡🙏🏽 weiß  ",
        "see https://x.de/a?b=1 /s www.example.org!",
        "x² ½ don't I’m Neurexa50 a\u00a0b\u2003c",
        "normal?? normal!! normal... (normal)",
    ],
)
def test_runs_split_like_the_whole_text(text: str) -> None:
    """A run of non-space characters is split once and cached; in any text it splits the same way."""
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    for _ in range(2):  # the second time from the cache
        assert [(t.start, t.end, t.raw) for t in tokenize(text)] == expected
        assert [(t.start, t.end, t.raw) for t in tokenize("  " + text)] == [(a + 2, b + 2, r) for a, b, r in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Seit ich Cardiolin nehme, hab ich Kopfweh!! Ist das normal?? xD",
        "  Das  ist\tSCHÖÖÖN:)\n😡🙏🏽 weiß  see www.novalind.de/faq, https://x.de/?a=1",
        "Gut, gut! Sooo gut",
        "",
    ],
)
def test_scan_shares_the_run_tokens_and_counts_offsets_from_the_run_starts(text: str) -> None:
    scanned, tokens = scan(text), tokenize(text)
    assert [(scanned.start(i), scanned.end(i), *t[2:]) for i, t in enumerate(scanned)] == [tuple(t) for t in tokens]
    assert (scanned.norm_list, scanned.norms, scanned.elongated, scanned.puncts, scanned.links) == (
        tokens.norm_list,
        tokens.norms,
        tokens.elongated,
        [i for i, t in enumerate(tokens) if t.kind == "punct"],
        sum(1 for t in tokens if t.kind == "url"),
    )
    assert tokens.bases == [0] * len(tokens)


def test_a_run_met_again_gives_the_very_same_token() -> None:
    first, again = scan("Kopfweh heute"), scan("Heute Kopfweh")
    assert (first[0] is again[1], first.bases, again.bases) == (True, [0, 8], [0, 6])
