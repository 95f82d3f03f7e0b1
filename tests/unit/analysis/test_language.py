from __future__ import annotations

import pytest

from cmdesk.analysis.language import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das ist nicht gut", "de"),
        ("weiß jemand ob das hilft", "de"),
        ("Schöne Grüße", "de"),
        ("This is not bad at all", "en"),
        ("Does anyone know if this is normal", "en"),
        ("Frohe Ostern an das ganze Team", "de"),  # "an" is in both lists: it weighs for neither
        ("Endlich ein Pharma-Kanal ohne Marketing-Blabla. Weiter so!", "de"),
        ("Happy Friday everyone!", "en"),
        ("Bonjour mes amis", "other"),
        ("", "other"),
        ("😡😡😡", "other"),
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert detect(text) == expected


def test_mixed_text_goes_to_the_language_with_more_function_words() -> None:
    assert detect("Ich finde das echt nicht gut, sorry for my English") == "de"
    assert detect("I took the Tabletten and it was bad") == "en"
