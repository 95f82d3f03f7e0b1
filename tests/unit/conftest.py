"""Unit-test fixtures: a desk with a Facebook account, two agents and messages whose analysis the test sets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cmdesk.desk import Desk
from cmdesk.ingest import ingest
from cmdesk.model import IncomingMessage, MessageKind, Role
from cmdesk.store import bulk
from tests.conftest import NOW

MakeMessage = Callable[..., int]


@pytest.fixture
def tdesk(desk: Desk) -> Desk:
    desk.settings.add_agent(name="Anna Berger", role=Role.COMMUNITY_MANAGER)
    desk.settings.add_agent(name="Dr. Jonas Weber", role=Role.APPROVER)
    desk.settings.set("company_name", "Novalind Pharma GmbH")
    desk.settings.set("pv_safety_inbox", "drug.safety@novalind.example")
    desk.settings.set("products", [{"brand": "Cardiolin", "substance": "cardiolinat", "misspellings": []}])
    with desk.store.transaction() as conn:
        bulk.insert_account(
            conn, name="Novalind DE Facebook", kind="facebook", settings="{}", created_at="2026-11-01T00:00:00Z"
        )
    return desk


@pytest.fixture
def make_message(tdesk: Desk) -> MakeMessage:
    counter = iter(range(1, 10_000))

    def make(
        text: str = "Wie nehme ich Cardiolin richtig ein?",
        *,
        author: str = "Jürgen Schäfer",
        language: str = "de",
        intent: str = "question",
        pv_suspected: bool = False,
        screening: str = "auto_cleared",
        products: str = '["Cardiolin"]',
    ) -> int:
        n = next(counter)
        item = IncomingMessage(
            external_id=f"c{n}",
            kind=MessageKind.COMMENT,
            text=text,
            created_at=NOW,
            author_external_id=f"u{n}",
            author_name=author,
            url=f"https://facebook.example/c{n}",
        )
        with tdesk.store.transaction() as conn:
            result = ingest(conn, account_id=1, items=[item], analyzer=tdesk.analyzer, now=NOW)
            message_id = result.message_ids[0]
            # the analysis is fixed by the test, so these tests do not depend on the analyzer's judgement
            conn.execute(
                "UPDATE message SET language = ?, intent = ?, pv_suspected = ?, pv_screening = ?,"
                " pv_signal = json_object('products', json(?)) WHERE id = ?",
                (language, intent, int(pv_suspected), screening, products, message_id),
            )
        return message_id

    return make
