"""The two questions every part asks about languages, answered in one place each.

- Where a language's pages live: the site's first language at the root (and
  x-default), every other one under /<lang>/.
- How far a page is in a language: its source language, a current or outdated
  translation, or missing. Each item and page has a source language of its own,
  so a translation is always relative to that source, never to the site's first language.
"""

from __future__ import annotations

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
