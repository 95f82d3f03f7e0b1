"""The case form's reporter and patient boxes: filled from the case, read back into it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QIntValidator
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton

from cmdesk.pv.e2b_codes import AGE_GROUPS, QUALIFICATIONS
from cmdesk.pv.model import Patient, Qualification, Reporter
from ui.pv import labels
from ui.pv.form_base import CaseFormBase
from ui.pv.form_widgets import combo, combo_value, plain_label, select


class ReporterSection(CaseFormBase):
    """Who reported: handle, name, contact, channel, qualification and country."""

    def _build_reporter(self) -> QGroupBox:
        self.reporter_box = QGroupBox(self.tr("Reporter"))
        form = QFormLayout(self.reporter_box)
        self.reporter_handle = QLineEdit()
        self.reporter_name = QLineEdit()
        self.reporter_email = QLineEdit()
        self.reporter_channel = plain_label()
        self.reporter_profile = QLineEdit()
        self.open_profile = QPushButton(self.tr("Open profile"))
        self.open_profile.clicked.connect(self._open_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.reporter_profile, 1)
        profile_row.addWidget(self.open_profile)
        self.qualification = combo(
            [(q.value, f"{labels.e2b(QUALIFICATIONS[q.value])} ({q.value})") for q in Qualification]
        )
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(self.tr("ISO code, e.g. DE"))
        form.addRow(self.tr("Handle"), self.reporter_handle)
        form.addRow(self.tr("Name"), self.reporter_name)
        form.addRow(self.tr("E-mail"), self.reporter_email)
        form.addRow(self.tr("Channel"), self.reporter_channel)
        form.addRow(self.tr("Profile link"), profile_row)
        form.addRow(self.tr("Qualification (E2B C.2.r.4)"), self.qualification)
        form.addRow(self.tr("Country"), self.country)
        for edit in (
            self.reporter_handle,
            self.reporter_name,
            self.reporter_email,
            self.reporter_profile,
            self.country,
        ):
            edit.textEdited.connect(self._changed)
        self.qualification.currentIndexChanged.connect(self._changed)
        return self.reporter_box

    def _fill_reporter(self, r: Reporter) -> None:
        self.reporter_handle.setText(r.handle)
        self.reporter_name.setText(r.name)
        self.reporter_email.setText(r.email)
        channel = r.channel + (f" ({r.channel_kind})" if r.channel_kind else "")
        self.reporter_channel.setText(channel)
        self.reporter_profile.setText(r.profile_url)
        select(self.qualification, r.qualification.value)
        self.country.setText(r.country)

    def form_reporter(self) -> Reporter:
        assert self.case is not None
        return dataclasses.replace(
            self.case.reporter,
            handle=self.reporter_handle.text().strip(),
            name=self.reporter_name.text().strip(),
            email=self.reporter_email.text().strip(),
            profile_url=self.reporter_profile.text().strip(),
            qualification=Qualification(combo_value(self.qualification) or Qualification.CONSUMER.value),
            country=self.country.text().strip().upper(),
        )

    def _open_profile(self) -> None:
        url = QUrl(self.reporter_profile.text().strip())
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        else:
            self.message_bar.show_error(self.tr("The profile link is not a web address."))


class PatientSection(CaseFormBase):
    """Who had the event: relation to the reporter, initials, age, sex, pregnancy, and the words they came from."""

    def _build_patient(self) -> QGroupBox:
        self.patient_box = QGroupBox(self.tr("Patient"))
        form = QFormLayout(self.patient_box)
        self.relation = combo([(r, labels.tr(text)) for r, text in labels.RELATIONS.items()], editable=True)
        self.initials = QLineEdit()
        self.age = QLineEdit()
        self.age.setValidator(QIntValidator(0, 150, self.age))
        self.age.setPlaceholderText(self.tr("unknown"))
        self.age_unit = combo([(unit, labels.tr(text)) for unit, text in labels.AGE_UNITS.items()])
        age_row = QHBoxLayout()
        age_row.addWidget(self.age)
        age_row.addWidget(self.age_unit)
        self.age_group = combo(
            [("", self.tr("unknown")), *((code, f"{labels.e2b(name)} ({code})") for code, name in AGE_GROUPS.items())]
        )
        self.sex = combo([(sex, labels.tr(text)) for sex, text in labels.SEXES.items()])
        self.pregnant = QCheckBox(self.tr("Pregnant"))
        self.patient_evidence = plain_label(wrap=True)
        form.addRow(self.tr("Relation to reporter"), self.relation)
        form.addRow(self.tr("Initials"), self.initials)
        form.addRow(self.tr("Age"), age_row)
        form.addRow(self.tr("Age group"), self.age_group)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow("", self.pregnant)
        form.addRow(self.tr("Reporter's words"), self.patient_evidence)
        self.relation.currentTextChanged.connect(self._changed)
        for edit in (self.initials, self.age):
            edit.textEdited.connect(self._changed)
        for box in (self.age_unit, self.age_group, self.sex):
            box.currentIndexChanged.connect(self._changed)
        self.pregnant.toggled.connect(self._changed)
        return self.patient_box

    def _fill_patient(self, p: Patient) -> None:
        select(self.relation, p.relation)
        self.initials.setText(p.initials)
        self.age.setText("" if p.age_value is None else str(p.age_value))
        select(self.age_unit, p.age_unit or "a")
        select(self.age_group, p.age_group)
        select(self.sex, p.sex)
        self.pregnant.setChecked(p.pregnant)
        self.patient_evidence.setText("; ".join(f"\u201c{e}\u201d" for e in p.evidence))

    def form_patient(self) -> Patient:
        assert self.case is not None
        age = self.age.text().strip()
        return dataclasses.replace(
            self.case.patient,
            relation=combo_value(self.relation) or "self",
            initials=self.initials.text().strip(),
            age_value=int(age) if age.isdigit() else None,
            age_unit=combo_value(self.age_unit) or "a",
            age_group=combo_value(self.age_group),
            sex=combo_value(self.sex),
            pregnant=self.pregnant.isChecked(),
        )
