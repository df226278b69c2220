"""The site's own pages in docs/, read once into the content model: `x.md`, `x.fr.md`, `x.en.md`.

A translation records the source version it was made from (`source_hash`), as
items do, so an edited source page marks its translations as outdated.
"""

from __future__ import annotations

import re
from pathlib import Path

from methodkit.checks.problems import Problem
from methodkit.loading.files import walk
from methodkit.loading.source import read_text, split_front_matter
from methodkit.model.site_pages import PageTranslation, SitePage
from methodkit.model.translations import source_hash

SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2})\.md$")


def split_suffix(src_uri: str, languages) -> tuple[str, str | None]:
    m = SUFFIX.match(src_uri)
    if m and m.group("lang") in languages:
        return m.group("base") + ".md", m.group("lang")
    return src_uri, None


def _read(path: Path) -> tuple[dict, str | None, str | None, int]:
    """A page's front matter (empty without one), its version (its title and body, as for items)
    and its body with the body's first line; no version and no body when it cannot be read or
    parsed (the site page checks say why)."""
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    if text is None:
        return {}, None, None, 1
    if not text.startswith("---"):
        return {}, source_hash({}, text, []), text, 1
    src = split_front_matter(text, path.name, problems)
    if src is None or src.body is None:
        return {}, None, None, 1
    meta = src.meta.data if isinstance(src.meta.data, dict) else {}
    version = source_hash({"title": meta.get("title", "")}, src.body, ["title"])
    return meta, version, src.body, src.body_line


def site_pages(
    root: Path, docs_dir: str, languages: tuple[str, ...]
) -> tuple[dict[str, SitePage], list[str], list[PageTranslation]]:
    """Every page in docs/ with its translations (by its path in docs/); the translations in a
    language the site does not list (left out); and translations without a source page (not
    published, still checked). Regular files only, as the build publishes."""
    docs = root / docs_dir
    sources: dict[str, tuple[Path, dict, str | None]] = {}
    translations: dict[str, dict[str, PageTranslation]] = {}
    ignored = []
    for path in walk(docs, root, []):
        if path.suffix != ".md":
            continue
        src, rel = path.relative_to(docs).as_posix(), path.relative_to(root).as_posix()
        m = SUFFIX.match(src)
        if m and m.group("lang") not in languages:
            ignored.append(rel)
            continue
        meta, version, body, body_line = _read(path)
        base, lang = split_suffix(src, languages)
        if lang:
            recorded = meta.get("source_hash")
            translations.setdefault(base, {})[lang] = PageTranslation(
                rel,
                lang,
                recorded if isinstance(recorded, str) else None,
                bool(meta.get("draft")),
                body,
                body_line,
                meta,
            )
        else:
            sources[src] = (path, meta, version, body, body_line)
    pages = {}
    for src, (path, meta, version, body, body_line) in sources.items():
        lang = meta.get("lang")
        template, hide = meta.get("template"), meta.get("hide")
        pages[src] = SitePage(
            src,
            path.relative_to(root).as_posix(),
            lang if isinstance(lang, str) and lang else languages[0],
            version,
            translations.get(src, {}),
            template if isinstance(template, str) else None,
            tuple(map(str, hide)) if isinstance(hide, list) else (),
            body,
            body_line,
            meta,
        )
    strays = [
        tr for base, by_lang in translations.items() if base not in pages for tr in by_lang.values()
    ]
    return pages, ignored, strays
