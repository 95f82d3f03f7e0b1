"""A minimal PDF 1.4 writer: pages, lines, boxes and text in the two standard Helvetica fonts.

Enough for a CIOMS-I form without a PDF library: the standard 14 fonts need no embedding, and
WinAnsiEncoding covers German umlauts and ß. Word wrap needs the glyph widths, so the Helvetica
and Helvetica-Bold widths (Adobe AFM, 1/1000 em, codes 32-255 of WinAnsi) are embedded below.

Coordinates are in points with the origin at the TOP-left of the page and y growing downwards,
as one reads a form; the writer turns them into PDF's bottom-left system.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Final

A4: Final = (595.28, 841.89)

# Widths of WinAnsi codes 32..255 (0 = code not defined in WinAnsi).
# fmt: off
HELVETICA_WIDTHS: Final[tuple[int, ...]] = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
)
HELVETICA_BOLD_WIDTHS: Final[tuple[int, ...]] = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
)
# fmt: on


def encode_winansi(text: str) -> bytes:
    """Text as WinAnsi (cp1252) bytes; characters the standard fonts cannot show become "?"."""
    out = bytearray()
    for ch in text:
        try:
            b = (" " if ch in "\t\r\n" else ch).encode("cp1252")
        except UnicodeEncodeError:
            b = b"?"
        if b[0] < 32:
            b = b"?"
        out += b
    return bytes(out)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of one line of text set in Helvetica (or Helvetica-Bold) at ``size``."""
    table = HELVETICA_BOLD_WIDTHS if bold else HELVETICA_WIDTHS
    return sum(table[b - 32] for b in encode_winansi(text)) * size / 1000.0


def _break_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Split a word that is wider than a line (a URL, a hash) into pieces that fit."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, size, bold=bold) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width``; explicit line breaks are kept, blank lines too."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold=bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if text_width(word, size, bold=bold) <= width:
                current = word
            else:
                *full, current = _break_word(word, width, size, bold)
                lines.extend(full)
        lines.append(current)
    return lines


def _num(value: float) -> str:
    """A number as PDF wants it: short, no exponent, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _literal(data: bytes) -> bytes:
    """A PDF literal string; bytes outside printable ASCII as octal escapes so streams stay ASCII."""
    out = bytearray(b"(")
    for b in data:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif 32 <= b < 127:
            out.append(b)
        else:
            out += f"\\{b:03o}".encode("ascii")
    out += b")"
    return bytes(out)


def _text_string(text: str) -> bytes:
    """A PDF text string for the document info: plain ASCII, else UTF-16BE with a byte order mark."""
    if text.isascii():
        return _literal(text.encode("ascii"))
    return b"<FEFF" + text.encode("utf-16-be", errors="replace").hex().upper().encode("ascii") + b">"


@dataclass
class Page:
    """One page; draw on it in top-left coordinates (points)."""

    width: float
    height: float
    ops: list[bytes] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, *, size: float = 10, bold: bool = False) -> None:
        """One line of text with its baseline at ``y``."""
        font = b"/F2" if bold else b"/F1"
        self.ops.append(
            b"BT %s %s Tf %s %s Td %s Tj ET"
            % (
                font,
                _num(size).encode(),
                _num(x).encode(),
                _num(self.height - y).encode(),
                _literal(encode_winansi(text)),
            )
        )

    def text_right(self, right: float, y: float, text: str, *, size: float = 10, bold: bool = False) -> None:
        self.text(right - text_width(text, size, bold=bold), y, text, size=size, bold=bold)

    def text_center(self, center: float, y: float, text: str, *, size: float = 10, bold: bool = False) -> None:
        self.text(center - text_width(text, size, bold=bold) / 2, y, text, size=size, bold=bold)

    def paragraph(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        size: float = 10,
        bold: bool = False,
        leading: float | None = None,
    ) -> float:
        """Wrapped text whose first baseline is ``y``; returns the baseline after the last line."""
        step = leading if leading is not None else size * 1.25
        for line in wrap(text, width, size, bold=bold):
            if line:
                self.text(x, y, line, size=size, bold=bold)
            y += step
        return y

    def line(self, x1: float, y1: float, x2: float, y2: float, *, width: float = 0.5) -> None:
        self.ops.append(
            b"%s w %s %s m %s %s l S"
            % (
                _num(width).encode(),
                _num(x1).encode(),
                _num(self.height - y1).encode(),
                _num(x2).encode(),
                _num(self.height - y2).encode(),
            )
        )

    def rect(
        self, x: float, y: float, w: float, h: float, *, width: float = 0.5, fill_gray: float | None = None
    ) -> None:
        """A box whose top-left corner is (x, y); filled with a grey level (0 black .. 1 white) when given."""
        box = b"%s %s %s %s re" % (
            _num(x).encode(),
            _num(self.height - y - h).encode(),
            _num(w).encode(),
            _num(h).encode(),
        )
        if fill_gray is None:
            self.ops.append(b"%s w %s S" % (_num(width).encode(), box))
        else:
            g = _num(fill_gray).encode()
            self.ops.append(b"q %s g %s w %s B Q" % (g, _num(width).encode(), box))

    def checkbox(self, x: float, y: float, checked: bool, *, size: float = 8) -> None:
        """A small square at top-left (x, y), with an X drawn in it when checked."""
        self.rect(x, y, size, size, width=0.6)
        if checked:
            self.line(x + 1.5, y + 1.5, x + size - 1.5, y + size - 1.5, width=1)
            self.line(x + 1.5, y + size - 1.5, x + size - 1.5, y + 1.5, width=1)


class PdfDocument:
    """Pages in order, written as one PDF 1.4 file with a correct cross-reference table."""

    def __init__(self, *, title: str = "", page_size: tuple[float, float] = A4, compress: bool = True) -> None:
        self.title = title
        self.page_size = page_size
        self.compress = compress
        self.pages: list[Page] = []

    def add_page(self) -> Page:
        page = Page(*self.page_size)
        self.pages.append(page)
        return page

    def to_bytes(self) -> bytes:
        """The whole file. Objects: 1 catalog, 2 page tree, 3/4 fonts, 5 info, then page + content pairs."""
        if not self.pages:
            self.add_page()
        objects: list[bytes] = []
        first_page = 6
        kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(self.pages)))
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.pages)))
        for base in (b"Helvetica", b"Helvetica-Bold"):
            objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % base)
        info = b"<< /Producer (cmdesk)"
        if self.title:
            info += b" /Title " + _text_string(self.title)
        objects.append(info + b" >>")
        for i, page in enumerate(self.pages):
            content_ref = first_page + 2 * i + 1
            objects.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> "
                b"/ProcSet [/PDF /Text] >> /Contents %d 0 R >>"
                % (_num(page.width).encode(), _num(page.height).encode(), content_ref)
            )
            data = b"\n".join(page.ops) + b"\n"
            if self.compress:
                data = zlib.compress(data, 9)
                head = b"<< /Length %d /Filter /FlateDecode >>" % len(data)
            else:
                head = b"<< /Length %d >>" % len(data)
            objects.append(head + b"\nstream\n" + data + b"\nendstream")

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets: list[int] = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref_at = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1,
            xref_at,
        )
        return bytes(out)
