"""The compliance-approved reply library: versions, approval, expiry, suggestions, rendering, sharing.

Medical-legal review approves a template *version*: editing an approved text makes a
new draft that cannot be sent until it is approved again, and the approved text
stays in the history. Expiry is checked against the desk's clock at the moment of
sending, because an approval that ran out yesterday is no approval.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmdesk.channels.errors import CHANNEL_NAMES
from cmdesk.errors import InvalidInput, NotFound
from cmdesk.model import ChannelKind, Intent, PVScreening, Role
from cmdesk.paths import resources_dir
from cmdesk.store import audit
from cmdesk.store import templates as sql
from cmdesk.store.codec import from_db_time, to_db_time, to_json
from cmdesk.templates.model import Category, Template, TemplateVersion, VersionState
from cmdesk.templates.render import KNOWN, Rendered, first_name, placeholders, render

if TYPE_CHECKING:
    from cmdesk.desk import Desk
    from cmdesk.store.engine import Connection

EXPORT_FORMAT = "cmdesk-templates/1"

# Which categories suit a message, by what the analysis says it is.
_CATEGORIES_FOR_INTENT: dict[str, tuple[Category, ...]] = {
    Intent.ADVERSE_EVENT.value: (Category.PV_FOLLOW_UP,),
    Intent.COMPLAINT.value: (Category.ANSWER, Category.CRISIS),
    Intent.QUESTION.value: (Category.ANSWER,),
    Intent.PRAISE.value: (Category.THANKS,),
    Intent.EXPERIENCE.value: (Category.THANKS, Category.ANSWER),
    Intent.ABUSE.value: (Category.MODERATION,),
    Intent.SPAM.value: (Category.MODERATION,),
}


@dataclass(frozen=True)
class TemplateUse:
    template_id: int
    name: str
    language: str
    uses: int
    last_used_at: datetime | None


class TemplateService:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    # -- reading ---------------------------------------------------------------------------

    def get(self, template_id: int) -> Template:
        conn = self._desk.store.read()
        row = sql.template_row(conn, template_id)
        if row is None:
            raise NotFound("there is no template {template_id}", template_id=template_id)
        return self._template(conn, row)

    def library(
        self,
        *,
        language: str | None = None,
        category: Category | None = None,
        include_retired: bool = False,
    ) -> list[Template]:
        conn = self._desk.store.read()
        rows = sql.template_rows(conn, language=language, category=category.value if category else None)
        found = [self._template(conn, row) for row in rows]
        if include_retired:
            return found
        return [t for t in found if any(v.state != VersionState.RETIRED for v in t.versions)]

    def sendable(self, *, language: str | None = None, channel: str | None = None) -> list[Template]:
        """Templates with an approved, unexpired version, optionally for one language and channel."""
        now = self._desk.clock.now()
        return [
            t
            for t in self.library(language=language)
            if t.approved(now) is not None and (channel is None or t.allowed_on(channel))
        ]

    def search(self, query: str, *, language: str | None = None, channel: str | None = None) -> list[Template]:
        """The composer's "/" search: every word must appear in the name, a tag, the category or the text."""
        words = [w.casefold() for w in query.split() if w]
        result = []
        for t in self.sendable(language=language, channel=channel):
            version = t.approved(self._desk.clock.now())
            haystack = " ".join([t.name, t.category.value, *t.tags, version.body if version else ""]).casefold()
            if all(w in haystack for w in words):
                result.append(t)
        return sorted(result, key=lambda t: (-t.usage_count, t.name))

    def suggest(self, message_id: int, *, limit: int = 5) -> list[Template]:
        """Templates for a message: its language, channel and intent; PV-safe only while an AE is unresolved."""
        detail = self._desk.messages.detail(message_id)
        message = detail.message
        language = message.language if message.language in ("de", "en") else None
        pv_locked = self.pv_locked(message_id)
        categories = _CATEGORIES_FOR_INTENT.get(message.intent.value if message.intent else "", (Category.ANSWER,))
        candidates = [
            t
            for t in self.sendable(language=language, channel=detail.account.kind.value)
            if (t.pv_safe or not pv_locked)
        ]
        ranked = sorted(
            candidates,
            key=lambda t: (t.category not in categories, not (pv_locked and t.pv_safe), -t.usage_count, t.name),
        )
        return ranked[:limit]

    def pv_locked(self, message_id: int) -> bool:
        """A suspected adverse event not yet cleared by a PV reviewer: only PV-safe templates may answer it."""
        message = self._desk.messages.get(message_id)
        return message.pv_suspected and message.pv_screening in (PVScreening.UNSCREENED, PVScreening.CASE)

    def usage(self) -> list[TemplateUse]:
        rows = sql.usage_rows(self._desk.store.read())
        return [TemplateUse(r[0], r[1], r[2], int(r[3]), from_db_time(r[4])) for r in rows]

    # -- rendering -------------------------------------------------------------------------

    def values(self, message_id: int | None = None, *, case_reference: str | None = None) -> dict[str, str | None]:
        """What each placeholder stands for here; None where this message cannot tell."""
        settings = self._desk.settings
        agent = self._desk.agent_name
        values: dict[str, str | None] = dict.fromkeys(KNOWN)
        values.update(
            {
                "agent.name": agent,
                "agent.first_name": first_name(agent),
                "company": settings.get("company_name") or None,
                "safety.contact": settings.get("pv_safety_inbox") or None,
                "safety.phone": settings.get("pv_safety_phone") or None,
                "case.reference": case_reference,
            }
        )
        if message_id is not None:
            detail = self._desk.messages.detail(message_id)
            author = detail.author
            if author is not None:
                values["author.name"] = author.name or None
                values["author.first_name"] = first_name(author.name)
                values["author.handle"] = author.handle or None
            values["message.url"] = detail.message.url
            values["channel"] = detail.account.name
            products = [str(p) for p in detail.pv_signal.get("products", [])]
            known = {p.brand for p in settings.products()}
            ours = [p for p in products if p in known]
            values["product"] = (ours or products)[0] if (ours or products) else None
        return values

    def render(self, template_id: int, *, message_id: int | None = None, case_reference: str | None = None) -> Rendered:
        """The reply text of the template's sendable version (or its latest draft, for preview)."""
        template = self.get(template_id)
        version = template.approved(self._desk.clock.now()) or template.latest
        return render(version.body, self.values(message_id, case_reference=case_reference))

    def check_sendable(self, template_id: int, *, message_id: int | None = None) -> TemplateVersion:
        """The version that may be sent on this message, or InvalidInput saying why not."""
        template = self.get(template_id)
        now = self._desk.clock.now()
        version = template.approved(now)
        if version is None:
            latest = template.latest
            if latest.state == VersionState.APPROVED and latest.expires_at is not None and latest.expires_at <= now:
                raise InvalidInput(
                    "the approval of template {name!r} expired on {date:%Y-%m-%d}",
                    name=template.name,
                    date=latest.expires_at,
                )
            raise InvalidInput("template {name!r} has no approved version; it cannot be sent", name=template.name)
        if message_id is not None:
            if self.pv_locked(message_id) and not template.pv_safe:
                raise InvalidInput(
                    "this message may report an adverse event: only PV-safe templates may be used until a PV reviewer "
                    "clears it"
                )
            account = self._desk.messages.detail(message_id).account
            if not template.allowed_on(account.kind.value):
                raise _not_approved_for(account.kind, name=template.name)
        return version

    def record_use(self, version_id: int, *, message_id: int | None) -> None:
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            sql.record_use(
                conn, version_id, message_id=message_id, actor=self._desk.agent_name, at=to_db_time(now) or ""
            )

    # -- writing ---------------------------------------------------------------------------

    def create(
        self,
        *,
        name: str,
        category: Category,
        language: str,
        body: str,
        channels: Sequence[str] = (),
        tags: Sequence[str] = (),
        shortcut: str | None = None,
        pv_safe: bool = False,
    ) -> Template:
        name = name.strip()
        if not name or not body.strip():
            raise InvalidInput("a template needs a name and a text")
        if language not in ("de", "en"):
            raise InvalidInput("template language must be 'de' or 'en', not {language!r}", language=language)
        unknown = [c for c in channels if c not in {k.value for k in ChannelKind}]
        if unknown:
            raise InvalidInput("unknown channel {unknown!r}", unknown=unknown[0])
        _check_placeholders(body)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            if sql.exists(conn, name=name, language=language):
                raise InvalidInput("a {language} template named {name!r} exists already", language=language, name=name)
            template_id = sql.insert_template(
                conn,
                name=name,
                category=category.value,
                language=language,
                channels=to_json(list(channels)),
                tags=to_json(list(tags)),
                shortcut=shortcut,
                pv_safe=pv_safe,
                created_at=to_db_time(now) or "",
            )
            self._add_version(conn, template_id, 1, body, now)
            self._audit(conn, "template.create", template_id, {"name": name, "language": language, "body": body})
        return self.get(template_id)

    def edit(self, template_id: int, body: str) -> TemplateVersion:
        """A new text: the open draft is changed, or a new draft version starts (approved text stays in history)."""
        _check_placeholders(body)
        if not body.strip():
            raise InvalidInput("a template needs a text")
        template = self.get(template_id)
        latest = template.latest
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            if latest.state == VersionState.DRAFT:
                sql.set_body(conn, latest.id, body)
                self._audit(
                    conn, "template.edit", template_id, {"version": latest.version, "old": latest.body, "new": body}
                )
            else:
                self._add_version(conn, template_id, latest.version + 1, body, now)
                self._audit(conn, "template.new_version", template_id, {"version": latest.version + 1, "new": body})
        return self.get(template_id).latest

    def approve(self, template_id: int, *, reference: str, expires_at: datetime | None) -> TemplateVersion:
        """Approve the latest draft; only an approver may, and the approval reference is required."""
        self._require_approver()
        if not reference.strip():
            raise InvalidInput("approval needs the review reference (e.g. the medical-legal review number)")
        now = self._desk.clock.now()
        if expires_at is not None and expires_at <= now:
            raise InvalidInput("the approval's expiry date must lie in the future")
        template = self.get(template_id)
        draft = template.latest
        if draft.state != VersionState.DRAFT:
            raise InvalidInput("template {name!r} has no draft to approve", name=template.name)
        actor = self._desk.agent_name
        with self._desk.store.transaction() as conn:
            # the version approved before steps back: one approved text per template at a time
            for old in template.versions:
                if old.state == VersionState.APPROVED:
                    sql.set_state(conn, old.id, VersionState.RETIRED.value)
            at = to_db_time(now) or ""
            expires = to_db_time(expires_at)
            sql.approve(conn, draft.id, reference=reference.strip(), actor=actor, at=at, expires_at=expires)
            sql.add_approval_event(
                conn, draft.id, action="approved", actor=actor, reference=reference.strip(), at=at, expires_at=expires
            )
            self._audit(
                conn,
                "template.approve",
                template_id,
                {"version": draft.version, "reference": reference.strip(), "expires_at": to_db_time(expires_at)},
            )
        return self.get(template_id).latest

    def retire(self, template_id: int, *, reason: str = "") -> None:
        """Withdraw every version: the template can no longer be sent (its history stays)."""
        self._require_approver()
        template = self.get(template_id)
        now = self._desk.clock.now()
        with self._desk.store.transaction() as conn:
            for version in template.versions:
                if version.state != VersionState.RETIRED:
                    sql.set_state(conn, version.id, VersionState.RETIRED.value)
                    sql.add_approval_event(
                        conn,
                        version.id,
                        action="retired",
                        actor=self._desk.agent_name,
                        reference=reason or None,
                        at=to_db_time(now) or "",
                    )
            self._audit(conn, "template.retire", template_id, {"reason": reason})

    # -- sharing ---------------------------------------------------------------------------

    def export_json(self) -> dict[str, Any]:
        """The whole library with every version and approval, to share with another desk."""
        return {
            "format": EXPORT_FORMAT,
            "templates": [
                {
                    "name": t.name,
                    "category": t.category.value,
                    "language": t.language,
                    "channels": list(t.channels),
                    "tags": list(t.tags),
                    "shortcut": t.shortcut,
                    "pv_safe": t.pv_safe,
                    "versions": [
                        {
                            "version": v.version,
                            "body": v.body,
                            "state": v.state.value,
                            "approval_reference": v.approval_reference,
                            "approved_by": v.approved_by,
                            "approved_at": to_db_time(v.approved_at),
                            "expires_at": to_db_time(v.expires_at),
                        }
                        for v in t.versions
                    ],
                }
                for t in self.library(include_retired=True)
            ],
        }

    def import_json(self, data: Any, *, source: str = "import") -> list[int]:
        """Add templates from an export. Approvals travel with them (they name their reference and approver);
        a template that exists already by name and language is skipped, never overwritten."""
        if (
            not isinstance(data, dict)
            or data.get("format") != EXPORT_FORMAT
            or not isinstance(data.get("templates"), list)
        ):
            raise InvalidInput("not a cmdesk template library (expected format {expected!r})", expected=EXPORT_FORMAT)
        now = self._desk.clock.now()
        added: list[int] = []
        with self._desk.store.transaction() as conn:
            for n, item in enumerate(data["templates"], start=1):
                try:
                    fields = _import_fields(item)
                except (KeyError, TypeError, ValueError) as err:
                    raise InvalidInput(
                        "template {number} in the file is incomplete or malformed ({reason})", number=n, reason=str(err)
                    ) from None
                if sql.exists(conn, name=fields["name"], language=fields["language"]):
                    continue
                template_id = sql.insert_template(
                    conn,
                    name=fields["name"],
                    category=fields["category"],
                    language=fields["language"],
                    channels=to_json(fields["channels"]),
                    tags=to_json(fields["tags"]),
                    shortcut=fields["shortcut"],
                    pv_safe=bool(fields["pv_safe"]),
                    created_at=to_db_time(now) or "",
                )
                for v in fields["versions"]:
                    sql.insert_version(
                        conn,
                        template_id=template_id,
                        version=int(v["version"]),
                        body=str(v["body"]),
                        state=str(v["state"]),
                        created_by=source,
                        created_at=to_db_time(now) or "",
                        approval_reference=v.get("approval_reference"),
                        approved_by=v.get("approved_by"),
                        approved_at=v.get("approved_at"),
                        expires_at=v.get("expires_at"),
                    )
                self._audit(conn, "template.import", template_id, {"name": fields["name"], "source": source})
                added.append(template_id)
        return added

    def install_defaults(self, *, approved_reference: str | None = None, expires_at: datetime | None = None) -> int:
        """Load the shipped library (resources/templates). Its texts arrive as drafts for the customer's own
        medical-legal review; the demo passes a reference to start with approved templates."""
        added = 0
        for path in sorted((resources_dir() / "templates").glob("*.json")):
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if approved_reference:
                for item in data["templates"]:
                    for v in item["versions"]:
                        v.update(
                            state="approved",
                            approval_reference=approved_reference,
                            approved_by="demo",
                            approved_at=to_db_time(self._desk.clock.now()),
                            expires_at=to_db_time(expires_at),
                        )
            added += len(self.import_json(data, source=f"default library {path.name}"))
        return added

    # -- helpers ---------------------------------------------------------------------------

    def _require_approver(self) -> None:
        me = self._desk.agent_name
        roles = {a.role for a in self._desk.settings.agents() if a.name == me}
        if Role.APPROVER not in roles:
            raise InvalidInput(
                "{user} is not an approver; only a user with the approver role can approve or retire", user=me
            )

    def _add_version(self, conn: Connection, template_id: int, version: int, body: str, now: datetime) -> None:
        sql.insert_version(
            conn,
            template_id=template_id,
            version=version,
            body=body,
            state=VersionState.DRAFT.value,
            created_by=self._desk.agent_name,
            created_at=to_db_time(now) or "",
        )

    def _audit(self, conn: Connection, action: str, template_id: int, detail: dict[str, Any]) -> None:
        audit.append(
            conn,
            at=self._desk.clock.now(),
            actor=self._desk.agent_name,
            action=action,
            entity="template",
            entity_id=template_id,
            detail=detail,
        )

    def _template(self, conn: Connection, row: Sequence[Any]) -> Template:
        versions = tuple(
            TemplateVersion(
                id=v[0],
                version=v[1],
                body=v[2],
                state=VersionState(v[3]),
                created_by=v[4],
                created_at=from_db_time(v[5]) or self._desk.clock.now(),
                approval_reference=v[6],
                approved_by=v[7],
                approved_at=from_db_time(v[8]),
                expires_at=from_db_time(v[9]),
            )
            for v in sql.version_rows(conn, row[0])
        )
        return Template(
            id=row[0],
            name=row[1],
            category=Category(row[2]),
            language=row[3],
            channels=tuple(json.loads(row[4] or "[]")),
            tags=tuple(json.loads(row[5] or "[]")),
            shortcut=row[6],
            pv_safe=bool(row[7]),
            usage_count=int(row[8]),
            versions=versions,
        )


