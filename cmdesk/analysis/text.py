"""Tokens with offsets into the original text, and the normalised forms lexicons are keyed by.

Offsets always point into the text the user sees, so evidence can be highlighted there;
normalisation (lowercase, umlaut folding, elongation) only affects the lookup keys, so
"schön", "schoen" and "SCHÖÖÖN" all find the same lexicon entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

# Mood and intent look at this much text at most: a 1 MB paste must not freeze the queue.
MAX_ANALYSED_CHARS = 20_000

_EMOJI = (
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f]?)*"
)
# Alternatives in order of frequency: words first (the regex tries them left to right at each position).
_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<punct>[?!]+|[.,]+|[;:](?![\-o'^]?[()\[\]dDpP/\\|*@3]))"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    rf"|(?P<emoji>{_EMOJI})"
    r"|(?P<emoticon>(?<![\w/])(?:[:;=][\-o'^]?[()\[\]dDpP/\\|*@3]+|[)(][\-o]?[:;=]|<3+|</3)(?!\w))"
    r"|(?P<sarcasm>(?<!\S)/s(?!\w))"
)
_LAUGH = re.compile(r"[xX]D+")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'", "é": "e", "è": "e"})
_RUN3 = re.compile(r"(.)\1{2,}")
_SKIN = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]")


class Token(NamedTuple):
    """One token: where it is, what it looks like and how lexicons know it."""

    start: int
    end: int
    raw: str
    norm: str  # lowercase, umlauts folded, runs of 3+ letters collapsed to one ("sooo" -> "so")
    kind: str  # word, number, emoji, emoticon, url, sarcasm, punct
    caps: bool  # written in capitals ("GUT"), a sign of emphasis
    elongated: bool  # had a run of three or more equal letters


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase and fold German special letters: the lexicon key of a word (no elongation handling)."""
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=65536)
def _normalise_word(raw: str) -> tuple[str, bool]:
    lowered = raw.lower()
    collapsed = _RUN3.sub(r"\1", lowered)
    return fold(collapsed), collapsed != lowered


def variants(token: Token) -> tuple[str, ...]:
    """Lookup keys for a token, best first: an elongated "goooood" also tries "good"."""
    if not token.elongated:
        return (token.norm,)
    doubled = fold(_RUN3.sub(r"\1\1", token.raw.lower()))
    return (doubled, token.norm) if doubled != token.norm else (token.norm,)


def normalise(text: str) -> str:
    """The whole text in lookup form: lowercase, umlauts folded, elongations collapsed."""
    return fold(_RUN3.sub(r"\1", text.lower()))


def _tail(raw: str, kind: str) -> tuple[str, str, str, bool, bool]:
    """(raw, norm, kind, caps, elongated) of one token's text: everything but its offsets."""
    if kind == "word":
        if raw[0] in "xX" and _LAUGH.fullmatch(raw):
            return (raw, "xd", "emoticon", False, False)
        norm, elongated = _normalise_word(raw)
        return (raw, norm, kind, len(raw) > 1 and raw.isupper(), elongated)
    if kind == "emoji":
        return (raw, _SKIN.sub("", raw), kind, False, False)
    if kind == "emoticon":
        return (raw, raw.lower().replace("-", ""), kind, False, False)
    return (raw, raw.lower(), kind, False, False)


# How a run of non-space characters splits into tokens depends on that run alone (the patterns only look
# across its ends at whitespace or the end of the text, which they treat alike), so the split is cached by
# run: most runs ("Kopfschmerzen", "normal??") recur, and then cost one dict lookup instead of a regex scan.
# Runs with links are unique and not kept; the cache is emptied when it grows past its bound.
_Part = tuple[int, int, tuple[str, str, str, bool, bool]]  # offsets in the run, (raw, norm, kind, caps, elongated)
_RUNS: dict[str, tuple[tuple[_Part, ...], bool]] = {}
_RUNS_MAX = 100_000
_new_token = tuple.__new__


def _split_run(part: str, start: int, end: int) -> tuple[tuple[_Part, ...], bool]:
    parts = tuple(
        (m.start() - start, m.end() - start, _tail(m.group(), m.lastgroup or "punct"))
        for m in _TOKEN_RE.finditer(part, start, end)
    )
    return parts, any(tail[4] for _, _, tail in parts)


class Tokens(list[Token]):
    """The tokens of one text, and facts every analysis step asks about them, worked out once.

    ``positions`` (normalised form -> token indexes) and ``norms`` (its keys as a set) let a step compare
    a whole text with a lexicon in one set operation and visit only the tokens that can match.
    Do not change the list after it is built.
    """

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        super().__init__(tokens)
        positions: dict[str, list[int]] = {}
        for i, t in enumerate(self):
            positions.setdefault(t.norm, []).append(i)
        self.positions = positions
        self.norms = frozenset(positions)
        self.elongated = any(t.elongated for t in self)  # some word had a run of three or more equal letters


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """``tokens`` as :class:`Tokens` (itself if it is one already)."""
    return tokens if type(tokens) is Tokens else Tokens(tokens)


def indexes_of(tokens: Tokens, norms: Iterable[str]) -> list[int]:
    """The indexes of the tokens with one of these normalised forms, in text order."""
    positions = tokens.positions
    found: list[int] = []
    for norm in norms:
        found += positions.get(norm, ())
    found.sort()
    return found


def tokenize(text: str, limit: int = MAX_ANALYSED_CHARS) -> Tokens:
    """Tokens of the first ``limit`` characters, offsets into ``text`` itself."""
    part = text if len(text) <= limit else text[:limit]
    tokens = Tokens.__new__(Tokens)  # an empty list; its facts are set below, as the tokens are made
    append = tokens.append
    positions: dict[str, list[int]] = {}
    at = positions.get
    find = part.find
    runs = _RUNS
    elongated = False
    end = 0
    index = 0
    for run in part.split():
        start = find(run, end)  # only whitespace lies between the previous run and this one
        end = start + len(run)
        split = runs.get(run)
        if split is None:
            split = _split_run(part, start, end)
            if not ("://" in run or "www." in run):
                if len(runs) >= _RUNS_MAX:
                    runs.clear()
                runs[run] = split
        parts, stretched = split
        for a, b, (raw, norm, kind, caps, stretch) in parts:
            append(_new_token(Token, (start + a, start + b, raw, norm, kind, caps, stretch)))
            seen = at(norm)
            if seen is None:
                positions[norm] = [index]
            else:
                seen.append(index)
            index += 1
        if stretched:
            elongated = True
    tokens.positions = positions
    tokens.norms = frozenset(positions)
    tokens.elongated = elongated
    return tokens


def is_shouting(tokens: Sequence[Token]) -> bool:
    """Most words in capitals: the whole message is shouted, so single capitals carry no extra weight."""
    words = [t for t in tokens if t.kind == "word" and len(t.raw) > 1]
    return len(words) >= 3 and sum(1 for t in words if t.caps) >= 0.8 * len(words)


class Joined(NamedTuple):
    """The normalised words joined by single spaces, for phrase regexes; ``starts[i]`` is token i's offset in it."""

    text: str
    starts: list[int]


def join_tokens(tokens: list[Token]) -> Joined:
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for t in tokens:
        starts.append(pos)
        parts.append(t.norm)
        pos += len(t.norm) + 1
    return Joined(" ".join(parts), starts)
