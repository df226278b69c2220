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
from pathlib import Path

from markupsafe import Markup

from methodkit.catalogue.catalogue import Catalogue
from methodkit.checks.problems import say
from methodkit.i18n import format_date
from methodkit.loading.edition import edition
from methodkit.model.licences import LICENCES
from methodkit.model.types import HANDOUT_SLUG
from methodkit.pages.credit import credit
from methodkit.pages.handouts import rebase
from methodkit.pages.render import render
from methodkit.pages.views import type_label
from methodkit.publishing import workbook
from methodkit.publishing.attribution import adapted_note
from methodkit.publishing.branding import brand_css
from methodkit.publishing.cards import STYLESHEET as CARDS_STYLESHEET
from methodkit.publishing.cards import deck_html
from methodkit.publishing.pdf_names import cards as cards_pdf
from methodkit.publishing.pdf_names import module_pdf, trainer_pack
from methodkit.publishing.pdf_names import workbook as workbook_pdf

_ARTICLE = re.compile(r'<article class="mk-item.*?</article>', re.S)
STYLESHEET = Path(__file__).parent / "pdf.css"


def article(page_file: Path) -> str:
    """Our item article from a built page: content without the site around it."""
    match = _ARTICLE.search(page_file.read_text("utf-8"))
    if match is None:
        raise ValueError(f"{page_file} holds no item article")
    return match.group(0)


def document(body: str, lang: str, title: str, running: str, site_name: str, edition: str) -> str:
    """A page for WeasyPrint; the running header and footer read their strings from the hidden
    divs."""
    return render(
        "document.html",
        lang=lang,
        title=title,
        running=running,
        site_name=site_name,
        edition=edition,
        body=Markup(body),
    )


