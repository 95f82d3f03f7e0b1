"""A CIOMS-I form for a case, laid out like the paper form, as PDF bytes.

Drug safety departments still read and file CIOMS-I; handing them one in the familiar layout
(numbered boxes 1-25, sections I-IV) means nobody retypes the case. Text that does not fit a box
continues on continuation pages; the last pages hold the source messages as they were received,
with permalink and SHA-256, so the report can be traced back to the exact words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from cmdesk.pv.e2b_codes import ACTIONS_TAKEN, OUTCOMES
from cmdesk.pv.model import Case, CaseProduct, Qualification
from cmdesk.pv.pdf import Page, PdfDocument, text_width, wrap

LEFT = 28.0
RIGHT = 567.0
WIDTH = RIGHT - LEFT
SPLIT = 428.0  # where the right-hand column of the form starts
BOTTOM = 800.0  # lowest baseline for flowing text; the footer sits below
LABEL_SIZE = 6.0
VALUE_SIZE = 8.5
LEADING = 10.5
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
AGE_UNITS = {"a": "years", "mo": "months", "wk": "weeks", "d": "days", "h": "hours", "10.a": "decades"}
SERIOUSNESS_LABELS = (
    ("death", "PATIENT DIED"),
    ("hospitalisation", "INVOLVED OR PROLONGED INPATIENT HOSPITALISATION"),
    ("disability", "INVOLVED PERSISTENCE OR SIGNIFICANT DISABILITY OR INCAPACITY"),
    ("life_threatening", "LIFE THREATENING"),
    ("congenital_anomaly", "CONGENITAL ANOMALY"),
    ("other_medically_important", "OTHER MEDICALLY IMPORTANT CONDITION"),
)
CONTINUED = "(see continuation)"
RECOVERED = {"1", "2", "4"}
NOT_RECOVERED = {"3", "5"}


def form_date(value: date | datetime | None) -> str:
    """Day month year as the paper form asks, e.g. ``20 NOV 2026``; empty when unknown."""
    if value is None:
        return ""
    return f"{value.day:02d} {MONTHS[value.month - 1]} {value.year}"


@dataclass
class _Overflow:
    """Box text that did not fit, continued on the continuation pages."""

    label: str
    lines: list[str] = field(default_factory=list)


@dataclass
class _Form:
    case: Case
    doc: PdfDocument
    overflow: list[_Overflow] = field(default_factory=list)

    def box(
        self, page: Page, x: float, y: float, w: float, h: float, label: str, text: str, *, label_lines: int = 1
    ) -> None:
        """A numbered box: small bold label at the top, the value wrapped below; the rest continues later."""
        page.rect(x, y, w, h)
        label_bottom = page.paragraph(x + 3, y + 7, w - 6, label, size=LABEL_SIZE, bold=True, leading=7)
        label_bottom = max(label_bottom, y + 7 + 7 * label_lines)  # values in one row share a baseline
        lines = wrap(text, w - 8, VALUE_SIZE)
        while lines and not lines[-1]:
            lines.pop()
        room = int((y + h - 3 - label_bottom) // LEADING) + 1
        if len(lines) > room:
            shown = lines[: max(room - 1, 0)]
            self.overflow.append(_Overflow(label, lines[len(shown) :]))
            shown.append(CONTINUED)
            lines = shown
        baseline = label_bottom + 3
        for line in lines:
            if line:
                page.text(x + 4, baseline, line, size=VALUE_SIZE)
            baseline += LEADING

    def section(self, page: Page, y: float, title: str) -> None:
        page.rect(LEFT, y, WIDTH, 13, fill_gray=0.85)
        page.text(LEFT + 4, y + 9.5, title, size=8.5, bold=True)

    def checks(self, page: Page, x: float, y: float, w: float, items: list[tuple[str, bool]]) -> float:
        """Checkboxes stacked downwards from (x, y), labels wrapped to ``w``; returns the y below them."""
        for label, checked in items:
            page.checkbox(x, y - 6.5, checked)
            y = page.paragraph(x + 12, y, w - 12, label, size=LABEL_SIZE + 0.5, leading=7.5) + 2
        return y

    def checks_across(self, page: Page, x: float, y: float, items: list[tuple[str, bool]], gap: float = 14) -> None:
        """Checkboxes in one row, as YES / NO / NA on the paper form."""
        for label, checked in items:
            page.checkbox(x, y - 6.5, checked)
            page.text(x + 11, y, label, size=7)
            x += 11 + text_width(label, 7) + gap


def _age(case: Case) -> str:
    p = case.patient
    if p.age_value is None:
        return "unknown"
    return f"{p.age_value} {AGE_UNITS.get(p.age_unit, p.age_unit)}"


def _sex(case: Case) -> str:
    return {"male": "M", "female": "F"}.get(case.patient.sex, "unknown")


def _country(case: Case) -> str:
    return (case.reporter.country or case.sender_country).upper() or "unknown"


def _onset(case: Case) -> str:
    onsets = [e.onset for e in case.events if e.onset is not None]
    return form_date(min(onsets)) if onsets else "unknown"


def describe_reactions(case: Case) -> str:
    """Box 7+13: each event verbatim with its MedDRA coding, onset and outcome, then the narrative."""
    lines = []
    for i, event in enumerate(case.events, start=1):
        parts = [f"{i}) {event.verbatim}"]
        if event.language:
            parts[0] += f" [{event.language}]"
        if event.meddra_llt_code:
            name = f" {event.meddra_llt_name}" if event.meddra_llt_name else ""
            version = f", MedDRA {event.meddra_version}" if event.meddra_version else ""
            parts.append(f"LLT {event.meddra_llt_code}{name}{version}")
        if event.onset:
            parts.append(f"onset {form_date(event.onset)}")
        parts.append(f"outcome: {OUTCOMES.get(event.outcome or '0', 'unknown')}")
        lines.append(" - ".join(parts))
    if case.narrative.strip():
        lines += ["", case.narrative.strip()]
    return "\n".join(lines)


def _suspects(case: Case) -> list[CaseProduct]:
    return [p for p in case.products if p.role in ("suspect", "interacting", "")]


def _numbered(products: list[CaseProduct], text: dict[int, str]) -> str:
    many = len(products) > 1
    out = []
    for i, value in text.items():
        if value:
            out.append(f"#{i} {value}" if many else value)
    return "\n".join(out) if out else "unknown"


def _drug_name(p: CaseProduct) -> str:
    name = p.name
    if p.substance:
        name += f" ({p.substance})"
    if p.role == "interacting":
        name += " - interacting"
    if p.batch:
        name += f"; batch {p.batch}"
    if p.action_taken in ACTIONS_TAKEN:
        name += f"; action taken: {ACTIONS_TAKEN[p.action_taken].lower()}"
    return name


def reaction_abated(case: Case) -> str:
    """Box 20 from what the case knows: YES/NO when a suspect drug was withdrawn, NA when it was not."""
    suspects = _suspects(case)
    outcomes = {e.outcome for e in case.events}
    if any(p.action_taken == "1" for p in suspects):
        if outcomes & NOT_RECOVERED:
            return "NO"
        if outcomes & RECOVERED:
            return "YES"
        return ""
    if suspects and all(p.action_taken in ("4", "9", "3") for p in suspects):
        return "NA"
    return ""


def is_follow_up(case: Case) -> bool:
    """A follow-up report: the case follows another, or answers arrived after it was forwarded."""
    if case.follow_up_of is not None:
        return True
    if case.forwarded_at is None:
        return False
    forwarded = case.forwarded_at
    return any(f.outcome == "answered" and f.at > forwarded for f in case.follow_ups)


def report_channel(case: Case) -> str:
    channel = case.reporter.channel or case.reporter.channel_kind
    if not channel and case.sources:
        channel = case.sources[0].account or case.sources[0].channel_kind
    return f"social media / {channel}" if channel else "social media"


def _history(case: Case) -> str:
    p = case.patient
    lines = []
    if p.relation and p.relation != "self":
        lines.append(f"Patient is the reporter's {p.relation}.")
    elif p.relation == "self":
        lines.append("Patient is the reporter.")
    if p.pregnant:
        lines.append("Patient is pregnant.")
    if p.evidence:
        lines.append("Reporter's words: " + "; ".join(f'"{e}"' for e in p.evidence))
    if case.special_situations:
        lines.append("Special situations: " + ", ".join(s.replace("_", " ") for s in case.special_situations))
    return "\n".join(lines) or "none reported"


def _first_page(form: _Form) -> None:
    case = form.case
    page = form.doc.add_page()
    page.text(LEFT, 30, f"Case {case.reference}", size=8)
    page.text_right(RIGHT, 30, "CIOMS FORM", size=10, bold=True)
    page.text_center((LEFT + RIGHT) / 2, 50, "SUSPECT ADVERSE REACTION REPORT", size=13, bold=True)

    form.section(page, 60, "I. REACTION INFORMATION")
    y = 73.0
    row = [
        (80, "1. PATIENT INITIALS (first, last)", case.patient.initials or "unknown"),
        (50, "1a. COUNTRY", _country(case)),
        (90, "2. DATE OF BIRTH (day month year)", "unknown"),
        (55, "2a. AGE", _age(case)),
        (45, "3. SEX", _sex(case)),
        (80, "4-6 REACTION ONSET (day month year)", _onset(case)),
    ]
    x = LEFT
    for w, label, value in row:
        form.box(page, x, y, w, 40, label, value, label_lines=2)
        x += w
    page.rect(SPLIT, y, RIGHT - SPLIT, 270)
    top = page.paragraph(
        SPLIT + 3,
        y + 7,
        RIGHT - SPLIT - 6,
        "8-12 CHECK ALL APPROPRIATE TO ADVERSE REACTION",
        size=LABEL_SIZE,
        bold=True,
        leading=7,
    )
    items = [(label, case.seriousness.get(key, False)) for key, label in SERIOUSNESS_LABELS]
    form.checks(page, SPLIT + 6, top + 8, RIGHT - SPLIT - 12, items)
    form.box(
        page,
        LEFT,
        y + 40,
        SPLIT - LEFT,
        230,
        "7 + 13 DESCRIBE REACTION(S) (including relevant tests/lab data)",
        describe_reactions(case),
    )

    form.section(page, 350, "II. SUSPECT DRUG(S) INFORMATION")
    suspects = _suspects(case)
    half = (SPLIT - LEFT) / 2
    form.box(
        page,
        LEFT,
        363,
        SPLIT - LEFT,
        40,
        "14. SUSPECT DRUG(S) (include generic name)",
        _numbered(suspects, {i: _drug_name(p) for i, p in enumerate(suspects, 1)}),
    )
    form.box(
        page,
        LEFT,
        403,
        half,
        34,
        "15. DAILY DOSE(S)",
        _numbered(suspects, {i: p.dose for i, p in enumerate(suspects, 1)}),
    )
    form.box(
        page,
        LEFT + half,
        403,
        half,
        34,
        "16. ROUTE(S) OF ADMINISTRATION",
        _numbered(suspects, {i: p.route for i, p in enumerate(suspects, 1)}),
    )
    form.box(
        page,
        LEFT,
        437,
        SPLIT - LEFT,
        34,
        "17. INDICATION(S) FOR USE",
        _numbered(suspects, {i: p.indication for i, p in enumerate(suspects, 1)}),
    )
    form.box(page, LEFT, 471, half, 30, "18. THERAPY DATES (from/to)", "unknown")
    form.box(page, LEFT + half, 471, RIGHT - LEFT - half, 30, "19. THERAPY DURATION", "unknown")
    abated = reaction_abated(case)
    form.box(page, SPLIT, 363, RIGHT - SPLIT, 40, "20. DID REACTION ABATE AFTER STOPPING DRUG?", "")
    form.checks_across(page, SPLIT + 6, 395, [(v, abated == v) for v in ("YES", "NO", "NA")])
    form.box(page, SPLIT, 403, RIGHT - SPLIT, 68, "21. DID REACTION REAPPEAR AFTER REINTRODUCTION?", "")
    form.checks_across(page, SPLIT + 6, 428, [(v, False) for v in ("YES", "NO", "NA")])

    form.section(page, 507, "III. CONCOMITANT DRUG(S) AND HISTORY")
    concomitant = [p for p in case.products if p.role == "concomitant"]
    text = "\n".join(
        p.name + (f" ({p.substance})" if p.substance else "") + (f", {p.dose}" if p.dose else "") for p in concomitant
    )
    form.box(
        page,
        LEFT,
        520,
        WIDTH,
        50,
        "22. CONCOMITANT DRUG(S) AND DATES OF ADMINISTRATION (exclude those used to treat reaction)",
        text or "none reported",
    )
    form.box(
        page,
        LEFT,
        570,
        WIDTH,
        42,
        "23. OTHER RELEVANT HISTORY (e.g. diagnostics, allergies, pregnancy with last month of period, etc.)",
        _history(case),
    )

    form.section(page, 618, "IV. MANUFACTURER INFORMATION")
    mid = LEFT + 270
    third = (RIGHT - mid) / 2
    form.box(
        page,
        LEFT,
        631,
        270,
        84,
        "24a. NAME AND ADDRESS OF MANUFACTURER",
        case.sender_organisation.replace(", ", "\n") or "not set",
    )
    control = case.reference
    if case.safety_case_number:
        control += f"\nsafety case no. {case.safety_case_number}"
    form.box(page, mid, 631, third, 42, "24b. MFR CONTROL NO.", control)
    form.box(page, mid + third, 631, third, 42, "24c. DATE RECEIVED BY MANUFACTURER", form_date(case.day0))
    form.box(page, mid, 673, third, 42, "DATE OF THIS REPORT", form_date(case.updated_at))
    follow_up = is_follow_up(case)
    form.box(page, mid + third, 673, third, 42, "25a. REPORT TYPE", "")
    form.checks_across(page, mid + third + 6, 700, [("INITIAL", not follow_up), ("FOLLOW-UP", follow_up)])
    form.box(page, LEFT, 715, WIDTH, 30, "24d. REPORT SOURCE", "")
    health_professional = case.reporter.qualification in (
        Qualification.PHYSICIAN,
        Qualification.PHARMACIST,
        Qualification.OTHER_HEALTH_PROFESSIONAL,
    )
    form.checks_across(
        page,
        LEFT + 6,
        736,
        [
            ("STUDY", False),
            ("LITERATURE", False),
            ("HEALTH PROFESSIONAL", health_professional),
            (f"OTHER: {report_channel(case)}", True),
        ],
        gap=22,
    )
    page.paragraph(
        LEFT,
        762,
        WIDTH,
        "The source messages, as received, with permalink and SHA-256 fingerprint "
        "are on the last page(s) of this report.",
        size=7,
    )


class _Flow:
    """Text flowing down pages that start with a heading; a new page when one is full."""

    def __init__(self, doc: PdfDocument, heading: str) -> None:
        self.doc = doc
        self.heading = heading
        self.page = doc.add_page()
        self.y = 0.0
        self._start()

    def _start(self) -> None:
        self.page.text(LEFT, 40, self.heading, size=11, bold=True)
        self.page.line(LEFT, 46, RIGHT, 46)
        self.y = 64.0

    def _room(self, step: float) -> None:
        if self.y + step > BOTTOM:
            self.page = self.doc.add_page()
            self._start()

    def lines(self, text: str, *, size: float = VALUE_SIZE, bold: bool = False, indent: float = 0) -> None:
        for line in wrap(text, WIDTH - indent, size, bold=bold):
            self.line(line, size=size, bold=bold, indent=indent)

    def line(self, line: str, *, size: float = VALUE_SIZE, bold: bool = False, indent: float = 0) -> None:
        step = size * 1.25
        self._room(step)
        if line:
            self.page.text(LEFT + indent, self.y, line, size=size, bold=bold)
        self.y += step

    def gap(self, points: float = 6) -> None:
        self.y += points


def _continuation(form: _Form) -> None:
    if not form.overflow:
        return
    flow = _Flow(form.doc, f"CONTINUATION - case {form.case.reference}")
    for part in form.overflow:
        flow.lines(part.label + " (continued)", size=7.5, bold=True)
        for line in part.lines:
            flow.line(line)
        flow.gap()


def _sources(form: _Form) -> None:
    case = form.case
    flow = _Flow(form.doc, f"SOURCE MESSAGES - case {case.reference}")
    flow.lines("Each message as it was when it fed the case; the SHA-256 fingerprint is of its text (UTF-8).", size=7.5)
    flow.gap()
    if not case.sources:
        flow.lines("No source messages are attached to this case.")
    for i, s in enumerate(case.sources, start=1):
        flow.lines(f"Message {i}: {s.author} on {s.account} ({s.channel_kind})", size=9, bold=True)
        flow.lines(
            f"Posted {s.created_at.isoformat()} - received {s.received_at.isoformat()} - "
            f"added to case {s.added_at.isoformat()}",
            size=7.5,
        )
        flow.lines(f"Permalink: {s.permalink or 'none'}", size=7.5)
        flow.lines(f"SHA-256: {s.sha256}", size=7.5)
        flow.gap(3)
        flow.lines(s.text, indent=10)
        flow.gap(10)
    if case.follow_ups:
        flow.lines("Follow-ups", size=9, bold=True)
        for f in case.follow_ups:
            note = f" - {f.note}" if f.note else ""
            flow.lines(f"{f.at.isoformat()} {f.actor} via {f.channel}: {f.outcome}{note}", size=7.5)


def _footers(doc: PdfDocument, reference: str) -> None:
    total = len(doc.pages)
    for number, page in enumerate(doc.pages, start=1):
        page.line(LEFT, 815, RIGHT, 815, width=0.3)
        page.text(LEFT, 826, f"CIOMS I - {reference}", size=7)
        page.text_right(RIGHT, 826, f"Page {number} of {total}", size=7)


def cioms_pdf(case: Case) -> bytes:
    """The case as a CIOMS-I PDF: the form page, continuation pages if needed, then the source messages."""
    doc = PdfDocument(title=f"CIOMS I {case.reference}")
    form = _Form(case, doc)
    _first_page(form)
    _continuation(form)
    _sources(form)
    _footers(doc, case.reference)
    return doc.to_bytes()
