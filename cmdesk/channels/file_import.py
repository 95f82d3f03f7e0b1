"""Importing CSV, JSON and JSONL exports from other social-media tools into a "file" account.

Exports name their columns differently, so a mapping says which column holds the
id, text, author, time, link, thread and parent; without one, common names are
guessed. Rows go through the same ingest as live channels, so importing the same
file twice stores nothing twice, and a bad row is kept in rejected_item with the
reason instead of being dropped.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.channels.sync import store_rejected
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.ingest import ingest
from cmdesk.model import ChannelKind, IncomingMessage, MessageKind
from cmdesk.store import accounts as account_sql
from cmdesk.store import audit
from cmdesk.store.codec import to_db_time, to_json

if TYPE_CHECKING:
    from cmdesk.desk import Desk

FIELDS = ("id", "text", "author", "created_at", "url", "thread", "parent")
BATCH_ROWS = 1000

# Column names other tools use for each field, most specific first (compared case- and separator-blind).
GUESSES: dict[str, tuple[str, ...]] = {
    "id": ("id", "external_id", "message_id", "comment_id", "mention_id", "item_id", "uid", "guid"),
    "text": ("text", "message", "body", "content", "comment", "comment_text", "message_text", "mention", "snippet"),
    "author": ("author", "author_name", "from.name", "from", "user", "user_name", "username", "screen_name", "name"),
    "created_at": (
        "created_at",
        "created_time",
        "created",
        "date",
        "datetime",
        "timestamp",
        "time",
        "published_at",
        "published",
        "posted_at",
    ),
    "url": ("url", "link", "permalink", "permalink_url", "message_url", "source_url"),
    "thread": ("thread", "thread_id", "post_id", "conversation_id", "topic_id", "video_id"),
    "parent": ("parent", "parent_id", "in_reply_to", "reply_to", "in_reply_to_id"),
}


class BadRow(ValueError):
    """A row that cannot become a message; the text is the reason stored with it."""


@dataclass
class ImportResult:
    account_id: int
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0


def _norm(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def parse_mapping(text: str) -> dict[str, str]:
    """``id=col,text=col`` from the command line into a mapping."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = part.partition("=")
        if not sep or not column.strip():
            raise InvalidInput("mapping entries look like field=column, not {part!r}", part=part)
        mapping[field.strip()] = column.strip()
    return mapping


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """The first column that matches a common name for each field."""
    by_norm = {_norm(c): c for c in columns}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field, names in GUESSES.items():
        for name in names:
            column = by_norm.get(name)
            if column is not None and column not in used:
                mapping[field] = column
                used.add(column)
                break
    return mapping


def check_mapping(mapping: Mapping[str, str], columns: list[str] | None) -> None:
    unknown = [f for f in mapping if f not in FIELDS]
    if unknown:
        raise InvalidInput(
            "unknown mapping field(s) {unknown}; use {fields}", unknown=", ".join(unknown), fields=", ".join(FIELDS)
        )
    if "text" not in mapping:
        raise InvalidInput("the mapping needs a text column (text=COLUMN); none could be guessed")
    if columns is not None:
        missing = [c for c in mapping.values() if c not in columns and "." not in c]
        if missing:
            raise InvalidInput(
                "the file has no column(s) {missing}; it has: {columns}",
                missing=", ".join(missing),
                columns=", ".join(columns),
            )


# -- reading files -------------------------------------------------------------------------


@dataclass
class RawRow:
    """One row as read, or the reason it could not be read."""

    number: int
    data: dict[str, Any] | None
    error: str | None = None
    raw: Any = None


