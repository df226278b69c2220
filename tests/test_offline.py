"""The offline copy: `methodkit build --pdf` writes downloads/offline.zip; unzipped, it works
from file://.

Chromium opens the unzipped copy from the file system, as a trainer without wifi
would: search finds a page and opens it, a filter works, the PDFs are there,
and not one request leaves the file system.
"""

from __future__ import annotations

import zipfile

import pytest

from browser import Browser

pytestmark = pytest.mark.browser
WIDE = {"width": 1280, "height": 900}  # the search field in the header, as on a laptop


@pytest.fixture(scope="module")
def offline(basic_site, tmp_path_factory, playwright):
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(basic_site / "downloads" / "offline.zip") as zf:
        zf.extractall(folder)
    browser = Browser(playwright, (folder / "offline").as_uri() + "/")
    yield folder / "offline", browser
    browser.browser.close()


READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  return meta && meta.textContent.trim() === t['search.result.placeholder'];
}"""


def search(pg, words: str):
    pg.click("input.md-search__input")
    pg.wait_for_function(READY, timeout=15_000)  # the worker has read the index: Material says so
    pg.keyboard.type(words, delay=20)
    pg.wait_for_selector(".md-search-result__item", timeout=15_000)
    return pg.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


@pytest.mark.parametrize(
    "prefix, words, target",
    [
        ("", "Alfatekst", "modules/alpha-module/"),
        ("fr/", "Texte alpha", "fr/modules/alpha-module/"),
    ],
)
def test_search_works_from_the_file_system(offline, prefix, words, target):
    root, browser = offline
    errors = []
    pg = browser.page(prefix + "index.html", viewport=WIDE)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    hits = search(pg, words)
    assert any(h.startswith((root / target).as_uri()) for h in hits), hits
    # A result opens its page (a folder address on file:// completed with index.html).
    pg.click(".md-search-result__item a")
    pg.wait_for_load_state()
    assert pg.url.startswith((root / target / "index.html").as_uri())
    assert pg.locator("article.mk-item h1").count() == 1
    assert errors == []
    pg.context.close()


def test_search_finds_what_an_item_page_shows_around_its_body(offline):
    """A coach searching for a material finds the module, and the result opens it at its
    materials: the template lays the sections out, not the Markdown the search would read alone."""
    root, browser = offline
    pg = browser.page("index.html", viewport=WIDE)
    hits = search(pg, "Papier")  # only in alpha's materials, nowhere in its body
    page = (root / "modules/alpha-module").as_uri() + "/"
    assert [h for h in hits if h.startswith(page) and h.endswith("#section-materials")], hits
    pg.click(".md-search-result__item a[href$='#section-materials']")
    pg.wait_for_load_state()
    assert pg.url.startswith(page + "index.html") and pg.url.endswith("#section-materials")
    assert pg.locator("#section-materials").inner_text() == "Materiaal"
    assert pg.locator("#section-materials").is_visible()
    pg.context.close()


def test_a_filter_works_from_the_file_system(offline):
    root, browser = offline
    pg = browser.page("modules/index.html", viewport=WIDE)
    assert len(pg.eval_on_selector_all(".mk-tile:not([hidden])", "els => els")) == 3
    pg.select_option("select[name=lever]", "peer-exchange")
    pg.wait_for_function("document.querySelectorAll('.mk-tile:not([hidden])').length === 1")
    pg.context.close()


def test_the_copy_holds_every_language_and_the_pdfs_and_asks_no_host(offline):
    root, browser = offline
    from sitekit import page, resolve

    for prefix in ("", "fr/", "en/"):  # the downloads page of every language offers the zip
        href = page(root, prefix + "downloads/").select_one("a[href$='offline.zip']")["href"]
        assert resolve(root, prefix + "downloads/", href) == root / "downloads" / "offline.zip"
    assert sorted(
        p.name for p in (root / "downloads").glob("*.pdf")
    )  # the PDFs travel with the copy
    assert (root / "fr" / "index.html").is_file() and (root / "en" / "index.html").is_file()
    pg = browser.page("index.html", viewport=WIDE)
    pg.click("a[href$='modules/']", timeout=5_000)
    pg.wait_for_load_state()
    assert pg.url.endswith("/modules/index.html")
    pg.context.close()
    assert browser.requests and all(u.startswith("file://") for u in browser.requests), [
        u for u in browser.requests if not u.startswith("file://")
    ]
