"""Find a person's open merge suggestions by the person, not by scanning every suggestion.

The author panel asks for them each time it shows someone. Without this index the query walked
all suggestions with their authors (98,000 in the 10^6 demo store): 0.6 s per panel, on a reader
thread but holding up the next read behind it.
"""

from __future__ import annotations

import sqlcipher3

SCHEMA = ("CREATE INDEX IF NOT EXISTS person_merge_suggestion_person ON person_merge_suggestion(person_id, state)",)


def apply(conn: sqlcipher3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
