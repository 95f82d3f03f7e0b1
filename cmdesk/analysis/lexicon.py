"""The hand-written word lists in ``resources/lexicons``, loaded once per process and compiled for speed.

Words are keyed by their normalised form (see :mod:`cmdesk.analysis.text`), so a list may
spell "schön" with an umlaut and still match "schoen". Multi-word phrases are matched token by
token from a dict keyed by their first word; which words start a phrase is learnt per word, so a
text is first checked with one set intersection and only the tokens that start a phrase are visited.
A trailing ``*`` in a phrase matches any ending of its last word.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache
from typing import Any

from cmdesk.analysis.text import Token, as_tokens, indexes_of, normalise, tokenize
from cmdesk.paths import resources_dir

LANGUAGES = ("de", "en")

# Which lexicons a text of a language reads, primary first: German posts borrow English words
# ("cool", "sorry"), English ones rarely German; unknown languages try both.
READS = {"de": ("de", "en"), "en": ("en",), "other": ("en", "de")}


class PhraseSet:
    """Phrases with labels, matched on normalised tokens."""

    def __init__(self, phrases: Mapping[str, str]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        prefixes: dict[str, list[str]] = {}
        for phrase, label in phrases.items():
            wildcard = phrase.endswith("*")
            words = tuple(t.norm for t in tokenize(phrase.rstrip("*")))
            if not words:
                continue
            if len(words) == 1 and wildcard:
                prefixes.setdefault(words[0], []).append(label)
            else:
                index.setdefault(words[0], []).append((words[1:], label, wildcard))
        for candidates in index.values():
            candidates.sort(key=lambda c: len(c[0]), reverse=True)  # longest phrase first
        self._index = index
        self._prefixes = prefixes
        # norm -> (phrases starting with it, labels of the one-word prefixes it has); () for most words
        self._starts: dict[str, _Start | tuple[()]] = {}
        self._seen: set[str] = set()  # the keys of _starts: a set, so the difference below costs O(len(norms))
        self._starters: set[str] = set()  # the norms seen so far that start something
        self.labels = tuple(dict.fromkeys([*phrases.values()]))

    def _start(self, norm: str) -> _Start | tuple[()]:
        candidates = tuple(self._index.get(norm, ()))
        labels = tuple(label for prefix, ls in self._prefixes.items() if norm.startswith(prefix) for label in ls)
        found: _Start | tuple[()] = (candidates, labels) if candidates or labels else ()
        if len(self._starts) >= _STARTS_MAX:
            self._starts.clear()
            self._seen.clear()
            self._starters.clear()
        self._starts[norm] = found
        self._seen.add(norm)
        if found:
            self._starters.add(norm)
        return found

    def starters_in(self, norms: Set[str]) -> Set[str]:
        """Which of these normalised words start a phrase: two set operations once every word has been seen."""
        for norm in norms - self._seen:
            self._start(norm)
        return norms & self._starters

    def find(self, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
        """(label, first token index, last token index + 1) of every match; the longest per start."""
        found: list[tuple[str, int, int]] = []
        toks = as_tokens(tokens)
        present = self.starters_in(toks.norms)
        if not present:
            return found
        starts = self._starts
        n = len(tokens)
        for i in indexes_of(toks, present):
            t = tokens[i]
            start = starts.get(t.norm) or self._start(t.norm)
            if not start:
                continue
            candidates, labels = start
            for rest, label, wildcard in candidates:
                end = i + 1 + len(rest)
                if not rest:
                    found.append((label, i, end))
                    break
                if end > n:
                    continue
                # Most candidates fail on the next word: check it here before the general match.
                following = tokens[i + 1].norm
                if following != rest[0] and not (wildcard and end == i + 2 and following.startswith(rest[0])):
                    continue
                if end == i + 2 or _matches(tokens, i + 1, rest, wildcard):
                    found.append((label, i, end))
                    break
            if labels:
                found.extend((label, i, i + 1) for label in labels)
        return found

    def any(self, tokens: Sequence[Token], label: str | None = None) -> bool:
        return any(label in (None, found) for found, _, _ in self.find(tokens))


_Start = tuple[tuple[tuple[tuple[str, ...], str, bool], ...], tuple[str, ...]]
_STARTS_MAX = 100_000


def _matches(tokens: Sequence[Token], start: int, rest: tuple[str, ...], wildcard: bool) -> bool:
    last = len(rest) - 1
    for j, word in enumerate(rest):
        norm = tokens[start + j].norm
        if norm != word and not (wildcard and j == last and norm.startswith(word)):
            return False
    return True


@dataclass(frozen=True)
class MoodLexicon:
    """Everything mood scoring needs for one language (or a merge of several, primary winning)."""

    words: dict[str, float]  # valence -4 .. 4
    emotions: dict[str, str]  # word -> Emotion value
    negators: frozenset[str]
    intensifiers: dict[str, float]  # +0.3 boosts, -0.3 dampens
    contrast: frozenset[str]  # "but", "aber": what follows counts more
    compound_heads: dict[str, float]  # German compound endings ("schmerzen") and their valence
    phrases: PhraseSet  # label = valence as text
    sarcasm: PhraseSet


@dataclass(frozen=True)
class EmojiLexicon:
    symbols: dict[str, tuple[float, str]]  # emoji or emoticon -> (valence, emotion or "")


def _load(name: str) -> dict[str, Any]:
    with (resources_dir() / "lexicons" / name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _keyed(words: Mapping[str, Any]) -> dict[str, Any]:
    return {normalise(k): v for k, v in words.items()}


@cache
def mood(language: str) -> MoodLexicon:
    """The mood lexicon a text in ``language`` ("de", "en", "other") reads: its own, then borrowed ones."""
    files = [_load(f"mood_{code}.json") for code in READS.get(language, READS["other"])]
    words: dict[str, float] = {}
    emotions: dict[str, str] = {}
    intensifiers: dict[str, float] = {}
    heads: dict[str, float] = {}
    phrases: dict[str, str] = {}
    for data in reversed(files):  # the primary language is applied last and wins
        words.update({k: float(v) for k, v in _keyed(data["words"]).items()})
        emotions.update({normalise(w): emotion for emotion, ws in data["emotions"].items() for w in ws})
        intensifiers.update({k: float(v) for k, v in _keyed(data["intensifiers"]).items()})
        heads.update({k: float(v) for k, v in _keyed(data.get("compound_heads", {})).items()})
        phrases.update({p: str(float(v)) for p, v in data["phrases"].items()})
    return MoodLexicon(
        words=words,
        emotions=emotions,
        negators=frozenset(normalise(w) for data in files for w in data["negators"]),
        intensifiers=intensifiers,
        contrast=frozenset(normalise(w) for data in files for w in data["contrast"]),
        compound_heads=heads,
        phrases=PhraseSet(phrases),
        sarcasm=PhraseSet({p: "sarcasm" for data in files for p in data["sarcasm"]}),
    )


@cache
def emoji() -> EmojiLexicon:
    data = _load("emoji.json")
    symbols: dict[str, tuple[float, str]] = {}
    for symbol, (valence, emotion) in data["emoji"].items():
        symbols[symbol.replace("\ufe0f", "")] = (float(valence), str(emotion))
    for symbol, (valence, emotion) in data["emoticons"].items():
        symbols[symbol.replace("-", "").lower()] = (float(valence), str(emotion))
    return EmojiLexicon(symbols)


@cache
def intent() -> PhraseSet:
    """Intent cue phrases of all languages (posts mix them), labelled by cue kind (question, complaint ...)."""
    cues: dict[str, str] = {}
    for language in LANGUAGES:
        for label, phrases in _load(f"intent_{language}.json")["cues"].items():
            cues.update(dict.fromkeys(phrases, label))
    return PhraseSet(cues)


@cache
def intent_words() -> dict[str, frozenset[str]]:
    """Single-word cue lists of all languages (e.g. question words that open a question)."""
    merged: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for label, words in _load(f"intent_{language}.json")["words"].items():
            merged.setdefault(label, set()).update(normalise(w) for w in words)
    return {label: frozenset(words) for label, words in merged.items()}
