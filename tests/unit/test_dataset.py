"""Guards cmdesk's own labelled analysis data so benchmark figures stay comparable over time.

The test split is the yardstick for the analyzer and the PV detector; if an item silently moved between
splits, or labels drifted outside the model's enums, the published figures would no longer mean anything.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cmdesk.model import Intent, MoodLabel

DATA = Path(__file__).resolve().parents[1] / "data" / "analysis" / "messages.jsonl"
CHANNELS = {"facebook", "instagram", "youtube", "forum", "email", "messenger"}
SPECIALS = {
    "pregnancy",
    "overdose",
    "lack_of_efficacy",
    "product_quality",
    "medication_error",
    "off_label",
    "misuse_abuse",
}
# The test ids of the first release of the data (de-0001..de-0337, en-0001..en-0340). Adding items later is
# fine; moving one of these out of the test split is not, because figures measured on it would change meaning.
FROZEN_LAST = {"de": 337, "en": 340}
FROZEN_TEST_DIGEST = "7f7d7f331f95befdf0c2f189394fb12dbb7a614a0a17aec04adffb15db3f48c2"
FROZEN_TEST_COUNT = 367


def split_of(item_id: str) -> str:
    """The documented split rule: first byte of sha256(id) even -> test, odd -> dev."""
    return "test" if hashlib.sha256(item_id.encode()).digest()[0] % 2 == 0 else "dev"


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_at_least_300_messages_per_language(items: list[dict[str, Any]]) -> None:
    counts = Counter(item["lang"] for item in items)
    assert set(counts) == {"de", "en"}
    assert min(counts.values()) >= 300


def test_every_item_has_the_split_its_id_hashes_to(items: list[dict[str, Any]]) -> None:
    wrong = [item["id"] for item in items if item["split"] != split_of(item["id"])]
    assert wrong == []


def test_both_splits_hold_a_fair_share_of_each_language(items: list[dict[str, Any]]) -> None:
    for lang in ("de", "en"):
        splits = Counter(item["split"] for item in items if item["lang"] == lang)
        assert set(splits) == {"dev", "test"}
        assert 0.35 <= splits["test"] / sum(splits.values()) <= 0.65


def test_test_split_ids_are_stable(items: list[dict[str, Any]]) -> None:
    frozen = [
        item["id"]
        for item in items
        if item["split"] == "test" and int(item["id"].split("-")[1]) <= FROZEN_LAST[item["lang"]]
    ]
    assert len(frozen) == FROZEN_TEST_COUNT
    assert hashlib.sha256("\n".join(frozen).encode()).hexdigest() == FROZEN_TEST_DIGEST


def test_labels_are_valid(items: list[dict[str, Any]]) -> None:
    moods = {label.value for label in MoodLabel}
    intents = {intent.value for intent in Intent}
    for item in items:
        assert item["id"] == f"{item['lang']}-{item['id'].split('-')[1]}"
        assert item["channel"] in CHANNELS, item["id"]
        assert item["mood"] in moods, item["id"]
        assert item["intent"] in intents, item["id"]
        assert isinstance(item["ae"], bool), item["id"]
        assert set(item["ae_special"]) <= SPECIALS, item["id"]
        assert item["annotators"] == ["A", "B"], item["id"]
        assert isinstance(item["agreement"], bool), item["id"]
        assert item["text"].strip() == item["text"] and item["text"], item["id"]


def test_adverse_event_intent_goes_with_the_ae_flag(items: list[dict[str, Any]]) -> None:
    mismatched = [item["id"] for item in items if item["ae"] != (item["intent"] == Intent.ADVERSE_EVENT.value)]
    assert mismatched == []


def test_special_situations_only_on_ae_items(items: list[dict[str, Any]]) -> None:
    assert [item["id"] for item in items if item["ae_special"] and not item["ae"]] == []


def test_about_a_fifth_are_adverse_events(items: list[dict[str, Any]]) -> None:
    for lang in ("de", "en"):
        flags = [item["ae"] for item in items if item["lang"] == lang]
        assert 0.18 <= sum(flags) / len(flags) <= 0.27, lang


def test_ids_and_texts_are_unique(items: list[dict[str, Any]]) -> None:
    ids = Counter(item["id"] for item in items)
    texts = Counter(" ".join(item["text"].casefold().split()) for item in items)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []
