"""Language variants of the site's own pages in docs/: `x.md`, `x.fr.md`, `x.en.md`.

In a build for one language, each page keeps the address of its Dutch source
and reads the translation when there is one; the other variants leave the build.
A translation records the source version it was made from (`source_hash`), as
items do, so an edited Dutch page marks its translations as outdated.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from .problems import Problem
from .source import read_text, split_front_matter
from .languages import page_lang, translation_state
from .translations import source_hash

SUFFIX = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2})\.md$")


def split_suffix(src_uri: str, languages) -> tuple[str, str | None]:
    m = SUFFIX.match(src_uri)
    if m and m.group("lang") in languages:
        return m.group("base") + ".md", m.group("lang")
    return src_uri, None


def page_hash(path: Path) -> str | None:
    """Version of a docs page: its title and body, as for items."""
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    if text is None:
        return None
    if not text.startswith("---"):
        return source_hash({}, text, [])
    src = split_front_matter(text, path.name, problems)
    if src is None:
        return None
    return source_hash({"title": src.meta.data.get("title", "")}, src.body, ["title"])


def recorded_hash(path: Path) -> str | None:
    """The source version a docs translation records; None for a draft (not done yet)."""
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    src = split_front_matter(text, path.name, problems) if text and text.startswith("---") else None
    if src is None or src.meta.data.get("draft"):
        return None
    return src.meta.data.get("source_hash")


def is_draft(path: Path) -> bool:
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    src = split_front_matter(text, path.name, problems) if text and text.startswith("---") else None
    return bool(src and src.meta.data.get("draft"))


class Recorded:
    """What a docs translation records, in the shape translation_state reads."""

    def __init__(self, path: Path):
        self.draft = is_draft(path)
        self.source_hash = recorded_hash(path)


class DocsTranslations:
    def __init__(self, files: Files, config, source: str, lang: str, languages, serving: bool = False):
        self.source, self.lang = source, lang
        self.state: dict[str, str | None] = {}  # src_uri -> notice
        self.written: dict[str, str] = {}  # src_uri -> the language the page is written in
        self.ignored: list[str] = []  # translations in a language the site does not list
        variants: dict[str, dict[str, File]] = {}
        for f in list(files):
            if not f.src_uri.endswith(".md"):
                continue
            m = SUFFIX.match(f.src_uri)
            if m and m.group("lang") not in languages:
                files.remove(f)
                self.ignored.append(f.src_uri)
                continue
            base, flang = split_suffix(f.src_uri, languages)
            if flang:
                files.remove(f)
                variants.setdefault(base, {})[flang] = f
            else:
                self.written[base] = page_lang(Path(f.abs_src_path), source)
                variants.setdefault(base, {})[self.written[base]] = f
        for base, by_lang in variants.items():
            written = self.written.get(base)
            if written is None or written == lang:
                continue  # a translation without a source page, or the page in its own language
            src, tr = by_lang[written], by_lang.get(lang)
            state = translation_state(written, lang, Recorded(Path(tr.abs_src_path)) if tr else None,
                                      page_hash(Path(src.abs_src_path)), serving)
            if state == "missing":
                self.state[base] = "fallback"
                continue
            files.remove(src)
            files.append(File.generated(config, base, abs_src_path=tr.abs_src_path))
            if state == "outdated":
                self.state[base] = "outdated"

    def notice(self, page) -> str | None:
        return self.state.get(page.file.src_uri)

    def source_lang(self, page) -> str:
        return self.written.get(page.file.src_uri, self.source)
