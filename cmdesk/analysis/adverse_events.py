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

from cmdesk.analysis import pv_lexicon, pv_products
from cmdesk.analysis.pv_context import CUES, JUDGED, Hit, body_complaints, by_offset, judge_context, sentence_ends
from cmdesk.analysis.pv_lexicon import SERIOUSNESS_HINTS, SPECIAL_SITUATIONS, Entry, PvLexicon, match_rest
from cmdesk.analysis.text import MAX_ANALYSED_CHARS, Token, Tokens, as_tokens, indexes_of, tokenize
from cmdesk.model import Product, PVSignal, Span

__all__ = ["SCAN_LIMIT", "SERIOUSNESS_HINTS", "SPECIAL_SITUATIONS", "THRESHOLD", "detect"]

# Recall first: a single lay symptom ("I have a headache", 0.35) or a special situation with context
# is enough; a bare product mention (0.15) or a question about side effects (<= 0.25) is not.
THRESHOLD: float = 0.3

# Only the start of a long text is scanned: a 1 MB paste must not stall the queue, and an adverse
# event that matters is reported in the first few pages. The same limit as the shared tokens.
SCAN_LIMIT = MAX_ANALYSED_CHARS

_JUDGED_OR_CUES = frozenset(JUDGED + CUES)
_EVIDENCE_KINDS = ("event", "condition", "ae_word", "cue_temporal", "cue_causal", "special", "seriousness")


def detect(text: str, language: str, products: Sequence[Product], *, tokens: Sequence[Token] | None = None) -> PVSignal:
    """Judge one message: is it a suspected adverse event, and which spans say so.

    ``language`` is "de", "en" or anything else (then both lexicons apply). ``products`` are the
    company's own products; they are reported by brand even when written as substance or misspelt.
    ``tokens`` are ``tokenize(text)`` if the caller has them already (the pipeline tokenizes once).
    """
    if not text or text.isspace():
        return PVSignal.none()
    toks = as_tokens(tokens) if tokens is not None else tokenize(text, SCAN_LIMIT)
    choice = language if language in ("de", "en") else "other"
    matcher = _matcher(products)
    hits, persons, found_products = _scan(toks, pv_lexicon.lexicon(choice), matcher, choice)
    if not found_products and _QUIET.issuperset(hits):
        return _NOTHING  # no evidence at all, the common case of an ordinary message
    ends = sentence_ends(text, toks)
    if "complaint" in hits or "body_part" in hits:
        body_complaints(hits, ends)
    if not _JUDGED_OR_CUES.isdisjoint(hits):
        judge_context(text, toks, hits, persons, ends)
    return _signal(text, hits, found_products, persons, matcher.known)


_NOTHING = PVSignal.none()
_QUIET = frozenset({"negation", "experience", "body_part"})  # kinds that are no evidence on their own


_last_products: tuple[Product, ...] | None = None
_last_matcher: pv_products.ProductMatcher | None = None


def _matcher(products: Sequence[Product]) -> pv_products.ProductMatcher:
    # Hashing a tuple of dataclasses costs more than a short scan, and a desk passes the same tuple each time.
    global _last_products, _last_matcher
    if _last_matcher is not None and products is _last_products:
        return _last_matcher
    found = pv_products.matcher(tuple(products))
    if isinstance(products, tuple):
        _last_products, _last_matcher = products, found
    return found


_MEMO_MAX = 100_000
# What may start at a token of one normalised form: main-scan entries, seriousness entries, whether any of
# them has more words, first-person word?, product names, brand within one edit. () for most words.
_Verdict = tuple[tuple[Entry, ...], tuple[Entry, ...], bool, bool, list[tuple[tuple[str, ...], str]], str]


@dataclass
class _Memo:
    """The verdicts on the forms seen so far, for one language choice and one product list."""

    verdicts: dict[str, _Verdict | tuple[()]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)  # the keys of ``verdicts``, as a set for set differences
    relevant: set[str] = field(default_factory=set)  # forms whose verdict is not ()

    def learn(self, norm: str, lexicon: PvLexicon, matcher: pv_products.ProductMatcher) -> _Verdict | tuple[()]:
        main, serious, person = lexicon.lookup(norm)
        names, brand = matcher.lookup(norm)
        found: _Verdict | tuple[()] = ()
        if main or serious or person or names or brand:
            found = (main, serious, any(e.rest for e in main + serious), person, names, brand)
        if len(self.verdicts) >= _MEMO_MAX:
            self.verdicts.clear()
            self.seen.clear()
            self.relevant.clear()
        self.verdicts[norm] = found
        self.seen.add(norm)
        if found:
            self.relevant.add(norm)
        return found


