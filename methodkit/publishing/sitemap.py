"""One sitemap for all languages, with hreflang alternates for every page.

Each per-language build writes its own sitemap without the other languages and
with the build's clock time; this one replaces them. Its pages are the plan's
(methodkit.pages.plan.addresses), not whatever files the build left behind. It
carries no <lastmod>, so two builds of the same commit give the same file.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree as ET

from methodkit.model.languages import Languages

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def write_sitemap(site: Path, base: str, languages: Languages, addresses: list[str]) -> None:
    """`addresses`: the pages of the source language's site; every language has each of them."""
    for lang in languages.codes:
        folder = site / languages.prefix(lang)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (folder / name).unlink(missing_ok=True)
    # ElementTree's prefixes are one table for the process (the Atom feed takes "" for its own):
    # set just before writing, so the file never depends on what was written before it.
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for address in addresses:
        alternates = {lang: languages.absolute(base, address, lang) for lang in languages.codes}
        alternates["x-default"] = alternates[languages.first]
        for lang in languages.codes:
            url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = alternates[lang]
            for hreflang, href in alternates.items():
                ET.SubElement(
                    url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang, href=href
                )
    ET.indent(urlset, space="")
    # Replaced whole: a server may be serving the one before.
    tmp = site / ".sitemap.xml.tmp"
    ET.ElementTree(urlset).write(tmp, encoding="UTF-8", xml_declaration=True)
    os.replace(tmp, site / "sitemap.xml")
