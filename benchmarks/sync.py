"""Sync figures: comments from a local Graph-shaped server through the whole pipeline.

    python benchmarks/sync.py [--comments 100000] [--posts 100] [--page-size 0] [--dir DIR]

The real Facebook connector fetches over HTTP from 127.0.0.1, the sync engine
normalises and analyses every page on its fetch thread and stores it in one transaction
with its cursor (together with the pages fetched while the store was busy), on a desk it
has opened (as the app does on every start; opening sets the store's everyday pragmas).
Prints messages per second (target >= 5,000), the CPU time of this process (steadier than
wall time on a shared machine) and peak memory (max RSS), then a JSON line.

``GraphFake`` is also used by tests/integration/test_sync_crash.py (``--serve`` runs it alone).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import keyring.backend

TARGET_PER_S = 5_000
PAGE_ID = "1000"
T0 = 1_763_000_000  # 2025-11-13: created times count up from here, one second per comment

_TEMPLATES = [
    "Can I take {p} in the evening or only in the morning?",
    "Since I started {p} I have had a terrible {s} for {d} days.",
    "Thank you for the info about {p}, very helpful!",
    "Where do I find the leaflet for {p}? My pharmacy has no idea.",
    "Mein Arzt hat mir {p} verschrieben, seitdem habe ich {s}.",
    "Ist {p} auch für Kinder geeignet?",
    "After two weeks on {p} my {s} is much better, great product",
    "This company only cares about money. {p} is far too expensive!",
]
_PRODUCTS = ["Cardiolin", "Dermavel", "Glucotren", "Respiflo", "Osteomax"]
_SYMPTOMS = ["headache", "rash", "nausea", "dizziness", "Kopfschmerzen", "Hautausschlag"]


def comment_text(n: int) -> str:
    rng = random.Random(n)
    return rng.choice(_TEMPLATES).format(p=rng.choice(_PRODUCTS), s=rng.choice(_SYMPTOMS), d=rng.randint(2, 30))


def graph_time(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(ts))


class GraphFake:
    """A Facebook Page with ``posts`` posts sharing ``comments`` comments, served as the Graph API pages them.

    Comments come newest first, ``limit`` per page (or ``page_size`` if set) with an ``after`` cursor in
    ``paging.next``, as Graph does. Everything is computed from the numbers, so any page can be re-served.
    """

    def __init__(self, *, comments: int, posts: int, page_size: int = 0) -> None:
        self.comments = comments
        self.posts = posts
        self.page_size = page_size
        self.requests = 0
        self.base_url = ""
        self._server: ThreadingHTTPServer | None = None

    def post_id(self, p: int) -> str:
        return f"{PAGE_ID}_{p}"

    def comments_of(self, p: int) -> range:
        """Comment numbers of post ``p``: an even split, the remainder to the last post."""
        per = self.comments // self.posts
        end = self.comments if p == self.posts - 1 else (p + 1) * per
        return range(p * per, end)

    def answer(self, path: str, query: dict[str, str], base: str) -> tuple[int, Any]:
        self.requests += 1
        parts = [p for p in path.split("/") if p]
        if len(parts) == 1 and parts[0] in ("me", PAGE_ID):
            return 200, {"id": PAGE_ID, "name": "Benchmark Page"}
        if len(parts) != 2:
            return 404, {"error": {"message": "Unknown path", "type": "GraphMethodException", "code": 100}}
        node, edge = parts
        if edge == "posts" and node == PAGE_ID:
            data = [
                {
                    "id": self.post_id(p),
                    "message": f"Post number {p}: news about our products",
                    "created_time": graph_time(T0 - 3600 + p),
                    "from": {"id": PAGE_ID, "name": "Benchmark Page"},
                    "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/{p}",
                }
                for p in range(self.posts)
            ]
            return 200, {"data": data, "paging": {}}
        if edge == "conversations":
            return 200, {"data": [], "paging": {}}
        if edge == "comments" and node.startswith(PAGE_ID + "_"):
            p = int(node.split("_", 1)[1])
            numbers = list(reversed(self.comments_of(p)))  # reverse chronological
            limit = self.page_size or int(query.get("limit", "25"))
            start = int(query.get("after", "0"))
            chunk = numbers[start : start + limit]
            comments: list[dict[str, Any]] = [
                {
                    "id": f"{node}_{n}",
                    "message": comment_text(n),
                    "from": {"id": f"u{n % 5000}", "name": f"User {n % 5000}"},
                    "created_time": graph_time(T0 + n),
                    "permalink_url": f"https://www.facebook.com/{node}?comment_id={n}",
                    "is_hidden": False,
                }
                for n in chunk
            ]
            paging: dict[str, Any] = {"cursors": {"after": str(start + limit)}}
            if start + limit < len(numbers):
                nxt = {"limit": str(limit), "after": str(start + limit), "access_token": "secret-token"}
                paging["next"] = f"{base}/{node}/comments?{urlencode(nxt)}"
            return 200, {"data": comments, "paging": paging}
        return 404, {"error": {"message": "Unknown edge", "type": "GraphMethodException", "code": 100}}

    # -- serving ----------------------------------------------------------------------------

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms delayed-ACK stall

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                status, body = fake.answer(url.path, query, fake.base_url)
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        port = self._server.server_port
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def max_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run(*, comments: int, posts: int, page_size: int, directory: Path, memory_security: bool = False) -> dict[str, Any]:
    from cmdesk.clock import SystemClock
    from cmdesk.desk import Desk
    from cmdesk.store.keys import KeyManager

    # The server runs in its own process: a real channel's CPU is not ours, and in a thread it would hold our GIL.
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", f"--comments={comments}", f"--posts={posts}", f"--page-size={page_size}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    base_url = server.stdout.readline().strip()
    try:
        path, keys = directory / "bench.cmdesk", KeyManager(_MemoryKeyring())
        desk = Desk.create(path, mode="keyring", keys=keys, clock=SystemClock(), memory_security=memory_security)
        desk.accounts.add("facebook", "Bench", {"page_id": PAGE_ID, "base_url": base_url})
        desk.accounts.set_secret("Bench", "secret-token")
        desk.close()
        # Synced as the app syncs: on a desk it opened (opening sets the store's everyday settings).
        desk = Desk.open(path, keys=keys, clock=SystemClock(), memory_security=memory_security)
        _ = desk.analyzer  # built before the clock starts: a one-off cost, not per message
        rss_before = max_rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        result = desk.sync.sync_account("Bench")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        stored = desk.store.read().execute("SELECT COUNT(*) FROM message WHERE kind = 'comment'").fetchone()[0]
        desk.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    if result.error:
        raise SystemExit(f"sync failed: {result.error}")
    return {
        "comments": comments,
        "memory_security": memory_security,
        "stored_comments": stored,
        "pages": result.pages,
        "seconds": round(elapsed, 2),
        "messages_per_s": round(result.fetched / elapsed),
        "cpu_seconds": round(cpu, 2),  # this process only (all its threads): steadier than wall time on a busy machine
        "messages_per_cpu_s": round(result.fetched / cpu),
        "target_messages_per_s": TARGET_PER_S,
        "max_rss_mb_before": round(rss_before, 1),
        "max_rss_mb": round(max_rss_mb(), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--page-size", type=int, default=0, help="comments per page (default: the limit asked, 100)")
    parser.add_argument("--dir", type=Path, help="where the store goes (default: a temporary folder)")
    parser.add_argument(
        "--memory-wipe",
        action="store_true",
        help="compare: with SQLCipher's per-block memory wiping, as a site setting CMDESK_MEMORY_WIPE=1 runs it",
    )
    parser.add_argument("--serve", action="store_true", help="only run the fake Graph server and print its URL")
    args = parser.parse_args(argv)
    if args.serve:
        fake = GraphFake(comments=args.comments, posts=args.posts, page_size=args.page_size)
        print(fake.start(), flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            fake.stop()
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        figures = run(
            comments=args.comments,
            posts=args.posts,
            page_size=args.page_size,
            directory=Path(tmp),
            memory_security=args.memory_wipe,
        )
    ok = figures["messages_per_s"] >= TARGET_PER_S and figures["stored_comments"] == args.comments
    print(
        f"sync: {figures['stored_comments']:,} of {args.comments:,} comments in {figures['seconds']} s over "
        f"{figures['pages']} pages: {figures['messages_per_s']:,} messages/s (target >= {TARGET_PER_S:,}) "
        f"{'OK' if ok else 'BELOW TARGET'}"
    )
    print(
        f"CPU time of this process: {figures['cpu_seconds']} s = {figures['messages_per_cpu_s']:,} messages per"
        " CPU second (a busy machine stretches wall time, much less this)"
    )
    print(f"peak memory (max RSS): {figures['max_rss_mb']} MB (before sync: {figures['max_rss_mb_before']} MB)")
    print(json.dumps(figures))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
