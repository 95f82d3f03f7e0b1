"""Tokens with offsets into the original text, and the normalised forms lexicons are keyed by.

Offsets always point into the text the user sees, so evidence can be highlighted there;
normalisation (lowercase, umlaut folding, elongation) only affects the lookup keys, so
"schön", "schoen" and "SCHÖÖÖN" all find the same lexicon entry.

The analysis reads a text once, through :func:`scan`: its tokens are the run cache's own, shared by every
text, and a token's text offset is ``tokens.bases[i] + token.start`` (:meth:`Tokens.start`), so no token is
built per text. :func:`tokenize` gives the same tokens with their text offsets built in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from sys import intern
from typing import Final, NamedTuple

from mypy_extensions import mypyc_attr

# Mood and intent look at this much text at most: a 1 MB paste must not freeze the queue.
MAX_ANALYSED_CHARS: Final = 20_000

_EMOJI: Final = (
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f]?)*"
)
# Alternatives in order of frequency: words first (the regex tries them left to right at each position).
_TOKEN_RE: Final = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<punct>[?!]+|[.,]+|[;:](?![\-o'^]?[()\[\]dDpP/\\|*@3]))"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    rf"|(?P<emoji>{_EMOJI})"
    r"|(?P<emoticon>(?<![\w/])(?:[:;=][\-o'^]?[()\[\]dDpP/\\|*@3]+|[)(][\-o]?[:;=]|<3+|</3)(?!\w))"
    r"|(?P<sarcasm>(?<!\S)/s(?!\w))"
)
_LAUGH: Final = re.compile(r"[xX]D+")
_FOLD: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'", "é": "e", "è": "e"})
_RUN3: Final = re.compile(r"(.)\1{2,}")
_SKIN: Final = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]")


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
    """(raw, norm, kind, caps, elongated) of one token's text: everything but its offsets.

    Norms are interned, and a raw text equal to its norm ("ich") is the norm object itself: why, see _split.
    """
    if kind == "word":
        if raw[0] in "xX" and _LAUGH.fullmatch(raw):
            return (raw, "xd", "emoticon", False, False)
        norm, elongated = _normalise_word(raw)
        norm = intern(norm)
        return (norm if raw == norm else raw, norm, kind, len(raw) > 1 and raw.isupper(), elongated)
    if kind == "emoji":
        norm = intern(_SKIN.sub("", raw))
    elif kind == "emoticon":
        norm = intern(raw.lower().replace("-", ""))
    else:
        norm = intern(raw.lower())
    return (norm if raw == norm else raw, norm, kind, False, False)


# How a run of non-space characters splits into tokens depends on that run alone (the patterns only look
# across its ends at whitespace or the end of the text, which they treat alike), so the split is cached by
# run: most runs ("Kopfschmerzen", "normal??") recur, and then cost one dict lookup instead of a regex scan.
# The cached tokens carry offsets into the run, and are shared by every text the run occurs in: a text's
# tokens only add where each run starts (Tokens.bases). Runs with links are unique and not kept; the cache is
# emptied when it grows past its bound.
# (the token if the run is one, its tokens, facts, indexes of its punctuation tokens, number of its links);
# facts is 0 for most runs, else _STRETCHED | _MARKS | _LINKS, so a plain word costs a single test
_Split = tuple[Token | None, tuple[Token, ...], int, tuple[int, ...], int]
_STRETCHED: Final = 1
_MARKS: Final = 2
_LINKS: Final = 4
_RUNS: dict[str, _Split] = {}
_WORDS: dict[str, Token] = {}  # the runs that are one plain token (most), straight to their token
_RUNS_MAX = 100_000
_new_token: Final = tuple.__new__
_NORM: Final = itemgetter(3)  # Token.norm, for C-level maps over a token list


def _split_run(part: str, start: int, end: int) -> _Split:
    parts = tuple(
        _new_token(Token, (m.start() - start, m.end() - start, *_tail(m.group(), m.lastgroup or "punct")))
        for m in _TOKEN_RE.finditer(part, start, end)
    )
    marks = tuple(k for k, t in enumerate(parts) if t.kind == "punct")
    links = sum(1 for t in parts if t.kind == "url")
    stretched = any(t.elongated for t in parts)
    facts = (_STRETCHED if stretched else 0) | (_MARKS if marks else 0) | (_LINKS if links else 0)
    return (parts[0] if len(parts) == 1 else None), parts, facts, marks, links


# A list subclass: mypyc compiles it as an ordinary Python class (it cannot make a native one of list).
@mypyc_attr(native_class=False)
class Tokens(list[Token]):
    """The tokens of one text, and facts every analysis step asks about them, worked out once.

    A token's offsets count from ``bases[i]``: the text offset is ``bases[i] + token.start`` (and ``.end``).
    :func:`tokenize` gives tokens with text offsets (all bases 0); :func:`scan`, which the analysis uses,
    gives the tokens of its run cache, offsets into their run, so no token is built per text.
    ``norms`` (the set of normalised forms) lets a step compare a whole text with a lexicon in one set
    operation and then visit only the tokens that can match (:func:`indexes_of`); ``norm_list`` holds the
    forms in token order, so such scans run in C. ``puncts`` (indexes of the punctuation tokens) gives every
    step the sentence marks without walking all tokens again; ``links`` counts the URL tokens. ``positions``
    (form -> token indexes) is worked out only when asked for. Do not change the list after it is built.
    """

    __slots__ = ("_positions", "bases", "elongated", "links", "norm_list", "norms", "puncts")
    _positions: dict[str, list[int]] | None
    bases: list[int]
    norm_list: list[str]
    norms: frozenset[str]
    elongated: bool
    puncts: list[int]
    links: int

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        super().__init__(tokens)
        self._positions = None
        self.bases = [0] * len(self)
        self.norm_list = list(map(_NORM, self))
        self.norms = frozenset(self.norm_list)
        self.elongated = any(t.elongated for t in self)  # some word had a run of three or more equal letters
        self.puncts = [i for i, t in enumerate(self) if t.kind == "punct"]
        self.links = sum(1 for t in self if t.kind == "url")

    @property
    def positions(self) -> dict[str, list[int]]:
        """Normalised form -> indexes of its tokens, in text order."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for i, norm in enumerate(self.norm_list):
                positions.setdefault(norm, []).append(i)
            self._positions = positions
        return self._positions

    def start(self, i: int) -> int:
        """Text offset where token ``i`` starts."""
        return self.bases[i] + self[i].start

    def end(self, i: int) -> int:
        """Text offset where token ``i`` ends."""
        return self.bases[i] + self[i].end


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """``tokens`` as :class:`Tokens` (itself if it is one already)."""
    return tokens if type(tokens) is Tokens else Tokens(tokens)


