"""What an item's page shows from the catalogue, beyond the page around it: the item's view, its
description for search engines and link previews, and the notice of a translation that is
missing or outdated. Each generator adapter lays it out: the MkDocs plugin in its templates'
`mk`, the plain files in their front matter."""

from __future__ import annotations

from methodkit.catalogue.catalogue import Catalogue
from methodkit.model.items import Item
from methodkit.pages.metadata import adaptation_chain, jsonld, open_graph, website_jsonld
from methodkit.pages.views import item_view
from methodkit.publishing.changelog import item_changes

# The catalogue's translation state, as the page's notice names it.
NOTICES = {"missing": "fallback", "outdated": "outdated"}


def item_page(
    cat: Catalogue,
    item: Item,
    *,
    handout: bool,
    pdf: bool,
    url: str,
    source_url: str,
    site_name: str,
    base_url: str,
    brand: dict,
    languages,
) -> dict:
    """`url`: the page's address in the reader's language; `source_url`: where its text is
    published in the site's first language; `base_url`: the site's root."""
    view = item_view(cat, item, handout=handout, pdf=pdf, url=url, brand=brand)
    view["adapted_from"] = adaptation_chain(cat, item)
    view.update(item_changes(cat, item))
    described = jsonld(cat, item, url, source_url, site_name, base_url, brand.get("based_on"))
    described["isPartOf"] = website_jsonld(brand, base_url)
    return {
        "item": view,
        "jsonld": described,
        "open_graph": open_graph(cat, item, url, site_name, languages),
        "notice": NOTICES.get(cat.status[(item.kind, item.id)]),
    }
