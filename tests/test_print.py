"""Printing: the browser's print of a module page and the PDF downloads, read back from real
PDFs."""

from __future__ import annotations

import re
import subprocess

import pytest

from methodkit.publishing.pdf_names import module_pdf, trainer_pack
from sitekit import assemble, page, resolve

A4 = (595, 842)  # points, rounded


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {
        k.strip(): v.strip()
        for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)
    }


def page_size(info) -> tuple[int, int]:
    w, h = re.match(r"([\d.]+) x ([\d.]+)", info["Page size"]).groups()
    return round(float(w)), round(float(h))


@pytest.fixture(scope="module")
def printed(basic_browser, tmp_path_factory):
    """The browser's print (Ctrl+P) of a module's coach and participant pages."""
    out = tmp_path_factory.mktemp("print")
    files = {}
    for version, path in (
        ("coach", "modules/alpha-module/"),
        ("participant", "modules/alpha-module/handout/"),
    ):
        pg = basic_browser.page(path)
        pg.emulate_media(media="print")
        files[version] = out / f"{version}.pdf"
        pg.pdf(path=str(files[version]), format="A4", prefer_css_page_size=True)
    return files


@pytest.mark.browser
@pytest.mark.parametrize("version", ["coach", "participant"])
def test_browser_print_is_clean_a4(printed, version):
    info = pdf_info(printed[version])
    assert page_size(info) == A4
    assert 1 <= int(info["Pages"]) <= 6
    text = pdf_text(printed[version])
    assert "Alfa-module" in text and "CC BY-SA 4.0" in text
    assert "Naamsvermelding" in text  # the credit line
    assert (
        "https://example.org/samenzweerders/modules/alpha-module/" in text
    )  # where the page lives
    if version == "coach":  # the participant version leaves the body's prose to the coach
        assert "(https://creativecommons.org/licenses/)" in text  # external link addresses
    for chrome in (
        "Zoeken",
        "Woordenlijst",
        "Made with",
        "Vorige module",
        "Volgende module",
        "Afdrukken",
    ):
        assert chrome not in text, chrome
    assert ("ALFA-COACHNOTITIE" in text) == (version == "coach")


@pytest.mark.browser
def test_the_name_line_goes_to_the_page_of_the_first_worksheet(basic_browser, tmp_path):
    """Where the name line would end a page and the worksheet start the next, both go to the next:
    a collected worksheet must carry the participant's name."""
    pg = basic_browser.page("modules/alpha-module/handout/")
    pg.emulate_media(media="print")
    # Everything above the name line becomes one block that leaves room for it, not for the sheet.
    pg.evaluate(
        """() => {
        const line = document.querySelector('.mk-namedate');
        for (const el of [...line.parentElement.children]) {
            if (el === line) break;
            el.style.display = 'none';
        }
        const fill = document.createElement('div');
        fill.style.height = '22cm';
        line.before(fill);
    }"""
    )
    pdf = tmp_path / "participant.pdf"
    pg.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    pages = pdf_text(pdf).split("\f")
    sheet = next(n for n, text in enumerate(pages) if "Werkblad: alfa" in text)
    assert sheet > 0 and "Naam" in pages[sheet] and "Naam" not in pages[0]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["modules/alpha-module/handout/", "modules/alpha-module/"])
