"""Trust (issues 15 and 16): harmless HTML passes, active HTML is refused, and the build is safe
without the check.

Three layers are tested. `methodkit check` refuses what is active or loads from
elsewhere (and accepts the HTML that Markdown written elsewhere is full of).
The build's own defences hold when the checker misses something: the checks
are switched off in-process and the built pages are read as HTML and loaded in
Chromium, which must run no script and contact no other host. And front matter
of the site's pages, and macros, cannot be turned into code from a content file.
"""

from __future__ import annotations

import base64
import shutil

import pytest
from bs4 import BeautifulSoup

from methodkit.loading.loader import load
from methodkit.mkdocs_adapter.build import _build_one
from sitekit import assemble, methodkit, page, replace_in

M = "methodology/modules"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
ALPHA = f"{M}/alpha-module.md"


def _with_body(root, text: str, rel: str = ALPHA) -> None:
    replace_in(root / rel, "## Stappen", f"{text}\n\n## Stappen")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("html") / "root")


@pytest.fixture
def root(pristine, tmp_path):
    return shutil.copytree(pristine, tmp_path / "root")


def _problems(root, rel: str = ALPHA) -> list[str]:
    _, problems = load(root)
    return [p.text() for p in problems if p.path == rel]


# -- the checker: addresses that a browser reads as another host -----------------------------

FOREIGN_IMAGES = {
    "backslash after a slash": "![x](/\\evil.example/a.png)",
    "two backslashes": "![x](\\\\evil.example/a.png)",
    "slash and backslash in HTML": '<img src="/\\evil.example/a.png" alt="">',
    "an entity for the backslash": '<img src="/&#92;evil.example/a.png" alt="">',
    "a tab between the slashes": '<img src="/&#9;/evil.example/a.png" alt="">',
    "a newline between the slashes": '<img src="/&#10;/evil.example/a.png" alt="">',
    "scheme without slashes": "![x](https:evil.example/a.png)",
    "protocol-relative in angle brackets": "![x](<//evil.example/a.png>)",
    "reference-style": "![x][r]\n\n[r]: \\\\evil.example/a.png",
    # found by a reviewer: alt text over two lines, which the source pass did not read as an image
    "alt text over two lines": "![schets\nvan de organisatie](https://evil.example/pixel.png)",
    "escaped bracket in the alt text": "![a\\]b](//evil.example/w.png)",
}


@pytest.mark.parametrize("name", list(FOREIGN_IMAGES))
def test_check_refuses_an_image_address_a_browser_reads_as_another_host(root, name):
    _with_body(root, FOREIGN_IMAGES[name])
    found = _problems(root)
    assert any("comes from another site" in p for p in found), (name, found)


BAD_LINKS = {
    "tab inside the scheme": "[a](java\tscript:alert(1))",
    "entity inside the scheme": '<a href="jav&#x09;ascript:alert(1)">a</a>',
    "vbscript": "[a](vbscript:msgbox(1))",
    "data": '<a href="data:text/html,<script>alert(1)</script>">a</a>',
    "upper case": "[a](JAVASCRIPT:alert(1))",
    "leading control": "[a](&#1;javascript:alert(1))",
    "link text over two lines": "Zie de [leidraad\nhier](javascript:alert(1)) voor meer.",
    "escaped bracket in the link text": "[a\\]b](javascript:alert(1))",
    # a second reviewer: reference definitions the source pass did not read as such
    "definition in a quote": "> [r]: javascript:alert(1)\n\nLees [de bron][r].",
    "definition in a list": "- Bijlage\n\n    [f]: vbscript:msgbox(1)\n\nZie [de fiche][f].",
    "definition with an empty label": "[]: javascript:alert(1)\n\n[][]",
}


@pytest.mark.parametrize("name", list(BAD_LINKS))
def test_check_refuses_a_link_with_a_scheme_that_is_not_the_web_or_mail(root, name):
    _with_body(root, BAD_LINKS[name])
    assert any("uses a forbidden scheme" in p for p in _problems(root)), name


# -- the checker: real Markdown from elsewhere (issue 16) ------------------------------------

