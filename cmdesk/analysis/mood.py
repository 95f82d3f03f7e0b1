"""Mood of a message: a lexicon score in the spirit of VADER, for German and English social posts.

Each sentiment word or emoji has a valence; words just before it ("sehr", "slightly") scale
it, a negator within three words ("nicht gut", "not bad", but not "nicht nur") or a German
trailing "nicht" ("hilft nicht", "passt nicht zur Packung") flips it, capitals, elongations
and "!" emphasise it, and after "but"/"aber" words count more. Sarcasm markers ("na toll",
"yeah right", "/s") turn praise negative.
Every judgement keeps its evidence span so the desk can show *why*.
"""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Final

from cmdesk.analysis import build, lexicon
from cmdesk.analysis.lexicon import MoodLexicon
from cmdesk.analysis.text import Token, Tokens, as_tokens, is_shouting, scan, variants
from cmdesk.model import MoodLabel, MoodResult, Span

NEGATION_SCALAR: Final = -0.74  # VADER's: "not good" is bad, but less bad than "bad"
NEUTRAL_BAND: Final = 0.05
QUESTION_SCALAR: Final = 0.5  # "Is it ok to use ...?" asks, it does not judge
_ALPHA: Final = 15.0  # normalisation constant of VADER: score = sum / sqrt(sum^2 + alpha)
_BARRIER: Final = frozenset({".", "!", "?", ",", ";", ":"})


@lru_cache(maxsize=32768)
def _compound_valence(word: str) -> float:
    """Valence of a German compound by its known head: "Hautausschlag" -> "ausschlag"."""
    heads = lexicon.mood("de").compound_heads
    for cut in range(3, len(word) - 3):
        value = heads.get(word[cut:])
        if value is not None:
            return value
    return 0.0


_ADJECTIVE_ENDINGS: Final = ("en", "em", "er", "es", "e")


def _german_valence(word: str, lex: MoodLexicon) -> tuple[float, str]:
    """Inflected adjectives ("toller", "schlechte") by their stem, then compounds by their head."""
    if len(word) > 4:
        for ending in _ADJECTIVE_ENDINGS:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                value = lex.words.get(stem)
                if value is not None:
                    return value, lex.emotions.get(stem, "")
    if len(word) >= 8:
        return _compound_valence(word), ""
    return 0.0, ""


def _valence(token: Token, lex: MoodLexicon, german: bool) -> tuple[float, str]:
    """(valence, emotion) of one token, 0.0 if it carries no sentiment."""
    if token.kind == "word":
        words = lex.words
        value = words.get(token.norm)
        if value is not None:
            return value, lex.emotions.get(token.norm, "")
        if token.elongated:
            for key in variants(token):
                value = words.get(key)
                if value is not None:
                    return value, lex.emotions.get(key, "")
        return _german_valence(token.norm, lex) if german else (0.0, "")
    if token.kind in ("emoji", "emoticon"):
        symbols = lexicon.emoji().symbols
        found = symbols.get(token.norm) or symbols.get(token.norm[:3]) or symbols.get(token.norm[:2])
        if found is None and token.kind == "emoji":
            found = symbols.get(token.norm[:1])
        return found if found else (0.0, "")
    return 0.0, ""


_Record = tuple[float, str, int]  # (valence, emotion, _CONTRAST / _SARCASM / 0)
_CONTRAST: Final = 1
_SARCASM: Final = 2
_NOTHING: Final[_Record] = (0.0, "", 0)
_MEMO_MAX = 100_000

# What a form is for mood in one language, as bits: a text's forms are read in one pass and their bits ORed,
# instead of one set operation per question (seen? scored? a phrase start? an intensifier? a negator?), each
# a pass over the text's forms through a table of its own.
_SCORED: Final = 1  # its plain reading carries mood (learnt)
# first word of a sarcasm or mood phrase (where those are all known)
_SARCASM_START: Final = 2
_PHRASE_START: Final = 4
_BOOST: Final = 8  # intensifier or dampener
_NEGATE: Final = 16  # negator
_RELEVANT: Final = _SCORED | _SARCASM_START | _PHRASE_START  # without one of these a plain text has no mood


def _fixed_bits(norm: str, lex: MoodLexicon) -> int:
    """The bits of ``norm`` that the lexicon alone decides: all but _SCORED."""
    sarcasm, phrases = lex.sarcasm.first_words, lex.phrases.first_words
    return (
        (_SARCASM_START if sarcasm is not None and norm in sarcasm else 0)
        | (_PHRASE_START if phrases is not None and norm in phrases else 0)
        | (_BOOST if norm in lex.intensifier_words else 0)
        | (_NEGATE if norm in lex.negators else 0)
    )


