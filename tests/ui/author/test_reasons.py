"""cmdesk's reasons in the user's language: every core template has its translation, figures carried over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cmdesk.analysis.author_type import REASONS
from cmdesk.model import MERGE_REASONS
from ui import i18n
from ui.author.reasons import merge_labels, merge_reason, type_reason, type_templates


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    assert i18n.install("de") is True
    yield
    i18n.install("en")


def test_every_core_reason_has_a_template_with_the_same_english(qapp: object) -> None:
    assert (type_templates(), merge_labels()) == (REASONS, {reason: reason for reason in MERGE_REASONS})


def test_english_sentences_stay_as_they_are(qapp: object) -> None:
    sentence = "3 of 4 messages were positive over 39 days on 2 channels."
    assert (type_reason(sentence), merge_reason("same wording")) == (sentence, "same wording")


def test_german_window_shows_german_reasons_with_the_figures(german: None) -> None:
    shown = [
        type_reason("3 of 4 messages were positive over 39 days on 2 channels."),
        type_reason("4 of 6 messages were negative and 2 were complaints (average mood -0.35)."),
        type_reason("Only 1 message from this author so far."),
        type_reason("Written by a version that knew other words."),  # unknown: shown as stored
        merge_reason("same full name on another channel"),
    ]
    assert shown == [
        "3 von 4 Nachrichten waren positiv, über 39 Tage auf 2 Kanälen.",
        "4 von 6 Nachrichten waren negativ und 2 waren Beschwerden (mittlere Stimmung -0.35).",
        "Bisher erst 1 Nachricht von dieser Person.",
        "Written by a version that knew other words.",
        "gleicher vollständiger Name auf einem anderen Kanal",
    ]


def test_every_template_has_german(german: None) -> None:
    untranslated = [code for code, text in type_templates().items() if text == REASONS[code]]
    assert untranslated == []
