"""Answering a message: every rule a reply must pass before it may go to the outbox, in one place.

The composer shows these problems while the community manager types, and the same
check runs again when they press Send (and from the CLI), so no path can post a
reply with a blank placeholder, over the channel's limit, or free text under a
suspected adverse event that drug safety has not cleared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cmdesk.channels.limits import LIMITS, check_reply
from cmdesk.errors import InvalidInput, UserError
from cmdesk.model import ChannelKind, MessageKind, OutboxAction
from cmdesk.templates.render import unfilled

if TYPE_CHECKING:
    from cmdesk.desk import Desk


@dataclass(frozen=True)
class ReplyCheck:
    problems: tuple[str, ...]  # one sentence each, shown under the editor
    placeholders: tuple[tuple[int, int, str], ...]  # unfilled {{...}} in the text, to highlight
    private_possible: bool
    max_chars: int | None
    template_only: bool  # free text is not allowed here: PV lock or the desk's setting

    @property
    def ok(self) -> bool:
        return not self.problems


def template_only_reason(desk: Desk, message_id: int) -> str | None:
    """Why only an unedited template may answer this message, or None when free text is fine."""
    if desk.templates.pv_locked(message_id):
        return "This message may report an adverse event: only PV-safe templates until a PV reviewer clears it."
    if not desk.settings.get("free_text_replies"):
        return "Free-text replies are switched off on this desk: choose an approved template."
    return None


def check(
    desk: Desk, message_id: int, text: str, *, private: bool = False, template_id: int | None = None
) -> ReplyCheck:
    """Everything that stands between ``text`` and the outbox."""
    detail = desk.messages.detail(message_id)
    message = detail.message
    kind = detail.account.kind
    problems: list[str] = []
    holes = unfilled(text)
    for _start, _end, name in holes:
        problems.append(f"{{{{{name}}}}} is not filled in.")
    problems += [
        p.text
        for p in check_reply(
            text,
            kind=kind,
            private=private,
            message_kind=message.kind,
            message_created_at=message.created_at,
            message_hidden=message.hidden,
            now=desk.clock.now(),
        )
    ]
    only_template = template_only_reason(desk, message_id)
    if template_id is not None:
        try:
            desk.templates.check_sendable(template_id, message_id=message_id)
        except UserError as err:
            problems.append(_sentence(str(err)))
    if only_template is not None:
        if template_id is None:
            problems.append(only_template)
        elif text != desk.templates.render(template_id, message_id=message_id).text:
            problems.append(only_template.split(":")[0] + ": the template text may not be changed.")
    limits = LIMITS[kind]
    return ReplyCheck(
        problems=tuple(dict.fromkeys(problems)),
        placeholders=tuple(holes),
        private_possible=limits.private_reply and message.kind not in (MessageKind.DIRECT_MESSAGE, MessageKind.EMAIL),
        max_chars=2000
        if kind == ChannelKind.FACEBOOK and (private or message.kind == MessageKind.DIRECT_MESSAGE)
        else limits.max_chars,
        template_only=only_template is not None,
    )


def send(desk: Desk, message_id: int, text: str, *, private: bool = False, template_id: int | None = None) -> int:
    """Check the reply once more and put it in the outbox; returns the outbox id. Usage is counted on success."""
    result = check(desk, message_id, text, private=private, template_id=template_id)
    if not result.ok:
        raise InvalidInput(" ".join(result.problems))
    detail = desk.messages.detail(message_id)
    extra: dict[str, object] = {}
    action = OutboxAction.PRIVATE_REPLY if private else OutboxAction.REPLY
    author = detail.author
    if detail.account.kind == ChannelKind.EMAIL:
        action = OutboxAction.REPLY
        subject = detail.message.text.split("\n", 1)[0].strip()
        extra = {
            "to": author.handle if author and author.handle else (author.external_id if author else ""),
            "subject": subject if subject.lower().startswith("re:") else f"Re: {subject}",
            "references": detail.message.thread_external_id or "",
        }
    elif detail.message.kind == MessageKind.DIRECT_MESSAGE and author is not None:
        extra = {"kind": "direct_message", "recipient_id": author.external_id}
    outbox_id = desk.outbox.queue(message_id, action, text, extra=extra)
    if template_id is not None:
        version = desk.templates.check_sendable(template_id, message_id=message_id)
        desk.templates.record_use(version.id, message_id=message_id)
    return outbox_id


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else text