def test_each_question_of_a_printed_worksheet_has_room_to_write(basic_browser, path):
    pg = basic_browser.page(path)
    pg.emulate_media(media="print")
    heights = pg.eval_on_selector_all(
        ".admonition.worksheet li", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 3.5 / 2.54 * 96  # 3.5 cm: four written lines


@pytest.mark.browser
@pytest.mark.parametrize("path", ["modules/alpha-module/", "modules/alpha-module/handout/"])
def test_boxes_print_as_large_as_the_text_around_them(basic_browser, path):
    """Material sizes boxes in rem; on paper that made coach notes and worksheets tiny."""
    pg = basic_browser.page(path)
    pg.emulate_media(media="print")
    px = "el => parseFloat(getComputedStyle(el).fontSize)"
    text = pg.eval_on_selector("article.mk-item", px)
    boxes = pg.eval_on_selector_all(
        "article .admonition p, article .admonition li", f"els => els.map({px})"
    )
    assert boxes and min(boxes) >= 0.9 * text, (text, boxes)


def test_module_page_offers_both_versions_and_pdfs(basic_site):
    soup = page(basic_site, "modules/alpha-module/")
    links = {a["class"][-1]: a["href"] for a in soup.select(".mk-downloads a")}
    assert (
        resolve(basic_site, "modules/alpha-module/", links["mk-download--participant"])
        == basic_site / "modules/alpha-module/handout/index.html"
    )
    pdfs = [a["href"] for a in soup.select(".mk-downloads a.mk-download--pdf")]
    assert [resolve(basic_site, "modules/alpha-module/", h) for h in pdfs] == [
        basic_site / module_pdf("alpha-module", v, "nl")
        for v in ("coach", "participant", "worksheet")
    ]
    # gamma has no worksheet: no worksheet PDF is offered (or written).
    gamma = page(basic_site, "modules/gamma-module/")
    assert len(gamma.select(".mk-downloads a.mk-download--pdf")) == 2
    assert not (basic_site / module_pdf("gamma-module", "worksheet", "nl")).exists()
    handout = page(basic_site, "modules/alpha-module/handout/")
    assert handout.select_one(".admonition.coach") is None
    assert "Voorbereiding" not in [h.get_text() for h in handout.select(".mk-section h2")]
    # A collapsible coach note with a block inside it goes as a whole.
    module, handout = (
        page(basic_site, "modules/gamma-module/"),
        page(basic_site, "modules/gamma-module/handout/"),
    )
    assert (
        "GAMMA-COACHDETAIL" in module.get_text() and "GAMMA-COACHDETAIL" not in handout.get_text()
    )
    # Participants get the worksheets, not the coach's script around them (see
    # test_trainer_pdfs.py).
    assert (
        "GAMMA-NA-DE-NOTITIE" not in handout.get_text()
        and "Een blok in het blok" not in handout.get_text()
    )


def test_the_handout_page_is_light_and_leads_back(basic_site):
    """The participant version is a page to read and print: no navigation, yet a way home,
    to the coach version and to the same handout in the other languages."""
    url = "modules/alpha-module/handout/"
    handout = page(basic_site, url)
    assert (
        handout.select(".md-nav--primary, .md-tabs, .md-search, .md-header [for='__drawer']") == []
    )
    home = handout.select_one(".md-header__topic a")
    assert resolve(basic_site, url, home["href"]) == basic_site / "index.html"
    coach = handout.select_one(".mk-downloads a.mk-download--coach")
    assert resolve(basic_site, url, coach["href"]) == basic_site / "modules/alpha-module/index.html"
    switcher = {a["hreflang"]: a["href"] for a in handout.select("a.mk-lang-link")}
    assert {lang: resolve(basic_site, url, href) for lang, href in switcher.items()} == {
        lang: basic_site / prefix / url / "index.html"
        for lang, prefix in (("nl", ""), ("fr", "fr"), ("en", "en"))
    }
    # The coach's page keeps the site's navigation.
    assert page(basic_site, "modules/alpha-module/").select(".md-nav--primary")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_pdf_downloads_per_module_and_version(basic_site, lang):
    root = basic_site if lang == "nl" else basic_site / lang
    for module in ("alpha-module", "beta-module", "gamma-module"):
        for version in ("coach", "participant"):
            path = root / module_pdf(module, version, lang)
            info = pdf_info(path)
            assert page_size(info) == A4 and 1 <= int(info["Pages"]) <= 6
            text = pdf_text(path)
            assert "CC BY-SA 4.0" in text
            assert ("COACHNOTITIE" in text) == (
                version == "coach" and module in ("alpha-module", "beta-module")
            )
    alpha = pdf_text(root / module_pdf("alpha-module", "coach", lang))
    assert ("Module alpha" if lang == "fr" else "Alfa-module") in alpha


def test_trainer_pack_contents_list_every_module_with_its_page(basic_site):
    path = basic_site / trainer_pack("nl")
    assert page_size(pdf_info(path)) == A4
    pages = pdf_text(path).split("\f")
    contents = pages[1]
    assert "Inhoud" in contents
    for title in ("Het kader", "Alfa-module", "Bèta-module", "Gamma-module < 2 uur & klein"):
        match = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert match, f"{title} not in the contents:\n{contents}"
        number = int(match.group(1))
        assert title in pages[number - 1], f"{title} is not on page {number}"
    assert "CC BY-SA 4.0" in pages[-2] or "CC BY-SA 4.0" in pages[-1]


def test_downloads_page_links_every_pdf(basic_site):
    for prefix, _lang in (("", "nl"), ("fr/", "fr")):
        soup = page(basic_site, prefix + "downloads/")
        hrefs = [a["href"] for a in soup.select(".md-content a[download]")]
        # pack, cards, workbook; two PDFs per module; alpha's worksheets; the offline copy
        assert len(hrefs) == 3 + 2 * 3 + 1 + 1
        for href in hrefs:
            assert resolve(basic_site, prefix + "downloads/", href).exists(), href


def test_pdfs_are_reproducible(basic_root, basic_site, tmp_path):
    """The same content gives the same PDF bytes (no clock time inside)."""
    import shutil

    from methodkit.mkdocs_adapter.build import build_site

    copy = shutil.copytree(basic_root, tmp_path / "again", ignore=shutil.ignore_patterns("site"))
    assert build_site(copy, pdf=True, quiet=True) == 0
    for rel in (module_pdf("alpha-module", "coach", "nl"), "fr/" + trainer_pack("fr")):
        assert (copy / "site" / rel).read_bytes() == (basic_site / rel).read_bytes(), rel


@pytest.mark.browser
def test_the_handout_page_looks_like_the_site_and_works_without_materials_script(basic_browser):
    """The light page is a document of its own (not Material's page): in Chromium it has the
    site's colours and type, its language switcher opens and leads to the same handout, and its
    print button works, with none of Material's script loaded."""
    coach = basic_browser.page("modules/alpha-module/")
    handout = basic_browser.page("modules/alpha-module/handout/")
    style = (
        "el => { const s = getComputedStyle(el); "
        "return [s.backgroundColor, s.color, s.fontFamily]; }"
    )
    assert handout.eval_on_selector(".md-header", style) == coach.eval_on_selector(
        ".md-header", style
    )
    assert handout.eval_on_selector(".md-typeset h1", style) == coach.eval_on_selector(
        ".md-typeset h1", style
    )
    scripts = handout.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.endsWith('.js')).map(n => n.split('/').pop())"
    )
    assert not [s for s in scripts if s.startswith("bundle.")], scripts
    assert handout.locator("[data-mk-print]").is_visible()  # print.js ran
    handout.hover(".md-header .md-select")
    handout.get_by_role("link", name="Français").click()
    handout.wait_for_url("**/fr/modules/alpha-module/handout/")
    assert handout.locator("html").get_attribute("lang") == "fr"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "modules/alpha-module/", "modules/alpha-module/handout/"])
