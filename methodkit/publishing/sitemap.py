"""The sitemaps, with hreflang alternates for every page: the site's own pages say their
translations here, not in their <head>.

Each per-language build writes its own sitemap without the other languages and
with the build's clock time; these replace them. The site's root holds one for
every page in every language; each other language's root (`fr/`) holds one for
its own pages, because Material's script asks the root of the language it shows
for `sitemap.xml` (and reads every `<link rel="alternate">` of a page as a
language's root, which is why a page's <head> names no translation). Their
pages are the plan's (methodkit.pages.plan.addresses), not whatever files the
build left behind. They carry no <lastmod>, so two builds of the same commit
give the same files.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from methodkit.model.languages import Languages

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def write_sitemap(
    site: Path, base: str, languages: Languages, addresses: list[str], folder_of=None
) -> None:
    """`addresses`: the pages of the source language's site; every language has each of them.
    `folder_of(lang)`: the folder of `site` that holds a language's site, its prefix (`fr/`, and
    the root for the first language) unless said otherwise (the plain files' `nl/`)."""
    folder_of = folder_of or languages.prefix
    for lang in languages.codes:
        folder = site / folder_of(lang)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (folder / name).unlink(missing_ok=True)
    pages = []  # (language, its address, the alternates of the page)
    for address in addresses:
        # A page's file name may hold what an address may not (é, a space, &): escaped, as MkDocs
        # escapes it in the site's links.
        address = quote(address, safe="/")
        alternates = {lang: languages.absolute(base, address, lang) for lang in languages.codes}
        alternates["x-default"] = alternates[languages.first]
        pages += [(lang, alternates[lang], alternates) for lang in languages.codes]
    _write(pages, site / folder_of(languages.first) / "sitemap.xml")
    for lang in languages.others:
        _write([p for p in pages if p[0] == lang], site / folder_of(lang) / "sitemap.xml")


def _write(pages: list[tuple[str, str, dict]], target: Path) -> None:
    # ElementTree's prefixes are one table for the process (the Atom feed takes "" for its own):
    # set just before writing, so the file never depends on what was written before it.
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for _lang, loc, alternates in pages:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = loc
        for hreflang, href in alternates.items():
            ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset, space="")
    # Replaced whole: a server may be serving the one before.
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(".sitemap.xml.tmp")
    ET.ElementTree(urlset).write(tmp, encoding="UTF-8", xml_declaration=True)
    os.replace(tmp, target)
