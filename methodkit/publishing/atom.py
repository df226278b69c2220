"""Atom feeds written through an XML library: every text escaped, nothing XML cannot carry.

The feed of summaries (feeds.py) and the feed of changes (changelog.py) both
describe themselves and their entries as plain data; this module makes the XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry at all, escaped or not: a title holding one would make the feed
# unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Entry:
    id: str
    title: str
    url: str
    updated: str  # YYYY-MM-DD
    summary: str = ""
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    lang: str | None = None
    categories: list[str] = field(default_factory=list)
    rights: str | None = None


@dataclass
class Feed:
    id: str
    lang: str
    title: str
    self_url: str
    entries: list[Entry]
    subtitle: str | None = None
    alternate: str | None = None
    authors: list[str] = field(default_factory=list)


def _text(value) -> str:
    return _NOT_XML.sub("", str(value))


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, f"{{{NS}}}{tag}", {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _text(text)
    return el


def _authors(parent: ET.Element, names: list[str]) -> None:
    for name in names:
        _add(_add(parent, "author"), "name", name)


def render(feed: Feed) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}feed", {XML_LANG: feed.lang})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    if feed.subtitle:
        _add(root, "subtitle", feed.subtitle)
    _add(root, "link", rel="self", type="application/atom+xml", href=feed.self_url)
    if feed.alternate:
        _add(root, "link", rel="alternate", type="text/html", href=feed.alternate)
    newest = max((e.updated for e in feed.entries), default="1970-01-01")
    _add(root, "updated", f"{newest}T00:00:00Z")
    _authors(root, feed.authors)
    for e in feed.entries:
        entry = _add(root, "entry", **({XML_LANG: e.lang} if e.lang else {}))
        _add(entry, "id", e.id)
        _add(entry, "title", e.title)
        _add(entry, "link", rel="alternate", type="text/html", href=e.url)
        _add(entry, "updated", f"{e.updated}T00:00:00Z")
        if e.published:
            _add(entry, "published", f"{e.published}T00:00:00Z")
        _authors(entry, e.authors)
        _add(entry, "summary", e.summary)
        for term in e.categories:
            _add(entry, "category", term=term)
        if e.rights:
            _add(entry, "rights", e.rights)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
