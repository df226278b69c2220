"""Trust (issue 15): outputs content cannot break, personal data that hides, SVG images, and
inputs that crashed.

Each class with several variants of our own: the message of `methodkit check`
(never a traceback, a hang or a signal), and what reaches site/ read back as
XML, PDF text, a zip or the output of the command.
"""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import time
import urllib.request
from xml.etree import ElementTree

import pytest

from methodkit.loading.loader import load
from methodkit.mkdocs_adapter.build import build_site
from sitekit import BIN, assemble, methodkit, page, replace_in

M = "methodology/modules"
SESSION = "methodology/sessions/2019-06-sessie.md"
PRACTICE = "methodology/practices/voorbeeldpraktijk.md"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("outputs") / "root")


@pytest.fixture
def root(pristine, tmp_path):
    return shutil.copytree(pristine, tmp_path / "root")


def _problems(root, rel: str) -> list[str]:
    _, problems = load(root)
    return [p.text() for p in problems if p.path == rel]


# -- output formats content cannot break -------------------------------------------------


@pytest.fixture(scope="module")
def odd_site(pristine, tmp_path_factory):
    """Titles with control characters, an image in a module, PDFs: built once."""
    root = shutil.copytree(pristine, tmp_path_factory.mktemp("odd") / "root")
    replace_in(
        root / SESSION,
        "title: Latere sessie",
        'title: "Latere\\x01 sessie\\x0b met \\u0007 tekens & 1 </2"',
    )
    replace_in(
        root / SESSION, "summary: Een later voorbeeldverslag.", 'summary: "Een\\x1b[31m verslag"'
    )
    (root / M / "schets.png").write_bytes(PNG)
    alpha = root / M / "alpha-module.md"
    alpha.write_text(
        alpha.read_text("utf-8").replace("## Stappen", "![Een schets](schets.png)\n\n## Stappen"),
        "utf-8",
    )
    assert methodkit(root, "check").returncode == 0
    assert build_site(root, strict=True, pdf=True, quiet=True) == 0
    return root / "site"


@pytest.mark.parametrize("feed", ["feed.xml", "fr/feed.xml", "en/feed.xml"])
def test_control_characters_in_a_title_leave_the_feed_valid_xml(odd_site, feed):
    tree = ElementTree.parse(odd_site / feed)  # raises on invalid XML
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in tree.getroot().findall("a:entry/a:title", ns)]
    assert any(t.endswith("Latere sessie met  tekens & 1 </2") for t in titles), titles
    summaries = [e.text for e in tree.getroot().findall("a:entry/a:summary", ns)]
    assert "Een[31m verslag" in summaries


def test_the_other_outputs_carry_the_title_safely(odd_site):
    import json

    catalog = json.loads((odd_site / "catalog.json").read_text("utf-8"))
    assert any(i["languages"]["nl"]["title"].startswith("Latere\x01") for i in catalog["items"])
    session = page(odd_site, "sessions/2019-06-sessie/")
    ld = json.loads(session.select_one('script[type="application/ld+json"]').string)
    assert "1 </2" in json.dumps(ld, ensure_ascii=False)
    assert (
        "</" not in session.select_one('script[type="application/ld+json"]').string
    )  # tojson escapes < and >
    assert session.select_one('meta[property="og:title"]')["content"].endswith("& 1 </2")


def test_a_module_that_shows_an_image_makes_its_pdfs(odd_site):
    pdf = odd_site / "downloads/alpha-module-coach-nl.pdf"
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.strip().splitlines()) > 2  # header lines and the image
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Alfa" in text


def test_the_pdf_engine_reads_only_the_built_site(odd_site, tmp_path):
    from weasyprint import HTML

    from methodkit.publishing.pdf_fetch import SiteFetcher

    outside = tmp_path / "secret.png"
    outside.write_bytes(PNG)
    site_url = "https://example.org/samenzweerders/"
    fetch = SiteFetcher(site_url, odd_site)
    assert fetch(site_url + "modules/schets.png").read() == PNG
    for url in [
        f"file://{outside}",
        site_url + "../secret.png",
        site_url + "%2e%2e/%2e%2e/secret.png",
        "https://example.org/other/x.png",
        "https://evil.example/x.png",
        "http://127.0.0.1:9/x.png",
        site_url.replace("https", "http") + "modules/schets.png",
        "ftp://example.org/x.png",
    ]:
        with pytest.raises(ValueError):
            fetch(url)
    (odd_site / "modules" / "link.png").symlink_to(outside)
    try:
        with pytest.raises(ValueError):
            fetch(site_url + "modules/link.png")
    finally:
        (odd_site / "modules" / "link.png").unlink()
    # In a document: the image from elsewhere is left out, the document is still written.
    html = (
        f'<p>x</p><img src="file://{outside}"><img src="https://evil.example/x.png">'
        '<img src="modules/schets.png">'
    )
    out = tmp_path / "x.pdf"
    HTML(string=html, base_url=site_url, url_fetcher=fetch).write_pdf(out)
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.strip().splitlines()) == 2 + 2  # header, and the site's image with its mask


