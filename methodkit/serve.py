"""`methodkit serve`: every language, live reload, content problems shown in the page.

MkDocs' own `mkdocs serve` builds one language; this serves the whole site as
it will be published (Dutch at /, the others at /<lang>/), rebuilding all
languages when a file changes. Problems in the content do not stop the server:
the pages show them in a banner until the file is fixed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from .build import build_site, new_pool
from .config import site_settings

log = logging.getLogger("methodkit")


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, config_file: str | None = None) -> int:
    root = root.resolve()
    settings = site_settings(root, config_file)
    scratch = Path(tempfile.mkdtemp(prefix="methodkit-serve-"))
    out = scratch / "site"
    out.mkdir()
    # Absolute links (hreflang, feeds) point at this server while serving.
    os.environ["SITE_URL"] = f"http://{host}:{port}/"

    # Workers stay alive between rebuilds: MkDocs and Material are imported once.
    pool = new_pool(len(settings.languages))

    def builder():
        build_site(root, strict=False, site_dir=str(out), config_file=config_file, serve=True, pool=pool)

    builder()
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(out), mount_path="/")
    for path in (settings.docs_dir, settings.content_dir, "overrides", "macros.py", config_file or "mkdocs.yml"):
        if (root / path).exists():
            server.watch(str(root / path))
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(f"Serving every language at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        pool.shutdown(cancel_futures=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0
