"""How typed search text becomes a safe FTS5 query, with German spelling variants."""

from __future__ import annotations

from cmdesk.store.queue import fts_query, spellings


def test_every_word_is_quoted_and_the_last_is_a_prefix() -> None:
    assert fts_query('Kopfschmerzen "NEAR" seit') == '"Kopfschmerzen" "NEAR" "seit"*'


def test_fts_syntax_in_user_text_stays_literal() -> None:
    assert fts_query('x" OR y:*') == '"x" "OR" "y"*'
    assert fts_query("  --  ") == '"--"*'
    assert fts_query("") == ""


def test_german_spellings_are_searched_together() -> None:
    assert spellings("Gruesse") == ["Gruesse", "grüsse", "grueße", "grüße"]
    assert spellings("Grüße") == ["Grüße", "grüsse"]
    assert fts_query("Übelkeit Muede") == '"Übelkeit" ("Muede"* OR "müde"*)'
