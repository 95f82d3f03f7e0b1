"""Triage: what a community manager does to a selection of messages, audited, with one step of undo.

Every action works on a list of message ids, changes them in one transaction with
a status event per changed field and an audit row per message, and remembers what
it changed so the last action can be undone. Undo only reverts a value that is
still the one this desk wrote: if a colleague changed the message since, their
change wins and the message is reported as skipped.

Compliance rule: a suspected adverse event that has not had a PV decision cannot
be closed (done / no action). Someone must open a case or mark it "not PV-relevant"
with a reason first, so no report can vanish from the PV review queue unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cmdesk import events
from cmdesk.analysis.priority import RANK_ADVERSE_EVENT
from cmdesk.errors import InvalidInput
from cmdesk.model import ChannelKind, Intent, MessageKind, OutboxAction, PVScreening, Status
from cmdesk.store import audit
from cmdesk.store import messages as message_sql
from cmdesk.store import triage as sql
from cmdesk.store.codec import from_db_time, to_db_time
from cmdesk.store.engine import Connection

if TYPE_CHECKING:
    from cmdesk.desk import Desk

TAG_MAX = 40
NOTE_MAX = 4000
CLOSED = (Status.DONE, Status.NO_ACTION)

# Where a comment can be hidden through the channel's API (Messenger, e-mail and forums have no such thing).
MODERATION = {
    ChannelKind.FACEBOOK.value: {MessageKind.COMMENT.value, MessageKind.REPLY.value},
    ChannelKind.INSTAGRAM.value: {MessageKind.COMMENT.value, MessageKind.REPLY.value},
    ChannelKind.YOUTUBE.value: {MessageKind.COMMENT.value, MessageKind.REPLY.value},
}


@dataclass(frozen=True)
class TriageResult:
    """What an action changed: ``message_ids`` changed, ``skipped`` maps the others to the reason."""

    action: str
    message_ids: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...] = ()
    summary: str = ""

    @property
    def changed(self) -> int:
        return len(self.message_ids)


@dataclass
class _Change:
    message_id: int
    field: str
    old: Any
    new: Any


@dataclass
class _Undo:
    """What the last action did, so it can be taken back."""

    action: str
    summary: str
    changes: list[_Change] = field(default_factory=list)
    note_ids: list[tuple[int, int]] = field(default_factory=list)  # (note id, message id)
    tag: str | None = None
    tag_added: list[int] = field(default_factory=list)
    tag_removed: list[int] = field(default_factory=list)
    outbox_ids: list[tuple[int, int]] = field(default_factory=list)  # (outbox id, message id)
    moderation: OutboxAction | None = None


class TriageService:
    """Assign, set status, tag, note, PV screening and moderation on selections of messages."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._last: _Undo | None = None

    # -- what can be undone ----------------------------------------------------------------

    @property
    def undo_summary(self) -> str | None:
        """A short description of the action undo would take back, or None."""
        return self._last.summary if self._last else None

    # -- the actions -------------------------------------------------------------------------

    def assign(self, message_ids: Sequence[int], *, assignee: str | None) -> TriageResult:
        """Assign to a colleague (or to me); ``None`` takes the messages back into "Unassigned"."""
        name = assignee.strip() if assignee else None
        if name is not None and name not in self._known_agents():
            raise InvalidInput("{name!r} is not a colleague on this desk; add them in the settings first", name=name)
        summary = f"Assigned {{n}} to {name}" if name else "Unassigned {n}"
        return self._change_fields("assign", message_ids, ["assignee"], lambda row: {"assignee": name}, summary=summary)

    def set_status(self, message_ids: Sequence[int], *, status: Status | str) -> TriageResult:
        """Open, waiting, done or no action needed; closing a message records when it was handled."""
        try:
            target = Status(status)
        except ValueError:
            raise InvalidInput(
                "unknown status {status!r}; use open, waiting, done or no_action", status=status
            ) from None
        now_text = to_db_time(self._desk.clock.now())

        def values(row: dict[str, Any]) -> dict[str, Any] | str:
            if target in CLOSED and row["pv_suspected"] and row["pv_screening"] == PVScreening.UNSCREENED.value:
                return (
                    "a suspected adverse event waiting for a PV decision: open a case or mark it"
                    " not PV-relevant before closing it"
                )
            handled = (row["handled_at"] or now_text) if target in CLOSED else None
            return {"status": target.value, "handled_at": handled}

        summary = {
            Status.OPEN: "Reopened {n}",
            Status.WAITING: "Set {n} to waiting",
            Status.DONE: "Marked {n} done",
            Status.NO_ACTION: "Marked {n} as needing no action",
        }[target]
        return self._change_fields(
            "status",
            message_ids,
            ["status", "handled_at", "pv_suspected", "pv_screening"],
            values,
            summary=summary,
            compare=["status"],
        )

    def mark_pv(self, message_ids: Sequence[int], *, relevant: bool = True, reason: str | None = None) -> TriageResult:
        """PV-relevant: back into PV review with the adverse-event deadline. Not relevant: a reason is required."""
        why = (reason or "").strip() or None
        if not relevant and not why:
            raise InvalidInput("give a reason why these messages are not PV-relevant")
        ae_hours = self._desk.analyzer.sla.hours_for(Intent.ADVERSE_EVENT)

        def values(row: dict[str, Any]) -> dict[str, Any] | str:
            if row["pv_screening"] == PVScreening.CASE.value:
                return "already part of a PV case; change it in the case"
            if not relevant:
                return {"pv_suspected": 0, "pv_screening": PVScreening.NOT_AE.value, "pv_screening_reason": why}
            received = from_db_time(row["_received_at"])
            assert received is not None
            due = received + timedelta(hours=ae_hours)
            current_due = from_db_time(row["due_at"])
            return {
                "pv_suspected": 1,
                "pv_screening": PVScreening.UNSCREENED.value,
                "pv_screening_reason": why,
                "priority": min(int(row["priority"]), RANK_ADVERSE_EVENT),
                "due_at": to_db_time(min(due, current_due) if current_due else due),
            }

        fields = ["pv_suspected", "pv_screening", "pv_screening_reason", "priority", "due_at"]
        return self._change_fields(
            "pv",
            message_ids,
            fields,
            values,
            summary="Marked {n} PV-relevant" if relevant else "Marked {n} not PV-relevant",
            reason=why,
            compare=["pv_suspected", "pv_screening"],
        )

    def tag(self, message_ids: Sequence[int], *, tag: str) -> TriageResult:
        name = _tag_name(tag)
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        changed: list[int] = []
        with self._desk.store.transaction() as conn:
            rows = self._existing(conn, message_ids)
            tid = sql.tag_id(conn, name)
            for mid in rows:
                if sql.add_message_tag(conn, mid, tid):
                    changed.append(mid)
                    self._audit(conn, now, actor, "triage.tag", mid, {"tag": name})
        skipped = tuple((mid, f"already tagged {name!r}") for mid in rows if mid not in changed)
        undo = _Undo("tag", f"Tagged {_count(len(changed))} {name!r}", tag=name, tag_added=changed)
        return self._finish(undo, changed, skipped, missing=_missing(message_ids, rows))

    def untag(self, message_ids: Sequence[int], *, tag: str) -> TriageResult:
        name = _tag_name(tag)
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        changed: list[int] = []
        with self._desk.store.transaction() as conn:
            rows = self._existing(conn, message_ids)
            tid = sql.find_tag(conn, name)
            for mid in rows:
                if tid is not None and sql.remove_message_tag(conn, mid, tid):
                    changed.append(mid)
                    self._audit(conn, now, actor, "triage.untag", mid, {"tag": name})
        skipped = tuple((mid, f"not tagged {name!r}") for mid in rows if mid not in changed)
        undo = _Undo("untag", f"Removed tag {name!r} from {_count(len(changed))}", tag=name, tag_removed=changed)
        return self._finish(undo, changed, skipped, missing=_missing(message_ids, rows))

    def note(self, message_ids: Sequence[int], *, text: str) -> TriageResult:
        """An internal note on each message (never sent to the channel)."""
        body = text.strip()
        if not body:
            raise InvalidInput("a note needs text")
        if len(body) > NOTE_MAX:
            raise InvalidInput(
                "a note holds at most {limit} characters ({given} given)", limit=NOTE_MAX, given=len(body)
            )
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        notes: list[tuple[int, int]] = []
        with self._desk.store.transaction() as conn:
            rows = self._existing(conn, message_ids)
            for mid in rows:
                nid = sql.add_note(
                    conn, message_id=mid, person_id=None, author=actor, text=body, at=to_db_time(now) or ""
                )
                notes.append((nid, mid))
                self._audit(conn, now, actor, "triage.note", mid, {"note_id": nid, "text": body})
        changed = [mid for _, mid in notes]
        undo = _Undo("note", f"Added a note to {_count(len(changed))}", note_ids=notes)
        return self._finish(undo, changed, (), missing=_missing(message_ids, rows))

    def queue_moderation(self, message_ids: Sequence[int], *, action: OutboxAction | str = "hide") -> TriageResult:
        """Queue hiding (or unhiding) comments through the outbox; channels without moderation are skipped."""
        try:
            what = OutboxAction(action)
        except ValueError:
            raise InvalidInput("unknown moderation action {action!r}", action=action) from None
        if what not in (OutboxAction.HIDE, OutboxAction.UNHIDE):
            raise InvalidInput("moderation means hide or unhide")
        conn = self._desk.store.read()
        rows = sql.message_fields(conn, list(dict.fromkeys(message_ids)), ["status"])
        skipped: list[tuple[int, str]] = []
        queued: list[tuple[int, int]] = []
        for mid, row in rows.items():
            kinds = MODERATION.get(row["_account_kind"], set())
            if row["_message_kind"] not in kinds:
                skipped.append((mid, f"{row['_account_kind']} {row['_message_kind']}s cannot be hidden"))
                continue
            queued.append((self._desk.outbox.queue(mid, what), mid))
        changed = [mid for _, mid in queued]
        verb = "hide" if what is OutboxAction.HIDE else "unhide"
        undo = _Undo("moderation", f"Queued {verb} for {_count(len(changed))}", outbox_ids=queued, moderation=what)
        return self._finish(undo, changed, tuple(skipped), missing=_missing(message_ids, rows), emit=False)

    # -- undo ----------------------------------------------------------------------------------

    def undo(self) -> TriageResult:
        """Take back the last action; values a colleague changed since are left alone."""
        last = self._last
        if last is None:
            raise InvalidInput("there is nothing to undo")
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        changed: set[int] = set()
        skipped: dict[int, str] = {}
        later: list[tuple[int, int]] = []
        with self._desk.store.transaction() as conn:
            by_message: dict[int, list[_Change]] = {}
            for change in last.changes:
                by_message.setdefault(change.message_id, []).append(change)
            for mid, changes in by_message.items():
                current = sql.message_fields(conn, [mid], [c.field for c in changes]).get(mid)
                if current is None or any(current[c.field] != c.new for c in changes):
                    skipped[mid] = "changed by someone else since"
                    continue
                sql.set_fields(conn, mid, {c.field: c.old for c in changes})
                for c in changes:
                    self._event(conn, mid, now, actor, c.field, c.new, c.old, reason="undo")
                self._audit(conn, now, actor, "triage.undo", mid, {"undid": last.action, **_detail(changes, undo=True)})
                changed.add(mid)
            for nid, mid in last.note_ids:
                if sql.delete_note(conn, nid):
                    self._audit(conn, now, actor, "triage.undo", mid, {"undid": "note", "note_id": nid})
                    changed.add(mid)
            if last.tag is not None:
                tid = sql.tag_id(conn, last.tag)
                for mid in last.tag_added:
                    if sql.remove_message_tag(conn, mid, tid):
                        changed.add(mid)
                        self._audit(conn, now, actor, "triage.undo", mid, {"undid": "tag", "tag": last.tag})
                for mid in last.tag_removed:
                    if sql.add_message_tag(conn, mid, tid):
                        changed.add(mid)
                        self._audit(conn, now, actor, "triage.undo", mid, {"undid": "untag", "tag": last.tag})
            for oid, mid in last.outbox_ids:
                state = sql.outbox_state(conn, oid)
                if state is not None and sql.cancel_queued(conn, oid):
                    audit.append(
                        conn, at=now, actor=actor, action="outbox.cancel", entity="outbox", entity_id=oid,
                        detail={"message_id": mid, "reason": "undo"},
                    )  # fmt: skip
                    changed.add(mid)
                elif state is not None and state[0] == "sent":
                    later.append((oid, mid))
                else:
                    skipped[mid] = "the moderation action is already being delivered; check the outbox"
        for _oid, mid in later:  # already on the channel: reverse it there
            reverse = OutboxAction.UNHIDE if last.moderation is OutboxAction.HIDE else OutboxAction.HIDE
            self._desk.outbox.queue(mid, reverse)
            changed.add(mid)
        self._last = None
        ids = sorted(changed)
        if ids:
            self._desk.events.emit(events.MESSAGES_CHANGED, ids=ids)
        return TriageResult("undo", tuple(ids), tuple(sorted(skipped.items())), f"Undid: {last.summary}")

    # -- reading for the message pane ---------------------------------------------------------------

    def tags(self, message_id: int) -> list[str]:
        return sql.message_tags(self._desk.store.read(), message_id)

    def known_tags(self) -> list[str]:
        return sql.all_tags(self._desk.store.read())

    def notes(self, message_id: int) -> list[tuple[int, str, str, datetime]]:
        """(id, author, text, at) of the notes on a message, oldest first."""
        found = []
        for nid, author, text, at in sql.message_notes(self._desk.store.read(), message_id):
            moment = from_db_time(at)
            assert moment is not None
            found.append((nid, author, text, moment))
        return found

    def history(self, message_id: int) -> list[tuple[datetime, str, str, str | None, str | None, str | None]]:
        """(at, actor, field, old, new, reason) of every status change on the message."""
        found = []
        for at, actor, fld, old, new, reason in sql.status_events(self._desk.store.read(), message_id):
            moment = from_db_time(at)
            assert moment is not None
            found.append((moment, actor, fld, old, new, reason))
        return found

    # -- the machinery ------------------------------------------------------------------------------

    def _change_fields(
        self,
        action: str,
        message_ids: Sequence[int],
        fields: list[str],
        values: Any,
        *,
        summary: str,
        reason: str | None = None,
        compare: list[str] | None = None,
    ) -> TriageResult:
        """Apply ``values(row) -> {field: new} | refusal`` to each message; unchanged ones are skipped."""
        ids = list(dict.fromkeys(message_ids))
        now = self._desk.clock.now()
        actor = self._desk.agent_name
        undo = _Undo(action, "")
        changed: list[int] = []
        skipped: list[tuple[int, str]] = []
        with self._desk.store.transaction() as conn:
            rows = sql.message_fields(conn, ids, sorted(set(fields)))
            for mid in ids:
                row = rows.get(mid)
                if row is None:
                    continue
                if row["_direction"] != "in":
                    skipped.append((mid, "our own reply; only incoming messages are triaged"))
                    continue
                wanted = values(row)
                if isinstance(wanted, str):
                    skipped.append((mid, wanted))
                    continue
                diffs = [_Change(mid, f, row[f], v) for f, v in wanted.items() if row[f] != v]
                if not diffs or (compare and all(row[f] == wanted[f] for f in compare if f in wanted)):
                    skipped.append((mid, "already so"))
                    continue
                sql.set_fields(conn, mid, {c.field: c.new for c in diffs})
                for c in diffs:
                    self._event(conn, mid, now, actor, c.field, c.old, c.new, reason=reason)
                self._audit(conn, now, actor, f"triage.{action}", mid, _detail(diffs, reason=reason))
                undo.changes.extend(diffs)
                changed.append(mid)
        undo.summary = summary.replace("{n}", _count(len(changed)))
        return self._finish(undo, changed, tuple(skipped), missing=_missing(ids, rows))

    def _finish(
        self,
        undo: _Undo,
        changed: list[int],
        skipped: tuple[tuple[int, str], ...],
        *,
        missing: list[int],
        emit: bool = True,
    ) -> TriageResult:
        if changed:
            self._last = undo
            if emit:
                self._desk.events.emit(events.MESSAGES_CHANGED, ids=list(changed))
        skipped += tuple((mid, "there is no such message") for mid in missing)
        summary = undo.summary if changed else "Nothing changed"
        return TriageResult(undo.action, tuple(changed), skipped, summary)

    def _existing(self, conn: Connection, message_ids: Sequence[int]) -> list[int]:
        rows = sql.message_fields(conn, list(dict.fromkeys(message_ids)), ["status"])
        return [mid for mid in dict.fromkeys(message_ids) if mid in rows]

    def _known_agents(self) -> set[str]:
        return {agent.name for agent in self._desk.settings.agents()} | {self._desk.agent_name}

    def _event(
        self, conn: Connection, mid: int, now: datetime, actor: str, fld: str, old: Any, new: Any, *, reason: str | None
    ) -> None:
        if fld in ("handled_at", "priority", "due_at"):  # consequences of the change, not decisions: audit has them
            return
        message_sql.add_status_event(
            conn,
            message_id=mid,
            at=to_db_time(now) or "",
            actor=actor,
            field=fld,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
            reason=reason,
        )

    def _audit(
        self, conn: Connection, now: datetime, actor: str, action: str, mid: int, detail: dict[str, Any]
    ) -> None:
        audit.append(conn, at=now, actor=actor, action=action, entity="message", entity_id=mid, detail=detail)


def _tag_name(tag: str) -> str:
    name = " ".join(tag.split())
    if not name:
        raise InvalidInput("a tag needs a name")
    if len(name) > TAG_MAX:
        raise InvalidInput("a tag is at most {limit} characters long", limit=TAG_MAX)
    return name


def _detail(changes: Sequence[_Change], *, reason: str | None = None, undo: bool = False) -> dict[str, Any]:
    detail: dict[str, Any] = {c.field: ([c.new, c.old] if undo else [c.old, c.new]) for c in changes}
    if reason:
        detail["reason"] = reason
    return detail


def _missing(requested: Sequence[int], found: Any) -> list[int]:
    return [mid for mid in dict.fromkeys(requested) if mid not in found]


def _count(n: int) -> str:
    return f"{n} message" if n == 1 else f"{n} messages"
