"""What the demo's public writes: texts drawn by persona and language, each analysed once.

The analyzer is deterministic per text, so a text's analysed row is computed the first time
it is drawn and copied for every later message that says the same; a million messages need
only the few thousand distinct texts the phrase banks can make.
"""

from __future__ import annotations

import random
import string
from bisect import bisect
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate
from typing import Any

from cmdesk import demo_texts as bank
from cmdesk.ingest import AnalyzerLike, analysis_fields, message_values
from cmdesk.model import Direction, IncomingMessage, MessageKind

Slots = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Said:
    """A distinct text with its analysed row (message id first, then INSERT_COLUMNS), ready to copy."""

    row: list[Any]
    due_after: int  # seconds from receipt to due (the SLA for this analysis)
    suspected: bool
    case_material: bool  # suspected, with a product and an event a case form can be prefilled from


class Phrasebook:
    """Draws texts from ``rng`` (the generator's, so the whole stream follows one seed)."""

    def __init__(self, rng: random.Random, analyzer: AnalyzerLike, *, received_at: datetime) -> None:
        self.rng = rng
        self.analyzer = analyzer
        self.received_at = received_at  # any fixed moment: due times are kept as an offset from receipt
        self.drawn: dict[tuple[int, ...], Said] = {}
        self.analysed: dict[tuple[str, str], Said] = {}
        parse = string.Formatter().parse
        self.entries: dict[tuple[str, bool], list[tuple[int, str, bool, Slots]]] = {}
        number = 0
        for category, (de, en) in bank.CATEGORIES.items():
            for german, templates in ((True, de), (False, en)):
                options = (
                    ("symptom", bank.SYMPTOMS_DE if german else bank.SYMPTOMS_EN),
                    ("relative", bank.RELATIVES_DE if german else bank.RELATIVES_EN),
                    ("days", (3, 5, 10, 14, 21)),
                    ("topic", bank.TOPICS_DE if german else bank.TOPICS_EN),
                )
                entries = []
                for template in templates:  # only the slots a template uses are drawn
                    used = {f for _, f, _, _ in parse(template) if f}
                    product = bool(used & {"product", "substance"})
                    entries.append((number, template, product, tuple(o for o in options if o[0] in used)))
                    number += 1
                self.entries[(category, german)] = entries
        self.categories = {
            p: ([c for c, _ in cats], list(accumulate(w for _, w in cats))) for p, cats in bank.PERSONAS.items()
        }

    def draw(self, persona: str, *, german: bool, category: str | None = None) -> tuple[str, Said]:
        """(category, text) for a message by someone of ``persona``."""
        r = self.rng.random
        if category is None:
            names, cum = self.categories[persona]
            category = names[bisect(cum, r() * cum[-1])]
        entries = self.entries[(category, german)]
        number, template, has_product, slots = entries[int(r() * len(entries))]
        key = [number]
        if has_product:
            p = int(r() * len(bank.PRODUCTS))
            misspellings = bank.PRODUCTS[p]["misspellings"]
            key += (p, 1 + int(r() * len(misspellings)) if r() < 0.08 and misspellings else 0)
        for _, choices in slots:
            key.append(int(r() * len(choices)))
        said = self.drawn.get(tuple(key))
        if said is None:
            said = self.drawn[tuple(key)] = self._compose(template, key, has_product, slots)
        return category, said

    def adverse_event(self, persona: str, *, german: bool) -> tuple[str, Said]:
        """An adverse-event report the detector flags with a product and an event (a few draws at most)."""
        category, said = self.draw(persona, german=german, category="adverse_event")
        for _ in range(30):
            if said.case_material:
                break
            category, said = self.draw(persona, german=german, category="adverse_event")
        return category, said

    def _compose(self, template: str, key: list[int], has_product: bool, slots: Slots) -> Said:
        values: dict[str, Any] = {}
        rest = key[1:]
        if has_product:
            product = bank.PRODUCTS[rest[0]]
            values["product"] = product["misspellings"][rest[1] - 1] if rest[1] else product["brand"]
            values["substance"] = product["substance"]
            rest = rest[2:]
        for (slot, choices), pick in zip(slots, rest, strict=True):
            values[slot] = choices[pick]
        text = template.format(**values)
        return self.row(text[0].upper() + text[1:], Direction.INBOUND)

    def row(self, text: str, direction: Direction) -> Said:
        """The analysed row for ``text``; the caller overwrites the per-message columns of a copy."""
        found = self.analysed.get((text, direction.value))
        if found is not None:
            return found
        analysis = self.analyzer.analyze(text)
        received = self.received_at
        priority, due = self.analyzer.prioritize(analysis, received_at=received)
        item = IncomingMessage(
            external_id="",
            kind=MessageKind.COMMENT,
            text=text,
            created_at=received,
            author_external_id=None,
            author_name="",
            direction=direction,
        )
        values = message_values(
            account_id=0,
            item=item,
            text=text,
            author_id=None,
            analysis=analysis,
            columns=analysis_fields(analysis, priority=priority, due_at=None),
            received_at=received,
        )
        pv = analysis.pv
        material = pv.suspected and bool(pv.products) and bool(pv.events)
        found = Said([0, *values], int((due - received).total_seconds()), pv.suspected, material)
        self.analysed[(text, direction.value)] = found
        return found
