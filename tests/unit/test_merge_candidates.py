"""Authors grouped by full name: built once, refreshed from new and touched authors; pairs only for writers-in."""

from __future__ import annotations

from datetime import timedelta

from cmdesk.desk import Desk
from cmdesk.merge_candidates import NameGroups, handle_key, name_key, pairs_in
from cmdesk.model import Direction
from tests.conftest import NOW
from tests.unit.test_people import pdesk, post  # pdesk is a fixture

__all__ = ["pdesk"]


def test_names_match_across_case_spacing_and_composed_accents() -> None:
    assert (name_key("  JÜRGEN   Schäfer "), name_key("Ju\u0308rgen schäfer"), handle_key("@Juergen_Schaefer")) == (
        "jürgen schäfer",
        "jürgen schäfer",
        "juergenschaefer",
    )


def test_groups_follow_new_and_renamed_authors_and_leave_single_names_out(pdesk: Desk) -> None:
    post(pdesk, "Hallo", name="Anna", author="a1")
    post(pdesk, "Hallo", name="Jürgen Schäfer", author="j1")
    post(pdesk, "Hallo", name="Jürgen Schäfer", author="j3", account_id=2)
    groups = NameGroups()
    conn = pdesk.store.read()
    groups.refresh(conn)
    before = {k: [a[2] for a in groups.members(k)] for k in groups.all_keys()}
    with pdesk.store.transaction() as w:
        w.execute("UPDATE author SET name = 'Jürgen Maier' WHERE external_id = 'j3'")
    renamed = conn.execute("SELECT id FROM author WHERE external_id = 'j3'").fetchone()[0]
    groups.refresh(conn, touched=[renamed])
    after = {k: [a[2] for a in groups.members(k)] for k in groups.all_keys()}
    assert (before, after) == (
        {"jürgen schäfer": ["Jürgen Schäfer", "Jürgen Schäfer"]},
        {"jürgen schäfer": ["Jürgen Schäfer"], "jürgen maier": ["Jürgen Maier"]},
    )


def test_pairs_join_writers_in_to_the_earliest_writer_and_skip_the_companys_own_pages(pdesk: Desk) -> None:
    post(pdesk, "Neu", name="Novalind Pharma", author="page-fb", direction=Direction.OUTBOUND)
    post(pdesk, "New", name="Novalind Pharma", author="page-ig", account_id=2, direction=Direction.OUTBOUND)
    _, home = post(pdesk, "Hallo", name="Jürgen Schäfer", author="j1", handle="juergen.schaefer")
    post(pdesk, "Hi", name="jürgen schäfer", author="j3", account_id=2, handle="@juergen_schaefer")
    groups = NameGroups()
    conn = pdesk.store.read()
    groups.refresh(conn)
    j3 = conn.execute("SELECT id FROM author WHERE external_id = 'j3'").fetchone()[0]
    pairs = pairs_in(conn, groups, groups.all_keys())
    assert [(p.author_id, p.person_id, p.score, p.reasons) for p in pairs] == [
        (j3, home, 0.9, '["same full name on another channel","same user name"]')
    ]


def test_an_author_who_now_writes_in_first_of_the_group_becomes_its_home_for_everyone(pdesk: Desk) -> None:
    _, maria = post(pdesk, "Antwort", name="Maria Klein", author="m1", direction=Direction.OUTBOUND)
    post(pdesk, "Frage", name="Maria Klein", author="m2", account_id=2)
    nothing_yet = pdesk.people.suggest_merges_for_new_authors()  # one writer in the group: no one to join
    post(pdesk, "Jetzt schreibe ich selbst", name="Maria Klein", author="m1", at=NOW + timedelta(hours=1))
    joined = pdesk.people.suggest_merges_for_new_authors()
    conn = pdesk.store.read()
    suggested = conn.execute(
        "SELECT a.external_id, s.person_id FROM person_merge_suggestion s JOIN author a ON a.id = s.author_id"
    ).fetchall()
    assert (nothing_yet, joined, suggested) == (0, 1, [("m2", maria)])
