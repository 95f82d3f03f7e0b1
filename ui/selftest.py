"""`cmdesk selftest`: the real window offscreen on a store, timed through start, filter, search and jump.

Prints one JSON line (startup_ms, first_page_ms, filter_ms, search_ms, jump_ms, rss_mb, rows, analysis, ...)
and optionally writes screenshots. benchmarks/window.py and scripts/screenshots.py run it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

SEARCH = "Nebenwirkung"


def analysis_code() -> str:
    """Which analysis code runs, "compiled" or "plain Python": the bundle must ship the compiled one."""
    from cmdesk.analysis import native

    return "compiled" if native.ACTIVE is not None else "plain Python"


def rss_mb() -> float:
    """Resident memory now (VmRSS), falling back to the peak where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

    from cmdesk.cli.common import passphrase, store_path
    from cmdesk.desk import Desk
    from cmdesk.errors import NoKeySource, UserError
    from cmdesk.store.keys import read_keyinfo
    from ui import i18n, theme
    from ui.app import DEMO_PASSPHRASE, application, create_demo
    from ui.bridge import DeskBridge
    from ui.gc_tuning import set_aside_startup_objects
    from ui.main_window import MainWindow

    def wait_for(signal: SignalInstance, timeout_ms: int = 60_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    app = application()
    i18n.install("en")
    theme.apply(app, "light")
    path = store_path(args) if getattr(args, "store", None) else store_path(argparse.Namespace(demo=True))
    secret = passphrase(args)
    if not path.exists():
        desk = create_demo(path, messages=args.messages, progress=lambda done, total: None)
        desk.close()
    if secret is None and read_keyinfo(path).mode == "passphrase":
        secret = DEMO_PASSPHRASE
    try:
        desk = Desk.open(path, passphrase=secret, agent=getattr(args, "agent", None))
    except UserError as err:
        raise NoKeySource(f"{err} (the selftest tries the demo passphrase; set CMDESK_PASSPHRASE)") from None
    bridge = DeskBridge(desk)
    figures: dict[str, Any] = {}
    try:
        window_started = time.perf_counter()
        window = MainWindow(bridge)
        window.resize(1366, 768)
        window.show()
        model, view = window.model, window.view

        def shown_after(action: Any) -> float:
            """When the list is first drawn after the query ``action`` starts has its first page.

            The paint the event loop makes anyway is the one timed; forcing another with repaint()
            would count the drawing twice.
            """
            marks: dict[str, float] = {}

            def page() -> None:
                marks.setdefault("page", time.perf_counter())

            def painted() -> None:
                if "page" in marks:
                    marks.setdefault("painted", time.perf_counter())

            model.first_page_ready.connect(page)
            view.painted.connect(painted)
            try:
                action()
                if "page" not in marks:
                    wait_for(model.first_page_ready)
                if "painted" not in marks:
                    wait_for(view.painted)
            finally:
                model.first_page_ready.disconnect(page)
                view.painted.disconnect(painted)
            return marks.get("painted", time.perf_counter())  # no paint at all: the time the wait gave up

        def timed(action: Any) -> float:
            began = time.perf_counter()
            return round((shown_after(action) - began) * 1000, 1)

        now = shown_after(lambda: None)
        figures["startup_ms"] = round((now - started) * 1000, 1)
        figures["first_page_ms"] = round((now - window_started) * 1000, 1)
        set_aside_startup_objects()  # as the app does once its first page is shown
        if not model.complete:
            wait_for(model.ids_loaded)
        figures["filter_ms"] = timed(
            lambda: _pick(window, view="all", chips={"statuses": ["open"], "moods": ["negative"]})
        )
        # the search is timed from a drawn list, as a user types it: not while the view's last page is painting
        shown_after(lambda: _pick(window, view="all", chips={}))
        figures["search_ms"] = timed(lambda: _search(window, SEARCH))
        figures["search_hits"] = model.rowCount()
        shown_after(lambda: _pick(window, view="all", chips={}))
        if not model.complete:
            wait_for(model.ids_loaded)
        figures["rows"] = model.rowCount()
        target = model.rowCount() - 1
        began = time.perf_counter()
        view.go_to_row(target)
        view.viewport().repaint()
        figures["jump_ms"] = round((time.perf_counter() - began) * 1000, 1)
        figures["jump_row"] = target
        figures["jump_shown"] = model.index(target, 3).data() is not None
        figures["rss_mb"] = rss_mb()
        figures["analysis"] = analysis_code()
        if args.screenshot:
            figures["screenshots"] = _screenshots(window, bridge, Path(args.screenshot), wait_for=wait_for)
        window.idle.detach()
        window.close()
    finally:
        bridge.close()
        desk.close()
    print(json.dumps(figures))
    return 0


def _pick(window: Any, *, view: str, chips: dict[str, Any]) -> None:
    window.search.field.clear()
    for key, chip in window.search.chips.items():
        chip.set_value(chips.get(key))
    window.views.select_view(view)  # as a click on the left would: highlights the view and runs the query


def _search(window: Any, text: str) -> None:
    window.search.field.setText(text)
    window.search.apply_now()


def _screenshots(window: Any, bridge: Any, folder: Path, *, wait_for: Any) -> list[str]:
    """The queue (a search with hits and one message open), the author panel, and the German window."""
    from ui import i18n
    from ui.main_window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []

    def save(widget: Any, name: str) -> None:
        target = folder / name
        widget.grab().save(str(target))
        written.append(str(target))

    _pick(window, view="my", chips={})
    wait_for(window.model.first_page_ready)
    window.view.go_to_row(2)
    _settle()
    save(window, "queue.png")
    _pick(window, view="all", chips={})
    wait_for(window.model.first_page_ready)
    _search(window, SEARCH)
    wait_for(window.model.first_page_ready)
    window.view.go_to_row(0)
    _settle()
    save(window, "search.png")
    save(window.author_panel, "author_panel.png")
    for name, show in (
        ("dashboard.png", window.show_dashboard),
        ("templates.png", window.show_template_library),
        ("accounts.png", window.show_accounts),
        ("pv_review.png", window.show_pv_review),
    ):
        show()
        _settle()
        other = window._windows[name.split(".")[0]]
        save(other, name)
        other.close()
    cases = bridge.desk.pv.list()
    if cases:
        from ui.pv.case_form import open_case_form

        form = open_case_form(bridge, window, case_id=cases[0].id)
        form.resize(1200, 760)
        _settle()
        _settle()
        save(form, "pv_case.png")
        form.close()
    i18n.install("de")
    german = MainWindow(bridge)
    german.resize(1366, 768)
    german.show()
    wait_for(german.model.first_page_ready)
    german.view.go_to_row(1)
    _settle()
    save(german, "queue_de.png")
    german.idle.detach()
    german.close()
    i18n.install("en")
    return written


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()
