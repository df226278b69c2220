"""The two questions every part asks about languages, answered in one place each.

- Where a language's pages live: the site's first language at the root (and
  x-default), every other one under /<lang>/.
- How far a page is in a language: its source language, a current or outdated
  translation, or missing. Each item and page has a source language of its own,
  so a translation is always relative to that source, never to the site's first language.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .source import read_text, split_front_matter

STATES = ("source", "translated", "outdated", "missing")


def prefix(lang: str, languages) -> str:
    """The address prefix of `lang`'s pages: '' for the site's first language, 'fr/' for the others."""
    return "" if lang == languages[0] else f"{lang}/"


def translation_state(source_lang: str, lang: str, translation, current: str | None, include_drafts: bool = False) -> str:
    """'source', 'translated', 'outdated' or 'missing' for a page whose source is in `source_lang`, read in `lang`.

    `translation` has `source_hash` and `draft` (or is None); `current` is the source's version now.
    """
    if lang == source_lang:
        return "source"
    if translation is None or (translation.draft and not include_drafts):
        return "missing"
    return "translated" if translation.source_hash == current else "outdated"


def page_lang(path: Path, default: str) -> str:
    """The language a site page in docs/ is written in: its `lang:`, or the site's first language."""
    problems: list[Problem] = []
    text = read_text(path, path.name, problems)
    src = split_front_matter(text, path.name, problems) if text and text.startswith("---") else None
    lang = src.meta.data.get("lang") if src is not None and isinstance(src.meta.data, dict) else None
    return lang if isinstance(lang, str) and lang else default