def _scan(
    toks: Tokens, lexicon: PvLexicon, matcher: pv_products.ProductMatcher, choice: str
) -> tuple[dict[str, list[Hit]], list[int], list[Hit]]:
    """Lexicon hits by kind, the token indexes of first-person words and the product mentions.

    The set of forms, checked against the forms known to matter, picks the tokens worth a look; each of
    the three scans (main lexicon, seriousness hints, products) takes the best entry at the leftmost
    token and continues after it.
    """
    hits: dict[str, list[Hit]] = {}
    persons: list[int] = []
    found_products: list[Hit] = []
    memo: _Memo | None = matcher.memos.get(choice)
    if memo is None:
        memo = matcher.memos.setdefault(choice, _Memo())
    norms = toks.norms
    for norm in norms - memo.seen:
        memo.learn(norm, lexicon, matcher)
    present = norms & memo.relevant
    if not present:
        return hits, persons, found_products
    verdicts = memo.verdicts
    pairs = lexicon.pairs
    main_to = serious_to = product_to = 0
    n = len(toks)
    for i in indexes_of(toks, present):
        t = toks[i]
        found = verdicts.get(t.norm) or memo.learn(t.norm, lexicon, matcher)
        if not found:
            continue
        main, serious, multi, person, names, brand = found
        if person:
            persons.append(i)
        if (names or brand) and i >= product_to:
            for rest, name_brand in names:
                stop = i + 1 + len(rest)
                if stop <= n and all(toks[i + 1 + k].norm == w for k, w in enumerate(rest)):
                    found_products.append(Hit(i, stop, t.start, toks[stop - 1].end, "product", name_brand))
                    product_to = stop
                    break
            else:
                if brand and t.kind == "word":
                    found_products.append(Hit(i, i + 1, t.start, t.end, "product", brand))
        if (main and i >= main_to) or (serious and i >= serious_to):
            if multi:
                key = (t.norm, toks[i + 1].norm if i + 1 < n else "")
                pair = pairs.get(key)
                main, serious = pair if pair is not None else lexicon.viable_pair(key, main, serious)
            if main and i >= main_to:
                stop, entry = _first_match(toks, i, main)
                if entry is not None:
                    hits.setdefault(entry.kind, []).append(
                        Hit(i, stop, t.start, toks[stop - 1].end, entry.kind, entry.label)
                    )
                    main_to = stop
            if serious and i >= serious_to:
                stop, entry = _first_match(toks, i, serious)
                if entry is not None:
                    hits.setdefault("seriousness", []).append(
                        Hit(i, stop, t.start, toks[stop - 1].end, "seriousness", entry.label)
                    )
                    serious_to = stop
    return hits, persons, found_products


def _first_match(toks: Sequence[Token], i: int, entries: tuple[Entry, ...]) -> tuple[int, Entry | None]:
    """(token index after the match, entry) of the first of ``entries`` that matches at token ``i``."""
    norms: set[str] | None = None
    for entry in entries:
        if not entry.rest:
            return i + 1, entry
        if entry.gapped:
            if norms is None:
                norms = {t.norm for t in toks}
            if not entry.needs <= norms:
                continue
        stop = match_rest(toks, i + 1, entry.rest)
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
            chosen.extend(h for h in kind_hits if h.label == "used")
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
    score = round(min(score, 1.0), 3)

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

    chosen.sort(key=_evidence_order)
    spans: dict[tuple[int, int, str], Span] = {}
    for hit in chosen:
        key = (hit.start, hit.end, hit.kind)
        if key not in spans:
            spans[key] = Span(hit.start, hit.end, text[hit.start : hit.end], hit.kind)
    return PVSignal(
        suspected=score >= THRESHOLD,
        score=score,
        products=tuple(brands),
        events=tuple(spans[h.start, h.end, h.kind] for h in events + maybe_events),
        seriousness=tuple(dict.fromkeys(h.label for h in serious)),
        special_situations=tuple(dict.fromkeys(h.label for h in specials)),
        evidence=tuple(spans.values()),
    )


_KIND_ORDER = {
    kind: rank for rank, kind in enumerate(("product", "drug", *_EVIDENCE_KINDS, "negation", "hypothetical"))
}


def _evidence_order(hit: Hit) -> tuple[int, int, int]:
    return hit.start, hit.end, _KIND_ORDER.get(hit.kind, 0)
