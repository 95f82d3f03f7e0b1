"""The analysis modules compiled to C (mypyc), used only where they were built from exactly these sources.

Why: the analysis runs on every message at ingest and in the window, and as plain Python it costs a little
more per message than VADER's sentiment alone (the issue's target is at most the same). mypyc compiles the
same type-annotated modules to a C extension; the results are the same, value for value (a test compares
them on the development texts), and the analysis is faster.

The compiled modules never live beside the sources: ``scripts/build_native.py`` writes them to
``build/native/`` with a manifest of the sources' hashes, and :func:`use_compiled` puts that folder first on
the package's search path only while every compiled module's source is unchanged. An edited ``mood.py`` is
therefore read as Python until it is compiled again; a stale extension is never run. Without a C compiler,
or with ``CMDESK_PURE_PYTHON=1``, everything runs as plain Python.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path

log = logging.getLogger(__name__)

# The modules compiled, in the analysis package: the ones a message passes through.
COMPILED = (
    "adverse_events",
    "build",
    "intent",
    "language",
    "lexicon",
    "mood",
    "pipeline",
    "pv_context",
    "pv_lexicon",
    "pv_products",
    "text",
)
# mypyc's shared library for the group is the module cmdesk.analysis.<GROUP>__mypyc, found on the same path.
GROUP = "native"
# Every library of a build, in the order they are loaded: the shared library first, then each module's.
LIBRARIES = (f"{GROUP}__mypyc", *COMPILED)
MANIFEST = "manifest.json"
PURE_ENV = "CMDESK_PURE_PYTHON"
DIR_ENV = "CMDESK_NATIVE_DIR"

# Where the compiled modules came from, once the package is imported: their folder, or None (plain Python).
ACTIVE: Path | None = None
# Why plain Python runs, in words for the benchmark and the log ("" while the compiled modules are used).
REASON = "not checked yet"


def package_dir() -> Path:
    """The analysis package's own folder (the sources)."""
    return Path(__file__).resolve().parent


def default_root() -> Path:
    """``build/native`` of the source tree (or ``CMDESK_NATIVE_DIR``); in the installer bundle, its own copy."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # its own build only: the bundle has no sources to check another one against
        return Path(bundle) / "native"
    override = os.environ.get(DIR_ENV)
    if override:
        return Path(override)
    return package_dir().parents[1] / "build" / "native"


def source_hashes(sources: Path) -> dict[str, str]:
    """SHA-256 of each compiled module's source in ``sources``; a missing source hashes to ""."""
    hashes: dict[str, str] = {}
    for name in COMPILED:
        path = sources / f"{name}.py"
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return hashes


def interpreter_tag() -> str:
    """The interpreter an extension was built for: one built for another cannot be loaded."""
    return f"{sys.implementation.cache_tag}-{sys.platform}"


def libraries(root: Path) -> dict[str, str]:
    """File name -> SHA-256 of each library of the build under ``root``, as the manifest records them."""
    folder = root / "cmdesk" / "analysis"
    found: dict[str, str] = {}
    for name in LIBRARIES:
        for suffix in EXTENSION_SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.is_file():
                found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
                break
    return found


def check(root: Path, sources: Path | None) -> str:
    """Why the compiled modules under ``root`` cannot be used ("" when they can).

    The libraries must be the very files the build wrote (a truncated library crashes the process that
    loads it, it does not raise). ``sources`` None means there are none to compare with: the installer
    bundle ships bytecode only, and its build was checked against the sources when it was made.
    """
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"no compiled analysis in {root} (scripts/build_native.py builds it)"
    except (OSError, ValueError) as exc:
        return f"the compiled analysis's manifest cannot be read ({type(exc).__name__})"
    if not isinstance(manifest, dict) or manifest.get("interpreter") != interpreter_tag():
        return "the compiled analysis was built for another interpreter"
    built = manifest.get("sources")
    if not isinstance(built, dict) or set(built) != set(COMPILED):
        return "the compiled analysis holds other modules than this version compiles"
    try:
        found = libraries(root)
    except OSError as exc:
        return f"the compiled analysis cannot be read ({type(exc).__name__})"
    if len(found) != len(LIBRARIES) or found != manifest.get("libraries"):
        return "the compiled analysis's libraries are not the ones it was built with (scripts/build_native.py)"
    if sources is not None:
        current = source_hashes(sources)
        changed = sorted(name for name in COMPILED if current[name] != built[name])
        if changed:
            return f"changed since compiled: {', '.join(changed)} (scripts/build_native.py compiles them again)"
    return ""


def use_compiled(package_path: list[str], package: str, root: Path | None = None) -> Path | None:
    """Use the compiled modules of ``package`` (its ``__path__`` is ``package_path``) if they fit the sources.

    Called once, by the package's ``__init__``, before any analysis module is imported. The compiled modules
    are all loaded here, at once: loaded one by one as code first needs them, a rebuild in between (the
    developer runs the tests while the window is open) would pair a module of one build with the shared
    library of another. If one cannot be loaded, none is used.
    """
    global ACTIVE, REASON
    if os.environ.get(PURE_ENV):
        ACTIVE, REASON = None, f"{PURE_ENV} is set"
        return None
    root = default_root() if root is None else root
    sources = package_dir()
    frozen = not (sources / "text.py").is_file()  # the installer bundle: no sources beside the bytecode
    reason = check(root, None if frozen else sources)
    compiled = root / "cmdesk" / "analysis"
    if not reason:
        package_path.insert(0, str(compiled))
        reason = _load(package)
        if reason:
            package_path.remove(str(compiled))
    if reason:
        ACTIVE, REASON = None, reason
        log.info("analysis runs as plain Python: %s", reason)
        return None
    ACTIVE, REASON = compiled, ""
    return compiled


def _load(package: str) -> str:
    """Import every compiled module of ``package`` (its path has the build first); why not, or "" when all were."""
    names = [f"{package}.{name}" for name in LIBRARIES]
    try:
        for name in names:
            module = importlib.import_module(name)
            if not isinstance(module.__loader__, ExtensionFileLoader):  # (mypyc sets no true __file__ on all)
                raise ImportError(f"{name} was loaded as plain Python")
    except (ImportError, OSError) as exc:
        for name in names:  # the ones that did load: the plain modules are imported afresh in their place
            sys.modules.pop(name, None)
        return f"the compiled analysis cannot be loaded ({type(exc).__name__}: {exc})"
    return ""


def describe() -> str:
    """One line for benchmarks and the selftest: which analysis code runs."""
    if ACTIVE is not None:
        return f"compiled (mypyc), from {ACTIVE}"
    return f"plain Python ({REASON})"
