"""The demo store: reproducible from a seed and the clock, and it shows every feature a user looks for."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cmdesk import demo_texts as bank
from cmdesk.clock import FixedClock
from cmdesk.demo import DemoSummary, generate
from cmdesk.demo_stream import DemoTimes
from cmdesk.desk import Desk
from cmdesk.model import ChannelKind, Role
from cmdesk.people import MERGES_CHECKED_KEY
from cmdesk.pv import case_codec, case_loading, case_writing, clocks, prefill
from cmdesk.pv.model import CaseEvent, CaseProduct, CaseState
from cmdesk.pv.reconcile import NEVER_FORWARDED
from cmdesk.store import audit
from cmdesk.store import settings as settings_sql
from cmdesk.store.codec import to_db_time, to_json
from cmdesk.store.database import Store
from cmdesk.store.engine import Connection
from cmdesk.store.keys import KeyManager
from cmdesk.templates.model import VersionState
from tests.conftest import NOW, MemoryKeyring
from tests.unit.test_demo_cases import Captured

MESSAGES = 2_000
SCREENED_HOURS = 30  # messages older than this were screened: a case, or not an adverse event
# Every table the demo writes, in row order: two stores are the same if these digests are.
TABLES = (
    "channel_account",
    "agent",
    "person",
    "author",
    "person_merge_suggestion",
    "message",
    "status_event",
    "note",
    "tag",
    "message_tag",
    "person_tag",
    "template",
    "template_version",
    "approval",
    "pv_case",
    "pv_case_message",
    "pv_case_product",
    "pv_case_event",
    "pv_follow_up",
    "outbox",
    "alert",
    "audit",
)


def build(folder: Path, *, seed: int = 7, worker: bool = False) -> tuple[Desk, DemoSummary]:
    desk = Desk.create(
        folder / "demo.cmdesk",
        mode="passphrase",
        passphrase="demo",
        keys=KeyManager(MemoryKeyring()),
        clock=FixedClock(NOW),
        agent="Anna Berger",
        role=Role.COMMUNITY_MANAGER,
        memory_security=False,
    )
    return desk, generate(desk, messages=MESSAGES, seed=seed, worker=worker)


def fingerprint(desk: Desk, summary: DemoSummary) -> dict[str, Any]:
    conn = desk.store.read()
    digests = {}
    for table in TABLES:
        digest = hashlib.sha256()
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            digest.update(repr(row).encode())
        digests[table] = digest.hexdigest()
    return {"summary": {**vars(summary), "seconds": None}, "tables": digests}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, DemoSummary]]:
    desk, summary = build(tmp_path_factory.mktemp("demo"))
    yield desk, summary
    desk.close()


def test_same_seed_and_clock_give_the_same_store_in_process_or_worker(tmp_path: Path) -> None:
    first, first_summary = build(tmp_path / "a")
    second, second_summary = build(tmp_path / "b", worker=True)
    other, other_summary = build(tmp_path / "c", seed=8)
    try:
        assert fingerprint(first, first_summary) == fingerprint(second, second_summary)
        assert (
            fingerprint(first, first_summary)["tables"]["message"]
            != fingerprint(other, other_summary)["tables"]["message"]
        )
    finally:
        for desk in (first, second, other):
            desk.close()


def schema(conn: Connection) -> list[tuple[str, str, str, str | None]]:
    """Every schema object but where it sits (rootpage, row order) and ANALYZE's statistics tables."""
    sql = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
    return sorted(conn.execute(sql).fetchall())


def test_the_demo_store_has_the_schema_the_migrations_make_and_planner_statistics(
    demo: tuple[Desk, DemoSummary], tmp_path: Path
) -> None:
    desk, _ = demo
    migrated = Store.create(tmp_path / "migrated.cmdesk", secrets.token_bytes(32), clock=FixedClock(NOW))
    try:
        assert schema(desk.store.read()) == schema(migrated.read())
    finally:
        migrated.close()
    analysed = {row[0] for row in desk.store.read().execute("SELECT DISTINCT idx FROM sqlite_stat1")}
    assert {"message_queue_filter", "message_report_created", "message_author", "status_event_report"} <= analysed


