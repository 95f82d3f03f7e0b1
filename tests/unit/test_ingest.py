"""Ingest stores a batch exactly as it would store its items one by one: same rows, ids, history and search."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.ingest import MAX_TEXT_CHARS, AnalysedAhead, IngestResult, analyse_ahead, ingest, prepare_ahead
from cmdesk.model import Attachment, IncomingMessage, MessageKind
from cmdesk.store import bulk, messages
from cmdesk.store.keys import KeyManager
from tests.conftest import NOW, MemoryKeyring

TABLES = {
    "person": "id, display_name, created_at",
    "author": "id, account_id, external_id, name, handle, profile_url, person_id, first_seen_at",
    "message": "*",
    "attachment": "id, message_id, filename, content_type, data",
    "status_event": "id, message_id, at, actor, field, old_value, new_value, reason",
}
SEARCHES = ("Cardiolin", "Kopfschmerzen", "Schäfer", "Jürgen", "Eva", "Mila", "Ausschlag")


def _item(
    external_id: str,
    text: str,
    *,
    author: str | None = "u1",
    name: str = "Jürgen Schäfer",
    deleted: bool = False,
    attachments: tuple[Attachment, ...] = (),
) -> IncomingMessage:
    return IncomingMessage(
        external_id=external_id,
        kind=MessageKind.COMMENT,
        text=text,
        created_at=NOW - timedelta(hours=1),
        author_external_id=author,
        author_name=name,
        author_handle=None if author is None else f"@{author}",
        thread_external_id="post1",
        url=f"https://facebook.example/{external_id}",
        deleted=deleted,
        attachments=attachments,
        raw={"id": external_id},
    )


FIRST = [
    _item("c1", "Seit ich Cardiolin nehme, habe ich Kopfschmerzen."),
    _item("c2", "Wo finde ich den Beipackzettel?", author="u2", name="Eva Roth"),
    _item("c3", "Danke für die schnelle Antwort!", author=None, name=""),
    _item(
        "c4",
        "Hier ein Foto vom Ausschlag",
        author="u2",
        name="Eva R.",
        attachments=(Attachment("a.jpg", "image/jpeg", b"\xff\xd8"),),
    ),
    _item("c5", "Ist Cardiolin auch für Kinder?", author="u3", name="Mila"),
]
SECOND = [
    _item("c1", "Seit ich Cardiolin nehme, habe ich starke Kopfschmerzen."),  # edited
    _item("c6", "Neu hier: hilft Cardiolin gegen Bluthochdruck?", author="u4", name="Tom"),
    _item("c2", "Wo finde ich den Beipackzettel?", author="u2", name="Eva Roth-Berger"),  # renamed author
    _item("c5", "", author="u3", name="Mila", deleted=True),
    _item("c6", "Neu hier: hilft Cardiolin gegen hohen Blutdruck?", author="u4", name="Tom"),  # repeated in the batch
    _item(
        "c7",
        "Mir ist schwindelig seit Cardiolin",
        author="u5",
        name="Jana",
        attachments=(Attachment("b.png", "image/png", b"\x89PNG"),),
    ),
    _item("c3", "Danke für die schnelle Antwort!", author=None, name=""),  # unchanged
]


@pytest.fixture
def two_desks(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Desk, Desk]]:
    desks = []
    for name in ("one_by_one", "batch"):
        desk = Desk.create(
            tmp_path / f"{name}.cmdesk", keys=KeyManager(MemoryKeyring()), clock=clock, agent="Anna Berger"
        )
        with desk.store.transaction() as conn:
            bulk.insert_account(
                conn, name="Novalind DE Facebook", kind="facebook", settings="{}", created_at="2026-11-01T00:00:00Z"
            )
        desks.append(desk)
    yield desks[0], desks[1]
    for desk in desks:
        desk.close()


def _store(desk: Desk, items: Sequence[IncomingMessage], *, one_by_one: bool) -> IngestResult:
    total = IngestResult()
    batches = [[item] for item in items] if one_by_one else [list(items)]
    for batch in batches:
        with desk.store.transaction() as conn:
            result = ingest(conn, account_id=1, items=batch, analyzer=desk.analyzer, now=NOW)
        total.new += result.new
        total.updated += result.updated
        total.deleted += result.deleted
        total.unchanged += result.unchanged
        total.message_ids += result.message_ids
        total.outcomes += result.outcomes
        total.new_ids += result.new_ids
        total.person_ids |= result.person_ids
    return total


def _contents(desk: Desk) -> dict[str, Any]:
    conn = desk.store.read()
    found: dict[str, Any] = {t: conn.execute(f"SELECT {c} FROM {t} ORDER BY id").fetchall() for t, c in TABLES.items()}
    for word in SEARCHES:
        found[word] = conn.execute(
            "SELECT rowid FROM message_fts WHERE message_fts MATCH ? ORDER BY rowid", (word,)
        ).fetchall()
    return found


def test_a_batch_is_stored_as_its_items_one_by_one(two_desks: tuple[Desk, Desk]) -> None:
    one, batch = two_desks
    results = []
    for items in (FIRST, SECOND):
        results.append((_store(one, items, one_by_one=True), _store(batch, items, one_by_one=False)))
    assert [r[1] for r in results] == [r[0] for r in results]
    assert _contents(batch) == _contents(one)
    first, second = results[0][1], results[1][1]
    assert (first.new, first.message_ids, first.new_ids) == (5, [1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
    assert (second.new, second.updated, second.deleted, second.unchanged) == (2, 2, 1, 2)
    assert (second.message_ids, second.new_ids) == ([1, 6, 2, 5, 6, 7, 3], [6, 7])
    assert second.outcomes == ["updated", "new", "unchanged", "deleted", "updated", "new", "unchanged"]


def test_an_edit_or_deletion_repeated_in_a_batch_is_recorded_once(two_desks: tuple[Desk, Desk]) -> None:
    """Pages stored together overlap: the second sight of an edited or deleted item changes nothing."""
    one, batch = two_desks
    for desk, one_by_one in ((one, True), (batch, False)):
        _store(desk, FIRST, one_by_one=one_by_one)
    seen_twice = [
        _item("c1", "Seit ich Cardiolin nehme, habe ich starke Kopfschmerzen."),
        _item("c5", "", author="u3", name="Mila", deleted=True),
    ] * 2
    results = [_store(one, seen_twice, one_by_one=True), _store(batch, seen_twice, one_by_one=False)]
    assert results[1] == results[0]
    assert results[1].outcomes == ["updated", "deleted", "unchanged", "unchanged"]
    for query in (
        "SELECT message_id, field, old_value, new_value FROM status_event ORDER BY id",
        "SELECT id, text, deleted_at FROM message ORDER BY id",
    ):
        assert batch.store.read().execute(query).fetchall() == one.store.read().execute(query).fetchall()


def test_search_finds_a_batch_by_text_and_author(two_desks: tuple[Desk, Desk]) -> None:
    _, batch = two_desks
    _store(batch, FIRST, one_by_one=False)
    found = _contents(batch)
    assert [found[w] for w in ("Kopfschmerzen", "Eva", "Ausschlag")] == [[(1,)], [(2,), (4,)], [(4,)]]


def test_big_batches_are_split_into_few_statements(two_desks: tuple[Desk, Desk]) -> None:
    _, batch = two_desks
    items = [
        _item(f"m{n}", f"Frage Nummer {n} zu Cardiolin", author=f"u{n % 7}", name=f"User {n % 7}") for n in range(150)
    ]
    result = _store(batch, items, one_by_one=False)
    assert (result.new, result.new_ids) == (150, list(range(1, 151)))
    conn = batch.store.read()
    assert conn.execute("SELECT min(id), max(id), count(*) FROM message").fetchone() == (1, 150, 150)
    assert conn.execute("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'Cardiolin'").fetchone() == (150,)
    assert messages.find_messages(conn, account_id=1, external_ids=["m0", "m149", "nope"]).keys() == {"m0", "m149"}


def test_analysis_done_ahead_stores_exactly_what_ingest_would(two_desks: tuple[Desk, Desk]) -> None:
    """The sync engine analyses a page on its fetch thread; the stored result must not differ."""
    plain, ahead = two_desks
    for items in (FIRST, SECOND):
        _store(plain, items, one_by_one=False)
        analyzer = AnalysedAhead(ahead.analyzer, analyse_ahead(ahead.analyzer, items))
        with ahead.store.transaction() as conn:
            ingest(conn, account_id=1, items=items, analyzer=analyzer, now=NOW)
    assert _contents(ahead) == _contents(plain)


def test_ahead_skips_what_ingest_does_not_analyse_as_it_is(two_desks: tuple[Desk, Desk]) -> None:
    desk = two_desks[0]
    long_text = "Cardiolin " * (MAX_TEXT_CHARS // 10 + 1)
    items = [_item("a", "Danke!"), _item("b", "", deleted=True), _item("c", long_text)]
    analyses = analyse_ahead(desk.analyzer, items)
    analyzer = AnalysedAhead(desk.analyzer, analyses)
    cut = long_text[:MAX_TEXT_CHARS] + " […]"
    assert (list(analyses), analyzer.analyze("Danke!") is analyses["Danke!"], analyzer.analyze(cut)) == (
        ["Danke!"],
        True,
        desk.analyzer.analyze(cut),
    )


def test_work_prepared_ahead_stores_exactly_what_ingest_would(two_desks: tuple[Desk, Desk]) -> None:
    """Analyses, their columns and raw JSON made on the fetch thread, for pages stored together, change nothing."""
    plain, ahead = two_desks
    for items in (FIRST, SECOND):
        _store(plain, items, one_by_one=False)
        half = len(items) // 2
        parts = [prepare_ahead(ahead.analyzer, items[:half]), prepare_ahead(ahead.analyzer, items[half:])]
        with ahead.store.transaction() as conn:
            ingest(conn, account_id=1, items=items, analyzer=AnalysedAhead.joined(parts), now=NOW)
    assert _contents(ahead) == _contents(plain)


def test_what_was_prepared_is_used_only_for_what_it_was_made_from(two_desks: tuple[Desk, Desk]) -> None:
    analyzer = two_desks[0].analyzer
    item = _item("a", "Danke!")
    prepared = prepare_ahead(analyzer, [item])
    analysis = prepared.analyze("Danke!")
    columns = prepared.analysis_columns("Danke!", analysis)
    other = analyzer.analyze("Danke!")  # equal, but not the analysis the columns were made from
    assert (
        prepared.analysis_columns("Danke!", analysis) is columns,
        prepared.analysis_columns("Danke!", other) is columns,
        prepared.analysis_columns("Danke!", other) == columns,
        prepared.raw_json(item),
        prepared.raw_json(replace(item, raw={"id": "a", "edited": True})),  # another raw under the same id
    ) == (True, False, True, '{"id":"a"}', '{"edited":true,"id":"a"}')
