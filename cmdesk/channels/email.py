"""E-mail inbox: IMAP in, SMTP out, threads from Message-ID / In-Reply-To / References.

The cursor is the mailbox's UIDVALIDITY and the highest UID stored. If the server
renumbers the mailbox (UIDVALIDITY changes) the whole mailbox is read again; that is
safe because a message's external id is its Message-ID and storing is idempotent.
MIME is parsed with the ``email`` package's modern policy; a message that cannot be
parsed is kept raw with the reason instead of stopping the sync.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import re
import smtplib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from cmdesk.channels.base import Delivery, OutgoingAction, Page, RejectedItem
from cmdesk.channels.errors import unsupported_action
from cmdesk.clock import Clock
from cmdesk.errors import ChannelError, InvalidInput, ReconnectNeeded, TransientChannelError
from cmdesk.model import Attachment, ChannelKind, IncomingMessage, MessageKind, OutboxAction

BATCH = 50
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # bigger parts are noted in the text, not stored
TIMEOUT_S = 30.0
_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class EmailSettings:
    address: str
    imap_host: str
    imap_port: int = 993
    smtp_host: str = ""
    smtp_port: int = 587
    username: str = ""  # login name; the address when empty
    mailbox: str = "INBOX"
    security: str = "tls"  # tls (IMAPS + SMTP STARTTLS) | none (local test servers only)
    sent_mailbox: str = ""  # where sent replies are filed, so a timed-out send can be checked

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> EmailSettings:
        try:
            address = str(settings["address"]).strip()
            imap_host = str(settings["imap_host"]).strip()
        except KeyError as missing:
            raise InvalidInput("an e-mail account needs the setting {setting}", setting=missing.args[0]) from None
        if "@" not in address:
            raise InvalidInput("{address!r} is not an e-mail address", address=address)
        security = str(settings.get("security", "tls"))
        if security not in ("tls", "none"):
            raise InvalidInput("security must be 'tls' or 'none'")
        try:
            return cls(
                address=address,
                imap_host=imap_host,
                imap_port=int(settings.get("imap_port", 993 if security == "tls" else 143)),
                smtp_host=str(settings.get("smtp_host", "")).strip(),
                smtp_port=int(settings.get("smtp_port", 587)),
                username=str(settings.get("username", "")).strip(),
                mailbox=str(settings.get("mailbox", "INBOX")) or "INBOX",
                security=security,
                sent_mailbox=str(settings.get("sent_mailbox", "")),
            )
        except ValueError:
            raise InvalidInput("imap_port and smtp_port must be numbers") from None

    @property
    def login(self) -> str:
        return self.username or self.address


class EmailConnector:
    """IMAP/SMTP connector; ``secret`` is the mailbox password (kept in the OS keyring by the account)."""

    kind = "email"

    def __init__(self, settings: dict[str, Any], secret: str | None, *, clock: Clock) -> None:
        self.settings = EmailSettings.from_settings(settings)
        self._secret = secret
        self._clock = clock

    # -- in ---------------------------------------------------------------------------------

    def fetch(self, cursor: dict[str, Any]) -> Page:
        with self._imap() as imap:
            validity = self._select(imap, self.settings.mailbox)
            last_uid = int(cursor.get("last_uid", 0)) if cursor.get("uidvalidity") == validity else 0
            uids = [uid for uid in self._uids_after(imap, last_uid) if uid > last_uid]
            batch = uids[:BATCH]
            items: list[IncomingMessage] = []
            rejected: list[RejectedItem] = []
            for uid in batch:
                raw = self._fetch_raw(imap, uid)
                try:
                    items.append(parse_message(raw, uid=uid, validity=validity, now=self._clock.now()))
                except Exception as err:  # a broken message must not stop the mailbox
                    rejected.append(
                        RejectedItem(
                            external_id=f"uid:{validity}:{uid}",
                            reason=f"cannot parse this e-mail ({type(err).__name__}: {err})",
                            raw={"uid": uid, "rfc822_base64": base64.b64encode(raw[:1_000_000]).decode()},
                        )
                    )
        new_cursor = {"uidvalidity": validity, "last_uid": batch[-1] if batch else last_uid}
        return Page(items=tuple(items), cursor=new_cursor, done=len(uids) <= BATCH, rejected=tuple(rejected))

    def _uids_after(self, imap: imaplib.IMAP4, last_uid: int) -> list[int]:
        status, data = imap.uid("SEARCH", f"UID {last_uid + 1}:*")
        if status != "OK":
            raise ChannelError("the mail server refused to list messages: {reply}", reply=_text(data))
        return sorted(int(x) for x in (data[0] or b"").split())

    def _fetch_raw(self, imap: imaplib.IMAP4, uid: int) -> bytes:
        status, data = imap.uid("FETCH", str(uid), "(BODY.PEEK[])")  # PEEK: reading must not mark mail as seen
        if status != "OK":
            raise TransientChannelError("the mail server did not return message {uid}", uid=uid)
        for part in data:
            if isinstance(part, tuple) and isinstance(part[1], bytes):
                return part[1]
        return b""

    # -- out --------------------------------------------------------------------------------

    def deliver(self, action: OutgoingAction) -> Delivery:
        if action.action not in (OutboxAction.REPLY, OutboxAction.PRIVATE_REPLY, OutboxAction.EMAIL):
            raise unsupported_action(ChannelKind.EMAIL, action.action)
        message = self.compose(action)
        self._send(message)
        if self.settings.sent_mailbox:
            self._file_in_sent(message)
        return Delivery(remote_id=str(message["Message-ID"]))

    def compose(self, action: OutgoingAction) -> EmailMessage:
        """The outgoing mail with threading headers, so the customer's mail program keeps the conversation."""
        extra = action.extra
        to = str(extra.get("to") or "").strip()
        if not to:
            raise InvalidInput("an e-mail needs a recipient ('to')")
        message = EmailMessage(policy=policy.SMTP)
        message["From"] = self.settings.address
        message["To"] = to
        message["Subject"] = str(extra.get("subject") or "")
        message["Date"] = self._clock.now()
        domain = self.settings.address.rsplit("@", 1)[1]
        message["Message-ID"] = str(extra.get("message_id") or make_msgid(domain=domain))
        parent = action.target_external_id
        if parent and _MSGID.fullmatch(parent):
            message["In-Reply-To"] = parent
            references = [r for r in _MSGID.findall(str(extra.get("references") or "")) if r != parent]
            message["References"] = " ".join([*references, parent])
        message.set_content(action.text)
        for attachment in extra.get("attachments") or []:
            data, filename, content_type = _attachment(attachment)
            maintype, _, subtype = content_type.partition("/")
            message.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)
        return message

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        if not s.smtp_host:
            raise InvalidInput("this e-mail account has no smtp_host; add it to send replies")
        try:
            with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_S) as smtp:
                if s.security == "tls":
                    smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo_or_helo_if_needed()
                if self._secret and smtp.has_extn("auth"):  # a local relay may take mail without a login
                    smtp.login(s.login, self._secret)
                smtp.send_message(message)
        except smtplib.SMTPAuthenticationError:
            raise ReconnectNeeded(
                "the mail server refused the login for {login}; enter the password again", login=s.login
            ) from None
        except smtplib.SMTPRecipientsRefused as err:
            raise ChannelError(
                "the mail server refused the recipient {recipients}", recipients=", ".join(err.recipients)
            ) from None
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as err:
            raise TransientChannelError(
                "cannot reach the mail server {host}: {reason}", host=s.smtp_host, reason=_reason(err)
            ) from None
        except smtplib.SMTPResponseException as err:
            if 400 <= err.smtp_code < 500:  # 4xx: try again later
                raise TransientChannelError("the mail server asks to retry later: {code}", code=err.smtp_code) from None
            raise ChannelError(
                "the mail server did not accept the e-mail: {code} {reply}",
                code=err.smtp_code,
                reply=_text([err.smtp_error]),
            ) from None
        except smtplib.SMTPException as err:
            raise ChannelError("the mail server did not accept the e-mail: {reason}", reason=str(err)) from None
        except OSError as err:
            raise TransientChannelError(
                "cannot reach the mail server {host}: {reason}", host=s.smtp_host, reason=_reason(err)
            ) from None

    def _file_in_sent(self, message: EmailMessage) -> None:
        try:
            with self._imap() as imap:
                imap.append(self.settings.sent_mailbox, r"(\Seen)", None, message.as_bytes())
        except ChannelError:
            pass  # the mail went out; a copy missing from Sent is not worth failing the delivery

    def find_delivered(self, action: OutgoingAction, *, since: datetime) -> Delivery | None:
        """Look for the Message-ID in the Sent folder; without one the desk cannot tell (a human verifies)."""
        message_id = str(action.extra.get("message_id") or "")
        if not self.settings.sent_mailbox or not message_id:
            raise NotImplementedError("no Sent folder configured to check")
        with self._imap() as imap:
            self._select(imap, self.settings.sent_mailbox)
            status, data = imap.uid("SEARCH", "HEADER", "Message-ID", _quote(message_id))
            found = status == "OK" and bool((data[0] or b"").split())
        return Delivery(remote_id=message_id) if found else None

    def check(self) -> str:
        with self._imap() as imap:
            self._select(imap, self.settings.mailbox)
            status, data = imap.uid("SEARCH", "ALL")
            count = len((data[0] or b"").split()) if status == "OK" else 0
        return f"{self.settings.address}: {count} message(s) in {self.settings.mailbox} on {self.settings.imap_host}"

    # -- IMAP session -----------------------------------------------------------------------

    def _imap(self) -> _ImapSession:
        return _ImapSession(self.settings, self._secret)

    def _select(self, imap: imaplib.IMAP4, mailbox: str) -> int:
        status, _data = imap.select(_quote(mailbox), readonly=True)
        if status != "OK":
            raise ChannelError(
                "the mailbox {mailbox!r} does not exist on {host}", mailbox=mailbox, host=self.settings.imap_host
            )
        _, validity = imap.response("UIDVALIDITY")
        try:
            return int(validity[0]) if validity and validity[0] else 0
        except (TypeError, ValueError):
            return 0


