"""Writing a case's parts: the snapshot hash is a fixed contract, and empty parts are refused."""

from __future__ import annotations

import hashlib

import pytest

from cmdesk.clock import utc
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.pv.case_writing import snapshot_hash, write_events, write_products
from cmdesk.pv.model import CaseEvent, CaseProduct


def test_snapshot_hash_is_sha256_of_text_permalink_and_times_as_json() -> None:
    created, received = utc(2026, 11, 20, 14, 2, 0), utc(2026, 11, 20, 14, 5, 0)
    canonical = '["Kopfschmerzen.","https://example.com/p/1","2026-11-20T14:02:00Z","2026-11-20T14:05:00Z"]'
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert snapshot_hash("Kopfschmerzen.", "https://example.com/p/1", created, received) == expected


def test_a_product_without_a_name_is_refused(desk: Desk) -> None:
    with desk.store.transaction() as conn, pytest.raises(InvalidInput, match="every product needs a name"):
        write_products(conn, 1, [CaseProduct(name="  ")])


def test_an_event_without_the_reporters_words_is_refused(desk: Desk) -> None:
    with desk.store.transaction() as conn, pytest.raises(InvalidInput, match="every event needs the reporter's words"):
        write_events(conn, 1, [CaseEvent(verbatim="")])
