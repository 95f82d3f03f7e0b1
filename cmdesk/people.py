"""People behind the messages: one person, many channel identities, a history, a mood and a type.

A community manager answers differently when she sees that the angry commenter on
Instagram is the loyal forum member of three years, or a troll who posted the same
insult on four channels. Identities are only joined by a human: cmdesk suggests
merges (same name on another channel), a person confirms or rejects them, and a
wrong merge can be split again. Everything is audited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.analysis.author_type import AuthorHistoryItem, classify
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.merge_candidates import NameGroups, Pair, pairs_in
from cmdesk.model import AuthorType, Intent, MoodLabel, Person, PVScreening, Status
from cmdesk.store import audit
from cmdesk.store import people as sql
from cmdesk.store import settings as settings_sql
from cmdesk.store import triage as tag_sql
from cmdesk.store.codec import from_db_time, from_json, to_db_time, to_json

if TYPE_CHECKING:
    from cmdesk.desk import Desk

# Not a user setting (Settings lists and audits only DEFAULTS' keys): the newest message merges were looked for at.
MERGES_CHECKED_KEY = "internal.merges_checked_to_message"
HISTORY_LIMIT = 500  # enough to judge a person; the queue's person filter shows everything
EXCERPT = 280
NOTE_MAX = 4000


@dataclass(frozen=True)
class Identity:
    """The person as one channel knows them."""

    author_id: int
    account: str
    channel: str
    name: str
    handle: str | None
    profile_url: str | None
    first_seen_at: datetime
    messages: int


@dataclass(frozen=True)
class HistoryItem:
    """One message of the person, for the timeline."""

    message_id: int
    account: str
    channel: str
    kind: str
    excerpt: str
    created_at: datetime
    mood_label: MoodLabel | None
    mood_score: float | None
    intent: Intent | None
    pv_suspected: bool
    pv_screening: PVScreening
    status: Status


@dataclass(frozen=True)
class MoodPoint:
    """Mean mood of the person's messages in one week (Monday ``week``)."""

    week: date
    mean: float
    count: int


@dataclass(frozen=True)
class MergeSuggestion:
    id: int
    author_id: int
    author_name: str
    account: str
    channel: str
    handle: str | None
    from_person_id: int | None
    to_person_id: int
    to_person_name: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    id: int
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class Profile:
    """Everything the author panel shows about one person."""

    person: Person
    identities: tuple[Identity, ...]
    message_count: int
    first_seen: datetime | None
    last_seen: datetime | None
    tags: tuple[str, ...]
    notes: tuple[Note, ...]
    suggestions: tuple[MergeSuggestion, ...]


