"""Mood and intent quality of the analyzer on cmdesk's labelled data, with VADER as the English baseline.

    .venv/bin/python benchmarks/analysis.py [--split test|dev|all] [--json]

Quality: macro-F1 for mood (3 classes) and intent (all Intent values present in gold) per language.
Speed: per-message time of the whole Analyzer.analyze versus VADER polarity_scores alone on the same
texts in the same run (best of 15 passes each, taken in turn); the target is a ratio <= 1.0. The first pass, when the
analyzer meets each word for the first time, is printed too. Tune only on --split dev.

The analysis runs compiled where scripts/build_native.py has built it (cmdesk/analysis/native.py); the table
says which. Then the plain-Python analysis is measured too, in a second process (CMDESK_PURE_PYTHON=1) on the
same texts, against VADER in that process: what a machine without a C compiler gets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

from _common import PRODUCTS, Message, best_per_item_seconds_side_by_side, load_messages, macro_f1
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from cmdesk.analysis import native
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Intent, MoodLabel

MOODS = [label.value for label in MoodLabel]


def vader_label(compound: float) -> str:
    """VADER's documented cut-offs: >= 0.05 positive, <= -0.05 negative, else neutral."""
    if compound >= 0.05:
        return MoodLabel.POSITIVE.value
    if compound <= -0.05:
        return MoodLabel.NEGATIVE.value
    return MoodLabel.NEUTRAL.value


def measure(messages: list[Message]) -> dict[str, Any]:
    analyzer = Analyzer(products=PRODUCTS)
    vader = SentimentIntensityAnalyzer()
    texts = [m.text for m in messages]
    for warm_up in ("Ich lade die Lexika", "I load the lexicons", "123"):  # de, en, other: the first pass
        analyzer.analyze(warm_up)  # then times analysis, not loading files and compiling lexicons
    vader.polarity_scores("load the lexicon")
    # The first pass meets every word for the first time: the analyzer's per-word caches are still empty.
    start = time.perf_counter()
    results = [analyzer.analyze(text) for text in texts]
    cold_s = (time.perf_counter() - start) / max(len(texts), 1)
    start = time.perf_counter()
    for text in texts:
        vader.polarity_scores(text)
    vader_cold_s = (time.perf_counter() - start) / max(len(texts), 1)

    languages: dict[str, Any] = {}
    for lang in sorted({m.lang for m in messages}):
        picked = [(m, r) for m, r in zip(messages, results, strict=True) if m.lang == lang]
        gold_intents = [m.intent for m, _ in picked]
        intent_labels = sorted(set(gold_intents))
        languages[lang] = {
            "n": len(picked),
            "mood_macro_f1": macro_f1([m.mood for m, _ in picked], [r.mood.label.value for _, r in picked], MOODS),
            "intent_macro_f1": macro_f1(gold_intents, [r.intent.value for _, r in picked], intent_labels),
            "language_accuracy": sum(1 for m, r in picked if r.language == lang) / len(picked),
        }

    english = [m for m in messages if m.lang == "en"]
    vader_f1 = macro_f1(
        [m.mood for m in english], [vader_label(vader.polarity_scores(m.text)["compound"]) for m in english], MOODS
    )

    def run_analyzer() -> None:
        fresh = Analyzer(products=PRODUCTS)  # a fresh instance so no per-text cache can flatter the figure
        for text in texts:
            fresh.analyze(text)

    def run_vader() -> None:
        for text in texts:
            vader.polarity_scores(text)

    best = best_per_item_seconds_side_by_side({"analyzer": run_analyzer, "vader": run_vader}, len(texts))
    analyzer_s, vader_s = best["analyzer"], best["vader"]
    return {
        "implementation": native.describe(),
        "messages": len(messages),
        "languages": languages,
        "vader_en_mood_macro_f1": vader_f1,
        "intent_values": [intent.value for intent in Intent],
        "analyzer_first_pass_ms_per_message": cold_s * 1000,
        "vader_first_pass_ms_per_message": vader_cold_s * 1000,
        "analyzer_ms_per_message": analyzer_s * 1000,
        "vader_ms_per_message": vader_s * 1000,
        "time_ratio_analyzer_vs_vader": analyzer_s / vader_s if vader_s else float("inf"),
    }


def print_table(result: dict[str, Any], split: str) -> None:
    print(f"Analysis benchmark on split={split}, {result['messages']} messages; analysis {result['implementation']}")
    print(f"{'lang':<6}{'n':>6}{'mood macro-F1':>16}{'intent macro-F1':>18}{'lang acc':>10}")
    for lang, row in result["languages"].items():
        print(
            f"{lang:<6}{row['n']:>6}{row['mood_macro_f1']:>16.3f}{row['intent_macro_f1']:>18.3f}"
            f"{row['language_accuracy']:>10.3f}"
        )
    print(f"VADER mood macro-F1 (en):          {result['vader_en_mood_macro_f1']:.3f}")
    print(f"Analyzer.analyze per message:      {result['analyzer_ms_per_message']:.4f} ms")
    print(f"VADER polarity_scores per message: {result['vader_ms_per_message']:.4f} ms")
    print(f"ratio analyzer / VADER:            {result['time_ratio_analyzer_vs_vader']:.2f} (target <= 1.0)")
    print(
        f"first pass (word caches cold):     {result['analyzer_first_pass_ms_per_message']:.4f} ms"
        f" vs VADER {result['vader_first_pass_ms_per_message']:.4f} ms"
    )
    python = result.get("plain_python")
    if python:
        print(
            f"plain Python, second process:      {python['analyzer_ms_per_message']:.4f} ms"
            f" vs VADER {python['vader_ms_per_message']:.4f} ms, ratio {python['time_ratio_analyzer_vs_vader']:.2f}"
        )


def plain_python(split: str) -> dict[str, Any]:
    """The speed figures of the plain-Python analysis, measured in a process that does not load the compiled one."""
    env = {**os.environ, native.PURE_ENV: "1"}
    done = subprocess.run(
        [sys.executable, __file__, "--split", split, "--json", "--python-only"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, Any] = json.loads(done.stdout)
    keys = ("implementation", "analyzer_ms_per_message", "vader_ms_per_message", "time_ratio_analyzer_vs_vader")
    return {key: found[key] for key in keys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--python-only", action="store_true", help="do not measure plain Python a second time")
    args = parser.parse_args(argv)
    messages = load_messages(None if args.split == "all" else args.split)
    result = measure(messages)
    result["split"] = args.split
    if native.ACTIVE is not None and not args.python_only:
        result["plain_python"] = plain_python(args.split)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print_table(result, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
