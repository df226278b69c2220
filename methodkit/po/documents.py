"""The files a translator translates: every item and every page of the site, with their versions."""

from __future__ import annotations

from dataclasses import dataclass

from methodkit.checks.problems import Problem
from methodkit.loading.loader import Content, current_hash
from methodkit.loading.source import split_front_matter
from methodkit.model.translations import source_hash

from .units import DOCS_TRANSLATABLE


@dataclass(frozen=True)
class Source:
    rel: str  # the Dutch file, relative to the repository root
    translatable: tuple[str, ...]  # front-matter keys that hold text
    current: str  # its version, as a translation records it (source_hash)
    item: bool  # an item of the method (else a page in docs/)

    def translation(self, lang: str) -> str:
        return self.rel[:-3] + f".{lang}.md"

    def hash_of(self, text: str) -> str | None:
        """The version a file with `text` would have had (for texts found in git)."""
        src = split_front_matter(text, self.rel, []) if text.startswith("---") else None
        if not self.item and src is None:
            return source_hash({}, text, [])
        if src is None:
            return None
        if self.item:
            return source_hash(src.meta.data, src.body, list(self.translatable))
        return source_hash({"title": src.meta.data.get("title", "")}, src.body, ["title"])


def sources(content: Content) -> list[Source]:
    out = [
        Source(
            item.path,
            tuple(content.schemas.translatable(item.kind)),
            current_hash(content, item),
            True,
        )
        for item in content.all_items()
    ]
    out += [
        Source(page.path, DOCS_TRANSLATABLE, page.hash or "", False)
        for page in content.site_pages.values()
    ]
    return out


def recorded(text: str, rel: str) -> tuple[str | None, bool]:
    """The source version a translation records, and whether it is a draft."""
    problems: list[Problem] = []
    src = split_front_matter(text, rel, problems) if text.startswith("---") else None
    if src is None:
        return None, False
    return src.meta.data.get("source_hash"), bool(src.meta.data.get("draft"))
