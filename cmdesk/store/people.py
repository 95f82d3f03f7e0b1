"""SQL for persons: their identities on channels, history, notes, tags, type and merge suggestions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from cmdesk.store import batch
from cmdesk.store.engine import Connection


def person_row(conn: Connection, person_id: int) -> tuple[Any, ...] | None:
    """(id, display_name, author_type, author_type_reasons, author_type_override, created_at)."""
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT id, display_name, author_type, author_type_reasons, author_type_override, created_at "
        "FROM person WHERE id = ?",
        (person_id,),
    ).fetchone()
    return row


def identities(conn: Connection, person_id: int) -> list[tuple[Any, ...]]:
    """(author id, account name, account kind, name, handle, profile_url, first_seen_at, messages) per identity."""
    rows: list[tuple[Any, ...]] = conn.execute(
        """SELECT a.id, ch.name, ch.kind, a.name, a.handle, a.profile_url, a.first_seen_at,
                  (SELECT count(*) FROM message m WHERE m.author_id = a.id)
           FROM author a JOIN channel_account ch ON ch.id = a.account_id
           WHERE a.person_id = ? ORDER BY a.first_seen_at, a.id""",
        (person_id,),
    ).fetchall()
    return rows


def history(conn: Connection, person_id: int, *, limit: int) -> list[tuple[Any, ...]]:
    """The person's messages newest first: (id, account name, account kind, kind, text, created_at,
    mood_label, mood_score, intent, pv_suspected, pv_screening, status)."""
    rows: list[tuple[Any, ...]] = conn.execute(
        """SELECT m.id, ch.name, ch.kind, m.kind, m.text, m.created_at, m.mood_label, m.mood_score, m.intent,
                  m.pv_suspected, m.pv_screening, m.status
           FROM message m JOIN channel_account ch ON ch.id = m.account_id
           WHERE m.author_id IN (SELECT id FROM author WHERE person_id = ?)
           ORDER BY m.created_at DESC, m.id DESC LIMIT ?""",
        (person_id, limit),
    ).fetchall()
    return rows


def message_count(conn: Connection, person_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM message WHERE author_id IN (SELECT id FROM author WHERE person_id = ?)", (person_id,)
    ).fetchone()
    return int(row[0])


def set_type(conn: Connection, person_id: int, *, author_type: str, reasons: str) -> None:
    conn.execute(
        "UPDATE person SET author_type = ?, author_type_reasons = ? WHERE id = ?", (author_type, reasons, person_id)
    )


def set_override(conn: Connection, person_id: int, override: str | None) -> None:
    conn.execute("UPDATE person SET author_type_override = ? WHERE id = ?", (override, person_id))


def person_ids(conn: Connection) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM person ORDER BY id").fetchall()]


def notes(conn: Connection, person_id: int) -> list[tuple[int, str, str, str]]:
    """(id, author, text, created_at) of notes on the person, oldest first."""
    rows = conn.execute(
        "SELECT id, author, text, created_at FROM note WHERE person_id = ? ORDER BY created_at, id", (person_id,)
    ).fetchall()
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def tags(conn: Connection, person_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = ? ORDER BY t.name",
        (person_id,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def add_tag(conn: Connection, person_id: int, tag_id: int) -> bool:
    cur = conn.execute("INSERT OR IGNORE INTO person_tag (person_id, tag_id) VALUES (?, ?)", (person_id, tag_id))
    return cur.rowcount > 0


def remove_tag(conn: Connection, person_id: int, tag_id: int) -> bool:
    return conn.execute("DELETE FROM person_tag WHERE person_id = ? AND tag_id = ?", (person_id, tag_id)).rowcount > 0


def suggestions(conn: Connection, person_id: int) -> list[tuple[Any, ...]]:
    """Open merge suggestions touching the person, either as the suggested home or through one of its authors:
    (id, author id, author name, account name, account kind, handle, from person id, to person id,
    to person name, score, reasons)."""
    # Two index-led halves (the suggestion's person; the person's authors) rather than one OR across the join,
    # which walked every suggestion.
    rows: list[tuple[Any, ...]] = conn.execute(
        """SELECT s.id, a.id, a.name, ch.name, ch.kind, a.handle, a.person_id, s.person_id, p.display_name,
                  s.score, s.reasons
           FROM person_merge_suggestion s
           JOIN author a ON a.id = s.author_id
           JOIN channel_account ch ON ch.id = a.account_id
           JOIN person p ON p.id = s.person_id
           WHERE s.id IN (
               SELECT id FROM person_merge_suggestion WHERE person_id = ? AND state = 'suggested'
               UNION
               SELECT s2.id FROM author a2 JOIN person_merge_suggestion s2 ON s2.author_id = a2.id
               WHERE a2.person_id = ? AND s2.state = 'suggested')
           ORDER BY s.score DESC, s.id""",
        (person_id, person_id),
    ).fetchall()
    return rows


def suggestion(conn: Connection, suggestion_id: int) -> tuple[Any, ...] | None:
    """(id, author id, person id, state, author's current person id)."""
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT s.id, s.author_id, s.person_id, s.state, a.person_id FROM person_merge_suggestion s "
        "JOIN author a ON a.id = s.author_id WHERE s.id = ?",
        (suggestion_id,),
    ).fetchone()
    return row


