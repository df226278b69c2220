"""`methodkit serve`: every language, live reload, content problems shown in the page.

MkDocs' own `mkdocs serve` builds one language; this serves the whole site as
it will be published (Dutch at /, the others at /<lang>/). Each language has a
worker process of its own that keeps its build: an edit to an item renders
again only the pages it changed (methodkit.mkdocs_adapter.live); files added or removed, and
any change to docs/, overrides/, macros.py or the configuration, build every
language again. Problems in the content do not stop the server: the pages show
them in a banner until the file is fixed.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from methodkit.loading.config import site_settings
from methodkit.mkdocs_adapter import live
from methodkit.mkdocs_adapter.build import build_site, new_pool, write_site_map

log = logging.getLogger("methodkit")


def serve(
    root: Path, host: str = "127.0.0.1", port: int = 8000, config_file: str | None = None
) -> int:
    root = root.resolve()
    settings = site_settings(root, config_file)
    busy = _port_busy(host, port)
    if busy:
        print(
            f"methodkit serve: cannot listen on {host}:{port} ({busy}); "
            f"stop what uses it, or choose another address with --dev-addr {host}:{port + 1}",
            file=sys.stderr,
        )
        return 1
    # Stopped any way (Ctrl+C, kill, a closed terminal), the server takes its workers and its
    # scratch site with it, from the first build on.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    scratch = Path(tempfile.mkdtemp(prefix="methodkit-serve-"))
    out = scratch / "site"
    out.mkdir()
    # Absolute links (hreflang, feeds) point at this server while serving.
    os.environ["SITE_URL"] = f"http://{host}:{port}/"

    pools = {lang: new_pool(1, fork=False) for lang in settings.languages}
    watched = [
        root / p
        for p in (
            settings.docs_dir,
            settings.content_dir,
            "overrides",
            "macros.py",
            config_file or "mkdocs.yml",
        )
    ]
    # What an incremental rebuild cannot take in: everything watched but the content.
    site_files = [p for p in watched if p != root / settings.content_dir]
    stamp = _stamp(site_files)

    def builder():
        nonlocal stamp
        started, now = time.perf_counter(), _stamp(site_files)
        if now == stamp:
            counts = [pools[lang].submit(live.update, lang) for lang in settings.languages]
            counts = [f.result() for f in counts]
            if None not in counts:
                # Written by the build, not by a language's worker: the pages the first language's
                # worker now plans (it has just loaded the content), with the settings as the build
                # reads them (this server's address, SITE_URL).
                first = settings.languages[0]
                pages = pools[first].submit(live.planned_pages, first).result()
                write_site_map(pages, out, site_settings(root, config_file))
                log.info(
                    "re-rendered %d page(s) in %.1f s", sum(counts), time.perf_counter() - started
                )
                return
        stamp = now
        build_site(
            root, strict=False, site_dir=str(out), config_file=config_file, serve=True, pools=pools
        )

    server = None
    try:
        build_site(
            root, strict=False, site_dir=str(out), config_file=config_file, serve=True, pools=pools
        )
        server = LiveReloadServer(
            builder=builder, host=host, port=port, root=str(out), mount_path="/"
        )
        for path in watched:
            if path.exists():
                server.watch(str(path))
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        print(f"Serving every language at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        _ignore_stop_signals()
        if server is not None:
            server.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
        # A build still running keeps the workers a while: a signal now stops at once.
        _stop_signals(signal.SIG_DFL)
        for pool in pools.values():
            pool.shutdown(cancel_futures=True)
        shutil.rmtree(scratch, ignore_errors=True)  # what that build wrote meanwhile
    return 0


def _port_busy(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None when it can."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind((host, port))
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _interrupt(signum, frame):
    _ignore_stop_signals()
    raise KeyboardInterrupt


def _ignore_stop_signals() -> None:
    """Once stopping: a second signal (a supervisor's, a second Ctrl+C) would interrupt the
    server's shutdown halfway, its thread left running and the scratch site left behind."""
    _stop_signals(signal.SIG_IGN)


def _stop_signals(handler) -> None:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def _stamp(paths: list[Path]) -> list[tuple[str, int, int]]:
    """Names, sizes and modification times of every file under `paths`: equal stamps, nothing
    changed."""
    files = []
    for path in paths:
        for f in sorted(path.rglob("*")) if path.is_dir() else [path] if path.exists() else []:
            try:
                # a link is not followed: a dangling one (an editor's lock file) is a name, not an
                # error
                st = f.lstat()
            except OSError:
                continue  # gone between the listing and now
            files.append((str(f), st.st_size, st.st_mtime_ns))
    return files
