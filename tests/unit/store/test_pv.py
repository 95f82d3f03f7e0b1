"""The PV SQL (cases, screening, forwarding, reconciliation, MedDRA) against a real encrypted store."""

from __future__ import annotations

import pytest

from cmdesk.desk import Desk
from cmdesk.store import pv
from cmdesk.store.engine import Connection
from tests.unit.conftest import MakeMessage

T0 = "2026-11-24T09:00:00Z"
T1 = "2026-11-24T10:00:00Z"
T2 = "2026-11-25T09:00:00Z"


def new_case(conn: Connection, reference: str, *, internal_due_at: str = T2, person_id: int | None = None) -> int:
    return pv.insert_case(
        conn,
        reference=reference,
        state="draft",
        person_id=person_id,
        day0=T0,
        serious=False,
        seriousness='{"death":false}',
        reporter='{"name":"Maria Keller"}',
        patient='{"sex":"female"}',
        narrative="Dizzy after Cardiolin.",
        internal_due_at=internal_due_at,
        regulatory_due_at="2027-02-22T09:00:00Z",
        created_by="Anna Berger",
        created_at=T0,
    )


def test_a_new_case_reads_back_with_optional_texts_as_empty(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        case_id = new_case(conn, "CMD-2026-000001")
    assert pv.case_row(tdesk.store.read(), case_id) == (
        1,
        "CMD-2026-000001",
        "draft",
        None,
        T0,
        "",
        '{"death":false}',
        '{"name":"Maria Keller"}',
        '{"sex":"female"}',
        "Dizzy after Cardiolin.",
        T2,
        "2027-02-22T09:00:00Z",
        None,
        "",
        "",
        "",
        "",
        None,
        "",
        None,
        "Anna Berger",
        T0,
        T0,
    )
    assert pv.case_row(tdesk.store.read(), 99) is None


def test_every_setter_changes_only_its_columns(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        first = new_case(conn, "CMD-2026-000001")
        case_id = new_case(conn, "CMD-2026-000002")
        untouched = pv.case_row(conn, first)
        pv.set_case_text(conn, case_id, column="reporter", value='{"name":"Tom"}')
        pv.set_case_text(conn, case_id, column="patient", value='{"sex":"male"}')
        pv.set_case_text(conn, case_id, column="narrative", value="Rash.")
        pv.set_day0(conn, case_id, day0="2026-11-23T08:00:00Z", reason="first mention was earlier")
        pv.set_seriousness(conn, case_id, seriousness='{"death":true}', serious=True)
        pv.set_deadlines(conn, case_id, internal_due_at=T1, regulatory_due_at="2026-12-08T08:00:00Z")
        pv.set_state(conn, case_id, state="forwarded", updated_at=T1)
        pv.set_forwarded(conn, case_id, at=T1, by="Anna Berger", method="email", to="safety@example.org")
        pv.set_acknowledged(conn, case_id, safety_case_number="SAF-7", at=T2)
        pv.set_closed_reason(conn, case_id, "no identifiable patient")
        pv.set_follow_up_of(conn, case_id, first)
        pv.touch(conn, case_id, updated_at=T2)
    conn = tdesk.store.read()
    assert pv.case_row(conn, case_id) == (
        2,
        "CMD-2026-000002",
        "forwarded",
        None,
        "2026-11-23T08:00:00Z",
        "first mention was earlier",
        '{"death":true}',
        '{"name":"Tom"}',
        '{"sex":"male"}',
        "Rash.",
        T1,
        "2026-12-08T08:00:00Z",
        T1,
        "Anna Berger",
        "email",
        "safety@example.org",
        "SAF-7",
        T2,
        "no identifiable patient",
        first,
        "Anna Berger",
        T0,
        T2,
    )
    assert conn.execute("SELECT serious FROM pv_case ORDER BY id").fetchall() == [(0,), (1,)]
    assert pv.case_row(conn, first) == untouched


def test_only_reporter_patient_and_narrative_are_text_columns(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        case_id = new_case(conn, "CMD-2026-000001")
        with pytest.raises(ValueError, match="not a case text column: 'state'"):
            pv.set_case_text(conn, case_id, column="state", value="acknowledged")  # type: ignore[arg-type]
    row = pv.case_row(tdesk.store.read(), case_id)
    assert row is not None and row[2] == "draft"


def test_case_ids_filter_by_state_and_due_time_earliest_deadline_first(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        late = new_case(conn, "CMD-2026-000001", internal_due_at=T2)
        early = new_case(conn, "CMD-2026-000002", internal_due_at=T1)
        ready = new_case(conn, "CMD-2026-000003", internal_due_at=T0)
        pv.set_state(conn, ready, state="ready", updated_at=T0)
    conn = tdesk.store.read()
    assert pv.case_ids(conn) == [ready, early, late]
    assert pv.case_ids(conn, states=["draft"]) == [early, late]
    assert pv.case_ids(conn, states=["draft", "ready"], due_before=T1) == [ready, early]
    assert pv.case_ids(conn, states=[]) == []


def test_last_reference_number_per_year(tdesk: Desk) -> None:
    assert pv.last_reference_number(tdesk.store.read(), "CMD-2026-") == 0
    with tdesk.store.transaction() as conn:
        new_case(conn, "CMD-2026-000009")
        new_case(conn, "CMD-2026-000010")
        new_case(conn, "CMD-2027-000042")
    conn = tdesk.store.read()
    assert (pv.last_reference_number(conn, "CMD-2026-"), pv.last_reference_number(conn, "CMD-2027-")) == (10, 42)


def test_products_and_events_are_replaced_as_a_whole(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        case_id = new_case(conn, "CMD-2026-000001")
        product = {"substance": "", "role": "suspect", "batch": "", "dose": "", "route": "", "indication": ""}
        pv.insert_product(conn, case_id, name="Old", action_taken="", **product)
        pv.insert_event(
            conn,
            case_id,
            verbatim="old words",
            language="de",
            meddra_llt_code="",
            meddra_version="",
            onset=None,
            outcome="",
            details="{}",
        )
        pv.delete_products(conn, case_id)
        pv.delete_events(conn, case_id)
        pv.insert_product(
            conn,
            case_id,
            name="Cardiolin",
            substance="cardiolinat",
            role="suspect",
            batch="B12",
            dose="5 mg",
            route="oral",
            indication="hypertension",
            action_taken="withdrawn",
        )
        pv.insert_event(
            conn,
            case_id,
            verbatim="starker Schwindel",
            language="de",
            meddra_llt_code="10013573",
            meddra_version="27.1",
            onset="2026-11-20",
            outcome="recovering",
            details='{"meddra_pt_code":"10013573"}',
        )
    conn = tdesk.store.read()
    assert pv.product_rows(conn, case_id) == [
        (1, "Cardiolin", "cardiolinat", "suspect", "B12", "5 mg", "oral", "hypertension", "withdrawn")
    ]
    assert pv.event_rows(conn, case_id) == [
        (
            1,
            "starker Schwindel",
            "de",
            "10013573",
            "27.1",
            "2026-11-20",
            "recovering",
            '{"meddra_pt_code":"10013573"}',
        )
    ]


def test_source_messages_and_follow_ups(tdesk: Desk, make_message: MakeMessage) -> None:
    first, second, loose = make_message(), make_message(), make_message()
    with tdesk.store.transaction() as conn:
        case_id = new_case(conn, "CMD-2026-000001")
        pv.insert_case_message(
            conn, case_id=case_id, message_id=second, snapshot='{"text":"b"}', snapshot_hash="hb", added_at=T0
        )
        pv.insert_case_message(
            conn, case_id=case_id, message_id=first, snapshot='{"text":"a"}', snapshot_hash="ha", added_at=T1
        )
        for at, outcome, template_id in ((T2, "answered", None), (T1, "requested", None)):
            pv.insert_follow_up(
                conn,
                case_id=case_id,
                at=at,
                actor="Anna Berger",
                channel="facebook",
                template_id=template_id,
                outcome=outcome,
                note=f"{outcome} note",
            )
    conn = tdesk.store.read()
    assert pv.case_message_rows(conn, case_id) == [
        (second, '{"text":"b"}', "hb", T0),
        (first, '{"text":"a"}', "ha", T1),
    ]
    assert pv.follow_up_rows(conn, case_id) == [
        (T1, "Anna Berger", "facebook", "requested", "requested note", None, 2),
        (T2, "Anna Berger", "facebook", "answered", "answered note", None, 1),
    ]
    assert (pv.case_reference_of_message(conn, first), pv.case_reference_of_message(conn, loose)) == (
        "CMD-2026-000001",
        None,
    )


def test_a_message_as_pv_source(tdesk: Desk, make_message: MakeMessage) -> None:
    mid = make_message("Seit Cardiolin ist mir schwindelig.", author="Maria Keller", language="de")
    row = pv.source_row(tdesk.store.read(), mid)
    assert row is not None
    author_id, person_id = row[14], row[13]
    assert row == (
        mid,
        "Seit Cardiolin ist mir schwindelig.",
        "https://facebook.example/c1",
        "2026-11-24T09:00:00Z",
        "2026-11-24T09:00:00Z",
        "de",
        '{"products":["Cardiolin"]}',
        "Novalind DE Facebook",
        "facebook",
        "{}",
        "Maria Keller",
        "",
        "",
        person_id,
        author_id,
    )
    conn = tdesk.store.read()
    assert conn.execute("SELECT author_id FROM message WHERE id = ?", (mid,)).fetchone() == (author_id,)
    assert conn.execute("SELECT person_id FROM author WHERE id = ?", (author_id,)).fetchone() == (person_id,)
    assert pv.source_row(conn, 99) is None


def test_screening_reads_writes_and_feeds_the_review_rows(tdesk: Desk, make_message: MakeMessage) -> None:
    suspected = make_message("Mir ist schwindelig.", author="Maria Keller", pv_suspected=True, screening="unscreened")
    plain = make_message("Wo kaufe ich das?", author="Tom", screening="unscreened")
    cleared = make_message(screening="auto_cleared")
    with tdesk.store.transaction() as conn:
        pv.set_screening(conn, plain, screening="not_ae", reason="a question")
        pv.set_screening(conn, plain, screening="unscreened", reason=None)
        pv.set_screening(conn, cleared, screening="not_ae", reason="a question")
    conn = tdesk.store.read()
    assert [pv.screening(conn, m) for m in (suspected, plain, cleared, 99)] == [
        "unscreened",
        "unscreened",
        "not_ae",
        None,
    ]
    assert conn.execute(
        "SELECT id, pv_screening_reason FROM message WHERE id IN (?, ?) ORDER BY id", (plain, cleared)
    ).fetchall() == [(plain, None), (cleared, "a question")]
    pv_score = conn.execute("SELECT pv_score FROM message WHERE id = ?", (suspected,)).fetchone()[0]
    plain_score = conn.execute("SELECT pv_score FROM message WHERE id = ?", (plain,)).fetchone()[0]
    assert pv.review_rows(conn, screening="unscreened") == [
        (suspected, "Mir ist schwindelig.", "Maria Keller", "Novalind DE Facebook", T0, 1, pv_score),
        (plain, "Wo kaufe ich das?", "Tom", "Novalind DE Facebook", T0, 0, plain_score),
    ]


def test_an_email_to_drug_safety_goes_into_the_outbox(tdesk: Desk) -> None:
    assert pv.first_email_account(tdesk.store.read()) is None
    with tdesk.store.transaction() as conn:
        for name in ("Safety mail", "Second mail"):
            conn.execute(
                "INSERT INTO channel_account (name, kind, settings, created_at) VALUES (?, 'email', '{}', ?)",
                (name, T0),
            )
    account = pv.first_email_account(tdesk.store.read())
    assert account == 2
    with tdesk.store.transaction() as conn:
        outbox_id = pv.queue_email(conn, account_id=account, payload='{"to":"s@x.example"}', actor="Anna Berger", at=T1)
    row = (
        tdesk.store.read()
        .execute(
            "SELECT id, account_id, message_id, action, payload, state, attempts, created_by, created_at, updated_at "
            "FROM outbox"
        )
        .fetchall()
    )
    assert row == [(outbox_id, 2, None, "email", '{"to":"s@x.example"}', "queued", 0, "Anna Berger", T1, T1)]


def test_reconciliation_rows(tdesk: Desk, make_message: MakeMessage) -> None:
    in_case = make_message(screening="case")
    suspected = make_message(pv_suspected=True, screening="unscreened")
    cleared = make_message(pv_suspected=True, screening="not_ae")
    make_message(screening="auto_cleared")  # never flagged: not reconciled
    with tdesk.store.transaction() as conn:
        first = new_case(conn, "CMD-2026-000001")
        second = new_case(conn, "CMD-2026-000002", internal_due_at=T1)
        for case_id in (first, second):
            pv.insert_case_message(
                conn, case_id=case_id, message_id=in_case, snapshot="{}", snapshot_hash="h", added_at=T0
            )
        pv.set_state(conn, second, state="acknowledged", updated_at=T2)
        pv.set_forwarded(conn, second, at=T2, by="Anna Berger", method="folder", to="/x")
        pv.set_acknowledged(conn, second, safety_case_number="SAF-1", at=T2)
    conn = tdesk.store.read()
    assert pv.flagged_rows(conn) == [
        (in_case, "case", first, "CMD-2026-000001", "draft"),
        (in_case, "case", second, "CMD-2026-000002", "acknowledged"),
        (suspected, "unscreened", None, None, None),
        (cleared, "not_ae", None, None, None),
    ]
    assert pv.forwarding_rows(conn) == [
        (first, "CMD-2026-000001", "draft", T2, None, None),
        (second, "CMD-2026-000002", "acknowledged", T1, T2, T2),
    ]


def load_meddra(conn: Connection, *, language: str, version: str, llt_name: str = "Fake headache") -> None:
    pv.replace_meddra(
        conn,
        language=language,
        version=version,
        loaded_at=T0,
        socs=[("99900001", "Fake nervous SOC", "FakeNerv")],
        pts=[("99000001", "Fake headache PT", "99900001"), ("99000002", "Fake rash PT", "")],
        llts=[
            ("99000001", llt_name, llt_name.lower(), "99000001", 1),
            ("99000002", "Head pain 50%_fake", "head pain 50%_fake", "99000001", 1),
            ("99000003", "Old headache", "old headache", "99000001", 0),
            ("99000004", "Fake itch", "fake itch", "99000002", 1),
        ],
    )


def test_a_meddra_release_replaces_the_same_language_only(tdesk: Desk) -> None:
    assert (pv.meddra_releases(tdesk.store.read()), pv.meddra_version(tdesk.store.read(), "English")) == ({}, None)
    with tdesk.store.transaction() as conn:
        load_meddra(conn, language="English", version="27.0", llt_name="Gone headache")
        load_meddra(conn, language="German", version="27.1", llt_name="Fake Kopfschmerz")
        load_meddra(conn, language="English", version="27.1")
    conn = tdesk.store.read()
    assert pv.meddra_releases(conn) == {"English": "27.1", "German": "27.1"}
    assert pv.meddra_version(conn, "German") == "27.1"
    assert conn.execute("SELECT language, version, loaded_at FROM meddra_release ORDER BY language").fetchall() == [
        ("English", "27.1", T0),
        ("German", "27.1", T0),
    ]
    assert [
        conn.execute(f"SELECT count(*) FROM {table} WHERE language = 'English'").fetchone()[0]
        for table in pv.MEDDRA_TABLES
    ] == [4, 2, 1]
    assert pv.search_llts(conn, "gone", language="English", limit=10, include_non_current=True) == []


def test_llt_search_prefix_first_escapes_like_and_skips_non_current(tdesk: Desk) -> None:
    with tdesk.store.transaction() as conn:
        load_meddra(conn, language="English", version="27.1")
    conn = tdesk.store.read()
    headache = ("99000001", "Fake headache", "99000001", "Fake headache PT", "Fake nervous SOC", True)
    old = ("99000003", "Old headache", "99000001", "Fake headache PT", "Fake nervous SOC", False)
    itch = ("99000004", "Fake itch", "99000002", "Fake rash PT", "", True)
    assert pv.search_llts(conn, "headache", language="English", limit=10, include_non_current=False) == [headache]
    assert pv.search_llts(conn, "headache", language="English", limit=10, include_non_current=True) == [
        old,  # shorter names first among those merely containing the word
        headache,
    ]
    pain = ("99000002", "Head pain 50%_fake", "99000001", "Fake headache PT", "Fake nervous SOC", True)
    assert pv.search_llts(conn, "fake", language="English", limit=10, include_non_current=False) == [
        itch,
        headache,
        pain,
    ]
    assert pv.search_llts(conn, "fake", language="English", limit=1, include_non_current=False) == [itch]
    assert pv.search_llts(conn, "50%_", language="English", limit=10, include_non_current=False) == [pain]
    assert pv.search_llts(conn, "0%x", language="English", limit=10, include_non_current=False) == []
    assert pv.search_llts(conn, "headache", language="German", limit=10, include_non_current=False) == []
