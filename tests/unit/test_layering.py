"""The core must stay Qt-free: the CLI, the sync engine and scripts run without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "cmdesk"
FORBIDDEN = ("PySide6", "shiboken6", "ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_no_core_module_imports_qt_or_ui() -> None:
    offenders = sorted(
        f"{path.relative_to(CORE.parent)}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    )
    assert offenders == []


def test_the_layering_check_itself_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport ui.app\n", encoding="utf-8")
    assert _imports(bad) == ["PySide6.QtWidgets", "ui.app"]


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'shiboken6', 'ui')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_source_folder_is_a_package_so_the_wheel_ships_it() -> None:
    """find_packages() skips a folder without __init__.py: the wheel would miss it (it once missed cmdesk/store)."""
    root = Path(__file__).resolve().parents[2]
    folders = [
        d.relative_to(root).as_posix()
        for top in ("cmdesk", "ui")
        for d in [root / top, *(root / top).rglob("*")]
        if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
    ]
    assert [f for f in folders if not (root / f / "__init__.py").exists()] == []
