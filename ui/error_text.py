"""The text the window shows for an error: a core error's English template in the UI language, params filled in."""

from __future__ import annotations

import json
import logging
import re
import string
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication

from cmdesk.errors import UserError
from cmdesk.paths import resource_path

log = logging.getLogger(__name__)

CONTEXT = "errors"  # scripts/update_translations.py puts every template raised in cmdesk/ into this context


def error_text(err: BaseException) -> str:
    """One line for the user: a UserError translated, anything else as ``Type: text`` (a bug, English is fine).

    The core stays Qt-free and English (CLI, log); translation happens here, at the edge, from the
    literal template the error was raised with. A translation whose placeholders do not fit the params
    falls back to the English text rather than failing while reporting a failure. An error without text
    (``TimeoutError()``) is shown by its type name alone, so a failure never shows as an empty status.
    """
    if not isinstance(err, UserError):
        text = str(err)
        return f"{type(err).__name__}: {text}" if text else type(err).__name__
    translated = QCoreApplication.translate(CONTEXT, err.template)
    if not err.params:
        return translated
    try:
        return translated.format(**err.params)
    except Exception:  # a broken translation ({x.attr}, {x[0]}) must not fail the error report
        log.warning("the translation of %r does not fit its params; showing English", err.template)
        return str(err)


# A stored text is matched back to a template only when the template's own words are most of it: "{file} is
# empty" must not turn a channel's "The inbox is empty" into half German. Longer texts are not matched at all:
# the lazy groups cost time that grows with the square of the length (a 16,000-character error took 0.5 s).
MATCH_MAX_CHARS = 500
LITERAL_SHARE = 0.5
LITERAL_MIN_CHARS = 12


@dataclass(frozen=True)
class _Pattern:
    template: str
    regex: re.Pattern[str]
    fields: tuple[str, ...]  # the field as written, "{name!r}", for each group of ``regex``
    literal: int  # characters of the template's own words


def _field(name: str, conversion: str | None, spec: str) -> str:
    return "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"


def _parts(template: str) -> list[tuple[str, str | None]]:
    """The template as (literal text, field as written or None) pairs; raises ValueError on a malformed one."""
    return [
        (literal, None if name is None else _field(name, conversion, spec or ""))
        for literal, name, spec, conversion in string.Formatter().parse(template)
    ]


@cache
def _patterns() -> tuple[_Pattern, ...]:
    """The templates with params, as regexes that recover the filled-in values; the most specific first."""
    try:
        templates = json.loads(resource_path("translations/error_templates.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("error_templates.json is missing or unreadable; stored errors stay English")
        return ()
    patterns: list[_Pattern] = []
    for template in templates:
        parts = _parts(template)
        fields = tuple(field for _, field in parts if field is not None)
        literal = "".join(text for text, _ in parts)
        if not fields or not literal.strip():
            continue
        regex = "".join(re.escape(text) + ("(.+?)" if field else "") for text, field in parts)
        patterns.append(_Pattern(template, re.compile(regex, re.DOTALL), fields, len(literal)))
    return tuple(sorted(patterns, key=lambda pattern: -pattern.literal))


def stored_error_text(text: str) -> str:
    """An error kept as English text (an account's last error, an outbox item's): in the UI language when known.

    The store keeps ``str(err)``, which the CLI shows too. Here it is matched against the templates raised
    in cmdesk/ (resources/translations/error_templates.json): a template without params is looked up as is;
    one with params is matched as a pattern, and the values found are put into its translation. A text
    that matches nothing (a channel's own words, an older wording) is shown as stored.
    """
    if not text:
        return text
    translated = QCoreApplication.translate(CONTEXT, text)
    if translated != text:
        return translated
    if len(text) > MATCH_MAX_CHARS:
        return text
    for pattern in _patterns():
        if pattern.literal < max(LITERAL_MIN_CHARS, LITERAL_SHARE * len(text)):
            break  # mostly the stored values, could be anyone's words; the patterns after it have fewer
        found = pattern.regex.fullmatch(text)
        if found is None:
            continue
        german = QCoreApplication.translate(CONTEXT, pattern.template)
        if german == pattern.template:
            return text  # English UI, or no translation: the stored text is already right
        values = dict(zip(pattern.fields, found.groups(), strict=True))
        try:
            parts = _parts(german)
        except ValueError:
            return text
        if any(field is not None and field not in values for _, field in parts):
            return text
        return "".join(literal + (values[field] if field is not None else "") for literal, field in parts)
    return text