@dataclass
class _Memo:
    """What each normalised form means for mood in one language, learnt as texts come in.

    ``flags`` holds the bits of each form learnt (its keys are the forms seen): a text with no form that is
    scored or starts a phrase (where all phrase starts are known: ``first_words`` is not None) has no mood,
    and is answered after one pass over its forms, before the general path and its set-up.
    """

    flags: dict[str, int] = field(default_factory=dict)  # bits of each form seen (_SCORED, _BOOST ...)
    # the plain (not elongated) reading of each scored form: only those, a small table that stays in the cache
    records: dict[str, _Record] = field(default_factory=dict)
    first_words: frozenset[str] | None = None
    lexicon: MoodLexicon | None = None  # the language's lexicon, kept here: one lookup per text finds both

    def learn(self, token: Token, lex: MoodLexicon, german: bool) -> _Record:
        record = _record(token, lex, german)
        norm = token.norm
        if record == _NOTHING:  # not `is`: compiled, a Final tuple of plain values is rebuilt at each use
            self.flags[norm] = _fixed_bits(norm, lex)
        else:
            self.flags[norm] = _fixed_bits(norm, lex) | _SCORED
            self.records[norm] = record
        return record

    def learn_text(self, toks: Tokens, lex: MoodLexicon, german: bool) -> None:
        """Learn the forms of one text not seen before; when the memo is full, start afresh first.

        Never in the middle of a text: a memo emptied halfway would forget the text's first words, and the
        same text would read differently depending on what came before it.
        """
        norms = toks.norms
        flags = self.flags
        unseen: Set[str] = {norm for norm in norms if norm not in flags}  # norms - keys() would walk the table
        if len(flags) + len(unseen) > _MEMO_MAX:
            self.flags.clear()
            self.records.clear()
            unseen = norms
        for t in toks:
            if t.norm in unseen and not t.elongated:
                self.learn(t, lex, german)

    def read(self, norms: frozenset[str], lex: MoodLexicon) -> tuple[int, set[str]]:
        """(the bits of ``norms`` ORed, those scored) after :meth:`learn_text`: a form seen only elongated is not
        learnt, and has only the bits the lexicon decides."""
        flags = self.flags
        bits = 0
        scored: set[str] = set()
        for norm in norms:
            found = flags.get(norm)
            if found is None:
                bits |= _fixed_bits(norm, lex)
            else:
                bits |= found
                if found & _SCORED:
                    scored.add(norm)
        return bits, scored


_MEMOS: dict[str, _Memo] = {}


def _memo(language: str) -> _Memo:
    """The memo of ``language``, made on first use: it knows whether its phrase lists' first words are all known."""
    lex = lexicon.mood(language)
    phrases, sarcasm = lex.phrases.first_words, lex.sarcasm.first_words
    first = phrases | sarcasm if phrases is not None and sarcasm is not None else None
    return _MEMOS.setdefault(language, _Memo(first_words=first, lexicon=lex))


def _record(token: Token, lex: MoodLexicon, german: bool) -> _Record:
    """What a token means for mood; an elongated word is read with its variants, so not kept per form."""
    kind = token.kind
    if kind == "sarcasm":
        return (0.0, "", _SARCASM)
    if kind == "word" and token.norm in lex.contrast:
        return (0.0, "", _CONTRAST)
    if kind not in _SCORED_KINDS:
        return _NOTHING
    value, emotion = _valence(token, lex, german)
    return (value, emotion, 0) if value else _NOTHING


_Evidence = tuple[int, int, str]  # (start, end, kind): a Span before its text is cut out
_START_END: Final = itemgetter(0, 1)


def _spans(text: str, evidence: list[_Evidence]) -> tuple[Span, ...]:
    """The evidence as spans in text order, each once: built at the end, so tuples are sorted and compared."""
    if not evidence:
        return ()
    if len(evidence) == 1:
        return build.spans(text, evidence)
    evidence.sort(key=_START_END)
    return build.spans(text, dict.fromkeys(evidence))


