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

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

from methodkit.catalogue.catalogue import Catalogue
from methodkit.checks.problems import Problem, problems_report, say
from methodkit.loading.config import site_settings
from methodkit.loading.loader import load
from methodkit.loading.workers import can_fork, forked_pool, quiet_on_interrupt
from methodkit.model.languages import Languages
from methodkit.pages.plan import addresses
from methodkit.publishing.site_address import HINT, placeholder_problem
from methodkit.publishing.sitemap import write_sitemap


def _build_one(
    config_file: str,
    lang: str,
    site_dir: str,
    strict: bool,
    serve: bool,
    pdf: bool,
    served_dir: str | None = None,
) -> tuple[str, bool, str]:
    """Build one language into `site_dir`; with `served_dir` (serve), keep the build for incremental
    rebuilds there."""
    global _adopted
    from methodkit.mkdocs_adapter import live

    live.forget(lang)
    import mkdocs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"[{lang}] %(levelname)s %(message)s"))
    handler.setLevel(logging.WARNING)
    # The generator's loggers by their own name: ProperDocs' stay `properdocs.*`.
    mk_log = logging.getLogger(mkdocs.__name__)
    mk_log.addHandler(handler)
    mk_log.setLevel(logging.INFO)
    logging.getLogger("methodkit").addHandler(handler)
    try:
        config = load_config(config_file, site_dir=site_dir, strict=strict)
        # The options of this build, handed to the plugin explicitly (its on_config reads them).
        config.plugins["methodkit"].config.update(
            lang=lang,
            preview=serve,
            one_of_several=True,
            pdf=pdf or config.plugins["methodkit"].config.pdf,
        )
        # The model this process was forked with, already checked: not read and checked again. For
        # one build only: a worker given a second language loads it afresh, as a build may change
        # what it was given.
        config.plugins["methodkit"].model, _adopted = _adopted, None
        build(config)
        if served_dir:
            live.remember(lang, config, served_dir)
        return lang, True, ""
    except PluginError as exc:
        return lang, False, str(exc)
    except TemplateError as exc:
        # The site's theme (its custom_dir, not content): where and what, not a traceback.
        return lang, False, template_problem(exc, Path(config_file))
    except (Abort, ConfigurationError) as exc:
        return lang, False, str(exc) or "the build was aborted (see the warnings above)"
    except SystemExit:
        # mkdocs-macros ends the process when a macro fails (on_error_fail): here that is one
        # language's failed build, said above by the macros plugin, not the end of
        # `methodkit serve`.
        return lang, False, "a macro failed (see the message above)"
    finally:
        mk_log.removeHandler(handler)


def template_problem(exc: TemplateError, config_file: Path) -> str:
    """A template the build could not find or read, as `path:line: template: message (hint)`."""
    root, where, line = config_file.parent, config_file.name, 1
    if isinstance(exc, TemplateNotFound):
        return Problem(
            where,
            line,
            "template",
            say("template.not_found", name=str(exc.name)),
            say("template.not_found.hint", config=config_file.name),
        ).text()
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        path = Path(exc.filename)
        where = str(path.relative_to(root) if path.is_relative_to(root) else path)
        line = exc.lineno
    return Problem(
        where,
        line,
        "template",
        say("template.unreadable", reason=exc.message or str(exc)),
        say("template.unreadable.hint"),
    ).text()