def _check_placeholders(body: str) -> None:
    unknown = [p for p in placeholders(body) if p not in KNOWN]
    if unknown:
        known = ", ".join("{{" + k + "}}" for k in KNOWN)
        raise InvalidInput(
            "unknown placeholder {placeholder}; known: {known}", placeholder=f"{{{{{unknown[0]}}}}}", known=known
        )


def _import_fields(item: Any) -> dict[str, Any]:
    category = Category(item["category"]).value
    language = str(item["language"])
    if language not in ("de", "en"):
        raise ValueError(f"language {language!r}")
    versions = item["versions"]
    if not isinstance(versions, list) or not versions:
        raise ValueError("no versions")
    for v in versions:
        VersionState(v["state"])
        _check_placeholders(str(v["body"]))
        int(v["version"])
    return {
        "name": str(item["name"]).strip(),
        "category": category,
        "language": language,
        "channels": [str(c) for c in _list(item.get("channels"))],
        "tags": [str(t) for t in _list(item.get("tags"))],
        "shortcut": item.get("shortcut"),
        "pv_safe": bool(item.get("pv_safe", False)),
        "versions": versions,
    }


def _list(value: Any) -> Iterable[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _not_approved_for(kind: ChannelKind, *, name: str) -> InvalidInput:
    """A kind without a brand name is part of the sentence, so the German window gets no English kind word."""
    if kind is ChannelKind.EMAIL:
        return InvalidInput("template {name!r} is not approved for e-mail", name=name)
    if kind is ChannelKind.FILE:
        return InvalidInput("template {name!r} is not approved for imported messages", name=name)
    return InvalidInput("template {name!r} is not approved for {channel}", name=name, channel=CHANNEL_NAMES[kind])