def analyse(text: str, language: str, tokens: Sequence[Token] | None = None) -> MoodResult:
    """The mood of ``text`` written in ``language`` ("de", "en" or "other")."""
    toks = (tokens if type(tokens) is Tokens else as_tokens(tokens)) if tokens is not None else scan(text)
    if not toks:
        return MoodResult(_NEUTRAL, 0.0)
    memo = _MEMOS.get(language) or _memo(language)
    lex = memo.lexicon or lexicon.mood(language)
    german = language != "en"
    norms = toks.norms
    # The forms' bits ORed, and the forms known to carry mood (they pick the few tokens worth a look), in one
    # plain loop: a lookup per form in one table costs less than a set operation per question, each a pass
    # through a table of its own, and reduce() over map() costs more in C calls.
    flags = memo.flags
    bits = 0
    scored: set[str] = set()
    try:
        for norm in norms:
            found = flags[norm]
            if found:
                bits |= found
                if found & _SCORED:
                    scored.add(norm)
    except KeyError:  # a form not seen before
        memo.learn_text(toks, lex, german)
        bits, scored = memo.read(norms, lex)
    if not bits & _RELEVANT and memo.first_words is not None and not toks.elongated:
        return build.mood_result(_NEUTRAL, 0.0, {}, ())  # no scored word, no phrase start: no mood
    # Phrases and scored forms first: a text with none of them (a phrase's first word followed by something else,
    # the common case past the test above) has no mood, and is answered before the set-up below. A phrase list
    # is searched only where the text has one of its first words: the set test costs less than the call.
    sarcasm, phrases = lex.sarcasm, lex.phrases
    ironic = sarcasm.find(toks) if sarcasm.first_words is None or bits & _SARCASM_START else ()
    phrased = phrases.find(toks) if phrases.first_words is None or bits & _PHRASE_START else ()
    if not (ironic or phrased or scored or toks.elongated):
        return build.mood_result(_NEUTRAL, 0.0, {}, ())
    bases = toks.bases  # token offsets count from these
    # Most texts have no intensifier or negator at all: then no sentiment word needs to look around itself.
    boosting = bits & _BOOST
    negating = bits & _NEGATE
    shouting: bool | None = None  # worked out when the first capitalised sentiment word needs it
    evidence: list[_Evidence] = []
    covered: set[int] = set()
    values: list[tuple[int, float]] = []  # (token index, valence)
    emotions: dict[str, float] = {}
    sarcastic = False

    for _, first, last in ironic:
        if covered.isdisjoint(range(first, last)):
            sarcastic = True
            covered.update(range(first, last))
            values.append((first, -1.5))
            evidence.append((bases[first] + toks[first].start, bases[last - 1] + toks[last - 1].end, "sarcasm"))
    for label, first, last in phrased:
        if covered.isdisjoint(range(first, last)):
            covered.update(range(first, last))
            value = float(label)
            if value:
                values.append((first, value * _boost(toks, first, lex, evidence) if boosting else value))
                start, end = bases[first] + toks[first].start, bases[last - 1] + toks[last - 1].end
                evidence.append((start, end, "positive" if value > 0 else "negative"))

    records = memo.records
    contrast_at = -1
    # A comprehension: compress() over map(set.__contains__) costs more here, in C calls and cache misses.
    visit = [i for i, norm in enumerate(toks.norm_list) if norm in scored] if scored else []
    if toks.elongated:
        visit = sorted({*visit, *(i for i, t in enumerate(toks) if t.elongated)})
    for i in visit:
        t = toks[i]
        kind = t.kind
        # An elongated word is read with its variants ("goooood" -> "good"), so it is not kept per form.
        record = _record(t, lex, german) if t.elongated else (records.get(t.norm) or memo.learn(t, lex, german))
        value, emotion, flag = record
        if flag == _SARCASM:
            if i not in covered:
                sarcastic = True
                values.append((i, -1.5))
                evidence.append((bases[i] + t.start, bases[i] + t.end, "sarcasm"))
            continue
        if covered and i in covered:
            continue
        if flag == _CONTRAST:
            contrast_at = i
            continue
        if not value:
            continue
        if kind == "word":
            if boosting:
                value *= _boost(toks, i, lex, evidence)
            if t.caps:
                if shouting is None:
                    shouting = is_shouting(toks)
                value *= 1.15 if shouting else 1.3
            if t.elongated:
                value *= 1.15
            if negating:
                negator = _negator(toks, i, lex, value)
                if negator is not None:
                    value *= NEGATION_SCALAR
                    evidence.append((toks.start(negator), toks.end(negator), "negator"))
                    emotion = ""
            evidence.append((bases[i] + t.start, bases[i] + t.end, "positive" if value > 0 else "negative"))
        else:
            evidence.append((bases[i] + t.start, bases[i] + t.end, "emoji"))  # emoji and emoticons
        values.append((i, value))
        if emotion:
            emotions[emotion] = emotions.get(emotion, 0.0) + abs(value)

    if not values:
        return build.mood_result(_NEUTRAL, 0.0, {}, _spans(text, evidence))
    asked = _in_questions(toks) if "?" in text else _NO_QUESTIONS
    total = 0.0
    for i, raw in values:
        value = -0.7 * raw if sarcastic and raw > 0 else raw
        if i in asked:
            value *= QUESTION_SCALAR
        if contrast_at >= 0:
            value *= 0.5 if i < contrast_at else 1.5
        total += value
    if total and "!" in text:
        exclamations = 0
        for j in toks.puncts:
            exclamations += toks[j].raw.count("!")
        if exclamations:
            total += math.copysign(0.292 * min(exclamations, 4), total)
    score = total / math.sqrt(total * total + _ALPHA)
    label = _POSITIVE if score >= NEUTRAL_BAND else _NEGATIVE if score <= -NEUTRAL_BAND else _NEUTRAL
    if sarcastic:
        emotions.pop("joy", None)
        emotions.pop("gratitude", None)
        emotions["anger"] = emotions.get("anger", 0.0) + 1.5
    shares: dict[str, float] = {}
    for e, w in emotions.items():
        shares[e] = _round(w / (w + 2.0), 1000.0, 3)
    return build.mood_result(label, _round(score, 10000.0, 4), shares, _spans(text, evidence))


