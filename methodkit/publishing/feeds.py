"""An Atom feed per language of the items whose type asks for one (session summaries here).

Dates come from the summaries themselves, never from the clock, so the same
content always gives the same feed.
"""

from __future__ import annotations

from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_names
from methodkit.pages.views import kinds_in_sentence
from methodkit.publishing.atom import Entry, Feed, render

FEED_NAME = "feed.xml"


def _date(item) -> str:
    return item.meta[item.type.order["field"]]


def feed_title(cat: Catalogue) -> str:
    """What the feed carries, after the site's name: the types that have one ('sessieverslagen')."""
    feeds = [it for it in cat.types.all if it.feed]
    return format_names([kinds_in_sentence(cat, it.name) for it in feeds], cat.lang)


def atom_feed(cat: Catalogue, base_url: str, site_name: str) -> str:
    """`base_url` is this language's root address, ending in '/'."""
    t = cat.t
    # Newest first, across the types with a feed; their order is by date.
    feeds = [it for it in cat.types.all if it.feed]
    items = sorted((i for it in feeds for i in cat.items[it.name]), key=_date, reverse=True)
    entries = [
        Entry(
            id=base_url + s.url,
            title=_title(cat, s, t),
            url=base_url + s.url,
            updated=_date(s),
            published=_date(s),
            summary=cat.text(s, "summary"),
            authors=s.meta.get("authors") or [site_name],
            # A summary not yet translated is in the language it was written in: say so.
            lang=s.lang if cat.status[(s.kind, s.id)] == "missing" else cat.lang,
            categories=["example"] if s.meta.get("example") else [],
            rights=s.meta["license"],
        )
        for s in items
    ]
    return render(
        Feed(
            id=base_url + FEED_NAME,
            lang=cat.lang,
            title=f"{site_name}: {feed_title(cat)}",
            # A line on what the feed brings, where the interface text has one for its one type.
            subtitle=t.get(f"feed.subtitle.{feeds[0].name}") if len(feeds) == 1 else None,
            self_url=base_url + FEED_NAME,
            # the list of what it carries: the type's own, or the home page for several types
            alternate=base_url + (feeds[0].index_url if len(feeds) == 1 else ""),
            entries=entries,
        )
    )


def _title(cat: Catalogue, session, t: dict) -> str:
    """An example is marked as one in a feed reader too, where no page banner shows."""
    title = cat.text(session, "title")
    return t["example.feed_title"].format(title=title) if session.meta.get("example") else title


def write_feed(cat: Catalogue, site_dir: Path, base_url: str, site_name: str) -> None:
    (site_dir / FEED_NAME).write_text(atom_feed(cat, base_url, site_name), "utf-8")
