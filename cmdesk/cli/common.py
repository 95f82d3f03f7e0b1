"""What every subcommand needs: opening the desk with the right key source, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from cmdesk.desk import Desk
from cmdesk.paths import default_store_path, demo_store_path


def store_path(args: argparse.Namespace) -> Path:
    if getattr(args, "store", None):
        return Path(args.store).expanduser()
    if os.environ.get("CMDESK_STORE"):
        return Path(os.environ["CMDESK_STORE"]).expanduser()
    if getattr(args, "demo", False):
        return demo_store_path()
    return default_store_path()


_stdin_passphrase: str | None = None


def passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-stdin (read once) or CMDESK_PASSPHRASE, else None."""
    global _stdin_passphrase
    if getattr(args, "passphrase_stdin", False):
        if _stdin_passphrase is None:
            _stdin_passphrase = sys.stdin.readline().rstrip("\r\n")
        return _stdin_passphrase
    return os.environ.get("CMDESK_PASSPHRASE") or None


def open_desk(args: argparse.Namespace) -> Desk:
    return Desk.open(store_path(args), passphrase=passphrase(args), agent=getattr(args, "agent", None))


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, default=str))
