"""HTML for the overview pages in docs/ (called from macros.py).

Every value is escaped here; links are made relative to the page they are on,
because MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from html import escape as h
from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import strings
from methodkit.model.items import Item
from methodkit.model.languages import relative_url
from methodkit.model.types import Field
from methodkit.pages.fields import DURATION_BUCKETS, as_list, filter_values, values
from methodkit.pages.render import render_inline
from methodkit.pages.views import label
from methodkit.publishing.feeds import FEED_NAME
from methodkit.pages.handouts import has_worksheet
from methodkit.publishing.pdf_names import cards as cards_pdf, module_pdf, trainer_pack, workbook as workbook_pdf
from methodkit.catalogue.status import STATES, report, summary


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
        "meta": [[m for m in (_meta_field(cat, item, f, here) for f in line) if m["values"]] for line in listing.meta],
        "plan": item.type.planner,
    }


def _form(cat: Catalogue, kind: str, items: list[Item]) -> dict | None:
    """Selects for each filter, offering only values that occur. Hidden until the script runs,
    so that without JavaScript the reader simply gets the whole list."""
    filters = cat.types[kind].listing.filters
    if not filters:
        return None
    t = strings(cat.lang)
    fields = []
    for f in filters:
        present = {v for item in items for v in filter_values(item, f)}
        if f.display == "duration":
            options = [(b, t[f"filter.duration.{b}"]) for b, _ in DURATION_BUCKETS if b in present]
        else:
            target = cat.content.schemas.target(kind, f.name)
            if target and target[0] == "vocabulary":
                options = [(term.id, term.label(cat.lang)) for term in cat.terms(target[1]) if term.id in present]
            else:
                options = [(v, v) for v in sorted(present)]
        fields.append({"name": f.param, "label": label(t, f"filter.{f.param}", f.name), "options": options})
    return {"label": t["filter.label"], "all": t["filter.all"], "reset": t["filter.reset"], "fields": fields,
            "count": {"one": t["filter.count.one"], "other": t["filter.count.other"], "none": t["filter.count.none"]}}


def item_list(cat: Catalogue, kind: str, here: str) -> str:
    """Every item of a type, as its declaration lists them: meta lines, filters, groups, a feed link."""
    t = strings(cat.lang)
    itype = cat.types[kind]
    items = cat.items[kind]
    tiles = [_tile(cat, item, here) for item in items]
    groups = []
    if itype.listing.group_by:
        vocabulary = cat.content.schemas.target(kind, itype.listing.group_by)[1]
        for term in cat.terms(vocabulary):
            inside = [tile for item, tile in zip(items, tiles) if term.id in as_list(item.meta[itype.listing.group_by])]
            if inside:
                groups.append({"field": itype.listing.group_by, "id": term.id, "title": term.label(cat.lang),
                               "description": term.description(cat.lang), "tiles": inside})
    feed = {"url": _url(FEED_NAME, here), "text": t["feed.link"]} if itype.listing.feed else None
    plan = {"url": _url("plan/", here), "t": t} if itype.planner else None
    return render_inline("listing.html", kind=kind, tiles=tiles, groups=groups, form=_form(cat, kind, items), feed=feed,
                         empty=t["facet.none"], example=t["example.mark"], plan=plan)


def _chips(cat: Catalogue, vocab: str, ids, here: str) -> str:
    ids = ids if isinstance(ids, list) else [ids]
    out = []
    for i in ids:
        label = h(cat.label(vocab, i))
        out.append(f'<a class="mk-chip" href="{h(_url(f"{vocab}/{i}/", here))}">{label}</a>' if vocab in cat.facets else f'<span class="mk-chip">{label}</span>')
    return " ".join(out)


def glossary(cat: Catalogue, here: str) -> str:
    t = strings(cat.lang)
    parts = []
    for vocab in cat.content.vocabularies:
        entries = []
        for term in cat.terms(vocab):
            name = h(term.label(cat.lang))
            if vocab in cat.facets:
                name = f'<a href="{h(_url(f"{vocab}/{term.id}/", here))}">{name}</a>'
            entries.append(f'<dt id="{h(vocab)}-{h(term.id)}">{name}</dt><dd>{h(term.description(cat.lang))}</dd>')
        title = t.get(f"glossary.{vocab}", vocab)
        parts.append(f'<section class="mk-glossary"><h2 id="{h(vocab)}">{h(title)}</h2><dl>{"".join(entries)}</dl></section>')
    return "".join(parts)


def trajectory(cat: Catalogue, here: str) -> str:
    """The year as an ordered list of steps on a month grid: readable, printable, no script."""
    traj = cat.content.trajectory
    if traj is None:
        return ""
    t, lang = strings(cat.lang), cat.lang
    planned = [it.name for it in cat.types.all if it.by_trajectory]  # the types the steps name
    total = sum(s.total_half_days for s in traj.steps)
    rows = []
    for s in traj.steps:
        left = (s.start_month - 1) / traj.months * 100
        width = (s.end_month - s.start_month + 1) / traj.months * 100
        months = t["trajectory.months"].format(start=s.start_month, end=s.end_month) if s.end_month != s.start_month else t["trajectory.month"].format(month=s.start_month)
        mods = " ".join(f'<a href="{h(_url(m.url, here))}">{h(cat.text(m, "title"))}</a>'
                        for m in (cat.get(kind, i) for kind in planned for i in s.modules) if m is not None)
        rows.append(
            f'<li class="mk-step mk-step--{h(s.phase)}" data-phase="{h(s.phase)}">'
            f'<div class="mk-step__bar" aria-hidden="true"><span style="margin-left:{left:.2f}%;width:{width:.2f}%"></span></div>'
            f'<h3>{h(s.labels[lang]["label"])}</h3>'
            f'<p class="mk-step__meta">{_chips(cat, "phases", s.phase, here)} · {_chips(cat, "formats", s.format, here)} · {h(months)} · '
            f'{h(t["trajectory.times"].format(times=s.times, half_days=_num(s.half_days), total=_num(s.total_half_days)))}</p>'
            f'<p>{h(s.labels[lang]["description"])}</p>'
            + (f'<p class="mk-step__modules"><span>{h(t["kind.module.plural"])}:</span> {mods}</p>' if mods else "")
            + "</li>")
    return (f'<p class="mk-trajectory__total">{h(t["trajectory.total"].format(months=traj.months, total=_num(total)))}</p>'
            f'<ol class="mk-trajectory">{"".join(rows)}</ol>')


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# Page metadata set by the pages that show translation states (see methodkit.mkdocs_adapter.live).
SHOWS_STATES = "mk_shows_translation_states"


def translation_status(cat: Catalogue, conf, here: str) -> str:
    content = cat.content
    t = strings(cat.lang)
    entries = report(content, Path(conf.docs_dir))
    parts = []
    for lang in (l for l in content.languages if any(e.lang == l for e in entries)):
        counts = summary(entries, lang)
        head = " · ".join(f'{h(t["status." + s])}: {counts[s]}' for s in STATES)
        rows = []
        for e in (e for e in entries if e.lang == lang):
            rows.append(f'<tr class="mk-status--{e.state}"><td><code>{h(e.source)}</code></td>'
                        f'<td>{h(t["status." + e.state])}</td><td>{h(e.translation or "—")}</td></tr>')
        parts.append(f'<h2 id="status-{lang}">{h(strings(lang)["language.name"])}</h2><p>{head}</p>'
                     f'<table><thead><tr><th>{h(t["status.source"])}</th><th>{h(t["status.state"])}</th>'
                     f'<th>{h(t["status.file"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return "".join(parts)


def downloads(cat: Catalogue, pdf: bool, here: str) -> str:
    """The trainer pack, the method cards, the workbook and every handout's PDFs, when this build made them."""
    t = strings(cat.lang)
    if not pdf:
        return f'<p class="mk-empty">{h(t["downloads.none"])}</p>'
    printed = [m for it in cat.types.all if it.has_handout for m in cat.items[it.name]]
    worksheets = {m.id for m in printed if has_worksheet(cat.body(m))}
    books = [(trainer_pack(cat.lang), t["pack.title"]), (cards_pdf(cat.lang), t["cards.title"])]
    if worksheets:
        books.append((workbook_pdf(cat.lang), t["workbook.title"]))
    rows = ['<p class="mk-books">' + " ".join(
                f'<a class="md-button{" md-button--primary" if n == 0 else ""}" href="{h(_url(target, here))}" download>'
                f'{h(title)} (PDF)</a>' for n, (target, title) in enumerate(books)) + "</p>"
            f'<table><thead><tr><th>{h(t["kind.module"])}</th><th>{h(t["print.coach_pdf"])}</th>'
            f'<th>{h(t["print.participant_pdf"])}</th><th>{h(t["print.worksheet_pdf"])}</th></tr></thead><tbody>']
    for m in printed:
        versions = ("coach", "participant", "worksheet") if m.id in worksheets else ("coach", "participant")
        cells = "".join(f'<td><a href="{h(_url(module_pdf(m.id, v, cat.lang), here))}" download>PDF</a></td>' for v in versions)
        cells += "" if m.id in worksheets else "<td>—</td>"
        rows.append(f'<tr><td><a href="{h(_url(m.url, here))}">{h(cat.text(m, "title"))}</a></td>{cells}</tr>')
    return "".join(rows) + "</tbody></table>" + _offline_zip(cat, here)


def _offline_zip(cat: Catalogue, here: str) -> str:
    """The offline copy of the whole site (every language), made at the root after the builds."""
    from methodkit.publishing.offline import OFFLINE_ZIP

    t = strings(cat.lang)
    up = "../" * (here.count("/") + (0 if cat.lang == cat.content.source_lang else 1))
    return (f'<h2>{h(t["offline.title"])}</h2><p>{h(t["offline.text"])}</p>'
            f'<p><a class="md-button" href="{h(up + OFFLINE_ZIP)}" download>{h(t["offline.zip"])}</a></p>')


def sources_zip(cat: Catalogue, here: str) -> str:
    """Links to the zip of the sources and to catalog.json: made once, at the root of the whole site."""
    from methodkit.publishing.exports import CATALOG, SOURCES_ZIP

    t = strings(cat.lang)
    up = "../" * (here.count("/") + (0 if cat.lang == cat.content.source_lang else 1))
    return (f'<p><a class="md-button md-button--primary" href="{h(up + SOURCES_ZIP)}" download>{h(t["reuse.zip"])}</a> '
            f'<a class="md-button" href="{h(up + CATALOG)}">{h(t["reuse.catalog"])}</a></p>')
