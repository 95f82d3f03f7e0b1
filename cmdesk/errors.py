"""One hierarchy of errors: those a user can cause or fix carry a message fit to show."""

from __future__ import annotations


class CmdeskError(Exception):
    """Base of every error cmdesk raises on purpose."""


class UserError(CmdeskError):
    """Something the user can cause or fix; ``str(err)`` is one clear line to show them.

    The CLI prints it and exits 2; the window shows it in a message box. It never
    contains a secret (key, passphrase, token), neither in the text nor in ``params``.

    Raise it with an English template and named params, ``InvalidInput("The date {date} is in
    the future.", date=text)``, so that the window can translate the literal template
    (context "errors") and fill in the params, while ``str(err)`` stays English for the CLI
    and the log. A message given without params is its own template and is not formatted,
    so old-style ``InvalidInput(f"...")`` keeps working (it just cannot be translated).
    """

    def __init__(self, template: str = "", /, **params: object) -> None:
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.params: dict[str, object] = params


class StoreError(UserError):
    """The store cannot be opened or written as asked."""


class WrongKey(StoreError):
    """The passphrase or key does not open this store."""


class NoKeySource(StoreError):
    """Neither a keyring nor a passphrase is available to unlock the store."""


class NotAStore(StoreError):
    """The file is not a cmdesk store (plain SQLite, another file, or its key file is missing)."""


class StoreDamaged(StoreError):
    """The key is right but the data cannot be read: truncated or corrupt."""


class NewerSchema(StoreError):
    """The store was written by a newer cmdesk than this one."""


class StoreFull(StoreError):
    """A write failed for lack of space; the transaction was rolled back."""


class StoreLocked(StoreError):
    """The desk is locked; unlock it before reading or writing."""


class NotFound(UserError):
    """A named thing (message, account, case, template) does not exist."""


class InvalidInput(UserError):
    """A value the user gave is not acceptable (with the reason)."""


class ChannelError(UserError):
    """A channel could not be reached or refused a request; the account shows it."""


class ReconnectNeeded(ChannelError):
    """The channel's token expired or was revoked: the account needs reconnecting."""


class RateLimited(ChannelError):
    """The channel asks us to slow down until ``retry_at``."""

    def __init__(self, template: str, /, *, retry_after_s: float, **params: object) -> None:
        super().__init__(template, **params)
        self.retry_after_s = retry_after_s


class TransientChannelError(ChannelError):
    """A failure worth retrying later: 5xx, timeout, connection reset."""
