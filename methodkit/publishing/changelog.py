"""The changelog of each item, from git: on its page, in its PDFs, and in a feed per language.

Reusing organisations and translators see what moved in the method and when.
Every date comes from `history` (git); a copy without git history shows none.
"""

from __future__ import annotations

from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_date
from methodkit.loading import history
from methodkit.model.items import Item
from methodkit.publishing.atom import Entry, Feed, render

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
    t = cat.t
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
    return render(
        Feed(
            id=base_url + CHANGES_FEED,
            lang=cat.lang,
            title=f"{site_name}: {t['changes.feed']}",
            self_url=base_url + CHANGES_FEED,
            authors=[site_name],
            entries=[
                Entry(
                    id=f"{base_url + item.url}#{change.commit[:12]}",
                    title=f"{cat.text(item, 'title')}: {change.summary}",
                    url=base_url + item.url,
                    updated=change.date,
                    summary=change.summary,
                )
                for change, item in entries
            ],
        )
    )


def write_changes_feed(cat: Catalogue, site_dir: Path, base_url: str, site_name: str) -> None:
    (site_dir / CHANGES_FEED).write_text(changes_feed(cat, base_url, site_name), "utf-8")
