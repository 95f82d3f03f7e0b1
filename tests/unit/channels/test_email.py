"""The e-mail connector against a real IMAP server (dovecot) and a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from cmdesk.channels.base import OutgoingAction
from cmdesk.channels.email import EmailConnector, parse_message
from cmdesk.clock import FixedClock, utc
from cmdesk.errors import ChannelError, InvalidInput, ReconnectNeeded, TransientChannelError
from cmdesk.model import Attachment, MessageKind, OutboxAction
from tests.conftest import NOW
from tests.support.mail_servers import ImapServer, SmtpServer, dovecot, dovecot_unavailable, free_port, smtp_server

imap_needed = pytest.mark.skipif(dovecot_unavailable() is not None, reason=dovecot_unavailable() or "")


@pytest.fixture(scope="module")
def imap() -> Iterator[ImapServer]:
    with dovecot({"service@novalind.example": "s3cret"}) as server:
        yield server


@pytest.fixture
def mailbox(imap: ImapServer) -> Iterator[imaplib.IMAP4]:
    """A logged-in client that empties INBOX before each test."""
    client = imaplib.IMAP4(imap.host, imap.port)
    client.login("service@novalind.example", "s3cret")
    client.select("INBOX")
    client.store("1:*", "+FLAGS", r"(\Deleted)") if client.search(None, "ALL")[1][0] else None
    client.expunge()
    yield client
    client.logout()


def connector(imap: ImapServer, *, secret: str | None = "s3cret", **extra: Any) -> EmailConnector:
    settings = {
        "address": "service@novalind.example",
        "imap_host": imap.host,
        "imap_port": imap.port,
        "security": "none",
        **extra,
    }
    return EmailConnector(settings, secret, clock=FixedClock(NOW))


def mail(
    n: int, *, subject: str = "Frage zu Cardiolin", body: str = "Hallo, ich habe eine Frage.", **headers: str
) -> bytes:
    message = EmailMessage()
    message["From"] = headers.pop("From", f"Jürgen Schäfer <juergen{n}@mail.example>")
    message["To"] = "service@novalind.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 23 Nov 2026 10:15:00 +0100"
    message["Message-ID"] = f"<m{n}@mail.example>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def append(client: imaplib.IMAP4, raw: bytes) -> None:
    status, _ = client.append("INBOX", None, None, raw)
    assert status == "OK"


@imap_needed
def test_fetch_reads_new_mail_in_pages_and_resumes_from_the_cursor(
    imap: ImapServer, mailbox: imaplib.IMAP4, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cmdesk.channels.email.BATCH", 2)
    for n in range(1, 4):
        append(mailbox, mail(n))
    c = connector(imap)
    first = c.fetch({})
    assert ([m.external_id for m in first.items], first.done) == (["<m1@mail.example>", "<m2@mail.example>"], False)
    second = c.fetch(first.cursor)
    assert ([m.external_id for m in second.items], second.done) == (["<m3@mail.example>"], True)
    assert c.fetch(second.cursor).items == ()
    append(mailbox, mail(4))
    assert [m.external_id for m in c.fetch(second.cursor).items] == ["<m4@mail.example>"]


@imap_needed
def test_a_changed_uidvalidity_reads_the_mailbox_again(imap: ImapServer, mailbox: imaplib.IMAP4) -> None:
    append(mailbox, mail(1))
    c = connector(imap)
    page = c.fetch({})
    stale = {"uidvalidity": page.cursor["uidvalidity"] + 1, "last_uid": 99}
    assert [m.external_id for m in c.fetch(stale).items] == ["<m1@mail.example>"]


@imap_needed
def test_a_message_is_normalised_with_sender_thread_and_attachment(imap: ImapServer, mailbox: imaplib.IMAP4) -> None:
    message = EmailMessage()
    message["From"] = "Jürgen Schäfer <Juergen@Mail.example>"
    message["To"] = "service@novalind.example"
    message["Subject"] = "Re: Nebenwirkung Cardiolin"
    message["Date"] = "Mon, 23 Nov 2026 10:15:00 +0100"
    message["Message-ID"] = "<reply2@mail.example>"
    message["In-Reply-To"] = "<ours1@novalind.example>"
    message["References"] = "<first0@mail.example> <ours1@novalind.example>"
    message.set_content("Seit ich Cardiolin nehme, habe ich Ausschlag.")
    message.add_attachment(b"%PDF-1.4 photo", maintype="application", subtype="pdf", filename="befund.pdf")
    append(mailbox, message.as_bytes())
    [item] = connector(imap).fetch({}).items
    assert (
        item.external_id,
        item.kind,
        item.text,
        item.created_at,
        item.author_external_id,
        item.author_name,
        item.thread_external_id,
        item.parent_external_id,
        item.attachments,
    ) == (
        "<reply2@mail.example>",
        MessageKind.EMAIL,
        "Re: Nebenwirkung Cardiolin\n\nSeit ich Cardiolin nehme, habe ich Ausschlag.",
        utc(2026, 11, 23, 9, 15),
        "juergen@mail.example",
        "Jürgen Schäfer",
        "<first0@mail.example>",
        "<ours1@novalind.example>",
        (Attachment("befund.pdf", "application/pdf", b"%PDF-1.4 photo"),),
    )


@imap_needed
def test_fetching_does_not_mark_mail_as_read(imap: ImapServer, mailbox: imaplib.IMAP4) -> None:
    append(mailbox, mail(1))
    connector(imap).fetch({})
    assert mailbox.search(None, "UNSEEN")[1][0] == b"1"


@imap_needed
def test_a_wrong_password_means_reconnect_needed_and_no_password_says_how_to_set_it(imap: ImapServer) -> None:
    with pytest.raises(ReconnectNeeded, match=r"refused the login for service@novalind\.example"):
        connector(imap, secret="wrong").fetch({})
    with pytest.raises(ReconnectNeeded, match="cmdesk accounts secret"):
        connector(imap, secret=None).fetch({})


def test_an_unreachable_server_is_a_transient_error() -> None:
    c = EmailConnector(
        {"address": "a@b.example", "imap_host": "127.0.0.1", "imap_port": free_port(), "security": "none"},
        "x",
        clock=FixedClock(NOW),
    )
    with pytest.raises(TransientChannelError, match=r"cannot reach the mail server 127\.0\.0\.1"):
        c.fetch({})


def test_broken_mime_and_bad_utf8_are_read_with_replacement_never_a_crash() -> None:
    raw = (
        b"From: =?utf-8?q?M=C3=BCller?= <m@x.example>\r\nSubject: Hilfe\r\nMessage-ID: <b1@x.example>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"Mir ist \xff\xfe schlecht\r\n"
    )
    item = parse_message(raw, uid=7, validity=1, now=NOW)
    assert (item.author_name, item.text, item.created_at) == ("Müller", "Hilfe\n\nMir ist \ufffd\ufffd schlecht", NOW)
    unknown_charset = raw.replace(b"charset=utf-8", b"charset=x-nonsense")
    assert parse_message(unknown_charset, uid=8, validity=1, now=NOW).text == "Hilfe\n\nMir ist \ufffd\ufffd schlecht"


def test_html_only_mail_becomes_plain_text_without_markup() -> None:
    message = EmailMessage()
    message["From"] = "x@y.example"
    message["Message-ID"] = "<h1@y.example>"
    message.set_content("<p>Hallo<br><b>fett</b></p><script>alert(1)</script>", subtype="html")
    assert parse_message(message.as_bytes(), uid=1, validity=1, now=NOW).text == "Hallo\nfett"


def test_a_mail_without_message_id_gets_a_stable_id_from_its_uid() -> None:
    item = parse_message(b"From: x@y.example\r\nSubject: s\r\n\r\nbody", uid=42, validity=9, now=NOW)
    assert (item.external_id, item.thread_external_id) == ("uid:9:42", "uid:9:42")


def test_an_empty_message_is_rejected_by_the_parser() -> None:
    with pytest.raises(ValueError, match="empty message"):
        parse_message(b"", uid=1, validity=1, now=NOW)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def test_a_reply_goes_out_by_smtp_with_threading_headers_and_attachments(smtp: SmtpServer, tmp_path: Path) -> None:
    pdf = tmp_path / "CMD-2026-000001.pdf"
    pdf.write_bytes(b"%PDF-1.4 case")
    c = EmailConnector(
        {
            "address": "service@novalind.example",
            "imap_host": "unused",
            "smtp_host": smtp.host,
            "smtp_port": smtp.port,
            "security": "none",
        },
        None,
        clock=FixedClock(NOW),
    )
    delivery = c.deliver(
        OutgoingAction(
            action=OutboxAction.REPLY,
            text="Guten Tag Herr Schäfer,\nvielen Dank.",
            target_external_id="<reply2@mail.example>",
            extra={
                "to": "juergen@mail.example",
                "subject": "Re: Nebenwirkung Cardiolin",
                "references": "<first0@mail.example> <ours1@novalind.example>",
                "message_id": "<out-17@novalind.example>",
                "attachments": [{"path": str(pdf), "content_type": "application/pdf"}],
            },
        )
    )
    [sent] = smtp.received
    assert delivery.remote_id == "<out-17@novalind.example>"
    assert smtp.envelopes == [("service@novalind.example", ["juergen@mail.example"])]
    assert (sent["Message-ID"], sent["In-Reply-To"], str(sent["References"]).strip(), sent["Subject"]) == (
        "<out-17@novalind.example>",
        "<reply2@mail.example>",
        "<first0@mail.example> <ours1@novalind.example> <reply2@mail.example>",
        "Re: Nebenwirkung Cardiolin",
    )
    body = sent.get_body(("plain",))
    assert body is not None and body.get_content().replace("\r\n", "\n") == "Guten Tag Herr Schäfer,\nvielen Dank.\n"
    [attached] = list(sent.iter_attachments())
    assert (attached.get_filename(), attached.get_content()) == ("CMD-2026-000001.pdf", b"%PDF-1.4 case")


def test_sending_without_recipient_or_smtp_host_says_what_is_missing(smtp: SmtpServer) -> None:
    base = {"address": "service@novalind.example", "imap_host": "unused", "security": "none"}
    action = OutgoingAction(action=OutboxAction.EMAIL, text="x", extra={"to": "a@b.example"})
    with pytest.raises(InvalidInput, match="no smtp_host"):
        EmailConnector(base, None, clock=FixedClock(NOW)).deliver(action)
    with_smtp = EmailConnector({**base, "smtp_host": smtp.host, "smtp_port": smtp.port}, None, clock=FixedClock(NOW))
    with pytest.raises(InvalidInput, match="needs a recipient"):
        with_smtp.deliver(OutgoingAction(action=OutboxAction.EMAIL, text="x"))


def test_a_moderation_action_is_refused_in_a_whole_sentence() -> None:
    c = EmailConnector({"address": "service@novalind.example", "imap_host": "unused"}, None, clock=FixedClock(NOW))
    with pytest.raises(ChannelError) as err:
        c.deliver(OutgoingAction(action=OutboxAction.SET_MODERATION, target_external_id="<m1@n.example>"))
    assert (type(err.value), str(err.value), err.value.params) == (
        ChannelError,
        "E-mail cannot set a moderation status.",
        {},
    )


def test_an_unreachable_smtp_server_is_transient() -> None:
    c = EmailConnector(
        {
            "address": "s@n.example",
            "imap_host": "x",
            "smtp_host": "127.0.0.1",
            "smtp_port": free_port(),
            "security": "none",
        },
        None,
        clock=FixedClock(NOW),
    )
    with pytest.raises(TransientChannelError, match=r"cannot reach the mail server 127\.0\.0\.1"):
        c.deliver(OutgoingAction(action=OutboxAction.EMAIL, text="x", extra={"to": "a@b.example"}))


@imap_needed
def test_after_a_timeout_the_sent_folder_tells_whether_the_mail_went_out(
    imap: ImapServer, mailbox: imaplib.IMAP4, smtp: SmtpServer
) -> None:
    mailbox.create("Sent")
    c = connector(imap, smtp_host=smtp.host, smtp_port=smtp.port, sent_mailbox="Sent")
    sent = OutgoingAction(
        action=OutboxAction.EMAIL, text="x", extra={"to": "a@b.example", "message_id": "<s1@n.example>"}
    )
    c.deliver(sent)
    never = OutgoingAction(
        action=OutboxAction.EMAIL, text="x", extra={"to": "a@b.example", "message_id": "<s2@n.example>"}
    )
    assert (c.find_delivered(sent, since=NOW), c.find_delivered(never, since=NOW)) == (
        c.find_delivered(sent, since=NOW),
        None,
    )
    assert c.find_delivered(sent, since=NOW) is not None
    with pytest.raises(NotImplementedError):
        connector(imap).find_delivered(sent, since=NOW)
