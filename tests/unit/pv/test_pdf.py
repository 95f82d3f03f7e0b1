"""The minimal PDF writer: a well-formed file (header, xref offsets, trailer), metrics-based wrap, umlauts."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from cmdesk.pv.pdf import HELVETICA_BOLD_WIDTHS, HELVETICA_WIDTHS, PdfDocument, encode_winansi, text_width, wrap


def check_xref(pdf: bytes) -> int:
    """Assert the cross-reference table points at every object; return the object count."""
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.endswith(b"%%EOF\n")
    xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))  # type: ignore[union-attr]
    assert pdf[xref_at:].startswith(b"xref\n")
    head = re.match(rb"xref\n0 (\d+)\n", pdf[xref_at:])
    assert head is not None
    size = int(head.group(1))
    entries = pdf[xref_at + head.end() :].split(b"trailer")[0]
    rows = [entries[i : i + 20] for i in range(0, len(entries), 20)]
    assert len(rows) == size
    assert rows[0] == b"0000000000 65535 f \n"
    for number, row in enumerate(rows[1:], start=1):
        assert re.fullmatch(rb"\d{10} 00000 n \n", row), row
        offset = int(row[:10])
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number), (number, offset)
    trailer = pdf[xref_at:].split(b"trailer\n", 1)[1]
    assert trailer.startswith(b"<< /Size %d /Root 1 0 R /Info 5 0 R >>" % size)
    return size - 1


def _unescape(literal: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(literal):
        b = literal[i]
        if b == 0x5C:  # backslash
            nxt = literal[i + 1 : i + 4]
            if re.fullmatch(rb"[0-7]{3}", nxt):
                out.append(int(nxt, 8))
                i += 4
                continue
            out.append(literal[i + 1])
            i += 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


def page_texts(pdf: bytes) -> list[str]:
    """The text lines drawn on each page (one string per page, lines joined by newlines)."""
    pages = []
    for match in re.finditer(rb"<< /Length (\d+)( /Filter /FlateDecode)? >>\nstream\n", pdf):
        data = pdf[match.end() : match.end() + int(match.group(1))]
        if match.group(2):
            data = zlib.decompress(data)
        shown = re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", data)
        pages.append("\n".join(_unescape(s).decode("cp1252") for s in shown))
    return pages


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    """Text as poppler extracts it; the test skips when poppler-utils is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed, so the PDF is not checked by a real reader")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def sample() -> bytes:
    doc = PdfDocument(title="Prüfbericht")
    page = doc.add_page()
    page.text(40, 60, "Übelkeit, Größe, Maß – 5 €", size=12, bold=True)
    page.rect(40, 80, 200, 50, fill_gray=0.9)
    page.line(40, 140, 240, 140)
    page.checkbox(40, 150, True)
    page.paragraph(40, 180, 120, "Ein längerer Text (mit Klammern) und einem Backslash \\ der umbrochen wird.")
    doc.add_page().text(40, 60, "Seite zwei")
    return doc.to_bytes()


def test_header_xref_and_trailer_are_correct() -> None:
    assert check_xref(sample()) == 9  # catalog, pages, 2 fonts, info, 2 x (page + content)


def test_text_keeps_umlauts_and_escapes() -> None:
    first, second = page_texts(sample())
    assert first.split("\n")[0] == "Übelkeit, Größe, Maß – 5 €"
    assert "Backslash \\ der" in first
    assert "(mit" in first
    assert second == "Seite zwei"


def test_fonts_are_standard_helvetica_with_winansi() -> None:
    pdf = sample()
    assert b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" in pdf
    assert b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>" in pdf
    assert b"/Title <FEFF0050007200FC00660062006500720069006300680074>" in pdf


def test_uncompressed_streams_are_plain() -> None:
    doc = PdfDocument(compress=False)
    doc.add_page().text(10, 20, "Hallo ä")
    pdf = doc.to_bytes()
    check_xref(pdf)
    assert b"BT /F1 10 Tf 10 821.89 Td (Hallo \\344) Tj ET" in pdf


def test_empty_document_still_has_a_page() -> None:
    pdf = PdfDocument().to_bytes()
    assert check_xref(pdf) == 7
    assert b"/Count 1" in pdf


def test_widths_tables_cover_winansi() -> None:
    assert len(HELVETICA_WIDTHS) == len(HELVETICA_BOLD_WIDTHS) == 224
    assert text_width("Hello", 10) == pytest.approx((722 + 556 + 222 + 222 + 556) / 100)
    assert text_width("Hello", 10, bold=True) == pytest.approx((722 + 556 + 278 + 278 + 611) / 100)
    assert text_width("ä", 1000) == 556
    assert text_width("ß", 1000) == 611


def test_unencodable_characters_become_question_marks() -> None:
    assert encode_winansi("a\u4e2db\tc\u0001") == b"a?b c?"


def test_wrap_by_metrics() -> None:
    text = "Die Patientin berichtet über starke Übelkeit nach der Einnahme"
    lines = wrap(text, 100, 10)
    assert lines == ["Die Patientin berichtet", "über starke Übelkeit", "nach der Einnahme"]
    assert all(text_width(line, 10) <= 100 for line in lines)
    assert text_width("Die Patientin berichtet über", 10) > 100
    assert " ".join(lines) == text


def test_wrap_keeps_paragraphs_and_breaks_long_words() -> None:
    lines = wrap("eins\n\nhttps://example.org/" + "x" * 40, 80, 10)
    assert lines[:2] == ["eins", ""]
    assert "".join(lines[2:]) == "https://example.org/" + "x" * 40
    assert all(text_width(line, 10) <= 80 for line in lines)


def test_pdftotext_reads_it(tmp_path: Path) -> None:
    text = pdftotext(sample(), tmp_path)
    assert "Übelkeit, Größe, Maß" in text
