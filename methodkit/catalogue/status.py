"""Translation status of every item and docs page, per language."""

from __future__ import annotations

from dataclasses import dataclass

from methodkit.loading.loader import Content, current_hash
from methodkit.model.translations import translation_state

STATES = ("translated", "outdated", "missing")


@dataclass(frozen=True)
class Entry:
    source: str  # path of the source (in its own language), relative to the repository root
    lang: str
    state: str  # translated | outdated | missing
    translation: str | None  # path of the translation file, when there is one
    url: str  # page address relative to the language root
    current: str  # the source version a translation should record


def report(content: Content) -> list[Entry]:
    out = []
    for item in content.all_items():
        if item.draft:
            continue
        now = current_hash(content, item)
        for lang in content.languages:
            tr = item.translations.get(lang)
            state = translation_state(item.lang, lang, tr, now)
            if state != "source":
                out.append(Entry(item.path, lang, state, tr.path if tr else None, item.url, now))
    for page in content.site_pages.values():
        for lang in content.languages:
            if lang == page.lang:
                continue
            tr = page.translations.get(lang)
            state = translation_state(page.lang, lang, tr, page.hash)
            out.append(
                Entry(page.path, lang, state, tr.path if tr else None, page.url, page.hash or "")
            )
    return out


def summary(entries: list[Entry], lang: str) -> dict[str, int]:
    counts = {s: 0 for s in STATES}
    for e in entries:
        if e.lang == lang:
            counts[e.state] += 1
    return counts