class PeopleService:
    """Reading and curating persons for the author panel and the CLI."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._names = NameGroups()  # read once per session, then from what each look touched

    # -- reading ------------------------------------------------------------------------------

    def profile(self, person_id: int) -> Profile:
        """The person with a type computed from their current history (a human override wins)."""
        conn = self._desk.store.read()
        row = sql.person_row(conn, person_id)
        if row is None:
            raise NotFound("there is no person {person_id}", person_id=person_id)
        items = self.history(person_id)
        computed, reasons = classify(_classify_input(items))
        override = AuthorType(row[4]) if row[4] else None
        person = Person(
            id=row[0],
            display_name=row[1],
            author_type=computed,
            author_type_reasons=reasons,
            author_type_override=override,
        )
        ids = tuple(
            Identity(
                author_id=r[0],
                account=r[1],
                channel=r[2],
                name=r[3],
                handle=r[4],
                profile_url=r[5],
                first_seen_at=_time(r[6]),
                messages=int(r[7]),
            )
            for r in sql.identities(conn, person_id)
        )
        return Profile(
            person=person,
            identities=ids,
            message_count=sql.message_count(conn, person_id),
            first_seen=min((i.created_at for i in items), default=None),
            last_seen=max((i.created_at for i in items), default=None),
            tags=tuple(sql.tags(conn, person_id)),
            notes=self.notes(person_id),
            suggestions=self.suggestions(person_id),
        )

    def history(self, person_id: int, *, limit: int = HISTORY_LIMIT) -> list[HistoryItem]:
        """The person's messages on every channel, newest first."""
        rows = sql.history(self._desk.store.read(), person_id, limit=limit)
        return [
            HistoryItem(
                message_id=r[0],
                account=r[1],
                channel=r[2],
                kind=r[3],
                excerpt=_excerpt(r[4]),
                created_at=_time(r[5]),
                mood_label=MoodLabel(r[6]) if r[6] else None,
                mood_score=None if r[7] is None else float(r[7]),
                intent=Intent(r[8]) if r[8] else None,
                pv_suspected=bool(r[9]),
                pv_screening=PVScreening(r[10]),
                status=Status(r[11]),
            )
            for r in rows
        ]

    def mood_trend(self, person_id: int, *, weeks: int = 26) -> list[MoodPoint]:
        """Weekly mean mood over the last ``weeks`` weeks (desk clock), oldest first; empty weeks left out."""
        since = self._desk.clock.now() - timedelta(weeks=weeks)
        buckets: dict[date, list[float]] = defaultdict(list)
        for item in self.history(person_id):
            if item.created_at < since or item.mood_score is None:
                continue
            day = item.created_at.date()
            buckets[day - timedelta(days=day.weekday())].append(item.mood_score)
        return [
            MoodPoint(week=week, mean=round(sum(scores) / len(scores), 3), count=len(scores))
            for week, scores in sorted(buckets.items())
        ]

    def notes(self, person_id: int) -> tuple[Note, ...]:
        return tuple(Note(n[0], n[1], n[2], _time(n[3])) for n in sql.notes(self._desk.store.read(), person_id))

    def suggestions(self, person_id: int) -> tuple[MergeSuggestion, ...]:
        return tuple(
            MergeSuggestion(
                id=r[0],
                author_id=r[1],
                author_name=r[2],
                account=r[3],
                channel=r[4],
                handle=r[5],
                from_person_id=r[6],
                to_person_id=r[7],
                to_person_name=r[8],
                score=float(r[9]),
                reasons=tuple(str(x) for x in from_json(r[10], [])),
            )
            for r in sql.suggestions(self._desk.store.read(), person_id)
            if r[6] != r[7]
        )

    # -- author type ----------------------------------------------------------------------------

    def set_type_override(self, person_id: int, author_type: AuthorType | str | None, *, reason: str = "") -> None:
        """A human decides the type (``None`` hands it back to cmdesk's judgement)."""
        override = AuthorType(author_type).value if author_type else None
        with self._desk.store.transaction() as conn:
            row = self._person(conn, person_id)
            sql.set_override(conn, person_id, override)
            self._audit(conn, "person.type_override", person_id, {"old": row[4], "new": override, "reason": reason})
        self._changed(person_id)

    def refresh_types(self, person_ids: Iterable[int] | None = None) -> int:
        """Store the computed type and reasons (used by filters and reports); returns how many changed."""
        conn = self._desk.store.read()
        ids = list(person_ids) if person_ids is not None else sql.person_ids(conn)
        updates: list[tuple[int, str, str]] = []
        for pid in ids:
            row = sql.person_row(conn, pid)
            if row is None:
                continue
            found, reasons = classify(_classify_input(self.history(pid)))
            if found.value != row[2] or to_json(list(reasons)) != row[3]:
                updates.append((pid, found.value, to_json(list(reasons))))
        if updates:
            with self._desk.store.transaction() as wconn:
                for pid, kind, reasons_json in updates:
                    sql.set_type(wconn, pid, author_type=kind, reasons=reasons_json)
        return len(updates)

    # -- notes and tags ---------------------------------------------------------------------------

    def add_note(self, person_id: int, text: str) -> Note:
        body = text.strip()
        if not body:
            raise InvalidInput("a note needs text")
        if len(body) > NOTE_MAX:
            raise InvalidInput(
                "a note holds at most {limit} characters ({given} given)", limit=NOTE_MAX, given=len(body)
            )
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            self._person(conn, person_id)
            nid = tag_sql.add_note(
                conn, message_id=None, person_id=person_id, author=self._desk.agent_name, text=body,
                at=to_db_time(now) or "",
            )  # fmt: skip
            self._audit(conn, "person.note", person_id, {"note_id": nid, "text": body})
        self._changed(person_id)
        return Note(nid, self._desk.agent_name, body, now)

    def tag(self, person_id: int, tag: str) -> bool:
        name = " ".join(tag.split())
        if not name:
            raise InvalidInput("a tag needs a name")
        with self._desk.store.transaction() as conn:
            self._person(conn, person_id)
            added = sql.add_tag(conn, person_id, tag_sql.tag_id(conn, name))
            if added:
                self._audit(conn, "person.tag", person_id, {"tag": name})
        self._changed(person_id)
        return added

    def untag(self, person_id: int, tag: str) -> bool:
        name = " ".join(tag.split())
        with self._desk.store.transaction() as conn:
            self._person(conn, person_id)
            tid = tag_sql.find_tag(conn, name)
            removed = tid is not None and sql.remove_tag(conn, person_id, tid)
            if removed:
                self._audit(conn, "person.untag", person_id, {"tag": name})
        self._changed(person_id)
        return removed

    # -- identities -------------------------------------------------------------------------------

    def suggest_merges_for_new_authors(self) -> int:
        """Suggest merges for the authors of the messages that arrived since the last look; returns new suggestions.

        The newest message looked at is kept in the store, so messages stored by any path are
        covered: a sync cut short by locking the desk, an import, another process's sync. The
        authors of new messages include new identities, renamed ones and those writing in for
        the first time; only their name groups are looked at again.
        """
        conn = self._desk.store.read()
        newest = sql.newest_message_id(conn)
        checked = int(settings_sql.get(conn, MERGES_CHECKED_KEY) or 0)
        if newest <= checked:
            return 0
        touched = sql.authors_of_messages_after(conn, checked)
        self._names.refresh(conn, touched)
        added = self._add_pairs(pairs_in(conn, self._names, self._names.keys_of(touched), touched=touched))
        with self._desk.store.transaction() as wconn:  # never backwards: another writer may have looked further
            seen = int(settings_sql.get(wconn, MERGES_CHECKED_KEY) or 0)
            settings_sql.put(wconn, MERGES_CHECKED_KEY, max(newest, seen))
        return added

    def suggest_merges(self) -> int:
        """Suggest joining authors with the same full name on different channel accounts; returns new suggestions.

        Single names ("Anna") are too common to suggest anything. A pair suggested
        once is never suggested again, so a rejection sticks. This looks at every author;
        the background pass uses :meth:`suggest_merges_for_new_authors`.
        """
        conn = self._desk.store.read()
        self._names.refresh(conn)
        return self._add_pairs(pairs_in(conn, self._names, self._names.all_keys()))

    def _add_pairs(self, pairs: list[Pair]) -> int:
        added = 0
        if pairs:
            with self._desk.store.transaction() as wconn:
                for pair in pairs:
                    added += sql.add_suggestion(
                        wconn,
                        author_id=pair.author_id,
                        person_id=pair.person_id,
                        score=pair.score,
                        reasons=pair.reasons,
                    )
        return added

    def confirm_merge(self, suggestion_id: int) -> int:
        """Join the suggested identity to the person; returns the person it now belongs to."""
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            row = sql.suggestion(conn, suggestion_id)
            if row is None:
                raise NotFound("there is no merge suggestion {suggestion_id}", suggestion_id=suggestion_id)
            _sid, author_id, target, state, current = row
            if state != "suggested":
                raise _already_decided(state)
            self._person(conn, target)
            sql.move_author(conn, author_id, target)
            if current is not None and current != target and sql.author_count(conn, current) == 0:
                sql.move_person_notes_and_tags(conn, from_person=current, to_person=target)
            sql.decide_suggestion(conn, suggestion_id, state="confirmed", by=self._desk.agent_name, at=_text(now))
            self._audit(
                conn, "person.merge", target, {"suggestion": suggestion_id, "author": author_id, "from": current}
            )
        self._desk.events.emit(events.MESSAGES_CHANGED, ids=None)
        self._changed(target)
        return int(target)

    def reject_merge(self, suggestion_id: int) -> None:
        with self._desk.store.transaction() as conn:
            row = sql.suggestion(conn, suggestion_id)
            if row is None:
                raise NotFound("there is no merge suggestion {suggestion_id}", suggestion_id=suggestion_id)
            if row[3] != "suggested":
                raise _already_decided(row[3])
            sql.decide_suggestion(
                conn, suggestion_id, state="rejected", by=self._desk.agent_name, at=_text(self._desk.clock.now())
            )
            self._audit(conn, "person.merge_rejected", int(row[2]), {"suggestion": suggestion_id, "author": row[1]})
        self._changed(int(row[2]))

    def split(self, author_id: int) -> int:
        """Take one identity out of its person (a wrong merge) into a new person; returns the new person's id."""
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            found = sql.author_person(conn, author_id)
            if found is None:
                raise NotFound("there is no author {author_id}", author_id=author_id)
            old, name = found
            if old is not None and sql.author_count(conn, old) <= 1:
                raise InvalidInput("this is the person's only identity; there is nothing to split off")
            from cmdesk.store import messages as message_sql

            new = message_sql.insert_person(conn, display_name=name, created_at=_text(now))
            sql.move_author(conn, author_id, new)
            self._audit(conn, "person.split", new, {"author": author_id, "from": old})
        self._desk.events.emit(events.MESSAGES_CHANGED, ids=None)
        return new

    # -- helpers ----------------------------------------------------------------------------------

    def _person(self, conn: Any, person_id: int) -> tuple[Any, ...]:
        row = sql.person_row(conn, person_id)
        if row is None:
            raise NotFound("there is no person {person_id}", person_id=person_id)
        return row

    def _audit(self, conn: Any, action: str, person_id: int, detail: dict[str, Any]) -> None:
        audit.append(
            conn,
            at=self._desk.clock.now(),
            actor=self._desk.agent_name,
            action=action,
            entity="person",
            entity_id=person_id,
            detail=detail,
        )

    def _changed(self, person_id: int) -> None:
        self._desk.events.emit(events.PEOPLE_CHANGED, person_id=person_id)


def _already_decided(state: str) -> InvalidInput:
    """One whole sentence per decision, so the window can translate it: the stored state word is English."""
    if state == "confirmed":
        return InvalidInput("this suggestion was already confirmed")
    return InvalidInput("this suggestion was already rejected")  # the only other decided state


def _classify_input(items: list[HistoryItem]) -> list[AuthorHistoryItem]:
    return [
        AuthorHistoryItem(
            created_at=i.created_at,
            mood_label=i.mood_label or MoodLabel.NEUTRAL,
            mood_score=i.mood_score or 0.0,
            intent=i.intent or Intent.OTHER,
            channel=i.channel,
            text=i.excerpt,
        )
        for i in items
    ]


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "\u2026"


def _time(text: str) -> datetime:
    moment = from_db_time(text)
    assert moment is not None
    return moment


def _text(moment: datetime) -> str:
    return to_db_time(moment) or ""
