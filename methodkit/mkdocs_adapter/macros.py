"""mkdocs-macros module (`modules: [methodkit.mkdocs_adapter.macros]`): small macros for the site's
own pages in docs/.

Only the pages listed in `macro_pages` use them; methodology content never
does. Each macro hands the work to methodkit.pages.listings and returns its HTML
as a block of its own (methodkit.pages.macro_blocks): the page around it is
cleaned as content, the block with the interface's allow-list. They ship with
the engine, so every site that uses it has them. A site's own macro (macros.py)
returns Markdown or HTML that is cleaned as content, unless it hands its HTML to
`interface_block(env, html)`.
"""

import functools

from methodkit.pages import listings
from methodkit.pages.accessibility import statement
from methodkit.publishing.citation import citation_html


def interface_block(env, html: str) -> str:
    """What a macro returns for `html` to appear as a block of its own, with the interface's
    allow-list (forms, `data-` attributes), whatever the page's text around the call."""
    return env.conf.plugins["methodkit"].macro_blocks.stand_in(html)


class _Interface:
    """Registers macros whose HTML is a block of the interface (`@interface.macro`, which the check
    reads as it reads `@env.macro`)."""

    def __init__(self, env):
        self.env = env

    def macro(self, fn):
        @functools.wraps(fn)
        def macro(*args, **kwargs):
            return interface_block(self.env, fn(*args, **kwargs))

        return self.env.macro(macro)


def define_env(env):
    interface = _Interface(env)

    def catalogue():
        return env.conf.plugins["methodkit"].catalogue

    def here():
        return env.page.url

    @interface.macro
    def item_list(kind):
        """Every item of a type, as its declaration in schemas/types.yml lists them."""
        return listings.item_list(catalogue(), kind, here())

    @interface.macro
    def glossary():
        """Every vocabulary term with its description."""
        return listings.glossary(catalogue(), here())

    @interface.macro
    def trajectory():
        """The year-long track as a timeline."""
        return listings.trajectory(catalogue(), here())

    @interface.macro
    def accessibility_statement():
        """The accessibility statement on the EU model, from extra.accessibility in mkdocs.yml."""
        plugin = env.conf.plugins["methodkit"]
        return statement(
            env.conf.extra, env.conf.site_url or "", plugin.t, plugin.lang, plugin.source
        )

    @interface.macro
    def downloads():
        """The PDF downloads: trainer pack and each module's two versions."""
        plugin = env.conf.plugins["methodkit"]
        return listings.downloads(plugin.catalogue, plugin.pdf, here())

    @interface.macro
    def citation():
        """How to cite the site, from extra.publisher in mkdocs.yml."""
        plugin = env.conf.plugins["methodkit"]
        return citation_html(plugin.brand, plugin.t, plugin.lang, plugin.base_url, plugin.date)

    @interface.macro
    def sources_zip():
        """Link to the zip of the methodology's sources."""
        return listings.sources_zip(catalogue(), here())

    @interface.macro
    def translation_status():
        """Translated, missing and outdated pages per language."""
        env.page.meta[listings.SHOWS_STATES] = (
            True  # serve renders the page again when a state changes
        )
        return listings.translation_status(catalogue(), env.conf, here())