def test_no_empty_banner_above_a_page(basic_browser, path):
    """Material shows a banner for any announcement text, even a blank one: with no problems to
    announce, nothing stands between the top of the window and the header."""
    pg = basic_browser.page(path)
    assert pg.eval_on_selector(".md-header", "el => el.getBoundingClientRect().top") == 0


def test_a_page_the_pdf_renderer_cannot_lay_out_is_named_and_no_pdf_is_left(tmp_path):
    """Behind the check's limits on nesting: HTML that WeasyPrint cannot lay out (here three
    thousand nested boxes) stops with the page and the PDF named (PdfError, which the plugin makes
    a failed build), not a traceback, and leaves no half-written PDF."""
    from methodkit.catalogue.catalogue import Catalogue
    from methodkit.loading.loader import load
    from methodkit.publishing.pdf import PdfError, PdfWriter

    content, problems = load(assemble(tmp_path / "root"))
    assert problems == []
    out = tmp_path / "site"
    writer = PdfWriter(Catalogue(content, "nl"), out, "https://example.org/", "Site")
    deep = "<div>" * 3000 + "x" + "</div>" * 3000
    unmade = r"^modules/x/: the PDF x\.pdf could not be laid out \(RecursionError\) \(the page "
    with pytest.raises(PdfError, match=unmade):
        writer.write(f"<html><body>{deep}</body></html>", "modules/x/", out / "x.pdf")
    assert not (out / "x.pdf").exists()
