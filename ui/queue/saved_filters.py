"""Saved custom filters: a view plus chips under a name the user chose, kept per user in a JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cmdesk.paths import data_dir


class SavedFilters:
    """Name -> {"view", "search", "chips"}; written atomically; an unreadable file counts as empty."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "saved_filters.json"

    def all(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def save(self, name: str, *, view: str, search: str, chips: dict[str, Any]) -> None:
        data = self.all()
        data[name] = {"view": view, "search": search, "chips": chips}
        self._write(data)

    def remove(self, name: str) -> None:
        data = self.all()
        if data.pop(name, None) is not None:
            self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
