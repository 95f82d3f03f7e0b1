"""Store keys: a random 256-bit key in the OS keyring, or one derived from a passphrase.

Next to each store sits ``<store>.keyinfo.json``: the store's id, its key mode, the KDF salt
and a key check value (an HMAC of a constant under the key). It holds no secret; it lets
cmdesk tell "wrong passphrase" from "damaged file" and find the key in the keyring.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import keyring
import keyring.backend
import keyring.errors

from cmdesk.errors import NoKeySource, NotAStore, WrongKey

KEYRING_SERVICE = "cmdesk"
KDF_ITERATIONS = 210_000  # PBKDF2-HMAC-SHA512, the OWASP 2023 figure; about 0.2 s here
KeyMode = Literal["keyring", "passphrase"]


@dataclass(frozen=True)
class KeyInfo:
    store_id: str
    mode: KeyMode
    key_check: str
    salt: str | None = None
    iterations: int = KDF_ITERATIONS
    format: int = 1


def keyinfo_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keyinfo.json")


def read_keyinfo(store_path: Path) -> KeyInfo:
    path = keyinfo_path(store_path)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return KeyInfo(**data)
    except FileNotFoundError:
        raise NotAStore(
            "{store} has no key file ({file}); it is not a cmdesk store, or its key file was lost",
            store=store_path,
            file=path.name,
        ) from None
    except (ValueError, TypeError) as err:
        raise NotAStore(
            "the key file {path} is unreadable ({error_type})", path=path, error_type=err.__class__.__name__
        ) from None


def write_keyinfo(store_path: Path, info: KeyInfo) -> None:
    path = keyinfo_path(store_path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(info), indent=2), encoding="utf-8")
    os.replace(tmp, path)


def key_check(key: bytes) -> str:
    return hmac.new(key, b"cmdesk key check v1", hashlib.sha256).hexdigest()


def derive_key(passphrase: str, *, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, iterations, dklen=32)


def keyring_available(backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """False when only keyring's 'fail' backend is there (a headless machine with no Secret Service)."""
    kr = backend or keyring.get_keyring()
    return kr.priority > 0 and type(kr).__module__ != "keyring.backends.fail"


class KeyManager:
    """Makes and finds store keys; the keyring backend is injectable for tests."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    def new_key(self, *, mode: KeyMode, passphrase: str | None, store_id: str | None = None) -> tuple[bytes, KeyInfo]:
        """A fresh key and its key info; in keyring mode the key is saved in the keyring."""
        store_id = store_id or uuid.uuid4().hex
        if mode == "passphrase":
            if not passphrase:
                raise NoKeySource("passphrase mode needs a passphrase (CMDESK_PASSPHRASE or --passphrase-stdin)")
            salt = secrets.token_bytes(16)
            key = derive_key(passphrase, salt=salt, iterations=KDF_ITERATIONS)
            return key, KeyInfo(store_id=store_id, mode="passphrase", key_check=key_check(key), salt=salt.hex())
        key = secrets.token_bytes(32)
        self._keyring_set(store_id, key)
        return key, KeyInfo(store_id=store_id, mode="keyring", key_check=key_check(key))

    def key_for(self, info: KeyInfo, *, passphrase: str | None, label: str) -> bytes:
        """The key that opens the store described by ``info``; raises a user error if none."""
        if info.mode == "passphrase":
            if not passphrase:
                raise NoKeySource(
                    "{label} is protected by a passphrase: set CMDESK_PASSPHRASE or use --passphrase-stdin", label=label
                )
            key = derive_key(passphrase, salt=bytes.fromhex(info.salt or ""), iterations=info.iterations)
            if not hmac.compare_digest(key_check(key), info.key_check):
                raise WrongKey("wrong passphrase for {label}", label=label)
            return key
        key = self._keyring_get(info.store_id, label=label)
        if not hmac.compare_digest(key_check(key), info.key_check):
            raise WrongKey("the key in the OS keyring does not open {label} (it belongs to another store)", label=label)
        return key

    def forget(self, info: KeyInfo) -> None:
        """Remove a keyring-held key (after a rekey to passphrase mode)."""
        if info.mode == "keyring" and keyring_available(self.backend):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                self.backend.delete_password(KEYRING_SERVICE, _username(info.store_id))

    def _keyring_set(self, store_id: str, key: bytes) -> None:
        if not keyring_available(self.backend):
            raise NoKeySource(
                "no OS keyring is available on this machine to hold the store key; "
                "use a passphrase instead (CMDESK_PASSPHRASE, --passphrase-stdin or --passphrase mode)"
            )
        try:
            self.backend.set_password(KEYRING_SERVICE, _username(store_id), key.hex())
        except keyring.errors.KeyringError as err:
            raise NoKeySource(
                "the OS keyring refused to store the key ({error_type}); use a passphrase",
                error_type=err.__class__.__name__,
            ) from None

    def _keyring_get(self, store_id: str, *, label: str) -> bytes:
        if not keyring_available(self.backend):
            raise NoKeySource(
                "{label} keeps its key in the OS keyring, but no keyring is available here; unlock the session "
                "keyring, or rekey the store to a passphrase on a machine that has it",
                label=label,
            )
        try:
            value = self.backend.get_password(KEYRING_SERVICE, _username(store_id))
        except keyring.errors.KeyringError as err:
            raise NoKeySource(
                "the OS keyring could not be read ({error_type})", error_type=err.__class__.__name__
            ) from None
        if not value:
            raise NoKeySource(
                "the OS keyring holds no key for {label} (store id {store_id})", label=label, store_id=store_id
            )
        return bytes.fromhex(value)


def _username(store_id: str) -> str:
    return f"store:{store_id}"
