"""The words the PV screens show for the core's codes and sentences, in the UI language.

The PV core (``cmdesk.pv``) has no Qt and speaks English: E2B code labels, the
validity sentences, the countdowns. Each known English text is marked here for
lupdate and translated at use; a text the core adds later shows in English
until it gets German, instead of breaking.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cmdesk.pv import clocks

CONTEXT = "PVLabels"  # lupdate reads only literal contexts: the markers below spell it out
_ARG = re.compile(r"%([1-9])")


def tr(text: object) -> str:
    """``text`` (source English; QT_TRANSLATE_NOOP's stub types it as object) in the UI language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def fill(text: str, *values: object) -> str:
    """``text`` with %1, %2, ... replaced in one pass, so a value that contains "%2" stays as it is."""
    return _ARG.sub(lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], text)


# -- code labels: the values are source English (str; QT_TRANSLATE_NOOP returns its argument), translated at use

SERIOUSNESS: dict[str, object] = {
    "death": QT_TRANSLATE_NOOP("PVLabels", "Results in death"),
    "life_threatening": QT_TRANSLATE_NOOP("PVLabels", "Life-threatening"),
    "hospitalisation": QT_TRANSLATE_NOOP("PVLabels", "Caused / prolonged hospitalisation"),
    "disability": QT_TRANSLATE_NOOP("PVLabels", "Disabling / incapacitating"),
    "congenital_anomaly": QT_TRANSLATE_NOOP("PVLabels", "Congenital anomaly / birth defect"),
    "other_medically_important": QT_TRANSLATE_NOOP("PVLabels", "Other medically important condition"),
}
RELATIONS: dict[str, object] = {
    "self": QT_TRANSLATE_NOOP("PVLabels", "self"),
    "child": QT_TRANSLATE_NOOP("PVLabels", "child"),
    "son": QT_TRANSLATE_NOOP("PVLabels", "son"),
    "daughter": QT_TRANSLATE_NOOP("PVLabels", "daughter"),
    "mother": QT_TRANSLATE_NOOP("PVLabels", "mother"),
    "father": QT_TRANSLATE_NOOP("PVLabels", "father"),
    "husband": QT_TRANSLATE_NOOP("PVLabels", "husband"),
    "wife": QT_TRANSLATE_NOOP("PVLabels", "wife"),
    "partner": QT_TRANSLATE_NOOP("PVLabels", "partner"),
    "grandmother": QT_TRANSLATE_NOOP("PVLabels", "grandmother"),
    "grandfather": QT_TRANSLATE_NOOP("PVLabels", "grandfather"),
    "other": QT_TRANSLATE_NOOP("PVLabels", "other"),
}
AGE_UNITS: dict[str, object] = {
    "a": QT_TRANSLATE_NOOP("PVLabels", "years"),
    "mo": QT_TRANSLATE_NOOP("PVLabels", "months"),
    "wk": QT_TRANSLATE_NOOP("PVLabels", "weeks"),
    "d": QT_TRANSLATE_NOOP("PVLabels", "days"),
    "h": QT_TRANSLATE_NOOP("PVLabels", "hours"),
    "10.a": QT_TRANSLATE_NOOP("PVLabels", "decades"),
}
SEXES: dict[str, object] = {
    "": QT_TRANSLATE_NOOP("PVLabels", "unknown"),
    "female": QT_TRANSLATE_NOOP("PVLabels", "female"),
    "male": QT_TRANSLATE_NOOP("PVLabels", "male"),
}
STATES: dict[str, object] = {
    "draft": QT_TRANSLATE_NOOP("PVLabels", "draft"),
    "ready": QT_TRANSLATE_NOOP("PVLabels", "ready"),
    "forwarded": QT_TRANSLATE_NOOP("PVLabels", "forwarded"),
    "acknowledged": QT_TRANSLATE_NOOP("PVLabels", "acknowledged"),
    "closed_invalid": QT_TRANSLATE_NOOP("PVLabels", "closed invalid"),
}
FOLLOW_UP_OUTCOMES: dict[str, object] = {
    "requested": QT_TRANSLATE_NOOP("PVLabels", "requested"),
    "answered": QT_TRANSLATE_NOOP("PVLabels", "answered"),
    "no_answer": QT_TRANSLATE_NOOP("PVLabels", "no answer"),
}

