"""The compiled analysis is used only when built from these sources, and reads every text as the Python does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path

import pytest

from cmdesk.analysis import mood, native
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Product

ROOT = Path(__file__).resolve().parents[3]
CARDIOLIN = (Product(brand="Cardiolin", substance="cardiolinum"),)


def _build(root: Path, *, content: bytes = b"", **changes: object) -> None:
    """A fake build in ``root``: a library file per module (``content``), and a manifest that fits it."""
    folder = root / "cmdesk" / "analysis"
    folder.mkdir(parents=True)
    for name in native.LIBRARIES:
        (folder / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(content + name.encode())
    manifest: dict[str, object] = {
        "interpreter": native.interpreter_tag(),
        "sources": native.source_hashes(native.package_dir()),
        "libraries": native.libraries(root),
    }
    manifest.update(changes)
    (root / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_a_build_of_these_sources_fits(tmp_path: Path) -> None:
    _build(tmp_path)
    assert native.check(tmp_path, native.package_dir()) == ""


def test_a_build_of_changed_sources_does_not_fit(tmp_path: Path) -> None:
    sources = native.source_hashes(native.package_dir())
    _build(tmp_path, sources={**sources, "mood": "0" * 64, "text": "1" * 64})
    assert native.check(tmp_path, native.package_dir()) == (
        "changed since compiled: mood, text (scripts/build_native.py compiles them again)"
    )


def test_the_bundle_trusts_its_build_without_sources(tmp_path: Path) -> None:
    """The installer bundle has bytecode only: its build was checked against the sources when it was made."""
    _build(tmp_path, sources=dict.fromkeys(native.COMPILED, "0" * 64))
    assert (native.check(tmp_path, None), native.check(tmp_path, native.package_dir())[:22]) == (
        "",
        "changed since compiled",
    )


def test_a_library_changed_after_the_build_does_not_fit(tmp_path: Path) -> None:
    """A truncated library crashes the process that loads it: the files must be the ones built."""
    _build(tmp_path)
    library = tmp_path / "cmdesk" / "analysis" / f"text{EXTENSION_SUFFIXES[0]}"
    library.write_bytes(library.read_bytes()[:2])
    assert native.check(tmp_path, native.package_dir()) == (
        "the compiled analysis's libraries are not the ones it was built with (scripts/build_native.py)"
    )


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (None, "no compiled analysis in {root} (scripts/build_native.py builds it)"),
        ("{not json", "the compiled analysis's manifest cannot be read (JSONDecodeError)"),
        ({"interpreter": "cpython-312-linux"}, "the compiled analysis was built for another interpreter"),
        ({"sources": {"mood": ""}}, "the compiled analysis holds other modules than this version compiles"),
    ],
)
def test_why_a_build_is_not_used(tmp_path: Path, manifest: object, reason: str) -> None:
    if isinstance(manifest, dict):
        _build(tmp_path, **manifest)
    elif isinstance(manifest, str):
        (tmp_path / native.MANIFEST).write_text(manifest, encoding="utf-8")
    assert native.check(tmp_path, native.package_dir()) == reason.format(root=tmp_path)


_RUN = """
from cmdesk.analysis import native
from cmdesk.analysis.pipeline import Analyzer
print(native.describe())
print(Analyzer().analyze("Seit ich Cardiolin nehme, ist mir schwindelig").pv.suspected)
"""


def _run(**given: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if key != native.PURE_ENV}
    done = subprocess.run(
        [sys.executable, "-c", _RUN],
        env={**env, "PYTHONPATH": str(ROOT), **given},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_a_build_that_cannot_be_loaded_leaves_plain_python_working(tmp_path: Path) -> None:
    """Libraries that fit their manifest but are no libraries: nothing of them is used, the analysis runs."""
    _build(tmp_path, content=b"not an ELF file: ")
    found = _run(**{native.DIR_ENV: str(tmp_path)})
    assert (found[0][: len("plain Python (the compiled analysis cannot be loaded (ImportError: ")], found[1:]) == (
        "plain Python (the compiled analysis cannot be loaded (ImportError: ",
        ["True"],
    )


def test_the_pure_python_switch_wins(tmp_path: Path) -> None:
    _build(tmp_path)
    assert _run(**{native.DIR_ENV: str(tmp_path), native.PURE_ENV: "1"}) == [
        "plain Python (CMDESK_PURE_PYTHON is set)",
        "True",
    ]


def _texts() -> list[str]:
    """The development texts, and each again with other spacing, in capitals, stretched and with links/emoji."""
    rows = [json.loads(line) for line in (ROOT / "tests/data/analysis/messages.jsonl").read_text().splitlines() if line]
    texts = [row["text"] for row in rows if row["split"] == "dev"]
    variants = []
    for text in texts:
        words = text.split(" ")
        variants += [
            "  ".join(words),
            "\n".join(words[:4]) + " " + " ".join(words[4:]),
            text.upper(),
            text.replace("o", "ooo").replace("e", "eee"),
            f"{text} https://example.com/x?y=1 :-) 😀👍🏽!!!",
            f"Ich habe keinerlei Nebenwirkungen mit Cardiolin, aber {text[:60]}?",
        ]
    return ["", " ", "x" * 30_000, *texts, *variants]


_DUMP = """
import json, sys
from cmdesk.analysis import mood, native
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Product
assert native.ACTIVE is None, native.describe()
analyzer = Analyzer(products=(Product(brand="Cardiolin", substance="cardiolinum"),))
texts = json.load(sys.stdin)
results = [repr(analyzer.analyze(t)) for t in texts + texts]
memos = {lang: [len(m.flags), sum(m.flags.values()), len(m.records)] for lang, m in sorted(mood._MEMOS.items())}
print(json.dumps({"results": results, "memos": memos}))
"""


def test_the_compiled_analysis_reads_every_text_as_the_python_does() -> None:
    """Value for value; and what the per-word memos learnt is the same too (it decides what is looked at)."""
    if native.ACTIVE is None:
        if os.environ.get("CI"):  # CI must test what users run: scripts/dev.sh compiles the analysis
            pytest.fail(f"the compiled analysis is not in use: {native.REASON}")
        pytest.skip(f"the compiled analysis is not in use: {native.REASON}")
    loaders = {name: type(sys.modules[f"cmdesk.analysis.{name}"].__loader__) for name in native.LIBRARIES}
    assert loaders == dict.fromkeys(native.LIBRARIES, ExtensionFileLoader)
    texts = _texts()
    env = {**os.environ, native.PURE_ENV: "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP], input=json.dumps(texts), env=env, capture_output=True, text=True, check=True
    )
    python = json.loads(done.stdout)
    mood._MEMOS.clear()  # learnt afresh from the same texts, as in the other process
    analyzer = Analyzer(products=CARDIOLIN)
    compiled = [repr(analyzer.analyze(t)) for t in texts + texts]  # twice: the second time from warm caches
    memos = {lang: [len(m.flags), sum(m.flags.values()), len(m.records)] for lang, m in sorted(mood._MEMOS.items())}
    assert len(python["results"]) == 2 * len(texts) > 3000
    assert (compiled, memos) == (python["results"], python["memos"])
