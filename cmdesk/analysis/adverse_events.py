"""Adverse-event (pharmacovigilance) detection in one message text, German and English.

Why this exists: a missed adverse event is a compliance breach, a false alarm costs a reviewer a few
seconds. So the detector is tuned for recall: any lay symptom, side-effect word or special situation
(pregnancy, overdose, "doesn't work", crumbling tablets ...) raises the score; only clear negation
("keine Nebenwirkungen"), hypotheticals ("hopefully no ..."), bare questions and package-leaflet talk
("kann Kopfschmerzen verursachen") pull it down.

Everything is a pure function of the text. It reads the tokens the rest of the analysis shares
(:mod:`cmdesk.analysis.text`); the lexicons (:mod:`cmdesk.analysis.pv_lexicon`) are indexed by first
word, so a short message costs about one dict lookup per token. See docs/pv-detection.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from cmdesk.analysis import build, pv_lexicon, pv_products
from cmdesk.analysis.pv_context import CUES, JUDGED, Hit, body_complaints, by_offset, judge_context, sentence_ends
from cmdesk.analysis.pv_lexicon import EXACT, SERIOUSNESS_HINTS, SPECIAL_SITUATIONS, Entry, PvLexicon, match_rest
from cmdesk.analysis.text import MAX_ANALYSED_CHARS, Token, Tokens, as_tokens, scan
from cmdesk.model import Product, PVSignal, Span

__all__ = ["SCAN_LIMIT", "SERIOUSNESS_HINTS", "SPECIAL_SITUATIONS", "THRESHOLD", "detect"]

# Recall first: a single lay symptom ("I have a headache", 0.35) or a special situation with context
# is enough; a bare product mention (0.15) or a question about side effects (<= 0.25) is not.
THRESHOLD: Final[float] = 0.3

# Only the start of a long text is scanned: a 1 MB paste must not stall the queue, and an adverse
# event that matters is reported in the first few pages. The same limit as the shared tokens.
SCAN_LIMIT: Final = MAX_ANALYSED_CHARS

_JUDGED_OR_CUES: Final = frozenset(JUDGED + CUES)
_EVIDENCE_KINDS: Final = ("event", "condition", "ae_word", "cue_temporal", "cue_causal", "special", "seriousness")


def detect(text: str, language: str, products: Sequence[Product], *, tokens: Sequence[Token] | None = None) -> PVSignal:
    """Judge one message: is it a suspected adverse event, and which spans say so.

    ``language`` is "de", "en" or anything else (then both lexicons apply). ``products`` are the
    company's own products; they are reported by brand even when written as substance or misspelt.
    ``tokens`` are ``scan(text)`` (or ``tokenize(text)``) if the caller has them already (the pipeline scans once).
    """
    if not text or text.isspace():
        return PVSignal.none()
    toks = (tokens if type(tokens) is Tokens else as_tokens(tokens)) if tokens is not None else scan(text, SCAN_LIMIT)
    choice = language if language in ("de", "en") else "other"
    last = _last  # _matcher's own test, here: a call per text costs more
    matcher = last[1] if last is not None and products is last[0] else _matcher(products)
    memo: _Memo | None = matcher.memos.get(choice)  # holds the lexicon too: no cached-function call per text
    if memo is None:
        memo = matcher.memos.setdefault(choice, _Memo(pv_lexicon.lexicon(choice)))
    try:
        scanned = _scan(toks, memo)
    except KeyError:  # a form not seen before: the memo learns the text's new forms first, and the scan starts over
        memo.learn_text(toks.norm_list, memo.lexicon, matcher)
        scanned = _scan(toks, memo)
    if scanned is None:
        return _NOTHING  # no word of the text matters: the common case of an ordinary message
    hits, persons, found_products = scanned
    if _QUIET.issuperset(hits):  # no evidence at all (negations, body parts alone are none)
        return _products_only(text, found_products) if found_products else _NOTHING
    ends: list[int] | None = None  # sentence ends, worked out only for a step that needs them
    if "complaint" in hits or "body_part" in hits:
        ends = sentence_ends(text, toks)
        body_complaints(hits, ends)
    if not _JUDGED_OR_CUES.isdisjoint(hits):
        judge_context(text, toks, hits, persons, sentence_ends(text, toks) if ends is None else ends)
    return _signal(text, hits, found_products, persons, matcher.known)


_NOTHING: Final = PVSignal.none()
# Kinds that are no evidence on their own; a "figure" ("fell over laughing") is no evidence at all.
_QUIET: Final = frozenset({"negation", "experience", "body_part", "figure"})


# The last (products, matcher): one pair, read and replaced whole, so a thread never gets another's matcher.
_last: tuple[tuple[Product, ...], pv_products.ProductMatcher] | None = None


def _matcher(products: Sequence[Product]) -> pv_products.ProductMatcher:
    # Hashing a tuple of dataclasses costs more than a short scan, and a desk passes the same tuple each time.
    global _last
    last = _last
    if last is not None and products is last[0]:
        return last[1]
    found = pv_products.matcher(tuple(products))
    if isinstance(products, tuple):
        _last = (products, found)
    return found


_MEMO_MAX = 100_000
# What may start at a token of one normalised form: main-scan entries, seriousness entries, whether any of
# them has more words, first-person word?, product names, brand within one edit, the exact second words
# when the form matters only as the first word of such phrases (else None), and the (main, seriousness)
# entries still viable before each next form met so far. () for most words.
_Pair = tuple[tuple[Entry, ...], tuple[Entry, ...]]
_Verdict = tuple[
    tuple[Entry, ...],
    tuple[Entry, ...],
    bool,
    bool,
    list[tuple[tuple[str, ...], str]],
    str,
    frozenset[str] | None,
    dict[str, _Pair],
]
# The viable entries are kept per form and next form (they depend on nothing else) in a small table per
# form: found by the next form alone, where one table of all pairs would need a tuple key built, hashed and
# compared per lookup, and its size costs cache misses. Emptied when it grows past this.
_NEXTS_MAX: Final = 2_000


def _second_words(entries: tuple[Entry, ...]) -> frozenset[str] | None:
    """The words that must follow for any of ``entries`` to match, if each has an exact second word; else None.

    "the", "is", "ist", "hat" start many phrases and nothing else; where the next word is none of these
    second words, the token is passed over with one set lookup. A second word also matches with "'s"
    ("anyone else's"), so those forms are in the set too.
    """
    if not entries or any(not e.rest or e.rest[0][0] != EXACT for e in entries):
        return None
    words = {e.rest[0][1] for e in entries}
    return frozenset(words | {word + "'s" for word in words})


@dataclass
class _Memo:
    """The verdicts on the forms seen so far, for one language choice (its lexicon) and one product list."""

    lexicon: PvLexicon
    verdicts: dict[str, _Verdict | tuple[()]] = field(default_factory=dict)

    def learn(self, norm: str, lexicon: PvLexicon, matcher: pv_products.ProductMatcher) -> _Verdict | tuple[()]:
        main, serious, person = lexicon.lookup(norm)
        names, brand = matcher.lookup(norm)
        found: _Verdict | tuple[()] = ()
        if main or serious or person or names or brand:
            seconds = None if person or names or brand else _second_words(main + serious)
            found = (main, serious, any(e.rest for e in main + serious), person, names, brand, seconds, {})
        self.verdicts[norm] = found
        return found

    def learn_text(self, norm_list: list[str], lexicon: PvLexicon, matcher: pv_products.ProductMatcher) -> None:
        """Judge the forms of one text not seen before; when the memo is full, start afresh first.

        Never in the middle of a text: a memo emptied halfway would forget the text's first forms.
        """
        verdicts = self.verdicts
        unseen = [norm for norm in norm_list if norm not in verdicts]
        if len(verdicts) + len(unseen) > _MEMO_MAX:
            verdicts.clear()
            unseen = norm_list
        for norm in unseen:
            if norm not in verdicts:
                self.learn(norm, lexicon, matcher)


def _scan(toks: Tokens, memo: _Memo) -> tuple[dict[str, list[Hit]], list[int], list[Hit]] | None:
    """Lexicon hits by kind, the token indexes of first-person words and the product mentions.

    None where no form of the text matters at all. The forms' verdicts pick the tokens worth a look: a token
    whose form matters (its verdict is not ()) and, where only phrases with an exact second word start there
    (most such tokens), whose next word is one of them. Each of the three scans (main lexicon, seriousness
    hints, products) takes the best entry at the leftmost token and continues after it.
    The tokens are picked in this loop itself rather than listed first: the list, its (index, verdict) pairs
    and the call that made them cost more than the few tests they saved here.
    KeyError for a form the memo has not seen (:func:`detect` has it learn the text and scans again).
    """
    lexicon = memo.lexicon
    verdicts = memo.verdicts
    norm_list = toks.norm_list
    hits: dict[str, list[Hit]] = {}
    persons: list[int] = []
    found_products: list[Hit] = []
    bases = toks.bases  # token offsets count from these
    main_to = serious_to = product_to = 0
    n = len(norm_list)
    last = n - 1
    visited = False
    for i, norm in enumerate(norm_list):
        found = verdicts[norm]
        if not found or (found[6] is not None and (i == last or norm_list[i + 1] not in found[6])):
            continue
        visited = True
        main, serious, multi, person, names, brand, _, nexts = found
        if person:
            persons.append(i)
        if (names or brand) and i >= product_to:
            t = toks[i]
            for rest, name_brand in names:
                stop = i + 1 + len(rest)
                if not rest or (stop <= n and all(norm_list[i + 1 + k] == w for k, w in enumerate(rest))):
                    end = bases[stop - 1] + toks[stop - 1].end
                    found_products.append(Hit(i, stop, bases[i] + t.start, end, "product", name_brand))
                    product_to = stop
                    break
            else:
                if brand and t.kind == "word":
                    found_products.append(Hit(i, i + 1, bases[i] + t.start, bases[i] + t.end, "product", brand))
        if (main and i >= main_to) or (serious and i >= serious_to):
            if multi:
                following = norm_list[i + 1] if i < last else ""
                pair = nexts.get(following)
                if pair is None:
                    if len(nexts) >= _NEXTS_MAX:
                        nexts.clear()
                    pair = nexts[following] = lexicon.viable_pair((norm, following), main, serious)
                main, serious = pair
            if main and i >= main_to:
                best = main[0]
                if best.rest:
                    stop, entry = _first_match(toks, i, main)
                else:  # a one-word entry, the best there is
                    stop, entry = i + 1, best
                if entry is not None:
                    end = bases[stop - 1] + toks[stop - 1].end
                    hits.setdefault(entry.kind, []).append(
                        Hit(i, stop, bases[i] + toks[i].start, end, entry.kind, entry.label)
                    )
                    main_to = i + entry.resume if entry.resume else stop
                    if entry.kind == "special":  # "Tabletten bringen ... nichts": its first words name a drug
                        _drug_inside(toks, i, found[0], hits, bases)
            if serious and i >= serious_to:
                stop, entry = _first_match(toks, i, serious)
                if entry is not None:
                    end = bases[stop - 1] + toks[stop - 1].end
                    hits.setdefault("seriousness", []).append(
                        Hit(i, stop, bases[i] + toks[i].start, end, "seriousness", entry.label)
                    )
                    serious_to = stop
    return (hits, persons, found_products) if visited else None


def _drug_inside(
    toks: Tokens, i: int, entries: tuple[Entry, ...], hits: dict[str, list[Hit]], bases: list[int]
) -> None:
    """Record the drug word a special situation starts with ("pills do ... absolutely nothing") as a drug hit.

    Why: such entries name the drug so that service talk ("hotline ... nothing") stays out, and the drug they
    name must count as it would on its own.
    """
    drugs = tuple(e for e in entries if e.kind == "drug")
    if drugs:
        stop, entry = _first_match(toks, i, drugs)
        if entry is not None:
            end = bases[stop - 1] + toks[stop - 1].end
            hits.setdefault("drug", []).append(Hit(i, stop, bases[i] + toks[i].start, end, "drug", entry.label))


def _first_match(toks: Tokens, i: int, entries: tuple[Entry, ...]) -> tuple[int, Entry | None]:
    """(token index after the match, entry) of the first of ``entries`` that matches at token ``i``."""
    for entry in entries:
        rest = entry.rest
        if not rest:
            return i + 1, entry
        if entry.gapped and not entry.needs <= toks.norms:
            continue
        stop = match_rest(toks, i + 1, rest)
        if stop >= 0:
            return stop, entry
    return -1, None


def _signal(
    text: str,
    hits: dict[str, list[Hit]],
    found_products: list[Hit],
    persons: list[int],
    known: frozenset[str],
) -> PVSignal:
    if not hits and found_products:  # only product mentions ("Cardiolin hilft mir"): the most common case
        return _products_only(text, found_products)
    # One pass over the hits: what is real, what hypothetical, and what goes into the evidence.
    events: list[Hit] = []
    maybe_events: list[Hit] = []
    conditions: list[Hit] = []  # "Migräne", "asthma": the writer's illness, unless a drug is in the picture
    specials: list[Hit] = []
    serious: list[Hit] = []
    drugs: list[Hit] = []
    chosen: list[Hit] = list(found_products)
    ae_real = ae_maybe = temporal = causal = attributed = linked = generic = False
    for kind, kind_hits in hits.items():
        if kind == "drug":
            chosen.extend(kind_hits)
            for hit in kind_hits:
                if hit.label == "drugs":
                    drugs.append(hit)
                else:
                    generic = True
        elif kind == "negation":
            chosen.extend([h for h in kind_hits if h.label == "used"])
        elif kind == "hypothetical":
            chosen.extend(kind_hits)
        elif kind in _EVIDENCE_KINDS:
            for hit in kind_hits:
                status = hit.status
                if status == "negated":
                    continue
                chosen.append(hit)
                real = status == "real"
                if kind == "event":
                    (events if real else maybe_events).append(hit)
                elif kind == "condition":
                    if real:
                        conditions.append(hit)
                    else:  # "Does Cardiolin cause migraine?": asked about as a side effect
                        hit.kind = "event"
                        maybe_events.append(hit)
                elif kind == "ae_word":
                    ae_real = ae_real or real
                    ae_maybe = ae_maybe or not real
                elif not real:
                    continue
                elif kind == "special":
                    specials.append(hit)
                elif kind == "seriousness":
                    serious.append(hit)
                elif kind == "cue_temporal":
                    temporal = True
                    linked = linked or hit.stop - hit.first > 1  # "seit ich ... nehme", not a bare "seit"
                else:
                    causal = True
                    if hit.label == "attribution_cues":
                        attributed = linked = True
    has_product = bool(found_products or drugs)
    if conditions and (has_product or generic or linked or ae_real or specials or serious):
        for hit in conditions:
            hit.kind = "event"
        events = sorted(events + conditions, key=by_offset)
        conditions = []
    experienced = bool(events) or ae_real

    score = 0.0
    if events:
        score += 0.35 + 0.05 * min(len(events) - 1, 2)
    elif maybe_events or conditions:
        score += 0.1
    elif "event" in hits:
        score += 0.05
    if ae_real:
        score += 0.35
    elif ae_maybe:
        score += 0.1
    if has_product:
        score += 0.15
    elif generic:
        score += 0.1
    in_context = experienced or bool(specials) or bool(serious)
    if temporal:
        score += 0.15 if in_context else 0.05
    if causal:
        score += 0.15 if in_context else 0.05
    if attributed and (has_product or generic) and not in_context:
        score += 0.15  # "Respirin makes my heart skip", "die Tabletten machen mich ...": the product is blamed
    if serious:
        score += 0.2 if (experienced or has_product or generic or temporal or causal) else 0.1
    if specials:
        score += 0.25
        if has_product or generic:
            score += 0.15
    if (persons or "experience" in hits) and (experienced or specials):
        score += 0.1 if specials and not experienced else 0.05
    score = min(score, 1.0)
    rounded = _ROUNDED.get(score)  # scores are sums of a few constants: each sum is rounded once
    if rounded is None:
        if len(_ROUNDED) >= _ROUNDED_MAX:
            _ROUNDED.clear()
        rounded = _ROUNDED[score] = round(score, 3)
    score = rounded

    brands: list[str] = []
    for hit in found_products:
        if hit.label and hit.label not in brands:
            brands.append(hit.label)
    if drugs:
        seen = {b.lower() for b in brands} | known
        for hit in drugs:
            written = text[hit.start : hit.end]
            if written[-2:].lower() in ("'s", "’s"):  # "Lexapro's side effects"
                written = written[:-2]
            if written.lower() not in seen:
                seen.add(written.lower())
                brands.append(written)

    if len(chosen) > 1:
        chosen.sort(key=_evidence_order)
    # Each (start, end, kind) once, in evidence order; built in one call, not a call per span.
    keys = dict.fromkeys([(hit.start, hit.end, hit.kind) for hit in chosen])
    evidence = build.spans(text, keys)
    found_events = events + maybe_events
    found_spans: tuple[Span, ...] = ()
    if found_events:
        spans = dict(zip(keys, evidence, strict=True))
        found_spans = tuple([spans[h.start, h.end, h.kind] for h in found_events])
    return build.pv_signal(
        score >= THRESHOLD,
        score,
        tuple(brands),
        found_spans,
        tuple(dict.fromkeys([h.label for h in serious])) if serious else (),
        tuple(dict.fromkeys([h.label for h in specials])) if specials else (),
        evidence,
    )


# A bare product mention scores this much and no more (see _signal): 0.15, below THRESHOLD.
_PRODUCT_SCORE: Final = round(0.15, 3)


def _products_only(text: str, found_products: list[Hit]) -> PVSignal:
    """:func:`_signal` of product mentions and no other evidence, without the steps that have nothing to do.

    Why: every step of the general path runs once per message, and such straight-line code costs far more
    per instruction than a loop (the interpreter meets it cold each time: cache misses, mispredictions).
    """
    if len(found_products) == 1:
        hit = found_products[0]
        evidence = build.spans(text, ((hit.start, hit.end, hit.kind),))
        return build.pv_signal(False, _PRODUCT_SCORE, (hit.label,) if hit.label else (), (), (), (), evidence)
    chosen = sorted(found_products, key=_evidence_order)
    evidence = build.spans(text, dict.fromkeys([(hit.start, hit.end, hit.kind) for hit in chosen]))
    brands = tuple(dict.fromkeys([hit.label for hit in found_products if hit.label]))
    return build.pv_signal(False, _PRODUCT_SCORE, brands, (), (), (), evidence)


_ROUNDED: Final[dict[float, float]] = {}
_ROUNDED_MAX: Final = 10_000


_KIND_ORDER: Final = {
    kind: rank for rank, kind in enumerate(("product", "drug", *_EVIDENCE_KINDS, "negation", "hypothetical"))
}


def _evidence_order(hit: Hit) -> tuple[int, int, int]:
    return hit.start, hit.end, _KIND_ORDER.get(hit.kind, 0)
