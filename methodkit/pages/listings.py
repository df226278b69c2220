"""HTML for the overview pages in docs/ (called from macros.py).

Every value is escaped here; links are made relative to the page they are on,
because MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from methodkit.catalogue.catalogue import Catalogue
from methodkit.catalogue.status import STATES, report, summary
from methodkit.i18n import native_name
from methodkit.model.items import Item
from methodkit.model.languages import Languages, relative_url
from methodkit.model.types import Field
from methodkit.pages.fields import DURATION_BUCKETS, as_list, filter_values, term_links, values
from methodkit.pages.handouts import has_worksheet
from methodkit.pages.render import render_inline
from methodkit.pages.views import label, type_label
from methodkit.publishing.feeds import FEED_NAME, feed_title
from methodkit.publishing.pdf_names import cards as cards_pdf
from methodkit.publishing.pdf_names import module_pdf, trainer_pack
from methodkit.publishing.pdf_names import workbook as workbook_pdf


def _url(target: str, here: str) -> str:
    return relative_url(target, here)


def _relative(links: list[dict], here: str) -> list[dict]:
    return [{**x, "url": _url(x["url"], here) if x.get("url") else None} for x in links]


def _meta_field(cat: Catalogue, item: Item, f: Field, here: str) -> dict:
    shown = _relative(values(cat, item, f), here)
    if f.display == "date":
        return {"kind": "date", "raw": str(item.meta[f.name]), "values": shown}
    target = cat.content.schemas.target(item.kind, f.name)
    return {"kind": "chips" if target else "text", "values": shown}


def _tile(cat: Catalogue, item: Item, here: str) -> dict:
    listing = item.type.listing
    return {
        "id": item.id,
        "url": _url(item.url, here),
        "title": cat.text(item, "title"),
        "summary": cat.text(item, "summary"),
        "example": bool(item.meta.get("example")),
        "data": [(f.param, " ".join(filter_values(item, f))) for f in listing.filters],
        "meta": [
            [m for m in (_meta_field(cat, item, f, here) for f in line) if m["values"]]
            for line in listing.meta
        ],
        "plan": item.type.planner,
    }


def _form(cat: Catalogue, kind: str, items: list[Item]) -> dict | None:
    """Selects for each filter, offering only values that occur. Hidden until the script runs,
    so that without JavaScript the reader simply gets the whole list."""
    filters = cat.types[kind].listing.filters
    if not filters:
        return None
    t = cat.t
    fields = []
    for f in filters:
        present = {v for item in items for v in filter_values(item, f)}
        if f.display == "duration":
            options = [(b, t[f"filter.duration.{b}"]) for b, _ in DURATION_BUCKETS if b in present]
        else:
            target = cat.content.schemas.target(kind, f.name)
            if target and target[0] == "vocabulary":
                options = [
                    (term.id, term.label(cat.lang))
                    for term in cat.terms(target[1])
                    if term.id in present
                ]
            else:
                options = [(v, v) for v in sorted(present)]
        fields.append(
            {
                "name": f.param,
                # what the type's declaration calls the field, else the engine's word for the
                # filter, else the field's name in the interface text
                "label": cat.types[kind].own_label(cat.lang, "fields", f.name)
                or t.get(f"filter.{f.param}")
                or label(t, f"field.{f.name}", f.name),
                "options": options,
            }
        )
    return {
        "label": t["filter.label"],
        "all": t["filter.all"],
        "reset": t["filter.reset"],
        "fields": fields,
        "count": {
            "one": t["filter.count.one"],
            "other": t["filter.count.other"],
            "none": t["filter.count.none"],
        },
    }


def item_list(cat: Catalogue, kind: str, here: str) -> str:
    """Every item of a type, as its declaration lists them: meta lines, filters, groups, a feed
    link."""
    t = cat.t
    itype = cat.types[kind]
    items = cat.items[kind]
    tiles = [_tile(cat, item, here) for item in items]
    groups = []
    if itype.listing.group_by:
        vocabulary = cat.content.schemas.target(kind, itype.listing.group_by)[1]
        for term in cat.terms(vocabulary):
            inside = [
                tile
                for item, tile in zip(items, tiles)
                if term.id in as_list(item.meta[itype.listing.group_by])
            ]
            if inside:
                groups.append(
                    {
                        "field": itype.listing.group_by,
                        "id": term.id,
                        "title": term.label(cat.lang),
                        "description": term.description(cat.lang),
                        "tiles": inside,
                    }
                )
    feed = (
        {
            "url": _url(FEED_NAME, here),
            # The site has one feed: the link names all it carries, this type's items among them.
            "text": t["feed.link"].format(kind=feed_title(cat)),
        }
        if itype.listing.feed
        else None
    )
    plan = {"url": _url("plan/", here), "t": t} if itype.planner else None
    return render_inline(
        "listing.html",
        kind=kind,
        tiles=tiles,
        groups=groups,
        form=_form(cat, kind, items),
        feed=feed,
        empty=t["facet.none"],
        example=t["example.mark"],
        plan=plan,
    )


def glossary(cat: Catalogue, here: str) -> str:
    t = cat.t
    vocabularies = [
        {
            "id": vocab,
            "title": t.get(f"glossary.{vocab}", vocab),
            "terms": [
                {
                    "id": term.id,
                    "label": term.label(cat.lang),
                    "description": term.description(cat.lang),
                    "url": _url(f"{vocab}/{term.id}/", here) if vocab in cat.facets else None,
                }
                for term in cat.terms(vocab)
            ],
        }
        for vocab in cat.content.vocabularies
    ]
    return render_inline("glossary.html", vocabularies=vocabularies)


def trajectory(cat: Catalogue, here: str) -> str:
    """The year as an ordered list of steps on a month grid: readable, printable, no script."""
    traj = cat.content.trajectory
    if traj is None:
        return ""
    t, lang = cat.t, cat.lang
    planned = [it.name for it in cat.types.all if it.by_trajectory]  # the types the steps name
    steps = []
    for s in traj.steps:
        one = s.end_month == s.start_month
        steps.append(
            {
                "phase": s.phase,
                "label": s.labels[lang]["label"],
                "description": s.labels[lang]["description"],
                "left": f"{(s.start_month - 1) / traj.months * 100:.2f}",
                "width": f"{(s.end_month - s.start_month + 1) / traj.months * 100:.2f}",
                "phases": _relative(term_links(cat, "phases", s.phase), here),
                "formats": _relative(term_links(cat, "formats", s.format), here),
                "months": t["trajectory.month"].format(month=s.start_month)
                if one
                else t["trajectory.months"].format(start=s.start_month, end=s.end_month),
                "times": t["trajectory.times"].format(
                    times=s.times, half_days=_num(s.half_days), total=_num(s.total_half_days)
                ),
                "members": [
                    {"text": cat.text(m, "title"), "url": _url(m.url, here)}
                    for m in (cat.get(kind, i) for kind in planned for i in s.modules)
                    if m is not None
                ],
                "members_label": ", ".join(type_label(t, kind, plural=True) for kind in planned),
            }
        )
    total = t["trajectory.total"].format(
        months=traj.months, total=_num(sum(s.total_half_days for s in traj.steps))
    )
    return render_inline("trajectory.html", steps=steps, total=total)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# Page metadata set by the pages that show translation states (see methodkit.mkdocs_adapter.live).
SHOWS_STATES = "mk_shows_translation_states"


def translation_status(cat: Catalogue) -> str:
    content = cat.content
    t = cat.t
    entries = report(content)
    languages = []
    for lang in (l for l in content.languages if any(e.lang == l for e in entries)):
        counts = summary(entries, lang)
        languages.append(
            {
                "code": lang,
                "name": native_name(lang, content.interface),
                "counts": [f"{t['status.' + s]}: {counts[s]}" for s in STATES],
                "entries": [e for e in entries if e.lang == lang],
            }
        )
    return render_inline("status.html", t=t, languages=languages)


def _root(cat: Catalogue, here: str) -> str:
    """From a page of this language's site to the root of the whole site."""
    prefix = Languages(cat.content.languages).prefix(cat.lang)
    return "../" * (here.count("/") + prefix.count("/"))


