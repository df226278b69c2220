"""Serve's incremental rebuilds: after an edit in the content, re-render only the pages it changed.

While serving, each language has a worker process of its own that keeps the
MkDocs build it made (configuration, files, navigation, templates, pages, the
search index). When the content changes, the worker loads it again (the check
cache makes that cheap) and compares it with what it built:

- the body of an item or of one of its translations changed: its page and its
  handout are converted and rendered again, and its entries in the search index
  replaced; when that changes whether a translation is up to date, the pages
  that list translation states (marked by their macro, listings.SHOWS_STATES)
  are rendered too;
- anything else changed (front matter, vocabularies, the trajectory, files
  added or removed, content problems): titles, lists, facet pages and the
  navigation may all show it, so the caller builds everything again.

The exports (feed, catalogue, sources zip) and the search index are written
again after every incremental rebuild, even when no page changed (the sources
zip holds every file of the content folder). What a page shows of another item comes
from front matter only, never from a body, which is why a body edit can leave
every other page as it was.
"""

from __future__ import annotations

import logging

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.structure.files import InclusionLevel

from .listings import SHOWS_STATES
from .loader import Content, current_hash, load

log = logging.getLogger("methodkit")

# language -> the MkDocs configuration of the last full build in this worker process
_builds: dict = {}


def remember(lang: str, config, site_dir: str) -> None:
    """Keep a finished build; `site_dir` is where its pages are served from (the build wrote them elsewhere)."""
    config.site_dir = site_dir
    for file in config.plugins["methodkit"].files:
        file.dest_dir = site_dir
        file.__dict__.pop("abs_dest_path", None)  # a cached_property of MkDocs' File, made from dest_dir
    _builds[lang] = config


def forget(lang: str) -> None:
    _builds.pop(lang, None)


def update(lang: str) -> int | None:
    """Bring the served pages of `lang` up to date with the content: pages rendered, or None when a full build is needed."""
    config = _builds.get(lang)
    if config is None:
        return None
    try:
        return _update(config)
    except Exception:  # an incremental rebuild must never leave a worse site than a full build would
        log.exception("incremental rebuild failed; building everything")
        forget(lang)
        return None


def _update(config) -> int | None:
    plugin = config.plugins["methodkit"]
    old = plugin.catalogue.content
    content, problems = load(plugin.root, plugin.config.content_dir, plugin.languages, config.config_file_path, in_memory=True)
    if [p.text() for p in problems] != [p.text() for p in plugin.problems] or _shape(content) != _shape(old):
        return None
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(getattr(search, "search_index", None), "entries", None)
    if search is not None and index is None:
        return None  # a search plugin whose index we cannot update in place
    before, after = _items(old), _items(content)
    states = _states(old), _states(content)
    # An item's own pages show its body and whether its translations are current.
    changed = {key for key, item in after.items() if _bodies(item) != _bodies(before[key])}
    changed |= {key[:2] for key, current in states[1].items() if current != states[0][key]}
    plugin.refresh(content, problems)
    srcs = [src for src, info in plugin.pages.items() if info[0] in ("item", "handout") and (info[1].kind, info[1].id) in changed]
    for src in srcs:
        if plugin.pages[src][0] == "item":
            plugin.files.get_file_from_path(src).content_string = plugin.catalogue.body(plugin.pages[src][1])
    pages = [plugin.files.get_file_from_path(src).page for src in srcs]  # none when only, say, a README changed
    _render(config, pages, index)  # the edited pages first: the reader is waiting for them
    if states[0] != states[1]:
        lists = [f.page for f in plugin.files.documentation_pages() if f.page is not None and f.page.meta.get(SHOWS_STATES)]
        _render(config, lists, index)
        pages += lists
    config.plugins.on_post_build(config=config)
    return len(pages)


def _render(config, pages: list, index: list | None) -> None:
    """Convert and render `pages` as MkDocs' build does, replacing their search entries."""
    plugin = config.plugins["methodkit"]
    for page in pages:
        _populate_page(page, config, plugin.files)
    doc_files = plugin.files.documentation_pages(inclusion=InclusionLevel.is_included)
    for page in pages:
        if index is not None:
            index[:] = [e for e in index if e["location"] != page.url and not e["location"].startswith(page.url + "#")]
        _build_page(page, config, doc_files, plugin.nav, plugin.env, excluded=page.file.inclusion.is_excluded())


def _items(content: Content) -> dict:
    return {(item.kind, item.id): item for item in content.all_items()}


def _bodies(item) -> tuple:
    return item.body, {lang: tr.body for lang, tr in item.translations.items()}


def _shape(content: Content):
    """Everything other pages may show: all of the content except bodies and translation states."""
    items = {key: (item.path, item.meta,
                   {lang: (tr.path, tr.meta, tr.translators, tr.draft) for lang, tr in item.translations.items()})
             for key, item in _items(content).items()}
    return content.schemas.raw, content.defaults, content.vocabularies, content.trajectory, items


def _states(content: Content) -> dict:
    """Whether each translation is up to date with its source."""
    return {(item.kind, item.id, lang): tr.source_hash == current_hash(content, item)
            for item in content.all_items() for lang, tr in item.translations.items()}