def _round(x: float, scale: float, digits: int) -> float:
    """``round(x, digits)`` (``scale`` is 10 ** digits), without its decimal-string detour in the usual case.

    Away from a tie the nearest integer to ``x * scale`` is the correctly rounded digit string, and one float
    division gives the same double as parsing it; zero (whose sign round keeps) and near-ties go to round.
    """
    y = x * scale
    r = math.floor(y + 0.5)
    if r and -0.4999 < y - r < 0.4999:
        return r / scale
    return round(x, digits)


_SCORED_KINDS: Final = frozenset({"word", "emoji", "emoticon"})
_NO_QUESTIONS: Final[frozenset[int]] = frozenset()
# Enum members as module constants: reading them off the class costs a metaclass lookup each time.
_POSITIVE: Final = MoodLabel.POSITIVE
_NEGATIVE: Final = MoodLabel.NEGATIVE
_NEUTRAL: Final = MoodLabel.NEUTRAL


def _in_questions(toks: Tokens) -> set[int]:
    """Indexes of tokens in sentences that end with a question mark."""
    asked: set[int] = set()
    start = 0
    for i in toks.puncts:
        raw = toks[i].raw
        if raw[0] in "?!.":
            if "?" in raw:
                asked.update(range(start, i))
            start = i + 1
    return asked


def _boost(toks: Tokens, i: int, lex: MoodLexicon, evidence: list[_Evidence]) -> float:
    """Factor from intensifiers and dampeners in the two words before token ``i``."""
    factor = 1.0
    for j in range(max(0, i - 2), i):
        t = toks[j]
        if t.kind != "word":
            continue
        boost = lex.intensifiers.get(t.norm)
        if boost is not None:
            factor *= 1.0 + boost
            evidence.append((toks.start(j), toks.end(j), "intensifier"))
    return factor


def _negator(toks: Sequence[Token], i: int, lex: MoodLexicon, value: float) -> int | None:
    """Index of the word that negates token ``i``, if any.

    Up to three words before, within the clause. For praise also a trailing negator up to six words
    after it, before any ``clause_openers`` word ("und", "weil": what follows is the next clause), as
    German puts it with the verb second and its negation last: either the negator ends the clause
    ("Das hilft mir nicht.", "Die App funktioniert auf dem Handy nicht.") or a word of the lexicon's
    ``after_trailing_negator`` follows it in a clause that asks nothing ("passt nicht zur Packung",
    "wirkt leider nicht mehr"; "hilft nicht nur gegen ..." and "Hilft das nicht gegen ...?" keep their
    praise). A negator followed by a ``not_only`` word ("nicht nur", "not only") negates nothing.
    """
    for j in range(i - 1, max(-1, i - 4), -1):
        t = toks[j]
        if t.kind == "punct" and t.raw[0] in _BARRIER:
            break
        if t.kind == "word" and t.norm in lex.negators and not _not_only(toks, j, lex):
            return j
    if value > 0:
        for j in range(i + 1, min(len(toks), i + 7)):
            t = toks[j]
            if t.kind != "word" or t.norm in lex.clause_openers:
                break  # "Hilft prima und man muss nicht lange warten": the "nicht" belongs to the next clause
            if t.norm in lex.negators:
                after = toks[j + 1] if j + 1 < len(toks) else None
                if after is None or (after.kind == "punct" and "?" not in after.raw):
                    return j
                if after.kind == "word" and after.norm in lex.after_trailing_negator and not _asks(toks, j + 2):
                    return j
                break
    return None


def _not_only(toks: Sequence[Token], j: int, lex: MoodLexicon) -> bool:
    """Whether the negator at ``j`` opens "nicht nur" / "not only": what follows is meant, not denied."""
    return j + 1 < len(toks) and toks[j + 1].norm in lex.not_only


def _asks(toks: Sequence[Token], start: int) -> bool:
    """Whether the clause going on at ``start`` ends in a question mark."""
    for k in range(start, len(toks)):
        t = toks[k]
        if t.kind == "punct" and t.raw[0] in _BARRIER:
            return "?" in t.raw
    return False