def downloads(cat: Catalogue, pdf: bool, here: str) -> str:
    """The trainer pack, the method cards, the workbook, every handout's PDFs and the offline copy,
    when this build made them."""
    from methodkit.publishing.offline import OFFLINE_ZIP

    t = cat.t
    if not pdf:
        return render_inline("downloads.html", t=t, pdf=False)
    printed = [m for it in cat.types.all if it.has_handout for m in cat.items[it.name]]
    worksheets = {m.id for m in printed if has_worksheet(cat.body(m))}
    books = [(trainer_pack(cat.lang), t["pack.title"]), (cards_pdf(cat.lang), t["cards.title"])]
    if worksheets:
        books.append((workbook_pdf(cat.lang), t["workbook.title"]))
    rows = [
        {
            "title": cat.text(m, "title"),
            "url": _url(m.url, here),
            "pdfs": [
                _url(module_pdf(m.id, v, cat.lang), here)
                if v != "worksheet" or m.id in worksheets
                else None
                for v in ("coach", "participant", "worksheet")
            ],
        }
        for m in printed
    ]
    return render_inline(
        "downloads.html",
        t=t,
        pdf=True,
        rows=rows,
        offline=_root(cat, here) + OFFLINE_ZIP,
        books=[{"url": _url(target, here), "title": title} for target, title in books],
    )


def sources_zip(cat: Catalogue, here: str) -> str:
    """Links to the zip of the sources and to catalog.json: made once, at the root of the whole
    site."""
    from methodkit.publishing.exports import CATALOG, SOURCES_ZIP

    up = _root(cat, here)
    return render_inline("sources.html", t=cat.t, zip=up + SOURCES_ZIP, catalog=up + CATALOG)