def test_github_annotations_cannot_be_forged_through_a_file_name(root):
    name = "x\n::warning file=README.md::forged,title=y::z.md"
    (root / M / name).write_text("---\nid: x\n---\n", "utf-8")
    (root / "docs" / "p\r::error::y.md").write_text("# P\n", "utf-8")
    proc = methodkit(root, "check", "--format", "github")
    lines = proc.stdout.splitlines()
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines), lines
    assert not any(
        line.startswith("::") for line in proc.stderr.splitlines()
    )  # notes name files too
    forged = [line for line in lines if "forged" in line]
    assert forged == [
        "::error file=methodology/modules/x\\x0a%3A%3Awarning "
        "file=README.md%3A%3Aforged%2Ctitle=y%3A%3Az.md,"
        "line=1,title=methodkit check::file: has a control character (a line break, a tab ...) "
        "in its name (rename it: the name would break the lines of a report)"
    ], forged


# -- personal data that hides -----------------------------------------------------------

HIDDEN = {
    "an entity for the at sign": ("jan&#64;bedrijf.be", "an e-mail address (jan@bedrijf.be)"),
    "a named entity": ("jan&commat;bedrijf.be", "an e-mail address (jan@bedrijf.be)"),
    "markup inside the address": ("jan<b></b>@bedrijf.be", "an e-mail address (jan@bedrijf.be)"),
    "markup inside the number": ("0470 <span>12</span> 34 56", "a phone number (0470 12 34 56)"),
    "entities for the digits": ("&#48;470 12 34 56", "a phone number (0470 12 34 56)"),
}


@pytest.mark.parametrize("name", list(HIDDEN))
def test_personal_data_written_with_entities_or_markup_is_found(root, name):
    text, found = HIDDEN[name]
    path = root / SESSION
    path.write_text(path.read_text("utf-8") + f"\nBel of mail: {text}\n", "utf-8")
    assert any(f"body: contains {found}" in p for p in _problems(root, SESSION)), _problems(
        root, SESSION
    )


@pytest.mark.parametrize(
    "title, found",
    [("Mail jan.peeters@gmail.com", "an e-mail address"), ("Bel 0476 12 34 56", "a phone number")],
)
def test_personal_data_in_a_practices_link_titles_is_found(root, title, found):
    replace_in(
        root / PRACTICE,
        "contact: info@voorbeeld.example",
        f'links:\n  - title: "{title}"\n    url: https://example.org/\n'
        "contact: info@voorbeeld.example",
    )
    assert any(f"links[0].title: contains {found}" in p for p in _problems(root, PRACTICE)), (
        _problems(root, PRACTICE)
    )


def test_a_links_address_is_not_taken_for_personal_data(root):
    replace_in(
        root / PRACTICE,
        "contact: info@voorbeeld.example",
        "links:\n  - title: Verslag\n    url: https://example.org/2019/0470123456\n"
        "contact: info@voorbeeld.example",
    )
    assert _problems(root, PRACTICE) == []


# -- SVG images ---------------------------------------------------------------------------

SVGS = {
    "script": (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "the element <script>",
    ),
    "script in another namespace": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
        "<h:script>alert(1)</h:script></svg>",
        "the element <{http://www.w3.org/1999/xhtml}script>",
    ),
    "entity declared in a DTD": (
        '<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&s;</svg>',
        "a DTD or entities",
    ),
    "external entity": (
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        "a DTD or entities",
    ),
    "event handler": (
        '<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>',
        "the attribute 'onclick'",
    ),
    "animation that sets a link": (
        '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" '
        'to="javascript:alert(1)"/><rect/></a></svg>',
        "the element <a>",
    ),
    "foreign object": (
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
        "the element <foreignObject>",
    ),
    "image from another host": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<use xlink:href="https://evil.example/a.svg#x"/></svg>',
        "a link to another file or host",
    ),
    "style that loads": (
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(//evil.example/p)"/></svg>',
        "a link to another file or host",
    ),
    "style element": (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        '<style>@import "//evil.example/x.css";</style></svg>',
        "the element <style>",
    ),
    "not well-formed": (
        '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
        "is not a readable SVG image",
    ),
}


