"""The accessibility statement: in every language, made from the configuration, in every footer."""

from __future__ import annotations

import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, page, resolve

PREFIXES = {"nl": "", "fr": "fr/", "en": "en/"}


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_statement_in_every_language_says_what_is_measured(basic_site, lang):
    html = page(basic_site, PREFIXES[lang] + "accessibility/")
    assert html.html["lang"] == lang
    headings = [h.get_text() for h in html.select(".mk-statement h2")]
    assert (
        len(headings) == 5
    )  # status, content, preparation, feedback, enforcement: the EU model's parts
    text = html.select_one(".mk-statement").get_text()
    assert "axe-core" in text and "WCAG 2.1" in text
    # The configuration declares no status: the statement claims none.
    assert not any(
        w in text for w in ("voldoet volledig", "entièrement conforme", "fully compliant")
    )


@pytest.mark.parametrize("url", ["", "modules/alpha-module/", "fr/", "en/glossary/", "fr/modules/"])
def test_every_footer_links_to_the_statement_of_its_language(basic_site, url):
    link = page(basic_site, url).select_one("footer .mk-accessibility-link")
    prefix = next(p for p in ("fr/", "en/", "") if url.startswith(p))
    assert (
        resolve(basic_site, url, link["href"])
        == basic_site / prefix / "accessibility" / "index.html"
    )


DECLARED = """  accessibility:
    status: partial
    evaluated: "2026-05-04"
    law: {nl: het bestuursdecreet, fr: le décret de gouvernance, en: the Governance Decree}
    declared: {nl: [Een test met een schermlezer.], fr: [Un test avec un lecteur d'écran.],
               en: [A test with a screen reader.]}
    limitations: {nl: [Oude PDF's hebben geen tags.], fr: [Les anciens PDF ne sont pas balisés.],
                  en: [Old PDFs are not tagged.]}
    feedback: toegankelijkheid@example.org
    enforcement: {name: Ombudsdienst (voorbeeld), url: "https://ombuds.example.org/"}
"""


@pytest.fixture(scope="module")
def declared_site(tmp_path_factory):
    """A publisher that evaluated its copy and says so in mkdocs.yml."""
    root = assemble(tmp_path_factory.mktemp("declared"))
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("  accessibility:\n")
    end = text.index("\n\n", start) + 1
    config.write_text(text[:start] + DECLARED + text[end:], "utf-8")
    assert build_site(root, strict=True, quiet=True) == 0
    return root / "site"


@pytest.mark.parametrize(
    "lang, status, law, limitation, date",
    [
        ("nl", "voldoet gedeeltelijk", "het bestuursdecreet", "Oude PDF's", "4 mei 2026"),
        ("fr", "partiellement conforme", "le décret de gouvernance", "anciens PDF", "4 mai 2026"),
        ("en", "partially compliant", "the Governance Decree", "Old PDFs", "4 May 2026"),
    ],
)
def test_the_statement_says_what_the_publisher_declares(
    declared_site, lang, status, law, limitation, date
):
    statement = page(declared_site, PREFIXES[lang] + "accessibility/").select_one(".mk-statement")
    text = " ".join(statement.get_text().split())
    assert status in text and law in text and date in text
    assert [li.get_text() for li in statement.select("ul li") if limitation in li.get_text()]
    assert statement.select_one("a[href='mailto:toegankelijkheid@example.org']")
    assert statement.select_one("a[href='https://ombuds.example.org/']").get_text() == (
        "Ombudsdienst (voorbeeld)"
    )