class _ImapSession:
    """Connect and log in on enter, log out on exit; errors become the desk's channel errors."""

    def __init__(self, settings: EmailSettings, secret: str | None) -> None:
        self.settings = settings
        self.secret = secret
        self.imap: imaplib.IMAP4 | None = None

    def __enter__(self) -> imaplib.IMAP4:
        s = self.settings
        if not self.secret:
            raise ReconnectNeeded("no password stored for {login}; set it with 'cmdesk accounts secret'", login=s.login)
        try:
            if s.security == "tls":
                self.imap = imaplib.IMAP4_SSL(s.imap_host, s.imap_port, timeout=TIMEOUT_S)
            else:
                self.imap = imaplib.IMAP4(s.imap_host, s.imap_port, timeout=TIMEOUT_S)
        except (OSError, imaplib.IMAP4.error) as err:
            raise TransientChannelError(
                "cannot reach the mail server {host}: {reason}", host=s.imap_host, reason=_reason(err)
            ) from None
        try:
            self.imap.login(s.login, self.secret)
        except imaplib.IMAP4.error:
            self._close()
            raise ReconnectNeeded(
                "the mail server refused the login for {login}; enter the password again", login=s.login
            ) from None
        return self.imap

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if isinstance(exc, (OSError, imaplib.IMAP4.abort)) and not isinstance(exc, ChannelError):
            self._close()
            raise TransientChannelError(
                "the connection to {host} broke: {reason}", host=self.settings.imap_host, reason=_reason(exc)
            ) from None
        self._close()

    def _close(self) -> None:
        if self.imap is None:
            return
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            self.imap.logout()
        self.imap = None


