"""Reading cases and source messages back from rows: what is missing is reported, not guessed."""

from __future__ import annotations

import pytest

from cmdesk.clock import utc
from cmdesk.desk import Desk
from cmdesk.errors import NotFound
from cmdesk.pv.case_loading import load_case, load_source, stored_time


def test_stored_time_reads_the_store_format() -> None:
    assert stored_time("2026-11-20T14:05:00Z") == utc(2026, 11, 20, 14, 5, 0)


def test_a_missing_case_is_not_found(desk: Desk) -> None:
    with pytest.raises(NotFound, match="PV case 99 does not exist"):
        load_case(desk.store.read(), 99, settings={})


def test_a_missing_source_message_is_not_found(desk: Desk) -> None:
    with pytest.raises(NotFound, match="message 99 does not exist"):
        load_source(desk.store.read(), 99)
