"""The demo's bulk PV cases: the rows ``desk.pv`` would leave, who joins a case and when it went out."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from cmdesk import demo_texts as bank
from cmdesk.analysis.pipeline import Analyzer
from cmdesk.demo_cases import AUTHOR, DAYS_AHEAD, SCREENING, TEXT, CaseBook, CasePlan, CaseRows, CaseText, DemoAuthor
from cmdesk.demo_phrases import Said
from cmdesk.demo_stream import DemoAccount, DemoPlan, DemoTimes, Generator, People
from cmdesk.model import Product
from cmdesk.pv import case_codec, case_writing, clocks, prefill
from cmdesk.pv.model import SERIOUSNESS_CRITERIA
from cmdesk.store.codec import from_db_time, to_db_time, to_json
from cmdesk.store.messages import INSERT_COLUMNS
from tests.conftest import NOW

PRODUCTS = tuple(
    Product(brand=p["brand"], substance=p["substance"], misspellings=tuple(p["misspellings"])) for p in bank.PRODUCTS
)
SAFETY_INBOX = "drug.safety@novalind.example"
ACCOUNT = DemoAccount(1, "Novalind DE (Facebook)", "facebook", 0.9, 3.0, None, "DE")
AUTHORS = {
    1: DemoAuthor("Lena Fischer", "lena.fischer", "https://www.facebook.com/lena.fischer", 1),
    2: DemoAuthor("", "", "", 2),  # nobody to name: the narrative says "an unnamed user"
}
DAY = 86_400


class Captured:
    """A connection that only keeps what ``case_writing`` would write: the desk's rows for a case part."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        self.rows.append(params)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(products=list(PRODUCTS))


class Stream:
    """A stream generator with no messages of its own, for rows, and the case book the tests hand them to."""

    def __init__(self, analyzer: Analyzer) -> None:
        cases = CasePlan(
            first_case=5, case_numbers={2026: 41}, products=PRODUCTS, company_country="DE", safety_inbox=SAFETY_INBOX
        )
        plan = DemoPlan(
            seed=7,
            messages=0,
            now=NOW,
            accounts=(ACCOUNT,),
            tag_ids={},
            first_message=1,
            first_person=1,
            first_author=1,
            analyzer=analyzer,
            cases=cases,
        )
        self.gen = Generator(plan)
        self.now_s = self.gen.now_s
        self.book = CaseBook(plan, DemoTimes.of(NOW, days_ahead=DAYS_AHEAD))
        people = [
            (i, ACCOUNT.id, f"facebook-{i}", a.name, a.handle, a.profile_url or None, a.person_id, "")
            for i, a in AUTHORS.items()
        ]
        self.book.add_people(People(authors=people))

    def report(self, said: Said, *, author: int, at: int, screening: str = "case") -> list[Any]:
        """A message by ``author`` received at demo second ``at``, screened 'case'."""
        row = self.gen.row(
            said,
            account=ACCOUNT,
            external_id=f"fb-{self.gen.next_id}",
            kind="comment",
            author_id=author,
            created=at - 60,
            received=at,
            thread=None,
            parent=None,
        )
        row[SCREENING] = screening
        return row

    def take(self, rows: list[list[Any]]) -> CaseRows:
        """The cases ``rows`` close, as the worker sends them: with the texts it read."""
        texts: dict[str, CaseText] = {}
        for row in rows:
            if row[SCREENING] == "case":
                self.gen.case_texts.add(row, texts)
        return self.book.take(rows, texts)

    def made(self, rows: list[list[Any]]) -> CaseRows:
        """Every case of ``rows``: those they close and, the stream ended, the rest."""
        taken, rest = self.take(rows), self.book.rest()
        return CaseRows(
            taken.cases + rest.cases,
            taken.sources + rest.sources,
            taken.products + rest.products,
            taken.events + rest.events,
        )


def source(row: list[Any]) -> prefill.SourceMessage:
    """``row`` as ``case_loading.load_source`` reads it back from the store."""
    column = {name: n + 1 for n, name in enumerate(INSERT_COLUMNS)}
    author = AUTHORS[row[AUTHOR]]
    created, received = from_db_time(row[column["created_at"]]), from_db_time(row[column["received_at"]])
    assert created is not None and received is not None
    return prefill.SourceMessage(
        id=row[0],
        text=row[column["text"]],
        url=row[column["url"]] or "",
        created_at=created,
        received_at=received,
        language=row[column["language"]],
        pv_signal=json.loads(row[column["pv_signal"]]),
        account_name=ACCOUNT.name,
        channel_kind=ACCOUNT.kind,
        account_settings={"country": "DE"},
        author_name=author.name,
        author_handle=author.handle,
        author_profile_url=author.profile_url,
        person_id=author.person_id,
    )


def desk_rows(case_id: int, rows: list[list[Any]], added: list[str]) -> dict[str, Any]:
    """The parts of a case ``new_case`` and ``add_message`` would write for ``rows``, as the bulk rows hold them."""
    sources = [source(row) for row in rows]
    draft = prefill.draft(sources, products=PRODUCTS, company_country="DE", internal_hours=24, now=NOW, actor="")
    snapshots, products, events = Captured(), Captured(), Captured()
    for message, at in zip(sources, added, strict=True):
        case_writing.write_snapshot(snapshots, case_id, message, added_at=at)  # type: ignore[arg-type]
    case_writing.write_products(products, case_id, draft.products)  # type: ignore[arg-type]
    case_writing.write_events(events, case_id, draft.events)  # type: ignore[arg-type]
    return {
        "day0": to_db_time(draft.day0),
        "reporter": to_json(case_codec.reporter_json(draft.reporter)),
        "narrative": draft.narrative,
        "sources": snapshots.rows,
        "products": products.rows,
        "events": events.rows,
        "hints": draft.seriousness_hints,
    }