def build_site(
    root: Path,
    *,
    strict: bool = True,
    site_dir: str = "site",
    config_file: str | None = None,
    serve: bool = False,
    pdf: bool = False,
    quiet: bool = False,
    publish: bool = False,
    pools: dict[str, ProcessPoolExecutor] | None = None,
) -> int:
    """Build every language.

    `publish`: the build is for publishing, so it stops when the site has no real address of its
    own.
    `pools` (serve) gives each language a worker of its own that stays alive: MkDocs and Material
    are imported once, and the worker keeps its build for incremental rebuilds
    (methodkit.mkdocs_adapter.live).
    """
    root = root.resolve()
    config_file = str(Path(config_file or root / "mkdocs.yml").resolve())
    settings = site_settings(root, config_file)
    address = placeholder_problem(settings.site_url)
    if address and publish:
        print(
            f"not built for publishing: {address}; {HINT}. To print on this machine without "
            "publishing: make pdf PREVIEW=1 (its PDFs' links and QR codes then point to the "
            "placeholder)",
            file=sys.stderr,
        )
        return 2
    if address and not serve and not quiet:
        print(
            f"warning: {address}: feeds, sitemaps, credit lines and PDFs point there; {HINT}",
            file=sys.stderr,
        )
    out = (root / site_dir).resolve()
    scratch = out.parent / f".{out.name}.building"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    # The content, checked once here while no worker runs: forked workers take this model as it is,
    # spawned ones find every clean file in the check cache (instead of every worker checking all of
    # it, three languages, three times); and the sitemap lists the pages of this model.
    content, problems = load(
        root, settings.content_dir, settings.languages, config_file, helpers=os.cpu_count() or 1
    )
    if problems and not (serve or settings.preview):
        # Said once here, not once by every language's worker.
        print(problems_report(problems), file=sys.stderr)
        print("build failed; site/ left as it was", file=sys.stderr)
        return 1
    pool = None if pools else new_pool(len(settings.languages), (content, problems))
    workers = pools or dict.fromkeys(settings.languages, pool)
    try:
        futures = [
            workers[lang].submit(
                _build_one,
                config_file,
                lang,
                str(scratch / lang),
                strict,
                serve,
                pdf,
                str(served_dir(out, lang, settings.languages)) if pools else None,
            )
            for lang in settings.languages
        ]
        results = [f.result() for f in futures]
    except KeyboardInterrupt:
        shutil.rmtree(scratch, ignore_errors=True)  # stopped: site/ stays as it was
        raise
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    failed = [(lang, msg) for lang, ok, msg in results if not ok]
    if failed:
        # Content problems are the same in every language: say them once.
        seen = set()
        for _lang, msg in failed:
            if msg not in seen:
                print(msg, file=sys.stderr)
                seen.add(msg)
        shutil.rmtree(scratch, ignore_errors=True)
        print(
            f"build failed ({', '.join(l for l, _ in failed)}); site/ left as it was",
            file=sys.stderr,
        )
        return 1
    assemble(scratch, out, settings.languages)
    write_site_map(
        addresses(Catalogue(content, settings.languages[0], include_drafts=serve)), out, settings
    )
    if pdf:
        # What gets published carries its own offline copy (with the PDFs just made).
        from methodkit.publishing.offline import write_offline_zip

        write_offline_zip(out, settings.languages)
    if not quiet:
        print(
            f"built {', '.join(settings.languages)} into {out} "
            f"in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 0


def write_site_map(pages: list[str], out: Path, settings) -> None:
    """The sitemap of every language, from the pages the model plans (drafts too while serving)."""
    write_sitemap(out, settings.site_url, Languages(tuple(settings.languages)), pages)


def new_pool(workers: int, model=None, *, fork: bool = True) -> ProcessPoolExecutor:
    """Worker processes; builds take one per language, even on fewer cores: the system shares the
    cores among them and all finish together, where two workers for three languages would leave a
    core idle while the third language builds.

    Forked from this process where that is safe: MkDocs, Material and the plugin are imported once,
    here, and `model` (the content this process loaded and checked) reaches every worker as it is in
    memory. Otherwise spawned, each worker starting clean and loading the content for itself: with
    `fork=False` (serve's long-lived workers) or where forking is not safe
    (methodkit.loading.workers).
    """
    if fork and can_fork():
        # Imported once, for every worker.
        import mkdocs.commands.build
        import mkdocs.config  # noqa: F401

        import methodkit.mkdocs_adapter.plugin  # noqa: F401  (and Material with it)

        return forked_pool(workers, _adopt, (model,))
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=quiet_on_interrupt
    )


# In a forked worker: the (content, problems) its parent loaded, for every build it runs.
_adopted = None


def _adopt(model) -> None:
    global _adopted
    _adopted = model


def served_dir(out: Path, lang: str, languages) -> Path:
    """Where a language's pages end up: the source at the root, the others in a sub-folder."""
    return out if lang == languages[0] else out / lang


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
