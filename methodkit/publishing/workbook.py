"""The participants' workbook: every worksheet of the track in its order, behind a cover.

Written per language (downloads/workbook-<lang>.pdf), and per module as a worksheet-only
PDF (downloads/<id>-worksheet-<lang>.pdf). The worksheets are taken from each module's
built page, where the checks and the Markdown renderer already passed over them; each
module's part opens with its words for participants and a line for name and date.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from methodkit.catalogue.catalogue import Catalogue
from methodkit.pages.handouts import rebase, worksheets
from methodkit.pages.render import render


def part(cat: Catalogue, item, page_html: str, credit: str = "", folder: str = "") -> dict | None:
    """A module's share of the workbook, or None when it has no worksheet.

    `credit`: the item's credit line (writers, the texts and work it follows, licence, address),
    printed under its worksheets: a participant's sheet carries its attribution too. `folder`:
    where the module's page is, for a workbook read from the site's root."""
    sheets = [rebase(sheet, folder) for sheet in worksheets(page_html)]
    if not sheets:
        return None
    return {
        "id": item.id,
        "title": cat.text(item, "title"),
        "intro": cat.text(item, "for_participants") or cat.text(item, "summary"),
        # Rendered and checked by the site's build (policy.html_problems): safe to place as HTML.
        "worksheets": [Markup(s) for s in sheets],
        "credit": credit,
    }


def parts(cat: Catalogue, site_dir: Path, credit_of=lambda item: "") -> list[dict]:
    """Every module with worksheets, in the order of the track; `credit_of(item)` its credit
    line."""
    out = []
    for item in (i for it in cat.types.all if it.has_handout for i in cat.items[it.name]):
        page_html = (site_dir / item.url / "index.html").read_text("utf-8")
        found = part(cat, item, page_html, credit_of(item), item.url)
        if found:
            out.append(found)
    return out


def workbook_html(
    cat: Catalogue, site_name: str, edition: str, modules: list[dict], cover: bool = True
) -> str:
    t = cat.t
    title = t["workbook.title"] if cover else f"{modules[0]['title']} · {t['print.worksheet_pdf']}"
    return render(
        "workbook.html",
        lang=cat.lang,
        t=t,
        site_name=site_name,
        edition=edition,
        modules=modules,
        cover=cover,
        title=title,
    )
