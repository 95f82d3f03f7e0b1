"""Adverse-event detector quality and speed on cmdesk's labelled data and on PsyTAR patient reviews.

    .venv/bin/python benchmarks/pv.py [--split test|dev|all] [--json]

cmdesk data: gold is the PV-conservative `ae` flag (special situations count as positives).
PsyTAR (../shared/data/psytar/dev.csv, tab-separated despite the name; columns sentences, ADR, WD, EF, INF,
SSI, DI): gold positive = ADR == 1. A second figure counts WD == 1 (withdrawal symptoms) as positive too,
because a PV reviewer would log those as well. SSI (symptoms of the illness itself) and INF (lack of
effect) stay negative: they are the hard negatives and the efficacy remarks a pure ADR label leaves out.
PsyTAR sentences name psychiatric drugs, not Novalind's products, and often only say "this drug".
Recall at alternative thresholds uses PVSignal.score so the choice of THRESHOLD can be argued from data.
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from _common import (
    PRODUCTS,
    PSYTAR_DEV,
    BinaryScore,
    best_per_item_seconds,
    binary_score,
    load_messages,
)

from cmdesk.analysis import adverse_events

ALTERNATIVE_THRESHOLDS = (0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)


def load_psytar(path: Path = PSYTAR_DEV) -> list[tuple[str, bool, bool]]:
    """(sentence, ADR, ADR or WD) per row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(r["sentences"], r["ADR"] == "1", r["ADR"] == "1" or r["WD"] == "1") for r in rows]


def evaluate(texts: list[str], gold: list[bool], language: str) -> dict[str, Any]:
    signals = [adverse_events.detect(text, language, PRODUCTS) for text in texts]
    score: BinaryScore = binary_score(gold, [s.suspected for s in signals])
    at_threshold = {}
    for threshold in ALTERNATIVE_THRESHOLDS:
        alt = binary_score(gold, [s.score >= threshold for s in signals])
        at_threshold[f"{threshold:.2f}"] = {"precision": alt.precision, "recall": alt.recall, "f1": alt.f1}

    def run() -> None:
        for text in texts:
            adverse_events.detect(text, language, PRODUCTS)

    seconds = best_per_item_seconds(run, len(texts))
    return {**asdict(score), "ms_per_message": seconds * 1000, "by_threshold": at_threshold}


def measure(split: str) -> dict[str, Any]:
    messages = load_messages(None if split == "all" else split)
    result: dict[str, Any] = {"split": split, "threshold": adverse_events.THRESHOLD, "sets": {}}
    for lang in ("de", "en"):
        picked = [m for m in messages if m.lang == lang]
        result["sets"][f"cmdesk-{lang}"] = evaluate([m.text for m in picked], [m.ae for m in picked], lang)
    if PSYTAR_DEV.exists():
        rows = load_psytar()
        texts = [text for text, _, _ in rows]
        result["sets"]["psytar-adr"] = evaluate(texts, [adr for _, adr, _ in rows], "en")
        result["sets"]["psytar-adr+wd"] = evaluate(texts, [both for _, _, both in rows], "en")
    return result


def print_table(result: dict[str, Any]) -> None:
    print(f"PV detector benchmark, cmdesk split={result['split']}, THRESHOLD={result['threshold']}")
    print(f"{'set':<15}{'n':>5}{'pos':>5}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'ms/msg':>9}")
    for name, row in result["sets"].items():
        print(
            f"{name:<15}{row['n']:>5}{row['tp'] + row['fn']:>5}{row['precision']:>7.3f}{row['recall']:>7.3f}"
            f"{row['f1']:>7.3f}{row['tp']:>5}{row['fp']:>5}{row['fn']:>5}{row['ms_per_message']:>9.4f}"
        )
    print()
    print("Recall / precision at alternative thresholds (PVSignal.score >= t):")
    header = "".join(f"{t:>12}" for t in (f"{x:.2f}" for x in ALTERNATIVE_THRESHOLDS))
    print(f"{'set':<15}{header}")
    for name, row in result["sets"].items():
        cells = "".join(
            f"{row['by_threshold'][f'{t:.2f}']['recall']:>6.2f}/{row['by_threshold'][f'{t:.2f}']['precision']:<5.2f}"
            for t in ALTERNATIVE_THRESHOLDS
        )
        print(f"{name:<15}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    result = measure(args.split)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
