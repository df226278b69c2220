"""One sitemap for all languages, with hreflang alternates for every page.

Each per-language build writes its own sitemap without the other languages and
with the build's clock time; this one replaces them. It carries no <lastmod>,
so two builds of the same commit give the same file.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from methodkit.loading.config import site_settings
from methodkit.model.languages import Languages


def page_urls(site: Path, languages) -> list[str]:
    """Addresses of the source language's pages, relative to the site root."""
    others = set(languages[1:])
    urls = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.split("/")[0] in others or rel.startswith(("assets", "search")):
            continue
        urls.append("" if rel == "." else rel + "/")
    return urls


def write_sitemap(site: Path, config_file: str, languages) -> None:
    base = site_settings(Path(config_file).parent, config_file).site_url
    source = languages[0]
    for lang in languages:
        folder = site / Languages(tuple(languages)).prefix(lang)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (folder / name).unlink(missing_ok=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in page_urls(site, languages):
        alternates = {
            lang: base + Languages(tuple(languages)).site_path(url, lang) for lang in languages
        }
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>'
            for lang, href in alternates.items()
        )
        links += f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(alternates[source])}"/>'
        for lang in languages:
            lines.append(f"<url><loc>{escape(alternates[lang])}</loc>{links}</url>")
    lines.append("</urlset>")
    (site / "sitemap.xml").write_text("\n".join(lines) + "\n", "utf-8")
