"""Serve's incremental rebuilds: after an edit in the content, render again only the pages it
changed.

While serving, each language has a worker process of its own that keeps the
MkDocs build it made (configuration, files, navigation, templates, pages, the
search index, and what each page showed). When the content changes, the worker
loads it again (the check cache makes that cheap) and compares it with what it
built:

- an item's body, front matter or translations changed: its page and handout
  are converted and rendered again and their search entries replaced;
- front matter changed: titles, terms and order show up on other pages too, so
  every page whose view (`MethodkitPlugin.view`: all a template shows from the
  catalogue) is no longer the same is rendered again, and so is every site page
  that uses macros (its lists come from the catalogue, not from the view);
- only whether a translation is current changed: the pages that list translation
  states (marked by their macro, listings.SHOWS_STATES) are rendered again;
- anything else (files added, removed or renamed, images, vocabularies, the
  trajectory, defaults, schemas, the site's interface text, content problems): the
  caller builds everything again.

The exports (feed, catalogue, sources zip) and the search index are written
again after every incremental rebuild, even when no page changed (the sources
zip holds every file of the content folder). This rests on one rule: a page
shows other items only through its view or a macro, never through its own
Markdown, so an item's Markdown body matters to its own pages alone.
"""

from __future__ import annotations

import logging

from mkdocs.commands.build import get_context
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import write_file

from methodkit.loading.loader import Content, current_hash, load
from methodkit.mkdocs_adapter.plugin import page_text
from methodkit.model.translations import translation_state
from methodkit.pages.listings import SHOWS_STATES
from methodkit.pages.plan import addresses

log = logging.getLogger("methodkit")

# language -> the MkDocs configuration of the last full build in this worker process
_builds: dict = {}


def remember(lang: str, config, site_dir: str) -> None:
    """Keep a finished build; `site_dir` is where its pages are served from (the build wrote
    them elsewhere)."""
    config.site_dir = site_dir
    for file in config.plugins["methodkit"].files:
        file.dest_dir = site_dir
        file.__dict__.pop(
            "abs_dest_path", None
        )  # a cached_property of MkDocs' File, made from dest_dir
    _builds[lang] = config


def forget(lang: str) -> None:
    _builds.pop(lang, None)


def planned_pages(lang: str) -> list[str]:
    """Every page of the served site of `lang`, from the catalogue of its latest build or update
    (the sitemap's pages)."""
    return addresses(_builds[lang].plugins["methodkit"].catalogue)


def update(lang: str) -> int | None:
    """Bring the served pages of `lang` up to date with the content: pages rendered, or None
    when a full build is needed."""
    config = _builds.get(lang)
    if config is None:
        return None
    try:
        return _update(config)
    # An incremental rebuild must never leave a worse site than a full build would; SystemExit
    # too: mkdocs-macros exits when a macro fails, which would end the server.
    except (Exception, SystemExit):
        log.exception("incremental rebuild failed; building everything")
        forget(lang)
        return None


def _update(config) -> int | None:
    plugin = config.plugins["methodkit"]
    old = plugin.catalogue.content
    content, problems = load(
        plugin.root,
        plugin.config.content_dir,
        plugin.languages,
        config.config_file_path,
        in_memory=True,
    )
    if [p.text() for p in problems] != [p.text() for p in plugin.problems] or _frame(
        content
    ) != _frame(old):
        return None
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(getattr(search, "search_index", None), "entries", None)
    if search is not None and index is None:
        return None  # a search plugin whose index we cannot update in place
    before, after = _items(old), _items(content)
    states = _states(old), _states(content)
    fronts = {key for key, item in after.items() if _front(item) != _front(before[key])}
    own = fronts | {key for key, item in after.items() if _bodies(item) != _bodies(before[key])}
    own |= {key[:2] for key, current in states[1].items() if current != states[0][key]}
    plugin.refresh(content, problems)
    # An item's handout is rendered again with it (MethodkitPlugin.write_handout).
    srcs = [
        src
        for src, info in plugin.pages.items()
        if info[0] == "item" and (info[1].kind, info[1].id) in own
    ]
    for src in srcs:
        plugin.files.get_file_from_path(src).content_string = page_text(
            plugin.catalogue.body(plugin.pages[src][1])
        )
    pages = [
        plugin.files.get_file_from_path(src).page for src in srcs
    ]  # none when only, say, a README changed
    _render(config, pages, index)  # the edited pages first: the reader is waiting for them
    done = {page.file.src_uri for page in pages}
    rest = [
        f.page
        for f in plugin.files.documentation_pages()
        if f.page is not None and f.src_uri not in done
    ]
    if fronts:
        rest = [
            page
            for page in rest
            if page.meta.get("render_macros")
            or plugin.view(page, config) != plugin.views.get(page.file.src_uri)
        ]
    elif states[0] != states[1]:
        rest = [page for page in rest if page.meta.get(SHOWS_STATES)]
    else:
        rest = []
    _render(config, rest, index)
    config.plugins.on_post_build(config=config)
    return len(pages) + len(rest)


def _render(config, pages: list, index: list | None) -> None:
    """Convert and render `pages` as MkDocs' build does, replacing their search entries."""
    plugin = config.plugins["methodkit"]
    for page in pages:
        _convert(page, config, plugin.files)
    if index is not None:  # entries are "<page url>" and "<page url>#<section>"
        urls = {page.url for page in pages}
        index[:] = [e for e in index if e["location"].partition("#")[0] not in urls]
    doc_files = plugin.files.documentation_pages(inclusion=InclusionLevel.is_included)
    for page in pages:
        _write(page, config, doc_files, plugin.nav, plugin.env)


# The two steps of MkDocs' build of a page (mkdocs.commands.build), from its public parts: the
# page's own methods, the plugin events and get_context. Drafts of MkDocs' own kind (`not_in_nav`,
# `draft_docs`) are not used here: a draft is the engine's, left out of the catalogue.
def _convert(page, config, files) -> None:
    """Markdown to HTML, with every plugin's say."""
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(
        page.markdown, page=page, config=config, files=files
    )
    page.render(config, files)
    page.content = config.plugins.on_page_content(
        page.content, page=page, config=config, files=files
    )


def _write(page, config, doc_files, nav, env) -> None:
    """The page in its template, written where the served site has it."""
    page.active = True  # the navigation marks the page being rendered
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    finally:
        page.active = False


def _items(content: Content) -> dict:
    return {(item.kind, item.id): item for item in content.all_items()}


def _bodies(item) -> tuple:
    return item.body, {lang: tr.body for lang, tr in item.translations.items()}


def _front(item) -> tuple:
    return item.meta, {
        lang: (tr.meta, tr.translators, tr.draft) for lang, tr in item.translations.items()
    }


def _frame(content: Content):
    """What every page may depend on, and which pages there are: any change to it builds
    everything."""
    files = {
        key: (item.path, {lang: tr.path for lang, tr in item.translations.items()})
        for key, item in _items(content).items()
    }
    return (
        content.types,
        content.schemas.raw,
        content.defaults,
        content.vocabularies,
        content.vocabulary_names,
        content.interface,
        content.trajectory,
        content.media,
        files,
    )


def _states(content: Content) -> dict:
    """Whether each translation is up to date with its source."""
    return {
        (item.kind, item.id, lang): translation_state(
            item.lang, lang, tr, current_hash(content, item), include_drafts=True
        )
        == "translated"
        for item in content.all_items()
        for lang, tr in item.translations.items()
    }
