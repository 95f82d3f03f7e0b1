"""The adverse-event word lists (``resources/lexicons/pv_*.json``, ``drugs.json``) compiled for token matching.

Entries are matched on the shared tokens of :mod:`cmdesk.analysis.text`, keyed by their normalised form.
Each entry is indexed by its first word; what a word starts (exact word, word prefix, compound tail,
infix) is worked out once per distinct word by the detector and kept. Syntax of an entry: a word ending in
``*`` takes any ending, a leading ``*`` lets the first word be the tail of a compound ("*ausschlag" finds
"Hautausschlag"), both make it an infix, `` ... `` skips up to five words and ``#`` (not as the first word)
stands for any number ("back at # on the same dose"). See docs/pv-detection.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from cmdesk.analysis.text import Token, tokenize
from cmdesk.paths import resources_dir

SERIOUSNESS_HINTS: Final = (
    "death",
    "life_threatening",
    "hospitalisation",
    "disability",
    "congenital_anomaly",
    "other_medically_important",
)
SPECIAL_SITUATIONS: Final = (
    "pregnancy",
    "breastfeeding",
    "overdose",
    "misuse_abuse",
    "off_label",
    "lack_of_efficacy",
    "medication_error",
    "product_quality",
    "child_exposure",
)

# Lexicon keys (flat lists) and the evidence kind their matches produce.
FLAT_KINDS: Final = {
    "not_events": "figure",
    "ae_words": "ae_word",
    "temporal_cues": "cue_temporal",
    "attribution_cues": "cue_causal",
    "causal_cues": "cue_causal",
    "leaflet_talk": "hypothetical",
    "hypotheticals": "hypothetical",
    "experience_cues": "experience",
    "conditions": "condition",
    "symptoms": "event",
    "body_complaints": "complaint",
    "body_parts": "body_part",
    "drugs": "drug",
    "generic_products": "drug",
    "negations": "negation",
}
# Order matters: where several entries start at one token, the first category wins, so specific phrases
# ("no appetite", "keine Wirkung", "can cause") come before the short words they start with ("no", "can").
# Look-alikes come first of all: "fell over laughing", "keinen Geschmack mehr am Leben", "Paket ... falsch
# beschriftet" use up their words, so the event or situation they contain ("fell over", "keinen Geschmack mehr",
# "falsch beschriftet") cannot start there, while the short entry still finds "I fell over" or "Die Packung
# Cardiolin war falsch beschriftet". Narrowing the short entry instead would lose those reports.
MAIN_ORDER: Final = (
    "not_events",
    "special",
    "leaflet_talk",
    "hypotheticals",
    "ae_words",
    "temporal_cues",
    "attribution_cues",
    "causal_cues",
    "experience_cues",
    "conditions",
    "symptoms",
    "body_complaints",
    "body_parts",
    "drugs",
    "generic_products",
    "negations",
)

GAP_WORDS: Final = 5  # " ... " in an entry: up to this many words in between
_EXACT, _PREFIX, _SUFFIX, _INFIX, _GAP, _NUMBER = range(6)
# "#" in an entry: any number token ("160/100" is two, "7,9" one). A value tells "back at 160/100" from "back
# at work", and no word list can spell the values; whether a value is high the lexicon cannot say.
NUMBER_WORD: Final = "#"
EXACT: Final = _EXACT  # the step mode of a plain word, for the detector's quick checks
# A causal cue is context, not evidence: the words in its gap are scanned for evidence too.
_RESUME_INSIDE: Final = frozenset({"cue_causal"})

Step = tuple[int, str]  # (mode, normalised word)


@dataclass(frozen=True)
class Entry:
    """One compiled lexicon entry: the steps after its first word, and what a match is evidence of."""

    rest: tuple[Step, ...]
    kind: str
    label: str
    needs: frozenset[str] = frozenset()  # exact words of ``rest``: a message without them is skipped at once
    gapped: bool = False  # has " ... ": worth the ``needs`` check before trying every gap length
    # A cue's gap may hold the event it is about ("das an der Übelkeit liegen"): the scan goes on after the
    # words before the gap (this many tokens from the first), not after the whole match. 0: after the match.
    resume: int = 0


Indexed = tuple[int, int, Entry]  # (category number, order of addition, entry)


@dataclass
class Phrases:
    """Entries of several categories indexed by their first word; earlier categories win at one token."""

    exact: dict[str, list[Indexed]] = field(default_factory=dict)
    prefix: dict[str, list[Indexed]] = field(default_factory=dict)
    suffix: dict[str, list[Indexed]] = field(default_factory=dict)
    infix: list[tuple[str, Indexed]] = field(default_factory=list)
    categories: int = 0
    _added: int = 0
    _key_lengths: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)

    def add(self, raw_entries: Iterable[str], kind: str, label: str) -> None:
        """Add one category's entries; call in priority order."""
        category = self.categories
        self.categories += 1
        for raw in raw_entries:
            for steps in compile_entry(raw):
                self._added += 1
                mode, word = steps[0]
                rest = steps[1:]
                needs = frozenset(word for mode, word in rest if mode == _EXACT)
                gapped = any(mode == _GAP for mode, _ in rest)
                resume = 1 + rest.index((_GAP, "")) if gapped and kind in _RESUME_INSIDE else 0
                indexed = (category, self._added, Entry(rest, kind, label, needs, gapped, resume))
                if mode == _EXACT:
                    self.exact.setdefault(word, []).append(indexed)
                elif mode == _PREFIX:
                    self.prefix.setdefault(word, []).append(indexed)
                elif mode == _SUFFIX:
                    self.suffix.setdefault(word, []).append(indexed)
                else:
                    self.infix.append((word, indexed))

    def _lengths(self, index: dict[str, list[Indexed]]) -> tuple[int, ...]:
        """The distinct key lengths of a prefix or suffix index: a new word only tries those cuts."""
        key = id(index), len(index)
        found = self._key_lengths.get(key)
        if found is None:
            found = self._key_lengths[key] = tuple(sorted({len(k) for k in index}))
        return found

    def starting_with(self, norm: str) -> tuple[Entry, ...]:
        """Entries whose first word matches the token ``norm``, best first (PvLexicon caches this per word)."""
        ranked: list[Indexed] = list(self.exact.get(norm, ()))
        if norm.endswith("'s"):  # "Lexapro's", "medicine's"
            ranked.extend(self.exact.get(norm[:-2], ()))
        size = len(norm)
        for length in self._lengths(self.prefix):
            if length <= size:
                ranked.extend(self.prefix.get(norm[:length], ()))
        for length in self._lengths(self.suffix):
            if length <= size:
                ranked.extend(self.suffix.get(norm[size - length :], ()))
        ranked.extend(indexed for word, indexed in self.infix if word in norm)
        # Category first, then the longest phrase of it, then the order of the list.
        ranked.sort(key=lambda r: (r[0], -len(r[2].rest), r[1]))
        return tuple(dict.fromkeys(entry for _, _, entry in ranked))


