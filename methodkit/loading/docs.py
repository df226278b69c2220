"""Language variants of the site's own pages in docs/: `x.md`, `x.fr.md`, `x.en.md`.

A translation records the source version it was made from (`source_hash`), as
items do, so an edited source page marks its translations as outdated.
"""

from __future__ import annotations

import re
from pathlib import Path

from methodkit.checks.problems import Problem
from methodkit.loading.source import read_text, split_front_matter
from methodkit.model.translations import source_hash

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


def page_lang(path: Path, default: str) -> str:
    """The language a site page in docs/ is written in: its `lang:`, or the site's first language."""
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    src = split_front_matter(text, path.name, problems) if text and text.startswith("---") else None
    lang = (
        src.meta.data.get("lang") if src is not None and isinstance(src.meta.data, dict) else None
    )
    return lang if isinstance(lang, str) and lang else default
