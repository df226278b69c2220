"""mkdocs-macros module (`modules: [methodkit.mkdocs_adapter.macros]`): the engine's macros for the
site's own pages in docs/.

Only the pages listed in `macro_pages` use them; methodology content never
does. Each macro hands the work to methodkit.pages.engine_macros (which the plain
files use too) and returns its HTML as a block of its own
(methodkit.pages.macro_blocks): the page around it is cleaned as content, the
block with the interface's allow-list. They ship with the engine, so every site
that uses it has them. A site's own macro (macros.py) returns Markdown or HTML
that is cleaned as content, unless it hands its HTML to
`interface_block(env, html)`.

The check reads the macros' names from this file's source (`@interface.macro` as `@env.macro`),
so each is defined here by name.
"""

import functools

from methodkit.pages import engine_macros, listings


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

    def here() -> engine_macros.Here:
        """The page being rendered, in this language's build."""
        plugin = env.conf.plugins["methodkit"]
        return engine_macros.Here(
            cat=plugin.catalogue,
            url=env.page.url,
            site_url=env.conf.site_url or "",
            base_url=plugin.base_url,
            brand=plugin.brand,
            extra=env.conf.extra,
            date=plugin.date,
            pdf=plugin.pdf,
        )

    @interface.macro
    def item_list(kind):
        return engine_macros.item_list(here(), kind)

    @interface.macro
    def glossary():
        return engine_macros.glossary(here())

    @interface.macro
    def trajectory():
        return engine_macros.trajectory(here())

    @interface.macro
    def accessibility_statement():
        return engine_macros.accessibility_statement(here())

    @interface.macro
    def downloads():
        return engine_macros.downloads(here())

    @interface.macro
    def citation():
        return engine_macros.citation(here())

    @interface.macro
    def sources_zip():
        return engine_macros.sources_zip(here())

    @interface.macro
    def translation_status():
        env.page.meta[listings.SHOWS_STATES] = (
            True  # serve renders the page again when a state changes
        )
        return engine_macros.translation_status(here())
