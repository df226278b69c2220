"""Attacks a reviewer found against a content-only pull request, each refused with its line.

A stranger playing an attacker found these after the first trust work: front matter that
Material prints as it is, links on the home page, SVG images that load from elsewhere
through CSS escapes, bodies that stall or crash the renderer, macro calls that fit the
call pattern but fail, files that are not what their name says, HTML in labels. Each
class is tried in several spellings; the check names every one in a single run.
"""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from sitekit import assemble, methodkit

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'


def _png(width: int, height: int) -> bytes:
    """A one-colour PNG: a few kilobytes of file, width x height pixels once opened."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


BIG_PNG = _png(13000, 13000)
# A page of the site whose body is the attack: the body starts on line 4.
PAGE = "---\ntitle: Aanval\n---\n"

ATTACKS = {
    # front matter of a site page: only the fields a site page has
    "docs/a1.md": (
        '---\ntitle: A\nsubtitle: "<img src=x onerror=alert(1)>"\n---\nTekst.\n',
        "docs/a1.md:3: subtitle: is not a field of a site page",
    ),
    "docs/a2.md": (
        "---\ntitle: A\nstatus: 'new\" onmouseover=\"x'\n---\nTekst.\n",
        "docs/a2.md:3: status: is not a field of a site page",
    ),
    "docs/a3.md": (
        "---\ntitle: A\nicon: does/not/exist\n---\nTekst.\n",
        "docs/a3.md:3: icon: is not a field of a site page",
    ),
    "docs/a4.md": (
        "---\ntitle: A\nrevision_date: '<b>x</b>'\n---\nTekst.\n",
        "docs/a4.md:3: revision_date: is not a field of a site page",
    ),
    "docs/a5.md": (
        "---\ntitle: A\nhide: [navigation, '<script>']\n---\nTekst.\n",
        "docs/a5.md:3: hide: is not a list of parts to hide",
    ),
    # template syntax in a field, written with YAML escapes the file does not show as braces:
    # mkdocs-macros renders a macro page's title as a template
    "docs/t1.md": (
        '---\ntitle: "A \\x7b\\x7b lipsum.__globals__.os.system(\\"id\\") \\x7d\\x7d"\n---\nx\n',
        "docs/t1.md:2: title: contains template syntax '{{'",
    ),
    "docs/t1.fr.md": (
        '---\ntitle: A\ndescription: "\\u007b% if 1 %\\u007d"\n---\nx\n',
        "docs/t1.fr.md:3: description: contains template syntax '{%'",
    ),
    # a tag around a code span: Python-Markdown reads code, CommonMark (another generator reading
    # the plain files) a tag
    "docs/c1.md": (
        PAGE + 'Zie <span title="`"><img src=x onerror=alert(1)>` hier.\n',
        "docs/c1.md:4: body: event-handler attribute 'onerror' on <img> is not allowed",
    ),
    # comments as a browser reads them, which Python's HTMLParser reads otherwise: what follows
    # `<!-->` is shown, a CDATA section ends at the first `>`
    "docs/k1.md": (
        PAGE + "<!--> <img src=x onerror=alert(1)> -->\n",
        "docs/k1.md:4: body: event-handler attribute 'onerror' on <img> is not allowed",
    ),
    "docs/k2.md": (
        PAGE + "Zie <![CDATA[>`<img src=x onerror=alert(1)>`]]> hier.\n",
        "docs/k2.md:4: body: event-handler attribute 'onerror' on <img> is not allowed",
    ),
    # a backslash escape in an address, which CommonMark reads and Python-Markdown does not
    "docs/k3.md": (
        PAGE + "Een foto: ![foto](https\\://evil.example/x.png)\n",
        "docs/k3.md:4: body: image 'https\\://evil.example/x.png' comes from another site",
    ),
    # a tag left open in a field
    "docs/k4.md": (
        '---\ntitle: "T <img src=x onerror=alert(1) x="\n---\nx\n',
        "docs/k4.md:2: title: contains HTML",
    ),
    # a comment inside an attribute's value is text, and hides nothing from the check
    "docs/k5.md": (
        PAGE + 'Tekst <b title="<!--"><img src=x onerror=alert(1)></b><b title="-->">x</b> meer.\n',
        "docs/k5.md:4: body: event-handler attribute 'onerror' on <img> is not allowed",
    ),
    # code the source pass reads otherwise than Markdown: an indented fence closed by an
    # unindented one, a code span over two lines
    "docs/k6.md": (
        PAGE + "  ```\ncode\n```\n![pixel](https://evil.example/track.png)\n\n  ```\n",
        "docs/k6.md:7: body: image 'https://evil.example/track.png' comes from another site",
    ),
    "docs/k7.md": (
        PAGE + "Dit is `a\nb` ![pixel](https://evil.example/t2.png) `c` tekst.\n",
        "docs/k7.md:5: body: image 'https://evil.example/t2.png' comes from another site",
    ),
    # depth hidden behind a comment in an attribute (the PDF step would exhaust its recursion)
    "docs/k9.md": (
        PAGE + '<div><b title="<!--"></b>' + "<div>" * 400 + '<b title="-->"></b></div>\n',
        "docs/k9.md:4: body: is nested or marked too deeply",
    ),
    # a tag in a field, with a `<` inside
    "docs/k8.md": (
        '---\ntitle: "T <img src=x onerror=alert(1) <1 >"\n---\nx\n',
        "docs/k8.md:2: title: contains HTML",
    ),
    # links in the home page's front matter
    "docs/h1.md": (
        "---\ntitle: H\npaths:\n  - title: P\n    text: T\n    links:\n"
        '      - {text: K, url: "javascript:void(0)"}\n---\nx\n',
        "docs/h1.md:3: paths[0].links[0].url: 'javascript:void(0)' "
        "is not an address a page may link to",
    ),
    "docs/h2.md": (
        "---\ntitle: H\npaths:\n  - title: P\n    text: T\n    links:\n"
        '      - {text: K, url: " JaVaScRiPt:x"}\n---\nx\n',
        "docs/h2.md:3: paths[0].links[0].url: ' JaVaScRiPt:x' is not an address a page may link to",
    ),
    # a closing fence MkDocs does not read as one (a Unicode space after it): MkDocs would render
    # the front matter as text, which no body check has seen
    "docs/f1.md": (
        "---\ntitle: F\ndescription: x\n---\u3000\nTekst.\n",
        "docs/f1.md:1: front matter: is not closed",
    ),
    # an invisible line separator: a new line to YAML (and so to MkDocs), none to an editor or a
    # reader, which would hide a key, or a line that makes MkDocs print the front matter as text
    "docs/f2.md": (
        "---\ntitle: F\ndescription: x #\u2028paths: [{title: x, links: 5}]\n---\nTekst.\n",
        "docs/f2.md:3: front matter: holds an invisible line separator (U+2028)",
    ),
    "docs/f3.md": (
        "---\ntitle: F\nlang: nl\n# <img src=//evil.example/x.png> #\x85: : [\n---\nTekst.\n",
        "docs/f3.md:4: front matter: holds an invisible line separator (U+0085)",
    ),
    # a file of docs/ in the place of the theme's logo
    "docs/assets/methodkit/logo.svg": (
        SVG.format('<rect width="10" height="10" fill="red"/>'),
        "docs/assets/methodkit/logo.svg:1: file: has the place of the theme's own "
        "assets/methodkit/logo.svg",
    ),
    # paths of another shape than the home page's template reads crashed the build
    "docs/h5.md": (
        "---\ntitle: H\npaths: 5\n---\nx\n",
        "docs/h5.md:3: paths: is not a list of paths, each with its title, text and a list of",
    ),
    "docs/h6.md": (
        "---\ntitle: H\npaths:\n  - {title: P, links: 5}\n---\nx\n",
        "docs/h6.md:3: paths: is not a list of paths",
    ),
    "docs/h3.md": (
        '---\ntitle: H\nhero: {title: "<img src=x onerror=y>", lead: L}\n---\nx\n',
        "docs/h3.md:3: hero.title: contains HTML",
    ),
    # link text holding brackets, which a pattern over the Markdown does not follow
    "docs/l1.md": (
        PAGE + "Zie [de [mooie] tekst](javascript:alert(1)).\n",
        "docs/l1.md:4: body: link 'javascript:alert(1)' uses a forbidden scheme",
    ),
    "docs/l2.md": (
        PAGE + "Een beeld:\n\n![een [b] c](https://evil.example/x.png)\n",
        "docs/l2.md:6: body: image 'https://evil.example/x.png' comes from another site",
    ),
    # SVG images that load from another host when opened
    "docs/s1.svg": (
        SVG.format('<rect width="1" height="1" style="fill:u\\72l(https://evil.example/a.png)"/>'),
        "docs/s1.svg:1: file: an SVG image with a link to another file or host",
    ),
    "docs/s2.svg": (
        SVG.format(
            '<rect width="1" height="1" style="fill:image-set(\'https://evil.example/b.png\' 1x)"/>'
        ),
        "docs/s2.svg:1: file: an SVG image with a link to another file or host",
    ),
    "docs/s3.svg": (
        '<?xml version="1.0"?>\n<?xml-stylesheet href="https://evil.example/s.css"?>\n'
        + SVG.format(""),
        "docs/s3.svg:2: file: an SVG image with a processing instruction",
    ),
    # files that are not what their name says
    "docs/p1.png": (
        "<html><script>alert(1)</script></html>",
        "docs/p1.png:1: file: is not a PNG image",
    ),
    "docs/p2.gif": ("/*GIF89a*/alert(1)", "docs/p2.gif:1: file: is not a GIF image"),
    # HTML in a vocabulary label
    "methodology/vocabularies/levers.yml": None,
    # Content that exhausts the PDF renderer (found by an attacker on the PDFs): a span that
    # lays out a hundred million columns, nesting it follows by recursion, a drawing that
    # copies itself a billion times, an image that opens into gigabytes, a name no file system
    # takes.
    "docs/d1.md": (
        '---\ntitle: D\n---\n<table><tr><td colspan="100000000">x</td></tr></table>\n',
        "docs/d1.md:4: body: value '100000000' of 'colspan' on <td> is not allowed",
    ),
    "docs/d2.md": (
        PAGE + "<div>" * 200 + "diep" + "</div>" * 200 + "\n",
        "docs/d2.md:4: body: is nested or marked too deeply to be rendered",
    ),
    "docs/d3.md": (
        PAGE + "> " * 200 + "diep geciteerd\n",
        "docs/d3.md:4: body: is nested or marked too deeply to be rendered",
    ),
    "docs/d4.md": (
        '---\ntitle: D\n---\nTekst.\n\n<div class="mk-running">Een andere kop</div>\n',
        "docs/d4.md:6: body: value 'mk-running' of 'class' on <div> is not allowed",
    ),
    "docs/s4.svg": (
        SVG.format(
            '<defs><path id="a0" d="M0 0h1"/>'
            + "".join(
                f'<g id="a{n}">' + f'<use href="#a{n - 1}"/>' * 10 + "</g>" for n in range(1, 10)
            )
            + '</defs><use href="#a9"/>'
        ),
        "docs/s4.svg:1: file: draws more than 100000 elements once its copies",
    ),
    "docs/p3.png": (BIG_PNG, "docs/p3.png:1: file: has more pixels than a page can show at once"),
    # ... and a second attacker's ways around those limits
    "docs/e1.md": (
        '---\ntitle: E\n---\n<table><tr><td colspan="\u00b2">x</td></tr></table>\n',
        "docs/e1.md:4: body: value '\u00b2' of 'colspan' on <td> is not allowed",
    ),
    "docs/e2.md": (
        PAGE + "1. " * 3000 + "diep\n",
        "docs/e2.md:4: body: is nested or marked too deeply to be rendered",
    ),
    "docs/e3.md": (
        PAGE + "> - " * 100 + "diep\n",
        "docs/e3.md:4: body: is nested or marked too deeply to be rendered",
    ),
    "docs/e4.md": (
        PAGE + "x " + "<span/>" * 200 + "\n",
        "docs/e4.md:4: body: is nested or marked too deeply to be rendered",
    ),
    "docs/e5.md": (
        PAGE + "<table><tr>" + '<td colspan="1000">x</td>' * 1000 + "</tr></table>\n",
        "docs/e5.md:4: body: claims more than 5000 table columns in all",
    ),
    "docs/e6.md": (
        PAGE + "<table><tr>" + '<td COLSPAN="1000">x</td>' * 1000 + "</tr></table>\n",
        "docs/e6.md:4: body: claims more than 5000 table columns in all",
    ),
    # A backtick in two attributes' values made the source pass read a code span across the
    # columns and the depth between them; raw HTML has no code spans.
    "docs/e7.md": (
        PAGE
        + "<table>\n"
        + '<tr><td title="`" colspan="1000" lang="`">x</td></tr>\n' * 8
        + "</table>\n",
        "docs/e7.md:4: body: claims more than 5000 table columns in all",
    ),
    "docs/e8.md": (
        PAGE + '<div title="`">' + "<div>" * 200 + '<div lang="`">diep' + "</div>" * 202 + "\n",
        "docs/e8.md:4: body: is nested or marked too deeply to be rendered",
    ),
    # A tab indents a list as four spaces do.
    "docs/e9.md": (
        PAGE + "Lijst:\n\n" + "\n".join("\t" * k + f"- niveau {k}" for k in range(20)) + "\n",
        "docs/e9.md:23: body: is nested or marked too deeply to be rendered",
    ),
    "docs/e12.md": (
        PAGE + "\\*" * 6000 + "\n",
        "docs/e12.md:4: body: has 6000 backslash escapes, more than Markdown reads in good time",
    ),
    # Lists nest in a quote as deep as outside it.
    "docs/e11.md": (
        PAGE + "\n".join(">" + "    " * k + "- a" for k in range(20)) + "\n",
        "docs/e11.md:20: body: is nested or marked too deeply to be rendered",
    ),
    # Words after a fence's tildes make it none to the site's Markdown: what is inside is read.
    "docs/e10.md": (
        PAGE
        + "Tekst.\n\n~~~ a b\n[klik](javascript:alert(1)) ![y](https://evil.example/b.png)\n~~~\n",
        "docs/e10.md:7: body: link 'javascript:alert(1)' uses a forbidden scheme",
    ),
    "docs/s5.svg": (
        SVG.format(
            '<defs><g id="l0"><rect width="1" height="1"/></g>'
            + "".join(
                f'<g id="l{n}">' + f'<use href="#l{n - 1}"/>' * 10 + "</g>" for n in range(1, 7)
            )
            + '</defs><use href="#l6"/><defs>'
            + "".join(f'<g id="l{n}"/>' for n in range(7))
            + "</defs>"
        ),
        "docs/s5.svg:1: file: an SVG image with the id 'l0' twice",
    ),
    "docs/s6.svg": (
        SVG.format(
            '<defs><marker id="m">'
            + '<rect width="1" height="1"/>' * 1000
            + '</marker></defs><path d="M0 0'
            + " l0 0" * 5000
            + '" marker-mid="url(#m)"/>'
        ),
        "docs/s6.svg:1: file: draws more than 100000 elements once its copies",
    ),
    # ... and a reviewer's: two ids given 100000 times each (compared pair by pair, the check
    # took minutes)
    "docs/s7.svg": (
        SVG.format("".join(f'<rect id="r{n % 2}"/>' for n in range(200000))),
        "docs/s7.svg:1: file: an SVG image with the id 'r0' twice",
    ),
    # ... and twenty thousand broken links and images in one page (each line counted from the
    # start of the text and each address compared with every page, the check took minutes)
    "docs/n1.md": (
        PAGE + "\n\n".join(f"[x](nope-{n}.md) ![y](nope-{n}.png)" for n in range(20000)) + "\n",
        "docs/n1.md:4: body: link 'nope-0.md' leads to no page",
    ),
    # ... reviewers': brackets nothing closes, or that close far away, which Python-Markdown
    # follows to their end each (the build took minutes for 30 KB of them; `]]]...[[[` passed a
    # count of open brackets per line)
    "docs/n2.md": (PAGE + "[\n" * 15000, "docs/n2.md:4: body: has '[' that Markdown must read far"),
    "docs/n3.md": (PAGE + "![" * 20000 + "\n", "docs/n3.md:4: body: has '[' that Markdown"),
    "docs/n4.md": (PAGE + "]" * 30000 + "[" * 30000 + "\n", "docs/n4.md:4: body: has '['"),
    "docs/n5.md": (PAGE + "[" * 3000 + "]" * 3000 + "\n", "docs/n5.md:4: body: has '['"),
    "methodology/locales/en.yml": (
        'footer.copyright: "Published by {publisher:>99999999999} · content © {holder}"\n'
        'kind.module: "{0.__class__}"\n',
        "methodology/locales/en.yml:1: footer.copyright: has a brace without its pair, or a "
        "placeholder that is more than a name",
    ),
    f"methodology/modules/{'lang-' * 47}lang.md": (
        "---\nid: x\n---\nTekst.\n",
        f"methodology/modules/{'lang-' * 47}lang.md:1: file: has a name (its id) longer than 100",
    ),
}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("attacks"))
    for rel, spec in ATTACKS.items():
        if spec is not None:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(spec[0], bytes):
                (root / rel).write_bytes(spec[0])
            else:
                (root / rel).write_text(spec[0], "utf-8")
    levers = root / "methodology/vocabularies/levers.yml"
    text = levers.read_text("utf-8")
    levers.write_text(text.replace("label: ", "label: <img src=x onerror=y> ", 1), "utf-8")
    module = root / "methodology/modules/gamma-module.md"
    module.write_text(
        module.read_text("utf-8") + "\n" + "*" * 3000 + "x" + "*" * 3000 + "\n", "utf-8"
    )
    alpha = root / "methodology/modules/alpha-module.md"
    alpha.write_text(alpha.read_text("utf-8") + "\n![passwd](/etc/passwd)\n", "utf-8")
    deep = "\n".join("    " * i + "- x" for i in range(40))
    beta = root / "methodology/modules/beta-module.md"
    beta.write_text(beta.read_text("utf-8") + "\n" + deep + "\n", "utf-8")
    (root / "docs/glossary.md").write_text(
        (root / "docs/glossary.md").read_text("utf-8")
        + '\n{{ glossary("x") }}\n\n{{ item_list("zzz") }}\n',
        "utf-8",
    )
    started = time.perf_counter()
    proc = methodkit(root, "check")
    return proc, time.perf_counter() - started


@pytest.mark.parametrize("rel", [r for r, s in ATTACKS.items() if s is not None])
def test_each_attack_is_named_with_its_line(attacked, rel):
    proc, _ = attacked
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert ATTACKS[rel][1] in proc.stdout, proc.stdout


def test_html_in_a_label_bodies_too_deep_and_failing_macro_calls_are_named(attacked):
    proc, _ = attacked
    out = proc.stdout
    assert "methodology/vocabularies/levers.yml:" in out and "contains HTML" in out
    assert "methodology/modules/gamma-module.md:" in out and "nested or marked too deeply" in out
    assert "methodology/modules/beta-module.md:" in out and "nested or marked too deeply" in out
    assert """'{{ glossary("x") }}' that is not a macro call""" in out
    assert """{{ item_list("zzz") }}: 'zzz' is not an item type""" in out
    # An image from the site's root names no file the build copies (the PDF step would look for it).
    assert "methodology/modules/alpha-module.md:" in out and "image '/etc/passwd' is not in" in out


@pytest.mark.parametrize(
    "tail", ["a" * 200_000, "<!-- " * 60_000], ids=["letters", "unclosed comments"]
)
def test_a_long_run_does_not_stall_the_check(tmp_path, tail):
    """A long run of letters; `<!--` without its end, many times (a pattern that looked for the
    end from each one took time growing with the square of the text)."""
    root = assemble(tmp_path / "site")
    practice = root / "methodology/practices/voorbeeldpraktijk.md"
    practice.write_text(practice.read_text("utf-8") + "\n" + tail + "\n", "utf-8")
    started = time.perf_counter()
    proc = methodkit(root, "check")
    assert time.perf_counter() - started < 60 and "Traceback" not in proc.stderr


def test_a_file_name_cannot_start_a_line_of_its_own_in_any_output(tmp_path):
    """A CI log reads `::warning ...` at the start of any line, from stdout or stderr, as a
    command."""
    root = assemble(tmp_path / "site")
    for name in ("x\n::warning file=README.md::forged.md", "y\n::error::forged.de.md"):
        (root / "methodology/modules" / name).write_text("---\nid: x\n---\n", "utf-8")
    proc = methodkit(root, "check")
    lines = (proc.stdout + proc.stderr).splitlines()
    assert any("forged" in line for line in lines)
    assert not any(line.startswith("::") for line in lines), lines


def test_interface_text_that_material_prints_as_it_is_goes_in_as_text(tmp_path):
    """A locale's words for the colour toggle (an attribute) and the menu's sections (text), which
    Material prints without escaping: a quote cannot end the attribute, an entity stays text, and
    a tag left open is refused by the check."""
    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page

    root = assemble(tmp_path / "root")
    locale = root / "methodology/locales/nl.yml"
    locale.parent.mkdir(exist_ok=True)
    locale.write_text(
        'palette.to_dark: \'Donker" onmouseover="alert(1)" x="\'\n'
        "nav.method: 'Methode &lt;b&gt;'\n",
        "utf-8",
    )
    assert build_site(root, strict=True, quiet=True) == 0
    soup = page(root / "site", "")
    toggles = soup.select('input[name="__palette"], label[for^="__palette"]')
    assert toggles and not any("onmouseover" in t.attrs for t in toggles)
    assert 'Donker" onmouseover="alert(1)" x="' in [t.get("aria-label") for t in toggles]
    assert soup.find(string=lambda s: s and s.strip() == "Methode &lt;b&gt;") is not None
    locale.write_text(
        "nav.method: 'Methode <img src=x onerror=alert(1) '\n"
        "nav.use: 'Gebruik <img src=https://evil.example/t.png '\n",
        "utf-8",
    )
    out = methodkit(root, "check").stdout
    for line, key in ((1, "nav.method"), (2, "nav.use")):
        assert f"methodology/locales/nl.yml:{line}: {key}: " in out, out


def test_a_body_that_looks_like_front_matter_is_text_not_the_pages_settings(tmp_path):
    """MkDocs reads front matter (`---` lines, or `key: value` lines) at the top of a page's text:
    an item's body that starts like that is shown as the check read it, and sets nothing."""
    import json

    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page

    root = assemble(tmp_path / "root")
    for name, start in (
        ("alpha-module", "---\nsearch:\n  exclude: true\nhide: 5\nignore_macros: true\n---\n"),
        ("beta-module", "Opgelet: lees dit eerst.\n\n"),
    ):
        path = root / f"methodology/modules/{name}.md"
        head, body = path.read_text("utf-8").split("\n---\n", 1)
        path.write_text(f"{head}\n---\n{start}{body}", "utf-8")
    assert methodkit(root, "check").returncode == 0
    assert build_site(root, strict=True, quiet=True) == 0
    index = json.loads((root / "site/search/search_index.json").read_text("utf-8"))
    assert any(d["location"].startswith("modules/alpha-module/") for d in index["docs"])
    assert "Opgelet: lees dit eerst." in page(root / "site", "modules/beta-module/").get_text()


