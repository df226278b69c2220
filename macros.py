"""The site's own macros for its pages in docs/ (mkdocs-macros' `module_name`).

The engine's macros (item lists, glossary, trajectory, citation, downloads ...)
come from `methodkit.mkdocs_adapter.macros`, listed under `modules:` in
mkdocs.yml, so a site gets them with the engine's version. A site adds one of
its own here as an `@env.macro` function inside `define_env`; only the pages
listed in `macro_pages` may call it.
"""


def define_env(env):
    """This site adds no macros of its own to the engine's."""
