"""The PV case behind each demo message screened as an adverse event long ago, as ``desk.pv`` leaves it.

Apart from :mod:`cmdesk.demo_stream` because a case is a second concept with its own rules (who
opened it, what joins it, when it went to drug safety) and its own rows. The work is split over the
two processes of a big demo so that neither waits much longer for the other: :class:`CaseTexts`
reads each distinct text once where the rows are made, :class:`CaseBook` makes the cases where
they are stored, from the messages as they arrive.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import demo_texts as bank
from cmdesk.model import Product
from cmdesk.pv import case_codec, clocks, prefill, validation
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, CaseEvent, CaseProduct, CaseState, Patient
from cmdesk.store.codec import from_json, to_json
from cmdesk.store.messages import INSERT_COLUMNS

if TYPE_CHECKING:  # only named in annotations: demo_stream imports this module
    from cmdesk.demo_stream import DemoAccount, DemoPlan, DemoTimes, People

# Positions in a stored message row (the message id first, then INSERT_COLUMNS) that a case reads.
ACCOUNT, DIRECTION, AUTHOR, URL, CREATED, RECEIVED, TEXT, LANGUAGE, PV_SIGNAL, SCREENING = (
    1 + INSERT_COLUMNS.index(name)
    for name in (
        "account_id",
        "direction",
        "author_id",
        "url",
        "created_at",
        "received_at",
        "text",
        "language",
        "pv_signal",
        "pv_screening",
    )
)
# What ``case_writing.write_events`` stores beside an event before anyone codes it in MedDRA.
EVENT_DETAILS = to_json({"meddra_llt_name": "", "meddra_pt_code": "", "meddra_pt_name": "", "meddra_soc_name": ""})
SAFETY_NUMBERS_FROM = 10_000  # drug safety's numbers for these cases: apart from the showcase's (4711 on)
DAYS_AHEAD = 8 + clocks.NON_SERIOUS_DAYS  # the demo times a case needs past now: regulatory due dates
_json_text = json.encoder.encode_basestring  # one JSON string, exactly as ``to_json`` writes it
# ``to_json`` of plain values (no times or sets) with one encoder: to_json makes one per call.
_to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
# Stand-ins prefill's narrative is written with once per text, then replaced per case.
_WHO, _URL, _CHANNEL, _KIND = "\x00who\x00", "\x00url\x00", "\x00channel\x00", "\x00kind\x00"
_WHERE = f"{_CHANNEL} ({_KIND})"  # as prefill.narrative names a channel
_WHEN = datetime(1901, 1, 1, tzinfo=UTC)
_WHEN_TEXT = _WHEN.strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True)
class CasePlan:
    """What the bulk cases follow from besides the demo's plan: the store's and the settings' part."""

    first_case: int = 1
    case_numbers: dict[int, int] = field(default_factory=dict)  # year -> the last CMD-<year>- number in use
    products: tuple[Product, ...] = ()
    company_country: str = ""
    safety_inbox: str = ""  # where cases are forwarded to
    internal_hours: int = clocks.DEFAULT_INTERNAL_HOURS  # forward to drug safety within this many hours of day 0


@dataclass
class CaseRows:
    """Cases ready to store, in the column order of ``bulk.insert_cases`` and its siblings."""

    cases: list[tuple[Any, ...]] = field(default_factory=list)
    sources: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    products: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DemoAuthor:
    """An author as a case's reporter and source snapshot name them."""

    name: str
    handle: str
    profile_url: str
    person_id: int


@dataclass(frozen=True, slots=True)
class CaseText:
    """What a case takes from one distinct text: prefill's findings, worked out once."""

    products: tuple[CaseProduct, ...]  # later reports of the same ones join an open case
    events: tuple[CaseEvent, ...]
    hints: tuple[str, ...]  # the detector's seriousness hints
    text_json: str
    language_json: str
    patient_json: str  # as prefill finds the patient in the words; "" when they name nobody identifiable
    narratives: tuple[str, str]  # prefill's, with stand-ins: for a message without a link, with one