def test_ways_in_of_any_shape_never_stop_a_preview(tmp_path):
    """Serve builds a site whose pages the check refused: the home page's `paths` of any shape (a
    number for links, a text for a path) stop nothing."""
    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page

    root = assemble(tmp_path / "root")
    home = root / "docs/index.md"
    text = home.read_text("utf-8")
    start = text.index("paths:\n")
    end = text.index("---\n", start)
    home.write_text(
        text[:start]
        + "paths:\n  - {title: Een, links: 5}\n  - zomaar tekst\n"
        + "  - {title: Twee, links: [7, {text: Goed, url: modules/}]}\n"
        + text[end:],
        "utf-8",
    )
    assert methodkit(root, "check").returncode == 1  # said, with its line
    assert build_site(root, strict=False, serve=True, site_dir="preview", quiet=True) == 0
    assert page(root / "preview", "").h1 is not None


def test_a_term_list_neither_crashes_nor_stalls_the_check(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    terms = root / "methodology/terms/nl.yml"
    terms.parent.mkdir(exist_ok=True)
    terms.write_text("terms:\n  - use: intrapreneurship\n    avoid: [intrapreneurschap]\n", "utf-8")
    # A dotless ı, which the pattern reads as an i and case folding does not.
    session = root / "methodology/sessions/2019-06-sessie.md"
    session.write_text(session.read_text("utf-8") + "\nOver ıntrapreneurschap.\n", "utf-8")
    line = len(session.read_text("utf-8").splitlines())
    out = methodkit(root, "check").stdout
    assert f"2019-06-sessie.md:{line}: body: " in out and "intrapreneurship" in out, out
    # Thousands of variants, each looked for in every text: refused, quickly.
    many = ", ".join(f"v{i}q" for i in range(5000))
    terms.write_text(f"terms:\n  - use: zzz\n    avoid: [{many}]\n", "utf-8")
    started = time.monotonic()
    out = methodkit(root, "check").stdout
    assert "methodology/terms/nl.yml:1: terms: lists 5000 variants to avoid" in out, out
    assert time.monotonic() - started < 60


def test_a_field_of_a_macro_page_runs_nothing_even_unchecked(tmp_path, monkeypatch):
    """The build's own defence, with the check of fields switched off: a macro page's title that
    holds a template (its braces written as YAML escapes), in the source and in a translation,
    is shown as text and runs nothing."""
    import methodkit.checks.site_pages
    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page, replace_in

    root = assemble(tmp_path / "root")
    replace_in(
        root / "mkdocs.yml",
        "        - accessibility.md\n",
        "        - accessibility.md\n        - t.md\n",
    )
    marker = tmp_path / "ran"
    run = f'\\x7b\\x7b lipsum.__globals__.os.system(\\"touch {marker}\\") \\x7d\\x7d'
    (root / "docs/t.md").write_text(f'---\ntitle: "T {run}"\n---\n# T\n\nTekst.\n', "utf-8")
    (root / "docs/t.en.md").write_text(
        f'---\ntitle: "E {run}"\nsource_hash: x\n---\n# E\n\nText.\n', "utf-8"
    )
    monkeypatch.setattr(methodkit.checks.site_pages, "_template_in_field", lambda *a: [])
    monkeypatch.setenv("METHODKIT_CACHE", "0")
    assert build_site(root, strict=False, quiet=True) == 0
    assert not marker.exists()
    for prefix in ("", "en/"):  # the translation's title too
        assert "{{ lipsum.__globals__" in page(root / "site", prefix + "t/").title.get_text()


def test_front_matter_that_mkdocs_cannot_read_is_not_shown_as_text(tmp_path):
    """MkDocs' YAML builds dates and shows a front matter it cannot take (a day that does not exist)
    as the page's text, which no check of bodies has read; the build shows the page as the check
    read it."""
    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page

    root = assemble(tmp_path / "root")
    (root / "docs/datum.md").write_text(
        "---\ntitle: Datum\ndescription: 2026-02-30\nhero:\n"
        '  lead: "[klik](javascript:window.pwned=1) ![x](https://evil.example/p.png)"\n'
        "---\n# Datum\n\nTekst.\n",
        "utf-8",
    )
    assert methodkit(root, "check").returncode == 0
    assert build_site(root, strict=True, quiet=True) == 0
    soup = page(root / "site", "datum/")
    text = soup.select_one("article").get_text()
    assert "Tekst." in text and "2026-02-30" not in text and "klik" not in text
    assert soup.select_one('meta[name="description"]')["content"] == "2026-02-30"
    assert "evil.example" not in str(soup) and "javascript:" not in str(soup)


def test_infinity_and_not_a_number_are_no_numbers(tmp_path):
    """YAML's `.inf` and `.nan` pass a schema's `number`, and no `maximum` holds NaN: the site
    would print "inf half days" and skip every comparison."""
    from sitekit import replace_in

    root = assemble(tmp_path / "root")
    trajectory = root / "methodology/trajectory.yml"
    text = trajectory.read_text("utf-8")
    lines = text.split("\n")
    replace_in(trajectory, "half_days: 1\n", "half_days: .inf\n")
    replace_in(trajectory, "half_days: 2\n", "half_days: .NaN\n")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    for value, old in ((".inf", "half_days: 1"), (".NaN", "half_days: 2")):
        line = next(i for i, l in enumerate(lines, 1) if l.strip() == old)
        assert f"methodology/trajectory.yml:{line}: " in proc.stdout, proc.stdout
        assert f"'{value}' is not a number one can count with" in proc.stdout


def test_a_field_of_the_wrong_kind_is_said_with_a_hint(tmp_path):
    from sitekit import replace_in

    root = assemble(tmp_path / "root")
    module = root / "methodology/modules/gamma-module.md"
    replace_in(module, 'title: "Gamma-module < 2 uur & klein"', "title: [a, b]")
    out = methodkit(root, "check").stdout
    assert "methodology/modules/gamma-module.md:3: title: must be text, not a list (" in out, out


# A coach's note written in HTML that Python's HTML parser reads otherwise than a browser: the
# handout's cutter saw no note where the page shows one.
HIDDEN_NOTES = {
    "a comment a browser ends at once": '<!--> <div class="coach">GEHEIM-COACH</div> -->',
    "a repeated class": '<div class="admonition coach" class="x">\n<p>GEHEIM-COACH</p>\n</div>',
    "an end tag with a space": '<div class="coach">\n</ div>\nGEHEIM-COACH\n</div>',
    "a comment in an attribute": '<b title="<!--"></b><div class="coach"><b title="-->"></b>'
    'GEHEIM-COACH<b title="<!--"></b></div><b title="-->"></b>',
    "a self-closed div": '<div class="coach"/>\nGEHEIM-COACH\n',
}


@pytest.mark.parametrize("note", HIDDEN_NOTES.values(), ids=HIDDEN_NOTES.keys())
def test_a_coach_note_a_browser_shows_stays_out_of_the_handout(tmp_path, monkeypatch, note):
    """With the check of bodies switched off (some of these it refuses): the page shows the note
    to the coach, the participant version does not."""
    import methodkit.loading.loader
    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import page, replace_in

    root = assemble(tmp_path / "root")
    replace_in(
        root / "methodology/modules/alpha-module.md",
        "## Werkblad\n",
        f'## Werkblad\n\n<div class="worksheet">\n<p>Eerste vraag?</p>\n{note}\n</div>\n',
    )
    monkeypatch.setattr(methodkit.loading.loader, "html_problems", lambda *a, **k: [])
    monkeypatch.setenv("METHODKIT_CACHE", "0")
    assert build_site(root, strict=False, quiet=True) == 0
    coach = page(root / "site", "modules/alpha-module/").select(".coach")
    assert any("GEHEIM-COACH" in c.get_text() for c in coach)
    handout = page(root / "site", "modules/alpha-module/handout/").get_text()
    assert "GEHEIM-COACH" not in handout and "Eerste vraag?" in handout


def test_an_image_of_the_coachs_stays_out_of_the_handout():
    from methodkit.pages.handouts import participant_html

    html = '<div class="worksheet"><p>Vraag?</p><img class="coach" src="a.png" alt="GEHEIM"></div>'
    sheets = participant_html(html, markup_free=False)
    assert "Vraag?" in sheets and "GEHEIM" not in sheets


def test_a_step_in_a_coach_note_code_or_a_comment_is_not_the_programmes():
    """The participants' programme (and the card, the planner) takes the lead-ins of the body's own
    numbered steps: one in a coach's note written in HTML, in code or in a comment is not one."""
    from methodkit.pages.steps import step_lines

    body = (
        "1. **Welkom (10 minuten).** Iedereen.\n\n"
        '<div class="admonition coach" markdown="1">\n\n'
        "1. **GEHEIM in de notitie.** Alleen voor de coach.\n\n</div>\n\n"
        "```\n2. **GEHEIM in code.**\n```\n\n<!--\n3. **GEHEIM in commentaar.**\n-->\n\n"
        "2. **Afsluiten (5 minuten).** Samen.\n"
    )
    assert step_lines(body) == ["Welkom (10 minuten)", "Afsluiten (5 minuten)"]
