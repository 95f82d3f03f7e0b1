"""Filling a template's placeholders, and refusing to send when one cannot be filled.

A reply that reads "Hallo ," or "Dear {{author.first_name}}" in public is worse
than a slow reply, so an unknown or unresolved placeholder is never blanked:
it is reported with its position, the composer highlights it, and sending is blocked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")

# Every placeholder a template may use, with what it stands for (shown in the template editor).
KNOWN: dict[str, str] = {
    "author.first_name": "the author's first name",
    "author.name": "the author's display name",
    "author.handle": "the author's handle on the channel",
    "agent.name": "your name",
    "agent.first_name": "your first name",
    "product": "the product the message is about",
    "message.url": "the link to the message",
    "channel": "the channel account's name",
    "company": "the company name",
    "case.reference": "the PV case reference",
    "safety.contact": "drug safety's contact (e-mail address)",
    "safety.phone": "drug safety's phone number",
}


@dataclass(frozen=True)
class PlaceholderProblem:
    start: int  # offsets in the template body
    end: int
    name: str
    reason: str  # "unknown" (not a placeholder cmdesk knows) or "missing" (known, but no value here)


@dataclass(frozen=True)
class Rendered:
    text: str
    problems: tuple[PlaceholderProblem, ...]

    @property
    def sendable(self) -> bool:
        return not self.problems


def placeholders(body: str) -> list[str]:
    """The placeholder names a body uses, in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(body)))


def render(body: str, values: Mapping[str, str | None]) -> Rendered:
    """Fill ``body`` from ``values``; a problem placeholder stays in the text as written, so it can be seen."""
    problems: list[PlaceholderProblem] = []
    parts: list[str] = []
    pos = 0
    for match in PLACEHOLDER.finditer(body):
        parts.append(body[pos : match.start()])
        name = match.group(1)
        value = values.get(name)
        if name not in KNOWN:
            problems.append(PlaceholderProblem(match.start(), match.end(), name, "unknown"))
            parts.append(match.group(0))
        elif value is None or not value.strip():
            problems.append(PlaceholderProblem(match.start(), match.end(), name, "missing"))
            parts.append(match.group(0))
        else:
            parts.append(value)
        pos = match.end()
    parts.append(body[pos:])
    return Rendered("".join(parts), tuple(problems))


def unfilled(text: str) -> list[tuple[int, int, str]]:
    """Placeholders still in an edited reply (offsets in ``text``): the composer blocks sending on these."""
    return [(m.start(), m.end(), m.group(1)) for m in PLACEHOLDER.finditer(text)]


def first_name(name: str | None) -> str | None:
    """The first word of a display name, if it looks like a name (not a handle such as "@xyz" or "user123")."""
    if not name:
        return None
    word = name.strip().split()[0] if name.strip() else ""
    if not word or word.startswith("@") or any(ch.isdigit() for ch in word) or not word[0].isalpha():
        return None
    return word
