"""The site's own pages in docs/ as one language's site has them, for the plain files.

A generator without plugins knows neither the `x.fr.md` translations nor the macros, so each
language's folder gets every page of docs/ once, at its source's path: its translation where
there is one (current or outdated), else the source (said in its front matter, as the site says
it on the page), with the front matter a site page may have. On a page listed in `macro_pages`,
a call of one of the engine's macros that stands on a line of its own, outside code, is replaced
by the macro's HTML (`pages/engine_macros.py`, as the MkDocs site shows it); any other call (a
site's own macro from macros.py, which only mkdocs-macros can run, or a call inside a line) is
left as written and listed in `plan.json`. docs/' other files (images) go beside the pages.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from methodkit.catalogue.catalogue import Catalogue
from methodkit.checks.policy import prose
from methodkit.checks.site_pages import MACRO_CALL
from methodkit.loading.files import walk
from methodkit.pages.engine_macros import MACROS, Here
from methodkit.pages.metadata import website_jsonld
from methodkit.pages.sanitiser import clean
from methodkit.pages.views import home_view

# What a site page's front matter says to a generator: the rest (`source_hash`, `draft`,
# `translators`) is the engine's bookkeeping.
SHOWN_FIELDS = ("title", "description", "hero", "paths")
_ALONE = re.compile(rf"(?P<call>{MACRO_CALL.pattern})[ \t]*")


@dataclass
class WrittenPage:
    src: str  # its path in docs/, which is its path in the language's folder
    url: str
    notice: str | None  # "fallback" (the source, untranslated) or "outdated"
    calls_left: list[str] = field(default_factory=list)  # macro calls left as written


def write_site_pages(
    cat: Catalogue, folder: Path, *, root: Path, docs_dir: str, macro_pages, site: dict
) -> tuple[list[WrittenPage], list[Path]]:
    """Every page of docs/ in `cat`'s language, and docs/' other files, into `folder`. `site`:
    what the macros know of the language's site (`engine_macros.Here` but the catalogue and the
    page's address)."""
    content, lang = cat.content, cat.lang
    pages, files = [], []
    for src, page in sorted(content.site_pages.items()):
        variant, notice = page.shown_in(lang)
        meta = {k: variant.meta[k] for k in SHOWN_FIELDS if k in variant.meta}
        # The layout is the source page's in every language, as in the MkDocs site.
        meta |= {"template": page.template} if page.template else {}
        meta |= {"hide": list(page.hide)} if page.hide else {}
        meta |= {
            "lang": page.lang if notice == "fallback" else lang,
            "methodkit": {"kind": "site", "notice": notice},
        }
        if page.url == "":  # the home page, which the engine's home.html lays out from these
            meta["mk"] = {
                "home": home_view(cat),
                "jsonld": {
                    "@context": "https://schema.org",
                    **website_jsonld(site["brand"], site["base_url"]),
                },
            }
        written = WrittenPage(src, page.url, notice)
        body = variant.body or ""
        if src in macro_pages:
            body = _expand(body, Here(cat=cat, url=page.url, **site), written.calls_left)
        target = folder / src
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{front}---\n{body}", "utf-8")
        pages.append(written)
        files.append(target)
    docs = root / docs_dir
    for path in walk(docs, root, []):
        if path.suffix != ".md":
            target = folder / path.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            files.append(target)
    return pages, files


def _expand(body: str, here: Here, left: list[str]) -> str:
    """`body` with each engine macro's call that stands on a line of its own, outside code, replaced
    by its HTML as a block of its own; the other calls left as written (named in `left`)."""
    out = []
    for line, read in zip(body.split("\n"), prose(body).split("\n"), strict=True):
        alone = _ALONE.fullmatch(read)
        name = alone and alone.group(2)
        if alone and read == line and name in MACROS:
            argument = alone.group(3) or alone.group(4)
            html = clean(MACROS[name](here, *([argument] if argument else [])), interface=True)
            # No blank line inside: Markdown ends an HTML block at one.
            out.append("\n" + "\n".join(l for l in html.splitlines() if l.strip()) + "\n")
        else:
            left += [m.group(0) for m in MACRO_CALL.finditer(read)]  # a call in code is text
            out.append(line)
    return "\n".join(out)