# Shapes documentation sites use, written for this test.
REAL_MARKDOWN = """Lees <https://example.org/gids/> of schrijf naar <info@example.org>.

<aside class="pull-quote" markdown="1">
**Wat deelnemers zeggen:** het traject gaf *richting*.
</aside>

<blockquote cite="https://example.org/bron">
<p>Een citaat uit een verslag.</p>
</blockquote>

| Fase | Duur |
|:-----|-----:|
| Intake | 1 maand |

<table>
<caption>Overzicht</caption>
<thead><tr><th scope="col">Wat</th><th>Wanneer</th></tr></thead>
<tbody><tr><td colspan="2">Een rij</td></tr></tbody>
</table>

1. Eerste stap
    - een detail
        - nog dieper
2. Tweede stap

<ul>
<li>Een lijst in HTML</li>
</ul>

<h3 id="html-kop">Een kop in HTML</h3>

<hr>

<pre><code>regel een
regel twee</code></pre>

<figure markdown="1">
![Een schets](beeld.png){ width="200" }
<figcaption>Een schets van de fasen.</figcaption>
</figure>

<p>Een alinea in HTML met <abbr title="Circulaire economie">CE</abbr> en <kbd>Ctrl</kbd>.</p>

<details><summary>Meer</summary>
<p>Verborgen tekst.</p>
</details>

Een voetnoot[^1] en een [referentielink][ref].

[^1]: De voetnoot.
[ref]: https://example.org/ref
"""


@pytest.fixture(scope="module")
def real_markdown_site(pristine, tmp_path_factory):
    root = shutil.copytree(pristine, tmp_path_factory.mktemp("real-md") / "root")
    (root / M / "beeld.png").write_bytes(PNG)
    _with_body(root, REAL_MARKDOWN)
    proc = methodkit(root, "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from methodkit.mkdocs_adapter.build import build_site

    assert build_site(root, strict=True, quiet=True) == 0
    return root / "site"


def test_real_world_markdown_passes_the_check_and_keeps_its_structure(real_markdown_site):
    article = page(real_markdown_site, "modules/alpha-module/").select_one("article")
    assert (
        article.select_one('a[href="https://example.org/gids/"]').get_text()
        == "https://example.org/gids/"
    )
    assert article.select_one('a[href="mailto:info@example.org"]') is not None
    aside = article.select_one("aside.pull-quote")
    assert aside.select_one("strong").get_text() == "Wat deelnemers zeggen:" and aside.select_one(
        "em"
    )
    assert article.select_one('blockquote[cite="https://example.org/bron"] p')
    assert (
        len(article.select("table")) == 2
        and article.select_one("table caption").get_text() == "Overzicht"
    )
    assert article.select_one('th[style="text-align: left;"]') and article.select_one(
        'td[colspan="2"]'
    )
    assert article.select_one("ol > li > ul > li > ul > li").get_text(strip=True) == "nog dieper"
    assert (
        article.select_one("h3#html-kop")
        and article.select_one("hr")
        and article.select_one("pre > code")
    )
    assert article.select_one("figure img[src='../beeld.png'][width='200']") and article.select_one(
        "figure > figcaption"
    )
    assert (
        article.select_one("abbr[title]")
        and article.select_one("kbd")
        and article.select_one("details > summary")
    )
    assert article.select_one("div.footnote li p").get_text(strip=True).startswith("De voetnoot")
    assert article.select_one('a[href="https://example.org/ref"]')


def test_a_long_imported_text_gets_one_message_per_problem_with_a_count(root):
    lines = [f"<font color=red>Regel {i}</font>" for i in range(300)] + [
        '<p onclick="x()">a</p>'
    ] * 3
    _with_body(root, "\n\n".join(lines))
    found = _problems(root)
    font = [p for p in found if "<font>" in p]
    assert len(font) == 1 and ", 300 times (lines " in font[0] and ", ...)" in font[0], found
    first = int(font[0].split(":")[1])
    assert f"lines {first}, {first + 2}, {first + 4}, " in font[0]
    handler = [p for p in found if "'onclick'" in p]
    assert len(handler) == 1 and "3 times" in handler[0], found
    assert len(found) == 2, found
    dutch = methodkit(root, "check", "--lang", "nl").stdout
    assert "300 keer (regels " in dutch


def test_check_refuses_unbalanced_html_in_a_coach_note(root):
    replace_in(
        root / ALPHA, "ALFA-COACHNOTITIE: alleen voor de coach.", "Zichtbaar </div> GEHEIM-NA-DIV"
    )
    assert any("HTML tag <div> is not closed where it should be" in p for p in _problems(root)), (
        _problems(root)
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="mermaid">graph TD</div>',
        '<p id="__search">x</p>',
        '<span class="md-x mermaid">x</span>',
    ],
)
def test_check_refuses_classes_and_ids_the_theme_acts_on(root, markup):
    _with_body(root, markup)
    assert any("is not allowed" in p for p in _problems(root)), markup


