"""Storing what connectors fetch: authors, messages, analysis, edits and deletions, in one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cmdesk.model import Direction, IncomingMessage, PVScreening, Status, TextAnalysis
from cmdesk.store import messages as sql
from cmdesk.store.codec import to_db_time, to_json
from cmdesk.store.engine import Connection

MAX_TEXT_CHARS = 1_000_000  # longer texts are cut (and say so) so one hostile item cannot bloat the store


def _json_default(value: Any) -> Any:
    """What plain JSON cannot hold, written as ``to_json`` writes it (only met off the hot path)."""
    return json.loads(to_json(value))


# ``to_json``'s output with one encoder for every message: json.dumps builds a new encoder per
# call when given options, a third of its time for the small values a message has four of.
_to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default).encode


class AnalyzerLike(Protocol):
    def analyze(self, text: str) -> TextAnalysis: ...

    def prioritize(self, analysis: TextAnalysis, *, received_at: datetime) -> tuple[int, datetime]: ...


class AnalysedAhead:
    """An analyzer whose answers for a batch's texts were worked out beforehand, with the columns they fill.

    The sync engine prepares page n+1 on its fetch thread while page n is stored: SQLite
    releases the GIL while it inserts, so on two cores that work costs no wall time. Besides
    each text's analysis, :func:`prepare_ahead` also writes the message columns it fills (three
    of them JSON) and each item's raw JSON there: building them was a third of the storing
    thread's Python time. A text or item not prepared (cut to MAX_TEXT_CHARS, say) is analysed
    and encoded at store time as before.
    """

    def __init__(
        self,
        analyzer: AnalyzerLike,
        analyses: dict[str, TextAnalysis],
        *,
        columns: dict[str, dict[str, Any]] | None = None,
        raws: dict[str, tuple[dict[str, Any], str]] | None = None,
    ) -> None:
        self._analyzer = analyzer
        self._analyses = analyses
        self._columns = columns or {}
        self._raws = raws or {}

    def analyze(self, text: str) -> TextAnalysis:
        found = self._analyses.get(text)
        return found if found is not None else self._analyzer.analyze(text)

    def prioritize(self, analysis: TextAnalysis, *, received_at: datetime) -> tuple[int, datetime]:
        return self._analyzer.prioritize(analysis, received_at=received_at)

    def analysis_columns(self, text: str, analysis: TextAnalysis) -> dict[str, Any]:
        """:func:`analysis_fields` of ``analysis`` but the two that depend on the time of receipt."""
        found = self._columns.get(text)
        if found is not None and self._analyses.get(text) is analysis:
            return found
        return _analysis_columns(analysis)

    def raw_json(self, item: IncomingMessage) -> str | None:
        """``item.raw`` as stored (the JSON made ahead is used only for that very object)."""
        found = self._raws.get(item.external_id)
        if found is not None and found[0] is item.raw:
            return found[1]
        return None if item.raw is None else _to_json(item.raw)

    @classmethod
    def joined(cls, parts: Sequence[AnalysedAhead]) -> AnalysedAhead:
        """One for the items of several pages stored together; the first part's analyzer analyses the rest."""
        analyses: dict[str, TextAnalysis] = {}
        columns: dict[str, dict[str, Any]] = {}
        raws: dict[str, tuple[dict[str, Any], str]] = {}
        for part in parts:
            analyses.update(part._analyses)
            columns.update(part._columns)
            raws.update(part._raws)
        return cls(parts[0]._analyzer, analyses, columns=columns, raws=raws)


def analyse_ahead(analyzer: AnalyzerLike, items: Sequence[IncomingMessage]) -> dict[str, TextAnalysis]:
    """The analysis of every text ingest will analyse as it is (deleted items are kept, not analysed)."""
    return {
        item.text: analyzer.analyze(item.text)
        for item in items
        if not item.deleted and len(item.text) <= MAX_TEXT_CHARS
    }