# -- parsing ------------------------------------------------------------------------------------


def parse_message(raw: bytes, *, uid: int, validity: int, now: datetime) -> IncomingMessage:
    """One RFC 5322 message as the desk stores it: sender, subject and text, thread, attachments."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if not raw.strip() or not message.keys():
        raise ValueError("empty message")
    message_id = _first_id(str(message.get("Message-ID", "")))
    external_id = message_id or f"uid:{validity}:{uid}"
    in_reply_to = _first_id(str(message.get("In-Reply-To", "")))
    references = _MSGID.findall(str(message.get("References", "")))
    thread = references[0] if references else (in_reply_to or external_id)
    sender = _sender(message)
    subject = _header_text(message, "Subject")
    body, attachments, notes = _body(message)
    text = "\n\n".join(part for part in (subject, body.strip(), *notes) if part)
    return IncomingMessage(
        external_id=external_id,
        kind=MessageKind.EMAIL,
        text=text,
        created_at=_date(message, now),
        author_external_id=sender.addr_spec.lower() if sender else None,
        author_name=(sender.display_name or sender.addr_spec) if sender else "unknown sender",
        author_handle=sender.addr_spec if sender else None,
        thread_external_id=thread,
        parent_external_id=in_reply_to,
        raw={"uid": uid, "uidvalidity": validity, "references": references},
        attachments=tuple(attachments),
    )


def _sender(message: EmailMessage) -> Address | None:
    try:
        header = message["From"]
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except Exception:
        return None
    return addresses[0] if addresses and addresses[0].addr_spec else None


def _header_text(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, "") or "").strip()
    except Exception:
        return ""


def _date(message: EmailMessage, now: datetime) -> datetime:
    try:
        parsed = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return now
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _body(message: EmailMessage) -> tuple[str, list[Attachment], list[str]]:
    """The readable text (plain preferred, HTML turned into text), the attachments, and notes on skipped parts."""
    attachments: list[Attachment] = []
    notes: list[str] = []
    plain: list[str] = []
    html: list[str] = []
    for part in _leaves(message):
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        content_type = part.get_content_type()
        if (
            disposition == "attachment"
            or (filename and disposition != "inline")
            or not content_type.startswith("text/")
        ):
            if content_type.startswith("multipart/"):
                continue
            data = part.get_payload(decode=True) or b""
            if not isinstance(data, bytes):
                data = b""
            name = filename or f"attachment.{content_type.rsplit('/', 1)[-1]}"
            if len(data) > MAX_ATTACHMENT_BYTES:
                notes.append(f"[attachment {name} not stored: {len(data) // 1_048_576} MB]")
                continue
            attachments.append(Attachment(filename=name, content_type=content_type, data=data))
            continue
        text = _part_text(part)
        (html if content_type == "text/html" else plain).append(text)
    body = "\n".join(plain) if plain else "\n".join(_html_to_text(h) for h in html)
    return body, attachments, notes


def _leaves(message: EmailMessage) -> Iterator[EmailMessage]:
    if message.is_multipart():
        for part in message.iter_parts():
            if isinstance(part, EmailMessage):
                yield from _leaves(part)
    else:
        yield message


def _part_text(part: EmailMessage) -> str:
    """Decoded text; an unknown or lying charset falls back to UTF-8 with replacement, never an exception."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeDecodeError, ValueError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""


