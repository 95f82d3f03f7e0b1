"""Company products in a message: exact names of several tokens, substances, misspellings within one edit."""

from __future__ import annotations

from cmdesk.analysis.pv_products import matcher
from cmdesk.analysis.text import tokenize
from cmdesk.model import Product

PRODUCTS = (
    Product("Cardiolin", "cardiolinat", ("Kardiolin",)),
    Product("Neurexa", "neurexamin", ("Neurexa50",)),
)


def found(text: str) -> list[tuple[str, str]]:
    """(text as written, brand) of each product mention, left to right, like the detector's scan."""
    tokens = tokenize(text)
    m = matcher(PRODUCTS)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        names, brand = m.lookup(tokens[i].norm)
        stop = -1
        for rest, name_brand in names:
            if all(i + 1 + k < len(tokens) and tokens[i + 1 + k].norm == w for k, w in enumerate(rest)):
                stop, brand = i + 1 + len(rest), name_brand
                break
        if stop < 0 and brand:
            stop = i + 1
        if stop > 0:
            out.append((text[tokens[i].start : tokens[stop - 1].end], brand))
            i = stop
        else:
            i += 1
    return out


def test_brand_substance_and_listed_misspelling() -> None:
    assert found("Cardiolin, cardiolinat und Kardiolin") == [
        ("Cardiolin", "Cardiolin"),
        ("cardiolinat", "Cardiolin"),
        ("Kardiolin", "Cardiolin"),
    ]


def test_name_with_digits_is_several_tokens() -> None:
    assert found("Neurexa50 und Neurexa 50") == [("Neurexa50", "Neurexa"), ("Neurexa 50", "Neurexa")]


def test_one_edit_away_matches_two_do_not() -> None:
    assert found("Cardiolinn Cadiolin Cardoilin") == [
        ("Cardiolinn", "Cardiolin"),
        ("Cadiolin", "Cardiolin"),
        ("Cardoilin", "Cardiolin"),
    ]
    assert found("Cadiolinn Card") == []


def test_matcher_is_built_once_per_product_tuple_and_knows_every_name() -> None:
    assert matcher(PRODUCTS) is matcher(PRODUCTS)
    assert matcher(PRODUCTS).known == frozenset(
        {"cardiolin", "cardiolinat", "kardiolin", "neurexa", "neurexamin", "neurexa50"}
    )
    assert matcher(()).lookup("cardiolin") == ([], "")
