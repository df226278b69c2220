"""MkDocs glue: puts methodology/ into the build, one language per build.

The plugin loads and validates the content once (on_config), builds one
Catalogue, adds a page per item and per facet term, picks the right language
variant of every docs page, and gives the templates a plain `mk` view.
A build in one language is selected by the plugin's `lang` option; `methodkit build`
runs one build per language and puts French at /fr/ and English at /en/.
"""

from __future__ import annotations

import logging
import posixpath
from html import escape
from pathlib import Path

import material
import mkdocs
from jinja2 import BytecodeCache, TemplateNotFound
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url, write_file

from methodkit.catalogue.catalogue import Catalogue
from methodkit.checks.allowlist import link_ok
from methodkit.checks.problems import Problem, format_problems, problems_report, say
from methodkit.checks.site_pages import PAGE_FIELDS
from methodkit.i18n import format_date, language_name, native_name
from methodkit.loading import history
from methodkit.loading.config import ENGINE_THEME
from methodkit.loading.docs import split_suffix
from methodkit.loading.edition import edition
from methodkit.loading.files import IMAGE_SUFFIXES, inside, shown
from methodkit.loading.loader import load
from methodkit.loading.types import TYPES_FILE
from methodkit.mkdocs_adapter import anchors
from methodkit.mkdocs_adapter.docs_pages import DocsTranslations
from methodkit.mkdocs_adapter.toc import with_headings
from methodkit.model.languages import Languages
from methodkit.pages import plan
from methodkit.pages.handouts import only_written_tags, participant_html
from methodkit.pages.item_page import item_page
from methodkit.pages.macro_blocks import MacroBlocks
from methodkit.pages.metadata import website_jsonld
from methodkit.pages.print_header import css_string
from methodkit.pages.sanitiser import clean, clean_toc
from methodkit.pages.views import facet_view, home_view, section_headings
from methodkit.publishing.branding import BRAND_CSS, BrandingError, apply_branding, brand_css
from methodkit.publishing.changelog import CHANGES_FEED
from methodkit.publishing.exports import content_date
from methodkit.publishing.feeds import FEED_NAME, feed_title
from methodkit.publishing.outputs import write_outputs
from methodkit.publishing.pdf import PdfError

# Under the generator's own name (ProperDocs' modules stay `properdocs.*` when imported as
# `mkdocs`): its handlers show these warnings and its strict mode counts them.
log = logging.getLogger(f"{mkdocs.__name__}.plugins.methodkit")
# The engine's templates, stylesheets and scripts, over Material's; a site's own custom_dir
# (its logo, any template it changes) comes before them.
THEME = str(ENGINE_THEME)
MATERIAL = Path(material.__file__).parent / "templates"
# Notes for the reader of the build output that must not fail a strict build
# (MkDocs counts every warning of its own loggers in strict mode).
notes = logging.getLogger("methodkit")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process.

    MkDocs makes a new Jinja environment for every build; a worker that builds
    again (while serving) would compile every theme template again. Jinja checks
    each template's source checksum, so an edited template is compiled anew.
    """

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _MemoryBytecodeCache()


def page_text(markdown: str) -> str:
    """A planned page's Markdown as MkDocs reads it: after a blank line, so that a body whose first
    lines look like front matter (`---`, or `key: value` lines) is shown as text, as the check read
    it, and never taken for the page's settings."""
    return "\n" + markdown


def _material_has(path: str) -> bool:
    """Whether Material's theme has a file (a language's words, a search stemmer)."""
    return (MATERIAL / path).is_file()


def _meta(planned: plan.PlannedPage) -> dict:
    """A planned page's front matter. Material prints titles and descriptions unescaped; they come
    from contributors."""
    return {
        "template": planned.template,
        "title": escape(planned.title, quote=False),
        "description": escape(planned.description),
    }


