"""A field's value as a reader sees it: terms with their labels, items with their titles, text.

Cards, overview lists and filters all show fields the way the item type
declares them (`card`, `listing` in schemas/types.yml); how each kind of
value looks is decided here, once.
"""

from __future__ import annotations

import re

from methodkit.catalogue.catalogue import Catalogue
from methodkit.checks.policy import PLAIN_EMAIL
from methodkit.i18n import format_date, format_duration
from methodkit.model.items import Item
from methodkit.model.types import Field

# The steps a trainer plans in: up to 1 h, 2 h, 3 h, half a day, a day; "more" is longer than a day.
DURATION_BUCKETS = (
    ("1h", 60),
    ("2h", 120),
    ("3h", 180),
    ("half-day", 240),
    ("day", 480),
    ("more", None),
)


def link(text: str, url: str | None = None) -> dict:
    return {"text": text, "url": url}


def item_link(cat: Catalogue, item: Item) -> dict:
    """An item as a list shows it; an example is marked as one in every list."""
    return {
        "text": cat.text(item, "title"),
        "url": item.url,
        "summary": cat.text(item, "summary"),
        "example": bool(item.meta.get("example")),
    }


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def term_links(cat: Catalogue, vocabulary: str, values) -> list[dict]:
    # An unknown term (while serving, beside its problem in the banner) has no facet page to link
    # to.
    return [
        link(
            cat.label(vocabulary, v),
            f"{vocabulary}/{v}/" if vocabulary in cat.facets and cat.term(vocabulary, v) else None,
        )
        for v in as_list(values)
    ]


def values(cat: Catalogue, item: Item, f: Field) -> list[dict]:
    """The field of an item as links and texts (empty when the item does not have it), in the
    build's language where the field is translatable and translated."""
    value = cat.text(item, f.name)
    if value is None or value == []:
        return []
    lang = cat.lang
    if f.display == "date":
        return [link(format_date(value, lang))]
    if f.display == "duration":
        return [link(format_duration(value, cat.t))]
    if f.display == "range":
        return [link(group_size(value, cat.t))]
    if f.display == "period":
        return [link(str(value["start"]) + "–" + (str(value["end"]) if value.get("end") else ""))]
    if f.display == "contact":
        return [contact_link(value)]
    target = cat.content.schemas.target(item.kind, f.name)
    if target and target[0] == "vocabulary":
        return term_links(cat, target[1], value)
    if target and target[0] == "reference":
        kind = cat.content.type_of_folder(target[1])
        return [
            item_link(cat, x) for x in (cat.get(kind, i) for i in as_list(value)) if x is not None
        ]
    return [link(str(v)) for v in as_list(value)]


def filter_values(item: Item, f: Field) -> list[str]:
    """The values an overview list filters this field on."""
    if f.display == "duration":
        return duration_buckets(item.meta[f.name])
    return [str(v) for v in as_list(item.meta.get(f.name))]


def duration_buckets(minutes: int) -> list[str]:
    """Every step a duration fits in: "up to 2 h" also finds the modules of an hour."""
    fits = [name for name, limit in DURATION_BUCKETS if limit is not None and minutes <= limit]
    return fits or ["more"]


def contact_link(contact: str) -> dict:
    """A general contact: a web address or an e-mail address becomes a link, anything else stays
    text."""
    if re.fullmatch(r"https?://\S+", contact):
        return link(contact, contact)
    if re.fullmatch(PLAIN_EMAIL, contact):
        return link(contact, f"mailto:{contact}")
    return link(contact)


def group_size(gs: dict, t: dict) -> str:
    if gs["min"] == gs["max"]:
        return t["group.exact"].format(n=gs["min"])
    return t["group.range"].format(min=gs["min"], max=gs["max"])