def bulk_rows(case: tuple[Any, ...], rows: CaseRows) -> dict[str, Any]:
    case_id = case[0]
    return {
        "day0": case[4],
        "reporter": case[7],
        "narrative": case[9],
        "sources": [s for s in rows.sources if s[0] == case_id],
        "products": [p for p in rows.products if p[0] == case_id],
        "events": [e for e in rows.events if e[0] == case_id],
        "hints": tuple(c for c, met in json.loads(case[6]).items() if met),
    }


@pytest.mark.parametrize("author", [1, 2], ids=["named", "nameless"])
def test_a_case_of_one_message_holds_what_the_desk_would_write(analyzer: Analyzer, author: int) -> None:
    stream = Stream(analyzer)
    _, said = stream.gen.phrases.adverse_event("patient_influencer", german=True)
    row = stream.report(said, author=author, at=stream.now_s - 5 * DAY)
    rows = stream.made([row])
    (case,) = rows.cases
    expected = desk_rows(5, [row], [s[4] for s in rows.sources])
    hints = expected["hints"]
    assert bulk_rows(case, rows) == {**expected, "hints": tuple(c for c in SERIOUSNESS_CRITERIA if c in hints)}
    assert case[1:4] == ("CMD-2026-000042", "acknowledged", author)


def test_a_second_report_before_the_case_went_out_joins_it_a_later_one_opens_another(analyzer: Analyzer) -> None:
    stream = Stream(analyzer)
    _, said = stream.gen.phrases.adverse_event("patient_influencer", german=True)
    first = stream.now_s - 5 * DAY
    together = [stream.report(said, author=1, at=first), stream.report(said, author=1, at=first)]
    later = stream.report(said, author=1, at=first + 2 * DAY)
    rows = stream.made([*together, later])
    assert [(c[0], c[1], c[3]) for c in rows.cases] == [(5, "CMD-2026-000042", 1), (6, "CMD-2026-000043", 1)]
    assert [(s[0], s[1]) for s in rows.sources] == [(5, together[0][0]), (5, together[1][0]), (6, later[0])]
    joined = [s[4] for s in rows.sources]
    assert joined[0] <= joined[1] < rows.cases[0][12]  # both joined before the case was forwarded
    assert bulk_rows(rows.cases[0], rows) == {**desk_rows(5, together, joined[:2]), "hints": ()}
    assert "Source: https://www.facebook.com/fb-1, https://www.facebook.com/fb-2." in rows.cases[0][9]


def test_a_case_goes_out_within_the_internal_deadline_and_drug_safety_acknowledges_the_older_ones(
    analyzer: Analyzer,
) -> None:
    stream = Stream(analyzer)
    _, said = stream.gen.phrases.adverse_event("patient_influencer", german=False)
    ago = (20, 10, 5, 2)
    rows = stream.made([stream.report(said, author=1 + n % 2, at=stream.now_s - d * DAY) for n, d in enumerate(ago)])
    states = [case[2] for case in rows.cases]
    assert states == ["acknowledged"] * 3 + [states[3]]  # the newest may still wait for drug safety
    for case in rows.cases:
        day0, internal_due, regulatory_due, forwarded, opened = (from_db_time(case[i]) for i in (4, 10, 11, 12, 19))
        assert day0 is not None and forwarded is not None and opened is not None
        assert (internal_due, regulatory_due) == (
            clocks.internal_due(day0, internal_hours=24),
            clocks.regulatory_due(day0, serious=bool(case[5])),
        )
        assert day0 < opened < forwarded <= day0 + timedelta(hours=24)  # opened, then forwarded in time
        reviewer = (case[13], case[14], case[15], case[18] in stream.book.openers)
        assert reviewer == ("Priya Nair", "email", SAFETY_INBOX, True)
    numbers = [case[16] for case in rows.cases if case[2] == "acknowledged"]
    assert numbers == [bank.SAFETY_CASE_NUMBER.format(n=10_001 + n) for n in range(len(numbers))]
    assert stream.book.counts() == {s: states.count(s) for s in ("forwarded", "acknowledged") if s in states}


def test_a_case_comes_out_with_the_first_rows_written_after_it_went_to_drug_safety(analyzer: Analyzer) -> None:
    stream = Stream(analyzer)
    _, said = stream.gen.phrases.adverse_event("caregiver", german=True)
    _, other = stream.gen.phrases.draw("loyal_fan", german=True, category="praise")
    at = stream.now_s - 5 * DAY
    first = stream.take([stream.report(said, author=1, at=at)])  # not forwarded yet: a later report may join it
    second = stream.take([stream.report(other, author=2, at=at + DAY, screening="unscreened")])
    assert ([len(first.cases), len(second.cases)], stream.book.rest()) == ([0, 1], CaseRows())


def test_each_text_is_read_once_and_sent_with_the_first_rows_that_cite_it(analyzer: Analyzer) -> None:
    stream = Stream(analyzer)
    _, said = stream.gen.phrases.adverse_event("caregiver", german=False)
    rows = [stream.report(said, author=1, at=stream.now_s - d * DAY) for d in (9, 8)]
    first: dict[str, CaseText] = {}
    second: dict[str, CaseText] = {}
    stream.gen.case_texts.add(rows[0], first)
    stream.gen.case_texts.add(rows[1], second)
    assert (list(first), second) == ([said.row[TEXT]], {})
