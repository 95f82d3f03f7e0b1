"""Real mail servers for tests: Debian's dovecot (IMAP) and aiosmtpd (SMTP), both on 127.0.0.1.

dovecot needs root here (its login process drops to the ``dovenull`` user); where it is
missing or cannot start, the tests that need it skip and say why. ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/run/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dovecot_unavailable() -> str | None:
    """Why a dovecot test server cannot run here, or None when it can."""
    if shutil.which("dovecot") is None:
        return "dovecot is not installed (apt-get install dovecot-imapd; .ci/run does this)"
    if os.geteuid() != 0:
        return "the dovecot test server must start as root (its login process drops privileges)"
    return None


@dataclass
class ImapServer:
    host: str
    port: int
    users: dict[str, str]
    root: Path


@contextmanager
def dovecot(users: dict[str, str]) -> Iterator[ImapServer]:
    """A running dovecot; its folder is outside pytest's private (0700) temp tree, which its users cannot enter."""
    root = Path(tempfile.mkdtemp(prefix="cmdesk-imap-"))
    port = free_port()
    (root / "run" / "state").mkdir(parents=True, exist_ok=True)
    (root / "mail").mkdir(exist_ok=True)
    shutil.chown(root / "mail", "nobody", "nogroup")
    os.chmod(root, 0o755)
    (root / "users").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in users.items()))
    conf = root / "dovecot.conf"
    conf.write_text(CONFIG.format(root=root, port=port))
    # the daemon keeps inherited pipes open: give it none
    subprocess.run(
        ["dovecot", "-c", str(conf)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=30,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    log = (root / "dovecot.log").read_text(errors="replace")
                    raise RuntimeError(f"dovecot did not start: {log}") from None
                time.sleep(0.05)
        yield ImapServer("127.0.0.1", port, users, root)
    finally:
        subprocess.run(
            ["doveadm", "-c", str(conf), "stop"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=30,
        )


@dataclass
class SmtpServer:
    host: str
    port: int
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    from aiosmtpd.controller import Controller

    server = SmtpServer("127.0.0.1", free_port())

    class Handler:
        async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
            message = message_from_bytes(envelope.content, policy=policy.default)
            assert isinstance(message, EmailMessage)
            server.received.append(message)
            server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            return "250 OK"

    controller = Controller(Handler(), hostname=server.host, port=server.port)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