# -- the build, when the checker misses something ------------------------------------------

ATTACKS = """<script>window.pwned = 1</script>

<img src="x.png" alt="" onerror="window.pwned = 2">

<!-- a --!><img src=x onerror="window.pwned = 3"> -->

<a href="javascript:window.pwned = 4" id="jslink">klik</a>

![x](/\\evil.example/a.png)

<img src="\\\\evil.example/b.png" alt="">

<iframe src="//evil.example/frame"></iframe>

<style>@import url(//evil.example/x.css); body { display: none }</style>

<svg><image href="https://evil.example/c.png"/><script>window.pwned = 5</script></svg>

<div class="mermaid">graph TD; A-->B</div>

<p id="__search">schaduw</p>

Tekst.
{: onclick="window.pwned = 6" style="position:fixed;inset:0" }

<details open ontoggle="window.pwned = 7"><summary>s</summary>x</details>

<object data="https://evil.example/o.swf"></object>

<form action="https://evil.example/"><input name="q"><button>ok</button></form>

## Inhoud {: id='y" tabindex="1" autofocus onfocus="window.pwned = 8"' }

Een kop waarvan de id, als adres in de inhoudstafel, de link van het thema zou openbreken.
"""
DOCS_ATTACK = """---
title: "</title><script>window.pwned = 20</script>"
description: '"><script>window.pwned = 21</script>'
render_macros: 1
---
# Aanval

Zeven keer zeven is {{ 7 * 7 }}.

<img src="x" onerror="window.pwned = 22">
"""
HEADING_ATTACK = "# &lt;img src=x onerror=&quot;window.pwned = 23&quot;&gt;\n\nTekst.\n"


class _Everything(frozenset):
    def __contains__(self, item):
        return True


@pytest.fixture(scope="module")
def blind_site(pristine, tmp_path_factory):
    """The site built with the HTML and front-matter checks switched off: only the build's own
    defences remain."""
    import methodkit.checks.site_pages
    import methodkit.loading.loader

    # it keeps the real list of page fields; only the check is blinded
    import methodkit.mkdocs_adapter.plugin

    root = shutil.copytree(pristine, tmp_path_factory.mktemp("blind") / "root")
    (root / M / "x.png").write_bytes(PNG)
    _with_body(root, ATTACKS)
    replace_in(
        root / ALPHA, "ALFA-COACHNOTITIE: alleen voor de coach.", "Zichtbaar </div> GEHEIM-NA-DIV"
    )
    replace_in(
        root / ALPHA,
        "related: [beta-module]",
        'related: [beta-module]\nauthors: ["</span><script>window.pwned = 30</script>"]',
    )
    replace_in(root / ALPHA, "  - Papier", '  - "Papier <img src=x onerror=window.pwned=31>"')
    (root / "docs/aanval.md").write_text(DOCS_ATTACK, "utf-8")
    (root / "docs/kop.md").write_text(HEADING_ATTACK, "utf-8")
    (root / "docs/negeer.md").write_text(
        "---\nignore_macros: true\n---\n# Negeer\n\n{{ 6 * 7 }}\n", "utf-8"
    )
    with pytest.MonkeyPatch.context() as mp:
        for module in (methodkit.loading.loader, methodkit.checks.site_pages):
            mp.setattr(module, "html_problems", lambda *a, **k: [])
            mp.setattr(module, "text_field_problems", lambda *a, **k: [])
        mp.setattr(methodkit.loading.loader._Loader, "check_images", lambda self: None)
        mp.setattr(
            methodkit.loading.loader._Loader, "check_site_page_references", lambda self: None
        )
        mp.setattr(
            methodkit.checks.site_pages, "PAGE_FIELDS", _Everything()
        )  # render_macros, ignore_macros too
        mp.setenv("METHODKIT_CACHE", "0")
        _, problems = load(root)
        assert problems == [], problems  # blind indeed
        lang, ok, message = _build_one(
            str(root / "mkdocs.yml"), "nl", str(root / "site"), False, False, False
        )
    assert ok, message
    return root / "site"


