"""Translation status of every item and docs page, per language."""

from __future__ import annotations

from dataclasses import dataclass

from methodkit.i18n import interface_text
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


def copied_labels(content: Content, lang: str) -> list[tuple[str, int, int]]:
    """The files of labels (each vocabulary with its `names:`, the trajectory) whose texts in `lang`
    read word for word as the source language's, as `methodkit languages add` copies them: how
    many, of how many. Named when at least half the texts of more than one word are copies, or
    every text is: a few are often meant (Intrapreneurs, Kick-off), and a name or a loanword of
    one word (Canvas, Checklist) is often the same in two languages."""
    source = content.source_lang
    files = [
        (
            content.content_dir / "vocabularies" / f"{name}.yml",
            [entry.labels for entry in terms.values()] + [content.vocabulary_names.get(name) or {}],
        )
        for name, terms in sorted(content.vocabularies.items())
    ]
    if content.trajectory is not None:
        files.append(
            (content.content_dir / "trajectory.yml", [s.labels for s in content.trajectory.steps])
        )
    out = []
    for path, texts in files:
        same = total = long_same = long_total = 0
        for by_lang in texts:
            mine = by_lang.get(lang) or {}
            for key, text in (by_lang.get(source) or {}).items():
                if not isinstance(text, str) or not text:
                    continue
                copy = isinstance(mine, dict) and mine.get(key) == text
                total, same = total + 1, same + copy
                if len(text.split()) > 1:
                    long_total, long_same = long_total + 1, long_same + copy
        if (long_same and 2 * long_same >= long_total) or (total > 1 and same == total):
            out.append((content.rel(path), same, total))
    return out


def unnamed_fields(content: Content, lang: str) -> list[tuple[str, str]]:
    """The fields a type shows by name (card rows, filters, sections) that have no name in `lang`,
    in the engine's words, the site's or the declaration's (nor in English): the page shows the
    field's own name instead ('Published'). As (type, field)."""
    t = {**interface_text(lang, content.interface), **content.types.interface(lang)}
    out = []
    for itype in content.types.all:
        shown = {f"field.{f.name}": f.name for f in itype.card}
        shown.update(
            {
                f"field.{f.name}": f.name
                for f in itype.listing.filters
                if f"filter.{f.param}" not in t
            }
        )
        shown.update({f"section.{n}": n for n in (*itype.sections_before, *itype.sections_after)})
        out += sorted(
            (itype.name, name)
            for key, name in shown.items()
            if key not in t and not itype.own_label(lang, "fields", name)
        )
    return out
