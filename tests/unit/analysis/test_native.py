"""The compiled analysis is used only when built from these sources, and reads every text as the Python does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from cmdesk.analysis import native
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Product

ROOT = Path(__file__).resolve().parents[3]
CARDIOLIN = (Product(brand="Cardiolin", substance="cardiolinum"),)


def _manifest(root: Path, *, libraries: bool = True, **changes: object) -> None:
    """A build's manifest in ``root``, and (empty) files where its libraries go: check() only sees they are there."""
    if libraries:
        folder = root / "cmdesk" / "analysis"
        folder.mkdir(parents=True)
        for name in (*native.COMPILED, f"{native.GROUP}__mypyc"):
            (folder / f"{name}{EXTENSION_SUFFIXES[0]}").touch()
    manifest: dict[str, object] = {
        "interpreter": native.interpreter_tag(),
        "sources": native.source_hashes(native.package_dir()),
    }
    manifest.update(changes)
    root.mkdir(parents=True, exist_ok=True)
    (root / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch) -> None:
    """use_compiled records what it found in the module: put back what the real import found."""
    monkeypatch.setattr(native, "ACTIVE", native.ACTIVE)
    monkeypatch.setattr(native, "REASON", native.REASON)
    monkeypatch.delenv(native.PURE_ENV, raising=False)


def test_a_build_of_these_sources_is_put_first(tmp_path: Path, state: None) -> None:
    _manifest(tmp_path)
    path = ["/the/sources"]
    found = native.use_compiled(path, tmp_path)
    assert (found, path, native.ACTIVE, native.REASON) == (
        tmp_path / "cmdesk" / "analysis",
        [str(tmp_path / "cmdesk" / "analysis"), "/the/sources"],
        tmp_path / "cmdesk" / "analysis",
        "",
    )


def test_a_build_of_changed_sources_is_not_used(tmp_path: Path, state: None) -> None:
    sources = native.source_hashes(native.package_dir())
    _manifest(tmp_path, sources={**sources, "mood": "0" * 64, "text": "1" * 64})
    path = ["/the/sources"]
    assert (native.use_compiled(path, tmp_path), path, native.describe()) == (
        None,
        ["/the/sources"],
        "plain Python (changed since compiled: mood, text (scripts/build_native.py compiles them again))",
    )


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (None, "no compiled analysis in {root} (scripts/build_native.py builds it)"),
        ("{not json", "the compiled analysis's manifest cannot be read (JSONDecodeError)"),
        ({"interpreter": "cpython-312-linux"}, "the compiled analysis was built for another interpreter"),
        ({"sources": {"mood": ""}}, "the compiled analysis holds other modules than this version compiles"),
        ({"libraries": False}, "the compiled analysis is incomplete (no {missing})"),
    ],
)
def test_why_a_build_is_not_used(tmp_path: Path, manifest: object, reason: str) -> None:
    if isinstance(manifest, dict):
        _manifest(tmp_path, **manifest)
    elif isinstance(manifest, str):
        (tmp_path / native.MANIFEST).write_text(manifest, encoding="utf-8")
    missing = ", ".join((*native.COMPILED, f"{native.GROUP}__mypyc"))
    assert native.check(tmp_path, native.package_dir()) == reason.format(root=tmp_path, missing=missing)


def test_the_pure_python_switch_wins(tmp_path: Path, state: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _manifest(tmp_path)
    monkeypatch.setenv(native.PURE_ENV, "1")
    path: list[str] = []
    assert (native.use_compiled(path, tmp_path), path, native.describe()) == (
        None,
        [],
        "plain Python (CMDESK_PURE_PYTHON is set)",
    )


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
from cmdesk.analysis import native
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.model import Product
assert native.ACTIVE is None, native.describe()
analyzer = Analyzer(products=(Product(brand="Cardiolin", substance="cardiolinum"),))
texts = json.load(sys.stdin)
print(json.dumps([repr(analyzer.analyze(t)) for t in texts + texts]))
"""


def test_the_compiled_analysis_reads_every_text_as_the_python_does() -> None:
    if native.ACTIVE is None:
        if os.environ.get("CI"):  # CI must test what users run: scripts/dev.sh compiles the analysis
            pytest.fail(f"the compiled analysis is not in use: {native.REASON}")
        pytest.skip(f"the compiled analysis is not in use: {native.REASON}")
    texts = _texts()
    env = {**os.environ, native.PURE_ENV: "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP], input=json.dumps(texts), env=env, capture_output=True, text=True, check=True
    )
    python = json.loads(done.stdout)
    analyzer = Analyzer(products=CARDIOLIN)
    compiled = [repr(analyzer.analyze(t)) for t in texts + texts]  # twice: the second time from warm caches
    assert len(python) == 2 * len(texts) > 3000
    assert compiled == python


def test_the_bundle_trusts_its_build_without_sources(tmp_path: Path) -> None:
    """The installer bundle has bytecode only: its build was checked against the sources when it was made."""
    _manifest(tmp_path, sources=dict.fromkeys(native.COMPILED, "0" * 64))
    assert (native.check(tmp_path, None), native.check(tmp_path, native.package_dir())[:22]) == (
        "",
        "changed since compiled",
    )
