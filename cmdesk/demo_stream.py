"""The demo's rows, made without a store: people, the page's posts and the stream of messages.

Everything follows from a :class:`DemoPlan` (seed, size, clock reading, the accounts and tags
the store already holds), so the rows are the same whether this runs in the desk's process or
in a worker process. Each distinct text is analysed once; its row is copied and only the
per-message columns (ids, times, thread, status) change.
"""

from __future__ import annotations

import gc
import pickle
import random
import sys
import traceback
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

from cmdesk import demo_texts as bank
from cmdesk.demo_cases import CasePlan, CaseText, CaseTexts
from cmdesk.demo_phrases import Phrasebook, Said
from cmdesk.ingest import AnalyzerLike
from cmdesk.model import SAME_NAME, SAME_PICTURE, SAME_WORDING, Direction, MessageKind
from cmdesk.store.codec import to_db_time, to_json
from cmdesk.store.messages import INSERT_COLUMNS

DAYS = 60
CHUNK = 25_000  # rows per transaction
SOCIAL = ("facebook", "instagram", "youtube")
PERMALINKS = {
    "facebook": "https://www.facebook.com/{id}",
    "instagram": "https://www.instagram.com/p/{id}",
    "youtube": "https://www.youtube.com/watch?v={id}",
    "discourse": "https://forum.novalind.example/p/{id}",
}
PROFILES = {
    "facebook": "https://www.facebook.com/{h}",
    "instagram": "https://www.instagram.com/{h}",
    "youtube": "https://www.youtube.com/@{h}",
    "discourse": "https://forum.novalind.example/u/{h}",
}
ACTIVITY = {
    "loyal_fan": 4.0,
    "patient_influencer": 6.0,
    "troll": 3.0,
    "unhappy_customer": 2.0,
    "caregiver": 1.5,
    "newcomer": 0.6,
    "spammer": 0.8,
}
# Positions in a stored row: the message id first, then store.messages.INSERT_COLUMNS.
_C = {name: n + 1 for n, name in enumerate(INSERT_COLUMNS)}
ACCOUNT, EXTERNAL, KIND, DIRECTION, AUTHOR = (
    _C["account_id"],
    _C["external_id"],
    _C["kind"],
    _C["direction"],
    _C["author_id"],
)
THREAD, PARENT, URL, CREATED, RECEIVED = (
    _C["thread_external_id"],
    _C["parent_external_id"],
    _C["url"],
    _C["created_at"],
    _C["received_at"],
)
STATUS, ASSIGNEE, SCREENING, DUE, FIRST_RESPONSE, HANDLED = (
    _C["status"],
    _C["assignee"],
    _C["pv_screening"],
    _C["due_at"],
    _C["first_response_at"],
    _C["handled_at"],
)


@dataclass
class DemoSummary:
    messages: int = 0
    replies: int = 0
    posts: int = 0
    persons: int = 0
    authors: int = 0
    accounts: int = 0
    suspected: int = 0
    merge_suggestions: int = 0
    tagged_messages: int = 0
    notes: int = 0
    templates_approved: int = 0
    cases: dict[str, int] = field(default_factory=dict)
    outbox: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class DemoAccount:
    id: int
    name: str
    kind: str
    german: float  # share of German writers
    share: float  # share of the public who write here
    silent_hours: float | None = None  # nothing arrived in the last hours (the health demo)
    country: str = ""  # the account's country setting (a PV reporter's country)


@dataclass(frozen=True)
class DemoPlan:
    """What the rows follow from; picklable, so a worker process can make them."""

    seed: int
    messages: int
    now: datetime
    accounts: tuple[DemoAccount, ...]
    tag_ids: dict[str, int]
    first_message: int
    first_person: int
    first_author: int
    analyzer: AnalyzerLike
    cases: CasePlan = field(default_factory=CasePlan)