class _TextFromHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_to_text(html: str) -> str:
    parser = _TextFromHtml()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()


def _first_id(value: str) -> str | None:
    found = _MSGID.search(value)
    return found.group(0) if found else None


def _attachment(spec: Any) -> tuple[bytes, str, str]:
    """An attachment given as {"path"} or {"filename", "content_type", "data_base64"}."""
    if not isinstance(spec, dict):
        raise InvalidInput("an attachment must be an object with a path or data")
    content_type = str(spec.get("content_type") or "application/octet-stream")
    if spec.get("path"):
        path = Path(str(spec["path"]))
        try:
            return path.read_bytes(), str(spec.get("filename") or path.name), content_type
        except OSError as err:
            raise InvalidInput("cannot attach {path}: {reason}", path=path, reason=err.strerror) from None
    try:
        data = base64.b64decode(str(spec["data_base64"]), validate=True)
    except (KeyError, ValueError):
        raise InvalidInput("an attachment needs a path or base64 data") from None
    return data, str(spec.get("filename") or "attachment"), content_type


def _quote(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(data: Any) -> str:
    return " ".join(x.decode(errors="replace") if isinstance(x, bytes) else str(x) for x in (data or []))


def _reason(err: BaseException) -> str:
    if isinstance(err, socket.timeout | TimeoutError):
        return "timed out"
    return str(err) or type(err).__name__
