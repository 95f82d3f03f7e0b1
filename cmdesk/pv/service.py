"""The PV case workflow: draft -> ready -> forwarded -> acknowledged (or closed as invalid).

Its SQL lives in ``cmdesk.store.pv``. Every change is audited with old and new
value in the same transaction, because an inspector must be able to see who
changed what on a safety case and when; listeners hear of it after the commit.
Rows become a ``Case`` in ``case_loading``, a case's parts become rows in
``case_writing``, and the files for drug safety are written by ``exports``.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.errors import InvalidInput
from cmdesk.pv import case_codec, case_loading, case_writing, clocks, exports, prefill, screening, validation
from cmdesk.pv import duplicates as duplicate_check
from cmdesk.pv import reconcile as reconciliation
from cmdesk.pv.model import SERIOUSNESS_CRITERIA, Case, CaseState, Patient, Reporter
from cmdesk.pv.screening import ReviewItem
from cmdesk.store import audit
from cmdesk.store import pv as pv_sql
from cmdesk.store.codec import to_db_time, to_json
from cmdesk.store.engine import Connection

if TYPE_CHECKING:
    from cmdesk.desk import Desk

EDITABLE_STATES = (CaseState.DRAFT, CaseState.READY)
FOLLOW_UP_OUTCOMES = ("requested", "answered", "no_answer")


def _db_time(moment: datetime) -> str:
    text = to_db_time(moment)
    assert text is not None
    return text


class PVService:
    """Cases of suspected adverse events, for community managers and PV reviewers."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- reading ---------------------------------------------------------------------------

    def get(self, case_id: int) -> Case:
        return self._load(self._desk.store.read(), case_id)

    def list(self, states: Iterable[CaseState | str] | None = None, due_before: datetime | None = None) -> list[Case]:
        """Cases, most urgent internal deadline first; ``due_before`` keeps only those due by then."""
        wanted = None if states is None else [CaseState(s).value for s in states]
        conn = self._desk.store.read()
        ids = pv_sql.case_ids(conn, states=wanted, due_before=to_db_time(due_before))
        return [self._load(conn, case_id) for case_id in ids]

    def validity(self, case_id: int) -> validation.Validity:
        return validation.check(self.get(case_id))

    def duplicates(self, case_id: int) -> builtins.list[duplicate_check.Suggestion]:
        case = self.get(case_id)
        others = [c for c in self.list() if c.id != case.id and c.state != CaseState.CLOSED_INVALID]
        return duplicate_check.suggest(case, others)

    def review_queue(self) -> builtins.list[ReviewItem]:
        """Unscreened messages (suspected ones included), the one whose PV deadline comes first on top."""
        hours = int(self._setting("pv_internal_hours") or clocks.DEFAULT_INTERNAL_HOURS)
        return screening.review_items(self._desk.store.read(), internal_hours=hours)

    def reconcile(self, *, ack_days: int = reconciliation.DEFAULT_ACK_DAYS) -> reconciliation.Report:
        return reconciliation.run(self._desk.store.read(), now=self._desk.clock.now(), ack_days=ack_days)

    # -- creating --------------------------------------------------------------------------

    def new_case(self, message_ids: Sequence[int]) -> Case:
        """A draft case prefilled from ``message_ids`` (all by the same person); they leave the PV queue."""
        ids = list(dict.fromkeys(message_ids))
        if not ids:
            raise InvalidInput("choose at least one message to open a case from")
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        with self._desk.store.transaction() as conn:
            sources = [case_loading.load_source(conn, mid) for mid in ids]
            self._same_person(sources)
            for mid in ids:
                self._not_in_case(conn, mid)
            settings = self._settings(conn)
            draft = prefill.draft(
                sources,
                products=self._desk.settings.products(),
                company_country=str(settings.get("company_country") or ""),
                internal_hours=int(settings.get("pv_internal_hours") or clocks.DEFAULT_INTERNAL_HOURS),
                now=now,
                actor=actor,
            )
            reference = self._next_reference(conn, now.year)
            case_id = pv_sql.insert_case(
                conn,
                reference=reference,
                state=CaseState.DRAFT.value,
                person_id=draft.person_id,
                day0=_db_time(draft.day0),
                serious=False,
                seriousness=to_json(draft.seriousness),
                reporter=to_json(case_codec.reporter_json(draft.reporter)),
                patient=to_json(case_codec.patient_json(draft.patient)),
                narrative=draft.narrative,
                internal_due_at=_db_time(draft.internal_due_at),
                regulatory_due_at=_db_time(draft.regulatory_due_at),
                created_by=actor,
                created_at=_db_time(now),
            )
            case_writing.write_products(conn, case_id, draft.products)
            case_writing.write_events(conn, case_id, draft.events)
            screened = [s.id for s in sources if self._attach(conn, case_id, s, now=now, actor=actor)]
            self._audit(
                conn,
                "pv.case.create",
                case_id,
                {"reference": reference, "messages": ids, "day0": to_db_time(draft.day0)},
            )
            case = self._load(conn, case_id)
        return self._changed(case, screened)

    def add_message(self, case_id: int, message_id: int) -> Case:
        """Another message of the same person feeds the case (new information, e.g. an answer to a follow-up)."""
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            self._require(case, EDITABLE_STATES)
            source = case_loading.load_source(conn, message_id)
            self._not_in_case(conn, message_id)
            if case.person_id is not None and source.person_id is not None and case.person_id != source.person_id:
                raise InvalidInput(
                    "message {message_id} was written by another person than case {case}",
                    message_id=message_id,
                    case=case.reference,
                )
            screened = self._attach(conn, case_id, source, now=now, actor=self._desk.agent_name)
            self._touch(conn, case_id, now)
            self._audit(conn, "pv.case.add_message", case_id, {"message_id": message_id})
            case = self._load(conn, case_id)
        return self._changed(case, [message_id] if screened else [])

    # -- editing -----------------------------------------------------------------------------

    def update(self, case_id: int, **changes: Any) -> Case:
        """Change reporter, patient, products, events, seriousness, narrative or day0 (with ``day0_reason``)."""
        allowed = {"reporter", "patient", "products", "events", "seriousness", "narrative", "day0", "day0_reason"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput("these case fields cannot be changed here: {fields}", fields=", ".join(sorted(unknown)))
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            self._require(case, EDITABLE_STATES)
            hours = int(self._settings(conn).get("pv_internal_hours") or clocks.DEFAULT_INTERNAL_HOURS)
            if "reporter" in changes:
                new_reporter: Reporter = changes["reporter"]
                self._set_column(
                    conn,
                    case,
                    "reporter",
                    case_codec.reporter_json(case.reporter),
                    case_codec.reporter_json(new_reporter),
                )
            if "patient" in changes:
                new_patient: Patient = changes["patient"]
                self._set_column(
                    conn, case, "patient", case_codec.patient_json(case.patient), case_codec.patient_json(new_patient)
                )
            if "narrative" in changes:
                self._set_column(conn, case, "narrative", case.narrative, str(changes["narrative"]))
            if "products" in changes:
                pv_sql.delete_products(conn, case_id)
                case_writing.write_products(conn, case_id, changes["products"])
                self._audit(
                    conn,
                    "pv.case.update",
                    case_id,
                    {
                        "field": "products",
                        "old": [case_codec.product_json(p) for p in case.products],
                        "new": [case_codec.product_json(p) for p in changes["products"]],
                    },
                )
            if "events" in changes:
                pv_sql.delete_events(conn, case_id)
                case_writing.write_events(conn, case_id, changes["events"])
                self._audit(
                    conn,
                    "pv.case.update",
                    case_id,
                    {
                        "field": "events",
                        "old": [case_codec.event_json(e) for e in case.events],
                        "new": [case_codec.event_json(e) for e in changes["events"]],
                    },
                )
            day0 = case.day0
            if "day0" in changes:
                reason = str(changes.get("day0_reason") or "").strip()
                if not reason:
                    raise InvalidInput("say why day 0 changes: it moves the reporting deadlines")
                day0 = changes["day0"]
                if day0.tzinfo is None:
                    raise InvalidInput("day 0 needs a time zone")
                if day0 > now:
                    raise InvalidInput("day 0 cannot be in the future")
                pv_sql.set_day0(conn, case_id, day0=_db_time(day0), reason=reason)
                self._audit(
                    conn,
                    "pv.case.update",
                    case_id,
                    {"field": "day0", "old": to_db_time(case.day0), "new": to_db_time(day0), "reason": reason},
                )
            serious = case.serious
            if "seriousness" in changes:
                given: dict[str, bool] = changes["seriousness"]
                bad = set(given) - set(SERIOUSNESS_CRITERIA)
                if bad:
                    raise InvalidInput("unknown seriousness criteria: {criteria}", criteria=", ".join(sorted(bad)))
                new = {c: bool(given.get(c, False)) for c in SERIOUSNESS_CRITERIA}
                serious = any(new.values())
                pv_sql.set_seriousness(conn, case_id, seriousness=to_json(new), serious=serious)
                self._audit(
                    conn, "pv.case.update", case_id, {"field": "seriousness", "old": case.seriousness, "new": new}
                )
            if "day0" in changes or "seriousness" in changes:
                internal = clocks.internal_due(day0, internal_hours=hours)
                regulatory = clocks.regulatory_due(day0, serious=serious)
                pv_sql.set_deadlines(
                    conn, case_id, internal_due_at=_db_time(internal), regulatory_due_at=_db_time(regulatory)
                )
                self._audit(
                    conn,
                    "pv.case.update",
                    case_id,
                    {
                        "field": "deadlines",
                        "old": [to_db_time(case.internal_due_at), to_db_time(case.regulatory_due_at)],
                        "new": [to_db_time(internal), to_db_time(regulatory)],
                    },
                )
            self._touch(conn, case_id, now)
            updated = self._load(conn, case_id)
            if updated.state == CaseState.READY and not validation.check(updated).valid:
                # an edit removed a minimum criterion: the case is no longer ready to forward
                updated = self._set_state(conn, updated, CaseState.DRAFT, reason="no longer meets the minimum criteria")
        return self._changed(updated)

    # -- workflow --------------------------------------------------------------------------

    def mark_ready(self, case_id: int) -> Case:
        """Draft -> ready, only when the four minimum criteria are met."""
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            self._require(case, (CaseState.DRAFT,))
            check = validation.check(case)
            if not check.valid:
                raise InvalidInput(
                    "case {case} is not valid yet; missing: {missing}",
                    case=case.reference,
                    missing="; ".join(check.missing),
                )
            case = self._set_state(conn, case, CaseState.READY)
        return self._changed(case)

    def forward(self, case_id: int, method: str, to: str) -> Case:
        """Hand the case to drug safety by e-mail (via the outbox) or into a folder they collect from."""
        if method not in ("email", "folder"):
            raise InvalidInput("forward by 'email' or 'folder'")
        case = self.get(case_id)
        self._require(case, (CaseState.READY,))
        now = self._desk.clock.now()
        if method == "folder":
            if not to.strip():
                raise InvalidInput("name the folder to write the case files into")
            names = self.write_exports([case], Path(to), formats=("pdf", "e2b", "json"))
            with self._desk.store.transaction() as conn:
                case = self._mark_forwarded(conn, case, method, to, now, {"files": names})
            return self._changed(case)
        address = to.strip() or str(self._setting("pv_safety_inbox") or "")
        if not address:
            raise InvalidInput("enter drug safety's e-mail address (setting pv_safety_inbox)")
        mail_account = pv_sql.first_email_account(self._desk.store.read())
        if mail_account is None:
            raise InvalidInput("configure an e-mail account first: cases are sent to drug safety by e-mail")
        attachments = [f"{case.reference}.pdf", f"{case.reference}.xml", f"{case.reference}.json"]
        payload: dict[str, Any] = {
            "to": address,
            "subject": f"Suspected adverse event {case.reference}" + (" (SERIOUS)" if case.serious else ""),
            "body": exports.email_body(case),
            "attachments": attachments,
            "case_id": case.id,
        }
        folder = str(self._setting("pv_export_folder") or "")
        if folder:  # the e-mail sender attaches the files from here
            self.write_exports([case], Path(folder).expanduser(), formats=("pdf", "e2b", "json"))
            payload["attachment_folder"] = folder
        with self._desk.store.transaction() as conn:
            outbox_id = pv_sql.queue_email(
                conn, account_id=mail_account, payload=to_json(payload), actor=self._desk.agent_name, at=_db_time(now)
            )
            case = self._mark_forwarded(conn, case, method, address, now, {"outbox_id": outbox_id})
        self._desk.events.emit(events.OUTBOX_CHANGED, outbox_id=outbox_id, message_id=None)
        return self._changed(case)

    def acknowledge(self, case_id: int, safety_case_number: str) -> Case:
        """Drug safety confirmed receipt and gave its own case number."""
        number = safety_case_number.strip()
        if not number:
            raise InvalidInput("enter the case number drug safety gave this case")
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            self._require(case, (CaseState.FORWARDED,))
            pv_sql.set_acknowledged(conn, case_id, safety_case_number=number, at=_db_time(now))
            self._audit(conn, "pv.case.acknowledge", case_id, {"old": "", "new": number})
            case = self._set_state(conn, case, CaseState.ACKNOWLEDGED)
        return self._changed(case)

    def close_invalid(self, case_id: int, reason: str) -> Case:
        """Not a valid case even after follow-up; kept (for signal detection), never submitted."""
        if not reason.strip():
            raise InvalidInput("say why the case is closed as invalid")
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            self._require(case, EDITABLE_STATES)
            pv_sql.set_closed_reason(conn, case_id, reason.strip())
            case = self._set_state(conn, case, CaseState.CLOSED_INVALID, reason=reason.strip())
        return self._changed(case)

    def request_follow_up(self, case_id: int, channel: str, template_id: int | None = None, note: str = "") -> Case:
        """Log that we asked the reporter for missing information (the message itself goes via the outbox)."""
        if not channel.strip():
            raise InvalidInput("say on which channel the follow-up was requested")
        return self._follow_up(case_id, channel.strip(), "requested", template_id, note)

    def log_follow_up_outcome(self, case_id: int, outcome: str, note: str = "", channel: str = "") -> Case:
        """The answer to a follow-up request: 'answered' or 'no_answer'."""
        if outcome not in ("answered", "no_answer"):
            raise InvalidInput("a follow-up outcome is 'answered' or 'no_answer'")
        case = self.get(case_id)
        requested = [f for f in case.follow_ups if f.outcome == "requested"]
        if not requested:
            raise InvalidInput("no follow-up was requested for case {case}", case=case.reference)
        return self._follow_up(case_id, channel or requested[-1].channel, outcome, None, note)

    def link_as_follow_up(self, case_id: int, of_case_id: int) -> Case:
        """Mark ``case_id`` as new information on ``of_case_id`` (a duplicate handled as follow-up)."""
        if case_id == of_case_id:
            raise InvalidInput("a case cannot be a follow-up of itself")
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            other = self._load(conn, of_case_id)
            if other.follow_up_of == case_id:
                raise InvalidInput(
                    "{other} is already a follow-up of {case}", other=other.reference, case=case.reference
                )
            pv_sql.set_follow_up_of(conn, case_id, of_case_id)
            self._audit(conn, "pv.case.link_follow_up", case_id, {"old": case.follow_up_of, "new": of_case_id})
            self._touch(conn, case_id, self._desk.clock.now())
            case = self._load(conn, case_id)
        return self._changed(case)

    def screen_not_ae(self, message_ids: Sequence[int], reason: str) -> int:
        """A human decided: no adverse event in these messages. Returns how many changed."""
        why = reason.strip()
        if not why:
            raise InvalidInput("give a reason why these messages are not adverse events")
        with self._desk.store.transaction() as conn:
            changed = screening.screen_not_ae(
                conn, message_ids, why, now=self._desk.clock.now(), actor=self._desk.agent_name
            )
        if changed:
            self._desk.events.emit(events.MESSAGES_CHANGED, ids=changed)
        return len(changed)

    # -- exports -----------------------------------------------------------------------------

    def write_exports(self, cases: Sequence[Case], folder: Path, *, formats: Sequence[str]) -> builtins.list[str]:
        """Write each case as PDF / E2B XML / JSON into ``folder``; returns the file names written."""
        now = self._desk.clock.now()
        sender = str(self._setting("company_name") or "CMDESK")
        return exports.write_exports(cases, folder, formats=formats, now=now, sender=sender)

    # -- internals ---------------------------------------------------------------------------

    def _setting(self, key: str) -> Any:
        return self._settings(self._desk.store.read()).get(key)

    def _settings(self, conn: Connection) -> dict[str, Any]:
        from cmdesk.settings import DEFAULTS
        from cmdesk.store import settings as settings_sql

        stored = settings_sql.all_settings(conn)
        return {**DEFAULTS, **stored}

    def _audit(self, conn: Connection, action: str, case_id: int, detail: dict[str, Any]) -> None:
        audit.append(
            conn,
            at=self._desk.clock.now(),
            actor=self._desk.agent_name,
            action=action,
            entity="pv_case",
            entity_id=case_id,
            detail=detail,
        )

    def _changed(self, case: Case, screened: Sequence[int] = ()) -> Case:
        """Tell listeners about a committed change: the case, and messages whose PV screening moved."""
        if screened:
            self._desk.events.emit(events.MESSAGES_CHANGED, ids=list(screened))
        self._desk.events.emit(events.CASES_CHANGED, case_id=case.id)
        return case

    def _touch(self, conn: Connection, case_id: int, now: datetime) -> None:
        pv_sql.touch(conn, case_id, updated_at=_db_time(now))

    def _require(self, case: Case, states: Sequence[CaseState]) -> None:
        if case.state not in states:
            raise _wrong_state(case, states)

    def _set_state(self, conn: Connection, case: Case, state: CaseState, *, reason: str = "") -> Case:
        pv_sql.set_state(conn, case.id, state=state.value, updated_at=_db_time(self._desk.clock.now()))
        detail: dict[str, Any] = {"field": "state", "old": case.state.value, "new": state.value}
        if reason:
            detail["reason"] = reason
        self._audit(conn, "pv.case.state", case.id, detail)
        return self._load(conn, case.id)

    def _set_column(self, conn: Connection, case: Case, column: pv_sql.CaseTextColumn, old: Any, new: Any) -> None:
        stored = new if isinstance(new, str) else to_json(new)
        pv_sql.set_case_text(conn, case.id, column=column, value=stored)
        self._audit(conn, "pv.case.update", case.id, {"field": column, "old": old, "new": new})

    def _mark_forwarded(
        self, conn: Connection, case: Case, method: str, to: str, now: datetime, extra: dict[str, Any]
    ) -> Case:
        case = self._load(conn, case.id)  # re-read inside the transaction: forward only once
        self._require(case, (CaseState.READY,))
        pv_sql.set_forwarded(conn, case.id, at=_db_time(now), by=self._desk.agent_name, method=method, to=to)
        late = now > case.internal_due_at
        self._audit(conn, "pv.case.forward", case.id, {"method": method, "to": to, "late": late, **extra})
        return self._set_state(conn, case, CaseState.FORWARDED)

    def _follow_up(self, case_id: int, channel: str, outcome: str, template_id: int | None, note: str) -> Case:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            case = self._load(conn, case_id)
            if case.state == CaseState.CLOSED_INVALID:
                raise InvalidInput("case {case} is closed; open it again as a new case", case=case.reference)
            pv_sql.insert_follow_up(
                conn,
                case_id=case_id,
                at=_db_time(now),
                actor=self._desk.agent_name,
                channel=channel,
                template_id=template_id,
                outcome=outcome,
                note=note,
            )
            self._audit(
                conn,
                "pv.case.follow_up",
                case_id,
                {"channel": channel, "outcome": outcome, "template_id": template_id, "note": note},
            )
            self._touch(conn, case_id, now)
            case = self._load(conn, case_id)
        return self._changed(case)

    def _load(self, conn: Connection, case_id: int) -> Case:
        return case_loading.load_case(conn, case_id, settings=self._settings(conn))

    def _next_reference(self, conn: Connection, year: int) -> str:
        prefix = f"CMD-{year}-"
        return f"{prefix}{pv_sql.last_reference_number(conn, prefix) + 1:06d}"

    def _same_person(self, sources: Sequence[prefill.SourceMessage]) -> None:
        keys = {
            (s.person_id if s.person_id is not None else f"{s.account_name}/{s.author_handle or s.author_name}")
            for s in sources
        }
        if len(keys) > 1:
            raise InvalidInput("one case holds messages of one person; these messages have different authors")

    def _not_in_case(self, conn: Connection, message_id: int) -> None:
        reference = pv_sql.case_reference_of_message(conn, message_id)
        if reference is not None:
            raise InvalidInput(
                "message {message_id} already belongs to case {reference}", message_id=message_id, reference=reference
            )

    def _attach(
        self, conn: Connection, case_id: int, source: prefill.SourceMessage, *, now: datetime, actor: str
    ) -> bool:
        """Snapshot ``source`` into the case; True when this moved the message's PV screening to 'case'."""
        case_writing.write_snapshot(conn, case_id, source, added_at=_db_time(now))
        return screening.put_in_case(conn, source.id, case_id, now=now, actor=actor)


def _wrong_state(case: Case, wanted: Sequence[CaseState]) -> InvalidInput:
    """Why the case cannot take this step now, one whole sentence per state so the window can translate it.

    The state's own value (forwarded, closed_invalid) is an English word and is never put into the text.
    """
    ref = case.reference
    if case.state == CaseState.DRAFT:
        return InvalidInput("case {case} is still a draft; mark it as ready first", case=ref)
    if case.state == CaseState.READY and CaseState.FORWARDED in wanted:
        return InvalidInput("case {case} is not forwarded yet; forward it first", case=ref)
    if case.state == CaseState.READY:
        return InvalidInput("case {case} is already ready to forward", case=ref)
    if case.state == CaseState.FORWARDED:
        return InvalidInput("case {case} was already forwarded to drug safety; it can no longer be changed", case=ref)
    if case.state == CaseState.ACKNOWLEDGED:
        return InvalidInput(
            "case {case} was already acknowledged by drug safety; it can no longer be changed", case=ref
        )
    return InvalidInput("case {case} is closed as invalid; it can no longer be changed", case=ref)
