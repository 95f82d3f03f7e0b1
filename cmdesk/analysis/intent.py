"""What a message wants: complaint, question, praise, an experience, abuse, spam — and whether it expects a reply.

Cue phrases come from ``resources/lexicons/intent_*.json``. German questions often have no
question mark ("weiß jemand ob das normal ist"), so openers at a sentence start count too.
A suspected adverse event always wins: it must reach drug safety whatever else the text is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from cmdesk.analysis import lexicon
from cmdesk.analysis.text import Token, Tokens, as_tokens, scan
from cmdesk.model import Intent, MoodLabel, MoodResult, PVSignal, SuggestedAction

_SENTENCE_END: Final = frozenset(".!?;")
COMPLAINT_MOOD: Final = -0.2  # this negative and not a question or an experience: a complaint
PRAISE_MOOD: Final = 0.5


class Cues(NamedTuple):
    """Which cue kinds a text has (label -> count) and whether it contains links or a question mark.

    A named tuple, not a frozen dataclass: it is built for most messages, and a frozen dataclass sets
    each field through ``object.__setattr__``.
    """

    counts: dict[str, int]
    links: int
    question_mark: bool
    opener_question: bool
    addressed: bool  # speaks to the company ("ihr", "you")

    def has(self, label: str) -> bool:
        return self.counts.get(label, 0) > 0


def find_cues(tokens: Sequence[Token]) -> Cues:
    """Count the intent cues of both languages (posts mix them) in already tokenized text."""
    toks = tokens if type(tokens) is Tokens else as_tokens(tokens)
    counts: dict[str, int] = {}
    cues, words = _LISTS or _lists()
    for label, _, _ in cues.find(toks):
        counts[label] = counts.get(label, 0) + 1
    norms = toks.norms
    # Question marks stand in punctuation tokens, which the shared tokens index: no walk over every token.
    question_mark = False
    for i in toks.puncts:
        if "?" in toks[i].raw:
            question_mark = True
            break
    openers = words["question_openers"]
    opener = not openers.isdisjoint(norms) and _opener_question(toks, openers)
    # tuple.__new__ straight: the named tuple's own __new__ is a Python function, a frame per message
    return _new_cues(Cues, (counts, toks.links, question_mark, opener, not words["address"].isdisjoint(norms)))


_new_cues: Final = tuple.__new__

# The cue phrases and word lists, fetched once: the lexicon module's cached functions cost a call each per text.
_LISTS: tuple[lexicon.PhraseSet, dict[str, frozenset[str]]] | None = None


def _lists() -> tuple[lexicon.PhraseSet, dict[str, frozenset[str]]]:
    global _LISTS
    _LISTS = (lexicon.intent(), lexicon.intent_words())
    return _LISTS


def _opener_question(tokens: Sequence[Token], openers: frozenset[str]) -> bool:
    """A sentence that starts with one of ``openers`` and does not end in "!" ("Wie lange dauert das")."""
    toks = tokens if type(tokens) is Tokens else as_tokens(tokens)
    n = len(toks)
    start = 0
    for end in (*toks.puncts, n):  # the sentence marks, then the end of the text
        raw = ""
        if end < n:
            raw = toks[end].raw
            if raw[0] not in _SENTENCE_END:
                continue
        opened = False  # the sentence's first word decides
        for k in range(start, end):
            t = toks[k]
            if t.kind == "word":
                opened = t.norm in openers
                break
        if end == n:
            return opened
        if opened and "!" not in raw:
            return True
        start = end + 1
    return False


def classify(mood: MoodResult, pv: PVSignal, cues: Cues) -> Intent:
    """The single intent the queue files the message under."""
    if pv.suspected:
        return _ADVERSE_EVENT
    found = cues.counts  # labels with a count of at least one
    sales = found.get("sales", 0)
    if "spam" in found or (cues.links and sales) or sales >= 2 or cues.links >= 3:
        return _SPAM
    complaints = found.get("complaint", 0)
    # "Absolute amateurs, you lost my parcel": an insult inside a service complaint is a complaint to answer,
    # not abuse to hide; alone ("Pathetic") it stays abuse
    if "abuse" in found or ("insult" in found and not complaints):
        return _ABUSE
    label = mood.label
    if complaints and label == _POSITIVE and _praised(found.get("praise", 0), complaints, mood):
        return _PRAISE  # "Großes Lob an die Hotline": the service is named, but to praise it
    asked = cues.question_mark or "question" in found or cues.opener_question
    # "For urgent matters please contact ..." in an out-of-office reply is no urgent complaint; season's wishes
    # read positive, yet "Merry Christmas, but I urgently need my order" is one
    if complaints or ("urgent" in found and _urgent(found, label, asked)):
        return _COMPLAINT
    if asked and mood.score <= COMPLAINT_MOOD and cues.addressed:
        return _COMPLAINT  # "Warum löscht ihr meinen Kommentar?" is not a question to answer
    if asked and ("banter" not in found or "question" in found):
        return _QUESTION  # "Wer kennt das? 😂" is banter, "Wie lange dauert die Lieferung? 😂" a question
    if "praise" in found and label != _NEGATIVE:
        return _EXPERIENCE if "experience" in found and "thanks" not in found else _PRAISE
    if "experience" in found:
        return _EXPERIENCE
    if "banter" in found:
        return _OTHER  # a joke's 🙄 or "side effects" reads negative, yet nobody is complaining
    if mood.score <= COMPLAINT_MOOD:
        return _COMPLAINT
    if "thanks" in found or "greeting" in found or "away" in found:
        return _OTHER  # a thank-you for our help, season's greetings, an out-of-office reply: not praise
    if mood.score >= PRAISE_MOOD:
        return _PRAISE
    return _OTHER


def _urgent(found: dict[str, int], label: MoodLabel, asked: bool) -> bool:
    """Whether an "urgent" cue makes a complaint: not in a positive text, and not in an out-of-office reply
    ("For urgent matters please contact ...") unless that reads negative. Season's wishes read positive,
    yet "Merry Christmas, but I urgently need my order" is a complaint (and "Merry Christmas! Urgent
    question: ..." a question).
    """
    if label == _NEGATIVE:
        return True
    return "away" not in found and (label != _POSITIVE or ("greeting" in found and not asked))


def _praised(praise: int, complaints: int, mood: MoodResult) -> bool:
    """Whether a positive text's praise cues outweigh its complaint cues ("Großes Lob an die Hotline").

    Sarcasm never praises; negative words ("Great service my foot ... awful") say the praise may be
    ironic, so then the praise cues must outnumber the complaint cues rather than only match them.
    """
    if praise < complaints:
        return False
    negative = False
    for span in mood.evidence:
        kind = span.kind
        if kind == "sarcasm":
            return False
        if kind == "negative":
            negative = True
    return praise > complaints or not negative


# Enum members as module constants: reading them off the class costs a metaclass lookup each time.
_ADVERSE_EVENT: Final = Intent.ADVERSE_EVENT
_SPAM: Final = Intent.SPAM
_ABUSE: Final = Intent.ABUSE
_COMPLAINT: Final = Intent.COMPLAINT
_QUESTION: Final = Intent.QUESTION
_PRAISE: Final = Intent.PRAISE
_EXPERIENCE: Final = Intent.EXPERIENCE
_OTHER: Final = Intent.OTHER
_POSITIVE: Final = MoodLabel.POSITIVE
_NEGATIVE: Final = MoodLabel.NEGATIVE
_REPLY_EXPECTED: Final = frozenset({_ADVERSE_EVENT, _COMPLAINT, _QUESTION})


def expects_reply(intent: Intent, cues: Cues) -> bool:
    """Questions, complaints and adverse events need an answer; praise and the rest usually not."""
    if intent in _REPLY_EXPECTED:
        return True
    return intent == _EXPERIENCE and cues.question_mark


# What to do next by intent; an experience depends on its mood (see :func:`suggest`).
_ACTIONS: Final = {
    _ADVERSE_EVENT: SuggestedAction.OPEN_PV_CASE,
    _COMPLAINT: SuggestedAction.OFFER_SOLUTION,
    _QUESTION: SuggestedAction.ANSWER,
    _ABUSE: SuggestedAction.HIDE,
    _SPAM: SuggestedAction.HIDE,
    _PRAISE: SuggestedAction.THANK,
}
_EXPERIENCE_ACTIONS: Final = {_POSITIVE: SuggestedAction.THANK, _NEGATIVE: SuggestedAction.ANSWER}


def suggest(intent: Intent, mood: MoodResult) -> SuggestedAction:
    """What the community manager should most likely do next."""
    if intent == _EXPERIENCE:
        return _EXPERIENCE_ACTIONS.get(mood.label, _IGNORE)
    return _ACTIONS.get(intent, _IGNORE)


_IGNORE: Final = SuggestedAction.IGNORE  # a module constant: a member read off the enum class costs a lookup


def detect(text: str, mood: MoodResult, pv: PVSignal) -> tuple[Intent, bool, SuggestedAction]:
    """(intent, expects reply, suggested action) of ``text``, given its mood and PV signal."""
    cues = find_cues(scan(text))
    intent = classify(mood, pv, cues)
    return intent, expects_reply(intent, cues), suggest(intent, mood)
