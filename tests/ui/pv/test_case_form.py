"""The PV case form on a demo desk: prefill, live validity, saving, the workflow, exports and clocks."""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QTableWidget, QTableWidgetItem, QWidget

from cmdesk.clock import FixedClock
from cmdesk.desk import Desk
from cmdesk.ingest import ingest
from cmdesk.model import IncomingMessage, MessageKind
from cmdesk.pv import meddra
from cmdesk.pv.duplicates import Suggestion
from cmdesk.pv.model import Case, CaseState
from cmdesk.store.codec import from_json
from ui import i18n
from ui.bridge import DeskBridge
from ui.pv.case_form import CaseForm, export_bytes, open_case_form
from ui.pv.day0 import Day0Dialog
from ui.pv.validity_panel import CROSS, TICK

AE_TEXT = "Hab Glukavia genommen und musste wegen trockenen Husten in die Notaufnahme."


def ae_message(desk: Desk) -> int:
    """Heike Schmidt's report on the German Facebook page, added to the demo desk so the test knows every word."""
    found = (
        desk.store.read().execute("SELECT id FROM message WHERE text = ? AND direction = 'in'", (AE_TEXT,)).fetchone()
    )
    if found is not None:
        return int(found[0])
    account = desk.accounts.get("Novalind DE (Facebook)")
    item = IncomingMessage(
        external_id="case-form-test-1",
        kind=MessageKind.COMMENT,
        text=AE_TEXT,
        created_at=desk.clock.now() - timedelta(hours=4, minutes=20),  # day 0 at 04:40
        author_external_id="fb-heike-schmidt",
        author_name="Heike Schmidt",
        author_handle="heike.schmidt",
        author_profile_url="https://www.facebook.com/heike.schmidt",
    )
    with desk.store.transaction() as conn:
        result = ingest(conn, account_id=account.id, items=[item], analyzer=desk.analyzer, now=item.created_at)
    return result.message_ids[0]


def next_reference(desk: Desk) -> str:
    """The reference the next new case gets: the demo already holds some cases."""
    return f"CMD-2026-{len(desk.pv.list()) + 1:06d}"


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def wait_loaded(qtbot: Any, form: CaseForm) -> None:
    qtbot.waitUntil(lambda: form.case is not None and not form.bridge.tasks.busy, timeout=10_000)


def run(qtbot: Any, form: CaseForm, action: Any) -> None:
    """Start a write from the form and wait until the form shows its result."""
    with qtbot.waitSignal(form.case_loaded, timeout=10_000):
        action()
    qtbot.waitUntil(lambda: not form.bridge.tasks.busy, timeout=10_000)


@pytest.fixture
def reference(bridge: DeskBridge) -> str:
    return next_reference(bridge.desk)


@pytest.fixture
def form(bridge: DeskBridge, qtbot: Any, reference: str) -> CaseForm:
    created = open_case_form(bridge, None, message_ids=[ae_message(bridge.desk)])
    qtbot.addWidget(created)
    wait_loaded(qtbot, created)
    return created


def test_a_case_from_an_ae_message_is_prefilled(form: CaseForm, reference: str) -> None:
    assert form.case is not None
    assert form.reference_label.text() == reference
    assert form.state_label.text() == "[draft]"
    assert form.reporter_handle.text() == "heike.schmidt"
    assert form.reporter_name.text() == "Heike Schmidt"
    assert form.reporter_channel.text() == "Novalind DE (Facebook) (facebook)"
    assert form.reporter_profile.text() == "https://www.facebook.com/heike.schmidt"
    assert form.qualification.currentData() == "5"
    assert form.country.text() == "DE"
    assert form.relation.currentText() == "self"
    assert [cell(form.products, r, 0).text() for r in range(form.products.rowCount())] == ["Glucavia"]
    assert [cell(form.events, r, 0).text() for r in range(form.events.rowCount())] == ["Husten"]
    assert {c: box.isChecked() for c, box in form.seriousness.items()} == dict.fromkeys(form.seriousness, False)
    assert form.hints["hospitalisation"].text() == "detector hint: mentioned in the message"
    assert form.hints["death"].text() == ""
    assert form.narrative.toPlainText().startswith("A consumer (heike.schmidt) wrote on Novalind DE")
    assert form.sources_layout.count() == 1
    assert not form.meddra_search.isEnabled()
    assert form.meddra_status.text() == "MedDRA not loaded: events are kept as verbatim"


