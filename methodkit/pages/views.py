"""Plain data for the page templates: labels resolved, links computed, nothing to escape.

Templates in overrides/ only lay these values out (inside autoescape blocks),
so all the decisions live here, testable without MkDocs.
"""

from __future__ import annotations

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import in_sentence
from methodkit.model.items import Item
from methodkit.model.licences import LICENCES
from methodkit.model.types import HANDOUT_SLUG
from methodkit.pages.credit import credit, provenance
from methodkit.pages.fields import as_list, item_link, term_links, values
from methodkit.pages.handouts import has_worksheet
from methodkit.pages.steps import step_lines
from methodkit.publishing.pdf_names import module_pdf


def label(t: dict, key: str, fallback: str) -> str:
    """Interface text, or a readable fallback for a name a site declared without a locale key."""
    return t.get(key) or fallback.replace("_", " ").capitalize()


def field_label(cat: Catalogue, itype, name: str, key: str, part: str = "fields") -> str:
    """A field's (or back-link's) name on a page of `itype`: its declaration's words for it, else
    the interface text `key`, else the name made readable."""
    return itype.own_label(cat.lang, part, name) or label(cat.t, key, name)


def type_label(t: dict, kind: str, plural: bool = False) -> str:
    return label(t, f"kind.{kind}" + (".plural" if plural else ""), kind)


def kinds_in_sentence(cat: Catalogue, kind: str) -> str:
    """A type's plural as it reads inside a sentence: '19 modules', 'Nieuwste sessieverslagen'."""
    return in_sentence(type_label(cat.t, kind, plural=True), cat.lang)


def card(cat: Catalogue, item: Item) -> list[dict]:
    """The rows of the item's card, as its type declares them."""
    rows = []
    for f in item.type.card:
        shown = values(cat, item, f)
        if shown:
            rows.append(
                {
                    "key": f.name,
                    "label": field_label(cat, item.type, f.name, f"field.{f.name}"),
                    "values": shown,
                }
            )
    return rows


def anchor(part: str) -> str:
    """The id of the heading of a part of an item's page around its body (a section, its results,
    its links): the page, its table of contents and its search entries lead there."""
    return f"section-{part}"


def sections(cat: Catalogue, item: Item, handout: bool = False) -> list[dict]:
    """Texts and lists from the front matter, shown before and after the body (a handout leaves
    some out)."""
    t = cat.t
    leave_out = item.type.handout_leaves_out or () if handout else ()
    out = []
    for place, names in (
        ("before", item.type.sections_before),
        ("after", item.type.sections_after),
    ):
        for name in names:
            found = cat.text(item, name) or []
            if found and name not in leave_out:
                # A text is a paragraph, a list a list (the check allows no other field here).
                text = isinstance(found, str)
                out.append(
                    {
                        "key": name,
                        "anchor": anchor(name),
                        "title": field_label(cat, item.type, name, f"section.{name}"),
                        "items": [found] if text else found,
                        "text": text,
                        "place": place,
                    }
                )
    if handout:
        # The participants' programme: the steps as short lines, without the coach's script.
        steps = step_lines(cat.body(item))
        if steps:
            out.append(
                {
                    "key": "programme",
                    "anchor": anchor("programme"),
                    "title": t["section.programme"],
                    "items": steps,
                    "place": "before",
                }
            )
    return out


def section_headings(view: dict, t: dict) -> tuple[list, list]:
    """The headings an item's page shows before and after its body (its sections, results and
    links), as (anchor, title): for the page's table of contents, beside the body's own.
    `view`: the item's view (`item_view`)."""
    before = [(s["anchor"], s["title"]) for s in view["sections"] if s["place"] == "before"]
    after = [(s["anchor"], s["title"]) for s in view["sections"] if s["place"] == "after"]
    if view.get("results"):
        after.append((anchor("results"), t["section.results"]))
    if view.get("links"):
        after.append((anchor("links"), t["section.links"]))
    return before, after


def _items(cat: Catalogue, kind: str, ids) -> list[Item]:
    return [x for x in (cat.get(kind, i) for i in as_list(ids)) if x is not None]


def backlinks(cat: Catalogue, item: Item) -> list[dict]:
    """The lists of other items on an item's page, as its type declares them."""
    groups = []
    for b in item.type.backlinks:
        more = None
        if b.field is not None:
            target = cat.content.schemas.target(item.kind, b.field)
            kind = (
                cat.content.type_of_folder(target[1])
                if target and target[0] == "reference"
                else item.kind
            )
            found = _items(cat, kind, item.meta.get(b.field))
        elif b.from_type is not None:
            found = cat.sort(
                b.from_type, cat.referred_by.get((item.kind, item.id), {}).get(b.from_type, [])
            )
        else:
            vocabulary = cat.content.schemas.target(item.kind, b.sharing)[1]
            found = cat.sharing_terms(b.type, vocabulary, as_list(item.meta.get(b.sharing)))
            if b.max is not None and len(found) > b.max:
                # The full lists are on the term pages: unbounded, this list grew with the library.
                found, more = found[: b.max], term_links(cat, vocabulary, item.meta.get(b.sharing))
        if found:
            groups.append(
                {
                    "key": b.key,
                    "title": field_label(cat, item.type, b.key, f"backlinks.{b.key}", "backlinks"),
                    "items": [item_link(cat, x) for x in found],
                    "more": more,
                }
            )
    return groups


