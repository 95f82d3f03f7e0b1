"""The company's own products in a message: brand, substance and misspellings, exact or within one edit.

Always reported by brand. Names are matched on the shared tokens (so "Neurexa50" and "Neurexa 50" are
the same two tokens); any word of 5+ letters within one edit of a name of 6+ letters matches too
("Cardiolinn", "Cadiolin"). The matcher is built once per product tuple, the fuzzy verdict once per word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cmdesk.analysis.text import tokenize
from cmdesk.model import Product


@dataclass
class ProductMatcher:
    """Product names indexed by their first token; fuzzy single-word names."""

    names: dict[str, list[tuple[tuple[str, ...], str]]]  # first norm -> [(further norms, brand)], longest first
    fuzzy: tuple[tuple[str, str], ...]  # (single-word name of 6+ letters, brand)
    known: frozenset[str]  # every name as written, lower case: other drug lists must not report these again
    # Fuzzy names a word of each length may be one edit away from (names one shorter, as long, one longer).
    fuzzy_by_length: dict[int, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # The detector's memo of word verdicts for these products, by language choice (see adverse_events._Memo).
    memos: dict[str, Any] = field(default_factory=dict)

    def lookup(self, norm: str) -> tuple[list[tuple[tuple[str, ...], str]], str]:
        """(names starting with this token, brand of a name within one edit or ""); not cached."""
        brand = ""
        size = len(norm)
        if size >= 5 and norm.isalpha():
            for name, name_brand in self.fuzzy_by_length.get(size, ()):
                if _within_one_edit(norm, name):
                    brand = name_brand
                    break
        return self.names.get(norm, []), brand


def _spellings(name: str) -> set[str]:
    name = name.strip().lower()
    spellings = {name}
    if any(ch in name for ch in "äöü"):
        spellings.add(name.replace("ä", "a").replace("ö", "o").replace("ü", "u"))
    return spellings


@lru_cache(maxsize=64)
def matcher(products: tuple[Product, ...]) -> ProductMatcher:
    """The matcher for one tuple of products (cached: the desk's product list rarely changes)."""
    by_words: dict[tuple[str, ...], str] = {}
    for product in products:
        for name in (product.brand, product.substance, *product.misspellings):
            for spelling in _spellings(name):
                words = tuple(t.norm for t in tokenize(spelling) if t.kind != "punct")
                if words:
                    by_words.setdefault(words, product.brand)
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, brand in sorted(by_words.items(), key=lambda item: -len(item[0])):
        names.setdefault(words[0], []).append((words[1:], brand))
    fuzzy = tuple((w[0], b) for w, b in by_words.items() if len(w) == 1 and len(w[0]) >= 6 and w[0].isalpha())
    known = frozenset(n.lower() for p in products for n in (p.brand, p.substance, *p.misspellings))
    by_length = {
        size: tuple((n, b) for n, b in fuzzy if abs(len(n) - size) <= 1)
        for size in range(5, max((len(n) for n, _ in fuzzy), default=0) + 2)
    }
    return ProductMatcher(names, fuzzy, known, {size: found for size, found in by_length.items() if found})


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-style distance <= 1 (one substitution, insertion, deletion or swap of neighbours)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