@pytest.fixture(scope="module")
def svg_run(pristine, tmp_path_factory):
    root = shutil.copytree(pristine, tmp_path_factory.mktemp("svg") / "root")
    for i, (svg, _) in enumerate(SVGS.values()):
        (root / M / f"beeld{i}.svg").write_text(svg, "utf-8")
        (root / "docs" / f"beeld{i}.svg").write_text(svg, "utf-8")
    (root / M / "goed.svg").write_bytes(
        (root / "overrides/assets/methodkit/logo-colour.svg").read_bytes()
    )
    proc = methodkit(root, "check")
    assert build_site(root, strict=False, serve=True, site_dir="preview", quiet=True) == 0
    return proc, root / "preview"


@pytest.mark.parametrize("i, name", list(enumerate(SVGS)))
def test_an_svg_that_is_more_than_a_drawing_is_refused_and_not_published(svg_run, i, name):
    proc, preview = svg_run
    for rel in (f"{M}/beeld{i}.svg", f"docs/beeld{i}.svg"):
        assert any(
            line.startswith(f"{rel}:") and SVGS[name][1] in line
            for line in proc.stdout.splitlines()
        ), proc.stdout
    assert (
        not (preview / "modules" / f"beeld{i}.svg").exists()
        and not (preview / f"beeld{i}.svg").exists()
    )


def test_a_plain_svg_drawing_passes_and_is_published(svg_run):
    proc, preview = svg_run
    assert "goed.svg" not in proc.stdout and (preview / "modules/goed.svg").exists()


# -- inputs that crashed or hung ----------------------------------------------------------------


def test_deep_yaml_nesting_is_a_message_not_a_signal(root):
    for depth, text in ((5000, "[" * 5000 + "]" * 5000), (3000, "{a: " * 3000 + "1" + "}" * 3000)):
        path = root / M / "diep.md"
        path.write_text(f"---\nid: diep\nrelated: {text}\n---\nx\n", "utf-8")
        proc = methodkit(root, "check")
        assert proc.returncode == 1 and proc.returncode > 0  # a signal gives a negative return code
        assert (
            f"{M}/diep.md:2: front matter: nests lists and fields {depth + 1} levels deep"
            in proc.stdout
        ), proc.stdout
    (root / "methodology/vocabularies/levers.yml").write_text(
        "terms: " + "[" * 20000 + "]" * 20000 + "\n", "utf-8"
    )
    proc = methodkit(root, "check")
    assert "methodology/vocabularies/levers.yml:1: file: nests lists and fields" in proc.stdout


@pytest.mark.parametrize(
    "item_id, rel",
    [
        ("index", f"{M}/index.md"),
        ("index", "methodology/framework/index.md"),
        ("kader-pagina", "methodology/framework/kader-pagina.md"),
    ],
)
def test_an_item_id_that_names_a_page_of_the_site_is_refused(root, item_id, rel):
    if item_id == "kader-pagina":
        (root / "docs/method/kader-pagina.md").write_text("# Een pagina van de site\n", "utf-8")
    text = (
        (root / M / "alpha-module.md")
        .read_text("utf-8")
        .replace("id: alpha-module", f"id: {item_id}")
    )
    (root / rel).write_text(text, "utf-8")
    proc = methodkit(root, "check")
    assert f"{rel}:1: file: '{item_id}' names a page the site makes itself" in proc.stdout, (
        proc.stdout
    )
    assert build_site(root, strict=False, serve=True, site_dir="preview", quiet=True) == 0


