"""German, English or other: counted from function words, which every short post has.

Character n-gram models would be more precise, but function words are enough to pick the
lexicon, cost one dict lookup per token and need no data files.
"""

from __future__ import annotations

from collections.abc import Sequence
from sys import intern
from typing import Final

from cmdesk.analysis.text import Token, Tokens, as_tokens, scan


def _words(text: str) -> frozenset[str]:
    return frozenset(map(intern, text.split()))  # interned like the tokens' norms: found by identity


GERMAN: Final = _words(
    "der die das und ist nicht ich du er sie wir ihr es ein eine einen einem einer mit von zu auf fuer "
    "bei mir mich dich dir sich auch aber oder wenn dass weil wie was wer warum wieso weshalb wo "
    "kann koennen hat habe haben hatte bin sind war waren wird werden noch schon nur sehr mal jetzt "
    "seit nach vor ueber unter kein keine keinen hier da doch ja nein danke bitte gut schlecht "
    "jemand weiss tabletten meine mein meinen meiner nehme genommen seitdem immer etwas viel "
    "heute gestern morgen toll leider echt den dem des im am zum zur vom ins "
    "dieses diese dieser diesem diesen euer eure euch uns unser "
    "an alle allen alles ganze ganzen hallo liebe lieben vielen dank frohe frohes weiter wieder endlich "
    "einfach wirklich hab habt hast gibt geht gerade mehr dann denn nichts man sollte ohne eigentlich "
    "welche welcher welchem welches erster"
)
ENGLISH: Final = _words(
    "the a an and is are was were be been not i you he she we they it of to in on for with at by "
    "from my me your his her our their this that these those what who why how where when which "
    "can could would should will have has had do does did don't doesn't didn't can't isn't "
    "very just really still also but or if because so no yes thanks thank please good bad "
    "anyone know taking took since after before about any some much more pills my mother "
    "today yesterday great awful never always feel feeling "
    "everyone nobody anybody asked first happy wrong without fast cheap"
)
# A word in both lists ("an", "was", "will") adds to both counts: it weighs for neither language.
GERMAN_LETTERS: Final = frozenset("äöüßÄÖÜ")


def detect(text: str) -> str:
    """ "de", "en" or "other" for the text (first 20 000 characters)."""
    return detect_tokens(scan(text), text)


def detect_tokens(tokens: Sequence[Token], text: str = "") -> str:
    """The same as :func:`detect` for text already tokenized (the pipeline tokenizes once)."""
    toks = tokens if type(tokens) is Tokens else as_tokens(tokens)
    de = en = 0
    # One plain loop over the forms: it costs less than a set test per language and sum() over map() for the
    # languages present (sum adds bools the slow way, as objects).
    for norm in toks.norm_list:
        if norm in GERMAN:
            de += 1
        if norm in ENGLISH:
            en += 1
    if de == en == 0:
        return "other" if GERMAN_LETTERS.isdisjoint(text[:2000]) else "de"
    if de == en:
        return "en" if GERMAN_LETTERS.isdisjoint(text[:2000]) else "de"
    return "de" if de > en else "en"