def test_summary_counts_match_the_store(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    conn = desk.store.read()

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    assert {
        "messages": count("SELECT count(*) FROM message WHERE direction = 'in'"),
        "replies": count("SELECT count(*) FROM message WHERE direction = 'out' AND kind = 'reply'"),
        "posts": count("SELECT count(*) FROM message WHERE kind = 'post'"),
        "persons": count("SELECT count(*) FROM person"),
        "authors": count("SELECT count(*) FROM author"),
        "accounts": count("SELECT count(*) FROM channel_account"),
        "suspected": count("SELECT count(*) FROM message WHERE direction = 'in' AND pv_suspected = 1"),
        "merge_suggestions": count("SELECT count(*) FROM person_merge_suggestion WHERE state = 'suggested'"),
        "tagged_messages": count("SELECT count(*) FROM message_tag"),
        "notes": count("SELECT count(*) FROM note"),
    } == {
        "messages": MESSAGES,
        "replies": summary.replies,
        "posts": summary.posts,
        "persons": summary.persons,
        "authors": summary.authors,
        "accounts": len(bank.ACCOUNTS),
        "suspected": summary.suspected,
        "merge_suggestions": summary.merge_suggestions,
        "tagged_messages": summary.tagged_messages,
        "notes": summary.notes,
    }
    assert desk.queue.count(desk.queue.filter("all")) == MESSAGES
    views = desk.queue.view_counts()
    assert views["all"] == MESSAGES
    by_status = dict(conn.execute("SELECT status, count(*) FROM message WHERE direction = 'in' GROUP BY status"))
    assert views["waiting"] == by_status["waiting"]


def test_full_text_search_finds_demo_messages(demo: tuple[Desk, DemoSummary]) -> None:
    desk, _ = demo
    conn = desk.store.read()
    like = "SELECT count(*) FROM message WHERE direction = 'in' AND text LIKE '%Kopfschmerzen%'"
    expected = int(conn.execute(like).fetchone()[0])
    found = desk.queue.count(desk.queue.filter("all", search="Kopfschmerzen"))
    assert expected > 0
    assert found == expected
    fts = conn.execute("SELECT count(*) FROM message_fts WHERE message_fts MATCH 'Kopfschmerzen'").fetchone()[0]
    assert fts == expected  # only inbound messages say it; posts and replies do not


def test_every_channel_kind_with_realistic_health(demo: tuple[Desk, DemoSummary]) -> None:
    desk, _ = demo
    accounts = {a.name: a for a in desk.accounts.list()}
    assert {a.kind for a in accounts.values()} == {k.value for k in ChannelKind}
    lost = accounts[bank.RECONNECT_ACCOUNT]
    silent = accounts[bank.STALE_ACCOUNT]
    assert (lost.status, lost.last_error, lost.last_success_at, lost.last_error_at) == (
        "reconnect_needed",
        bank.RECONNECT_ERROR,
        NOW - timedelta(hours=bank.RECONNECT_HOURS_AGO[0]),
        NOW - timedelta(hours=bank.RECONNECT_HOURS_AGO[1]),
    )
    assert lost.last_error is not None and lost.last_error.startswith("reconnect needed")
    assert (silent.status, silent.last_error, silent.last_success_at) == (
        "active",
        bank.STALE_ERROR,
        NOW - timedelta(hours=bank.STALE_HOURS_AGO[0]),
    )
    assert desk.sync.check_gaps(NOW) == [silent.id]
    others = [a for a in accounts.values() if a not in (lost, silent)]
    assert {(a.status, a.last_error) for a in others} == {("active", None)}
    synced = [NOW - a.last_success_at for a in others if a.kind != "file" and a.last_success_at is not None]
    assert len(synced) == len(others) - 1 and max(synced) < timedelta(hours=1)
    # nothing arrived on a channel after it went quiet
    conn = desk.store.read()
    for account, hours in ((lost, bank.RECONNECT_HOURS_AGO[0]), (silent, bank.STALE_HOURS_AGO[0])):
        latest = conn.execute(
            "SELECT max(created_at) FROM message WHERE account_id = ? AND direction = 'in'", (account.id,)
        ).fetchone()[0]
        assert latest <= to_db_time(NOW - timedelta(hours=hours))


def test_default_templates_installed_and_approved_by_the_approver(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    approver = next(a for a in desk.settings.agents() if a.name == "Miriam Schulz")
    assert approver.role == Role.APPROVER
    library = desk.templates.library()
    assert len(library) == summary.templates_approved == 14
    assert {t.language for t in library} == {"de", "en"}
    assert [(v.state, v.approved_by) for t in library for v in t.versions] == [
        (VersionState.APPROVED, "Miriam Schulz")
    ] * len(library)
    assert len(desk.templates.sendable()) == len(library)
    assert desk.agent_name == "Anna Berger"  # the approver only stepped in for the approval


def test_pv_cases_in_every_state_from_flagged_messages(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    cases = desk.pv.list()
    every_state = sorted(c.state.value for c in cases)
    assert summary.cases == {s.value: every_state.count(s.value) for s in CaseState if s.value in every_state}
    showcase = [c for c in cases if c.sources[0].created_at > NOW - timedelta(hours=SCREENED_HOURS)]
    assert sorted(c.state.value for c in showcase) == sorted(state for state, _ in bank.CASES)
    numbers = sorted(int(c.reference.rsplit("-", 1)[1]) for c in cases)
    assert numbers == list(range(1, len(cases) + 1))
    assert min(int(c.reference.rsplit("-", 1)[1]) for c in showcase) == len(cases) - len(showcase) + 1
    for case in showcase:
        (source,) = case.sources
        message = desk.messages.get(source.message_id)
        assert (message.pv_suspected, message.pv_screening.value) == (True, "case")
        if case.state != CaseState.DRAFT:
            assert desk.pv.validity(case.id).valid
        if case.state == CaseState.ACKNOWLEDGED:
            assert case.safety_case_number.startswith("NVL-DS-2026-")
        assert case.created_at <= NOW and case.day0 == message.received_at
    assert any(c.follow_ups for c in cases if c.state == CaseState.DRAFT)


def test_every_message_screened_as_a_case_is_a_source_of_a_case_forwarded_in_time(
    demo: tuple[Desk, DemoSummary],
) -> None:
    desk, _ = demo
    conn = desk.store.read()
    screened = to_db_time(NOW - timedelta(hours=SCREENED_HOURS))
    marked = [row[0] for row in conn.execute("SELECT id FROM message WHERE pv_screening = 'case' ORDER BY id")]
    in_cases = dict(conn.execute("SELECT message_id, case_id FROM pv_case_message"))
    assert set(in_cases) == set(marked) and len(in_cases) == len(marked) > 100
    old = [
        row[0]
        for row in conn.execute("SELECT id FROM message WHERE pv_screening = 'case' AND created_at < ?", (screened,))
    ]
    cases = {case_id: desk.pv.get(case_id) for case_id in sorted(set(in_cases.values()))}
    bulk = {i: case for i, case in cases.items() if case.sources[0].created_at < NOW - timedelta(hours=SCREENED_HOURS)}
    assert set(bulk) == {in_cases[m] for m in old} and len(cases) - len(bulk) == len(bank.CASES)
    products = desk.settings.products()
    for case_id, case in bulk.items():
        sources = [case_loading.load_source(conn, s.message_id) for s in case.sources]
        draft = prefill.draft(
            sources, products=products, company_country="DE", internal_hours=24, now=NOW, actor=case.created_by
        )
        stored = conn.execute(
            "SELECT case_id, message_id, snapshot, snapshot_hash, added_at FROM pv_case_message WHERE case_id = ? "
            "ORDER BY added_at, message_id",
            (case_id,),
        ).fetchall()
        written = Captured()
        for source, row in zip(sources, stored, strict=True):
            case_writing.write_snapshot(written, case_id, source, added_at=row[4])  # type: ignore[arg-type]
        assert written.rows == stored  # the snapshot and its hash, byte for byte as the desk writes them
        assert {s.sha256 for s in case.sources} == {
            case_writing.snapshot_hash(s.text, s.url, s.created_at, s.received_at) for s in sources
        }
        assert (case.day0, case.person_id, case.reporter, case.narrative) == (
            draft.day0,
            draft.person_id,
            draft.reporter,
            draft.narrative,
        )
        assert [CaseProduct(p.name, p.substance) for p in case.products] == list(draft.products)
        assert [CaseEvent(e.verbatim, e.language) for e in case.events] == list(draft.events)
        assert case.seriousness == {c: c in draft.seriousness_hints for c in case.seriousness}
        assert desk.pv.validity(case_id).valid
        assert case.regulatory_due_at == clocks.regulatory_due(case.day0, serious=case.serious)
        reporter = conn.execute("SELECT reporter FROM pv_case WHERE id = ?", (case_id,)).fetchone()[0]
        assert reporter == to_json(case_codec.reporter_json(draft.reporter))
        assert case.state in (CaseState.FORWARDED, CaseState.ACKNOWLEDGED)
        assert case.forwarded_at is not None and case.forward_method == "email"
        assert case.day0 < case.created_at <= max(s.added_at for s in case.sources) < case.forwarded_at
        assert case.forwarded_at <= case.internal_due_at == case.day0 + timedelta(hours=24)
        if case.state == CaseState.ACKNOWLEDGED:
            assert case.acknowledged_at is not None and case.forwarded_at < case.acknowledged_at <= NOW
            assert case.safety_case_number.startswith("NVL-DS-2026-") and case.updated_at == case.acknowledged_at
        else:
            assert case.forwarded_at > NOW - timedelta(days=3) and case.updated_at == case.forwarded_at
    assert len({c.safety_case_number for c in bulk.values() if c.safety_case_number}) == sum(
        1 for c in bulk.values() if c.state == CaseState.ACKNOWLEDGED
    )
    # the rest of what the detector flagged long ago was screened as no adverse event
    unscreened = (
        "SELECT count(*) FROM message WHERE pv_suspected = 1 AND pv_screening = 'unscreened' AND created_at < ?"
    )
    assert conn.execute(unscreened, (screened,)).fetchone()[0] == 0


def test_reconciliation_finds_only_the_showcase_and_the_review_queue(demo: tuple[Desk, DemoSummary]) -> None:
    desk, _ = demo
    conn = desk.store.read()
    report = desk.pv.reconcile()
    queue = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM message WHERE direction = 'in' AND pv_suspected = 1 AND pv_screening = 'unscreened' "
            "ORDER BY id"
        )
    ]
    assert all(item.received_at > NOW - timedelta(hours=SCREENED_HOURS) for item in desk.pv.review_queue())
    unfinished = desk.pv.list(states=("draft", "ready"))
    expected: list[tuple[str, int | None, int | None]] = [(NEVER_FORWARDED, m, None) for m in queue]
    expected += [(NEVER_FORWARDED, c.sources[0].message_id, c.id) for c in unfinished]
    found = [(d.kind, d.message_id, d.case_id) for d in report.discrepancies]
    assert (len(found), set(found)) == (len(expected), set(expected))
    assert len(unfinished) == sum(1 for state, _ in bank.CASES if state in ("draft", "ready"))
    assert report.cases == len(desk.pv.list())
    assert report.forwarded == sum(1 for c in desk.pv.list() if c.forwarded_at is not None)


def test_the_demo_audit_chain_verifies(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    assert audit.verify(desk.store.read()) == []
    (entry,) = [e for e in audit.entries(desk.store.read(), entity="store") if e.action == "demo.generate"]
    showcase = len(bank.CASES)
    assert entry.detail["pv_cases"] == sum(summary.cases.values()) - showcase


def test_outbox_holds_sent_failed_and_queued_items(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    conn = desk.store.read()
    states = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state"))
    assert states == summary.outbox
    assert set(states) == {"sent", "failed", "queued"}
    failed = [item for item in desk.outbox.pending() if item.state.value == "failed"]
    assert [item.last_error for item in failed] == [bank.OUTBOX_FAILED_ERROR]


def test_people_span_channels_with_merge_suggestions_notes_and_tags(demo: tuple[Desk, DemoSummary]) -> None:
    desk, summary = demo
    conn = desk.store.read()
    multi = conn.execute(
        "SELECT count(*) FROM (SELECT person_id FROM author GROUP BY person_id HAVING count(DISTINCT account_id) > 1)"
    ).fetchone()[0]
    assert multi > 0
    assert summary.merge_suggestions > 0
    # the demo's own suggestions stand; the first sync pass only looks at messages after them
    newest = conn.execute("SELECT max(id) FROM message").fetchone()[0]
    assert (settings_sql.get(conn, MERGES_CHECKED_KEY), desk.people.suggest_merges_for_new_authors()) == (newest, 0)
    assert conn.execute("SELECT count(*) FROM person_tag").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM note WHERE person_id IS NOT NULL").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM note WHERE message_id IS NOT NULL").fetchone()[0] > 0
    languages = dict(conn.execute("SELECT language, count(*) FROM message WHERE direction = 'in' GROUP BY language"))
    assert languages.get("de", 0) > MESSAGES // 5 and languages.get("en", 0) > MESSAGES // 5


def test_demo_times_are_written_like_the_store_writes_times() -> None:
    base = NOW.replace(hour=0) - timedelta(days=61)
    times = DemoTimes(base, 70)
    for second in (0, 1, 59, 3_599, 86_399, 86_400, 5_000_000, 69 * 86_400 + 86_399):
        assert times.text(second) == to_db_time(base + timedelta(seconds=second))
