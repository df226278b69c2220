"""mkdocs-macros module (`modules: [methodkit.mkdocs_adapter.macros]`): small macros for the site's own pages in docs/.

Only pages with `render_macros: true` use them; methodology content never
does. Each macro hands the work to methodkit.pages.listings and returns HTML.
They ship with the engine, so every site that uses it has them.
"""

from methodkit.pages import listings
from methodkit.pages.accessibility import statement
from methodkit.publishing.citation import citation_html


def define_env(env):
    def catalogue():
        return env.conf.plugins["methodkit"].catalogue

    def here():
        return env.page.url

    @env.macro
    def item_list(kind):
        """Every item of a type, as its declaration in schemas/types.yml lists them."""
        return listings.item_list(catalogue(), kind, here())

    @env.macro
    def glossary():
        """Every vocabulary term with its description."""
        return listings.glossary(catalogue(), here())

    @env.macro
    def trajectory():
        """The year-long track as a timeline."""
        return listings.trajectory(catalogue(), here())

    @env.macro
    def accessibility_statement():
        """The accessibility statement on the EU model, from extra.accessibility in mkdocs.yml."""
        plugin = env.conf.plugins["methodkit"]
        return statement(env.conf.extra, env.conf.site_url or "", plugin.lang, plugin.source)

    @env.macro
    def downloads():
        """The PDF downloads: trainer pack and each module's two versions."""
        plugin = env.conf.plugins["methodkit"]
        return listings.downloads(plugin.catalogue, plugin.pdf, here())

    @env.macro
    def citation():
        """How to cite the site, from extra.publisher in mkdocs.yml."""
        plugin = env.conf.plugins["methodkit"]
        return citation_html(plugin.brand, plugin.lang, plugin.base_url, plugin.date)

    @env.macro
    def sources_zip():
        """Link to the zip of the methodology's sources."""
        return listings.sources_zip(catalogue(), here())

    @env.macro
    def translation_status():
        """Translated, missing and outdated pages per language."""
        env.page.meta[listings.SHOWS_STATES] = (
            True  # serve renders the page again when a state changes
        )
        return listings.translation_status(catalogue(), env.conf, here())
