"""The changelog of each item, from git: on its page, in its PDFs, and in a feed per language.

Reusing organisations and translators see what moved in the method and when.
Every date comes from `history` (git); a copy without git history shows none.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_date, strings
from methodkit.loading import history
from methodkit.model.items import Item

CHANGES_FEED = "changes.xml"
ON_PAGE = 10  # the latest changes an item page lists
IN_FEED = 50


def item_changes(cat: Catalogue, item: Item) -> dict:
    """What an item page shows: its version (its latest change's date) and its latest changes."""
    found = history.changes(cat.content.root, item.path)
    latest = found[0] if found else None
    return {
        "version": format_date(latest.date, cat.lang) if latest else None,
        "changes": [
            {"date": format_date(c.date, cat.lang), "iso": c.date, "summary": c.summary}
            for c in found[:ON_PAGE]
        ],
        "more": max(0, len(found) - ON_PAGE),
    }


def changes_feed(cat: Catalogue, base_url: str, site_name: str) -> str:
    """An Atom feed of the changes to every item, newest first."""
    t = strings(cat.lang)
    entries = sorted(
        (
            (c, item)
            for kind in cat.items
            for item in cat.items[kind]
            for c in history.changes(cat.content.root, item.path)
        ),
        key=lambda e: (e[0].date, e[1].path),
        reverse=True,
    )[:IN_FEED]
    updated = f"{entries[0][0].date}T00:00:00Z" if entries else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{cat.lang}">',
        f"<id>{escape(base_url + CHANGES_FEED)}</id>",
        f"<title>{escape(site_name)}: {escape(t['changes.feed'])}</title>",
        f'<link rel="self" type="application/atom+xml" href="{escape(base_url + CHANGES_FEED)}"/>',
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(site_name)}</name></author>",
    ]
    for change, item in entries:
        url = base_url + item.url
        lines += [
            "<entry>",
            f"<id>{escape(url)}#{change.commit[:12]}</id>",
            f"<title>{escape(cat.text(item, 'title'))}: {escape(change.summary)}</title>",
            f'<link rel="alternate" type="text/html" href="{escape(url)}"/>',
            f"<updated>{change.date}T00:00:00Z</updated>",
            f"<summary>{escape(change.summary)}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def write_changes_feed(cat: Catalogue, site_dir: Path, base_url: str, site_name: str) -> None:
    (site_dir / CHANGES_FEED).write_text(changes_feed(cat, base_url, site_name), "utf-8")
