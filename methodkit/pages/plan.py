"""The plan of a site in one language: every page the content adds, with what it shows.

The engine decides which pages exist (one per item, a participant version for
the types that have one, one per facet term), their source path, template,
title, description and Markdown, and where each image beside an item goes. A
generator adapter only carries the plan out: the MkDocs plugin adds the pages
as files of its build; `methodkit plan` writes them as plain Markdown files
with front matter, for a generator that runs no plugins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.model.items import Item
from methodkit.model.site_pages import url_of
from methodkit.model.types import HANDOUT_SLUG


@dataclass(frozen=True)
class PlannedPage:
    src: str  # the page's source path in the docs folder, e.g. modules/intake.md
    kind: str  # item | handout | facet
    template: str
    title: str
    description: str
    markdown: str  # the body to convert; a handout and a facet page are laid out by their template
    item: Item | None = None
    vocabulary: str | None = None
    term: str | None = None

    @property
    def url(self) -> str:
        """Its address in the language's site, as a site with directory addresses has it."""
        return url_of(self.src)


@dataclass(frozen=True)
class Media:
    src: str  # where the file goes, beside the page of its item
    path: Path  # the file in the repository


def pages(cat: Catalogue, handout_label: str) -> list[PlannedPage]:
    """Every page the catalogue adds to the site of its language."""
    out = []
    for _kind, items in cat.items.items():
        for item in items:
            title, summary = cat.text(item, "title"), cat.text(item, "summary")
            out.append(
                PlannedPage(
                    item.url.rstrip("/") + ".md",
                    "item",
                    item.type.template,
                    title,
                    summary,
                    cat.body(item),
                    item=item,
                )
            )
            if item.type.has_handout:
                out.append(
                    PlannedPage(
                        f"{item.url}{HANDOUT_SLUG}.md",
                        "handout",
                        item.type.template,
                        f"{title} ({handout_label})",
                        summary,
                        "",
                        item=item,
                    )
                )
    for vocabulary in cat.facets:
        for term in cat.terms(vocabulary):
            out.append(
                PlannedPage(
                    f"{vocabulary}/{term.id}.md",
                    "facet",
                    "facet.html",
                    term.label(cat.lang),
                    term.description(cat.lang),
                    "",
                    vocabulary=vocabulary,
                    term=term.id,
                )
            )
    return out


def media(cat: Catalogue) -> list[Media]:
    """The images beside items, each beside its item's page so the body's relative address finds
    it."""
    content = cat.content
    out = []
    for rel in content.media:
        inside = Path(rel).relative_to(content.content_dir.relative_to(content.root)).as_posix()
        folder, _, rest = inside.partition("/")
        itype = content.types.by_folder(folder)
        out.append(Media(itype.medium_src(rest), content.root / rel))
    return out


def addresses(cat: Catalogue, planned: list[PlannedPage] | None = None) -> list[str]:
    """Every page of the language's site, relative to its root: the site's own pages and the planned
    ones (`planned`, when the caller has them already)."""
    own = [page.url for page in cat.content.site_pages.values()]
    return sorted(set(own) | {page.url for page in planned or pages(cat, "")})