def step_matches(step: Step, norm: str) -> bool:
    """Whether one word step of an entry matches a token's normalised form."""
    mode, word = step
    return (
        norm == word
        or (norm.endswith("'s") and norm[:-2] == word)  # "anyone else's"
        or (mode == _PREFIX and norm.startswith(word))
        or (mode == _SUFFIX and norm.endswith(word))
        or (mode == _INFIX and word in norm)
        or (mode == _NUMBER and norm[:1].isdigit())
    )


def match_rest(tokens: Sequence[Token], start: int, rest: tuple[Step, ...]) -> int:
    """Index after the last token if ``rest`` matches from token ``start`` on, else -1."""
    j = start
    n = len(tokens)
    for k, step in enumerate(rest):
        if step[0] == _GAP:
            return _match_gap(tokens, j, rest[k + 1 :])
        if j >= n:
            return -1
        norm = tokens[j].norm
        if norm != step[1] and not step_matches(step, norm):  # most steps are exact: compare before the call
            return -1
        j += 1
    return j


def viable(entries: tuple[Entry, ...], following: str) -> tuple[Entry, ...]:
    """The entries that can still match when the next token has the form ``following`` ("" at the end)."""
    return tuple(
        e for e in entries if not e.rest or e.rest[0][0] == _GAP or (following and step_matches(e.rest[0], following))
    )


