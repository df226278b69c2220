"""Method cards: a deck per language, downloads/cards-<lang>.pdf.

One card per module, four to an A4 sheet, with cut marks. A sheet of fronts (title,
phase, format, duration, group size, summary, levers, a QR code to the module's page)
is followed by a sheet of backs (objectives, the steps as short lines, materials), the
columns swapped, so that printed on both sides, flipped on the long edge, each back lands
behind its own front. The QR codes are made here, offline, by segno.
"""

from __future__ import annotations

from pathlib import Path

import segno

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_duration
from methodkit.model.licences import LICENCES
from methodkit.pages.fields import group_size
from methodkit.pages.render import render
from methodkit.pages.steps import step_lines

PER_SHEET = 4  # two columns, two rows
COLUMNS = 2
STYLESHEET = Path(__file__).parent / "cards.css"


def card(cat: Catalogue, item, site_url: str, t: dict) -> dict:
    m = item.meta
    url = site_url + item.url
    return {
        "id": item.id,
        "url": url,
        "title": cat.text(item, "title"),
        "summary": cat.text(item, "summary"),
        "phase": cat.label("phases", m["phase"]),
        "format": cat.label("formats", m["format"]),
        "duration": format_duration(m["duration"], cat.t),
        "group_size": group_size(m["group_size"], t),
        "levers": [cat.label("levers", lever) for lever in m["levers"]],
        "objectives": cat.text(item, "objectives") or [],
        "steps": step_lines(cat.body(item)),
        "materials": cat.text(item, "materials") or [],
        "licence": LICENCES[m["license"]].name,
        # A black-on-white SVG: sharp at any print size, readable by every phone.
        "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff"),
    }


# How much text fits on a side, in lines of the base size (8 pt: 3.8 mm high, about 47
# characters of the 74 mm text width). A side with more text gets the largest smaller size at
# which it fits, down to MIN_PT, so that nothing runs into the footer.
BASE_PT, MIN_PT, CHARS = 8.0, 5.5, 47
FRONT_ROOM, BACK_ROOM = 19, 28  # lines of the base size above the footer


def _height(size: float, blocks: list[tuple[list[str], float]], fixed: float = 0) -> float:
    """Lines of the base size that `blocks` (texts, relative font size) take at `size` points."""
    scale = size / BASE_PT
    lines = fixed
    for texts, em in blocks:
        per_line = CHARS / (scale * em)
        lines += scale * em * sum(-(-len(t) // int(per_line)) + 0.16 for t in texts)
    return lines


def font_size(blocks: list[tuple[list[str], float]], room: float, fixed: float = 0) -> float:
    size = BASE_PT
    while size > MIN_PT and _height(size, blocks, fixed) > room:
        size -= 0.25
    return size


def fit(card: dict) -> dict:
    """The font size of each side, from how much text it carries."""
    title_lines = 1.9 * -(-len(card["title"]) // 24)  # 14 pt, not scaled
    front = font_size(
        [([card["summary"]], 1.12), ([", ".join(card["levers"])], 1.0)],
        FRONT_ROOM,
        fixed=title_lines + 4.5,
    )  # the kind line and the facts
    heads = sum(bool(card[k]) for k in ("objectives", "steps", "materials"))
    back = font_size(
        [
            (card["objectives"], 1.0),
            (card["steps"], 1.0),
            (card["materials"], 1.0),
            (["x"] * heads, 2.0),
        ],
        BACK_ROOM,
        fixed=1.5,
    )
    return {**card, "front_pt": front, "back_pt": back}


def sheets(cards: list[dict]) -> list[dict]:
    """Fronts, then backs, sheet by sheet; on a back the columns of each row are swapped."""
    out = []
    for start in range(0, len(cards), PER_SHEET):
        group = cards[start : start + PER_SHEET]
        slots = [(n // COLUMNS, n % COLUMNS, c) for n, c in enumerate(group)]
        out.append(
            {"side": "front", "cards": [{"row": r, "col": c, **card} for r, c, card in slots]}
        )
        out.append(
            {
                "side": "back",
                "cards": [{"row": r, "col": COLUMNS - 1 - c, **card} for r, c, card in slots],
            }
        )
    return out


def deck_html(
    cat: Catalogue, site_url: str, site_name: str, edition: str, written_by=lambda item: ""
) -> str:
    """`written_by(item)`: who wrote an item, as its credit line names them; each card's front
    carries it beside its title, address (the QR code) and licence, as the licence asks."""
    t = cat.t
    cards = [
        {**fit(card(cat, item, site_url, t)), "written_by": written_by(item)}
        for it in cat.types.all
        if it.planner
        for item in cat.items[it.name]
    ]
    return render(
        "cards.html",
        lang=cat.lang,
        t=t,
        site_name=site_name,
        sheets=sheets(cards),
        edition=edition,
        rows=PER_SHEET // COLUMNS,
        columns=COLUMNS,
    )