ACTIVE_TAGS = {
    "script",
    "iframe",
    "style",
    "svg",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "image",
    "link",
    "meta",
    "base",
}


def _active_in(node) -> list[str]:
    found = []
    for tag in node.find_all(True):
        if tag.name in ACTIVE_TAGS:
            found.append(f"<{tag.name}>")
        for attr, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if attr.startswith("on") or attr in ("style", "srcdoc", "action", "formaction", "data"):
                found.append(f"<{tag.name} {attr}>")
            if attr in ("href", "src") and value.strip().lower().startswith(
                ("javascript", "data", "vbscript")
            ):
                found.append(f"<{tag.name} {attr}={value}>")
            if attr == "src" and ("evil" in value or value.startswith(("/\\", "\\", "//", "http"))):
                found.append(f"<{tag.name} src={value}>")
            if attr == "class" and "mermaid" in value or attr == "id" and value.startswith("__"):
                found.append(f"<{tag.name} {attr}={value}>")
    return found


@pytest.mark.parametrize("url", ["modules/alpha-module/", "modules/alpha-module/handout/"])
def test_without_the_checker_no_content_block_carries_anything_active(blind_site, url):
    body = page(blind_site, url).select_one(
        "article .mk-body"
    )  # the content block, without the theme's buttons
    assert body is not None
    assert _active_in(body) == []
    if "handout" not in url:
        assert "klik" in body.get_text()  # the text stays, only what is active goes


def test_without_the_checker_the_handout_does_not_carry_the_coach_note(blind_site):
    coach = page(blind_site, "modules/alpha-module/").get_text()
    assert "GEHEIM-NA-DIV" in coach
    handout = page(blind_site, "modules/alpha-module/handout/").get_text()
    assert "GEHEIM-NA-DIV" not in handout and "Zichtbaar" not in handout


def test_without_the_checker_front_matter_of_an_item_is_text_in_the_credit_line_and_json_ld(
    blind_site,
):
    import json

    soup = page(blind_site, "modules/alpha-module/")
    credit = soup.select_one(".mk-credit")
    assert "</span><script>" in credit.get_text() and not credit.select("script")
    ld = soup.select_one('script[type="application/ld+json"]').string
    assert "</" not in ld and "</span><script>" in json.dumps(json.loads(ld), ensure_ascii=False)


def test_without_the_checker_an_items_sections_are_text_in_the_search_index(blind_site):
    """The search indexes what the template shows around an item's body (a material here); the
    results list shows an entry's text as HTML."""
    import json

    index = json.loads((blind_site / "search/search_index.json").read_text("utf-8"))
    [materials] = [
        d["text"]
        for d in index["docs"]
        if d["location"] == "modules/alpha-module/#section-materials"
    ]
    assert "Papier &lt;img src=x onerror=window.pwned=31&gt;" in materials
    assert "<img" not in materials