class CaseTexts:
    """Prefill's findings for each distinct text screened 'case': run once per text (in the worker,
    beside the analysis of the text), not once per case, and sent along with the rows."""

    def __init__(self, plan: CasePlan) -> None:
        self.plan = plan
        self.seen: set[str] = set()

    def add(self, row: list[Any], into: dict[str, CaseText]) -> None:
        """``row``'s text into ``into``, unless an earlier call had it."""
        text = row[TEXT]
        if text in self.seen:
            return
        self.seen.add(text)
        signal = from_json(row[PV_SIGNAL], {}) or {}
        source = prefill.SourceMessage(0, text, "", _WHEN, _WHEN, row[LANGUAGE] or "", signal, "", "")
        products = prefill.find_products([source], self.plan.products)
        events = prefill.find_events([source])
        patient = prefill.find_patient(text)
        into[text] = CaseText(
            products=products,
            events=events,
            hints=tuple(dict.fromkeys(str(h) for h in signal.get("seriousness", []))),
            text_json=_json_text(text),
            language_json=_json_text(row[LANGUAGE] or ""),
            patient_json=_to_json(case_codec.patient_json(patient)) if validation.check_patient(patient).met else "",
            narratives=(
                self._narrative(patient, products, events, ""),
                self._narrative(patient, products, events, _URL),
            ),
        )

    def _narrative(
        self, patient: Patient, products: tuple[CaseProduct, ...], events: tuple[CaseEvent, ...], url: str
    ) -> str:
        """Prefill's narrative, with stand-ins for who wrote where and when, and the link."""
        source = prefill.SourceMessage(0, "", url, _WHEN, _WHEN, "", {}, _CHANNEL, _KIND, author_handle=_WHO)
        reporter = prefill.find_reporter(source, company_country=self.plan.company_country)
        return prefill.narrative(reporter, patient, products, events, [source])


# A message a case cites: its row, what the case takes from its text, when it was received (demo
# seconds), its account, and when it joined the case.
_Report = tuple[list[Any], CaseText, int, "DemoAccount", int]


@dataclass(slots=True)
class _OpenCase:
    id: int
    reference: str
    person_id: int
    products: tuple[CaseProduct, ...]
    creator: str
    created: int  # demo seconds
    forward: int
    reports: list[_Report] = field(default_factory=list)