@dataclass
class People:
    persons: list[tuple[int, str, str]] = field(default_factory=list)
    authors: list[tuple[Any, ...]] = field(default_factory=list)
    merges: list[tuple[int, int, float, str]] = field(default_factory=list)
    tags: list[tuple[int, int]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class Chunk:
    """One transaction's rows."""

    messages: list[list[Any]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    tags: list[tuple[int, int]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    case_texts: dict[str, CaseText] = field(default_factory=dict)  # texts screened 'case' first seen here
    inbound: int = 0


@dataclass
class Finished:
    summary: DemoSummary
    case_messages: list[tuple[int, str]]


@dataclass
class Failed:
    detail: str


Item = People | Chunk | Finished | Failed


@dataclass
class _Person:
    id: int
    persona: str
    german: bool
    first: str
    last: str
    homes: list[tuple[DemoAccount, int, int | None]] = field(default_factory=list)  # account, author, silent after


class DemoTimes:
    """Demo times as whole seconds since ``base`` (a UTC midnight), written exactly like ``to_db_time``."""

    def __init__(self, base: datetime, days: int) -> None:
        self.base = base
        self.days = [(to_db_time(base + timedelta(days=d)) or "")[:11] for d in range(days)]
        two = [f"{n:02d}" for n in range(60)]
        self.clock = [f"{h}:{m}:{s}Z" for h in two[:24] for m in two for s in two]  # by second of the day
        self.day_numbers = {day: n for n, day in enumerate(self.days)}

    @classmethod
    def of(cls, now: datetime, *, days_ahead: int = 8) -> DemoTimes:
        """The demo's times at clock reading ``now``: from the day before the first message (posts start
        earlier) to ``days_ahead`` days past ``now`` (due times run ahead)."""
        start = now.astimezone(UTC).replace(microsecond=0) - timedelta(days=DAYS)
        return cls((start - timedelta(days=1)).replace(hour=0, minute=0, second=0), DAYS + days_ahead)

    def text(self, second: int) -> str:
        return self.days[second // 86_400] + self.clock[second % 86_400]

    def second(self, at: datetime) -> int:
        return int((at - self.base).total_seconds())

    def second_of(self, text: str) -> int:
        """The inverse of :meth:`text`, for a time this demo wrote."""
        return self.day_numbers[text[:11]] * 86_400 + int(text[11:13]) * 3600 + int(text[14:16]) * 60 + int(text[17:19])


class Generator:
    def __init__(self, plan: DemoPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        now = plan.now.astimezone(UTC).replace(microsecond=0)
        start = now - timedelta(days=DAYS)
        self.times = DemoTimes.of(now)
        self.now_s = self.times.second(now)
        self.start_s = self.times.second(start)
        self.start_text = to_db_time(start) or ""
        self.next_id = plan.first_message
        self.summary = DemoSummary(accounts=len(plan.accounts))
        self.persons: list[_Person] = []
        self.weights: list[float] = []
        self.agents = [n for n, role in bank.AGENTS if role in ("community_manager", "pv_reviewer", "team_lead")]
        self.posts: dict[int, tuple[list[int], list[str]]] = {}  # account id -> (post seconds, external ids)
        self.case_messages: list[tuple[int, str]] = []  # (message id, the state its PV case reaches)
        self.phrases = Phrasebook(self.rng, plan.analyzer, received_at=self.times.base)
        self.case_texts = CaseTexts(plan.cases)

    # -- people ---------------------------------------------------------------------------

    def people(self) -> People:
        out = People()
        plan, r = self.plan, self.rng.random
        count = max(40, min(120_000, plan.messages // 10))
        personas = [p for p, _ in bank.PERSONA_SHARE]
        persona_cum = list(accumulate(w for _, w in bank.PERSONA_SHARE))
        account_cum = list(accumulate(a.share for a in plan.accounts))
        others = [a for a in plan.accounts if a.kind != "file"]
        next_author = plan.first_author
        next_extra = plan.first_person + count  # identities only suggested for a merge get a person of their own
        for offset in range(count):
            persona = personas[bisect(persona_cum, r() * persona_cum[-1])]
            home = plan.accounts[bisect(account_cum, r() * account_cum[-1])]
            german = r() < home.german
            first = self.rng.choice(bank.FIRST_NAMES_DE if german else bank.FIRST_NAMES_EN)
            last = self.rng.choice(bank.LAST_NAMES_DE if german else bank.LAST_NAMES_EN)
            person = _Person(plan.first_person + offset, persona, german, first, last)
            homes = [home]
            if persona in ("loyal_fan", "patient_influencer", "unhappy_customer") and r() < 0.35:
                homes += [a for a in self.rng.sample(others, 2) if a is not home]
            out.persons.append((person.id, f"{first} {last}", self.start_text))
            for n, account in enumerate(homes):
                handle = f"{first}.{last}{n or ''}".lower().replace(" ", "")
                if account.kind == "email":
                    handle += "@mail.example"
                owner = person.id
                if n > 0 and r() < 0.5:  # a second identity the desk only suspects belongs to this person
                    owner, next_extra = next_extra, next_extra + 1
                    out.persons.append((owner, f"{first} {last}", self.start_text))
                    reasons = [SAME_NAME, SAME_WORDING] if r() < 0.6 else [SAME_NAME, SAME_PICTURE]
                    out.merges.append((next_author, person.id, round(0.62 + 0.3 * r(), 2), to_json(reasons)))
                profile = PROFILES[account.kind].format(h=handle) if account.kind in PROFILES else None
                name = f"{first} {last}"
                author = (next_author, account.id, f"{account.kind}-{next_author}", name, handle, profile, owner)
                out.authors.append((*author, self.start_text))
                silent = None if account.silent_hours is None else self.now_s - int(account.silent_hours * 3600)
                person.homes.append((account, next_author, silent))
                next_author += 1
            self.persons.append(person)
        self.weights = list(accumulate(ACTIVITY[p.persona] * self.rng.paretovariate(2.0) for p in self.persons))
        self._marks(out)
        self.summary.persons = len(out.persons)
        self.summary.authors = len(out.authors)
        self.summary.merge_suggestions = len(out.merges)
        return out

    def _marks(self, out: People) -> None:
        """Tags on well-known people (VIPs, trolls) and a few notes the team keeps about them."""
        r = self.rng.random
        written = to_db_time(self.plan.now - timedelta(days=DAYS - 3)) or ""
        for person in self.persons:
            names = bank.PERSON_TAGS.get(person.persona)
            if not names or r() > (0.9 if person.persona == "patient_influencer" else 0.3):
                continue
            out.tags.append((person.id, self.plan.tag_ids[names[0]]))
            if r() < 0.3:
                german, english = bank.PERSON_NOTES[person.persona]
                agent = self.agents[int(r() * len(self.agents))]
                out.notes.append((None, person.id, agent, german if person.german else english, written))
        self.summary.notes += len(out.notes)

    def row(
        self,
        said: Said,
        *,
        account: DemoAccount,
        external_id: str,
        kind: str,
        author_id: int | None,
        created: int,
        received: int,
        thread: str | None,
        parent: str | None,
    ) -> list[Any]:
        days, clock = self.times.days, self.times.clock
        row = said.row.copy()
        row[0] = self.next_id
        self.next_id += 1
        row[ACCOUNT] = account.id
        row[EXTERNAL] = external_id
        row[KIND] = kind
        row[AUTHOR] = author_id
        row[THREAD] = thread
        row[PARENT] = parent
        link = PERMALINKS.get(account.kind)
        row[URL] = link.format(id=external_id) if link else None
        row[CREATED] = days[created // 86_400] + clock[created % 86_400]
        row[RECEIVED] = days[received // 86_400] + clock[received % 86_400]
        if row[DIRECTION] == "in":
            due = received + said.due_after
            row[DUE] = days[due // 86_400] + clock[due % 86_400]
        return row

    # -- posts and the message stream -----------------------------------------------------

    def make_posts(self) -> Chunk:
        chunk = Chunk()
        r = self.rng.random
        for account in self.plan.accounts:
            if account.kind not in SOCIAL:
                continue
            seconds: list[int] = []
            ids: list[str] = []
            at = self.start_s - 12 * 3600
            while at < self.now_s:
                german = r() < account.german
                topics = bank.TOPICS_DE if german else bank.TOPICS_EN
                posts = bank.POSTS_DE if german else bank.POSTS_EN
                text = posts[int(r() * len(posts))].format(topic=topics[int(r() * len(topics))])
                external_id = f"{account.kind}-post-{account.id}-{len(ids)}"
                chunk.messages.append(
                    self.row(
                        self.phrases.row(text, Direction.OUTBOUND),
                        account=account,
                        external_id=external_id,
                        kind=MessageKind.POST.value,
                        author_id=None,
                        created=at,
                        received=at,
                        thread=external_id,
                        parent=None,
                    )
                )
                seconds.append(at)
                ids.append(external_id)
                at += int(3600 * (6 + 14 * r()))
            self.posts[account.id] = (seconds, ids)
        self.summary.posts = len(chunk.messages)
        return chunk

    def stream(self, emit: Callable[[Chunk], None]) -> None:
        r = self.rng.random
        span = self.now_s - self.start_s - 1800
        offsets = sorted(r() for _ in range(self.plan.messages))
        persons, weights = self.persons, self.weights
        total_weight = weights[-1]
        chunk = Chunk()
        topics: dict[int, list[str]] = {}
        comments: dict[str, list[str]] = {}
        # The first message after each of these moments reports an adverse event the showcase opens a case for.
        case_moments = sorted((self.now_s - int(hours * 3600), state) for state, hours in bank.CASES)
        case_states: list[str] = []  # moments passed, still waiting for their message
        for index, offset in enumerate(offsets):
            created = self.start_s + int(offset * span)
            while case_moments and created >= case_moments[0][0]:
                case_states.append(case_moments.pop(0)[1])
            while True:  # nobody reaches a channel after it went silent
                person = persons[bisect(weights, r() * total_weight)]
                homes = person.homes
                account, author_id, silent = homes[int(r() * len(homes))]
                if silent is None or created <= silent:
                    break
            said_by = self.phrases.adverse_event if case_states else self.phrases.draw
            category, said = said_by(person.persona, german=person.german)
            received = min(created + 60 * (1 + int(r() * 20)), self.now_s)
            kind, thread, parent = self._place(account, person, created, topics, comments, index)
            external_id = f"{account.kind}-{account.id}-{index}"
            row = self.row(
                said,
                account=account,
                external_id=external_id,
                kind=kind,
                author_id=author_id,
                created=created,
                received=received,
                thread=thread,
                parent=parent,
            )
            if thread is not None and kind in ("comment", "reply"):
                comments.setdefault(thread, []).append(external_id)
            chunk.messages.append(row)
            chunk.inbound += 1
            if case_states and said.case_material:
                self.case_messages.append((row[0], case_states.pop(0)))
            self.summary.suspected += said.suspected
            self._lifecycle(row, said, category, created=created, person=person, account=account, chunk=chunk)
            if row[SCREENING] == "case":
                self.case_texts.add(row, chunk.case_texts)
            if len(chunk.messages) >= CHUNK:
                emit(chunk)
                chunk = Chunk()
        self.summary.messages = self.plan.messages
        emit(chunk)

    def _place(
        self,
        account: DemoAccount,
        person: _Person,
        created: int,
        topics: dict[int, list[str]],
        comments: dict[str, list[str]],
        index: int,
    ) -> tuple[str, str | None, str | None]:
        """Where a message sits: under a post, in a DM conversation, an e-mail thread or a forum topic."""
        r = self.rng.random
        kind = account.kind
        if kind in SOCIAL:
            if kind == "facebook" and r() < 0.1:
                return "direct_message", f"conv-{account.id}-{person.id}", None
            seconds, ids = self.posts[account.id]
            post_id = ids[max(0, bisect(seconds, created) - 1)]
            earlier = comments.get(post_id)
            if earlier and r() < 0.25:
                return "reply", post_id, earlier[-1 - int(r() * min(20, len(earlier)))]
            return "comment", post_id, post_id
        if kind == "discourse":
            open_topics = topics.setdefault(account.id, [])
            if not open_topics or r() < 0.3:
                open_topics.append(f"topic-{account.id}-{index}")
                return "forum_post", open_topics[-1], None
            topic = open_topics[-1 - int(r() * min(30, len(open_topics)))]
            return "forum_post", topic, topic
        if kind == "email":
            return "email", f"mail-{account.id}-{person.id}", None
        return "comment", None, None  # a hotline note imported from a file

    def _lifecycle(
        self,
        row: list[Any],
        said: Said,
        category: str,
        *,
        created: int,
        person: _Person,
        account: DemoAccount,
        chunk: Chunk,
    ) -> None:
        """Older messages have been worked: assigned, answered, done; recent ones are still open."""
        r = self.rng.random
        age_h = (self.now_s - created) / 3600
        worked = r() < (0.93 if age_h > 72 else 0.55 if age_h > 24 else 0.25 if age_h > 4 else 0.0)
        message_id = row[0]
        if said.suspected and age_h > 30:  # screened long ago: a report a case can be made of became one
            row[SCREENING] = "case" if category == "adverse_event" and said.case_material else "not_ae"
        tags = bank.MESSAGE_TAGS.get(category)
        if tags and r() < 0.03:
            chunk.tags.append((message_id, self.plan.tag_ids[tags[int(r() * len(tags))]]))
            self.summary.tagged_messages += 1
        if not worked:
            if r() < 0.45:
                row[ASSIGNEE] = self.agents[int(r() * len(self.agents))]
            return
        agent = self.agents[int(r() * len(self.agents))]
        row[ASSIGNEE] = agent
        assigned = created + 60 * (5 + int(r() * 236))
        handled = min(assigned + 60 * (2 + int(r() * 599)), self.now_s - 60)
        assigned = min(assigned, handled)
        pick = r() * 100
        status = "done" if pick < 80 else "no_action" if pick < 94 else "waiting"
        if category in ("troll", "spam"):
            status = "no_action"
        row[STATUS] = status
        text = self.times.text
        handled_text = text(handled)
        chunk.events.append((message_id, text(assigned), agent, "assignee", None, agent))
        if status != "waiting":
            row[HANDLED] = handled_text
            chunk.events.append((message_id, handled_text, agent, "status", "open", status))
        if r() < 0.01:
            notes = bank.NOTES_DE if person.german else bank.NOTES_EN
            chunk.notes.append((message_id, None, agent, notes[int(r() * len(notes))], handled_text))
            self.summary.notes += 1
        if category in ("troll", "spam", "experience") or status == "no_action":
            return
        row[FIRST_RESPONSE] = handled_text
        pick_reply = 2 if category == "adverse_event" else 1 if category == "praise" else (0, 3)[int(r() * 2)]
        reply = (bank.REPLIES_DE if person.german else bank.REPLIES_EN)[pick_reply].format(name=person.first)
        chunk.messages.append(
            self.row(
                self.phrases.row(reply, Direction.OUTBOUND),
                account=account,
                external_id=f"{row[EXTERNAL]}-reply",
                kind="reply",
                author_id=None,
                created=handled,
                received=handled,
                thread=row[THREAD],
                parent=row[EXTERNAL],
            )
        )
        self.summary.replies += 1


def produce(plan: DemoPlan, emit: Callable[[Item], None]) -> None:
    """Every row for ``plan``, in the order the store takes them: people, posts, the stream, the totals."""
    gen = Generator(plan)
    emit(gen.people())
    emit(gen.make_posts())
    gen.stream(emit)
    emit(Finished(gen.summary, gen.case_messages))


def serve() -> None:
    """The worker process (``python -m cmdesk.demo_stream``): a pickled plan on stdin, pickled items on stdout."""
    gc.disable()  # as demo.collector_paused: the rows form no reference cycles, collecting only walks them
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the item stream
    plan = pickle.load(sys.stdin.buffer)

    def emit(item: Item) -> None:
        pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        produce(plan, emit)
    except BaseException:
        emit(Failed(traceback.format_exc()))
    out.flush()


if __name__ == "__main__":
    from cmdesk.demo_stream import serve as serve_imported  # classes pickled from the module, not __main__

    serve_imported()
