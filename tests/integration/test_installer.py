"""The desktop bundle: builds with PyInstaller, runs its selftest without the source tree, archive is complete."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the archive layout checked here is Linux's")
def test_bundle_builds_runs_its_selftest_and_packs(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller comes with the dev extra")
    build = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_installer.py"),
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    report = dict(line.split(": ", 1) for line in build.stdout.splitlines() if ": " in line)
    print(f"bundle {report['size_mb']} MB, archive {report['archive_mb']} MB, built in {report['build_s']} s")
    assert float(report["size_mb"]) <= 200.0

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "CMDESK_HOME": str(tmp_path / "home"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
    )
    binary = tmp_path / "dist" / "cmdesk" / "cmdesk"
    version = subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120, check=False
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"cmdesk {report['version']}")
    selftest = subprocess.run(
        [str(binary), "selftest", "--messages", "2000"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=600,
        check=False,
    )
    assert selftest.returncode == 0, selftest.stderr[-3000:]
    figures = json.loads(selftest.stdout.strip().splitlines()[-1])
    assert {"startup_ms", "first_page_ms", "filter_ms", "search_ms", "jump_ms", "rss_mb"} <= set(figures)
    assert figures["rows"] > 0 and figures["jump_shown"] is True
    # the bundle runs the analysis it was built with: compiled where the build machine could compile it
    assert (report["analysis"], figures["analysis"]) in {
        ("compiled (mypyc)", "compiled"),
        ("plain Python (the analysis could not be compiled)", "plain Python"),
    }

    with tarfile.open(report["archive"]) as tar:
        names = set(tar.getnames())
    expected = {
        "cmdesk/cmdesk",
        "cmdesk.desktop",
        "cmdesk/_internal/resources/lexicons",
        "cmdesk/_internal/resources/templates",
        "cmdesk/_internal/resources/translations",
        "cmdesk/VERSION",
    }
    assert expected - names == set()
    assert not any("WebEngine" in n or "libQt6Qml" in n or "libQt6Quick" in n for n in names)
