"""Compile the analysis modules with mypyc into ``build/native/`` (see :mod:`cmdesk.analysis.native`).

Run by ``scripts/dev.sh`` after the dependencies are installed, and by ``build_installer.py``. Needs a C
compiler and Python's headers (Debian: ``gcc python3.11-dev``); without them it says so and exits 1, and
the analysis runs as plain Python, with the same results.

The build runs in a scratch folder, not the project root: there setuptools would read pyproject.toml and
try to package the whole project. The manifest is written last, from the sources as they were read, so an
interrupted build leaves no manifest and is not used.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cmdesk.analysis import native  # noqa: E402  (after the project root is on the path)

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

sources = sys.argv[1:]
del sys.argv[1:]
sys.argv += ["build_ext", "--build-lib", "out", "--build-temp", "tmp"]
setup(name="cmdesk-native", packages=[], py_modules=[],
      ext_modules=mypycify(sources, opt_level="3", group_name="cmdesk.analysis.{group}", target_dir="c"))
"""


def missing_tools() -> str:
    """What the build lacks, in words ("" when nothing)."""
    lacking = []
    if shutil.which(sysconfig.get_config_var("CC") or "cc") is None and shutil.which("gcc") is None:
        lacking.append("a C compiler (gcc)")
    include = sysconfig.get_path("include")
    if not (Path(include) / "Python.h").is_file():
        lacking.append(f"Python's headers ({include}/Python.h)")
    try:
        import mypyc  # noqa: F401
    except ImportError:
        lacking.append("mypyc (pip install mypy)")
    return ", ".join(lacking)


def build(root: Path) -> None:
    """Compile the sources into ``root`` (replaced whole), then write its manifest."""
    sources = native.package_dir()
    hashes = native.source_hashes(sources)  # read before compiling: the manifest names what was compiled
    with tempfile.TemporaryDirectory(prefix="cmdesk-native-") as scratch:
        work = Path(scratch)
        (work / "setup.py").write_text(_SETUP.format(group=native.GROUP), encoding="utf-8")
        files = [str(sources / f"{name}.py") for name in native.COMPILED]
        env = {**os.environ, "PYTHONPATH": str(ROOT), native.PURE_ENV: "1"}
        done = subprocess.run(
            [sys.executable, "setup.py", *files], cwd=work, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
            raise SystemExit(f"compiling the analysis failed (exit {done.returncode}); it runs as plain Python")
        if native.source_hashes(sources) != hashes:
            raise SystemExit("the analysis sources changed while they were compiled; run this again")
        # Made whole beside the old build, then swapped in by renames: a process that starts meanwhile finds
        # the old build or the new one, never half of each (use_compiled loads all its modules at once).
        fresh = root.with_name(f"{root.name}.new")
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(work / "out" / "cmdesk", fresh / "cmdesk")
    strip = shutil.which("strip")
    if strip:  # debug information: two thirds of the size, of use to no one who runs it (names stay, for perf)
        for library in (fresh / "cmdesk").rglob("*.so"):
            subprocess.run([strip, "--strip-debug", str(library)], check=False)
    manifest = {"interpreter": native.interpreter_tag(), "sources": hashes, "libraries": native.libraries(fresh)}
    (fresh / native.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    old = root.with_name(f"{root.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if root.exists():
        root.rename(old)
    fresh.rename(root)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "native", help="where to put the build")
    parser.add_argument("--if-stale", action="store_true", help="do nothing when the build fits the sources")
    args = parser.parse_args(argv)
    if args.if_stale and not native.check(args.dir, native.package_dir()):
        print(f"compiled analysis in {args.dir} is up to date")
        return 0
    lacking = missing_tools()
    if lacking:
        print(f"cannot compile the analysis, missing {lacking}; it runs as plain Python", file=sys.stderr)
        return 1
    build(args.dir)
    print(f"compiled analysis written to {args.dir} ({len(native.COMPILED)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
