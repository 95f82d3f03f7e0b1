"""A local MedDRA dictionary for coding event verbatims (LLT -> PT -> primary SOC).

MedDRA is licensed; the company loads its own release (the MedAscii folder of
the distribution, any language) and cmdesk keeps it in the encrypted store, so
coding works offline. Layout per the MSSO distribution file format: '$'-separated
fields, every record ending with '$'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cmdesk.errors import InvalidInput, NotFound
from cmdesk.store import audit
from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import to_db_time
from cmdesk.store.engine import Connection

if TYPE_CHECKING:
    from cmdesk.desk import Desk

REQUIRED_FILES = ("llt.asc", "pt.asc", "soc.asc")


@dataclass(frozen=True)
class LoadResult:
    version: str
    language: str
    llts: int
    pts: int
    socs: int


@dataclass(frozen=True)
class LLTMatch:
    llt_code: str
    llt_name: str
    pt_code: str
    pt_name: str
    soc_name: str  # the PT's primary SOC
    version: str
    current: bool = True


def _text(path: Path) -> str:
    """Recent releases are UTF-8, older translations Latin-1: try UTF-8 first."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def records(path: Path) -> Iterator[list[str]]:
    """The fields of each record of an .asc file (the trailing empty field after the last '$' dropped)."""
    for line in _text(path).splitlines():
        if not line.strip():
            continue
        fields = line.split("$")
        if fields and fields[-1] == "":
            fields = fields[:-1]
        yield fields


def release_info(folder: Path) -> tuple[str, str]:
    """(version, language) from meddra_release.asc when the release has one, else ('', '')."""
    path = folder / "meddra_release.asc"
    if not path.exists():
        return "", ""
    for fields in records(path):
        if len(fields) >= 2:
            return fields[0].strip(), fields[1].strip()
    return "", ""


def load_release(desk: Desk, folder: Path, *, version: str = "", language: str = "") -> LoadResult:
    """Load (or replace) one language of a MedDRA release from its MedAscii folder."""
    if not folder.is_dir():
        raise InvalidInput(
            "{folder} is not a folder; point to the MedAscii folder of the MedDRA release", folder=folder
        )
    missing = [name for name in REQUIRED_FILES if not (folder / name).exists()]
    if missing:
        raise InvalidInput(
            "{folder} is not a MedDRA MedAscii folder: {missing} missing", folder=folder, missing=", ".join(missing)
        )
    file_version, file_language = release_info(folder)
    version = version or file_version
    language = language or file_language
    if not version or not language:
        raise InvalidInput("this release has no meddra_release.asc; give the MedDRA version and language")
    socs = [(f[0], f[1], f[2] if len(f) > 2 else "") for f in records(folder / "soc.asc") if len(f) >= 2]
    primary: dict[str, str] = {}
    if (folder / "mdhier.asc").exists():
        for f in records(folder / "mdhier.asc"):
            if len(f) >= 12 and f[11] == "Y":
                primary[f[0]] = f[3]
    pts = [(f[0], f[1], primary.get(f[0]) or (f[3] if len(f) > 3 else "")) for f in records(folder / "pt.asc")]
    llts = [
        (f[0], f[1], f[1].lower(), f[2], 0 if len(f) > 9 and f[9] == "N" else 1)
        for f in records(folder / "llt.asc")
        if len(f) >= 3
    ]
    now = desk.clock.now()
    with desk.store.transaction() as conn:
        old = pv_sql.meddra_version(conn, language)
        pv_sql.replace_meddra(
            conn, language=language, version=version, loaded_at=to_db_time(now) or "", socs=socs, pts=pts, llts=llts
        )
        audit.append(
            conn,
            at=now,
            actor=desk.agent_name,
            action="meddra.load",
            entity="meddra",
            entity_id=language,
            detail={"old": old, "new": version, "llts": len(llts), "pts": len(pts)},
        )
    return LoadResult(version=version, language=language, llts=len(llts), pts=len(pts), socs=len(socs))


def releases(conn: Connection) -> dict[str, str]:
    """Loaded languages -> MedDRA version."""
    return pv_sql.meddra_releases(conn)


def search(
    conn: Connection, text: str, *, language: str = "", limit: int = 20, include_non_current: bool = False
) -> list[LLTMatch]:
    """LLTs whose name starts with ``text`` (first), then those containing it; with PT and primary SOC."""
    needle = text.strip().lower()
    if not needle:
        return []
    loaded = releases(conn)
    if not loaded:
        raise NotFound("no MedDRA release is loaded; load one with 'cmdesk meddra load DIR'")
    if not language:
        language = "English" if "English" in loaded else next(iter(loaded))
    if language not in loaded:
        raise NotFound(
            "MedDRA is not loaded in {language}; loaded: {loaded}", language=language, loaded=", ".join(loaded)
        )
    rows = pv_sql.search_llts(conn, needle, language=language, limit=limit, include_non_current=include_non_current)
    version = loaded[language]
    return [LLTMatch(r[0], r[1], r[2], r[3], r[4], version, r[5]) for r in rows]