# The English labels of cmdesk.pv.e2b_codes (qualification, age group, drug role, action taken, outcome).
E2B_LABELS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("PVLabels", "Physician"),
    QT_TRANSLATE_NOOP("PVLabels", "Pharmacist"),
    QT_TRANSLATE_NOOP("PVLabels", "Other health professional"),
    QT_TRANSLATE_NOOP("PVLabels", "Lawyer"),
    QT_TRANSLATE_NOOP("PVLabels", "Consumer or other non health professional"),
    QT_TRANSLATE_NOOP("PVLabels", "Foetus"),
    QT_TRANSLATE_NOOP("PVLabels", "Neonate"),
    QT_TRANSLATE_NOOP("PVLabels", "Infant"),
    QT_TRANSLATE_NOOP("PVLabels", "Child"),
    QT_TRANSLATE_NOOP("PVLabels", "Adolescent"),
    QT_TRANSLATE_NOOP("PVLabels", "Adult"),
    QT_TRANSLATE_NOOP("PVLabels", "Elderly"),
    QT_TRANSLATE_NOOP("PVLabels", "Suspect"),
    QT_TRANSLATE_NOOP("PVLabels", "Concomitant"),
    QT_TRANSLATE_NOOP("PVLabels", "Interacting"),
    QT_TRANSLATE_NOOP("PVLabels", "Drug Not Administered"),
    QT_TRANSLATE_NOOP("PVLabels", "Drug withdrawn"),
    QT_TRANSLATE_NOOP("PVLabels", "Dose reduced"),
    QT_TRANSLATE_NOOP("PVLabels", "Dose increased"),
    QT_TRANSLATE_NOOP("PVLabels", "Dose not changed"),
    QT_TRANSLATE_NOOP("PVLabels", "Unknown"),
    QT_TRANSLATE_NOOP("PVLabels", "Not applicable"),
    QT_TRANSLATE_NOOP("PVLabels", "unknown"),
    QT_TRANSLATE_NOOP("PVLabels", "recovered/resolved"),
    QT_TRANSLATE_NOOP("PVLabels", "recovering/resolving"),
    QT_TRANSLATE_NOOP("PVLabels", "not recovered/not resolved/ongoing"),
    QT_TRANSLATE_NOOP("PVLabels", "recovered/resolved with sequelae"),
    QT_TRANSLATE_NOOP("PVLabels", "fatal"),
)

# cmdesk.pv.validation: which case field met a criterion, and what is still missing.
FIELDS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("PVLabels", "reporter.email"),
    QT_TRANSLATE_NOOP("PVLabels", "reporter.name"),
    QT_TRANSLATE_NOOP("PVLabels", "reporter.handle"),
    QT_TRANSLATE_NOOP("PVLabels", "reporter.profile_url"),
    QT_TRANSLATE_NOOP("PVLabels", "patient.initials"),
    QT_TRANSLATE_NOOP("PVLabels", "patient.age"),
    QT_TRANSLATE_NOOP("PVLabels", "patient.age_group"),
    QT_TRANSLATE_NOOP("PVLabels", "patient.sex"),
    QT_TRANSLATE_NOOP("PVLabels", "patient.evidence"),
    QT_TRANSLATE_NOOP("PVLabels", "products[0].name"),
    QT_TRANSLATE_NOOP("PVLabels", "events[0].verbatim"),
)
MISSING: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("PVLabels", "an identifiable reporter (name, handle, profile link or e-mail)"),
    QT_TRANSLATE_NOOP("PVLabels", "an identifiable patient (initials, age or age group, or sex)"),
    QT_TRANSLATE_NOOP("PVLabels", "a suspected medicinal product"),
    QT_TRANSLATE_NOOP("PVLabels", "a suspected adverse reaction (what happened)"),
)


def code_label(labels: dict[str, object], code: str) -> str:
    """The translated label of ``code``, or the code itself (underscores as spaces) when it has none."""
    source = labels.get(code)
    return tr(source) if source is not None else code.replace("_", " ")


def state(value: str) -> str:
    return code_label(STATES, value)


def e2b(label: str) -> str:
    """An English label from ``cmdesk.pv.e2b_codes`` in the UI language."""
    return tr(label)


def countdown(due: datetime, now: datetime) -> str:
    """``clocks.countdown`` in the UI language: '3 d 4 h left', '2 h 5 min left', '1 h 10 min overdue'."""
    delta = clocks.remaining(due, now)
    late = delta < timedelta(0)
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days:
        span = fill(QCoreApplication.translate("PVLabels", "%1 d %2 h"), days, hours)
    elif hours:
        span = fill(QCoreApplication.translate("PVLabels", "%1 h %2 min"), hours, minutes)
    else:
        span = fill(QCoreApplication.translate("PVLabels", "%1 min"), minutes)
    return fill(
        QCoreApplication.translate("PVLabels", "%1 overdue")
        if late
        else QCoreApplication.translate("PVLabels", "%1 left"),
        span,
    )