def test_validity_panel_follows_the_fields(form: CaseForm) -> None:
    panel = form.validity_panel
    assert panel.states() == {"reporter": True, "patient": False, "product": True, "event": True}
    assert [panel.marks[n].text() for n in ("reporter", "patient", "product", "event")] == [TICK, CROSS, TICK, TICK]
    assert panel.details["reporter"].text() == "reporter.name: \u201cHeike Schmidt\u201d"
    assert panel.details["patient"].text() == ("missing: an identifiable patient (initials, age or age group, or sex)")
    assert not form.ready_button.isEnabled()
    form.initials.setText("HS")
    form.initials.textEdited.emit("HS")
    assert panel.states() == {"reporter": True, "patient": True, "product": True, "event": True}
    assert panel.details["patient"].text() == "patient.initials: \u201cHS\u201d"
    assert panel.summary.text() == "Valid: all four minimum criteria are met."
    assert form.ready_button.isEnabled()
    cell(form.events, 0, 0).setText("")
    assert panel.states()["event"] is False


def test_seriousness_is_saved_and_audited(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    assert form.case is not None
    case_id = form.case.id
    form.seriousness["hospitalisation"].setChecked(True)
    assert form.dirty
    assert form.regulatory_countdown.text().startswith("Regulatory (serious, 15 d): ")
    run(qtbot, form, form.save)
    saved = bridge.desk.pv.get(case_id)
    assert saved.seriousness["hospitalisation"] is True
    assert saved.serious
    assert saved.regulatory_due_at == saved.day0 + timedelta(days=15)
    assert form.message_bar.text == "Saved."
    rows = (
        bridge.desk.store.read()
        .execute(
            "SELECT detail FROM audit WHERE entity = 'pv_case' AND entity_id = ? AND action = 'pv.case.update'",
            (str(case_id),),
        )
        .fetchall()
    )
    details = [from_json(r[0]) for r in rows]
    assert [d["field"] for d in details] == ["seriousness", "deadlines"]
    assert details[0]["new"]["hospitalisation"] is True
    assert details[0]["old"]["hospitalisation"] is False


def test_workflow_ready_forward_to_folder_acknowledge(
    form: CaseForm, bridge: DeskBridge, qtbot: Any, tmp_path: Path
) -> None:
    assert form.case is not None
    case_id, reference = form.case.id, form.case.reference
    form.initials.setText("HS")
    form.initials.textEdited.emit("HS")
    run(qtbot, form, form.mark_ready)  # saves the initials first, then marks ready
    assert bridge.desk.pv.get(case_id).state == CaseState.READY
    assert bridge.desk.pv.get(case_id).patient.initials == "HS"
    assert form.forward_button.isEnabled()
    folder = tmp_path / "to-safety"
    run(qtbot, form, lambda: form.forward("folder", str(folder)))
    assert sorted(p.name for p in folder.iterdir()) == [f"{reference}.json", f"{reference}.pdf", f"{reference}.xml"]
    assert (folder / f"{reference}.pdf").read_bytes().startswith(b"%PDF")
    assert form.state_label.text() == "[forwarded]"
    assert not form.reporter_box.isEnabled()
    assert form.ack_button.isEnabled()
    run(qtbot, form, lambda: form.acknowledge("DS-2026-0815"))
    case = bridge.desk.pv.get(case_id)
    assert (case.state, case.safety_case_number) == (CaseState.ACKNOWLEDGED, "DS-2026-0815")
    assert form.state_label.text() == "[acknowledged]"


def test_exports_from_the_form(form: CaseForm, bridge: DeskBridge, qtbot: Any, tmp_path: Path, reference: str) -> None:
    assert form.case is not None
    assert export_bytes(bridge.desk, form.case, "pdf").startswith(b"%PDF")
    assert b"MCCI_IN200100UV01" in export_bytes(bridge.desk, form.case, "e2b")
    assert f'"{reference}"'.encode() in export_bytes(bridge.desk, form.case, "json")
    target = tmp_path / "case.json"
    form.export_to("json", target)
    qtbot.waitUntil(lambda: not bridge.tasks.busy and target.exists(), timeout=10_000)
    assert target.read_bytes() == export_bytes(bridge.desk, form.case, "json")


def test_day0_change_without_reason_is_refused(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    assert form.case is not None
    day0 = form.case.day0
    assert form.change_day0(day0 - timedelta(hours=2), "  ") is False
    assert form.message_bar.kind == "error"
    assert form.message_bar.text == "Say why day 0 changes: it moves both reporting deadlines."
    assert bridge.desk.pv.get(form.case.id).day0 == day0
    run(qtbot, form, lambda: form.change_day0(day0 - timedelta(hours=2), "the post was seen earlier by Tom"))
    assert bridge.desk.pv.get(form.case.id).day0 == day0 - timedelta(hours=2)
    assert form.day0_reason_label.text() == "changed: the post was seen earlier by Tom"


def test_countdowns_from_an_injected_clock(bridge: DeskBridge, qtbot: Any) -> None:
    case = bridge.desk.pv.new_case([ae_message(bridge.desk)])
    clock = FixedClock(case.day0 + timedelta(hours=20, minutes=30))
    form = CaseForm(bridge, None, clock=clock)
    qtbot.addWidget(form)
    form.show_case(case)
    assert form.internal_countdown.text() == "Forward to drug safety: 3 h 30 min left (due 2026-11-25 04:40 UTC)"
    assert form.internal_countdown.styleSheet() == ""
    assert form.regulatory_countdown.text() == (
        "Regulatory (non-serious, 90 d): 89 d 3 h left (due 2027-02-22 04:40 UTC)"
    )
    clock.advance(timedelta(hours=4))
    form.timer.timeout.emit()
    assert form.internal_countdown.text() == "Forward to drug safety: 30 min overdue (due 2026-11-25 04:40 UTC)"
    assert "color: #b00020" in form.internal_countdown.styleSheet()


def row_label(field: QWidget) -> str:
    """The QFormLayout label in front of ``field``."""
    parent = field.parentWidget()
    layout = parent.layout() if parent is not None else None
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_the_case_form_speaks_german(bridge: DeskBridge, qtbot: Any) -> None:
    assert i18n.install("de") is True
    try:
        case = bridge.desk.pv.new_case([ae_message(bridge.desk)])
        form = CaseForm(bridge, None, clock=FixedClock(case.day0 + timedelta(hours=20, minutes=30)))
        qtbot.addWidget(form)
        form.show_case(case)
        qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
        panel = form.validity_panel
        assert form.windowTitle() == f"PV-Fall {case.reference}"
        assert form.state_label.text() == "[Entwurf]"
        assert [form.reporter_box.title(), form.patient_box.title(), form.products_box.title()] == [
            "Meldender",
            "Patient",
            "Verdächtige Arzneimittel",
        ]
        assert [row_label(w) for w in (form.reporter_handle, form.qualification, form.relation, form.sex)] == [
            "Benutzername",
            "Qualifikation (E2B C.2.r.4)",
            "Beziehung zum Meldenden",
            "Geschlecht",
        ]
        assert form.qualification.currentText() == (
            "Verbraucher oder sonstige Nicht-Angehörige der Gesundheitsberufe (5)"
        )
        assert form.relation.currentText() == "selbst"
        assert form.form_patient().relation == "self"  # the stored code, whatever the language shows
        assert [form.events.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
            "Wortlaut (Worte des Meldenden)",
            "MedDRA-LLT",
            "PT",
            "Primäre SOC",
            "Ausgang",
        ]
        assert form.seriousness["death"].text() == "Tod"
        assert form.hints["hospitalisation"].text() == "Hinweis der Erkennung: in der Nachricht erwähnt"
        assert [b.text() for b in (form.forward_button, form.ack_button, form.close_invalid_button)] == [
            "An die Arzneimittelsicherheit weiterleiten \u2026",
            "Eingangsbestätigung erfassen \u2026",
            "Als ungültig schließen \u2026",
        ]
        assert form.internal_countdown.text() == (
            "An die Arzneimittelsicherheit weiterleiten: noch 3 Std. 30 Min. (fällig 2026-11-25 04:40 UTC)"
        )
        assert form.regulatory_countdown.text() == (
            "Behörde (nicht schwerwiegend, 90 Tage): noch 89 Tg. 3 Std. (fällig 2027-02-22 04:40 UTC)"
        )
        assert panel.title() == "Mindestkriterien (gültiger Fall)"
        assert panel.details["reporter"].text() == "Name des Meldenden: \u201eHeike Schmidt\u201c"
        assert panel.details["patient"].text() == (
            "fehlt: ein identifizierbarer Patient (Initialen, Alter oder Altersgruppe oder Geschlecht)"
        )
        assert panel.summary.text() == "Noch nicht gültig: 3 von 4 Kriterien erfüllt."
    finally:
        i18n.install("en")


def test_save_errors_keep_the_input(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    form.add_product_row(form.form_products()[0].__class__(name=""))
    cell(form.products, 1, 2).setText("10 mg")  # a dose without a product name: the service refuses it
    with qtbot.waitSignal(form.action_failed, timeout=10_000) as failed:
        form.save()
    assert failed.args == ["every product needs a name"]
    assert form.message_bar.kind == "error"
    assert cell(form.products, 1, 2).text() == "10 mg"
    assert form.dirty


def test_user_text_is_plain(form: CaseForm) -> None:
    assert form.reporter_channel.textFormat() == Qt.TextFormat.PlainText
    assert form.validity_panel.details["event"].textFormat() == Qt.TextFormat.PlainText
    assert form.message_bar.label.textFormat() == Qt.TextFormat.PlainText


def load_tiny_meddra(desk: Desk, folder: Path) -> None:
    """A made-up three-file release, just enough to exercise the coding completer."""
    folder.mkdir()
    (folder / "soc.asc").write_text("10099001$Respiratory disorders (test)$RESP$\n", encoding="utf-8")
    (folder / "pt.asc").write_text("10099002$Cough (test PT)$$10099001$\n", encoding="utf-8")
    (folder / "llt.asc").write_text(
        "10099003$Cough dry (test)$10099002$\n10099004$Coughing (test)$10099002$\n", encoding="utf-8"
    )
    meddra.load_release(desk, folder, version="99.0", language="English")


def test_events_are_coded_with_the_meddra_completer(bridge: DeskBridge, qtbot: Any, tmp_path: Path) -> None:
    load_tiny_meddra(bridge.desk, tmp_path / "meddra")
    form = open_case_form(bridge, None, message_ids=[ae_message(bridge.desk)])
    qtbot.addWidget(form)
    wait_loaded(qtbot, form)
    assert form.meddra_search.isEnabled()
    assert form.meddra_status.text() == "MedDRA 99.0 English"
    matches = form.search_llt("cough d")
    assert [m.llt_name for m in matches] == ["Cough dry (test)"]
    shown = "Cough dry (test) \u2192 PT Cough (test PT) \u2192 Respiratory disorders (test)"
    assert form.meddra_model.stringList() == [shown]
    form.events.selectRow(0)
    form.completer.activated.emit(shown)
    assert [cell(form.events, 0, c).text() for c in range(4)] == [
        "Husten",
        "Cough dry (test) (10099003)",
        "Cough (test PT) (10099002)",
        "Respiratory disorders (test)",
    ]
    assert form.case is not None
    run(qtbot, form, form.save)
    (event,) = bridge.desk.pv.get(form.case.id).events
    assert (event.verbatim, event.meddra_llt_code, event.meddra_pt_code, event.meddra_version) == (
        "Husten",
        "10099003",
        "10099002",
        "99.0",
    )


def test_follow_ups_and_linking_a_duplicate(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    assert form.case is not None
    case_id = form.case.id
    assert not form.answered_button.isEnabled()
    run(qtbot, form, lambda: form.request_follow_up("Novalind DE (Facebook)", "asked for age and sex"))
    assert form.follow_ups.rowCount() == 1
    assert [cell(form.follow_ups, 0, c).text() for c in range(1, 5)] == [
        "Anna Berger",
        "Novalind DE (Facebook)",
        "requested",
        "asked for age and sex",
    ]
    assert form.answered_button.isEnabled()
    run(qtbot, form, form.no_answer_button.click)
    assert cell(form.follow_ups, 1, 3).text() == "no answer"
    row = (
        bridge.desk.store.read()
        .execute("SELECT min(id) FROM message WHERE direction = 'in' AND pv_screening = 'auto_cleared'")
        .fetchone()
    )
    other = bridge.desk.pv.new_case([int(row[0])])
    form._show_duplicates(form._reads, [Suggestion(other.id, other.reference, 0.8, ("same product",))])
    assert form.duplicates.item(0).text() == f"{other.reference} \u2014 80 % \u2014 same product"
    form.duplicates.setCurrentRow(0)
    run(qtbot, form, form.link_button.click)
    assert bridge.desk.pv.get(case_id).follow_up_of == other.id


def test_close_as_invalid_needs_a_reason(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    assert form.case is not None
    form.close_invalid("")
    assert form.message_bar.text == "Say why the case is closed as invalid."
    run(qtbot, form, lambda: form.close_invalid("spam account, no real patient"))
    case = bridge.desk.pv.get(form.case.id)
    assert (case.state, case.closed_reason) == (CaseState.CLOSED_INVALID, "spam account, no real patient")
    assert form.regulatory_countdown.text() == "Regulatory: not reportable (closed as invalid)"
    assert not form.save_button.isEnabled()


def test_forward_by_email_queues_a_message_to_the_safety_inbox(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    assert form.case is not None
    form.initials.setText("HS")
    form.initials.textEdited.emit("HS")
    run(qtbot, form, form.mark_ready)
    run(qtbot, form, lambda: form.forward("email", ""))
    case = bridge.desk.pv.get(form.case.id)
    assert (case.state, case.forward_method, case.forward_to) == (
        CaseState.FORWARDED,
        "email",
        "drug.safety@novalind.example",
    )
    assert form.internal_countdown.text() == "Forward to drug safety: forwarded 2026-11-24 09:00 UTC"


def test_closing_the_form_while_it_loads_is_harmless(bridge: DeskBridge, qtbot: Any) -> None:
    case = bridge.desk.pv.new_case([ae_message(bridge.desk)])
    form = open_case_form(bridge, None, case_id=case.id)
    destroyed: list[bool] = []
    form.destroyed.connect(lambda: destroyed.append(True))
    form.close()  # deleted on close, before the read comes back
    qtbot.waitUntil(lambda: destroyed == [True] and not bridge.tasks.busy, timeout=10_000)


def test_a_case_changed_elsewhere_is_reloaded_while_other_work_runs(
    form: CaseForm, bridge: DeskBridge, qtbot: Any
) -> None:
    """Only the form's own saves hold a reload back, not a sync pass or a count running meanwhile."""
    assert form.case is not None
    case_id = form.case.id
    gate = threading.Event()
    bridge.tasks.read(lambda: gate.wait(10))  # e.g. the dashboard's counts
    try:
        with qtbot.waitSignal(form.case_loaded, timeout=10_000):
            bridge.desk.pv.update(case_id, narrative="Changed in another window.")  # announces cases_changed
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    assert (form.narrative.toPlainText(), form.dirty) == ("Changed in another window.", False)


def test_of_two_loads_in_flight_the_newer_one_is_shown(
    form: CaseForm, bridge: DeskBridge, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert form.case is not None
    case_id = form.case.id
    real_get = bridge.desk.pv.get
    gates = [threading.Event(), threading.Event()]
    calls: list[int] = []
    lock = threading.Lock()

    def get(wanted: int) -> Case:
        with lock:
            n = len(calls)
            calls.append(n)
        case = dataclasses.replace(real_get(wanted), narrative=f"read {n}")  # what the store held at read n
        gates[n].wait(10)
        return case

    monkeypatch.setattr(bridge.desk.pv, "get", get)
    form.load_case(case_id)
    qtbot.waitUntil(lambda: calls == [0], timeout=10_000)
    form.load_case(case_id)
    qtbot.waitUntil(lambda: calls == [0, 1], timeout=10_000)
    with qtbot.waitSignal(form.case_loaded, timeout=10_000):
        gates[1].set()
    gates[0].set()  # the older read lands last
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    assert form.case is not None
    assert (form.narrative.toPlainText(), form.case.narrative) == ("read 1", "read 1")


def test_a_lock_hides_the_form_and_keeps_unsaved_edits_for_the_unlock(
    form: CaseForm, bridge: DeskBridge, qtbot: Any
) -> None:
    """Nothing from the store stays on screen while locked; what the reviewer typed is there again after."""
    assert form.case is not None
    case_id = form.case.id
    form.narrative.setPlainText("Typed, not saved yet.")
    bridge.lock()
    while_locked = form.isVisible()
    bridge.desk.unlock()  # keyring mode; the store changes before the window hears of the unlock
    stored = bridge.desk.pv.get(case_id)
    bridge.desk.pv.update(case_id, patient=dataclasses.replace(stored.patient, initials="HS"))
    bridge.unlock()
    qtbot.waitUntil(lambda: form.case is not None and form.case.patient.initials == "HS", timeout=10_000)
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    assert (while_locked, form.isVisible(), form.narrative.toPlainText(), form.dirty) == (
        False,
        True,
        "Typed, not saved yet.",
        True,
    )


def test_a_lock_closes_a_dialog_opened_from_the_form(form: CaseForm, bridge: DeskBridge, qtbot: Any) -> None:
    """The Day 0 dialog shows the case's dates: it is a window of its own and must not stay over the lock."""
    assert form.case is not None
    day0_before = form.case.day0
    open_while_locking: list[bool] = []

    def lock_while_the_dialog_is_open() -> None:
        dialogs = [d for d in form.findChildren(Day0Dialog) if d.isVisible()]
        open_while_locking.append(bool(dialogs))
        bridge.lock()

    QTimer.singleShot(0, lock_while_the_dialog_is_open)
    form._ask_day0()  # runs its own event loop until the dialog closes
    still_open = [d for d in form.findChildren(Day0Dialog) if d.isVisible()]
    assert (open_while_locking, still_open, form.isVisible(), form.case.day0) == ([True], [], False, day0_before)


def test_a_form_locked_before_its_first_read_came_back_loads_the_case_at_the_unlock(
    bridge: DeskBridge, qtbot: Any
) -> None:
    """The lock cancels the form's read, so the form has no case yet; the unlock loads the one it was opened for."""
    case = bridge.desk.pv.new_case([ae_message(bridge.desk)])
    form = open_case_form(bridge, None, case_id=case.id)
    qtbot.addWidget(form)
    bridge.lock()  # before the read's answer is delivered: it is cancelled (or dropped as stale)
    while_locked = (form.isVisible(), form.case)
    bridge.desk.unlock()
    bridge.unlock()
    qtbot.waitUntil(lambda: not bridge.tasks.busy, timeout=10_000)
    loaded = form.case.id if form.case is not None else None
    assert (while_locked, form.isVisible(), loaded, form.reference_label.text()) == (
        (False, None),
        True,
        case.id,
        case.reference,
    )
