"""Loading a MedDRA MedAscii folder (synthetic codes only) and searching LLTs for coding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmdesk.desk import Desk
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.pv import meddra
from cmdesk.store import audit

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "data" / "meddra_format" / "synthetic_sample"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    folder = tmp_path / "MedAscii"
    if SAMPLE.is_dir():
        shutil.copytree(SAMPLE, folder)
    else:  # the same records as the shared synthetic sample
        folder.mkdir()
        (folder / "llt.asc").write_text(
            "99000001$Fake headache term$99000001$$$$$$$Y$$\n"
            "99000002$Fake head pain variant$99000001$$$$$$$Y$$\n"
            "99000003$Fake obsolete term$99000001$$$$$$$N$$\n",
            "utf-8",
        )
        (folder / "pt.asc").write_text("99000001$Fake headache term$$99900001$$$$$$$$\n", "utf-8")
        (folder / "soc.asc").write_text("99900001$Fake nervous system SOC$FakeNerv$$$$$$$$\n", "utf-8")
        (folder / "mdhier.asc").write_text(
            "99000001$99100001$99200001$99900001$Fake headache term$Fake HLT headaches$Fake HLGT headaches$"
            "Fake nervous system SOC$FakeNerv$$99900001$Y$\n",
            "utf-8",
        )
    return folder


def test_records_split_on_dollar_and_drop_the_trailing_field(tmp_path: Path) -> None:
    path = tmp_path / "x.asc"
    path.write_bytes("1$Kopfschmerz$$Y$\r\n\r\n2$Übelkeit$3$N$\r\n".encode("latin-1"))
    assert list(meddra.records(path)) == [["1", "Kopfschmerz", "", "Y"], ["2", "Übelkeit", "3", "N"]]


def test_load_needs_version_and_language_without_release_file(desk: Desk, release: Path) -> None:
    with pytest.raises(InvalidInput, match="give the MedDRA version and language"):
        meddra.load_release(desk, release)
    with pytest.raises(InvalidInput, match="not a MedDRA MedAscii folder"):
        meddra.load_release(desk, release.parent, version="27.1", language="English")


def test_load_and_search(desk: Desk, release: Path) -> None:
    result = meddra.load_release(desk, release, version="27.1", language="English")
    assert result == meddra.LoadResult(version="27.1", language="English", llts=3, pts=1, socs=1)
    conn = desk.store.read()
    assert meddra.releases(conn) == {"English": "27.1"}
    assert meddra.search(conn, "fake head") == [
        meddra.LLTMatch(
            "99000001", "Fake headache term", "99000001", "Fake headache term", "Fake nervous system SOC", "27.1"
        ),
        meddra.LLTMatch(
            "99000002", "Fake head pain variant", "99000001", "Fake headache term", "Fake nervous system SOC", "27.1"
        ),
    ]
    assert [m.llt_code for m in meddra.search(conn, "PAIN")] == ["99000002"]
    assert meddra.search(conn, "obsolete") == []
    assert [m.current for m in meddra.search(conn, "obsolete", include_non_current=True)] == [False]
    assert meddra.search(conn, "100%") == []
    entries = audit.entries(conn, entity="meddra")
    assert [(e.action, e.entity_id, e.detail) for e in entries] == [
        ("meddra.load", "English", {"llts": 3, "new": "27.1", "old": None, "pts": 1})
    ]


def test_release_file_names_version_and_reload_replaces(desk: Desk, release: Path) -> None:
    (release / "meddra_release.asc").write_text("28.0$German$$\n", "utf-8")
    assert meddra.load_release(desk, release).language == "German"
    assert meddra.load_release(desk, release).llts == 3
    conn = desk.store.read()
    assert conn.execute("SELECT count(*) FROM meddra_llt").fetchone()[0] == 3
    with pytest.raises(NotFound, match="not loaded in English"):
        meddra.search(conn, "fake", language="English")


def test_search_without_a_release(desk: Desk) -> None:
    with pytest.raises(NotFound, match="no MedDRA release is loaded"):
        meddra.search(desk.store.read(), "head")
