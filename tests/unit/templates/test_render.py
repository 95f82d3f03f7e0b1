"""Placeholders: filled, or reported with their place; never silently blank."""

from __future__ import annotations

from cmdesk.templates.render import PlaceholderProblem, Rendered, first_name, placeholders, render, unfilled


def test_known_placeholders_are_filled_with_umlauts_kept() -> None:
    body = "Hallo {{author.first_name}}, danke! Grüße, {{ agent.name }}"
    assert render(body, {"author.first_name": "Jürgen", "agent.name": "Anna Berger"}) == Rendered(
        "Hallo Jürgen, danke! Grüße, Anna Berger", ()
    )


def test_a_missing_value_stays_visible_and_blocks_sending() -> None:
    body = "Hi {{author.first_name}}, see {{message.url}}"
    result = render(body, {"author.first_name": "", "message.url": "https://x.example/1"})
    assert result == Rendered(
        "Hi {{author.first_name}}, see https://x.example/1",
        (PlaceholderProblem(3, 24, "author.first_name", "missing"),),
    )
    assert result.sendable is False


def test_an_unknown_placeholder_is_reported_even_when_a_value_is_given() -> None:
    result = render("Dear {{author.surname}}", {"author.surname": "Weber"})
    assert result == Rendered("Dear {{author.surname}}", (PlaceholderProblem(5, 23, "author.surname", "unknown"),))


def test_extra_values_are_ignored_and_text_without_placeholders_is_unchanged() -> None:
    assert render("Danke für Ihr Feedback!", {"product": "Cardiolin", "agent.name": "Anna"}) == Rendered(
        "Danke für Ihr Feedback!", ()
    )


def test_placeholders_lists_each_name_once_in_order() -> None:
    assert placeholders("{{a.b}} {{product}} {{a.b}}") == ["a.b", "product"]


def test_unfilled_finds_placeholders_left_in_an_edited_reply() -> None:
    assert unfilled("Hallo {{author.first_name}}, ok") == [(6, 27, "author.first_name")]


def test_first_name_only_for_name_like_display_names() -> None:
    assert [first_name(n) for n in ("Jürgen Schäfer", "@troll_99", "user123", "", None, "Élodie")] == [
        "Jürgen",
        None,
        None,
        None,
        None,
        "Élodie",
    ]