def test_translate_refuses_a_path_outside_the_repository_and_reads_a_page_closed_by_dots(
    root, tmp_path
):
    outside = tmp_path / "elders.md"
    outside.write_text("---\ntitle: x\n---\nx\n", "utf-8")
    for path in (str(outside), "/etc/hostname", "../elders.md", "mkdocs.yml", "docs"):
        proc = methodkit(root, "translate", path, "--to", "fr")
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, (path, proc.stderr)
        assert proc.stderr.startswith("methodkit translate: "), proc.stderr
    (root / "docs/punten.md").write_text("---\ntitle: Punten\n...\n# Punten\n\nTekst.\n", "utf-8")
    methodkit(root, "translate", "docs/punten.md", "--to", "fr", check=True)
    fr = (root / "docs/punten.fr.md").read_text("utf-8")
    assert "title: Punten" in fr and fr.rstrip().endswith("Tekst.") and "draft: true" in fr
    (root / "docs/open.md").write_text("---\ntitle: Open\n# Open\n", "utf-8")
    proc = methodkit(root, "translate", "docs/open.md", "--to", "fr")
    assert proc.returncode == 1 and "not closed" in proc.stderr and "Traceback" not in proc.stderr


def test_a_schema_that_is_not_json_is_a_message(root):
    path = root / "methodology/schemas/module.schema.json"
    path.write_text(path.read_text("utf-8").replace('"type"', '"type" "', 1), "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.startswith("methodology/schemas/module.schema.json:"), proc.stdout
    assert "file: is not valid JSON" in proc.stdout
    build = methodkit(root, "build")
    assert (
        build.returncode == 1
        and "is not valid JSON" in build.stderr
        and "Traceback" not in build.stderr
    )


@pytest.mark.parametrize(
    "field, wanted",
    [
        ('{"type": "string", "pattern": "("}', "is not a JSON Schema the engine can use"),
        ('{"type": "string", "pattern": "\\\\p{L}"}', "is not a JSON Schema the engine can use"),
        ("true", "the field 'evil' must be an object"),
        ('{"type": "string", "x-vocabulary": ["levers"]}', "the field 'evil' must be an object"),
    ],
)
def test_a_schema_the_engine_cannot_use_is_said_at_its_line(root, field, wanted):
    path = root / "methodology/schemas/module.schema.json"
    text = path.read_text("utf-8").replace(
        '"properties": {', '"properties": {\n"evil": ' + field + ",", 1
    )
    path.write_text(text, "utf-8")
    line = text.splitlines().index('"evil": ' + field + ",") + 1
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"methodology/schemas/module.schema.json:{line}: " in proc.stdout, proc.stdout
    assert wanted in proc.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_on_a_busy_port_says_so(root):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = methodkit(root, "serve", "--dev-addr", f"127.0.0.1:{port}")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "--dev-addr" in proc.stderr


def test_serve_with_a_dangling_link_in_docs_serves_and_rebuilds(root):
    (root / "docs/.#index.md").symlink_to("user@host.1234:1700000000")  # an editor's lock file
    (root / "docs/weg.md").symlink_to(root / "nergens.md")
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "methodkit"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                html = (
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/", timeout=5)
                    .read()
                    .decode()
                )
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(1)
        assert "alpha-module" in html
        (root / "docs/.#reuse.md").symlink_to(
            "user@host.1234:1700000001"
        )  # the editor opens another page
        (root / "docs/contribute.md").write_text(
            (root / "docs/contribute.md").read_text("utf-8") + "\nNIEUWE-REGEL\n"
        )
        while "NIEUWE-REGEL" not in html:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "serve did not rebuild"
            time.sleep(1)
            try:
                html = (
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/contribute/", timeout=5)
                    .read()
                    .decode()
                )
            except OSError:
                pass
    finally:
        server.terminate()
        server.wait(timeout=60)


@pytest.mark.parametrize("template", ["item.html", "../../../../../etc/passwd", "main.html"])
def test_a_site_page_may_choose_only_a_site_page_template(root, template):
    (root / "docs/sjabloon.md").write_text(
        f"---\ntitle: S\ntemplate: {template}\n---\n# Sjabloon\n", "utf-8"
    )
    proc = methodkit(root, "check")
    assert (
        f"docs/sjabloon.md:3: template: '{template}' is not a template for site pages"
        in proc.stdout
    ), proc.stdout
    build = methodkit(root, "build")
    assert build.returncode == 1 and "Traceback" not in build.stderr
    # While serving the page is built (with the banner), with the site's own template, and nothing
    # breaks.
    assert build_site(root, strict=False, serve=True, site_dir="preview", quiet=True) == 0
    assert page(root / "preview", "sjabloon/").select_one(".mk-problems")
