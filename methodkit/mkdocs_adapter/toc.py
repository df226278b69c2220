"""An item page's table of contents: the body's headings, and those its template shows around
the body (sections, results, links; `pages.views.section_headings`), in the order a reader
meets them."""

from __future__ import annotations

from html import escape

from mkdocs.structure.toc import AnchorLink


def with_headings(toc, before: list, after: list, lang: str | None = None) -> None:
    """Adds the (anchor, title) headings `before` and `after` the body's own entries of `toc` (a
    page's TableOfContents), in place, once: serve may render a page again. `lang`: the
    language of the titles (the reader's), where the list is marked as in another (the text of
    an untranslated item)."""
    entries = toc.items
    if entries and entries[0].level == 1:
        entries = entries[0].children  # as Material's partial shows them: under the page's title
    have = {link.id for link in entries}

    def title(text: str) -> str:
        # Material prints an entry's title as HTML; a label is text.
        text = escape(text, quote=False)
        return f'<span lang="{lang}">{text}</span>' if lang else text

    def links(headings: list) -> list:
        return [AnchorLink(title(t), a, 2) for a, t in headings if a not in have]

    entries[:0] = links(before)
    entries.extend(links(after))