# Words whose full stop is an abbreviation's, not a sentence's: "laut Dr. Meier", "ca. 1 Std. danach",
# "approx. 10 lbs"; a single letter ("z.B.", "e.g.") is one too.
ABBREVIATIONS: Final = frozenset(
    {
        "dr",
        "prof",
        "ca",
        "bzw",
        "lt",
        "std",
        "min",
        "sek",
        "evtl",
        "ggf",
        "inkl",
        "usw",
        "vgl",
        "bspw",
        "nr",
        "tbl",
        "approx",
        "etc",
        "vs",
        "mr",
        "mrs",
        "ms",
        "st",
        "hr",
        "hrs",
        "wk",
        "wks",
        "mo",
        "mos",
        "yr",
        "yrs",
    }
)


def _ends_sentence(tokens: Sequence[Token], j: int) -> bool:
    """A gap never crosses the end of a sentence: "!", "?" or a full stop, but not an ellipsis "..." (a
    pause), the stop of an ordinal ("nach der 2. Impfung") or of an abbreviation ("Dr.", "z.B.", "ca.")."""
    raw = tokens[j].raw
    if "?" in raw or "!" in raw:
        return True
    if raw != ".":
        return False
    if j == 0:
        return True
    before = tokens[j - 1]
    return not (
        before.kind == "number" or (before.kind == "word" and (len(before.norm) == 1 or before.norm in ABBREVIATIONS))
    )


def _match_gap(tokens: Sequence[Token], start: int, rest: tuple[Step, ...]) -> int:
    """Shortest gap of at most GAP_WORDS words (not crossing a sentence end) after which ``rest`` matches."""
    if not rest or rest[0][0] == _GAP:
        return _match_gap_general(tokens, start, rest)
    # The rest can only match where its first word does: check that word at each place before the full match.
    first = rest[0]
    word = first[1]
    words = 0
    for j in range(start, len(tokens)):
        t = tokens[j]
        norm = t.norm
        if norm == word or step_matches(first, norm):
            end = match_rest(tokens, j, rest)
            if end >= 0:
                return end
        if t.kind == "punct":
            if _ends_sentence(tokens, j):
                return -1
        else:
            words += 1
            if words > GAP_WORDS:
                return -1
    return -1


def _match_gap_general(tokens: Sequence[Token], start: int, rest: tuple[Step, ...]) -> int:
    """:func:`_match_gap` for a rest that is empty or starts with another gap."""
    words = 0
    j = start
    n = len(tokens)
    while j <= n:
        end = match_rest(tokens, j, rest)
        if end >= 0:
            return end
        if j == n:
            return -1
        t = tokens[j]
        if t.kind == "punct":
            if _ends_sentence(tokens, j):
                return -1
        else:
            words += 1
            if words > GAP_WORDS:
                return -1
        j += 1
    return -1


# --------------------------------------------------------------------------- compiling entries


def _spellings(entry: str) -> set[str]:
    """The entry and, for German, its spelling with plain vowels ("übel" -> "ubel"; "uebel" comes from folding)."""
    entry = entry.strip().lower().replace("’", "'")
    spellings = {entry}
    if any(ch in entry for ch in "äöü"):
        spellings.add(entry.replace("ä", "a").replace("ö", "o").replace("ü", "u"))
    return spellings


