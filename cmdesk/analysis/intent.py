"""What a message wants: complaint, question, praise, an experience, abuse, spam — and whether it expects a reply.

Cue phrases come from ``resources/lexicons/intent_*.json``. German questions often have no
question mark ("weiß jemand ob das normal ist"), so openers at a sentence start count too.
A suspected adverse event always wins: it must reach drug safety whatever else the text is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cmdesk.analysis import lexicon
from cmdesk.analysis.text import Token, as_tokens, tokenize
from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, SuggestedAction

_SENTENCE_END = frozenset(".!?;")
COMPLAINT_MOOD = -0.2  # this negative and not a question or an experience: a complaint
PRAISE_MOOD = 0.5


@dataclass(frozen=True)
class Cues:
    """Which cue kinds a text has (label -> count) and whether it contains links or a question mark."""

    counts: dict[str, int]
    links: int
    question_mark: bool
    opener_question: bool
    addressed: bool  # speaks to the company ("ihr", "you")

    def has(self, label: str) -> bool:
        return self.counts.get(label, 0) > 0


def find_cues(tokens: Sequence[Token]) -> Cues:
    """Count the intent cues of both languages (posts mix them) in already tokenized text."""
    counts: dict[str, int] = {}
    for label, _, _ in lexicon.intent().find(tokens):
        counts[label] = counts.get(label, 0) + 1
    words = lexicon.intent_words()
    norms = as_tokens(tokens).norms
    # Questions, links and opening question words are rare enough to look at tokens only when the set of
    # forms has them: a punctuation run with "?" starts with "?" or "!", a link with "http" or "www.".
    question_mark = has_link = False
    for norm in norms:
        first = norm[:1]
        if first in "?!":
            question_mark = question_mark or "?" in norm
        elif first in "hw" and norm.startswith(_LINK_STARTS):
            has_link = True
    links = sum(1 for t in tokens if t.kind == "url") if has_link else 0
    opener = not words["question_openers"].isdisjoint(norms) and _opener_question(tokens)
    return Cues(counts, links, question_mark, opener, not words["address"].isdisjoint(norms))


_LINK_STARTS = ("http://", "https://", "www.")


def _opener_question(tokens: Sequence[Token]) -> bool:
    """A sentence that starts with a question word and does not end in "!" ("Wie lange dauert das")."""
    openers = lexicon.intent_words()["question_openers"]
    at_start = True
    opened = False
    for t in tokens:
        if t.kind == "punct" and t.raw[0] in _SENTENCE_END:
            if opened and "!" not in t.raw:
                return True
            opened = False
            at_start = True
            continue
        if at_start and t.kind == "word":
            opened = t.norm in openers
            at_start = False
    return opened


def classify(mood: MoodResult, pv: PVSignal, cues: Cues) -> Intent:
    """The single intent the queue files the message under."""
    if pv.suspected:
        return Intent.ADVERSE_EVENT
    found = cues.counts  # labels with a count of at least one
    sales = found.get("sales", 0)
    if "spam" in found or (cues.links and sales) or sales >= 2 or cues.links >= 3:
        return Intent.SPAM
    if "abuse" in found:
        return Intent.ABUSE
    if "complaint" in found or ("urgent" in found and mood.label != MoodLabel.POSITIVE):
        return Intent.COMPLAINT
    asked = cues.question_mark or "question" in found or cues.opener_question
    if asked and mood.score <= COMPLAINT_MOOD and cues.addressed:
        return Intent.COMPLAINT  # "Warum löscht ihr meinen Kommentar?" is not a question to answer
    if asked and "banter" not in found:
        return Intent.QUESTION  # "Wer kennt das? 😂" is banter, not a question to answer
    if "praise" in found and mood.label != MoodLabel.NEGATIVE:
        return Intent.EXPERIENCE if "experience" in found and "thanks" not in found else Intent.PRAISE
    if "experience" in found:
        return Intent.EXPERIENCE
    if mood.score <= COMPLAINT_MOOD:
        return Intent.COMPLAINT
    if "thanks" in found:
        return Intent.OTHER  # a thank-you for our help: nice, but not praise of a product
    if mood.score >= PRAISE_MOOD:
        return Intent.PRAISE
    return Intent.OTHER


def expects_reply(intent: Intent, cues: Cues) -> bool:
    """Questions, complaints and adverse events need an answer; praise and the rest usually not."""
    if intent in (Intent.ADVERSE_EVENT, Intent.COMPLAINT, Intent.QUESTION):
        return True
    return intent == Intent.EXPERIENCE and cues.question_mark


def suggest(intent: Intent, mood: MoodResult) -> SuggestedAction:
    """What the community manager should most likely do next."""
    if intent == Intent.ADVERSE_EVENT:
        return SuggestedAction.OPEN_PV_CASE
    if intent == Intent.COMPLAINT:
        return SuggestedAction.OFFER_SOLUTION
    if intent == Intent.QUESTION:
        return SuggestedAction.ANSWER
    if intent in (Intent.ABUSE, Intent.SPAM):
        return SuggestedAction.HIDE
    if intent == Intent.PRAISE:
        return SuggestedAction.THANK
    if intent == Intent.EXPERIENCE:
        if mood.label == MoodLabel.POSITIVE:
            return SuggestedAction.THANK
        return SuggestedAction.ANSWER if mood.label == MoodLabel.NEGATIVE else SuggestedAction.IGNORE
    return SuggestedAction.IGNORE


def detect(text: str, mood: MoodResult, pv: PVSignal) -> tuple[Intent, bool, SuggestedAction]:
    """(intent, expects reply, suggested action) of ``text``, given its mood and PV signal."""
    cues = find_cues(tokenize(text))
    intent = classify(mood, pv, cues)
    return intent, expects_reply(intent, cues), suggest(intent, mood)
