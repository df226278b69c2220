"""Plain data for the page templates: labels resolved, links computed, nothing to escape.

Templates in overrides/ only lay these values out (inside autoescape blocks),
so all the decisions live here, testable without MkDocs.
"""

from __future__ import annotations

import re

from .catalogue import Catalogue
from .credit import credit, provenance
from .i18n import format_date, format_duration, strings
from .handouts import COACH_ONLY_SECTIONS, HANDOUT_SLUG
from .licences import LICENCES
from .pdf_names import module_pdf
from .policy import PLAIN_EMAIL
from .model import Item
from .steps import step_lines

VOCAB_OF_FIELD = {"phase": "phases", "format": "formats", "levers": "levers", "barriers": "barriers",
                  "audience": "audiences", "sector": "sectors", "region": "regions"}
FACET_VOCABS = {"phases", "formats", "levers", "barriers"}


def link(text: str, url: str | None = None) -> dict:
    return {"text": text, "url": url}


def item_link(cat: Catalogue, item: Item) -> dict:
    """An item as a list shows it; an example is marked as one in every list."""
    return {"text": cat.text(item, "title"), "url": item.url, "summary": cat.text(item, "summary"),
            "example": bool(item.meta.get("example"))}


def term_links(cat: Catalogue, field: str, values) -> list[dict]:
    vocab = VOCAB_OF_FIELD[field]
    values = values if isinstance(values, list) else [values]
    # An unknown term (while serving, beside its problem in the banner) has no facet page to link to.
    return [link(cat.label(vocab, v), f"{vocab}/{v}/" if vocab in FACET_VOCABS and cat.term(vocab, v) else None) for v in values]


def _row(key: str, t: dict, values: list[dict]) -> dict:
    return {"key": key, "label": t[f"field.{key}"], "values": values}


def card(cat: Catalogue, item: Item) -> list[dict]:
    t, lang, m = strings(cat.lang), cat.lang, item.meta
    rows = []
    if item.kind == "module":
        rows += [_row("phase", t, term_links(cat, "phase", m["phase"])),
                 _row("format", t, term_links(cat, "format", m["format"])),
                 _row("duration", t, [link(format_duration(m["duration"], lang))]),
                 _row("group_size", t, [link(group_size(m["group_size"], t))]),
                 _row("audience", t, term_links(cat, "audience", m["audience"]))]
    elif item.kind == "session":
        rows += [_row("date", t, [link(format_date(m["date"], lang))]),
                 _row("cohort", t, [link(m["cohort"])]),
                 _row("format", t, term_links(cat, "format", m["format"])),
                 _row("participants", t, [link(str(m["participants"]))]),
                 _row("modules_used", t, [item_link(cat, x) for x in _items(cat, "module", m["modules"])])]
    elif item.kind == "practice":
        period = str(m["period"]["start"]) + ("–" + str(m["period"]["end"]) if m["period"].get("end") else "–")
        rows += [_row("organisations", t, [link(o) for o in m["organisations"]])]
        if m.get("partners"):
            rows.append(_row("partners", t, [link(o) for o in m["partners"]]))
        if m.get("audience"):
            rows.append(_row("audience", t, term_links(cat, "audience", m["audience"])))
        rows += [_row("sector", t, term_links(cat, "sector", m["sector"])),
                 _row("region", t, term_links(cat, "region", m["region"])),
                 _row("period", t, [link(period)])]
    if item.kind == "practice" and m.get("contact"):
        rows.append(_row("contact", t, [contact_link(m["contact"])]))
    if item.kind in ("module", "practice"):
        rows += [_row("levers", t, term_links(cat, "levers", m["levers"])),
                 _row("barriers", t, term_links(cat, "barriers", m["barriers"]))]
    return [r for r in rows if r["values"]]


def contact_link(contact: str) -> dict:
    """A practice's general contact: a web address or an e-mail address becomes a link, anything else stays text."""
    if re.fullmatch(r"https?://\S+", contact):
        return link(contact, contact)
    if re.fullmatch(PLAIN_EMAIL, contact):
        return link(contact, f"mailto:{contact}")
    return link(contact)


def group_size(gs: dict, t: dict) -> str:
    if gs["min"] == gs["max"]:
        return t["group.exact"].format(n=gs["min"])
    return t["group.range"].format(min=gs["min"], max=gs["max"])


def sections(cat: Catalogue, item: Item, handout: bool = False) -> list[dict]:
    """Lists from the front matter, shown with the body (the coach's preparation not in a handout)."""
    t = strings(cat.lang)
    names = {"module": ("objectives", "materials", "preparation"),
             "session": ("takeaways", "tips", "follow_ups"),
             "practice": ("lessons",)}.get(item.kind, ())
    out = []
    for name in names:
        if handout and name in COACH_ONLY_SECTIONS:
            continue
        values = cat.text(item, name) or []
        if values:
            out.append({"key": name, "title": t[f"section.{name}"], "items": values})
    if handout and item.kind == "module":
        # The participants' programme: the steps as short lines, without the coach's script.
        steps = step_lines(cat.body(item))
        if steps:
            out.append({"key": "programme", "title": t["section.programme"], "items": steps})
    return out