class CaseBook:
    """The PV case behind each message screened 'case': the rows ``desk.pv`` writes, made in bulk.

    Someone opened the case minutes to hours after the message came in (``new_case``, prefilled as
    :mod:`cmdesk.pv.prefill` does), the PV reviewer completed it (seriousness from the detector's
    hints, a patient where the words gave none, as ``demo_showcase._complete`` does), marked it ready
    and e-mailed it to drug safety well inside the internal deadline; drug safety acknowledged it one
    to 48 hours later (the newest still wait: forwarded less than three days ago is no discrepancy).
    A person's further report of the same products arriving before their case went out joins it as
    another source, as ``add_message`` would; a later one is a case of its own. The bulk cases get no
    audit rows of their own: the ``demo.generate`` entry accounts for them, as for all bulk rows.

    A case of one message copies the parts of its text (:class:`CaseTexts`) and fills in its author,
    channel, time and link; ``times`` reach :data:`DAYS_AHEAD` days past now.
    """

    def __init__(self, plan: DemoPlan, times: DemoTimes) -> None:
        cases = self.plan = plan.cases
        self.times = times
        self.now_s = self.times.second(plan.now.astimezone(UTC).replace(microsecond=0))
        self.accounts = {account.id: account for account in plan.accounts}
        self.authors: dict[int, DemoAuthor] = {}
        self.rng = random.Random(plan.seed * 7919 + 2)  # not the stream's: the messages stay as they were
        self.reviewer = next(name for name, role in bank.AGENTS if role == "pv_reviewer")
        self.openers = [name for name, role in bank.AGENTS if role in ("community_manager", "pv_reviewer")]
        self.next_id = cases.first_case
        self.numbers = dict(cases.case_numbers)
        self.latest: dict[int, _OpenCase] = {}  # person id -> their case still being worked
        self.pending: list[_OpenCase] = []  # not forwarded yet at the stream's current time
        self.texts: dict[str, CaseText] = {}  # a message text -> what cases take from it
        self.reporters: dict[int, tuple[str, str]] = {}  # author id -> (who the narrative names, reporter JSON)
        self.names: dict[str, str] = {}  # account names and kinds -> JSON strings
        self.where: dict[int, str] = {}  # account id -> the channel as the narrative names it
        self.account_settings: dict[int, dict[str, Any]] = {}  # what prefill reads of an account's settings
        self.seriousness: dict[tuple[str, ...], tuple[bool, str]] = {}
        self.asked: dict[tuple[int, str], str] = {}  # (age, sex) -> the asked patient's JSON
        self.reached: dict[str, int] = {}  # workflow state -> cases made that reached it
        self.acknowledged = 0

    def add_people(self, people: People) -> None:
        """The authors a case's reporter and snapshots name."""
        for author_id, _, _, name, handle, profile, person_id, _ in people.authors:
            self.authors[author_id] = DemoAuthor(name, handle, profile or "", person_id)

    def take(self, messages: Sequence[list[Any]], texts: dict[str, CaseText]) -> CaseRows:
        """The cases of ``messages`` (the stream's next rows, with the texts first seen among them)
        and those before them that none of them or any later message can join any more: forwarded
        before the last of them was written."""
        self.texts.update(texts)
        rows = CaseRows()
        for row in [row for row in messages if row[SCREENING] == "case"]:
            self._add(row)
        last = next((row for row in reversed(messages) if row[DIRECTION] == "in"), None)
        if last is not None:
            self._close(rows, before=self.times.second_of(last[CREATED]))
        return rows

    def rest(self) -> CaseRows:
        """Every case not taken yet: the stream has ended."""
        rows = CaseRows()
        self._close(rows, before=None)
        return rows

    def counts(self) -> dict[str, int]:
        """Cases made so far by workflow state, in the workflow's order."""
        return {s.value: self.reached[s.value] for s in CaseState if s.value in self.reached}

    def _add(self, row: list[Any]) -> None:
        """``row`` opens a case, or joins its author's case still being worked."""
        r = self.rng.random
        text = self.texts[row[TEXT]]
        received = self.times.second_of(row[RECEIVED])
        person_id = self.authors[row[AUTHOR]].person_id
        case = self.latest.get(person_id)
        joined = received + 60 * (5 + int(r() * 25))
        if case is not None:  # read before the case was opened: the case was opened from both
            joined = max(joined, case.created)
        if case is None or case.products != text.products or joined > case.forward - 600:
            opened = received + 60 * (10 + int(r() * 170))
            year = int(self.times.days[opened // 86_400][:4])
            self.numbers[year] = number = self.numbers.get(year, 0) + 1
            case = _OpenCase(
                self.next_id,
                f"CMD-{year}-{number:06d}",
                person_id,
                text.products,
                self.openers[int(r() * len(self.openers))],
                opened,
                opened + 60 * (30 + int(r() * 180)),
            )
            self.next_id += 1
            self.latest[person_id] = case
            self.pending.append(case)
            joined = opened
        case.reports.append((row, text, received, self.accounts[row[ACCOUNT]], joined))

    def _close(self, rows: CaseRows, *, before: int | None) -> None:
        """The rows of the cases forwarded before ``before`` (all when None): no later message joins them."""
        done = [c for c in self.pending if before is None or c.forward < before]
        if not done:
            return
        self.pending = [c for c in self.pending if before is not None and c.forward >= before]
        for case in done:
            if self.latest.get(case.person_id) is case:
                del self.latest[case.person_id]
            if len(case.reports) == 1:
                self._one_message_case(case, rows)
            else:
                self._case(case, rows)

    def _one_message_case(self, case: _OpenCase, rows: CaseRows) -> None:
        """A case of one message, from the parts of its text worked out before."""
        report = case.reports[0]
        row, text, received, account, _ = report
        who, reporter_json = self.reporters.get(row[AUTHOR]) or self._reporter(report)
        if not who:
            self._case(case, rows)
            return
        self._snapshot(case, report, rows)
        url = row[URL] or ""
        template = text.narratives[bool(url)]
        created = row[CREATED]
        when = f"{created[:10]} {created[11:16]} UTC"  # strftime("%Y-%m-%d %H:%M UTC") of a stored time
        where = self.where.get(account.id) or self._where(account)
        narrative = template.replace(_WHO, who).replace(_WHERE, where).replace(_WHEN_TEXT, when).replace(_URL, url)
        patient_json = text.patient_json or self._asked_patient()
        self._row(case, rows, received, text.hints, reporter_json, patient_json, narrative)
        rows.products += [(case.id, p.name, p.substance, p.role, "", "", "", "", "") for p in text.products]
        rows.events += [(case.id, e.verbatim, e.language, "", "", None, "", EVENT_DETAILS) for e in text.events]

    def _case(self, case: _OpenCase, rows: CaseRows) -> None:
        """A case of several messages (or a nameless author): read together, as ``prefill.draft`` reads them."""
        plan = self.plan
        ordered = sorted(case.reports, key=lambda report: (report[2], report[0][0]))
        sources = [self._source(report) for report in ordered]
        for report in ordered:
            self._snapshot(case, report, rows)
        reporter = prefill.find_reporter(sources[0], company_country=plan.company_country)
        patient = prefill.find_patient("\n".join(s.text for s in sources))
        products = prefill.find_products(sources, plan.products)
        events = prefill.find_events(sources)
        hints = tuple(dict.fromkeys(h for report in ordered for h in report[1].hints))
        patient_json = (
            _to_json(case_codec.patient_json(patient))
            if validation.check_patient(patient).met
            else self._asked_patient()
        )
        narrative = prefill.narrative(reporter, patient, products, events, sources)
        reporter_json = _to_json(case_codec.reporter_json(reporter))
        self._row(case, rows, ordered[0][2], hints, reporter_json, patient_json, narrative)
        rows.products += [(case.id, p.name, p.substance, p.role, "", "", "", "", "") for p in products]
        rows.events += [(case.id, e.verbatim, e.language, "", "", None, "", EVENT_DETAILS) for e in events]

    def _row(
        self,
        case: _OpenCase,
        rows: CaseRows,
        day0: int,
        hints: tuple[str, ...],
        reporter_json: str,
        patient_json: str,
        narrative: str,
    ) -> None:
        """The case row ``new_case``, ``update``, ``mark_ready``, ``forward`` and ``acknowledge`` leave."""
        plan, text = self.plan, self.times.text
        serious, seriousness = self.seriousness.get(hints) or self._seriousness(hints)
        forwarded = text(case.forward)
        acknowledged = case.forward + 60 * (60 + int(self.rng.random() * 2820))
        number: str | None = None
        acknowledged_text: str | None = None
        state = CaseState.FORWARDED.value
        if acknowledged <= self.now_s:
            state = CaseState.ACKNOWLEDGED.value
            self.acknowledged += 1
            number = bank.SAFETY_CASE_NUMBER.format(n=SAFETY_NUMBERS_FROM + self.acknowledged)
            acknowledged_text = text(acknowledged)
        self.reached[state] = self.reached.get(state, 0) + 1
        regulatory_days = clocks.SERIOUS_DAYS if serious else clocks.NON_SERIOUS_DAYS
        rows.cases.append(
            (
                case.id,
                case.reference,
                state,
                case.person_id,
                text(day0),
                int(serious),
                seriousness,
                reporter_json,
                patient_json,
                narrative,  # prefill's draft: written before the reviewer completed the case
                text(day0 + plan.internal_hours * 3600),
                text(day0 + 86_400 * regulatory_days),
                forwarded,
                self.reviewer,
                "email",
                plan.safety_inbox,
                number,
                acknowledged_text,
                case.creator,
                text(case.created),
                acknowledged_text or forwarded,
            )
        )

    def _snapshot(self, case: _OpenCase, report: _Report, rows: CaseRows) -> None:
        """``case_writing.snapshot_hash`` and ``write_snapshot``, written out: to_json's sorted keys, no spaces."""
        row, text, _, account, joined = report
        author = self.authors[row[AUTHOR]]
        url_json = _json_text(row[URL] or "")
        created, received = row[CREATED], row[RECEIVED]
        hashed = f'[{text.text_json},{url_json},"{created}","{received}"]'
        snapshot = (  # the stored pv_signal is to_json's form already: ingest writes it with the same settings
            f'{{"account":{self._name(account.name)},"author":{_json_text(author.handle or author.name)},'
            f'"channel_kind":{self._name(account.kind)},"created_at":"{created}",'
            f'"language":{text.language_json},"permalink":{url_json},"pv_signal":{row[PV_SIGNAL]},'
            f'"received_at":"{received}","text":{text.text_json}}}'
        )
        digest = hashlib.sha256(hashed.encode()).hexdigest()
        rows.sources.append((case.id, row[0], snapshot, digest, self.times.text(joined)))

    def _source(self, report: _Report, *, signal: bool = True) -> prefill.SourceMessage:
        """The message of ``report`` as ``case_loading.load_source`` reads it from the store; without
        its detector signal when not ``signal`` (finding the reporter does not read it)."""
        row, _, received, account, _ = report
        author = self.authors[row[AUTHOR]]
        base = self.times.base
        return prefill.SourceMessage(
            id=row[0],
            text=row[TEXT],
            url=row[URL] or "",
            created_at=base + timedelta(seconds=self.times.second_of(row[CREATED])),
            received_at=base + timedelta(seconds=received),
            language=row[LANGUAGE] or "",
            pv_signal=(from_json(row[PV_SIGNAL], {}) or {}) if signal else {},
            account_name=account.name,
            channel_kind=account.kind,
            account_settings=self._settings(account),
            author_name=author.name,
            author_handle=author.handle,
            author_profile_url=author.profile_url,
            person_id=author.person_id,
        )

    def _reporter(self, report: _Report) -> tuple[str, str]:
        """(who the narrative names, the reporter's JSON), as prefill finds the reporter of ``report``."""
        source = self._source(report, signal=False)
        reporter = prefill.find_reporter(source, company_country=self.plan.company_country)
        # who prefill's narrative names; "" (a nameless author) leaves the narrative to prefill itself
        who = reporter.handle or reporter.name
        found = self.reporters[report[0][AUTHOR]] = (who, _to_json(case_codec.reporter_json(reporter)))
        return found

    def _where(self, account: DemoAccount) -> str:
        """How prefill's narrative names the channel ``account`` is."""
        found = self.where[account.id] = f"{account.name} ({account.kind})" if account.name else "a company channel"
        return found

    def _asked_patient(self) -> str:
        """The patient the reviewer asked the reporter about, where the words named nobody identifiable."""
        r = self.rng.random
        age, sex = 28 + int(r() * 50), ("female", "male")[int(r() * 2)]
        found = self.asked.get((age, sex))
        if found is None:
            asked = Patient(relation="self", age_value=age, sex=sex)
            found = self.asked[(age, sex)] = _to_json(case_codec.patient_json(asked))
        return found

    def _settings(self, account: DemoAccount) -> dict[str, Any]:
        found = self.account_settings.get(account.id)
        if found is None:
            found = self.account_settings[account.id] = {"country": account.country}
        return found

    def _name(self, name: str) -> str:
        found = self.names.get(name)
        if found is None:
            found = self.names[name] = _json_text(name)
        return found

    def _seriousness(self, hints: tuple[str, ...]) -> tuple[bool, str]:
        """The reviewer's decision: the criteria the detector hinted at."""
        decided = {c: c in hints for c in SERIOUSNESS_CRITERIA}
        found = self.seriousness[hints] = (any(decided.values()), _to_json(decided))
        return found
