"""Build every language of the site: one MkDocs build per language, in parallel.

Each language is a separate build (its own `lang`, search index and sitemap),
run in a worker process. The results land in a scratch folder and are moved
into place only when every language built, so a failed build never leaves a
half-updated site/. Dutch (the source) sits at the root, the others at /<lang>/.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .config import site_settings
from .sitemap import write_sitemap


def _build_one(config_file: str, lang: str, site_dir: str, strict: bool, serve: bool, pdf: bool) -> tuple[str, bool, str]:
    os.environ["METHODKIT_LANG"] = lang
    if serve:
        os.environ["METHODKIT_SERVE"] = "1"
    if pdf:
        os.environ["METHODKIT_PDF"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"[{lang}] %(levelname)s %(message)s"))
    handler.setLevel(logging.WARNING)
    mk_log = logging.getLogger("mkdocs")
    mk_log.addHandler(handler)
    mk_log.setLevel(logging.INFO)
    logging.getLogger("methodkit").addHandler(handler)
    try:
        config = load_config(config_file, site_dir=site_dir, strict=strict)
        build(config)
        return lang, True, ""
    except PluginError as exc:
        return lang, False, str(exc)
    except (Abort, ConfigurationError) as exc:
        return lang, False, str(exc) or "the build was aborted (see the warnings above)"
    finally:
        mk_log.removeHandler(handler)


def build_site(root: Path, *, strict: bool = True, site_dir: str = "site", config_file: str | None = None,
               serve: bool = False, pdf: bool = False, jobs: int | None = None, quiet: bool = False,
               pool: ProcessPoolExecutor | None = None) -> int:
    """Build every language; `pool` lets a caller that builds often (serve) keep its workers warm."""
    root = root.resolve()
    config_file = str(Path(config_file or root / "mkdocs.yml").resolve())
    settings = site_settings(root, config_file)
    out = (root / site_dir).resolve()
    scratch = out.parent / f".{out.name}.building"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    own_pool = pool is None
    if own_pool:
        pool = new_pool(len(settings.languages), jobs)
    try:
        futures = [pool.submit(_build_one, config_file, lang, str(scratch / lang), strict, serve, pdf) for lang in settings.languages]
        results = [f.result() for f in futures]
    finally:
        if own_pool:
            pool.shutdown()
    failed = [(lang, msg) for lang, ok, msg in results if not ok]
    if failed:
        # Content problems are the same in every language: say them once.
        seen = set()
        for lang, msg in failed:
            if msg not in seen:
                print(msg, file=sys.stderr)
                seen.add(msg)
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"build failed ({', '.join(l for l, _ in failed)}); site/ left as it was", file=sys.stderr)
        return 1
    assemble(scratch, out, settings.languages)
    write_sitemap(out, config_file, settings.languages)
    if not quiet:
        print(f"built {', '.join(settings.languages)} into {out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def new_pool(languages: int, jobs: int | None = None) -> ProcessPoolExecutor:
    # spawn, not fork: workers start clean, whatever threads the caller runs.
    return ProcessPoolExecutor(max_workers=jobs or min(languages, os.cpu_count() or 1), mp_context=get_context("spawn"))


def assemble(scratch: Path, out: Path, languages) -> None:
    """Source language at the root of `out`, every other language in a sub-folder."""
    source, *others = languages
    for lang in others:
        os.replace(scratch / lang, scratch / source / lang)
    old = out.parent / f".{out.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(scratch / source, out)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(scratch, ignore_errors=True)
