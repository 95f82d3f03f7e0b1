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
from sys import intern
from typing import Any, Final

from cmdesk.analysis.text import Token, Tokens, as_tokens, normalise, tokenize
from cmdesk.paths import resources_dir

LANGUAGES: Final = ("de", "en")

# Which lexicons a text of a language reads, primary first: German posts borrow English words
# ("cool", "sorry"), English ones rarely German; unknown languages try both.
READS: Final = {"de": ("de", "en"), "en": ("en",), "other": ("en", "de")}


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
        # Starters whose phrases all need a certain next word ("ich habe", "the pill"): norm -> those words.
        # Most visits are such common words followed by something else, passed over with one set lookup.
        self._gates: dict[str, Set[str]] = {}
        self._viable: dict[tuple[str, str], tuple[_Candidate, ...]] = {}  # (norm, next norm) -> candidates
        self.labels = tuple(dict.fromkeys([*phrases.values()]))
        # Without one-word prefixes ("beschwer*") only the first words of the phrases start one: all known now,
        # so a text needs no check for forms not seen before.
        self._static = not prefixes
        if self._static:
            for norm in index:
                self._start(norm)
        # The words a match can start with, when they are all known (no one-word prefixes); else None.
        self.first_words: frozenset[str] | None = frozenset(self._starters) if self._static else None

    def _start(self, norm: str) -> _Start | tuple[()]:
        candidates = tuple(self._index.get(norm, ()))
        labels = tuple(label for prefix, ls in self._prefixes.items() if norm.startswith(prefix) for label in ls)
        found: _Start | tuple[()] = ()
        if candidates or labels:
            # Candidates are longest first, so the one-word phrases (no rest) come last: they are what is left
            # when the next word starts no longer phrase. Phrases whose second word is exact are indexed by that
            # word; a two-word phrase with a wildcard ("sehr gut*") needs the general filter, per next word.
            tail = tuple(c for c in candidates if not c[0])
            general = any(c[2] and len(c[0]) == 1 for c in candidates)
            by_next: dict[str, tuple[_Candidate, ...]] = {}
            if not general:
                for word in dict.fromkeys(c[0][0] for c in candidates if c[0]):
                    by_next[word] = tuple(c for c in candidates if c[0] and c[0][0] == word) + tail
            found = (candidates, labels, by_next, tail, general)
        self._starts[norm] = found
        self._seen.add(norm)
        if found:
            self._starters.add(norm)
            if not (found[1] or found[3] or found[4]):  # no prefix labels, no one-word phrase, no wildcard pair
                self._gates[norm] = found[2].keys()
        return found

    def _learn(self, norms: Set[str]) -> None:
        """Judge the forms of one text not seen before; when the memo is full, start afresh first.

        Never in the middle of a text: a memo emptied halfway would forget the text's first words, and the
        same text would read differently depending on what came before it.
        """
        unseen = norms - self._seen
        if len(self._starts) + len(unseen) > _STARTS_MAX:
            self._starts.clear()
            self._seen.clear()
            self._starters.clear()
            self._gates.clear()
            self._viable.clear()
            unseen = norms
        for norm in unseen:
            self._start(norm)

    def _general(self, norm: str, following: str, candidates: tuple[_Candidate, ...]) -> tuple[_Candidate, ...]:
        """The candidates of ``norm`` that can match before ``following``, in order; kept per pair of words."""
        key = (norm, following)
        viable = self._viable.get(key)
        if viable is None:
            viable = tuple(
                c
                for c in candidates
                if not c[0] or following == c[0][0] or (c[2] and len(c[0]) == 1 and following.startswith(c[0][0]))
            )
            if len(self._viable) >= _STARTS_MAX:
                self._viable.clear()
            self._viable[key] = viable
        return viable

    def find(self, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
        """(label, first token index, last token index + 1) of every match; the longest per start."""
        found: list[tuple[str, int, int]] = []
        toks = tokens if type(tokens) is Tokens else as_tokens(tokens)
        norms = toks.norms
        if not self._static and not norms <= self._seen:
            self._learn(norms)
        present = norms & self._starters
        if not present:
            return found
        starts = self._starts
        gates = self._gates
        norm_list = toks.norm_list
        n = len(norm_list)
        last = n - 1
        for i, norm in enumerate(norm_list):  # a plain loop: compress() over map() costs more in C calls
            if norm not in present:
                continue
            gate = gates.get(norm)
            if gate is not None and (i == last or norm_list[i + 1] not in gate):
                continue  # nothing starting here goes on with the next word
            start = starts.get(norm) or self._start(norm)
            if not start:
                continue
            candidates, labels, by_next, tail, general = start
            if candidates:
                # Only the candidates the next word allows are tried; the first that matches wins.
                if i + 1 < n:
                    following = norm_list[i + 1]
                    viable = self._general(norm, following, candidates) if general else by_next.get(following, tail)
                else:
                    viable = tail
                for rest, label, wildcard in viable:
                    end = i + 1 + len(rest)
                    if end <= i + 2 or (end <= n and _matches(norm_list, i + 1, rest, wildcard)):
                        found.append((label, i, end))
                        break
            if labels:
                for label in labels:
                    found.append((label, i, i + 1))
        return found

    def any(self, tokens: Sequence[Token], label: str | None = None) -> bool:
        return any(label in (None, found) for found, _, _ in self.find(tokens))


_Candidate = tuple[tuple[str, ...], str, bool]  # (words after the first, label, last word is a wildcard)
# (candidates longest first, labels of one-word prefixes, candidates by next word, one-word candidates,
# whether a wildcard two-word phrase needs the general filter)
_Start = tuple[tuple[_Candidate, ...], tuple[str, ...], dict[str, tuple[_Candidate, ...]], tuple[_Candidate, ...], bool]
_STARTS_MAX = 100_000


def _matches(norms: Sequence[str], start: int, rest: tuple[str, ...], wildcard: bool) -> bool:
    last = len(rest) - 1
    for j, word in enumerate(rest):
        norm = norms[start + j]
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
    intensifier_words: frozenset[str] = frozenset()  # the keys of ``intensifiers``: a text is checked in one set op
    # words that may follow a German trailing negator and still let it negate the praise before it
    # ("passt nicht zur Packung", "wirkt nicht mehr"); "nicht nur" is not among them
    after_trailing_negator: frozenset[str] = frozenset()
    not_only: frozenset[str] = frozenset()  # after a negator, they make it no negation: "nicht nur", "not only"
    clause_openers: frozenset[str] = frozenset()  # "und", "weil": a trailing negator after one is the next clause's


@dataclass(frozen=True)
class EmojiLexicon:
    symbols: dict[str, tuple[float, str]]  # emoji or emoticon -> (valence, emotion or "")


def _load(name: str) -> dict[str, Any]:
    with (resources_dir() / "lexicons" / name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _key(word: str) -> str:
    """A word's lexicon key: normalised and interned, so a token's (interned) norm finds it by identity."""
    return intern(normalise(word))


def _keyed(words: Mapping[str, Any]) -> dict[str, Any]:
    return {_key(k): v for k, v in words.items()}


def _optional_words(files: list[dict[str, Any]], key: str) -> frozenset[str]:
    """The keys of a word list that a mood file may leave out, from every file a language reads."""
    return frozenset(_key(w) for data in files for w in data.get(key, []))


@cache
def mood(language: str) -> MoodLexicon:
    """The mood lexicon a text in ``language`` ("de", "en", "other") reads: its own, then borrowed ones."""
    files = [_load(f"mood_{code}.json") for code in READS.get(language, READS["other"])]
    words: dict[str, float] = {}
    emotions: dict[str, str] = {}
    intensifiers: dict[str, float] = {}
    heads: dict[str, float] = {}
    phrases: dict[str, str] = {}
    for data in files[::-1]:  # the primary language is applied last and wins (mypyc fails on reversed() here)
        words.update({k: float(v) for k, v in _keyed(data["words"]).items()})
        emotions.update({_key(w): emotion for emotion, ws in data["emotions"].items() for w in ws})
        intensifiers.update({k: float(v) for k, v in _keyed(data["intensifiers"]).items()})
        heads.update({k: float(v) for k, v in _keyed(data.get("compound_heads", {})).items()})
        phrases.update({p: str(float(v)) for p, v in data["phrases"].items()})
    return MoodLexicon(
        words=words,
        emotions=emotions,
        negators=frozenset(_key(w) for data in files for w in data["negators"]),
        intensifiers=intensifiers,
        contrast=frozenset(_key(w) for data in files for w in data["contrast"]),
        compound_heads=heads,
        phrases=PhraseSet(phrases),
        sarcasm=PhraseSet({p: "sarcasm" for data in files for p in data["sarcasm"]}),
        intensifier_words=frozenset(intensifiers),
        after_trailing_negator=_optional_words(files, "after_trailing_negator"),
        not_only=_optional_words(files, "not_only"),
        clause_openers=_optional_words(files, "clause_openers"),
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
            merged.setdefault(label, set()).update(_key(w) for w in words)
    return {label: frozenset(words) for label, words in merged.items()}
