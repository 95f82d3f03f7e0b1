"""One entry point for the desk: text in, :class:`TextAnalysis` out; plus queue rank and due time.

The text is scanned once (:func:`cmdesk.analysis.text.scan`) and every step reads the same tokens, which
keeps a short post well under a millisecond. Huge texts are analysed on their first 20 000 characters for mood
and intent (offsets stay valid: they point into the original text); the adverse-event
detector sees the text as its own contract defines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from threading import Lock
from typing import Final

from cmdesk.analysis import adverse_events, intent, language, mood, priority
from cmdesk.analysis.build import text_analysis
from cmdesk.analysis.priority import SlaPolicy
from cmdesk.analysis.text import scan
from cmdesk.model import Intent, Product, SuggestedAction, TextAnalysis

_ADVERSE_EVENT: Final = Intent.ADVERSE_EVENT
_OPEN_PV_CASE: Final = SuggestedAction.OPEN_PV_CASE

# The analysis steps keep per-word caches that are cleared when full and are not safe to share between
# threads; sync analyses on its fetch thread while the window may analyse too. The analysis is pure Python,
# so under the GIL two threads would not run it in parallel anyway: one lock costs nothing in throughput.
_CACHES: Final = Lock()


class Analyzer:
    """Analyses message texts for one desk: its products (for PV) and its SLA (for due times)."""

    def __init__(self, products: Sequence[Product] = (), sla: SlaPolicy | None = None) -> None:
        self.products = tuple(products)
        self.sla = sla or SlaPolicy()

    def analyze(self, text: str) -> TextAnalysis:
        """Language, mood, adverse-event signal, intent and suggested action of ``text``; any thread."""
        with _CACHES:  # the steps in this method's own body: one call per text fewer than a helper would take
            tokens = scan(text)
            lang = language.detect_tokens(tokens, text)
            found_mood = mood.analyse(text, lang, tokens)
            pv = adverse_events.detect(text, lang, self.products, tokens=tokens)
            if pv.suspected:  # a suspected adverse event wins whatever else the text is: no need for intent cues
                return text_analysis(lang, found_mood, _ADVERSE_EVENT, True, pv, _OPEN_PV_CASE)
            cues = intent.find_cues(tokens)
            found_intent = intent.classify(found_mood, pv, cues)
            return text_analysis(
                lang,
                found_mood,
                found_intent,
                intent.expects_reply(found_intent, cues),
                pv,
                intent.suggest(found_intent, found_mood),
            )

    def prioritize(self, analysis: TextAnalysis, *, received_at: datetime) -> tuple[int, datetime]:
        """(rank, due_at): rank 0 suspected adverse event, 1 acute complaint, 2 question, 3 the rest."""
        return priority.prioritize(analysis, received_at=received_at, sla=self.sla)
