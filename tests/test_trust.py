"""Trust: links hold, nothing is fetched from other hosts, builds are reproducible, no personal
data slips through.

The promises of ARCHITECTURE.md ("Trust") checked on the built sites: every
internal link and anchor resolves; no page, stylesheet or script loads anything
from another host, neither in the files nor in a real browser; the same sources
give the same bytes; `methodkit check` catches e-mail addresses and phone
numbers where they do not belong, and refuses Markdown that would run a script.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from methodkit.checks.links import (
    check_external,
    detect_base_path,
    external_links,
    internal_link_problems,
)
from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, methodkit, page, replace_in, resolve

LANGS = [("", "nl", "circulair"), ("fr/", "fr", "circulaire"), ("en/", "en", "circular")]


# -- internal links ---------------------------------------------------------------


@pytest.mark.parametrize("which", ["real_site", "basic_site"])
def test_every_internal_link_and_anchor_resolves(which, request):
    site = request.getfixturevalue(which)
    problems = internal_link_problems(site, detect_base_path(site))
    print("\n".join(problems))
    assert problems == [], f"{len(problems)} broken internal link(s) in {which}:\n" + "\n".join(
        problems[:80]
    )


def test_link_checker_finds_what_is_broken(tmp_path):
    """The checker itself, on a hand-made site: it must see each kind of break, and nothing else."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "empty").mkdir()
    (site / "img.png").write_bytes(b"png")
    (site / "a" / "index.html").write_text('<h2 id="here">x</h2><a name="old">y</a>', "utf-8")
    (site / "index.html").write_text(
        """<!doctype html><html><head>
<link rel="canonical" href="https://example.org/base/">
<link rel="stylesheet" href="/base/missing.css"></head><body>
<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="a/index.html#old">ok</a>
<a href="#top" id="top">ok</a>
<a href="a">ok (folder without slash)</a> <a href="/base/a/">ok</a> <a href="?q=1">ok</a>
<a href="">ok</a>
<img src="img.png" srcset="img.png 1x, nope.png 2x"> <img src="data:image/png;base64,AAAA">
<a href="https://elsewhere.example/x">external</a> <a href="mailto:x@example.org">mail</a>
<a href="b/">BROKEN-1</a> <a href="a/#nowhere">BROKEN-2</a> <a href="#nothere">BROKEN-3</a>
<a href="empty/">BROKEN-4</a> <a href="/other/">BROKEN-5</a>
<a href="javascript:alert(1)">BROKEN-6</a>
<a href="../../etc/passwd">BROKEN-7</a>
</body></html>""",
        "utf-8",
    )
    assert detect_base_path(site) == "/base/"
    problems = internal_link_problems(site, "/base/")
    broken = [
        "/base/missing.css",
        "nope.png",
        "b/",
        "a/#nowhere",
        "#nothere",
        "empty/",
        "/other/",
        "javascript:alert(1)",
        "../../etc/passwd",
    ]
    assert sorted(p.split(": ", 1)[1].split(" -> ")[0] for p in problems) == sorted(broken), (
        "\n".join(problems)
    )
    assert all(p.startswith("index.html: ") and " -> " in p for p in problems)
    assert external_links(site) == {"https://elsewhere.example/x": ["index.html"]}
    # Never raises, whatever it is given; an unreachable address is a finding, not an error.
    failed = check_external(
        ["http://127.0.0.1:9/", "not a url", None, "http://127.0.0.1:9/"], timeout=2
    )
    assert [line.split(" -> ")[0] for line in failed] == ["http://127.0.0.1:9/", "not a url"], (
        failed
    )
    assert all(line.split(" -> ")[1] for line in failed)


# -- nothing from other hosts, in the files ------------------------------------------

LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
}
CSS_URL = re.compile(
    r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(?:url\()?\s*["']?([^"');\s]+)""", re.I | re.S
)
URL_IN_TEXT = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`)<>\\]*""")
# Hosts that serve fonts, libraries, analytics or trackers: none of them may appear in code that
# runs.
THIRD_PARTY_HOSTS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn|unpkg|jsdelivr|cdnjs|ajax\.googleapis|typekit|fontawesome|"
    r"googletagmanager|google-analytics|doubleclick|gravatar|cloudflare|bootstrap|jquery\.com|"
    r"polyfill\.io|plausible|matomo|hotjar|facebook|twitter|youtube",
    re.I,
)
RESOURCE_EXT = re.compile(
    r"\.(?:css|woff2?|ttf|otf|eot|js|mjs|png|jpe?g|gif|svg|webp|avif|ico)(?:[?#]|$)", re.I
)
# Material's bundle carries two loaders it only uses when needed: mermaid for `pre.mermaid` diagrams
# (this site has none, and content cannot make one:
# `test_no_page_triggers_materials_optional_loaders`) and a ResizeObserver polyfill for browsers
# without ResizeObserver (none that Material supports).
MATERIAL_OPTIONAL = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
}


def _external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme.lower() in ("http", "https", "ftp")


def _css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(3) or "" for m in CSS_URL.finditer(css)]


def _html_loads(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(what, url) for everything an HTML page makes the browser fetch by itself."""
    out = []
    for tag in soup.find_all(True):
        name = tag.name
        rels = {r.lower() for r in (tag.get("rel") or [])}
        if name == "link" and rels & LOADING_RELS and tag.get("href"):
            out.append((f"<link rel={' '.join(sorted(rels))}>", tag["href"]))
        for attr in ("src", "poster", "data", "background"):
            if tag.get(attr) and name in (
                "script",
                "img",
                "iframe",
                "frame",
                "embed",
                "object",
                "source",
                "video",
                "audio",
                "track",
                "input",
                "image",
                "use",
                "body",
                "table",
                "td",
            ):
                out.append((f"<{name} {attr}>", tag[attr]))
        if name in ("img", "source") and tag.get("srcset"):
            out += [
                (f"<{name} srcset>", c.strip().split(" ")[0])
                for c in tag["srcset"].split(",")
                if c.strip()
            ]
        if name in ("image", "use", "feimage"):
            for attr in ("href", "xlink:href"):
                if tag.get(attr):
                    out.append((f"<{name} {attr}>", tag[attr]))
        if tag.get("style"):
            out += [("style attribute", u) for u in _css_urls(tag["style"])]
        if name == "style":
            out += [("<style>", u) for u in _css_urls(tag.get_text())]
        if name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
            out.append(("<meta refresh>", (tag.get("content") or "").partition("url=")[2]))
    return out


def test_no_file_loads_anything_from_another_host(real_site):
    found = []
    files = sorted(p for p in real_site.rglob("*") if p.suffix in (".html", ".css", ".js"))
    assert len([f for f in files if f.suffix == ".html"]) > 100 and any(
        f.suffix == ".css" for f in files
    )
    for f in files:
        rel = f.relative_to(real_site).as_posix()
        text = f.read_text("utf-8", errors="replace")
        if f.suffix == ".html":
            soup = BeautifulSoup(text, "html.parser")
            found += [f"{rel}: {what} {url}" for what, url in _html_loads(soup) if _external(url)]
            # Inline scripts run like files: they may not load from elsewhere either.
            for script in soup.find_all("script", src=False):
                if (script.get("type") or "text/javascript") in (
                    "text/javascript",
                    "module",
                    "application/javascript",
                ):
                    found += [
                        f"{rel}: inline script {u}"
                        for u in URL_IN_TEXT.findall(script.get_text())
                        if THIRD_PARTY_HOSTS.search(u) or RESOURCE_EXT.search(u)
                    ]
        elif f.suffix == ".css":
            text = re.sub(
                r"/\*.*?\*/", " ", text, flags=re.S
            )  # licence comments name their authors' sites
            found += [f"{rel}: url() {u}" for u in _css_urls(text) if _external(u)]
            # An inline SVG may itself load from elsewhere (its comments may name sites: fine).
            found += [
                f"{rel}: inside {u[:40]}..."
                for u in _css_urls(text)
                if u.startswith("data:")
                and re.search(r"""(?:href|src)\s*=\s*['"]?(?:https?:)?//""", u)
            ]
        else:
            for u in sorted(set(URL_IN_TEXT.findall(text))):
                u = u.rstrip(".,;")
                if u in MATERIAL_OPTIONAL:
                    continue
                if THIRD_PARTY_HOSTS.search(u) or re.search(
                    r"\.(?:css|woff2?|ttf|otf|eot)(?:[?#]|$)", u
                ):
                    found.append(f"{rel}: {u}")
    assert found == [], "resources from other hosts:\n" + "\n".join(found[:60])


def test_no_page_triggers_materials_optional_loaders(real_site):
    """The conditions under which Material's bundle would fetch from unpkg.com or api.github.com
    never occur."""
    offenders = []
    for f in sorted(real_site.rglob("*.html")):
        soup = BeautifulSoup(f.read_text("utf-8"), "html.parser")
        rel = f.relative_to(real_site).as_posix()
        if soup.select("pre.mermaid"):
            offenders.append(f"{rel}: pre.mermaid (Material loads mermaid from unpkg.com)")
        if soup.select('[data-md-component="source"]'):
            offenders.append(
                f"{rel}: repository facts (Material asks api.github.com / the git host)"
            )
    assert offenders == []


# -- nothing from other hosts, in a real browser -----------------------------------------


def _first_tile(site: Path, prefix: str, listing: str) -> str:
    href = page(site, prefix + listing).select_one(".mk-tile a.mk-tile__title")["href"]
    target = resolve(site, prefix + listing, href)
    assert target.exists(), href
    return target.parent.relative_to(site).as_posix() + "/"


@pytest.mark.browser
def test_no_third_party_requests_in_a_browser(real_site, real_browser):
    """Nothing leaves the machine, and nothing a page asks for is missing (Material's script asks
    each language's root for its sitemap)."""
    results, failed_before = {}, len(real_browser.failed)
    for prefix, lang, word in LANGS:
        paths = [
            prefix,
            prefix + "modules/",
            _first_tile(real_site, prefix, "modules/"),
            _first_tile(real_site, prefix, "practices/"),
            prefix + "trajectory/",
        ]
        for path in paths:
            pg = real_browser.page(path)
            try:
                pg.wait_for_load_state("networkidle")
                assert pg.evaluate("document.documentElement.lang") == lang, path
            finally:
                pg.context.close()
        pg = real_browser.page(prefix)
        try:
            pg.wait_for_load_state("networkidle")
            pg.click("input.md-search__input")
            pg.keyboard.type(word, delay=30)
            pg.wait_for_selector(".md-search-result__item", timeout=20_000)
            results[lang] = pg.eval_on_selector_all(".md-search-result__item", "els => els.length")
            pg.wait_for_load_state("networkidle")
        finally:
            pg.context.close()
    assert all(results.get(lang, 0) > 0 for _, lang, _ in LANGS), results
    assert real_browser.external_requests() == []
    assert real_browser.failed[failed_before:] == []


# -- reproducible builds --------------------------------------------------------------


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_two_builds_give_the_same_bytes(real_root, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert build_site(real_root, site_dir=str(a), quiet=True) == 0
    assert build_site(real_root, site_dir=str(b), quiet=True) == 0
    files_a, files_b = _files(a), _files(b)
    assert files_a == files_b, (
        f"only in the first: {sorted(set(files_a) - set(files_b))[:10]}, "
        f"only in the second: {sorted(set(files_b) - set(files_a))[:10]}"
    )
    assert len(files_a) > 100
    for rel in files_a:
        x, y = (a / rel).read_bytes(), (b / rel).read_bytes()
        if x != y:
            at = next(
                i
                for i in range(min(len(x), len(y)) + 1)
                if i == min(len(x), len(y)) or x[i] != y[i]
            )
            pytest.fail(
                f"{rel} differs between two builds of the same sources (first at byte {at}: "
                f"{x[max(0, at - 60) : at + 60]!r} vs {y[max(0, at - 60) : at + 60]!r})"
            )


def _newest_session_date(root: Path) -> str:
    dates = []
    for f in (root / "methodology" / "sessions").glob("*.md"):
        if f.name.count(".") == 1:  # sources, not translations
            m = re.search(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", f.read_text("utf-8"), re.M)
            if m:
                dates.append(m.group(1))
    assert dates
    return max(dates)


def test_dates_come_from_the_content_not_the_clock(real_root, real_site):
    newest = _newest_session_date(real_root)
    later = []
    for prefix, _, _ in LANGS:
        feed = (real_site / prefix / "feed.xml").read_text("utf-8")
        dates = re.findall(r"\d{4}-\d{2}-\d{2}", feed)
        assert dates, f"{prefix}feed.xml has no dates"
        later += [f"{prefix}feed.xml: {d}" for d in dates if d > newest]
    sitemap = (real_site / "sitemap.xml").read_text("utf-8")
    later += [f"sitemap.xml: {d}" for d in re.findall(r"\d{4}-\d{2}-\d{2}", sitemap) if d > newest]
    assert later == [], f"dates after the newest session ({newest}):\n" + "\n".join(later[:20])
    # Nowhere in the site does the day of the build appear.
    today = {dt.date.today().isoformat(), dt.datetime.now(dt.UTC).date().isoformat()}
    stamped = [
        p.relative_to(real_site).as_posix()
        for p in real_site.rglob("*")
        if p.suffix in (".html", ".xml", ".json", ".txt")
        and any(d in p.read_text("utf-8", errors="replace") for d in today)
    ]
    assert stamped == [], f"the build date ({', '.join(sorted(today))}) appears in: {stamped[:10]}"


# -- personal data --------------------------------------------------------------------

SESSION = "methodology/sessions/2019-06-sessie.md"
PRACTICE = "methodology/practices/voorbeeldpraktijk.md"


def test_check_flags_personal_data_in_a_session_summary(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    path = root / SESSION
    text = path.read_text("utf-8")
    path.write_text(
        text.rstrip("\n") + "\n\nVragen? Mail jan.peeters@gmail.com\nof bel 0470 12 34 56.\n",
        "utf-8",
    )
    lines = path.read_text("utf-8").split("\n")
    mail_line = next(i for i, l in enumerate(lines, 1) if "jan.peeters" in l)
    proc = methodkit(root, "check")
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert (
        f"{SESSION}:{mail_line}: body: contains an e-mail address (jan.peeters@gmail.com)" in out
    ), out
    assert f"{SESSION}:{mail_line + 1}: body: contains a phone number (0470 12 34 56)" in out, out


@pytest.mark.parametrize(
    "text, found",
    [
        ("Bel 0476123456.", "a phone number (0476123456)"),
        ("Bel 0476 123 456.", "a phone number (0476 123 456)"),
        ("Bel +32 476 12 34 56.", "a phone number (+32 476 12 34 56)"),
        ("Mail jan [at] bedrijf.be.", "an e-mail address (jan [at] bedrijf.be)"),
        ("Mail jan (at) bedrijf (dot) be.", "an e-mail address (jan (at) bedrijf (dot) be)"),
        ("Mail jan [AT] bedrijf.be.", "an e-mail address (jan [AT] bedrijf.be)"),
        ("Mail jan&#64;bedrijf.be.", "an e-mail address (jan@bedrijf.be)"),
        ("Bel +32 (0)9 123 45 67.", "a phone number (+32 (0)9 123 45 67)"),
        ("Bel 09/123.45.67.", "a phone number (09/123.45.67)"),
        # As a reader or a phone reads them: spaces run together, a comment, a zero-width space or
        # emphasis between the digits, other dashes, escapes, a country code in brackets.
        ("Bel 0470  12  34  56.", "a phone number (0470 12 34 56)"),
        ("Bel 0470<!-- -->12 34 56.", "a phone number (047012 34 56)"),
        ("Bel 0470\u200b12\u200b34\u200b56.", "a phone number (0470123456)"),
        ("Bel 0470 1*2* 34 56.", "a phone number (0470 12 34 56)"),
        ("Bel 0470\u201312\u201334\u201356.", "a phone number (0470-12-34-56)"),
        ("Bel 0470\\-12\\-34\\-56.", "a phone number (0470-12-34-56)"),
        ("Bel gerust `0476` 12 34 56.", "a phone number (0476 12 34 56)"),
        ("GSM (0476) 12 34 56.", "a phone number (0476 12 34 56)"),
        ("Tel.0476 12 34 56.", "a phone number (0476 12 34 56)"),
        ("Bel 0476 \u00b7 12 \u00b7 34 \u00b7 56.", "a phone number (0476 12 34 56)"),
        (
            'Schrijf <a href="mailto:jan%40example.org">ons</a>.',
            "an e-mail address (jan@example.org)",
        ),
        (
            '<abbr title="0476&#32;12&#32;34&#32;56">De coach</abbr>.',
            "a phone number (0476 12 34 56)",
        ),
        ("Bel (+32) 470 12 34 56.", "a phone number (+32 470 12 34 56)"),
        ("Mail jan<!-- -->@bedrijf.be.", "an e-mail address (jan@bedrijf.be)"),
        ("[Mail ons](mailto:jan%40bedrijf.be).", "an e-mail address (jan@bedrijf.be)"),
        ("Mail jan@b*e*drijf.be.", "an e-mail address (jan@bedrijf.be)"),
    ],
)
def test_check_flags_personal_data_written_in_other_ways(tmp_path, text, found):
    root = assemble(tmp_path / "root", docs=False)
    path = root / SESSION
    path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{text}\n", "utf-8")
    proc = methodkit(root, "check")
    assert f"body: contains {found}" in proc.stdout, proc.stdout


@pytest.mark.parametrize(
    "text",
    [
        "Programma: 09.00 – 12.30 uur, of 09.00 - 12.30 uur.",
        "De sessies vallen op 07/12 - 08/12, of 01-03 - 15-04.",
        "Deelnemers per ronde: 05 - 08 - 12 - 10; scores 04 / 05 / 03 / 04.",
    ],
)
def test_time_and_date_ranges_and_series_are_no_phone_numbers(tmp_path, text):
    root = assemble(tmp_path / "root", docs=False)
    path = root / SESSION
    path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{text}\n", "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 0 and "phone number" not in proc.stdout, proc.stdout


def test_a_date_written_day_month_year_is_no_phone_number(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    path = root / SESSION
    text = "Op 07/12/2026 en 31-01-2019 kwam de groep samen; bel 0476 123 456."
    path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{text}\n", "utf-8")
    out = methodkit(root, "check").stdout
    assert "contains a phone number (0476 123 456)" in out
    assert "07/12/2026" not in out and "31-01-2019" not in out


def test_check_allows_a_practices_contact_field(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    path = root / PRACTICE
    text = path.read_text("utf-8")
    assert "contact: info@voorbeeld.example" in text
    path.write_text(
        text.replace(
            "contact: info@voorbeeld.example", 'contact: "info@voorbeeld.example, +32 9 123 45 67"'
        ),
        "utf-8",
    )
    proc = methodkit(root, "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "voorbeeldpraktijk" not in proc.stdout


# -- content cannot run scripts --------------------------------------------------------

# Each body is Markdown that Python-Markdown, with this site's extensions, turns into HTML that runs
# a script (or restyles the page) in a reader's browser. `methodkit check` must refuse every one of
# them.
ACTIVE_BODIES = {
    "attr_list event handler on a paragraph": 'Tekst.\n{: onclick="alert(1)" }\n',
    "attr_list event handler on a heading": "## Kop { onmouseover=alert(1) }\n",
    "attr_list event handler on an image": "![i](https://example.org/i.png){ onerror=alert(1) }\n",
    "attr_list javascript: href": "[a](https://example.org/){ href=javascript:alert(1) }\n",
    "attr_list style": '[a](https://example.org/){ style="position:fixed;inset:0" }\n',
    "script between backticks in two paragraphs": "a `\n\n<script>alert(1)</script>\n\nb `\n",
    "script between indented backtick lines": "    ```\n<script>alert(1)</script>\n    ```\n",
    "event handler behind a code span in an attribute": "<img src=x alt=`a` onerror=alert(1)>\n",
    "entity-encoded javascript: in a Markdown link": "[a](java&#115;cript:alert(1))\n",
    "entity-encoded javascript: in an HTML link": '<a href="&#106;avascript:alert(1)">a</a>\n',
    "tab inside javascript:": "[a](jav\tascript:alert(1))\n",
}


@pytest.mark.parametrize("name", list(ACTIVE_BODIES))
def test_check_refuses_content_that_runs_scripts(name, tmp_path):
    from methodkit.loading.loader import load

    root = assemble(tmp_path / "root", docs=False)
    path = root / "methodology/modules/alpha-module.md"
    path.write_text(
        path.read_text("utf-8").replace("## Stappen", ACTIVE_BODIES[name] + "\n## Stappen"), "utf-8"
    )
    _, problems = load(root)
    mine = [p.text() for p in problems if p.path.endswith("alpha-module.md")]
    assert mine, f"`methodkit check` accepts {name}: {ACTIVE_BODIES[name]!r}"


SVG_SCRIPT = (
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>\n'
)


def test_a_site_page_translation_may_call_the_macros_and_nothing_else(tmp_path):
    """A translation of a page in docs/ comes by pull request; a page listed in macro_pages is a
    Jinja template."""
    from methodkit.checks.policy import ALLOWED_TAGS

    root = assemble(tmp_path / "root")
    replace_in(
        root / "mkdocs.yml", "      macro_pages:\n", "      macro_pages:\n        - proef.md\n"
    )
    (root / "docs/proef.md").write_text(
        "---\ntitle: Proef\n---\n# Proef\n\n{{ sources_zip() }}\n", "utf-8"
    )
    methodkit(root, "translate", "docs/proef.md", "--to", "fr", check=True)
    fr = root / "docs/proef.fr.md"
    probe, script = '{{ "abc".__class__.__mro__ }}', "<script>alert(1)</script>"
    fr.write_text(
        fr.read_text("utf-8").replace("draft: true\n", "") + f"\n{probe}\n\n{script}\n", "utf-8"
    )
    lines = fr.read_text("utf-8").splitlines()
    proc = methodkit(root, "check")
    assert proc.returncode == 1
    first, second = proc.stdout.splitlines()
    assert (
        first.startswith(
            f"docs/proef.fr.md:{lines.index(probe) + 1}: content: contains template syntax "
            f"'{probe}'"
            " that is not a macro call (a site page may only call the site's macros, "
            "written as {{ name() }}: "
        )
        and "glossary" in first
    )  # the list names the macros the site registers, whatever they are
    assert second == (
        f"docs/proef.fr.md:{lines.index(script) + 1}: body: HTML tag <script> is not allowed"
        f" (write Markdown instead; allowed tags: {', '.join(sorted(ALLOWED_TAGS))})"
    )
    # A build stops before any page is rendered; serving shows the problems, not the page, and runs
    # nothing.
    assert methodkit(root, "build").returncode == 1
    served = build_site(root, strict=False, serve=True, site_dir="preview", quiet=True)
    assert served == 0
    html = (root / "preview/fr/proef/index.html").read_text("utf-8")
    assert "mk-problems" in html
    assert (
        "<script>alert(1)" not in html
        and "class 'str'" not in html
        and "class &#39;str" not in html
    )


def test_an_svg_image_that_runs_a_script_is_refused(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    (root / "methodology/modules/schema.svg").write_text(SVG_SCRIPT, "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "methodology/modules/schema.svg:1: file: an SVG image with the element <script> "
        "(save the drawing as plain SVG"
        " (shapes, text, gradients; no scripts, styles or links to other files), or as PNG)"
    ]
