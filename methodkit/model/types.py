"""Item types as data: `schemas/types.yml` declares every type a methodology has.

No other module knows a type by name. What a page, a list, a feed or a PDF
does with an item it asks of the item's type: its folder, address, order, card,
sections, facets, back-links, handout, JSON-LD. A site adds a type with a
declaration, a schema and, if it wants, a template.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from methodkit.model.languages import in_language

# An item's participant version sits below its page: modules/<id>/handout/.
HANDOUT_SLUG = "handout"


@dataclass(frozen=True)
class Field:
    """A field as a card row, a listing line or a filter: its name and how it is shown."""

    name: str
    display: str | None = None  # date, duration, range, period, contact; None: from the schema
    name_in_filters: str | None = None  # the filter's name in a list's address (?lever=...)

    @property
    def param(self) -> str:
        return self.name_in_filters or self.name

    @classmethod
    def of(cls, spec) -> Field:
        return (
            cls(spec)
            if isinstance(spec, str)
            else cls(spec["field"], spec.get("as"), spec.get("name"))
        )


@dataclass(frozen=True)
class Backlink:
    key: str
    field: str | None = None  # the items this field names
    from_type: str | None = None  # items of this type that name the item
    sharing: str | None = None  # items of `type` sharing terms of this field
    type: str | None = None
    max: int | None = None


@dataclass(frozen=True)
class Listing:
    meta: tuple[tuple[Field, ...], ...] = ()
    filters: tuple[Field, ...] = ()
    group_by: str | None = None
    feed: bool = False


@dataclass(frozen=True)
class ItemType:
    name: str
    folder: str
    url: str
    template: str = "item.html"
    order: str | dict = "title"
    card: tuple[Field, ...] = ()
    sections_before: tuple[str, ...] = ()
    sections_after: tuple[str, ...] = ()
    facets: tuple[str, ...] = ()
    backlinks: tuple[Backlink, ...] = ()
    listing: Listing = field(default_factory=Listing)
    handout_leaves_out: tuple[str, ...] | None = None  # None: no participant version
    home_figure: bool = False
    home_latest: int = 0
    feed: bool = False
    pack: int | None = None
    personal_data: bool = False
    dated_ids: bool = False
    planner: bool = False
    schema_org: dict = field(default_factory=dict)
    starter: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)  # language -> name, plural, fields, backlinks

    def interface(self, lang: str) -> dict[str, str]:
        """What this type's declaration calls it, as keys of methodkit/locales: in `lang`, else in
        English (a language the declaration does not speak yet). Its fields and back-links are its
        own (`own_label`): another type's field of the same name keeps its own words."""
        words = in_language(self.labels, lang) or {}
        out = {}
        if words.get("name"):
            out[f"kind.{self.name}"] = words["name"]
        if words.get("plural"):
            out[f"kind.{self.name}.plural"] = words["plural"]
        return out

    def own_label(self, lang: str, part: str, name: str) -> str | None:
        """What the declaration calls one of this type's fields (`part` "fields": a card row, a
        filter, a section's heading) or back-links ("backlinks") in `lang`, else in English."""
        words = in_language(self.labels, lang) or {}
        found = (words.get(part) or {}).get(name) if isinstance(words, dict) else None
        return found if isinstance(found, str) and found else None

    def names(self) -> dict[str, str]:
        """What its declaration calls one item of this type, per language."""
        return {
            lang: words["name"]
            for lang, words in self.labels.items()
            if isinstance(words, dict) and isinstance(words.get("name"), str)
        }

    @property
    def has_handout(self) -> bool:
        return self.handout_leaves_out is not None

    @property
    def by_trajectory(self) -> bool:
        return self.order == "trajectory"

    @property
    def index_url(self) -> str:
        """The address above its items' pages (modules/ for modules/{id}/)."""
        return self.url.split("{id}")[0]

    def page_url(self, item_id: str) -> str:
        return self.url.format(id=item_id)

    def medium_src(self, rest: str) -> str:
        """Where a file of this type's folder (`rest`: its path from the folder) is published:
        beside the pages of the items, whose bodies name it relative to their page."""
        return f"{posixpath.dirname(self.url.rstrip('/'))}/{rest}"

    @classmethod
    def declared(cls, name: str, d: dict) -> ItemType:
        listing = d.get("listing") or {}
        return cls(
            name=name,
            folder=d["folder"],
            url=d["url"],
            template=d.get("template", "item.html"),
            order=d.get("order", "title"),
            card=tuple(Field.of(f) for f in d.get("card", [])),
            sections_before=tuple((d.get("sections") or {}).get("before", [])),
            sections_after=tuple((d.get("sections") or {}).get("after", [])),
            facets=tuple(d.get("facets", [])),
            backlinks=tuple(
                Backlink(
                    b["key"],
                    b.get("field"),
                    b.get("from"),
                    b.get("sharing"),
                    b.get("type"),
                    b.get("max"),
                )
                for b in d.get("backlinks", [])
            ),
            listing=Listing(
                meta=tuple(tuple(Field.of(f) for f in line) for line in listing.get("meta", [])),
                filters=tuple(Field.of(f) for f in listing.get("filters", [])),
                group_by=listing.get("group_by"),
                feed=bool(listing.get("feed")),
            ),
            handout_leaves_out=tuple(d["handout"].get("leave_out", [])) if "handout" in d else None,
            home_figure=bool((d.get("home") or {}).get("figure")),
            home_latest=int((d.get("home") or {}).get("latest", 0)),
            feed=bool(d.get("feed")),
            pack=d.get("pack"),
            personal_data=bool(d.get("personal_data")),
            dated_ids=bool(d.get("dated_ids")),
            planner=bool(d.get("planner")),
            schema_org=d.get("schema_org") or {},
            starter=d.get("starter") or {},
            labels=d.get("labels") or {},
        )


@dataclass(frozen=True)
class Types:
    """The declared types, in the order of the declaration file."""

    all: tuple[ItemType, ...] = ()
    # types whose declaration has a mistake other than an unknown key, and their folders: their
    # files wait until it is mended, and a page or a policy naming such a type is not told that it
    # does not exist
    unread_names: frozenset[str] = frozenset()
    unread_folders: frozenset[str] = frozenset()
    # the line of each key of the declarations (tool.template), for problems found later
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def __iter__(self):
        return iter(t.name for t in self.all)

    @property
    def named(self) -> tuple[str, ...]:
        """Every type the declarations name, read or not."""
        return (*self, *sorted(self.unread_names))

    def __contains__(self, name) -> bool:
        return any(t.name == name for t in self.all)

    def __getitem__(self, name: str) -> ItemType:
        return next(t for t in self.all if t.name == name)

    def by_folder(self, folder: str) -> ItemType | None:
        return next((t for t in self.all if t.folder == folder), None)

    def facet_vocabularies(self) -> list[str]:
        """Vocabularies with a page per term: those some type is faceted by, in order of first
        mention."""
        out: list[str] = []
        for t in self.all:
            out += [v for v in t.facets if v not in out]
        return out

    def interface(self, lang: str) -> dict[str, str]:
        """What the declarations call their types in `lang` (over the engine's words)."""
        out: dict[str, str] = {}
        for t in self.all:
            out.update(t.interface(lang))
        return out

    def in_pack(self) -> list[ItemType]:
        return sorted((t for t in self.all if t.pack is not None), key=lambda t: t.pack)
