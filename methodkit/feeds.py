"""An Atom feed of session summaries per language, written after the build.

Dates come from the summaries themselves, never from the clock, so the same
content always gives the same feed.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .catalogue import Catalogue
from .i18n import strings

FEED_NAME = "feed.xml"


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def atom_feed(cat: Catalogue, base_url: str, site_name: str) -> str:
    """`base_url` is this language's root address, ending in '/'."""
    t = strings(cat.lang)
    sessions = cat.items["session"]
    updated = f"{sessions[0].meta['date']}T00:00:00Z" if sessions else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{cat.lang}">',
        f"<id>{escape(base_url + FEED_NAME)}</id>",
        f"<title>{escape(site_name)}: {escape(t['feed.title'])}</title>",
        f"<subtitle>{escape(t['feed.subtitle'])}</subtitle>",
        f'<link rel="self" type="application/atom+xml" href="{_attr(base_url + FEED_NAME)}"/>',
        f'<link rel="alternate" type="text/html" href="{_attr(base_url + "sessions/")}"/>',
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
            f"<title>{escape(cat.text(s, 'title'))}</title>",
            f'<link rel="alternate" type="text/html" href="{_attr(url)}"/>',
            f"<updated>{s.meta['date']}T00:00:00Z</updated>",
            f"<published>{s.meta['date']}T00:00:00Z</published>",
            *[f"<author><name>{escape(a)}</name></author>" for a in authors],
            f"<summary>{escape(cat.text(s, 'summary'))}</summary>",
            f'<rights>{escape(s.meta["license"])}</rights>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def write_feed(cat: Catalogue, site_dir: Path, base_url: str, site_name: str) -> None:
    (site_dir / FEED_NAME).write_text(atom_feed(cat, base_url, site_name), "utf-8")