def compile_entry(raw: str) -> list[tuple[Step, ...]]:
    """All step sequences of one lexicon entry (one per spelling), empty if it has no words."""
    out: list[tuple[Step, ...]] = []
    for spelling in sorted(_spellings(raw)):
        steps: list[Step] = []
        for part_index, part in enumerate(spelling.strip().split(" ... ")):
            if part_index:
                steps.append((_GAP, ""))
            for word in part.split():
                if word == NUMBER_WORD:
                    if not steps:  # the index needs a word to start from: a number cannot start an entry
                        raise ValueError(f"lexicon entry {raw!r} starts with {NUMBER_WORD!r}")
                    steps.append((_NUMBER, NUMBER_WORD))
                    continue
                if NUMBER_WORD in word:  # "#*", "*#", "#mg": a typo that would silently never match
                    raise ValueError(f"lexicon entry {raw!r}: {NUMBER_WORD!r} must stand alone, not in {word!r}")
                norms = [t.norm for t in tokenize(word.strip("*"))]
                if not norms:  # "*", "-": a step that matches nothing would drop out of the entry unseen
                    raise ValueError(f"lexicon entry {raw!r}: {word!r} has no word to match")
                word_steps = [(_EXACT, norm) for norm in norms]
                if word.endswith("*"):
                    word_steps[-1] = (_PREFIX, norms[-1])
                if word.startswith("*") and not steps:  # only the first word may be a compound's tail
                    word_steps[0] = (_INFIX if len(norms) == 1 and word.endswith("*") else _SUFFIX, norms[0])
                steps.extend(word_steps)
        if not any(mode != _GAP for mode, _ in steps):
            continue
        out.append(tuple(steps))
        # Lay writers drop the apostrophe of "n't": "can't sleep" also finds "cant sleep".
        if any(word.endswith("n't") for _, word in steps):
            out.append(tuple((mode, w[:-3] + "nt" if w.endswith("n't") else w) for mode, w in steps))
    return out


# --------------------------------------------------------------------------- the compiled lexicon


_PAIRS_MAX = 200_000


@dataclass(frozen=True)
class PvLexicon:
    """One language choice's compiled lists: the main scan, seriousness hints and first-person words."""

    main: Phrases
    seriousness: Phrases
    first_person: Phrases
    # (norm, next norm) -> (main, seriousness) entries still viable: most phrases fail on their second word
    pairs: dict[tuple[str, str], tuple[tuple[Entry, ...], tuple[Entry, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def lookup(self, norm: str) -> tuple[tuple[Entry, ...], tuple[Entry, ...], bool]:
        """(main entries, seriousness entries, is a first-person word) for a token of this form; not cached.

        A first-person phrase ("my son") counts by its first word, which is always a first-person word.
        """
        return (
            self.main.starting_with(norm),
            self.seriousness.starting_with(norm),
            bool(self.first_person.starting_with(norm)),
        )

    def viable_pair(
        self, key: tuple[str, str], main: tuple[Entry, ...], serious: tuple[Entry, ...]
    ) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
        """The entries of ``main`` and ``serious`` (those of ``key[0]``) viable before ``key[1]``; cached."""
        found = self.pairs.get(key)
        if found is None:
            found = viable(main, key[1]), viable(serious, key[1])
            if len(self.pairs) >= _PAIRS_MAX:
                self.pairs.clear()
            self.pairs[key] = found
        return found


@cache
def _raw(name: str) -> dict[str, Any]:
    with (resources_dir() / "lexicons" / f"{name}.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _merged(languages: tuple[str, ...]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for language in languages:
        for key, value in _raw(f"pv_{language}").items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                target = merged.setdefault(key, {})
                for sub, entries in value.items():
                    target.setdefault(sub, []).extend(entries)
    merged["drugs"] = list(_raw("drugs").get("drugs", []))
    return merged


def _phrases(categories: Iterable[tuple[list[str], str, str]]) -> Phrases:
    phrases = Phrases()
    for entries, kind, label in categories:
        phrases.add(entries, kind, label)
    return phrases


@cache
def lexicon(language: str) -> PvLexicon:
    """The compiled lists for "de", "en" or "other" (both languages)."""
    languages = (language,) if language in ("de", "en") else ("de", "en")
    data = _merged(languages)
    main: list[tuple[list[str], str, str]] = []
    for key in MAIN_ORDER:
        if key == "special":
            specials = data.get("special_situations", {})
            main.extend((specials.get(s, []), "special", s) for s in SPECIAL_SITUATIONS)
        else:
            main.append((data.get(key, []), FLAT_KINDS[key], key))
    serious = data.get("seriousness", {})
    return PvLexicon(
        main=_phrases(main),
        seriousness=_phrases((serious.get(h, []), "seriousness", h) for h in SERIOUSNESS_HINTS),
        first_person=_phrases([(data.get("first_person", []), "first_person", "first_person")]),
    )