def licence(cat: Catalogue, item: Item, url: str, brand: dict | None = None) -> dict:
    """Licence and credit line; `url` is the page's public address (the source to credit)."""
    lic = LICENCES[item.meta["license"]]
    brand = brand or {}
    who = credit(cat, item, lic.name, url, brand.get("site_name", ""), brand.get("based_on"))
    tr = item.translations.get(cat.lang)
    translators = (
        ", ".join(tr.translators)
        if tr is not None and cat.status[(item.kind, item.id)] != "missing"
        else ""
    )
    badge = (
        lic.id.removeprefix("CC-")
        .removesuffix("-4.0")
        .removesuffix("-1.0")
        .lower()
        .replace("-", " ")
    )
    return {
        "id": lic.id,
        "name": lic.name,
        "url": lic.url,
        "authors": who["written_by"],
        "credit": who["credit"],
        "based_on": who["based_on"],
        "about": who["about"],
        "badge": badge,
        "translators": translators,
    }


def downloads(cat: Catalogue, item: Item, pdf: bool) -> list[dict]:
    """The coach and participant versions of an item with a handout, as pages and (when built) as
    PDFs."""
    if not item.type.has_handout:
        return []
    t = cat.t
    out = [
        {"text": t["print.coach"], "url": item.url, "kind": "coach"},
        {
            "text": t["print.participant"],
            "url": f"{item.url}{HANDOUT_SLUG}/",
            "kind": "participant",
        },
    ]
    if pdf:
        out += [
            {
                "text": t["print.coach_pdf"],
                "url": module_pdf(item.id, "coach", cat.lang),
                "kind": "pdf",
            },
            {
                "text": t["print.participant_pdf"],
                "url": module_pdf(item.id, "participant", cat.lang),
                "kind": "pdf",
            },
        ]
        if has_worksheet(cat.body(item)):
            out.append(
                {
                    "text": t["print.worksheet_pdf"],
                    "url": module_pdf(item.id, "worksheet", cat.lang),
                    "kind": "pdf",
                }
            )
    return out


def item_view(
    cat: Catalogue,
    item: Item,
    handout: bool = False,
    pdf: bool = False,
    url: str = "",
    brand: dict | None = None,
) -> dict:
    # The participant version leads nowhere else: no back-links, no previous or next item.
    prev, nxt = (None, None) if handout else cat.neighbours(item)
    return {
        "handout": handout,
        "downloads": downloads(cat, item, pdf),
        "kind": item.kind,
        "id": item.id,
        "title": cat.text(item, "title"),
        # The participant version opens with the item's words for participants, when it has them.
        "summary": (handout and cat.text(item, "for_participants")) or cat.text(item, "summary"),
        "example": bool(item.meta.get("example")),
        "provenance": provenance(cat, item),
        "planner": item.type.planner,
        "card": card(cat, item),
        "sections": sections(cat, item, handout),
        "results": cat.text(item, "results") or [],
        "anchors": {part: anchor(part) for part in ("results", "links")},
        "links": item.meta.get("links") or [],
        "backlinks": [] if handout else backlinks(cat, item),
        "previous": item_link(cat, prev) if prev else None,
        "next": item_link(cat, nxt) if nxt else None,
        "licence": licence(cat, item, url, brand),
        "draft": item.draft,
    }


def facet_view(cat: Catalogue, vocabulary: str, term_id: str) -> dict:
    """A term's page: the items of every type faceted by its vocabulary."""
    t = cat.t
    term = cat.term(vocabulary, term_id)
    found = cat.by_term.get((vocabulary, term_id), {})
    groups = []
    for itype in cat.types.all:
        if vocabulary in itype.facets:
            items = cat.sort(itype.name, found.get(itype.name, []))
            groups.append(
                {
                    "key": itype.name,
                    "title": type_label(t, itype.name, plural=True),
                    "items": [item_link(cat, x) for x in items],
                }
            )
    return {
        "vocabulary": vocabulary,
        "vocabulary_label": label(t, f"vocabulary.{vocabulary}", vocabulary),
        "id": term_id,
        "title": term.label(cat.lang),
        "description": term.description(cat.lang),
        "groups": groups,
    }


def home_view(cat: Catalogue) -> dict:
    """Figures and the newest items for the home page, of the types that ask for them."""
    t = cat.t
    figures = [
        {
            "count": len(cat.items[it.name]),
            "label": kinds_in_sentence(cat, it.name),
            "url": it.index_url,
        }
        for it in cat.types.all
        if it.home_figure
    ]
    latest = []  # a list of its newest items per type that asks for one, in its own order
    for it in cat.types.all:
        dated = next((f for f in it.card if f.display == "date"), None)
        items = [
            {**item_link(cat, x), "date": values(cat, x, dated)[0]["text"] if dated else ""}
            for x in cat.items[it.name][: it.home_latest]
        ]
        if items:
            title = t["home.latest"].format(kind=kinds_in_sentence(cat, it.name))
            latest.append({"kind": it.name, "title": title, "items": items})
    return {"figures": figures, "latest": latest}
