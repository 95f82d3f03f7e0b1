"""A desk with a Facebook (1) and an Instagram (2) account, and a bridge on it, for author panel tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cmdesk.desk import Desk
from cmdesk.store import bulk
from tests.unit.conftest import tdesk
from ui.bridge import DeskBridge

__all__ = ["pbridge", "pdesk", "tdesk"]


@pytest.fixture
def pdesk(tdesk: Desk) -> Desk:
    with tdesk.store.transaction() as conn:
        bulk.insert_account(
            conn, name="Novalind Instagram", kind="instagram", settings="{}", created_at="2026-11-01T00:00:00Z"
        )
    return tdesk


@pytest.fixture
def pbridge(pdesk: Desk, qapp: object) -> Iterator[DeskBridge]:
    bridge = DeskBridge(pdesk)
    yield bridge
    bridge.close()