def _items(cat: Catalogue, kind: str, ids) -> list[Item]:
    return [x for x in (cat.get(kind, i) for i in ids or []) if x is not None]


# A module page lists at most this many practices; the lever pages list them all.
# (Unbounded, the list grew with the library and made every module page heavier.)
MAX_PRACTICES = 8


def backlinks(cat: Catalogue, item: Item) -> list[dict]:
    t = strings(cat.lang)
    groups = []
    more: dict[str, list[dict]] = {}
    if item.kind == "module":
        groups.append(("related", _items(cat, "module", item.meta.get("related"))))
        groups.append(("used_in_sessions", cat.sort("session", cat.refs_to_module.get(item.id, {}).get("session", []))))
        practices = cat.practices_for_levers(item.meta["levers"])
        groups.append(("practices_for_levers", practices[:MAX_PRACTICES]))
        if len(practices) > MAX_PRACTICES:
            more["practices_for_levers"] = term_links(cat, "levers", item.meta["levers"])
    elif item.kind in ("session", "practice"):
        groups.append(("modules", _items(cat, "module", item.meta.get("modules"))))
    return [{"key": k, "title": t[f"backlinks.{k}"], "items": [item_link(cat, x) for x in xs], "more": more.get(k)}
            for k, xs in groups if xs]


def licence(cat: Catalogue, item: Item, url: str, brand: dict | None = None) -> dict:
    """Licence and credit line; `url` is the page's public address (the source to credit)."""
    lic = LICENCES[item.meta["license"]]
    brand = brand or {}
    who = credit(cat, item, lic.name, url, brand.get("site_name", ""), brand.get("based_on"))
    tr = item.translations.get(cat.lang)
    translators = ", ".join(tr.translators) if tr is not None and cat.status[(item.kind, item.id)] != "missing" else ""
    badge = lic.id.removeprefix("CC-").removesuffix("-4.0").removesuffix("-1.0").lower().replace("-", " ")
    return {"id": lic.id, "name": lic.name, "url": lic.url, "authors": who["written_by"], "credit": who["credit"],
            "based_on": who["based_on"], "about": who["about"], "badge": badge, "translators": translators}


def downloads(cat: Catalogue, item: Item, pdf: bool) -> list[dict]:
    """The two versions of a module, as pages and (when built) as PDFs."""
    if item.kind != "module":
        return []
    t = strings(cat.lang)
    out = [{"text": t["print.coach"], "url": item.url, "kind": "coach"},
           {"text": t["print.participant"], "url": f"{item.url}{HANDOUT_SLUG}/", "kind": "participant"}]
    if pdf:
        out += [{"text": t["print.coach_pdf"], "url": module_pdf(item.id, "coach", cat.lang), "kind": "pdf"},
                {"text": t["print.participant_pdf"], "url": module_pdf(item.id, "participant", cat.lang), "kind": "pdf"},
                {"text": t["print.worksheet_pdf"], "url": module_pdf(item.id, "worksheet", cat.lang), "kind": "pdf"}]
    return out


def item_view(cat: Catalogue, item: Item, handout: bool = False, pdf: bool = False, url: str = "",
              brand: dict | None = None) -> dict:
    prev, nxt = cat.neighbours(item)
    return {
        "handout": handout,
        "downloads": downloads(cat, item, pdf),
        "kind": item.kind,
        "id": item.id,
        "title": cat.text(item, "title"),
        # The participant version opens with the module's words for participants, when it has them.
        "summary": (handout and cat.text(item, "for_participants")) or cat.text(item, "summary"),
        "example": bool(item.meta.get("example")),
        "provenance": provenance(cat, item),
        "card": card(cat, item),
        "sections": sections(cat, item, handout),
        "results": cat.text(item, "results") or [],
        "links": item.meta.get("links") or [],
        "backlinks": backlinks(cat, item),
        "previous": item_link(cat, prev) if prev else None,
        "next": item_link(cat, nxt) if nxt else None,
        "licence": licence(cat, item, url, brand),
        "draft": item.draft,
    }


def facet_view(cat: Catalogue, vocabulary: str, term_id: str) -> dict:
    t = strings(cat.lang)
    term = cat.term(vocabulary, term_id)
    found = cat.by_term.get((vocabulary, term_id), {})
    groups = []
    for kind in ("module", "practice", "session"):
        items = cat.sort(kind, found.get(kind, []))
        groups.append({"key": kind, "title": t[f"kind.{kind}.plural"], "items": [item_link(cat, x) for x in items]})
    return {"vocabulary": vocabulary, "vocabulary_label": t[f"vocabulary.{vocabulary}"], "id": term_id,
            "title": term.label(cat.lang), "description": term.description(cat.lang), "groups": groups}


def home_view(cat: Catalogue) -> dict:
    """Figures and the newest session summaries for the home page."""
    t = strings(cat.lang)
    figures = [{"count": len(cat.items[kind]), "label": t[f"kind.{kind}.plural"].lower(), "url": url}
               for kind, url in (("module", "modules/"), ("practice", "practices/"), ("session", "sessions/"))]
    sessions = [{**item_link(cat, s), "date": format_date(s.meta["date"], cat.lang)} for s in cat.items["session"][:3]]
    return {"figures": figures, "sessions": sessions}
