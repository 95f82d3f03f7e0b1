"""The `cmdesk` command: its process is protected before any store is opened."""

from __future__ import annotations

import pytest

from ui import launcher


def test_the_command_protects_its_process_before_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(launcher, "protect_process", lambda: calls.append("protect"))
    monkeypatch.setattr(launcher, "main", lambda argv=None: len(calls.append("main") or []))
    assert (launcher.run(), calls) == (0, ["protect", "main"])
