"""PDF downloads, written after a language's build from its own HTML.

Per module a coach version and a participant version, and one trainer pack
(cover, table of contents with page numbers, the framework, every module in
trajectory order, licence). WeasyPrint is the engine: it numbers a table of
contents (`target-counter`), needs no browser, works offline and writes the
same bytes for the same input. It never fetches anything from the network:
addresses on the site are read from the built files, others are refused.
"""

from __future__ import annotations

import mimetypes
import os
import re
from html import escape as h
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .catalogue import Catalogue
from .files import is_regular, read_regular
from .handouts import HANDOUT_SLUG
from .i18n import strings
from .licences import LICENCES
from .pdf_names import module_pdf, trainer_pack

_ARTICLE = re.compile(r'<article class="mk-item.*?</article>', re.S)
STYLESHEET = Path(__file__).parent / "pdf.css"


def article(page_file: Path) -> str:
    """Our item article from a built page: content without the site around it."""
    match = _ARTICLE.search(page_file.read_text("utf-8"))
    if match is None:
        raise ValueError(f"{page_file} holds no item article")
    return match.group(0)


def site_fetcher(site_dir: Path, site_url: str):
    """WeasyPrint's fetcher for one built site: its own files, read from site_dir, and data: URLs.

    Anything else (another host, a file outside the built site, through `..`, %-escapes or a
    link) is refused; WeasyPrint leaves the resource out with a warning.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = Path(os.path.realpath(site_dir))
    prefix = urlsplit(site_url)

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)  # decoded in memory: urllib's data: handler
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) != (prefix.scheme, prefix.netloc) or not parts.path.startswith(prefix.path):
                raise ValueError(f"PDFs load nothing from other hosts: {url}")
            path = root / unquote(parts.path[len(prefix.path):])
            if not Path(os.path.realpath(path)).is_relative_to(root) or not is_regular(path):
                raise ValueError(f"PDFs load only files of the built site: {url}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, read_regular(path), {"Content-Type": kind})

    return SiteFetcher(allowed_protocols={"data"})


def document(body: str, lang: str, title: str, running: str) -> str:
    return (f'<!doctype html><html lang="{h(lang)}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f'<meta name="generator" content="methodkit"></head>'
            f'<body><div class="mk-running">{h(running)}</div>{body}</body></html>')


class PdfWriter:
    def __init__(self, cat: Catalogue, site_dir: Path, site_url: str, site_name: str):
        from weasyprint import CSS  # imported here: only builds with PDFs need it

        self.cat, self.site_dir, self.site_url, self.site_name = cat, site_dir, site_url, site_name
        self.t = strings(cat.lang)
        self.fetcher = site_fetcher(site_dir, site_url)
        self.css = [CSS(filename=str(STYLESHEET))]

    def write(self, html: str, base: str, target: Path) -> None:
        from weasyprint import HTML

        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=html, base_url=self.site_url + base, url_fetcher=self.fetcher).write_pdf(target, stylesheets=self.css)

    def module(self, item, version: str) -> None:
        page = item.url + (f"{HANDOUT_SLUG}/" if version == "participant" else "")
        title = self.cat.text(item, "title")
        label = self.t["print.participant"] if version == "participant" else self.t["print.coach"]
        html = document(article(self.site_dir / page / "index.html"), self.cat.lang, title, f"{title} · {label}")
        self.write(html, page, self.site_dir / module_pdf(item.id, version, self.cat.lang))

    def pack(self) -> None:
        cat, t = self.cat, self.t
        chapters, modules = cat.items["chapter"], cat.items["module"]
        toc, parts = [], []
        for kind, items in (("chapter", chapters), ("module", modules)):
            toc.append(f'<li class="mk-toc__group">{h(t["kind." + kind + ".plural"])}<ol>')
            for item in items:
                anchor = f"{kind}-{item.id}"
                toc.append(f'<li><a href="#{anchor}">{h(cat.text(item, "title"))}</a></li>')
                parts.append(f'<section class="mk-pack-part" id="{anchor}">{article(self.site_dir / item.url / "index.html")}</section>')
            toc.append("</ol></li>")
        licence = LICENCES["CC-BY-SA-4.0"]
        body = (f'<section class="mk-cover"><p class="mk-cover__kind">{h(t["pack.title"])}</p><h1>{h(self.site_name)}</h1>'
                f'<p>{h(t["pack.subtitle"])}</p><p class="mk-cover__meta">{h(t["language.name"])} · {h(licence.name)} · '
                f'{h(self.site_url)}</p></section>'
                f'<nav class="mk-toc"><h2>{h(t["pack.contents"])}</h2><ol>{"".join(toc)}</ol></nav>'
                + "".join(parts)
                + f'<section class="mk-pack-licence"><h2>{h(t["licence.title"])}</h2><p>{h(t["pack.licence"])}</p>'
                f'<p><a href="{h(licence.url)}">{h(licence.url)}</a></p></section>')
        self.write(document(body, cat.lang, t["pack.title"], f'{self.site_name} · {t["pack.title"]}'), "",
                   self.site_dir / trainer_pack(cat.lang))


def write_pdfs(cat: Catalogue, site_dir: Path, site_url: str, site_name: str) -> None:
    writer = PdfWriter(cat, site_dir, site_url, site_name)
    for item in cat.items["module"]:
        writer.module(item, "coach")
        writer.module(item, "participant")
    writer.pack()