def prepare_ahead(analyzer: AnalyzerLike, items: Sequence[IncomingMessage]) -> AnalysedAhead:
    """What ingest can make of ``items`` before it reaches the store: analyses, the columns they fill, raw JSON."""
    analyses = analyse_ahead(analyzer, items)
    columns = {text: _analysis_columns(analysis) for text, analysis in analyses.items()}
    raws = {item.external_id: (item.raw, _to_json(item.raw)) for item in items if item.raw is not None}
    return AnalysedAhead(analyzer, analyses, columns=columns, raws=raws)


@dataclass
class IngestResult:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    message_ids: list[int] = field(default_factory=list)
    # per item, in order: "new", "updated", "deleted" or "unchanged" (the sync engine counts its pages apart)
    outcomes: list[str] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    person_ids: set[int] = field(default_factory=set)


def analysis_fields(analysis: TextAnalysis, *, priority: int, due_at: datetime | None) -> dict[str, Any]:
    """The message columns that hold what the analyzer found."""
    fields = _analysis_columns(analysis)
    fields["priority"] = priority
    fields["due_at"] = to_db_time(due_at)
    return fields


def _analysis_columns(analysis: TextAnalysis) -> dict[str, Any]:
    """:func:`analysis_fields` without priority and due time (those depend on when the message came)."""
    mood = analysis.mood
    return {
        "language": analysis.language,
        "mood_label": mood.label.value,
        "mood_score": round(mood.score, 4),
        "emotions": _to_json(mood.emotions),
        "mood_evidence": _to_json([[s.start, s.end, s.text, s.kind] for s in mood.evidence]),
        "intent": analysis.intent.value,
        "expects_reply": int(analysis.expects_reply),
        "pv_suspected": int(analysis.pv.suspected),
        "pv_score": round(analysis.pv.score, 4),
        "pv_signal": _to_json(pv_signal_json(analysis)),
        "suggested_action": analysis.suggested_action.value,
    }


def pv_signal_json(analysis: TextAnalysis) -> dict[str, Any]:
    pv = analysis.pv
    return {
        "suspected": pv.suspected,
        "score": round(pv.score, 4),
        "products": list(pv.products),
        "events": [[s.start, s.end, s.text, s.kind] for s in pv.events],
        "seriousness": list(pv.seriousness),
        "special_situations": list(pv.special_situations),
        "evidence": [[s.start, s.end, s.text, s.kind] for s in pv.evidence],
    }


def ingest(
    conn: Connection,
    *,
    account_id: int,
    items: Sequence[IncomingMessage],
    analyzer: AnalyzerLike,
    now: datetime,
    actor: str = "sync",
) -> IngestResult:
    """Upsert ``items`` into the caller's open transaction.

    Idempotent: storing the same item twice changes nothing. An edited text is
    re-analysed and its old text kept in the status history; a deletion keeps the
    stored text and marks the message deleted (a PV snapshot may depend on it).

    Authors and stored messages are looked up for the whole batch at once and new
    messages are inserted together at the end, with the ids one-by-one inserts would
    have given them: per-statement work dominates with SQLCipher's memory security on.
    """
    result = IngestResult()
    now_text = to_db_time(now) or ""
    authors = _authors(conn, account_id=account_id, items=items, now_text=now_text)
    stored = sql.find_messages(conn, account_id=account_id, external_ids=[item.external_id for item in items])
    pending = _PendingInserts(conn, account_id=account_id, analyzer=analyzer, now=now)
    for item in items:
        author_id, person_id = (None, None) if item.author_external_id is None else authors[item.author_external_id]
        if person_id is not None:
            result.person_ids.add(person_id)
        text = item.text if len(item.text) <= MAX_TEXT_CHARS else item.text[:MAX_TEXT_CHARS] + " […]"
        if item.external_id in pending.external_ids:  # the batch repeats an item: store the first one now
            pending.flush(result)
            stored.update(sql.find_messages(conn, account_id=account_id, external_ids=[item.external_id]))
        existing = stored.get(item.external_id)
        if existing is None:
            pending.add(item, text=text, author_id=author_id, position=len(result.message_ids))
            result.new += 1
            result.message_ids.append(0)  # the id is known once the batch is inserted
            result.outcomes.append("new")
            continue
        message_id, old_text, deleted_at, screening = existing
        result.message_ids.append(message_id)
        changed = False
        if item.deleted and deleted_at is None:
            sql.mark_deleted(conn, message_id, at=to_db_time(item.edited_at or now) or now_text)
            sql.add_status_event(
                conn, message_id=message_id, at=now_text, actor=actor, field="deleted", old=None, new="deleted upstream"
            )
            result.deleted += 1
            result.outcomes.append("deleted")
            changed = True
        if not item.deleted and text != old_text:
            _apply_edit(
                conn,
                message_id=message_id,
                old_text=old_text,
                text=text,
                item=item,
                screening=screening,
                analyzer=analyzer,
                now=now,
                actor=actor,
            )
            result.updated += 1
            result.outcomes.append("updated")
            changed = True
        if changed:  # the batch may repeat the item (pages stored together overlap): compare with what is stored now
            stored.update(sql.find_messages(conn, account_id=account_id, external_ids=[item.external_id]))
        else:
            result.unchanged += 1
            result.outcomes.append("unchanged")
    pending.flush(result)
    return result


