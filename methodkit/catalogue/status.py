"""Translation status of every item and docs page, per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from methodkit.loading.docs import Recorded, page_hash, page_lang, split_suffix
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


def report(content: Content, docs_dir: Path) -> list[Entry]:
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
    pages = sorted(
        p
        for p in docs_dir.rglob("*.md")
        if split_suffix(p.relative_to(docs_dir).as_posix(), content.languages)[1] is None
    )
    for page in pages:
        rel = page.relative_to(docs_dir).as_posix()
        now = page_hash(page)
        url = rel[:-3] + "/" if not rel.endswith("index.md") else rel[: -len("index.md")]
        written = page_lang(page, content.source_lang)
        for lang in content.languages:
            if lang == written:
                continue
            tr = page.with_name(f"{page.stem}.{lang}.md")
            state = translation_state(written, lang, Recorded(tr) if tr.exists() else None, now)
            out.append(
                Entry(
                    content.rel(page),
                    lang,
                    state,
                    content.rel(tr) if tr.exists() else None,
                    url,
                    now or "",
                )
            )
    return out


def summary(entries: list[Entry], lang: str) -> dict[str, int]:
    counts = {s: 0 for s in STATES}
    for e in entries:
        if e.lang == lang:
            counts[e.state] += 1
    return counts