def indexes_of(tokens: Tokens, norms: Iterable[str]) -> list[int]:
    """The indexes of the tokens with one of these normalised forms, in text order.

    One C-level pass over the forms: cheaper than a Python loop, and than keeping an index of every form.
    """
    wanted = norms if isinstance(norms, _SETS) else frozenset(norms)
    norm_list = tokens.norm_list
    return list(compress(range(len(norm_list)), map(wanted.__contains__, norm_list)))


_SETS: Final = (set, frozenset)


def scan(text: str, limit: int = MAX_ANALYSED_CHARS) -> Tokens:
    """Tokens of the first ``limit`` characters as the analysis reads them: offsets count from ``bases``.

    Most runs are one plain word the cache knows: one lookup and two appends. The other runs ("gut,",
    "normal??", links) are split by :func:`_split`, which also notes their punctuation and links.
    A run is taken to start one character after the previous one ends: almost every post has single spaces,
    and ``str.find`` per run would cost more than the rest of the loop (its arguments are parsed the slow
    way). The guess holds for every run exactly when the last one ends where the text does; else the starts
    are found again (:func:`_found_starts`).
    Pass the result itself on: a plain list of its tokens has lost ``bases``, and with it the text offsets.
    """
    part = text if len(text) <= limit else text[:limit]
    runs = part.split()
    tokens = Tokens.__new__(Tokens)  # an empty list; its facts are set below, as the runs are read
    append = tokens.append
    bases: list[int] = []
    base = bases.append
    puncts: list[int] = []
    elongated = False
    links = 0
    words = _WORDS
    splits = _RUNS
    end = -1
    for run in runs:
        start = end + 1  # the guess: one space before each run but the first
        end = start + len(run)
        one = words.get(run)
        if one is not None:
            append(one)
            base(start)
            continue
        _, parts, facts, marks, urls = splits.get(run) or _split(run)
        first = len(tokens)
        tokens += parts
        bases += [start] * len(parts)
        if facts:
            for m in marks:
                puncts.append(first + m)
            if facts & _STRETCHED:
                elongated = True
            links += urls
    if runs and end != len(part):  # other spacing (newlines, double spaces, leading blanks): find the starts
        bases = _found_starts(part, runs, bases)
    tokens._positions = None  # the facts, set here rather than in a helper: a call per text costs more
    tokens.bases = bases
    tokens.norm_list = norm_list = list(map(_NORM, tokens))
    tokens.norms = frozenset(norm_list)
    tokens.elongated = elongated
    tokens.puncts = puncts
    tokens.links = links
    return tokens


def _found_starts(part: str, runs: list[str], guessed: list[int]) -> list[int]:
    """``guessed`` (each token's run start as :func:`scan` guessed it) with each run's start found in ``part``.

    The guesses are distinct per run and rise, so each names its run.
    """
    found: dict[int, int] = {}
    guess_end = -1
    end = 0
    for run in runs:
        guess = guess_end + 1
        guess_end = guess + len(run)
        start = part.find(run, end)  # only whitespace lies between the previous run and this one
        end = start + len(run)
        found[guess] = start
    return [found[g] for g in guessed]


def _split(run: str) -> _Split:
    """The cached split of ``run``, worked out and kept on first sight.

    The split of a run depends on the run alone (see _RUNS), so it is worked out on the run itself.
    """
    split = _RUNS.get(run)
    if split is None:
        split = _split_run(run, 0, len(run))
        if not ("://" in run or "www." in run):
            if len(_RUNS) + len(_WORDS) >= _RUNS_MAX:
                _RUNS.clear()
                _WORDS.clear()
            if split[0] is not None and not split[2]:
                # Keyed by the token's own raw text where that is the run ("ich": also its norm), so the lookup
                # and the later reads of the norm touch one string object, not two: scanning is bound by cache
                # misses far more than by the instructions it runs.
                one = split[0]
                _WORDS[one.raw if one.raw == run else run] = one
            else:
                _RUNS[run] = split
    return split


def tokenize(text: str, limit: int = MAX_ANALYSED_CHARS) -> Tokens:
    """Tokens of the first ``limit`` characters, offsets into ``text`` itself."""
    scanned = scan(text, limit)
    tokens = Tokens.__new__(Tokens)
    tokens += [_new_token(Token, (b + t.start, b + t.end, *t[2:])) for t, b in zip(scanned, scanned.bases, strict=True)]
    tokens._positions = None
    tokens.bases = [0] * len(tokens)
    tokens.norm_list = scanned.norm_list
    tokens.norms = scanned.norms
    tokens.elongated = scanned.elongated
    tokens.puncts = scanned.puncts
    tokens.links = scanned.links
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
