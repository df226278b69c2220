"""An Atom feed per language of the items whose type asks for one (session summaries here).

Dates come from the summaries themselves, never from the clock, so the same
content always gives the same feed.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape as _escape

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import strings

FEED_NAME = "feed.xml"


# Characters XML 1.0 cannot carry at all, escaped or not: a title holding one would make the feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(value: str, entities: dict | None = None) -> str:
    return _escape(_NOT_XML.sub("", str(value)), entities or {})


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _date(item) -> str:
    return item.meta[item.type.order["field"]]


def atom_feed(cat: Catalogue, base_url: str, site_name: str) -> str:
    """`base_url` is this language's root address, ending in '/'."""
    t = strings(cat.lang)
    # Newest first, across the types with a feed; their order is by date.
    feeds = [it for it in cat.types.all if it.feed]
    sessions = sorted((i for it in feeds for i in cat.items[it.name]), key=_date, reverse=True)
    updated = f"{_date(sessions[0])}T00:00:00Z" if sessions else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{cat.lang}">',
        f"<id>{escape(base_url + FEED_NAME)}</id>",
        f"<title>{escape(site_name)}: {escape(t['feed.title'])}</title>",
        f"<subtitle>{escape(t['feed.subtitle'])}</subtitle>",
        f'<link rel="self" type="application/atom+xml" href="{_attr(base_url + FEED_NAME)}"/>',
        *[f'<link rel="alternate" type="text/html" href="{_attr(base_url + it.index_url)}"/>' for it in feeds[:1]],
        f"<updated>{updated}</updated>",
    ]
    for s in sessions:
        url = base_url + s.url
        authors = s.meta.get("authors") or [site_name]
        # A summary not yet translated is in the language it was written in: say so.
        lang = s.lang if cat.status[(s.kind, s.id)] == "missing" else cat.lang
        lines += [
            f'<entry xml:lang="{lang}">',
            f"<id>{escape(url)}</id>",
            f"<title>{escape(_title(cat, s, t))}</title>",
            f'<link rel="alternate" type="text/html" href="{_attr(url)}"/>',
            f"<updated>{_date(s)}T00:00:00Z</updated>",
            f"<published>{_date(s)}T00:00:00Z</published>",
            *[f"<author><name>{escape(a)}</name></author>" for a in authors],
            f"<summary>{escape(cat.text(s, 'summary'))}</summary>",
            *(['<category term="example"/>'] if s.meta.get("example") else []),
            f'<rights>{escape(s.meta["license"])}</rights>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _title(cat: Catalogue, session, t: dict) -> str:
    """An example is marked as one in a feed reader too, where no page banner shows."""
    title = cat.text(session, "title")
    return t["example.feed_title"].format(title=title) if session.meta.get("example") else title


def write_feed(cat: Catalogue, site_dir: Path, base_url: str, site_name: str) -> None:
    (site_dir / FEED_NAME).write_text(atom_feed(cat, base_url, site_name), "utf-8")
