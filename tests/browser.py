"""A real headless Chromium (Debian's package) on a built site served from localhost.

Every request the browser makes is recorded, so tests can assert that nothing
leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve_dir(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class Browser:
    def __init__(self, playwright, base: str):
        self.base = base
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        self.requests: list[str] = []
        self.failed: list[tuple[int, str]] = []  # responses of status 400 and above

    def _answered(self, response) -> None:
        if response.status >= 400:
            self.failed.append((response.status, response.url))

    def page(self, path: str = "", **context):
        ctx = self.browser.new_context(**context)
        ctx.on("request", lambda r: self.requests.append(r.url))
        ctx.on("response", self._answered)
        pg = ctx.new_page()
        if path is not None:
            pg.goto(self.base + path)
        return pg

    def external_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).hostname not in ("127.0.0.1", "localhost", None)
            and not u.startswith(("data:", "blob:", "about:"))
        ]


@contextmanager
def playwright_driver():
    """One Playwright driver per test session: a second sync driver in the same thread refuses to
    start."""
    with sync_playwright() as p:
        yield p


@contextmanager
def browse(site: Path, playwright):
    with serve_dir(site) as base:
        b = Browser(playwright, base)
        try:
            yield b
        finally:
            b.browser.close()