def _authors(
    conn: Connection, *, account_id: int, items: Sequence[IncomingMessage], now_text: str
) -> dict[str, tuple[int, int | None]]:
    """(author id, person id) per author external id of ``items``; new authors are stored, renamed ones updated.

    The first item of an author in the batch decides, as when items are stored one by one.
    """
    first: dict[str, IncomingMessage] = {}
    for item in items:
        if item.author_external_id is not None and item.author_external_id not in first:
            first[item.author_external_id] = item
    if not first:
        return {}
    found = sql.find_authors(conn, account_id=account_id, external_ids=list(first))
    new = {key: item for key, item in first.items() if key not in found}
    person_ids = sql.insert_person_rows(conn, [(item.author_name, now_text) for item in new.values()])
    author_ids = sql.insert_author_rows(
        conn,
        [
            (
                account_id,
                key,
                item.author_name,
                item.author_handle,
                item.author_profile_url,
                person_id,
                now_text,
            )
            for (key, item), person_id in zip(new.items(), person_ids, strict=True)
        ],
    )
    authors: dict[str, tuple[int, int | None]] = {
        key: (author_id, person_id) for key, author_id, person_id in zip(new, author_ids, person_ids, strict=True)
    }
    for key, item in first.items():
        if key not in found:
            continue
        author_id, name, person_id = found[key]
        if item.author_name and item.author_name != name:
            sql.update_author(
                conn, author_id, name=item.author_name, handle=item.author_handle, profile_url=item.author_profile_url
            )
        authors[key] = (author_id, person_id)
    return authors


class _PendingInserts:
    """New messages of a batch, analysed in order and inserted together."""

    def __init__(self, conn: Connection, *, account_id: int, analyzer: AnalyzerLike, now: datetime) -> None:
        self._conn = conn
        self._account_id = account_id
        # Prepared ahead on the sync engine's fetch thread, or (empty) working everything out here.
        self._prepared = analyzer if isinstance(analyzer, AnalysedAhead) else AnalysedAhead(analyzer, {})
        self._now = now
        self._received = to_db_time(now)
        self._rows: list[list[Any]] = []
        self._items: list[IncomingMessage] = []
        self._positions: list[int] = []
        self.external_ids: set[str] = set()

    def add(self, item: IncomingMessage, *, text: str, author_id: int | None, position: int) -> None:
        prepared = self._prepared
        analysis = prepared.analyze(text)
        priority, due_at = prepared.prioritize(analysis, received_at=self._now)
        self._rows.append(
            _row(
                account_id=self._account_id,
                item=item,
                text=text,
                author_id=author_id,
                suspected=analysis.pv.suspected,
                columns=prepared.analysis_columns(text, analysis),
                priority=priority,
                due=to_db_time(due_at),
                received=self._received,
                raw=prepared.raw_json(item),
            )
        )
        self._items.append(item)
        self._positions.append(position)
        self.external_ids.add(item.external_id)

    def flush(self, result: IngestResult) -> None:
        """Insert what is pending and fill in the ids the result is waiting for."""
        if not self._rows:
            return
        ids = sql.insert_message_rows(self._conn, self._rows)
        for message_id, item, position in zip(ids, self._items, self._positions, strict=True):
            result.message_ids[position] = message_id
            result.new_ids.append(message_id)
            for attachment in item.attachments:
                sql.insert_attachment(
                    self._conn,
                    message_id=message_id,
                    filename=attachment.filename,
                    content_type=attachment.content_type,
                    data=attachment.data,
                )
        self._rows, self._items, self._positions = [], [], []
        self.external_ids = set()