class MethodkitConfig(Config):
    content_dir = c.Type(str, default="methodology")
    # The first language is the source; the others are translations.
    languages = c.Type(list, default=["nl", "fr", "en"])
    # Where a contributor learns how to translate a page (site-relative).
    translate_help = c.Type(str, default="contribute/")
    # Write PDF downloads after the build (slow; `methodkit build --pdf` sets it for one run).
    pdf = c.Type(bool, default=False)
    # The site's own pages (in docs/, as the Dutch source is named) whose Markdown calls macros.
    # Decided here, in code: no page's front matter can make it a template.
    macro_pages = c.Type(list, default=[])
    # The templates of overrides/ a site page may name in its front matter; any other is ignored.
    page_templates = c.Type(list, default=[])
    # The language this build makes (default: the first); `methodkit build` sets it for each worker.
    lang = c.Optional(c.Type(str))
    # Build as serve does: drafts shown, content problems in a banner instead of stopping the build.
    preview = c.Type(bool, default=False)
    # Set by `methodkit build` when this build is one of several languages: only the first reports
    # the content's problems, which are the same in every language.
    one_of_several = c.Type(bool, default=False)
    # The publisher's publication policy, read by `methodkit check` and `status`
    # (methodkit.checks.publication).
    publication = c.Type(dict, default={})


