"""Persons: history across channels, mood trend, author type with override, notes, tags, merges and splits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from cmdesk import events
from cmdesk import people as people_module
from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput
from cmdesk.ingest import ingest
from cmdesk.model import AuthorType, Direction, IncomingMessage, MessageKind
from cmdesk.people import MERGES_CHECKED_KEY
from cmdesk.store import audit, bulk
from cmdesk.store import settings as settings_sql
from tests.conftest import NOW


@pytest.fixture
def pdesk(tdesk: Desk) -> Desk:
    """The test desk with a second channel: an Instagram account (id 2)."""
    with tdesk.store.transaction() as conn:
        bulk.insert_account(
            conn, name="Novalind Instagram", kind="instagram", settings="{}", created_at="2026-11-01T00:00:00Z"
        )
    return tdesk


def post(
    desk: Desk,
    text: str,
    *,
    account_id: int = 1,
    author: str = "fb-100",
    name: str = "Jürgen Schäfer",
    handle: str | None = None,
    at: datetime = NOW,
    direction: Direction = Direction.INBOUND,
) -> tuple[int, int]:
    """Ingest one message; returns (message id, person id)."""
    item = IncomingMessage(
        external_id=f"{account_id}-{author}-{at.isoformat()}-{len(text)}",
        kind=MessageKind.COMMENT,
        text=text,
        created_at=at,
        author_external_id=author,
        author_name=name,
        author_handle=handle,
        direction=direction,
    )
    with desk.store.transaction() as conn:
        result = ingest(conn, account_id=account_id, items=[item], analyzer=desk.analyzer, now=at)
    [person] = result.person_ids
    return result.message_ids[0], person


def test_history_spans_every_identity_of_the_person_newest_first(pdesk: Desk) -> None:
    first, person = post(pdesk, "Danke für die schnelle Antwort!", at=NOW - timedelta(days=3))
    second, _ = post(pdesk, "Cardiolin hilft mir sehr.", at=NOW - timedelta(days=1))
    insta, other = post(pdesk, "Wann kommt die neue Packung?", account_id=2, author="ig-7", name="Jürgen Schäfer")
    pdesk.people.suggest_merges()
    [suggestion] = pdesk.people.profile(person).suggestions
    pdesk.people.confirm_merge(suggestion.id)

    history = pdesk.people.history(person)

    assert [(h.message_id, h.account) for h in history] == [
        (insta, "Novalind Instagram"),
        (second, "Novalind DE Facebook"),
        (first, "Novalind DE Facebook"),
    ]
    profile = pdesk.people.profile(person)
    assert [(i.account, i.channel, i.messages) for i in profile.identities] == [
        ("Novalind DE Facebook", "facebook", 2),
        ("Novalind Instagram", "instagram", 1),
    ]
    assert (profile.message_count, profile.first_seen, profile.last_seen) == (
        3,
        NOW - timedelta(days=3),
        NOW,
    )
    assert other != person


def test_merge_suggestions_need_a_full_name_on_another_channel_and_a_rejection_sticks(pdesk: Desk) -> None:
    _, person = post(pdesk, "Hallo", name="Anna", author="a1")
    post(pdesk, "Hallo", name="Anna", author="a2", account_id=2)
    _, jurgen = post(pdesk, "Hallo", name="Jürgen  Schäfer", author="j1", handle="juergen.schaefer")
    _, same_channel = post(pdesk, "Hallo", name="Jürgen Schäfer", author="j2")
    _, insta = post(pdesk, "Hallo", name="jürgen schäfer", author="j3", account_id=2, handle="@juergen_schaefer")

    assert pdesk.people.suggest_merges() == 1
    [suggestion] = pdesk.people.profile(jurgen).suggestions
    assert (suggestion.to_person_id, suggestion.from_person_id, suggestion.account, suggestion.score) == (
        jurgen,
        insta,
        "Novalind Instagram",
        0.9,
    )
    assert suggestion.reasons == ("same full name on another channel", "same user name")
    assert pdesk.people.profile(person).suggestions == ()
    assert same_channel != jurgen

    pdesk.people.reject_merge(suggestion.id)
    assert pdesk.people.suggest_merges() == 0
    assert pdesk.people.profile(jurgen).suggestions == ()
    with pytest.raises(InvalidInput) as refused:
        pdesk.people.confirm_merge(suggestion.id)
    assert (str(refused.value), refused.value.params) == ("this suggestion was already rejected", {})


def test_confirming_a_merge_moves_notes_and_tags_of_the_emptied_person_and_is_audited(pdesk: Desk) -> None:
    _, home = post(pdesk, "Hallo", name="Jürgen Schäfer", author="j1")
    _, insta = post(pdesk, "Hallo", name="Jürgen Schäfer", author="j3", account_id=2)
    pdesk.people.add_note(insta, "Schreibt für seine Mutter")
    pdesk.people.tag(insta, "Pflegender Angehöriger")
    pdesk.people.suggest_merges()
    [suggestion] = pdesk.people.profile(home).suggestions
    heard: list[object] = []
    pdesk.events.subscribe(events.MESSAGES_CHANGED, lambda **payload: heard.append(payload["ids"]))

    assert pdesk.people.confirm_merge(suggestion.id) == home

    profile = pdesk.people.profile(home)
    assert [n.text for n in profile.notes] == ["Schreibt für seine Mutter"]
    assert profile.tags == ("Pflegender Angehöriger",)
    assert heard == [None]
    assert audit.entries(pdesk.store.read(), entity="person")[0].action == "person.merge"
    with pytest.raises(InvalidInput) as refused:
        pdesk.people.reject_merge(suggestion.id)
    assert str(refused.value) == "this suggestion was already confirmed"


def test_split_takes_an_identity_out_into_a_new_person_but_never_the_last_one(pdesk: Desk) -> None:
    _, home = post(pdesk, "Hallo", name="Jürgen Schäfer", author="j1")
    post(pdesk, "Hallo", name="Jürgen Schäfer", author="j3", account_id=2)
    pdesk.people.suggest_merges()
    pdesk.people.confirm_merge(pdesk.people.profile(home).suggestions[0].id)
    insta_identity = pdesk.people.profile(home).identities[1]

    new = pdesk.people.split(insta_identity.author_id)

    assert [i.author_id for i in pdesk.people.profile(new).identities] == [insta_identity.author_id]
    assert len(pdesk.people.profile(home).identities) == 1
    with pytest.raises(InvalidInput, match="only identity"):
        pdesk.people.split(insta_identity.author_id)


def test_author_type_is_computed_from_history_with_reasons_and_a_human_override_wins(pdesk: Desk) -> None:
    _, person = post(pdesk, "Ich habe eine Frage zu Cardiolin.")
    profile = pdesk.people.profile(person)
    assert (profile.person.effective_type, profile.person.author_type_reasons) == (
        AuthorType.NEWCOMER,
        ("Only 1 message from this author so far.",),
    )

    pdesk.people.set_type_override(person, AuthorType.PATIENT_INFLUENCER, reason="Bekannter Blogger")

    person_now = pdesk.people.profile(person).person
    assert (person_now.author_type, person_now.effective_type) == (AuthorType.NEWCOMER, AuthorType.PATIENT_INFLUENCER)
    pdesk.people.set_type_override(person, None)
    assert pdesk.people.profile(person).person.effective_type == AuthorType.NEWCOMER


def test_refresh_types_stores_the_computed_type_for_filters_and_reports(pdesk: Desk) -> None:
    for day in range(4):
        _, person = post(pdesk, "Idioten! Ihr seid alle Betrüger, Abzocke!", at=NOW - timedelta(days=day))
    assert pdesk.people.refresh_types() == 1
    stored = pdesk.store.read().execute("SELECT author_type FROM person WHERE id = ?", (person,)).fetchone()[0]
    assert stored == pdesk.people.profile(person).person.author_type.value
    assert pdesk.people.refresh_types() == 0


def test_mood_trend_is_a_weekly_mean_on_the_desk_clock(pdesk: Desk) -> None:
    _, person = post(pdesk, "Hallo", at=NOW - timedelta(days=1))
    with pdesk.store.transaction() as conn:
        conn.execute("UPDATE message SET mood_score = 0.5")
    post(pdesk, "Hallo nochmal", at=NOW)
    post(pdesk, "Sehr alt", at=NOW - timedelta(weeks=40))
    with pdesk.store.transaction() as conn:
        conn.execute("UPDATE message SET mood_score = -0.25 WHERE mood_score IS NOT 0.5")
    trend = pdesk.people.mood_trend(person)
    assert [(p.week, p.mean, p.count) for p in trend] == [(date(2026, 11, 23), 0.125, 2)]


def test_notes_and_tags_on_a_person(pdesk: Desk) -> None:
    _, person = post(pdesk, "Hallo")
    pdesk.set_current_agent("Anna Berger")
    note = pdesk.people.add_note(person, "  Bevorzugt Antworten per E-Mail ")
    assert (note.author, note.text, note.created_at) == ("Anna Berger", "Bevorzugt Antworten per E-Mail", NOW)
    assert pdesk.people.tag(person, "VIP") is True
    assert pdesk.people.tag(person, "vip") is False
    assert pdesk.people.untag(person, "VIP") is True
    assert pdesk.people.profile(person).tags == ()
    with pytest.raises(InvalidInput, match="a note needs text"):
        pdesk.people.add_note(person, " ")


def test_merges_are_looked_for_once_per_arrival_of_new_authors(pdesk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    looks: list[set[str]] = []
    look = people_module.pairs_in
    monkeypatch.setattr(
        people_module,
        "pairs_in",
        lambda conn, groups, keys, **kw: looks.append(set(keys)) or look(conn, groups, keys, **kw),
    )
    post(pdesk, "Hallo", name="Jürgen Schäfer", author="j1")
    post(pdesk, "Hallo", name="Jürgen Schäfer", author="j3", account_id=2)
    first = pdesk.people.suggest_merges_for_new_authors()
    nothing_new = pdesk.people.suggest_merges_for_new_authors()
    post(pdesk, "Hallo", name="Anna Berger", author="a1")
    post(pdesk, "Hallo", name="Anna Berger", author="a2", account_id=2)  # e.g. stored by a sync the lock cut short
    after_arrival = pdesk.people.suggest_merges_for_new_authors()
    post(pdesk, "Noch eine Frage", name="Anna Berger", author="a1")  # a known author: looked again, nothing new
    known_author = pdesk.people.suggest_merges_for_new_authors()
    checked = settings_sql.get(pdesk.store.read(), MERGES_CHECKED_KEY)
    newest = pdesk.store.read().execute("SELECT max(id) FROM message").fetchone()[0]
    assert (first, nothing_new, after_arrival, known_author, looks, checked) == (
        1,
        0,
        1,
        0,
        [{"jürgen schäfer"}, {"anna berger"}, {"anna berger"}],  # only the groups the new messages touched
        newest,
    )


def test_the_companys_own_pages_are_never_suggested_as_one_person(pdesk: Desk) -> None:
    post(pdesk, "Neues Merkblatt", name="Novalind Pharma", author="page-de", direction=Direction.OUTBOUND)
    post(pdesk, "New leaflet", name="Novalind Pharma", author="page-ig", account_id=2, direction=Direction.OUTBOUND)
    post(pdesk, "Danke", name="Jürgen Schäfer", author="j1")
    post(pdesk, "Thanks", name="Jürgen Schäfer", author="j3", account_id=2)
    assert pdesk.people.suggest_merges() == 1  # Jürgen, not the brand
