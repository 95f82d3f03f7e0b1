"""SQL for persons: a person's merge suggestions are found through indexes, never by walking them all."""

from __future__ import annotations

from cmdesk.desk import Desk
from cmdesk.store import people as sql


def test_a_persons_suggestions_are_read_through_the_person_and_author_indexes(tdesk: Desk) -> None:
    conn = tdesk.store.read()
    query = sql.suggestions.__code__.co_consts  # the query text is the function's only long constant
    text = next(c for c in query if isinstance(c, str) and "person_merge_suggestion" in c)
    plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {text}", (1, 1)).fetchall())
    assert (
        "INDEX person_merge_suggestion_person (person_id=? AND state=?)" in plan,
        "INDEX author_person (person_id=?)" in plan,
        [step for step in plan.split(" | ") if step.startswith("SCAN")],
    ) == (True, True, [])