class MethodkitPlugin(BasePlugin[MethodkitConfig]):
    serving = False
    # (content, problems) already loaded and checked by the caller (`methodkit build` hands its own
    # to each worker it forks); None: this build loads the content itself.
    model = None

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    # -- configuration ---------------------------------------------------
    def on_config(self, config):
        # Absolute: `mkdocs build -f mkdocs.yml` gives a relative path, and pages compare paths with
        # the root.
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_rel = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
        history.forget()  # a commit since the last build while serving
        self.languages = list(self.config.languages)
        self.source = self.languages[0]
        self.lang = self.config.lang or self.source
        if self.lang not in self.languages:
            raise PluginError(
                f"methodkit: lang: {self.lang!r} is not one of the site languages {self.languages}"
            )
        serving = self.serving or self.config.preview

        content, problems = self.model or load(
            self.root, self.config.content_dir, self.languages, config.config_file_path
        )
        self.set_problems(problems)
        if self.problems and not serving:
            raise PluginError(problems_report(self.problems))
        if self.lang == self.source or not self.config.one_of_several:
            for problem in (
                self.problems
            ):  # the same in every language: said once, by the source language's build
                log.warning(problem.text())
        self.catalogue = Catalogue(content, self.lang, include_drafts=serving)
        anchors.watch(self.root, self.sources_of)
        if content.ignored and self.lang == self.source:
            notes.warning(
                f"Left out, in a language the site does not list: {len(content.ignored)} file(s), "
                f"such as {content.ignored[0]}"
            )
        if self.catalogue.drafts and not serving:
            notes.warning(
                "Drafts left out of this build: " + ", ".join(i.path for i in self.catalogue.drafts)
            )

        self.base_url = (config.site_url or "/").rstrip("/") + "/"
        if THEME not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME)
        try:
            self.brand = apply_branding(config, self.lang, self.catalogue.t)
        except BrandingError as exc:
            raise PluginError(str(exc)) from exc
        self.date = content_date(self.root)  # the date the citation carries
        # Material's words, and its search's stemmer, in the site's language where Material has
        # them, else its English ones (partials/language.html still names the site's language).
        config.theme["site_language"] = self.lang
        config.theme["language"] = (
            self.lang if _material_has(f"partials/languages/{self.lang}.html") else "en"
        )
        if self.lang != self.source:
            config.site_url = f"{self.base_url}{self.lang}/"
        search = config.plugins.get("material/search") or config.plugins.get("search")
        self.indexed = search is not None
        if search is not None:
            stemmer = f"assets/javascripts/lunr/min/lunr.{self.lang}.min.js"
            search.config["lang"] = [self.lang if _material_has(stemmer) else "en"]
        # What each language calls itself in the switcher, once per build.
        self.language_names = {l: native_name(l, content.interface) for l in self.languages}
        config.extra["alternate"] = [
            {"name": self.language_names[l], "link": "/", "lang": l} for l in self.languages
        ]
        self.t = self.catalogue.t
        self.feed_title = feed_title(self.catalogue)
        for scheme in config.theme.get("palette") or []:
            # The colour-scheme toggle speaks the reader's language, like the rest of the interface.
            # Material prints it as it is, in an attribute: escaped, as it may come from a locale.
            if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
                scheme["toggle"]["name"] = escape(
                    self.t[
                        "palette.to_light" if scheme.get("scheme") == "slate" else "palette.to_dark"
                    ]
                )
        self.pdf = self.config.pdf
        edition_problems = []
        ed = edition(
            self.root, edition_problems
        )  # once per build: printed pages show it in their footer
        if edition_problems:
            raise PluginError(format_problems(edition_problems))
        self.edition = self.t["edition"].format(version=ed.version) + (
            f" · {format_date(ed.date, self.lang)}" if ed.date else ""
        )
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = _TEMPLATES
        env.filters["css_string"] = css_string
        self.env = env
        self.search_text = env.get_template("partials/mk/search-text.html")
        content = self.catalogue.content
        for t in content.types.all:
            # A template a declaration names but no theme folder has: said where it is named.
            try:
                env.get_template(t.template)
            except TemplateNotFound:
                where = f"{t.name}.template"
                problem = Problem(
                    content.rel(content.content_dir / "schemas" / TYPES_FILE),
                    content.types.lines.get(where, 1),
                    where,
                    say("types.no_template", name=t.template),
                    say("types.no_template.hint", name=t.template),
                )
                raise PluginError(problem.text(self.lang)) from None
        return env

    # -- files -----------------------------------------------------------
    def on_files(self, files: Files, config):
        docs = Path(config.docs_dir)
        self.theme_dirs = list(config.theme.dirs)
        for f in list(files):
            # Of docs/, only pages and images that are regular files there reach the site (see
            # files.py); `methodkit check` names the rest.
            path = Path(f.abs_src_path) if f.abs_src_path else None
            if (
                path is not None
                and path.is_relative_to(docs)
                and not self._publishable(path, docs, f.src_uri)
            ):
                files.remove(f)
        self.docs = DocsTranslations(
            files,
            config,
            self.catalogue.content.site_pages,
            self.lang,
            self.languages,
            self.catalogue.include_drafts,
        )
        # Each file of docs/ as the content model read it (its front matter and body), by its path.
        self.site_sources = {
            variant.path: variant
            for page in self.catalogue.content.site_pages.values()
            for variant in (page, *page.translations.values())
        }
        # kept, like nav and env, for serve's incremental rebuilds (methodkit.mkdocs_adapter.live)
        self.files = files
        self.handouts = {}  # (kind, id): the text of the item's handout
        self.material_styles = {}  # a page's depth in the site: Material's stylesheet links there
        self.macro_blocks = MacroBlocks()  # what the macros of the page being converted wrote
        self.views = {}
        self.unindexed = {}  # an item page's content while the search indexes its sections too
        self.pages = dict(self.page_plan())
        files.append(File.generated(config, BRAND_CSS, content=brand_css(self.brand)))
        for page in self.planned.values():
            # A facet page gets its content in on_page_context: nothing to convert. A handout is no
            # page of MkDocs' at all: it is rendered right after its item's page (on_post_page).
            if page.kind != "handout":
                files.append(File.generated(config, page.src, content=page_text(page.markdown)))
        self.doc_files = (
            None  # the documentation pages, as templates see them (once the files are final)
        )
        for src, info in self.pages.items():
            if info[0] == "broken":  # serving: the stand-in shows only the problem banner
                files.append(File.generated(config, src, content=""))
        for medium in plan.media(self.catalogue):
            files.append(File.generated(config, medium.src, abs_src_path=str(medium.path)))
        return files

    def _publishable(self, path: Path, docs: Path, src_uri: str) -> bool:
        if not inside(path, docs) or shown(src_uri) != src_uri:
            return False
        if src_uri.split("/", 1)[0].lower() in self.languages and "/" in src_uri:
            return False  # the site puts that language's pages there
        # A file of the theme (its logo) would be replaced by one of docs/ on every page.
        if any(Path(folder, src_uri).is_file() for folder in self.theme_dirs):
            return False
        # A folder named like a file the site writes (sitemap.xml/) would take its place.
        if any("." in folder for folder in src_uri.split("/")[:-1]):
            return False
        if path.suffix.lower() in IMAGE_SUFFIXES:
            return f"{self.docs_rel}/{src_uri}" not in self.problem_files
        name = split_suffix(src_uri, self.languages)[0].removesuffix(".md").rsplit("/", 1)[-1]
        # A page named like a language or a file the site writes (feed.xml, catalog.json) would take
        # its place.
        return path.suffix == ".md" and name.lower() not in self.languages and "." not in name

    def page_plan(self):
        """Every page the engine plans, and while serving a stand-in for an item with a problem:
        (source path, what it shows)."""
        self.planned = {
            page.src: page for page in plan.pages(self.catalogue, self.t["handout.label"])
        }
        self.handout_of = {
            (page.item.kind, page.item.id): page
            for page in self.planned.values()
            if page.kind == "handout"
        }
        for page in self.planned.values():
            yield (
                page.src,
                (page.kind, page.vocabulary, page.term)
                if page.kind == "facet"
                else (page.kind, page.item),
            )
        if self.catalogue.include_drafts:  # serving
            yield from self.broken_pages()

    def broken_pages(self):
        """While serving, an item left out for a problem keeps its address: (source path, what it
        shows).

        Without a page there, the contributor editing it would get a bare 404, with neither the
        problem banner nor live reload to bring the item back once it is fixed.
        """
        content = self.catalogue.content
        folder_of_content = content.content_dir.relative_to(content.root).as_posix() + "/"
        for path in sorted(self.problem_files):
            folder, _, rest = path.removeprefix(folder_of_content).partition("/")
            itype, name = content.types.by_folder(folder), posixpath.basename(rest)
            if (
                not path.startswith(folder_of_content)
                or itype is None
                or not name.endswith(".md")
                or name.count(".") != 1
            ):
                # not the source of an item (a translation's problem leaves the page in place)
                continue
            if name[:-3] not in content.items[itype.name]:
                yield (
                    itype.page_url(name[:-3]).rstrip("/") + ".md",
                    ("broken", itype.name, name[:-3]),
                )

    def refresh(self, content, problems) -> None:
        """Take content loaded again whose pages are the same ones (serve's incremental rebuild)."""
        self.catalogue = Catalogue(content, self.lang, include_drafts=self.catalogue.include_drafts)
        self.set_problems(problems)
        self.pages = dict(self.page_plan())

    def set_problems(self, problems) -> None:
        self.problems = problems
        self.problem_files = {p.path for p in problems}
        # The banner speaks the site's language, message by message, English where it has none.
        self.problem_lines = [p.text(self.lang) for p in problems]

    def on_nav(self, nav, config, files):
        # Section titles in mkdocs.yml are interface keys (nav.method), so they translate.
        stack = list(nav.items)
        while stack:
            node = stack.pop()
            if isinstance(node, Section):
                # Material prints a section's title as it is: a locale's text goes in escaped.
                if node.title in self.t:
                    node.title = escape(self.t[node.title])
                stack.extend(node.children)
        self.nav = nav
        return nav

    # -- pages -----------------------------------------------------------
    @event_priority(100)  # before mkdocs-macros', which renders what this leaves
    def on_page_markdown(self, markdown, page, config, files):
        self.macro_blocks.start_page()  # mkdocs-macros runs this page's macros after this event
        info = self.pages.get(page.file.src_uri)
        if info is None:
            model = self.site_sources.get(self._source_of(page))
            if model is not None and model.body is not None:
                # The page as the check read it, whatever MkDocs made of the file: a front matter
                # that MkDocs' YAML cannot take (a date that does not exist) it would show as text.
                page.meta.clear()
                page.meta.update(model.meta)
                markdown = model.body
            # mkdocs-macros reads render_macros from the front matter (and treats 1, 1.0 or a
            # truthy value as true, and ignore_macros as an error): the list in mkdocs.yml decides.
            for key in [k for k in page.meta if k not in PAGE_FIELDS]:
                del page.meta[
                    key
                ]  # Material prints some (subtitle, status, icon) as they are: only ours stay
            # The shape the home page's template reads, whatever reached here (a page the check
            # refused, while serving): paths as mappings, their links as mappings with a safe url.
            paths = page.meta.pop("paths", None)
            if isinstance(paths, list):
                page.meta["paths"] = [
                    {
                        **path,
                        "links": [
                            l
                            for l in path.get("links") or []
                            if isinstance(l, dict) and link_ok(str(l.get("url", "")))
                        ]
                        if isinstance(path.get("links"), list)
                        else [],
                    }
                    for path in paths
                    if isinstance(path, dict)
                ]
            page.meta["render_macros"] = page.file.src_uri in self.config.macro_pages
            known = self.catalogue.content.site_pages.get(page.file.src_uri)
            if known is not None:
                # The layout is the source page's, in every language: a translation gives text.
                page.meta.pop("template", None)
                page.meta.pop("hide", None)
                if known.template is not None:
                    page.meta["template"] = known.template
                if known.hide:
                    page.meta["hide"] = list(known.hide)
            if page.meta.get("template") not in self.config.page_templates:
                page.meta.pop(
                    "template", None
                )  # an item's template, or a path, would break or leak
            for key, quote in (
                ("title", False),
                ("description", True),
            ):  # printed unescaped: as text, in an attribute
                if isinstance(page.meta.get(key), str):
                    # A brace as an entity: mkdocs-macros renders a macro page's title as a
                    # template when it holds one (a YAML escape writes it without showing it).
                    text = escape(page.meta[key], quote=quote)
                    page.meta[key] = text.replace("{", "&#123;").replace("}", "&#125;")
                elif key in page.meta:
                    del page.meta[key]
            if self._source_of(page) in self.problem_files:
                # A site page with problems is neither shown nor run as a template (only while
                # serving: a build stops on problems); the banner says what is wrong. In the
                # site's default template: the one it names may be what is wrong.
                page.meta["render_macros"] = False
                page.meta.pop("template", None)
                return ""
            return markdown
        if info[0] == "broken":
            page.meta["title"] = escape(info[2], quote=False)
            return ""
        # The settings of a planned page are the plan's, whatever its text holds.
        page.meta.clear()
        page.meta.update(_meta(self.planned[page.file.src_uri]))
        return markdown

    def on_page_content(self, html, page, config, files):
        info = self.pages.get(page.file.src_uri)
        if info and info[0] == "item" and info[1].type.has_handout:
            # Its handout is made from it, before the sanitiser (which balances every tag).
            self.handouts[(info[1].kind, info[1].id)] = participant_html(
                html, markup_free=only_written_tags(page.markdown)
            )
        # Defence in depth: whatever the checker missed, no content block leaves the build with
        # anything outside the allow-list; a macro page's macros then put their interface in place.
        html = self.macro_blocks.fill(clean(html))
        clean_toc(page.toc)
        if info is None and not page.meta.get("title"):
            # A title taken from the first heading: Material prints it unescaped too.
            page.meta["title"] = escape(page.title or "", quote=False)
        return html

    @event_priority(100)  # before the search plugin's: it indexes what this adds
    def _page_context(self, context, page, config, nav):
        # Kept: serve renders a page again when what it shows changed
        # (methodkit.mkdocs_adapter.live).
        context["mk"] = self.views[page.file.src_uri] = self.view(page, config)
        mk = context["mk"]
        if "item" in mk and not mk["item"]["handout"]:
            other = mk["lang"] if mk["content_lang"] != mk["lang"] else None
            with_headings(page.toc, *section_headings(mk["item"], self.t), lang=other)
            if self.indexed:
                # The search indexes a page's content only, and the template shows an item's
                # sections, results and links around it: for the index alone, they are added to
                # the content until every other plugin has seen the page (_after_search), each under
                # the heading its table-of-contents entry leads to.
                self.unindexed[page.file.src_uri] = page.content
                page.content += self.search_text.render(mk=mk)
        return context

    @event_priority(-100)  # after the search plugin's
    def _after_search(self, context, page, config, nav):
        content = self.unindexed.pop(page.file.src_uri, None)
        if content is not None:
            page.content = content  # as the sanitiser left it: the template adds the rest
        return context

    on_page_context = CombinedEvent(_page_context, _after_search)

    def on_post_page(self, output, page, config):
        info = self.pages.get(page.file.src_uri)
        if info and info[0] == "item" and info[1].type.has_handout:
            self.write_handout(info[1], config)
        return output

    def write_handout(self, item, config) -> None:
        """An item's participant version, a light page made from the item's HTML (on_page_content).

        It has no Markdown of its own and no search entry (the item's page carries its text), so it
        skips MkDocs' conversion and page events: its template is rendered here, with the context
        MkDocs gives a page (get_context) and the same `mk` view. Serve renders it again with its
        item.
        """
        planned = self.handout_of[(item.kind, item.id)]
        meta = _meta(planned)
        page = Page(meta["title"], File.generated(config, planned.src, content=""), config)
        page.meta = meta
        page.content, page.toc = self.handouts[(item.kind, item.id)], get_toc([])
        if self.doc_files is None:
            self.doc_files = self.files.documentation_pages()
        context = get_context(self.nav, self.doc_files, config, page)
        context["mk"] = self.views[planned.src] = self.view(page, config)
        context["material_styles"] = self._material_styles(context, page.url.count("/"))
        output = self.env.get_template(planned.template).render(context)
        write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)

    def _material_styles(self, context, depth: int) -> Markup:
        """The light page is not Material's base.html, but it links Material's stylesheets, whose
        names change with each release of Material: its base template's own block says them,
        once per depth of page in the site (the links are relative)."""
        if depth not in self.material_styles:
            base = self.env.get_template("base.html")
            self.material_styles[depth] = Markup(
                "".join(base.blocks["styles"](base.new_context(context)))
            )
        return self.material_styles[depth]

    def view(self, page, config) -> dict:
        """The `mk` of a page's template context: everything it shows from the catalogue, as plain
        data."""
        info = self.pages.get(page.file.src_uri)
        mk = {
            "lang": self.lang,
            "t": self.t,
            "brand": self.brand,
            "edition": self.edition,
            "content_lang": self.lang,
            "languages": self.alternates(page),
            "notice": None,
            "problems": self.problem_lines,
        }
        if info and info[0] in ("item", "handout"):
            item = info[1]
            mk.update(
                item_page(
                    self.catalogue,
                    item,
                    handout=info[0] == "handout",
                    pdf=self.pdf,
                    url=self.base_url + self._global(page.url, self.lang),
                    source_url=self.base_url + page.url,
                    site_name=config.site_name,
                    base_url=self.base_url,
                    brand=self.brand,
                    languages=self.languages,
                )
            )
        elif info and info[0] == "broken":
            mk["broken"] = True
        elif info:
            mk["facet"] = facet_view(self.catalogue, info[1], info[2])
        else:
            mk["notice"] = self.docs.notice(page)
            if page.is_homepage:
                mk["home"] = home_view(self.catalogue)
                mk["jsonld"] = {
                    "@context": "https://schema.org",
                    **website_jsonld(self.brand, self.base_url),
                }
        written_in = (
            item.lang if info and info[0] in ("item", "handout") else self.docs.source_lang(page)
        )
        mk["source_lang"], mk["source_name"] = written_in, language_name(written_in, self.lang)
        if mk["notice"] == "fallback":
            mk["content_lang"] = written_in
        mk["feed_url"], mk["feed_title"] = get_relative_url(FEED_NAME, page.url), self.feed_title
        mk["changes_url"] = get_relative_url(CHANGES_FEED, page.url)
        # The page in the language it is written in, when the site has that language.
        mk["source_url"] = next(
            (l["url"] for l in mk["languages"] if l["lang"] == written_in), None
        )
        mk["translate_url"] = get_relative_url(self.config.translate_help, page.url)
        return mk

    def on_post_build(self, config):
        try:
            write_outputs(
                self.catalogue,
                Path(config.site_dir),
                root=self.root,
                site_url=config.site_url.rstrip("/") + "/",
                base_url=self.base_url,
                site_name=config.site_name,
                brand=self.brand,
                source_lang=self.source,
                pdf=self.pdf,
            )
        except PdfError as exc:
            raise PluginError(str(exc)) from None

    def sources_of(self, src_uri: str) -> list[str]:
        """The files of the repository a page's Markdown may come from in this language, from the
        root: its translation first, then its source."""
        info = self.pages.get(src_uri)
        known = (
            info[1]
            if info and info[0] == "item"
            else self.catalogue.content.site_pages.get(src_uri)
        )
        if known is None:
            return []
        translation = known.translations.get(self.lang)
        return [p for p in (translation.path if translation else None, known.path) if p]

    def _source_of(self, page) -> str | None:
        """The file a page's Markdown comes from (for a translated site page, the translation), from
        the root."""
        if page.file.abs_src_path is None:
            return None
        path = Path(page.file.abs_src_path).resolve()
        return (
            path.relative_to(self.root.resolve()).as_posix()
            if path.is_relative_to(self.root.resolve())
            else None
        )

    def alternates(self, page) -> list[dict]:
        """The same page in every language: relative link for the switcher, absolute for
        hreflang."""
        here = self._global(page.url, self.lang)
        out = []
        for lang in self.languages:
            there = self._global(page.url, lang)
            out.append(
                {
                    "lang": lang,
                    "name": self.language_names[lang],
                    "url": get_relative_url(there, here) or "./",
                    "absolute": self.base_url + there,
                    "current": lang == self.lang,
                }
            )
        return out

    def _global(self, url: str, lang: str) -> str:
        return Languages(tuple(self.languages)).site_path(url, lang)
