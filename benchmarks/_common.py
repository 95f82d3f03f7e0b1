"""Shared pieces of the analysis benchmarks: the labelled data, the fictional products and the scores.

Kept dependency-free (no scikit-learn) so the benchmarks run in the shipped venv.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cmdesk.model import Product

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ROOT / "tests" / "data" / "analysis" / "messages.jsonl"
PSYTAR_DEV = ROOT.parent / "shared" / "data" / "psytar" / "dev.csv"

# Novalind Pharma's products as the labelled data mentions them (brand, substance, common misspellings).
PRODUCTS: tuple[Product, ...] = (
    Product("Cardiolin", "cardiolinat", ("Kardiolin", "Cardiolyn", "Kardiolyn")),
    Product("Dermasol", "dermasolon", ("Dermasoll", "Dermasool", "Dermosol")),
    Product("Glucavia", "glucavinid", ("Glukavia", "Glucavja", "Glukavinid")),
    Product("Neurexa", "neurexamin", ("Neurexxa", "Neurecsa", "Neurexa50")),
    Product("Respirin", "respirolast", ("Respirn", "Respiryn", "Respirine")),
    Product("Ossivia", "ossivronat", ("Osivia", "Ossivja", "Osivja")),
)


@dataclass(frozen=True)
class Message:
    """One labelled message of tests/data/analysis/messages.jsonl."""

    id: str
    lang: str
    split: str
    channel: str
    text: str
    mood: str
    intent: str
    ae: bool


def load_messages(split: str | None = None) -> list[Message]:
    """The labelled messages, optionally one split only ("dev" or "test")."""
    out: list[Message] = []
    for line in MESSAGES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if split is not None and row["split"] != split:
            continue
        out.append(
            Message(
                id=str(row["id"]),
                lang=str(row["lang"]),
                split=str(row["split"]),
                channel=str(row["channel"]),
                text=str(row["text"]),
                mood=str(row["mood"]),
                intent=str(row["intent"]),
                ae=bool(row["ae"]),
            )
        )
    return out


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str] | None = None) -> float:
    """Unweighted mean of per-class F1; classes are the given labels or those seen in gold."""
    classes = sorted(set(labels) if labels is not None else set(gold))
    scores: list[float] = []
    for cls in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p != cls)
        scores.append(f1(tp, fp, fn))
    return sum(scores) / len(scores) if scores else 0.0


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@dataclass(frozen=True)
class BinaryScore:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    n: int


def binary_score(gold: Sequence[bool], predicted: Sequence[bool]) -> BinaryScore:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return BinaryScore(precision, recall, f1(tp, fp, fn), tp, fp, fn, len(gold))


def best_per_item_seconds(run: Callable[[], object], items: int, passes: int = 5) -> float:
    """Best-of-N wall time of one pass over all items, divided by the item count (time.perf_counter)."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / max(items, 1)


def best_per_item_seconds_side_by_side(
    runs: dict[str, Callable[[], object]], items: int, passes: int = 15
) -> dict[str, float]:
    """Best-of-N wall time per item of several runs, their passes taken in turn (A, B, B, A, A, B, ...).

    A ratio of two timings is only as good as the conditions they share. On a shared virtual
    machine the CPU's speed drifts over seconds; passes in turn see the same drift, blocks of
    passes one after the other do not (the ratio of the same code spread 0.81-1.37 that way).
    """
    best = dict.fromkeys(runs, float("inf"))
    for turn in range(passes):
        order = list(runs.items())
        for name, run in order if turn % 2 == 0 else reversed(order):  # neither always follows the other's garbage
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: seconds / max(items, 1) for name, seconds in best.items()}