def decide_suggestion(conn: Connection, suggestion_id: int, *, state: str, by: str, at: str) -> None:
    conn.execute(
        "UPDATE person_merge_suggestion SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        (state, by, at, suggestion_id),
    )


def add_suggestion(conn: Connection, *, author_id: int, person_id: int, score: float, reasons: str) -> bool:
    """False when this pair was suggested before (and perhaps rejected): never nag twice."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO person_merge_suggestion (author_id, person_id, score, reasons) VALUES (?, ?, ?, ?)",
        (author_id, person_id, score, reasons),
    )
    return cur.rowcount > 0


def move_author(conn: Connection, author_id: int, person_id: int) -> None:
    conn.execute("UPDATE author SET person_id = ? WHERE id = ?", (person_id, author_id))


def author_count(conn: Connection, person_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM author WHERE person_id = ?", (person_id,)).fetchone()[0])


def move_person_notes_and_tags(conn: Connection, *, from_person: int, to_person: int) -> None:
    """A person left without identities hands its notes and tags to the one it merged into."""
    conn.execute("UPDATE note SET person_id = ? WHERE person_id = ?", (to_person, from_person))
    conn.execute(
        "INSERT OR IGNORE INTO person_tag (person_id, tag_id) SELECT ?, tag_id FROM person_tag WHERE person_id = ?",
        (to_person, from_person),
    )
    conn.execute("DELETE FROM person_tag WHERE person_id = ?", (from_person,))


def authors_by_name(conn: Connection, *, after_id: int = 0) -> list[tuple[int, int, str, str | None, int | None]]:
    """(author id, account id, name, handle, person id) of the authors after ``after_id``: merge candidates are
    found in Python."""
    rows = conn.execute(
        "SELECT id, account_id, name, handle, person_id FROM author WHERE id > ? ORDER BY id", (after_id,)
    ).fetchall()
    return [_author(r) for r in rows]


def authors_by_ids(conn: Connection, author_ids: Sequence[int]) -> list[tuple[int, int, str, str | None, int | None]]:
    found: list[tuple[int, int, str, str | None, int | None]] = []
    for chunk in _id_chunks(author_ids):
        sql = f"SELECT id, account_id, name, handle, person_id FROM author WHERE id IN ({batch.marks(len(chunk))})"
        found.extend(_author(r) for r in conn.execute(sql, chunk).fetchall())
    return sorted(set(found))


def authors_of_messages_after(conn: Connection, message_id: int) -> set[int]:
    """The authors of the messages after ``message_id`` (the primary key's range: cheap however big the store)."""
    rows = conn.execute(
        "SELECT DISTINCT author_id FROM message WHERE id > ? AND author_id IS NOT NULL", (message_id,)
    ).fetchall()
    return {int(r[0]) for r in rows}


def _id_chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    """``ids`` in the IN-list sizes of :func:`batch.lookup_chunks` (two statement shapes only)."""
    for chunk in batch.lookup_chunks([str(i) for i in ids]):
        yield [int(i) for i in chunk]


def _author(r: Sequence[Any]) -> tuple[int, int, str, str | None, int | None]:
    return (int(r[0]), int(r[1]), str(r[2]), r[3], None if r[4] is None else int(r[4]))


def who_wrote_in(conn: Connection, author_ids: Sequence[int]) -> set[int]:
    """Which of ``author_ids`` have at least one incoming message (the company's own pages have none).

    Asked for merge candidates only: checked for every author, the per-author lookups of the
    message table took 2.4 s warm and 17 s cold at 10^6 messages.
    """
    found: set[int] = set()
    for chunk in _id_chunks(author_ids):
        sql = (
            f"SELECT a.id FROM author a WHERE a.id IN ({batch.marks(len(chunk))}) AND EXISTS "
            "(SELECT 1 FROM message m WHERE m.author_id = a.id AND m.direction = 'in')"
        )
        found.update(int(r[0]) for r in conn.execute(sql, chunk).fetchall())
    return found


def newest_message_id(conn: Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM message").fetchone()[0])


def author_person(conn: Connection, author_id: int) -> tuple[int | None, str] | None:
    row = conn.execute("SELECT person_id, name FROM author WHERE id = ?", (author_id,)).fetchone()
    return None if row is None else (None if row[0] is None else int(row[0]), str(row[1]))
