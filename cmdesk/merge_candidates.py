"""Who might be the same person on another channel: authors grouped by full name, kept up to date as they arrive.

The desk suggests joining two identities when the same full name writes in on two channel
accounts (a human confirms). Finding those pairs anew from every author after each sync pass
took 3.6-6 s at 10^6 demo messages, on the writer's thread: user actions waited behind it. The
groups are therefore built once per session and then updated from the authors a pass touched,
and only the groups those authors are in are looked at again.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass

from cmdesk.model import SAME_FULL_NAME, SAME_USER_NAME
from cmdesk.store import people as sql
from cmdesk.store.codec import to_json
from cmdesk.store.engine import Connection

SUGGESTED_SCORE = 0.6
SAME_HANDLE_BONUS = 0.3
HEAD = 4  # a group's first members asked whether they wrote in, to find its earliest writer

Author = tuple[int, int, str, "str | None", "int | None"]  # id, account id, name, handle, person id


def name_key(name: str) -> str:
    """Case, accents written as combining marks and extra spaces do not make a different name."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def handle_key(handle: str) -> str:
    return handle.casefold().lstrip("@").split("@")[0].replace(".", "").replace("_", "")


@dataclass(frozen=True)
class Pair:
    """A suggestion: ``author_id`` may belong to ``person_id`` (the earliest identity of that name)."""

    author_id: int
    person_id: int
    score: float
    reasons: str  # JSON list of reason texts


class NameGroups:
    """Authors with a full name (two words or more), grouped by :func:`name_key`; refreshed incrementally."""

    def __init__(self) -> None:
        self._groups: dict[str, dict[int, Author]] = defaultdict(dict)
        self._key_of: dict[int, str] = {}
        self._upto = 0  # the largest author id read so far

    def refresh(self, conn: Connection, touched: Iterable[int] = ()) -> None:
        """Read the authors added since the last refresh, and again those in ``touched`` (a rename moves them)."""
        for author in sql.authors_by_name(conn, after_id=self._upto):
            self._put(author)
            self._upto = max(self._upto, author[0])
        again = [a for a in touched if a <= self._upto]
        if again:
            for author in sql.authors_by_ids(conn, again):
                self._put(author)

    def keys_of(self, author_ids: Iterable[int]) -> set[str]:
        return {self._key_of[a] for a in author_ids if a in self._key_of}

    def all_keys(self) -> set[str]:
        return set(self._groups)

    def members(self, key: str) -> list[Author]:
        """The group's authors, earliest first."""
        return [self._groups[key][a] for a in sorted(self._groups[key])]

    def _put(self, author: Author) -> None:
        author_id, key = author[0], name_key(author[2])
        old = self._key_of.pop(author_id, None)
        if old is not None:
            self._groups[old].pop(author_id, None)
            if not self._groups[old]:
                del self._groups[old]
        if key.count(" ") >= 1:  # single names ("Anna") are too common to suggest anything
            self._groups[key][author_id] = author
            self._key_of[author_id] = key


def pairs_in(
    conn: Connection, groups: NameGroups, keys: Iterable[str], *, touched: Set[int] | None = None
) -> list[Pair]:
    """The suggestions within the groups ``keys``: each identity on another account to the earliest one's person.

    The company's own pages and addresses (outgoing messages only) are no people to merge, so only
    authors who wrote in count. With ``touched`` (the authors of new messages), only those authors
    are paired, unless one of them is now a group's earliest writer; who wrote in is then asked
    for a group's first few members and the touched ones, not for every member of a common name.
    """
    looked = [members for key in keys if len(members := groups.members(key)) > 1]
    if touched is None:
        asked = [a[0] for members in looked for a in members]
    else:
        asked = [a[0] for members in looked for n, a in enumerate(members) if n < HEAD or a[0] in touched]
    writers = sql.who_wrote_in(conn, asked)
    pairs: list[Pair] = []
    for members in looked:
        home = _earliest_writer(conn, members, writers, asked_all=touched is None)
        home_person = None if home is None else home[4]
        if home is None or home_person is None:
            continue
        if touched is not None and home[0] in touched:  # a new earliest writer: the whole group pairs with it
            writers |= sql.who_wrote_in(conn, [a[0] for a in members[HEAD:] if a[0] not in touched])
        paired = {a[0] for a in members} if touched is None or home[0] in touched else set(touched)
        for author_id, account_id, _name, handle, person_id in members:
            if author_id == home[0] or author_id not in writers or author_id not in paired:
                continue
            if person_id == home_person or account_id == home[1]:
                continue
            reasons = [SAME_FULL_NAME]
            score = SUGGESTED_SCORE
            if handle and home[3] and handle_key(handle) == handle_key(home[3]):
                score += SAME_HANDLE_BONUS
                reasons.append(SAME_USER_NAME)
            pairs.append(Pair(author_id, home_person, round(score, 2), to_json(reasons)))
    return pairs


def _earliest_writer(conn: Connection, members: list[Author], writers: set[int], *, asked_all: bool) -> Author | None:
    """The group's first member who wrote in; asks about the rest of the group only when its head has none."""
    found = next((a for a in members if a[0] in writers), None)
    if found is not None and (asked_all or members.index(found) < HEAD):
        return found
    if asked_all:
        return None
    writers |= sql.who_wrote_in(conn, [a[0] for a in members[HEAD:]])
    return next((a for a in members if a[0] in writers), None)