def read_rows(path: Path) -> tuple[list[str] | None, Iterator[RawRow]]:
    """The file's column names (CSV only; None for JSON) and its rows, by file extension."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise NotFound("there is no file {path}", path=path)
    if suffix in {".csv", ".tsv"}:
        return _csv_rows(path)
    if suffix in (".jsonl", ".ndjson"):
        return None, _jsonl_rows(path)
    if suffix == ".json":
        return None, _json_rows(path)
    raise InvalidInput("{file}: cmdesk imports .csv, .json and .jsonl files", file=path.name)


def _csv_rows(path: Path) -> tuple[list[str], Iterator[RawRow]]:
    handle = path.open(encoding="utf-8-sig", newline="")
    sample = handle.read(8192)
    handle.seek(0)
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(handle, dialect)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise InvalidInput("{file} is empty", file=path.name) from None
    csv.field_size_limit(10_000_000)

    def rows() -> Iterator[RawRow]:
        with handle:
            number = 1
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    number += 1
                    yield RawRow(number, None, f"unreadable CSV row ({err})", {"line": reader.line_num})
                    continue
                number += 1
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    yield RawRow(number, None, f"row has {len(values)} cells, the header {len(header)}", values)
                    continue
                yield RawRow(number, dict(zip(header, values, strict=True)))

    return header, rows()


def _jsonl_rows(path: Path) -> Iterator[RawRow]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                yield RawRow(number, None, f"not valid JSON ({err.msg})", {"line": number, "text": line[:2000]})
                continue
            yield _json_value(number, value)


def _json_rows(path: Path) -> Iterator[RawRow]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as err:
        raise InvalidInput("{file} is not valid JSON: {reason}", file=path.name, reason=str(err)) from None
    if isinstance(data, dict):  # {"data": [...]} as the Graph API and many tools export
        lists = [v for k, v in data.items() if isinstance(v, list) and k in ("data", "items", "messages", "results")]
        if not lists:
            raise InvalidInput("{file}: expected a list of messages, or an object with a 'data' list", file=path.name)
        data = lists[0]
    if not isinstance(data, list):
        raise InvalidInput("{file}: expected a list of messages", file=path.name)
    for number, value in enumerate(data, start=1):
        yield _json_value(number, value)


def _json_value(number: int, value: Any) -> RawRow:
    if not isinstance(value, dict):
        return RawRow(number, None, "not a JSON object", value)
    return RawRow(number, value)


# -- rows to messages ----------------------------------------------------------------------


def _get(row: Mapping[str, Any], column: str | None) -> str:
    """A cell as text; ``from.name`` reaches into nested JSON objects."""
    if column is None:
        return ""
    value: Any = row.get(column)
    if value is None and "." in column:
        value = row
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("id") or ""
    return str(value).strip()


def parse_time(text: str) -> datetime:
    """ISO 8601 (with Z or offset), "YYYY-MM-DD HH:MM[:SS]" taken as UTC, or Unix seconds/milliseconds."""
    value = text.strip()
    if not value:
        raise BadRow("no created time")
    try:
        number = float(value)
    except ValueError:
        pass
    else:
        if number > 1e11:  # milliseconds
            number /= 1000
        try:
            return datetime.fromtimestamp(number, tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise BadRow(f"unreadable created time {value[:40]!r}") from None
    iso = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    if len(iso) >= 24 and iso[-5] in "+-" and iso[-3] != ":":  # +0000 as Graph writes it
        iso = iso[:-2] + ":" + iso[-2:]
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        raise BadRow(f"unreadable created time {value[:40]!r}") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def normalise(row: Mapping[str, Any], mapping: Mapping[str, str]) -> IncomingMessage:
    """One export row as a message; raises :class:`BadRow` with the reason."""
    text = _get(row, mapping.get("text"))
    if not text:
        raise BadRow("no message text")
    created_at = parse_time(_get(row, mapping.get("created_at")))
    author = _get(row, mapping.get("author"))
    if "id" in mapping:
        external_id = _get(row, mapping["id"])
        if not external_id:
            raise BadRow("no id")
    else:  # no id column: the same row must still map to the same message on a second import
        digest = hashlib.sha256(to_json([author, to_db_time(created_at), text]).encode("utf-8")).hexdigest()
        external_id = "sha256:" + digest[:32]
    parent = _get(row, mapping.get("parent")) or None
    return IncomingMessage(
        external_id=external_id,
        kind=MessageKind.REPLY if parent else MessageKind.COMMENT,
        text=text,
        created_at=created_at,
        author_external_id=author or None,
        author_name=author or "unknown author",
        thread_external_id=_get(row, mapping.get("thread")) or None,
        parent_external_id=parent,
        url=_get(row, mapping.get("url")) or None,
        raw=dict(row),
    )


# -- the import ----------------------------------------------------------------------------


def file_account(desk: Desk, name: str) -> int:
    """The named account, created as a "file" account on first import."""
    try:
        return desk.accounts.get(name).id
    except NotFound:
        return desk.accounts.add(ChannelKind.FILE.value, name, {}).id


def import_file(
    desk: Desk,
    path: Path,
    *,
    account: str,
    mapping: Mapping[str, str] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> ImportResult:
    """Import every row of ``path`` into ``account``; batches commit one by one, so a re-run resumes cleanly."""
    columns, rows = read_rows(path)
    account_id = file_account(desk, account)
    result = ImportResult(account_id=account_id)
    chosen: dict[str, str] | None = dict(mapping) if mapping else None
    if chosen is not None or columns is not None:
        chosen = chosen or guess_mapping(columns or [])
        check_mapping(chosen, columns)
    batch: list[RawRow] = []
    for row in rows:
        if chosen is None and row.data is not None:  # JSON: guess from the first object's keys
            chosen = guess_mapping(list(row.data))
            check_mapping(chosen, None)
        batch.append(row)
        if len(batch) >= batch_rows:
            _store(desk, account_id, batch, chosen or {}, result)
            batch = []
    if batch:
        _store(desk, account_id, batch, chosen or {}, result)
    now = desk.clock.now()
    with desk.store.transaction() as conn:
        audit.append(
            conn,
            at=now,
            actor=desk.agent_name,
            action="import.file",
            entity="channel_account",
            entity_id=account_id,
            detail={
                "file": path.name,
                "mapping": chosen,
                "rows": result.rows,
                "new": result.new,
                "rejected": result.rejected,
            },
        )
    desk.events.emit(events.MESSAGES_CHANGED, ids=None)
    desk.events.emit(events.ACCOUNTS_CHANGED, account_id=account_id)
    return result


def _store(desk: Desk, account_id: int, batch: list[RawRow], mapping: Mapping[str, str], result: ImportResult) -> None:
    now = desk.clock.now()
    now_text = to_db_time(now) or ""
    items: dict[str, IncomingMessage] = {}  # a later row with the same id wins (an edit in the export)
    rejects: list[tuple[str | None, str, Any]] = []
    for row in batch:
        result.rows += 1
        if row.data is None:
            rejects.append((None, f"row {row.number}: {row.error}", row.raw))
            continue
        try:
            item = normalise(row.data, mapping)
        except BadRow as err:
            external = _get(row.data, mapping.get("id")) or None
            rejects.append((external, f"row {row.number}: {err}", row.data))
            continue
        items[item.external_id] = item
    with desk.store.transaction() as conn:
        stored = ingest(
            conn, account_id=account_id, items=list(items.values()), analyzer=desk.analyzer, now=now, actor="import"
        )
        for external_id, reason, raw in rejects:
            store_rejected(conn, account_id=account_id, external_id=external_id, reason=reason, raw=raw, at=now_text)
        account_sql.set_last_success(conn, account_id, at=now_text)
    result.new += stored.new
    result.updated += stored.updated + stored.deleted
    result.unchanged += stored.unchanged
    result.rejected += len(rejects)


def describe(result: ImportResult) -> str:
    return (
        f"{result.rows} rows: {result.new} new, {result.updated} updated, {result.unchanged} unchanged, "
        f"{result.rejected} rejected (see rejected items)"
    )


__all__ = ["FIELDS", "ImportResult", "guess_mapping", "import_file", "normalise", "parse_mapping", "read_rows"]
