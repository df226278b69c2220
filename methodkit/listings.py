"""HTML for the overview pages in docs/ (called from macros.py).

Every value is escaped here; links are made relative to the page they are on,
because MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from html import escape as h
from pathlib import Path

from mkdocs.utils import get_relative_url

from .catalogue import FACETS, Catalogue
from .i18n import format_date, format_duration, strings
from .model import Item
from .pdf_names import module_pdf, trainer_pack
from .status import STATES, report, summary


def _url(target: str, here: str) -> str:
    return get_relative_url(target, here)


# Facets a list can be filtered on: (filter name, field, vocabulary or None for computed values).
MODULE_FILTERS = (("phase", "phase", "phases"), ("format", "format", "formats"), ("lever", "levers", "levers"),
                  ("barrier", "barriers", "barriers"), ("audience", "audience", "audiences"), ("duration", "duration", None))
PRACTICE_FILTERS = (("sector", "sector", "sectors"), ("region", "region", "regions"), ("lever", "levers", "levers"))
# The steps a trainer plans in: up to 1 h, 2 h, 3 h, half a day, a day; "more" is longer than a day.
DURATION_BUCKETS = (("1h", 60), ("2h", 120), ("3h", 180), ("half-day", 240), ("day", 480), ("more", None))


def duration_buckets(minutes: int) -> list[str]:
    """Every step a module fits in: "up to 2 h" also finds the modules of an hour."""
    fits = [name for name, limit in DURATION_BUCKETS if limit is not None and minutes <= limit]
    return fits or ["more"]


def _facet_values(item: Item, field: str) -> list[str]:
    if field == "duration":
        return duration_buckets(item.meta["duration"])
    value = item.meta[field]
    return value if isinstance(value, list) else [value]


def _card(cat: Catalogue, item: Item, here: str, extra: str = "", filters=()) -> str:
    data = "".join(f' data-{name}="{h(" ".join(_facet_values(item, field)))}"' for name, field, _ in filters)
    mark = (f' <span class="mk-flag mk-flag--example mk-flag--small">{h(strings(cat.lang)["example.mark"])}</span>'
            if item.meta.get("example") else "")
    return (f'<li class="mk-tile" data-id="{h(item.id)}"{data}><a class="mk-tile__title" href="{h(_url(item.url, here))}">'
            f'{h(cat.text(item, "title"))}</a>{mark}{extra}<p class="mk-tile__summary">{h(cat.text(item, "summary"))}</p></li>')


def filter_form(cat: Catalogue, items: list[Item], filters, total: int) -> str:
    """Selects for each facet, offering only values that occur. Hidden until the script runs,
    so that without JavaScript the reader simply gets the whole list."""
    t = strings(cat.lang)
    fields = []
    for name, field, vocab in filters:
        present = {v for item in items for v in _facet_values(item, field)}
        if vocab:
            options = [(term.id, term.label(cat.lang)) for term in cat.terms(vocab) if term.id in present]
        else:
            options = [(b, t[f"filter.duration.{b}"]) for b, _ in DURATION_BUCKETS if b in present]
        opts = "".join(f'<option value="{h(v)}">{h(label)}</option>' for v, label in options)
        fields.append(f'<label class="mk-filter"><span>{h(t["filter." + name])}</span>'
                      f'<select name="{h(name)}"><option value="">{h(t["filter.all"])}</option>{opts}</select></label>')
    # The selects fold away on a phone (filters.js closes the fold there), the count stays in sight.
    return (f'<form class="mk-filters" data-mk-filters hidden role="search" aria-label="{h(t["filter.label"])}">'
            f'<details class="mk-filters__fold" open><summary>{h(t["filter.label"])}</summary>'
            + "".join(fields)
            + f'<button type="reset" class="md-button">{h(t["filter.reset"])}</button></details>'
            f'<p class="mk-filters__count" aria-live="polite" data-total="{total}" data-one="{h(t["filter.count.one"])}" '
            f'data-other="{h(t["filter.count.other"])}" data-none="{h(t["filter.count.none"])}"></p></form>')


def _chips(cat: Catalogue, vocab: str, ids, here: str) -> str:
    ids = ids if isinstance(ids, list) else [ids]
    out = []
    for i in ids:
        label = h(cat.label(vocab, i))
        out.append(f'<a class="mk-chip" href="{h(_url(f"{vocab}/{i}/", here))}">{label}</a>' if vocab in FACETS else f'<span class="mk-chip">{label}</span>')
    return " ".join(out)


def item_list(cat: Catalogue, kind: str, here: str) -> str:
    t = strings(cat.lang)
    rows = []
    for item in cat.items[kind]:
        extra = ""
        if kind == "session":
            extra = f'<p class="mk-tile__meta"><time datetime="{h(item.meta["date"])}">{h(format_date(item.meta["date"], cat.lang))}</time> · {_chips(cat, "formats", item.meta["format"], here)}</p>'
        elif kind == "practice":
            m = item.meta
            extra = (f'<p class="mk-tile__meta">{h(", ".join(m["organisations"]))} · {_chips(cat, "sectors", m["sector"], here)} · '
                     f'{_chips(cat, "regions", m["region"], here)}</p><p class="mk-tile__meta">{_chips(cat, "levers", m["levers"], here)}</p>')
        rows.append(_card(cat, item, here, extra, PRACTICE_FILTERS if kind == "practice" else ()))
    if not rows:
        return f'<p class="mk-empty">{h(t["facet.none"])}</p>'
    tiles = f'<ul class="mk-tiles mk-tiles--{kind}">' + "".join(rows) + "</ul>"
    if kind == "session":
        feed = f'<p class="mk-feed"><a href="{h(_url("feed.xml", here))}" type="application/atom+xml">{h(t["feed.link"])}</a></p>'
        return feed + tiles
    if kind == "practice":
        return f'<div class="mk-filterable">{filter_form(cat, cat.items[kind], PRACTICE_FILTERS, len(rows))}{tiles}</div>'
    return tiles


def module_catalogue(cat: Catalogue, here: str) -> str:
    """Every module grouped by phase: complete without JavaScript; filters added by script."""
    parts = [filter_form(cat, cat.items["module"], MODULE_FILTERS, len(cat.items["module"]))]
    for phase in cat.terms("phases"):
        modules = [m for m in cat.items["module"] if m.meta["phase"] == phase.id]
        if not modules:
            continue
        tiles = []
        for m in modules:
            meta = (f'<p class="mk-tile__meta">{_chips(cat, "formats", m.meta["format"], here)} · '
                    f'{h(format_duration(m.meta["duration"], cat.lang))}</p>'
                    f'<p class="mk-tile__meta">{_chips(cat, "levers", m.meta["levers"], here)}</p>')
            tiles.append(_card(cat, m, here, meta + plan_button(cat, m, here), MODULE_FILTERS))
        parts.append(f'<section class="mk-phase" data-phase="{h(phase.id)}"><h2 id="phase-{h(phase.id)}">{h(phase.label(cat.lang))}</h2>'
                     f'<p>{h(phase.description(cat.lang))}</p><ul class="mk-tiles">{"".join(tiles)}</ul></section>')
    return '<div class="mk-filterable">' + "".join(parts) + "</div>"


def plan_button(cat: Catalogue, item: Item, here: str) -> str:
    """"Add to my plan" for a catalogue card; hidden until planner.js runs (the plan needs it)."""
    t = strings(cat.lang)
    return (f'<p class="mk-plan-add" data-mk-plan-add="{h(item.id)}" data-title="{h(cat.text(item, "title"))}" '
            f'data-plan="{h(_url("plan/", here))}" data-added="{h(t["plan.in_plan"])}" data-open="{h(t["plan.open"])}" '
            f'data-announce="{h(t["plan.added_short"])}" hidden>'
            f'<button type="button" class="md-button" aria-pressed="false">{h(t["plan.add_button"])}</button></p>')


def glossary(cat: Catalogue, here: str) -> str:
    t = strings(cat.lang)
    parts = []
    for vocab in cat.content.vocabularies:
        entries = []
        for term in cat.terms(vocab):
            name = h(term.label(cat.lang))
            if vocab in FACETS:
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
    total = sum(s.total_half_days for s in traj.steps)
    rows = []
    for s in traj.steps:
        left = (s.start_month - 1) / traj.months * 100
        width = (s.end_month - s.start_month + 1) / traj.months * 100
        months = t["trajectory.months"].format(start=s.start_month, end=s.end_month) if s.end_month != s.start_month else t["trajectory.month"].format(month=s.start_month)
        mods = " ".join(f'<a href="{h(_url(m.url, here))}">{h(cat.text(m, "title"))}</a>'
                        for m in (cat.get("module", i) for i in s.modules) if m is not None)
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


# Page metadata set by the pages that show translation states (see methodkit.live).
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
    """The trainer pack and every module's two PDFs, when this build made them."""
    t = strings(cat.lang)
    if not pdf:
        return f'<p class="mk-empty">{h(t["downloads.none"])}</p>'
    rows = [f'<p><a class="md-button md-button--primary" href="{h(_url(trainer_pack(cat.lang), here))}" download>'
            f'{h(t["pack.title"])} (PDF)</a></p><table><thead><tr><th>{h(t["kind.module"])}</th>'
            f'<th>{h(t["print.coach_pdf"])}</th><th>{h(t["print.participant_pdf"])}</th></tr></thead><tbody>']
    for m in cat.items["module"]:
        cells = "".join(f'<td><a href="{h(_url(module_pdf(m.id, v, cat.lang), here))}" download>PDF</a></td>' for v in ("coach", "participant"))
        rows.append(f'<tr><td><a href="{h(_url(m.url, here))}">{h(cat.text(m, "title"))}</a></td>{cells}</tr>')
    return "".join(rows) + "</tbody></table>"


def sources_zip(cat: Catalogue, here: str) -> str:
    """Links to the zip of the sources and to catalog.json: made once, at the root of the whole site."""
    from .exports import CATALOG, SOURCES_ZIP

    t = strings(cat.lang)
    up = "../" * (here.count("/") + (0 if cat.lang == cat.content.source_lang else 1))
    return (f'<p><a class="md-button md-button--primary" href="{h(up + SOURCES_ZIP)}" download>{h(t["reuse.zip"])}</a> '
            f'<a class="md-button" href="{h(up + CATALOG)}">{h(t["reuse.catalog"])}</a></p>')
