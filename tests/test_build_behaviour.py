"""How builds and the dev server behave with bad content, templates and drafts."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from methodkit.mkdocs_adapter.build import build_site
from sitekit import BIN, assemble, methodkit, page, replace_in, resolve

BAD_LEVER = ("levers: [stakeholder-mapping]", "levers: [stakeholder-mapping, netwerk]")
BETA = "methodology/modules/beta-module.md"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("behaviour"))


@pytest.fixture
def root(pristine, tmp_path):
    return shutil.copytree(pristine, tmp_path / "site-root")


def mkdocs(root, *args, env=None, timeout=300):
    return subprocess.run(
        [str(BIN / "mkdocs"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_strict_build_fails_with_the_checkers_messages(root):
    replace_in(root / BETA, *BAD_LEVER)
    (root / "methodology/modules/leeg.md").write_text("", "utf-8")
    expected = methodkit(root, "check").stdout.splitlines()
    assert len(expected) == 2
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode != 0
    for line in expected:
        assert line in proc.stderr
    assert "Traceback" not in proc.stderr
    # Not only in strict mode: invalid content never builds.
    assert mkdocs(root, "build").returncode != 0


def test_failed_build_leaves_the_site_as_it_was(root):
    assert build_site(root, quiet=True) == 0
    marker = root / "site" / "index.html"
    before = marker.read_bytes()
    replace_in(root / BETA, *BAD_LEVER)
    assert build_site(root, quiet=True) == 1
    assert marker.read_bytes() == before
    assert not any(p.name.endswith(".building") for p in root.iterdir())


def test_a_link_to_a_heading_the_page_lacks_fails_a_strict_build(root):
    """MkDocs' own anchor validation (`validation.anchors` in mkdocs.yml): a link to a heading the
    other page has builds and lands on it; one to a heading it lacks names the page, the link and
    the anchor, at the line of the file it is written in, and the strict build stops."""
    beta = root / BETA
    beta.write_text(
        beta.read_text("utf-8") + "\nZie [de stappen](alpha-module.md#stappen).\n", "utf-8"
    )
    assert build_site(root, quiet=True) == 0
    link = page(root / "site", "modules/beta-module").select_one('a[href$="#stappen"]')
    assert link is not None
    target = resolve(root / "site", "modules/beta-module/", link["href"])
    assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id="stappen")
    replace_in(beta, "alpha-module.md#stappen", "alpha-module.md#bestaat-niet")
    proc = methodkit(root, "build", "--strict")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    line = (
        beta.read_text("utf-8")
        .splitlines()
        .index("Zie [de stappen](alpha-module.md#bestaat-niet).")
    )
    assert (
        f"{BETA}:{line + 1}: body: the link 'alpha-module.md#bestaat-niet' goes to a heading that "
        "'modules/alpha-module.md' does not have (write the anchor of one of its headings"
    ) in out
    assert "Traceback" not in out
    # A translation's link is said in the translation's file (MkDocs names the source page's).
    replace_in(beta, "alpha-module.md#bestaat-niet", "alpha-module.md#stappen")
    french = root / "docs" / "contribute.fr.md"
    french.write_text(french.read_text("utf-8") + "\nVoir [ici](#nulle-part).\n", "utf-8")
    line = len(french.read_text("utf-8").splitlines())
    out = methodkit(root, "build", "--strict").stderr
    assert (
        f"docs/contribute.fr.md:{line}: body: the link '#nulle-part' goes to a heading that this "
        "page does not have"
    ) in out, out


def test_a_citation_file_that_does_not_read_is_said_where_it_is(root):
    # CITATION.cff gives the edition printed pages show: a broken one stops the build, with its
    # line.
    (root / "CITATION.cff").write_text("cff-version: 1.2.0\nversion: [2.0\n", "utf-8")
    proc = methodkit(root, "build")
    assert proc.returncode == 1
    assert "CITATION.cff:" in proc.stderr and ": file: " in proc.stderr
    assert "Traceback" not in proc.stderr
    (root / "CITATION.cff").write_text("cff-version: 1.2.0\nversion: '2.0'\n", "utf-8")
    assert methodkit(root, "build").returncode == 0
    # Printed pages carry the edition in their footer.
    footer = page(root / "site", "modules/alpha-module/").select_one('style[media="print"]').text
    assert "2.0" in footer


def test_a_page_template_the_theme_lacks_or_cannot_read_is_said_where_it_is(root):
    """A template of page_templates is the site's own code: missing, `methodkit check` says so at
    the page that names it; unreadable, the build says where, never with a traceback."""
    replace_in(
        root / "mkdocs.yml", "page_templates: [home.html", "page_templates: [map.html, home.html"
    )
    (root / "docs" / "kaart.md").write_text("---\ntemplate: map.html\n---\n# Kaart\n", "utf-8")
    check = methodkit(root, "check")
    assert check.returncode == 1
    assert "docs/kaart.md:2: template: 'map.html' is in page_templates" in check.stdout
    assert "(add overrides/map.html, or remove" in check.stdout
    (root / "overrides" / "map.html").write_text(
        '{% extends "main.html" %}\n{% block content %}\n{{ page.content {% endblock %}\n', "utf-8"
    )
    assert methodkit(root, "check").returncode == 0
    proc = methodkit(root, "build")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "overrides/map.html:3: template: " in proc.stderr, proc.stderr


def test_a_translation_takes_the_layout_of_its_source_page(root):
    """`template:` and `hide:` are the source page's in every language: a translation that says
    otherwise (or nothing) gives its text, not a layout of its own."""
    (root / "docs" / "kaart.md").write_text(
        "---\n# De taal van de pagina.\nlang: nl\ntitle: Kaart\nhide: [toc]\n---\n"
        "# Kaart\n\n## Deel\n\nTekst.\n",
        "utf-8",
    )
    methodkit(root, "translate", "docs/kaart.md", "--to", "fr", check=True)
    french = root / "docs" / "kaart.fr.md"
    # The source's language, and what it says of it, stay with the source.
    assert "lang:" not in french.read_text("utf-8") and "De taal" not in french.read_text("utf-8")
    version = re.search(r"source_hash: (\S+)", french.read_text("utf-8")).group(1)
    french.write_text(
        f"---\nsource_hash: {version}\ntitle: Carte\ntemplate: plan.html\n---\n"
        "# Carte\n\n## Partie\n\nTexte.\n",
        "utf-8",
    )
    methodkit(root, "build", check=True)
    for url in ("kaart/", "fr/kaart/"):
        built = page(root / "site", url)
        assert not built.select("[data-mk-planner]"), url
        assert built.select_one('[data-md-type="toc"]').has_attr("hidden"), url
    assert page(root / "site", "fr/kaart/").title.get_text().startswith("Carte")


def test_a_relative_config_path_builds_the_macro_pages(root):
    # `mkdocs build -f mkdocs.yml`, as MkDocs' own documentation writes it.
    proc = mkdocs(root, "build", "--strict", "-f", "mkdocs.yml")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert page(root / "site", "translations/").select(
        "table tbody tr"
    )  # the translation_status macro ran


def test_template_syntax_in_docs_needs_opt_in(root):
    (root / "docs/letterlijk.md").write_text("# Letterlijk\n\nWaarde: {{ 7 * 7 }}\n", "utf-8")
    assert mkdocs(root, "build", "--strict").returncode == 0
    text = page(root / "site", "letterlijk/").get_text()
    assert "{{ 7 * 7 }}" in text and "49" not in text


def test_undefined_name_in_a_macro_page_fails_the_build(root):
    replace_in(
        root / "mkdocs.yml", "      macro_pages:\n", "      macro_pages:\n        - macro.md\n"
    )
    (root / "docs/macro.md").write_text("# M\n\n{{ bestaat_niet() }}\n", "utf-8")
    proc = mkdocs(root, "build")
    assert proc.returncode != 0
    assert "bestaat_niet" in proc.stderr + proc.stdout


def test_a_build_stopped_by_content_problems_says_each_once(root):
    """The content is checked once, before any language builds: each problem is said once, not
    once per language, and site/ stays as it was."""
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("vorige versie", "utf-8")
    replace_in(root / BETA, "title: Bèta-module", "title: <b>Vet</b> Bèta-module")
    proc = methodkit(root, "build")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count(f"{BETA}:") == 1, proc.stderr
    assert "build failed; site/ left as it was" in proc.stderr
    assert (root / "site" / "index.html").read_text("utf-8") == "vorige versie"


def test_interface_text_a_site_gives_is_never_active(root):
    """A site's own interface text comes in by pull request like content: HTML or template syntax
    in it is refused and, while serving (problems do not stop the build), never reaches a page;
    the keys written well still show."""
    locales = root / "methodology" / "locales"
    locales.mkdir()
    (locales / "nl.yml").write_text(
        "kind.module: Werkvorm\n"
        "nav.method: <img src=x onerror=alert(1)>\n"
        'nav.about: "{{ config.site_url }}"\n'
        "section.links: <script>alert(2)</script>\n",
        "utf-8",
    )
    preview(root)
    proc = mkdocs(root, "build")
    assert "contains HTML" in proc.stderr and "template syntax" in proc.stderr
    site = root / "site"
    assert page(site, "modules/beta-module/").select_one(".mk-kind").get_text(strip=True) == (
        "Werkvorm"
    )
    for f in site.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".xml", ".json", ".js"):
            text = f.read_text("utf-8", errors="replace")
            assert "onerror=alert" not in text and "alert(2)" not in text, f
    assert "config.site_url" not in (site / "index.html").read_text("utf-8")


def test_jinja_in_content_is_refused_and_never_run(root, tmp_path):
    canary = tmp_path / "ran"
    payload = (
        "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch "
        + str(canary)
        + "') }}"
    )
    replace_in(root / BETA, "Bètatekst in het Nederlands.", payload)
    preview(root)  # as serve builds: problems do not stop the build
    proc = mkdocs(root, "build")
    assert "contains template syntax" in proc.stderr
    assert not canary.exists()
    # While serving the page keeps its address, with the banner and nothing of the file's text.
    served = page(root / "site", "modules/beta-module/")
    assert (
        "bevat sjabloontaal" in served.select_one(".mk-problems").get_text()
    )  # the Dutch site, in Dutch
    assert (
        "__globals__" not in str(served)
        and "Bèta-module" not in served.select_one("article").get_text()
    )


def preview(root) -> None:
    """Build as serve does (drafts shown, problems in a banner): the plugin's own option."""
    replace_in(
        root / "mkdocs.yml",
        "      content_dir: methodology\n",
        "      content_dir: methodology\n      preview: true\n",
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(root, tmp_path, own_group: bool = False) -> tuple[subprocess.Popen, str, Path]:
    """`methodkit serve` on a free port, keeping its site in `tmp_path`; the server, its address and
    its log (the test waits for "Serving on http" in it: logged once the file watcher runs).
    `own_group`: in a process group of its own, as a terminal starts a command."""
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as err:
        server = subprocess.Popen(
            [str(BIN / "methodkit"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={
                **os.environ,
                "TMPDIR": str(tmp_path),
            },  # where the server keeps the site it serves
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=own_group,
        )
    return server, f"http://127.0.0.1:{port}/", log


def _wait_for(url: str, predicate, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never matched; last page:\n{last[:2000]}")


@pytest.mark.parametrize("command", ["mkdocs", "methodkit"])
def test_serve_shows_problems_in_the_page_and_recovers(root, command):
    replace_in(root / BETA, *BAD_LEVER)
    port = _free_port()
    args = ["serve", "--dev-addr", f"127.0.0.1:{port}"]
    env = {
        **os.environ,
        "SITE_URL": f"http://127.0.0.1:{port}/",
    }  # served at the root, not under a sub-path
    server = subprocess.Popen(
        [str(BIN / command), *args],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        html = _wait_for(home, lambda t: "mk-problems" in t)
        # The Dutch site says it in Dutch.
        assert (
            "methodology/modules/beta-module.md:10: levers[1]: onbekende hefboom &#39;netwerk&#39;"
            in html
        )
        # The module is shown with its unknown lever, which links nowhere (there is no page for it).
        beta = BeautifulSoup(
            urllib.request.urlopen(home + "modules/beta-module/").read(), "html.parser"
        )
        chips = {a.get_text(): a.get("href") for a in beta.select(".mk-card__row--levers .mk-chip")}
        assert chips["netwerk"] is None and chips[next(k for k in chips if k != "netwerk")]
        replace_in(root / BETA, BAD_LEVER[1], BAD_LEVER[0])
        _wait_for(home, lambda t: "mk-problems" not in t and "md-header" in t)
        assert server.poll() is None, "the server stopped"
        # The fixed module is back on the site.
        _wait_for(home + "modules/beta-module/", lambda t: "Bèta-module" in t)
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.browser
def test_the_page_being_edited_shows_its_problem_and_comes_back_by_itself(
    root, playwright, tmp_path
):
    """In a real browser on `methodkit serve`: a problem keeps the page (no 404), says what is wrong
    in the reader's language, and the fixed item returns through live reload, without reloading by
    hand."""
    from browser import ARGS, CHROMIUM

    server, base, log = _serve(root, tmp_path)
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    try:
        _log_count(log, "Serving on http", 1)  # logged once the file watcher runs
        nl, fr = browser.new_page(), browser.new_page()
        nl.goto(base + "modules/beta-module/")
        fr.goto(base + "fr/modules/beta-module/")
        assert "Bèta-module" in nl.locator("h1").inner_text()
        # A mistake that leaves the module out of the site: a duration in words.
        replace_in(root / BETA, "duration: 480", "duration: acht uur")
        for pg in (nl, fr):
            pg.wait_for_selector(".mk-problems", timeout=60_000)  # live reload brought the banner
        banner = nl.locator(".mk-problems").inner_text()
        assert "Problemen in de inhoud" in banner
        assert f"{BETA}:7: duration: moet een geheel getal zijn, geen tekst" in banner
        assert "Problèmes dans le contenu" in fr.locator(".mk-problems").inner_text()
        # The page is still there, and says what happened to it.
        status = urllib.request.urlopen(base + "modules/beta-module/").status
        assert status == 200
        assert "komt dan vanzelf terug" in banner
        # Fixed: the module comes back in the open page, by live reload alone.
        replace_in(root / BETA, "duration: acht uur", "duration: 480")
        for pg in (nl, fr):
            try:
                pg.wait_for_function(
                    "!document.querySelector('.mk-problems') && document.querySelector('h1')",
                    timeout=60_000,
                )
            except PlaywrightTimeout:  # seen rarely: keep what the server said, to find out why
                try:
                    served = urllib.request.urlopen(pg.url).read().decode("utf-8")
                    now = f"served now without the banner: {'mk-problems' not in served}"
                except OSError as exc:
                    now = f"the server is gone ({exc}; exit code {server.poll()})"
                raise AssertionError(
                    f"{pg.url} did not come back; {now}\nserve log:\n{log.read_text('utf-8')}"
                ) from None
        assert "Bèta-module" in nl.locator("h1").inner_text()
        # The terminal said it once, not once per language.
        assert (
            log.read_text("utf-8").count("duration: 'acht uur'")
            + log.read_text("utf-8").count("duration: must be")
            == 1
        )
    finally:
        browser.close()
        server.terminate()
        server.wait(timeout=30)


def test_drafts_are_served_but_not_built(root):
    # A draft that no published item names (naming one is a problem of its own: see test_check).
    gamma = "methodology/modules/gamma-module.md"
    replace_in(root / gamma, "duration: 90", "duration: 90\ndraft: true")
    proc = methodkit(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    assert f"Drafts left out of this build: {gamma}" in proc.stderr
    strict = mkdocs(root, "build", "--strict")  # plain MkDocs, strict: the note does not fail it
    assert strict.returncode == 0 and "Drafts left out of this build" in strict.stderr
    assert not (root / "site/modules/gamma-module").exists()
    assert "gamma-module" not in page(root / "site", "modules/").decode()
    # Nor is it in the downloads: the sources zip and the catalogue.
    with zipfile.ZipFile(root / "site/downloads/methodology-sources.zip") as zf:
        names = zf.namelist()
    assert "methodology/modules/alpha-module.md" in names and gamma not in names
    assert "gamma-module" not in (root / "site/catalog.json").read_text("utf-8")
    preview(root)
    assert mkdocs(root, "build").returncode == 0
    assert (
        "Ontwerp"
        in page(root / "site", "modules/gamma-module/").select_one(".mk-flag--draft").get_text()
    )


ALPHA = "methodology/modules/alpha-module.md"


def _log_count(log, text: str, n: int, timeout: float = 120) -> None:
    """Wait until the server's log says `text` `n` times (it logs once a rebuild is complete)."""
    deadline = time.monotonic() + timeout
    while log.read_text("utf-8").count(text) < n:
        assert time.monotonic() < deadline, (
            f"{text!r} not logged {n} times:\n{log.read_text('utf-8')[-3000:]}"
        )
        time.sleep(0.1)


def _first_difference(full: dict, live: dict, names: list[str]) -> str:
    """Where the first differing file differs, as lines of a diff (a test that fails says why)."""
    import difflib

    name = names[0]
    a, b = (
        str(side[name]) if isinstance(side[name], tuple) else side[name] for side in (full, live)
    )
    a, b = (x.decode("utf-8", "replace") if isinstance(x, bytes) else x for x in (a, b))
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "full", "served", lineterm="", n=1)
    return f"{names}: " + "\n".join(list(diff)[:30])


def _tree(site) -> dict:
    """Every file of a built site; the search indexes as sets of entries (a re-rendered page's move
    to the end)."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name == "search_index.json":
            index = json.loads(data)
            data = (index["config"], sorted(json.dumps(d, sort_keys=True) for d in index["docs"]))
        out[path.relative_to(site).as_posix()] = data
    return out


def test_serve_re_renders_what_an_edit_changed_as_a_full_build_would(
    basic_root, tmp_path, monkeypatch
):
    root = shutil.copytree(basic_root, tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    server, base, log = _serve(root, tmp_path)
    try:
        _log_count(log, "Serving on http", 1)  # logged once the file watcher runs
        # The body of a module whose French translation was current: re-rendered, not rebuilt.
        replace_in(
            root / ALPHA,
            "Alfatekst in het Nederlands.",
            "Alfatekst, herschreven tijdens het serveren.",
        )
        _wait_for(base + "modules/alpha-module/", lambda t: "herschreven tijdens het serveren" in t)
        _log_count(log, "re-rendered", 1)
        fr_alpha = BeautifulSoup(
            urllib.request.urlopen(base + "fr/modules/alpha-module/").read(), "html.parser"
        )
        assert fr_alpha.select_one(".mk-notice--outdated"), (
            "the French page still says it is current"
        )
        status = BeautifulSoup(
            urllib.request.urlopen(base + "en/translations/").read(), "html.parser"
        )
        rows = {
            r.td.get_text(): r["class"][0]
            for r in status.find(id="status-fr").find_next("table").select("tbody tr")
        }
        assert rows[ALPHA] == "mk-status--outdated"
        index = json.loads(urllib.request.urlopen(base + "search/search_index.json").read())
        hits = [d["location"] for d in index["docs"] if "Alfatekst" in d["text"]]
        assert hits == [
            "modules/alpha-module/#waarom"
        ]  # once: the page's old entries were replaced
        # The French body: its pages only.
        replace_in(
            root / "methodology/modules/alpha-module.fr.md",
            "Texte alpha en français.",
            "Texte alpha, revu en direct.",
        )
        _wait_for(base + "fr/modules/alpha-module/", lambda t: "revu en direct" in t)
        _log_count(log, "re-rendered", 2)
        # No page shows the content folder's README, but the sources zip holds it.
        (root / "methodology/README.md").write_text(
            "# Bronnen\n\nBijgewerkt tijdens het serveren.\n", "utf-8"
        )
        _log_count(log, "re-rendered", 3)
        # A title shows in lists, on facet pages and on the pages that link the module.
        replace_in(root / ALPHA, "title: Alfa-module", "title: Alfa-module herdoopt")
        _log_count(log, "re-rendered", 4)
        assert "Alfa-module herdoopt" in urllib.request.urlopen(base + "modules/").read().decode(
            "utf-8"
        )
        assert "Alfa-module herdoopt" in urllib.request.urlopen(
            base + "modules/beta-module/"
        ).read().decode("utf-8")
        # A lever moves a module from one facet page to another.
        replace_in(root / BETA, *BAD_LEVER[:1], "levers: [stakeholder-mapping, peer-exchange]")
        _log_count(log, "re-rendered", 5)
        # After all these edits, the served site is what a full build of the same sources makes.
        monkeypatch.setenv("SITE_URL", base)
        assert (
            build_site(root, strict=False, serve=True, site_dir=str(tmp_path / "full"), quiet=True)
            == 0
        )
        full, live = _tree(tmp_path / "full"), _tree(next(tmp_path.glob("methodkit-serve-*/site")))
        assert full.keys() == live.keys()
        differ = [name for name in full if full[name] != live[name]]
        assert differ == [], _first_difference(full, live, differ)
        assert (
            log.read_text("utf-8").count("built nl, fr, en") == 1
        )  # all of it without building everything again
        # A page of the site itself (docs/) is outside what a worker compares: everything is built
        # again.
        replace_in(root / "docs/proef.md", "PROEFTEKST-NL", "PROEFTEKST-NL, herschreven")
        _log_count(log, "built nl, fr, en", 2)
        assert "PROEFTEKST-NL, herschreven" in urllib.request.urlopen(
            base + "proef/"
        ).read().decode("utf-8")
        # The site's own interface text shows on every page: everything is built again.
        (root / "methodology/locales").mkdir()
        (root / "methodology/locales/nl.yml").write_text("kind.module: Werkvorm\n", "utf-8")
        _log_count(log, "built nl, fr, en", 3)
        served = BeautifulSoup(
            urllib.request.urlopen(base + "modules/beta-module/").read(), "html.parser"
        )
        assert served.select_one(".mk-kind").get_text(strip=True) == "Werkvorm"
        assert log.read_text("utf-8").count("re-rendered") == 5
        assert server.poll() is None, "the server stopped"
        # Stopped, the server takes its workers (one per language) with it.
        workers = _children(server.pid)
        assert len(workers) >= 3
        server.terminate()
        server.wait(timeout=60)
        deadline = time.monotonic() + 30
        while [w for w in workers if Path(f"/proc/{w}").exists()]:
            assert time.monotonic() < deadline, "worker processes outlived the server"
            time.sleep(0.2)
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=20)


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue  # ended meanwhile
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<rect width="10" height="10"/></svg>\n'
)


def test_images_beside_an_item_are_published_beside_its_page(root):
    modules = root / "methodology/modules"
    (modules / "schema.svg").write_text(SVG, "utf-8")
    (modules / "plannen").mkdir()
    (modules / "plannen" / "plan.svg").write_text(SVG, "utf-8")
    replace_in(
        root / BETA,
        "Bètatekst in het Nederlands.",
        "Bètatekst in het Nederlands.\n\n![Een schema](schema.svg)\n\n"
        "![Een plan](plannen/plan.svg)",
    )
    assert methodkit(root, "check").returncode == 0
    proc = methodkit(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    site = root / "site"
    # The module page and the French page that shows the Dutch text (a handout holds only
    # worksheets).
    for url in ("modules/beta-module/", "fr/modules/beta-module/"):
        sources = [img["src"] for img in page(site, url).select(".mk-body img")]
        assert len(sources) == 2, url
        assert all(resolve(site, url, src).read_text("utf-8") == SVG for src in sources), (
            url,
            sources,
        )


def test_an_image_the_site_cannot_show_is_refused_with_its_line(root):
    (root / "methodology/modules/schema.svg").write_text(SVG, "utf-8")
    replace_in(
        root / BETA,
        "Bètatekst in het Nederlands.",
        "Bètatekst in het Nederlands.\n\n![Een schema](schema.png)\n\n"
        '<img src="schema.svg" alt="Een schema">',
    )
    proc = methodkit(root, "check")
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{BETA}:23: body: image 'schema.png' is not in the repository "
        "(did you mean 'schema.svg'?)",
        f"{BETA}:25: body: image 'schema.svg' is in HTML "
        "(write it in Markdown, ![description](file), so its address works on every page)",
    ]


def test_an_item_in_a_sub_folder_shows_its_image_or_the_check_says_how(root):
    extra = root / "methodology/modules/extra"
    extra.mkdir()
    (extra / "plan.svg").write_text(SVG, "utf-8")
    text = (root / BETA).read_text("utf-8").replace("id: beta-module", "id: delta-module")
    (extra / "delta-module.md").write_text(
        text.replace("Bètatekst in het Nederlands.", "Bètatekst.\n\n![Een plan](plan.svg)"), "utf-8"
    )
    rel = "methodology/modules/extra/delta-module.md"
    line = (extra / "delta-module.md").read_text("utf-8").splitlines().index(
        "![Een plan](plan.svg)"
    ) + 1
    # The page is published in modules/, where a strict build would not find 'plan.svg': the check
    # says so first.
    proc = methodkit(root, "check")
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{rel}:{line}: body: image 'plan.svg' is not found from the page "
        "(the page of an item in a sub-folder is published in modules/: write 'extra/plan.svg')"
    ]
    assert "schrijf 'extra/plan.svg'" in methodkit(root, "check", "--lang", "nl").stdout
    # Written as the check says, it passes the check and the strict build, and the page shows the
    # image.
    replace_in(extra / "delta-module.md", "](plan.svg)", "](extra/plan.svg)")
    assert methodkit(root, "check").returncode == 0
    proc = methodkit(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    for url in ("modules/delta-module/", "fr/modules/delta-module/"):
        sources = [img["src"] for img in page(root / "site", url).select(".mk-body img")]
        assert (
            len(sources) == 1 and resolve(root / "site", url, sources[0]).read_text("utf-8") == SVG
        ), (url, sources)


BOOM = (
    'def define_env(env):\n    @env.macro\n    def boom():\n        raise RuntimeError("KAPOT")\n'
)


def test_a_failing_macro_fails_the_build_and_leaves_the_server_running(root, tmp_path):
    """mkdocs-macros ends the process when a macro fails; a build says so and fails, and the
    server keeps serving and builds again once the macro is mended."""
    replace_in(
        root / "mkdocs.yml", "      macro_pages:\n", "      macro_pages:\n        - boom.md\n"
    )
    (root / "docs/boom.md").write_text("# Boom\n\n{{ boom() }}\n", "utf-8")
    (root / "macros.py").write_text(BOOM, "utf-8")
    proc = methodkit(root, "build")
    assert proc.returncode == 1 and "a macro failed" in proc.stderr
    server, base, log = _serve(root, tmp_path)
    try:
        _log_count(log, "Serving on http", 1)
        assert server.poll() is None, log.read_text("utf-8")
        (root / "macros.py").write_text(
            BOOM.replace('raise RuntimeError("KAPOT")', 'return "HEEL"')
        )
        _wait_for(base + "boom/", lambda t: "HEEL" in t)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_browser_that_hangs_up_does_not_end_the_server(root, tmp_path):
    """A page that reloads closes its live-reload request, which the server answers after the next
    rebuild, to no one. That used to end `methodkit serve` by SIGPIPE (the live-reload test's rare
    failure: the server was gone)."""
    import re

    server, base, log = _serve(root, tmp_path)
    try:
        _log_count(log, "Serving on http", 1)
        page_html = urllib.request.urlopen(base + "modules/beta-module/").read().decode("utf-8")
        epoch, request = re.search(r"livereload\((\d+), (\d+)\)", page_html).groups()
        host, port = base.removeprefix("http://").rstrip("/").split(":")
        for i in range(10):  # ten pages that reload, each leaving its request behind
            with socket.create_connection((host, int(port))) as s:
                s.sendall(
                    f"GET /livereload/{epoch}/{request}{i} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
                )
        replace_in(root / BETA, "Bètatekst in het Nederlands.", "Bètatekst, opnieuw.")
        _log_count(log, "re-rendered", 1)
        time.sleep(1)  # the answers to the closed requests are written now
        assert server.poll() is None, f"the server ended ({server.poll()}):\n{log.read_text()}"
        assert "opnieuw" in urllib.request.urlopen(base + "modules/beta-module/").read().decode()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_stops_cleanly_however_many_signals_arrive(root, tmp_path):
    """A supervisor that sends its stop signal twice, or a second Ctrl+C, during the clean-up: the
    server ends once, without a traceback, and takes its scratch site with it."""
    server, base, log = _serve(root, tmp_path)
    try:
        _log_count(log, "Serving on http", 1)
        # Answering: MkDocs' server thread is serving (a signal before that meets MkDocs' own race
        # between starting and stopping that thread, which is not what this test is about).
        _wait_for(base, lambda text: True)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.05)
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) is not None
    finally:
        if server.poll() is None:
            server.kill()
    assert "Traceback" not in log.read_text("utf-8"), log.read_text("utf-8")
    assert not list(tmp_path.glob("methodkit-serve-*"))


def test_ctrl_c_during_the_first_build_stops_serve_without_a_traceback(root, tmp_path):
    """Ctrl+C reaches the server and its workers (the terminal's whole process group) while the
    site is still being built: everything ends, quietly, and the scratch site goes too."""
    server, _, log = _serve(root, tmp_path, own_group=True)
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("methodkit-serve-*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)  # the workers are starting or building
        os.killpg(server.pid, signal.SIGINT)
        assert server.wait(timeout=60) is not None
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    text = log.read_text("utf-8")
    assert "Traceback" not in text and "Serving every language" not in text, text
    assert not list(tmp_path.glob("methodkit-serve-*"))


# `build_site` in a fresh process, with every load of the content noted (its process, and whether
# it was a helper's share of a cold check); with "thread", another thread runs while it builds.
_BUILD = """
import os, sys, threading
from pathlib import Path
import methodkit.loading.loader as loader
from methodkit.mkdocs_adapter.build import build_site

root, marks = Path(sys.argv[1]), Path(sys.argv[2])

def counted(self, _load=loader._Loader.load):
    (marks / f"{os.getpid()}-{'helper' if self.share else 'load'}").touch()
    return _load(self)

loader._Loader.load = counted
if sys.argv[3] == "thread":
    threading.Thread(target=threading.Event().wait, daemon=True).start()
sys.exit(build_site(root, quiet=True))
"""


@pytest.mark.parametrize("other_thread", [False, True], ids=["forked", "spawned"])
def test_workers_take_the_checked_model_where_forking_is_safe(root, tmp_path, other_thread):
    marks = tmp_path / "marks"
    marks.mkdir()
    proc = subprocess.Popen(
        [str(BIN / "python"), "-c", _BUILD, str(root), str(marks), str(other_thread and "thread")],
        env={**os.environ, "METHODKIT_CACHE_DIR": str(tmp_path / "cache")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    loads = sorted(m.name for m in marks.iterdir())
    # The content is loaded and checked once, by the process that builds; no forked worker loads
    # it again (a spawned worker, a fresh interpreter, loads it itself, unseen here).
    assert [m for m in loads if m.endswith("-load")] == [f"{proc.pid}-load"]
    # A cold check is shared with helpers where forking is safe, and done alone where it is not.
    helpers = [m for m in loads if m.endswith("-helper")]
    cores = os.cpu_count() or 1
    assert len(helpers) == (0 if other_thread or cores < 2 else cores)
    for lang in ("", "fr/", "en/"):
        assert (root / "site" / lang / "modules/alpha-module/index.html").is_file()
