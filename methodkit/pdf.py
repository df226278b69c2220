"""PDF downloads, written after a language's build from its own HTML.

Per module a coach version and a participant version, and one trainer pack
(cover, table of contents with page numbers, the framework, every module in
trajectory order, licence). WeasyPrint is the engine: it numbers a table of
contents (`target-counter`), needs no browser, works offline and writes the
same bytes for the same input. It never fetches anything from the network:
addresses on the site are read from the built files, others are refused.
"""

from __future__ import annotations

import re
from html import escape as h
from pathlib import Path
from urllib.parse import urlsplit

from .catalogue import Catalogue
from .handouts import HANDOUT_SLUG
from .attribution import adapted_note
from .branding import brand_css
from .i18n import format_date, format_names, strings
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


def document(body: str, lang: str, title: str, running: str, meta: dict[str, str]) -> str:
    """A PDF's HTML; `meta` (author, description, dcterms.created...) becomes the PDF's metadata."""
    tags = "".join(f'<meta name="{h(k)}" content="{h(v)}">' for k, v in meta.items() if v)
    return (f'<!doctype html><html lang="{h(lang)}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            f'<meta name="generator" content="methodkit">{tags}</head>'
            f'<body><div class="mk-running">{h(running)}</div>{body}</body></html>')


def _site_fetcher(site_url: str, site_dir: Path):
    """WeasyPrint's fetcher, reading site addresses from the built files and refusing every other host."""
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(site_url):
                path = site_dir / urlsplit(url).path[len(urlsplit(site_url).path):]
                return super().fetch(path.resolve().as_uri(), headers)
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"PDFs load nothing from other hosts: {url}")

    return SiteFetcher(allowed_protocols=("file", "data"))


class PdfWriter:
    def __init__(self, cat: Catalogue, site_dir: Path, site_url: str, brand: dict, date: str):
        from weasyprint import CSS  # imported here: only builds with PDFs need it

        self.cat, self.site_dir, self.site_url, self.brand = cat, site_dir, site_url, brand
        self.site_name, self.date = brand["site_name"], date
        self.t = strings(cat.lang)
        # The publisher's colours come after the stylesheet that uses them.
        self.css = [CSS(filename=str(STYLESHEET)), CSS(string=brand_css(brand))]
        publisher = brand["name"] or brand["licence_holder"]
        self.meta = {"author": publisher, "dcterms.created": date, "keywords": self.site_name}

    def write(self, html: str, base: str, target: Path) -> None:
        from weasyprint import HTML

        target.parent.mkdir(parents=True, exist_ok=True)
        fetcher = _site_fetcher(self.site_url, self.site_dir)
        HTML(string=html, base_url=self.site_url + base, url_fetcher=fetcher).write_pdf(target, stylesheets=self.css)

    def module(self, item, version: str) -> None:
        page = item.url + (f"{HANDOUT_SLUG}/" if version == "participant" else "")
        title = self.cat.text(item, "title")
        label = self.t["print.participant"] if version == "participant" else self.t["print.coach"]
        html = document(article(self.site_dir / page / "index.html"), self.cat.lang, title, f"{title} · {label}",
                        {**self.meta, "description": self.cat.text(item, "summary")})
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
        licence, brand = LICENCES["CC-BY-SA-4.0"], self.brand
        logo = f'<img class="mk-cover__logo" src="{h(brand["emblem"])}" alt="">' if brand["emblem"] else ""
        publisher = brand["name"] or brand["licence_holder"]
        adapted = adapted_note(brand["based_on"], cat.lang).lstrip(", ")
        date = format_date(self.date, cat.lang) if self.date else ""
        body = (f'<section class="mk-cover">{logo}<p class="mk-cover__kind">{h(t["pack.title"])}</p>'
                f'<h1>{h(self.site_name)}</h1><p>{h(t["pack.subtitle"])}</p>'
                f'<p class="mk-cover__publisher">{h(publisher)}</p>'
                + (f'<p class="mk-cover__based-on">{h(adapted)}</p>' if adapted else "")
                + f'<p class="mk-cover__meta">{h(t["language.name"])} · {h(date)} · {h(licence.name)} · '
                f'{h(self.site_url)}</p></section>'
                f'<nav class="mk-toc"><h2>{h(t["pack.contents"])}</h2><ol>{"".join(toc)}</ol></nav>'
                + "".join(parts)
                + f'<section class="mk-pack-licence"><h2>{h(t["licence.title"])}</h2>'
                f'<p>{h(t["pack.licence"].format(authors=self.authors()))}</p>'
                + (f'<p>{h(adapted)}.</p>' if adapted else "")
                + f'<p><a href="{h(licence.url)}">{h(licence.url)}</a></p></section>')
        self.write(document(body, cat.lang, f'{self.site_name}: {t["pack.title"]}', f'{self.site_name} · {t["pack.title"]}',
                            {**self.meta, "description": t["pack.subtitle"]}),
                   "", self.site_dir / trainer_pack(cat.lang))

    def authors(self) -> str:
        """Everyone the pack's modules and chapters credit, in the reader's language."""
        names = dict.fromkeys(a for kind in ("chapter", "module") for item in self.cat.items[kind]
                              for a in item.meta.get("authors", []))
        return format_names(list(names), self.cat.lang)


def write_pdfs(cat: Catalogue, site_dir: Path, site_url: str, brand: dict, date: str) -> None:
    writer = PdfWriter(cat, site_dir, site_url, brand, date)
    for item in cat.items["module"]:
        writer.module(item, "coach")
        writer.module(item, "participant")
    writer.pack()