def test_front_matter_of_a_site_page_is_text_and_macros_are_not_switched_on(blind_site):
    html = (blind_site / "aanval/index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert "window.pwned" not in "".join(s.get_text() for s in soup.find_all("script"))
    assert "</title><script>" in soup.title.get_text()
    assert soup.select_one('meta[name="description"]')["content"].startswith('"><script>')
    text = soup.select_one("article").get_text()
    assert "{{ 7 * 7 }}" in text and "49" not in text  # `render_macros: 1` made no template of it
    assert (
        _active_in(soup.select_one("article")) == []
    )  # a site page: the whole article is its content
    kop = page(blind_site, "kop/")
    assert "window.pwned" not in "".join(s.get_text() for s in kop.find_all("script"))
    assert not kop.select("img[onerror]")
    assert "{{ 6 * 7 }}" in page(blind_site, "negeer/").select_one("article").get_text()


@pytest.mark.browser
@pytest.mark.parametrize(
    "url", ["modules/alpha-module/", "modules/alpha-module/handout/", "aanval/", "kop/"]
)
def test_without_the_checker_no_script_runs_and_no_other_host_is_contacted(
    blind_site, playwright, url
):
    from browser import browse

    with browse(blind_site, playwright) as browser:
        pg = browser.page(url)
        try:
            pg.wait_for_load_state("networkidle")
            if pg.locator("#jslink").count():
                pg.locator("#jslink").click()
            pg.locator("article").first.click()
            pg.wait_for_timeout(200)
            assert pg.evaluate("window.pwned") is None
            assert pg.evaluate("document.body.offsetHeight") > 0  # no style took the page away
        finally:
            pg.context.close()
        assert browser.external_requests() == []


# A reviewer's attack: a macro call and HTML in one code span. The check reads the span as code;
# the build used to put the macro's lines of HTML into the Markdown, which ended the span and made
# the rest the author's own HTML, cleaned with the interface's allow-list (forms, data- attributes
# that the planner's script acts on: a fetch to another host, a javascript: link).
MACRO_SMUGGLE = (
    '`{{ citation() }}<div data-mk-planner data-src="https://attacker.example/steal.json">'
    "<span data-mk-start></span><span data-mk-add></span></div>"
    '<div data-mk-plan-add="x" data-plan="javascript:window.pwned=40//" data-open="Open">'
    '<button type="button">Voeg toe</button></div><form role="search"><button>Zoek</button></form>'
    '<a href="https://github.com/x/y" data-md-component="source"><span>bron</span></a>`\n'
    # a second reviewer: a macro's block put inside the author's own element or link
    '\n<div class="auteur"><p>\n{{ citation() }}\n</p></div>\n'
    '\n<a href="https://elders.example/"><p>\n{{ sources_zip() }}\n</p></a>\n'
)


@pytest.mark.browser
def test_text_around_a_macro_call_stays_content_whatever_the_macro_writes(root, playwright):
    from browser import browse

    with (root / "docs/cite.md").open("a", encoding="utf-8") as f:
        f.write("\n" + MACRO_SMUGGLE)
    lang, ok, message = _build_one(
        str(root / "mkdocs.yml"), "nl", str(root / "site"), False, False, False
    )
    assert ok, message
    article = page(root / "site", "cite/").select_one("article")
    assert article.select_one(".mk-citation") is not None  # the macro's own HTML is in place
    assert article.select("[data-mk-planner], [data-mk-plan-add], [data-md-component]") == []
    assert article.select("form, button") == []
    assert article.select(".auteur .mk-citation, a[href^='https://elders'] a") == []
    with browse(root / "site", playwright) as browser:
        pg = browser.page("cite/")
        try:
            pg.wait_for_load_state("networkidle")  # the planner's script fetched nothing elsewhere
            assert pg.evaluate("window.pwned") is None
        finally:
            pg.context.close()
        assert browser.external_requests() == []


@pytest.mark.browser
def test_the_copy_button_copies_the_credit_line_whatever_ids_the_content_has(root, playwright):
    """A reviewer hid an element with the id the copy button used to look up (a heading gets one
    too): the button copied the author's text. It copies the credit line beside it."""
    from browser import browse

    _with_body(
        root,
        '## Credit alpha module\n\n<span id="credit-alpha-module">GEEN BRONVERMELDING NODIG</span>',
    )
    assert _problems(root) == []
    lang, ok, message = _build_one(
        str(root / "mkdocs.yml"), "nl", str(root / "site"), False, False, False
    )
    assert ok, message
    with browse(root / "site", playwright) as browser:
        pg = browser.page(None)
        try:
            pg.context.grant_permissions(["clipboard-read", "clipboard-write"])
            pg.goto(browser.base + "modules/alpha-module/")
            pg.click(".mk-copy")
            pg.wait_for_function("document.querySelector('.mk-copy').textContent.trim() !== ''")
            pg.wait_for_timeout(200)
            copied = pg.evaluate("navigator.clipboard.readText()")
        finally:
            pg.context.close()
    assert "GEEN BRONVERMELDING" not in copied
    assert copied == page(root / "site", "modules/alpha-module/").select_one(
        ".mk-credit__text"
    ).get_text(strip=True)