def message_values(
    *,
    account_id: int,
    item: IncomingMessage,
    text: str,
    author_id: int | None,
    analysis: TextAnalysis,
    columns: dict[str, Any],
    received_at: datetime,
) -> list[Any]:
    """One row for ``sql.INSERT_COLUMNS``; shared by live ingest and the demo generator.

    ``columns`` are the analysis columns from :func:`analysis_fields` (the demo reuses them per text).
    """
    return _row(
        account_id=account_id,
        item=item,
        text=text,
        author_id=author_id,
        suspected=analysis.pv.suspected,
        columns=columns,
        priority=columns["priority"],
        due=columns["due_at"],
        received=to_db_time(received_at),
        raw=_to_json(item.raw) if item.raw is not None else None,
    )


_INBOUND = Direction.INBOUND
_OPEN, _DONE = Status.OPEN.value, Status.DONE.value
_UNSCREENED, _AUTO_CLEARED = PVScreening.UNSCREENED.value, PVScreening.AUTO_CLEARED.value


def _row(
    *,
    account_id: int,
    item: IncomingMessage,
    text: str,
    author_id: int | None,
    suspected: bool,
    columns: dict[str, Any],
    priority: int,
    due: str | None,
    received: str | None,
    raw: str | None,
) -> list[Any]:
    """:func:`message_values` from values already in their stored form (enum values read once, not per row)."""
    inbound = item.direction == _INBOUND
    # The order is sql.INSERT_COLUMNS (a test checks it); a list, not a dict, because the demo builds 10^6.
    return [
        account_id,
        item.external_id,
        item.kind.value,
        item.direction.value,
        author_id,
        item.thread_external_id,
        item.parent_external_id,
        text,
        item.url,
        to_db_time(item.created_at),
        received,
        to_db_time(item.edited_at),
        received if item.deleted else None,
        int(item.hidden),
        _OPEN if inbound else _DONE,
        None,
        columns["language"],
        columns["mood_label"],
        columns["mood_score"],
        columns["emotions"],
        columns["mood_evidence"],
        columns["intent"],
        columns["expects_reply"],
        columns["pv_suspected"],
        columns["pv_score"],
        columns["pv_signal"],
        _UNSCREENED if (inbound and suspected) else _AUTO_CLEARED,
        columns["suggested_action"],
        priority,
        due if inbound else None,
        None,
        None,
        raw,
    ]


def _apply_edit(
    conn: Connection,
    *,
    message_id: int,
    old_text: str,
    text: str,
    item: IncomingMessage,
    screening: str,
    analyzer: AnalyzerLike,
    now: datetime,
    actor: str,
) -> None:
    analysis = analyzer.analyze(text)
    priority, due_at = analyzer.prioritize(analysis, received_at=now)
    fields = analysis_fields(analysis, priority=priority, due_at=due_at)
    fields["text"] = text
    fields["edited_at"] = to_db_time(item.edited_at or now)
    if analysis.pv.suspected and screening == PVScreening.AUTO_CLEARED.value:
        fields["pv_screening"] = PVScreening.UNSCREENED.value  # an edit can add an adverse event
    sql.update_analysis(conn, message_id, fields)
    sql.add_status_event(
        conn,
        message_id=message_id,
        at=to_db_time(now) or "",
        actor=actor,
        field="text",
        old=old_text,
        new=text,
        reason="edited upstream",
    )
