"""The accessibility statement: in every language, generated from the configuration, linked from every footer."""

from __future__ import annotations

import pytest

from sitekit import page, resolve

PREFIXES = {"nl": "", "fr": "fr/", "en": "en/"}


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_statement_in_every_language_says_what_is_measured(basic_site, lang):
    html = page(basic_site, PREFIXES[lang] + "accessibility/")
    assert html.html["lang"] == lang
    headings = [h.get_text() for h in html.select(".mk-statement h2")]
    assert len(headings) == 5  # status, content, preparation, feedback, enforcement: the EU model's parts
    text = html.select_one(".mk-statement").get_text()
    assert "axe-core" in text and "WCAG 2.1" in text
    # The configuration declares no status: the statement claims none.
    assert not any(w in text for w in ("voldoet volledig", "entièrement conforme", "fully compliant"))


@pytest.mark.parametrize("url", ["", "modules/alpha-module/", "fr/", "en/glossary/", "fr/modules/"])
def test_every_footer_links_to_the_statement_of_its_language(basic_site, url):
    link = page(basic_site, url).select_one("footer .mk-accessibility-link")
    prefix = next(p for p in ("fr/", "en/", "") if url.startswith(p))
    assert resolve(basic_site, url, link["href"]) == basic_site / prefix / "accessibility" / "index.html"
