"""The site's own pages in docs/ (`x.md`), each with its translations (`x.<lang>.md`).

They enter the content model once per load (methodkit.loading.docs), like items: the translation
status, `methodkit translate`, the PO export and the build read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from methodkit.model.translations import translation_state


def url_of(src: str) -> str:
    """The address of the page whose Markdown file is `src` (in docs/, or a page the engine plans),
    as a site with directory addresses has it: `reuse.md` at `reuse/`, `method/index.md` at
    `method/`."""
    if src == "index.md" or src.endswith("/index.md"):
        return src.removesuffix("index.md")
    return src.removesuffix(".md") + "/"


@dataclass(frozen=True)
class PageTranslation:
    path: str  # from the repository root
    lang: str
    source_hash: str | None  # the version of the source it was made from
    draft: bool
    body: str | None = None  # its Markdown below the front matter; None when it does not parse
    body_line: int = 1  # the line of the body's first line in the file
    meta: dict = field(default_factory=dict)  # its front matter, as read


@dataclass(frozen=True)
class SitePage:
    src: str  # its path in docs/, e.g. reuse.md or method/index.md
    path: str  # from the repository root
    lang: str  # the language it is written in: its `lang:`, else the site's first language
    hash: str | None  # its version (title and body); None when its front matter does not parse
    translations: dict[str, PageTranslation] = field(default_factory=dict)
    # Its layout (`template:`, `hide:`): the source page's in every language, whatever a
    # translation's front matter says.
    template: str | None = None
    hide: tuple[str, ...] = ()
    body: str | None = None  # its Markdown below the front matter; None when it does not parse
    body_line: int = 1
    meta: dict = field(default_factory=dict)  # its front matter, as read

    @property
    def url(self) -> str:
        """Its address in a language's site, as a site with directory addresses has it."""
        return url_of(self.src)

    def shown_in(self, lang: str, include_drafts: bool = False) -> tuple:
        """What `lang`'s site shows of it, and the notice it says: its translation where there is
        one (`outdated` when made from an older version), else the page itself (`fallback` in a
        language other than its own); the MkDocs adapter and the plain files both ask."""
        translation = self.translations.get(lang)
        state = translation_state(self.lang, lang, translation, self.hash, include_drafts)
        if state in ("source", "missing"):
            return self, "fallback" if state == "missing" else None
        return translation, "outdated" if state == "outdated" else None
