"""The one place that binds sqlite-utils to SQLCipher; import sqlite_utils from here only.

sqlite-utils catches ``sqlite3.OperationalError`` in several places (``alter=True``,
``drop(ignore=True)``, ...). sqlcipher3 raises its own classes, which are not subclasses
of the stdlib ones, so those code paths break. sqlite-utils prefers a module named
``pysqlite3`` when it exists; aliasing sqlcipher3 under that name before sqlite-utils is
first imported makes it catch the right classes. Never hand sqlite-utils a *file name*:
it would open (or create) an unencrypted database. Always pass a keyed connection.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

import sqlcipher3
import sqlcipher3.dbapi2

if "sqlite_utils" in sys.modules and sys.modules.get("pysqlite3") is not sqlcipher3:
    raise RuntimeError("sqlite_utils was imported before cmdesk.store.engine; its error classes would be wrong")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = sqlcipher3.dbapi2

import sqlite_utils  # noqa: E402  (must follow the alias above)


class Cursor(Protocol):
    """The part of a DB-API cursor cmdesk uses (sqlcipher3 ships no type hints)."""

    lastrowid: int | None
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a sqlcipher3 connection cmdesk uses, typed for mypy."""

    in_transaction: bool

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...

    def close(self) -> None: ...


DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError
IntegrityError = sqlcipher3.IntegrityError

__all__ = ["Connection", "DatabaseError", "IntegrityError", "OperationalError", "sqlcipher3", "sqlite_utils"]