class PdfWriter:
    def __init__(
        self,
        cat: Catalogue,
        site_dir: Path,
        site_url: str,
        site_name: str,
        brand: dict | None = None,
    ):
        from weasyprint import CSS  # imported here: only builds with PDFs need it

        self.cat, self.site_dir, self.site_url, self.site_name = cat, site_dir, site_url, site_name
        self.brand = brand or {}
        self.t = cat.t
        ed = edition(cat.content.root, [])  # the build said any problem of it
        self.edition_date = format_date(ed.date, cat.lang) if ed.date else ""
        self.edition = self.t["edition"].format(version=ed.version) + (
            f" · {self.edition_date}" if ed.date else ""
        )
        self.version = ed.version
        # The publisher's colours (brand.css) come after the stylesheets that use them.
        self.brand_css = CSS(string=brand_css(self.brand)) if self.brand else None
        self.css = [CSS(filename=str(STYLESHEET)), *filter(None, [self.brand_css])]
        # Every PDF's metadata: who publishes it, the site, the edition's date.
        self.author = self.brand.get("name") or self.brand.get("licence_holder", "")
        self.created = ed.date
        from methodkit.publishing.pdf_fetch import SiteFetcher

        self.fetch = SiteFetcher(site_url, site_dir)

    def write(self, html: str, base: str, target: Path, stylesheet: Path | None = None) -> None:
        from weasyprint import CSS, HTML

        target.parent.mkdir(parents=True, exist_ok=True)
        css = (
            [CSS(filename=str(stylesheet)), *filter(None, [self.brand_css])]
            if stylesheet
            else self.css
        )
        try:
            document = HTML(
                string=html, base_url=self.site_url + base, url_fetcher=self.fetch
            ).render(stylesheets=css)
        except (RecursionError, MemoryError, OverflowError, ValueError) as exc:
            # What the check lets through must not end the build with a traceback: the page that
            # the renderer could not lay out is named instead.
            unmade = say("pdf.unmade", pdf=target.name, error=type(exc).__name__)
            raise PdfError(f"{base or '/'}: {unmade} ({say('pdf.unmade.hint')})") from None
        if self.author:
            document.metadata.authors = [self.author]
        document.metadata.keywords = [self.site_name]
        if self.created:
            document.metadata.created = self.created
        document.write_pdf(target)

    def _credit(self, item) -> dict:
        """The item's credit, as its page gives it: printed sheets and cards carry their
        attribution."""
        licence = LICENCES[item.meta["license"]].name
        url = self.site_url + item.url
        return credit(self.cat, item, licence, url, self.site_name, self.brand.get("based_on"))

    def written_by(self, item) -> str:
        return self._credit(item)["written_by"]

    def credit_of(self, item) -> str:
        return self._credit(item)["credit"]

    def module(self, item, version: str) -> None:
        title = self.cat.text(item, "title")
        target = self.site_dir / module_pdf(item.id, version, self.cat.lang)
        if version == "worksheet":
            found = workbook.part(
                self.cat,
                item,
                (self.site_dir / item.url / "index.html").read_text("utf-8"),
                self.credit_of(item),
            )
            if found:
                self.write(
                    workbook.workbook_html(
                        self.cat, self.site_name, self.edition, [found], cover=False
                    ),
                    item.url,
                    target,
                )
            return
        page = item.url + (f"{HANDOUT_SLUG}/" if version == "participant" else "")
        label = self.t["print.participant"] if version == "participant" else self.t["print.coach"]
        html = document(
            article(self.site_dir / page / "index.html"),
            self.cat.lang,
            title,
            f"{title} · {label}",
            self.site_name,
            self.edition,
        )
        self.write(html, page, target)

    def pack(self) -> None:
        cat, t = self.cat, self.t
        groups = [
            {
                "title": type_label(t, kind, plural=True),
                "items": [
                    {
                        "anchor": f"{kind}-{item.id}",
                        "title": cat.text(item, "title"),
                        # Its links and images were written for its page; the pack is read
                        # from the site's root.
                        "article": Markup(
                            rebase(article(self.site_dir / item.url / "index.html"), item.url)
                        ),
                    }
                    for item in cat.items[kind]
                ],
            }
            for kind in (itype.name for itype in cat.types.in_pack())
        ]
        adapted = adapted_note(self.brand.get("based_on"), cat.t, cat.lang).removeprefix(", ")
        body = render(
            "pack.html",
            t=t,
            site_name=self.site_name,
            brand=self.brand,
            groups=groups,
            adapted=adapted,
            licence_text=t["pack.licence"].format(site=self.site_name),
            licence=LICENCES["CC-BY-SA-4.0"],
            site_url=self.site_url,
            version=self.version,
            date=self.edition_date,
        )
        self.write(
            document(
                body, cat.lang, t["pack.title"], t["pack.title"], self.site_name, self.edition
            ),
            "",
            self.site_dir / trainer_pack(cat.lang),
        )

    def workbook(self) -> None:
        parts = workbook.parts(self.cat, self.site_dir, self.credit_of)
        if parts:
            self.write(
                workbook.workbook_html(self.cat, self.site_name, self.edition, parts),
                "",
                self.site_dir / workbook_pdf(self.cat.lang),
            )

    def cards(self) -> None:
        self.write(
            deck_html(self.cat, self.site_url, self.site_name, self.edition, self.written_by),
            "",
            self.site_dir / cards_pdf(self.cat.lang),
            CARDS_STYLESHEET,
        )


class PdfError(Exception):
    """A PDF the renderer could not make, said with the page it comes from."""


def write_pdfs(
    cat: Catalogue, site_dir: Path, site_url: str, site_name: str, brand: dict | None = None
) -> None:
    writer = PdfWriter(cat, site_dir, site_url, site_name, brand)
    for itype in cat.types.all:
        if itype.has_handout:
            for item in cat.items[itype.name]:
                for version in ("coach", "participant", "worksheet"):
                    writer.module(item, version)
    writer.pack()
    writer.workbook()
    writer.cards()
