"""Where resources/ and the user's data live, from a source tree, a wheel or the installer bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "cmdesk"


@cache
def resources_dir() -> Path:
    """The resources folder: bundle first, then the source tree, then the installed wheel."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in the installer bundle
    if bundle:
        return Path(bundle) / "resources"
    source_tree = Path(__file__).resolve().parents[1] / "resources"
    if source_tree.is_dir():
        return source_tree
    import cmdesk_resources  # type: ignore[import-not-found]  # the wheel installs resources/ under this name

    return Path(next(iter(cmdesk_resources.__path__)))


def resource_path(relative: str) -> Path:
    return resources_dir() / relative


def data_dir() -> Path:
    """The user's data folder (stores, exports); CMDESK_HOME overrides it, e.g. in tests."""
    override = os.environ.get("CMDESK_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_store_path() -> Path:
    return data_dir() / "desk.cmdesk"


def demo_store_path() -> Path:
    return data_dir() / "demo.cmdesk"
