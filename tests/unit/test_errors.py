"""User errors carry an English template and params: str() is the English line, the window translates the template."""

from __future__ import annotations

import pytest

from cmdesk.errors import InvalidInput, NotFound, RateLimited, UserError, WrongKey


def test_a_template_with_params_formats_to_the_english_line() -> None:
    err = InvalidInput("The date {date} is in the future.", date="2030-01-01")
    assert (str(err), err.template, err.params, err.args) == (
        "The date 2030-01-01 is in the future.",
        "The date {date} is in the future.",
        {"date": "2030-01-01"},
        ("The date 2030-01-01 is in the future.",),
    )


def test_conversions_and_format_specs_work_as_in_an_f_string() -> None:
    err = NotFound("there is no channel account {account!r} ({count:03d})", account="fb", count=7)
    assert str(err) == "there is no channel account 'fb' (007)"


def test_an_old_style_message_is_its_own_template_and_is_not_formatted() -> None:
    err = WrongKey("wrong passphrase for {desk} file")  # braces from an f-string's value, not a placeholder
    assert (str(err), err.template, err.params) == (
        "wrong passphrase for {desk} file",
        "wrong passphrase for {desk} file",
        {},
    )


def test_rate_limited_keeps_its_retry_time_next_to_the_params() -> None:
    err = RateLimited("Too many requests to {host}; waiting as asked.", retry_after_s=90.0, host="graph.example")
    assert (str(err), err.template, err.params, err.retry_after_s) == (
        "Too many requests to graph.example; waiting as asked.",
        "Too many requests to {host}; waiting as asked.",
        {"host": "graph.example"},
        90.0,
    )


def test_a_user_error_without_a_message_is_empty() -> None:
    err = UserError()
    assert (str(err), err.template, err.params) == ("", "", {})


def test_raising_keeps_the_subclass_and_the_english_text() -> None:
    with pytest.raises(InvalidInput, match=r"^a tag is at most 40 characters long$") as info:
        raise InvalidInput("a tag is at most {limit} characters long", limit=40)
    assert info.value.params == {"limit": 40}
