"""The engine's macros: the HTML a call on a site page (`{{ item_list("module") }}`) stands for.

One function per macro, for every adapter: mkdocs-macros calls them through
`mkdocs_adapter/macros.py`, and the plain files (`publishing/plain_site_pages.py`) put their HTML
where a page calls them. Each takes the page it is called from (`Here`) and the call's argument.
"""

from __future__ import annotations

from dataclasses import dataclass

from methodkit.catalogue.catalogue import Catalogue
from methodkit.pages import listings
from methodkit.pages.accessibility import statement
from methodkit.publishing.citation import citation_html


@dataclass(frozen=True)
class Here:
    """A page of one language's site that calls a macro, and what that site knows."""

    cat: Catalogue  # the language's catalogue
    url: str  # the page's address in its language's site (`modules/`)
    site_url: str  # the language's address (the source's, then `<lang>/`)
    base_url: str  # the whole site's address
    brand: dict
    extra: dict  # `extra` of mkdocs.yml
    date: str  # the content's date, which the citation carries
    pdf: bool = False  # whether this build prints the PDFs


def item_list(here: Here, kind: str) -> str:
    """Every item of a type, as its declaration in schemas/types.yml lists them."""
    return listings.item_list(here.cat, kind, here.url)


def glossary(here: Here) -> str:
    """Every vocabulary term with its description."""
    return listings.glossary(here.cat, here.url)


def trajectory(here: Here) -> str:
    """The year-long track as a timeline."""
    return listings.trajectory(here.cat, here.url)


def accessibility_statement(here: Here) -> str:
    """The accessibility statement on the EU model, from extra.accessibility in mkdocs.yml."""
    cat = here.cat
    return statement(here.extra, here.site_url, cat.t, cat.lang, cat.content.languages[0])


def downloads(here: Here) -> str:
    """The PDF downloads: trainer pack and each module's two versions."""
    return listings.downloads(here.cat, here.pdf, here.url)


def citation(here: Here) -> str:
    """How to cite the site, from extra.publisher in mkdocs.yml."""
    return citation_html(here.brand, here.cat.t, here.cat.lang, here.base_url, here.date)


def sources_zip(here: Here) -> str:
    """Link to the zip of the methodology's sources."""
    return listings.sources_zip(here.cat, here.url)


def translation_status(here: Here) -> str:
    """Translated, missing and outdated pages per language."""
    return listings.translation_status(here.cat)


MACROS = {
    f.__name__: f
    for f in (
        item_list,
        glossary,
        trajectory,
        accessibility_statement,
        downloads,
        citation,
        sources_zip,
        translation_status,
    )
}
