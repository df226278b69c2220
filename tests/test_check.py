"""`methodkit check`: every class of bad input gives `path:line: field: message (hint)`.

Each case starts from the valid basic fixture, adds or replaces one file, and
runs the real command. The expected line is the line of the offending key in
the file written here.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from methodkit.cli.main import main
from sitekit import BIN, assemble, replace_in

# The engine alone: no site is built or served here (`make test-properdocs` leaves it out).
pytestmark = pytest.mark.engine

MODULE = """---
id: {id}
title: Een module
summary: Korte samenvatting.
phase: intake
format: intake
duration: 120
group_size: {{min: 1, max: 4}}
audience: [intrapreneurs]
levers: [peer-exchange]
barriers: [isolation]
objectives: [Een doel.]
materials: []
preparation: []
---
## Tekst

Gewone tekst.
"""


def module(id="nieuw", **replace) -> str:
    text = MODULE.format(id=id)
    for old, new in replace.items():
        old = old.replace("_", " ") if old.startswith("__") else old
        assert old in text, old
        text = text.replace(old, new)
    return text


M = "methodology/modules"
CASES = [
    # (name, file, content, expected start of the line)
    (
        "site page shows an image the theme does not have",
        "docs/over.md",
        "# Over\n\n![p](assets/nope.png)\n",
        "docs/over.md:3: body: image 'assets/nope.png' is not in the repository",
    ),
    (
        "site page where the site puts a participant version",
        "docs/modules/alpha-module/handout.md",
        "# Uitdeel\n",
        "docs/modules/alpha-module/handout.md:1: file: is at the address of a page the site makes",
    ),
    (
        "site page where the site puts a term's page",
        "docs/phases/intake/index.md",
        "# Intake\n",
        "docs/phases/intake/index.md:1: file: is at the address of a page the site makes",
    ),
    (
        "site page in a folder named like a language, lower case",
        "docs/en/index.md",
        "# Home\n",
        "docs/en/index.md:1: file: is in a folder named like the language 'en'",
    ),
    (
        "site page in a folder named like a language",
        "docs/EN/index.md",
        "# Home\n",
        "docs/EN/index.md:1: file: is in a folder named like the language 'EN'",
    ),
    (
        "an id that breaks out of the table of contents",
        "docs/over.md",
        "# Over\n\n## Kop {: id='y\" autofocus onfocus=\"alert(1)' }\n",
        "docs/over.md:3: body: value 'y\" autofocus onfocus=\"alert(1)' of 'id' on <h2> is not "
        "allowed",
    ),
    (
        "site page shows a missing image",
        "docs/over.md",
        "# Over\n\n![Schema](schema.png)\n",
        "docs/over.md:3: body: image 'schema.png' is not in the repository",
    ),
    (
        "module links to a page by its web address",
        f"{M}/alpha-module.md",
        None,
        f"{M}/alpha-module.md:22: body: link '../beta-module/' is a web address, not a page's file "
        "(write 'beta-module.md')",
    ),
    (
        "site page links to a file the site does not publish",
        "docs/over.md",
        "# Over\n\n[Het verslag](verslag.pdf) en [de site](www.example.org)\n",
        "docs/over.md:3: body: link 'verslag.pdf' leads to no file of the site",
    ),
    (
        "site page links in HTML to a page's address",
        "docs/over.md",
        '# Over\n\n<a href="../modules/alpha-module/#stappen">alfa</a>\n',
        "docs/over.md:3: body: link '../modules/alpha-module/#stappen' is in HTML (write it in "
        "Markdown, [text](modules/alpha-module.md#stappen)",
    ),
    (
        "site page links to a page in another language's folder",
        "docs/over.md",
        "# Over\n\n[Alfa](/fr/modules/alpha-module/)\n",
        "docs/over.md:3: body: link '/fr/modules/alpha-module/' starts from the site's root "
        "(write 'modules/alpha-module.md')",
    ),
    (
        "site page links from the site's root",
        "docs/over.md",
        "# Over\n\n[Start](/modules/alpha-module/)\n",
        "docs/over.md:3: body: link '/modules/alpha-module/' starts from the site's root "
        "(write 'modules/alpha-module.md')",
    ),
    (
        "site page links in HTML",
        "docs/over.md",
        '# Over\n\n<a href="modules/alpha-module.md">alfa</a>\n',
        "docs/over.md:3: body: link 'modules/alpha-module.md' is in HTML",
    ),
    (
        "site page links to a translation's file",
        "docs/over.md",
        "# Over\n\n[Alfa](modules/alpha-module.fr.md)\n",
        "docs/over.md:3: body: link 'modules/alpha-module.fr.md' leads to no page "
        "(write 'modules/alpha-module.md': the site shows",
    ),
    (
        "site page link with a typo",
        "docs/over.md",
        "# Over\n\n[Alfa](modules/alpha-modul.md)\n",
        "docs/over.md:3: body: link 'modules/alpha-modul.md' leads to no page "
        "(did you mean 'modules/alpha-module.md'?)",
    ),
    (
        "site page links to a missing page, from its folder",
        "docs/gids/over.md",
        "# Over\n\nZie [de modules](modules/index.md).\n",
        "docs/gids/over.md:3: body: link 'modules/index.md' leads to no page",
    ),
    ("empty file", f"{M}/nieuw.md", "", f"{M}/nieuw.md:1: file: is empty"),
    ("whitespace only", f"{M}/nieuw.md", "\n\n   \n", f"{M}/nieuw.md:1: file: is empty"),
    (
        "binary junk",
        f"{M}/nieuw.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        f"{M}/nieuw.md:1: file: is a binary file",
    ),
    (
        "not utf-8",
        f"{M}/nieuw.md",
        module().replace("Gewone tekst.", "Caf\xe9").encode("latin-1"),
        f"{M}/nieuw.md:18: file: is not valid UTF-8",
    ),
    (
        "no front matter",
        f"{M}/nieuw.md",
        "## Alleen tekst\n",
        f"{M}/nieuw.md:1: front matter: is missing",
    ),
    (
        "front matter not closed",
        f"{M}/nieuw.md",
        "---\nid: nieuw\ntitle: Open\n",
        f"{M}/nieuw.md:1: front matter: is not closed",
    ),
    (
        "front matter is a list",
        f"{M}/nieuw.md",
        "---\n- id\n- title\n---\nTekst\n",
        f"{M}/nieuw.md:2: front matter: is a list",
    ),
    (
        "front matter is a scalar",
        f"{M}/nieuw.md",
        "---\njust text\n---\nTekst\n",
        f"{M}/nieuw.md:2: front matter: is a text",
    ),
    (
        "front matter empty",
        f"{M}/nieuw.md",
        "---\n---\nTekst\n",
        f"{M}/nieuw.md:2: front matter: is empty",
    ),
    (
        "unclosed quote",
        f"{M}/nieuw.md",
        module(**{"title: Een module": 'title: "Een module'}),
        f"{M}/nieuw.md:3: front matter: is not valid YAML",
    ),
    (
        "tab indentation",
        f"{M}/nieuw.md",
        module(**{"objectives: [Een doel.]": "objectives:\n\t- Een doel."}),
        f"{M}/nieuw.md:13: front matter: is not valid YAML",
    ),
    (
        "duplicated key",
        f"{M}/nieuw.md",
        module(**{"duration: 120": "duration: 120\nduration: 90"}),
        f"{M}/nieuw.md:8: duration: is given twice (first on line 7)",
    ),
    (
        "yaml alias",
        f"{M}/nieuw.md",
        module(**{"materials: []": "materials: &m [a]", "preparation: []": "preparation: *m"}),
        f"{M}/nieuw.md:14: preparation: uses a YAML alias",
    ),
    (
        "missing required field",
        f"{M}/nieuw.md",
        module(**{"summary: Korte samenvatting.\n": ""}),
        f"{M}/nieuw.md:1: summary: is required but missing",
    ),
    (
        "wrong type",
        f"{M}/nieuw.md",
        module(**{"duration: 120": "duration: twee uur"}),
        f"{M}/nieuw.md:7: duration: must be a whole number, not text",
    ),
    (
        "list expected",
        f"{M}/nieuw.md",
        module(**{"levers: [peer-exchange]": "levers: peer-exchange"}),
        f"{M}/nieuw.md:10: levers: must be a list, not text",
    ),
    (
        "colon in list item",
        f"{M}/nieuw.md",
        module(**{"objectives: [Een doel.]": "objectives:\n  - Doel: iets leren"}),
        f"{M}/nieuw.md:13: objectives[0]: must be text, not a set of fields",
    ),
    (
        "value not allowed",
        f"{M}/nieuw.md",
        module(**{"duration: 120": "duration: 120\nlicense: CC-BY-XYZ"}),
        f"{M}/nieuw.md:8: license: unknown value 'CC-BY-XYZ'",
    ),
    (
        "out of range",
        f"{M}/nieuw.md",
        module(**{"duration: 120": "duration: 0"}),
        f"{M}/nieuw.md:7: duration: 0 is out of range",
    ),
    (
        "unknown key",
        f"{M}/nieuw.md",
        module(**{"levers: [peer-exchange]": "levrs: [peer-exchange]"}),
        f"{M}/nieuw.md:10: levrs: is not a known field (did you mean 'levers'?)",
    ),
    (
        "unknown lever",
        f"{M}/nieuw.md",
        module(**{"levers: [peer-exchange]": "levers: [peer-exchange, netwerk]"}),
        f"{M}/nieuw.md:10: levers[1]: unknown lever 'netwerk'",
    ),
    (
        "unknown phase",
        f"{M}/nieuw.md",
        module(**{"phase: intake": "phase: start"}),
        f"{M}/nieuw.md:5: phase: unknown phase 'start'",
    ),
    (
        "unknown related module",
        f"{M}/nieuw.md",
        module(**{"preparation: []": "preparation: []\nrelated: [alpha-module, bestaat-niet]"}),
        f"{M}/nieuw.md:15: related[1]: unknown module 'bestaat-niet'",
    ),
    (
        "typo in a related id",
        f"{M}/nieuw.md",
        module(**{"preparation: []": "preparation: []\nrelated: [alfa-module]"}),
        f"{M}/nieuw.md:15: related[0]: unknown module 'alfa-module' (did you mean 'alpha-module'?)",
    ),
    (
        "a label where the id belongs",
        f"{M}/nieuw.md",
        module(**{"phase: intake": "phase: uitvoeren"}),
        f"{M}/nieuw.md:5: phase: unknown phase 'uitvoeren' "
        "('uitvoeren' is the label of 'implement': write the id, implement)",
    ),
    (
        "a stand-in of methodkit new in a published module",
        f"{M}/nieuw.md",
        module(**{"objectives: [Een doel.]": "objectives: [Vul in.]"}),
        f"{M}/nieuw.md:12: objectives[0]: still holds the stand-in 'Vul in.' of methodkit new",
    ),
    (
        "related to itself",
        f"{M}/nieuw.md",
        module(**{"preparation: []": "preparation: []\nrelated: [nieuw]"}),
        f"{M}/nieuw.md:15: related[0]: refers to the item itself",
    ),
    (
        "bad id",
        f"{M}/Nieuw.md",
        module(id="Nieuw"),
        f"{M}/Nieuw.md:2: id: 'Nieuw' is not a valid id",
    ),
    (
        "id does not match file",
        f"{M}/nieuw.md",
        module(id="anders"),
        f"{M}/nieuw.md:2: id: 'anders' does not match the file name",
    ),
    (
        "duplicate id",
        f"{M}/extra/alpha-module.md",
        module(id="alpha-module"),
        f"{M}/extra/alpha-module.md:2: id: 'alpha-module' is already used",
    ),
    (
        "translation in the source's own language",
        f"{M}/alpha-module.nl.md",
        "---\nsource_hash: abcdef012345\ntitle: Alpha\n---\n",
        f"{M}/alpha-module.nl.md:1: file: is in 'nl', "
        f"the language {M}/alpha-module.md is written in",
    ),
    (
        "translation without source",
        f"{M}/bestaat-niet.fr.md",
        "---\nsource_hash: 000000000000\ntitle: X\n---\n",
        f"{M}/bestaat-niet.fr.md:1: file: translates 'bestaat-niet', which does not exist",
    ),
    (
        "translation with a non-translatable field",
        f"{M}/alpha-module.en.md",
        "---\nsource_hash: 000000000000\ntitle: Alpha\nphase: intake\n---\n",
        f"{M}/alpha-module.en.md:4: phase: is the source's, not a translation's",
    ),
    (
        "jinja in body",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "Hallo {{ config.extra }}"}),
        f"{M}/nieuw.md:18: content: contains template syntax '{{{{'",
    ),
    (
        "jinja statement in front matter",
        f"{M}/nieuw.md",
        module(**{"title: Een module": "title: Een {% raw %}module"}),
        f"{M}/nieuw.md:3: content: contains template syntax '{{%'",
    ),
    (
        "render_macros",
        f"{M}/nieuw.md",
        module(**{"duration: 120": "duration: 120\nrender_macros: true"}),
        f"{M}/nieuw.md:8: render_macros: is not allowed in methodology content",
    ),
    (
        "a box whose lines are not indented",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": '!!! worksheet "Werkblad"\n1. Wat zie je?\n2. Wat doe je?'}),
        f"{M}/nieuw.md:18: body: the box 'worksheet' has no text",
    ),
    (
        "a box indented by two spaces",
        f"{M}/nieuw.md",
        module(
            **{"Gewone tekst.": 'Tekst.\n\n??? coach "Voor de coach"\n\n  Alleen twee spaties.'}
        ),
        f"{M}/nieuw.md:20: body: the box 'coach' has no text",
    ),
    (
        "script tag",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "Tekst\n\n<script>alert(1)</script>"}),
        f"{M}/nieuw.md:20: body: HTML tag <script> is not allowed",
    ),
    (
        "event handler",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": '<img src="x.png" onerror="alert(1)">'}),
        f"{M}/nieuw.md:18: body: event-handler attribute 'onerror'",
    ),
    (
        "javascript link",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "[klik](javascript:alert(1))"}),
        f"{M}/nieuw.md:18: body: link 'javascript:alert(1' uses a forbidden scheme",
    ),
    (
        "attribute list with an event handler",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": 'Tekst.\n\nAlinea.\n{: onclick="alert(1)" }'}),
        f"{M}/nieuw.md:21: body: event-handler attribute 'onclick' on <p> is not allowed",
    ),
    (
        "attribute list with a style",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": 'Tekst.\n\n## Kop { style="display:none" }'}),
        f"{M}/nieuw.md:20: body: attribute 'style' on <h2> is not allowed",
    ),
    (
        "image from another host",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "Tekst.\n\n![foto](https://example.org/foto.png)"}),
        f"{M}/nieuw.md:20: body: image 'https://example.org/foto.png' comes from another site",
    ),
    (
        "image not in the repository",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "![schema](schema.png)"}),
        f"{M}/nieuw.md:18: body: image 'schema.png' is not in the repository",
    ),
    (
        "image by reference not in the repository",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "![Het schema][Schema  Één]\n\n[schema één]: schema.png"}),
        f"{M}/nieuw.md:20: body: image 'schema.png' is not in the repository",
    ),
    (
        "svg image with a script",
        f"{M}/schema.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        f"{M}/schema.svg:1: file: an SVG image with the element <script>",
    ),
    (
        "link to no page",
        f"{M}/nieuw.md",
        module(**{"Gewone tekst.": "Zie [de module](../modules/bestaat-niet.md)."}),
        f"{M}/nieuw.md:18: body: link '../modules/bestaat-niet.md' leads to no page",
    ),
    (
        "html in a field",
        f"{M}/nieuw.md",
        module(**{"title: Een module": "title: Een <b>module</b>"}),
        f"{M}/nieuw.md:3: title: contains HTML",
    ),
    (
        "invalid date",
        "methodology/sessions/2019-02-sessie.md",
        None,
        "methodology/sessions/2019-02-sessie.md:5: date: '2019-02-30' is not a valid date",
    ),
    (
        "unknown module in session",
        "methodology/sessions/2019-06-sessie.md",
        None,
        "methodology/sessions/2019-06-sessie.md:7: modules[1]: unknown module 'weg'",
    ),
    (
        "unknown lever in practice",
        "methodology/practices/voorbeeldpraktijk.md",
        None,
        "methodology/practices/voorbeeldpraktijk.md:9: levers[0]: unknown lever 'bestaat-niet'",
    ),
    (
        "e-mail in a session",
        "methodology/sessions/2019-02-sessie.md",
        None,
        "methodology/sessions/2019-02-sessie.md:11: takeaways[0]: contains an e-mail address",
    ),
    (
        "phone in a practice body",
        "methodology/practices/voorbeeldpraktijk.md",
        None,
        "methodology/practices/voorbeeldpraktijk.md:22: body: contains a phone number",
    ),
    (
        "unknown vocabulary term field",
        "methodology/vocabularies/levers.yml",
        None,
        "methodology/vocabularies/levers.yml:4: terms[0].dk: 'dk' is not a site language",
    ),
    (
        "interface text: unknown key",
        "methodology/locales/nl.yml",
        "kind.module: Werkvorm\nnav.metod: Methode\n",
        "methodology/locales/nl.yml:2: nav.metod: is not a key of the interface text "
        "(did you mean 'nav.method'?)",
    ),
    (
        "interface text: other placeholders",
        "methodology/locales/nl.yml",
        "duration.hours: '{uren} uur'\n",
        "methodology/locales/nl.yml:1: duration.hours: has the placeholders {uren}, "
        "where the engine's text has {h}",
    ),
    (
        "interface text: a brace without its pair",
        "methodology/locales/fr.yml",
        "duration.hours: '{h heures'\n",
        "methodology/locales/fr.yml:1: duration.hours: has a brace without its pair",
    ),
    (
        "interface text: HTML",
        "methodology/locales/en.yml",
        "kind.module: <img src=x onerror=alert(1)>\n",
        "methodology/locales/en.yml:1: kind.module: contains HTML",
    ),
    (
        "interface text: not text",
        "methodology/locales/nl.yml",
        "kind.module: [Werkvorm, Module]\n",
        "methodology/locales/nl.yml:1: kind.module: must be text",
    ),
    (
        "interface text: a page's worth of it",
        "methodology/locales/nl.yml",
        "kind.module: Werkvorm\ndraft.banner: '" + "Lang. " * 1000 + "'\n",
        "methodology/locales/nl.yml:2: draft.banner: is 6000 characters long; "
        "interface text holds at most 2000",
    ),
    (
        "interface text: not a site language",
        "methodology/locales/de.yml",
        "kind.module: Modul\n",
        "methodology/locales/de.yml:1: file: 'de' is not a site language",
    ),
    (
        "unknown field in the defaults",
        "methodology/defaults.yml",
        "license: CC-BY-SA-4.0\nkleur: rood\n",
        "methodology/defaults.yml:2: kleur: is not a known field (allowed here: ",
    ),
    (
        "unknown licence in the defaults",
        "methodology/defaults.yml",
        "license: CC-BY-XYZ\n",
        "methodology/defaults.yml:1: license: unknown value 'CC-BY-XYZ' (allowed: CC-BY-4.0, ",
    ),
    (
        "unknown provenance",
        f"{M}/alpha-module.md",
        None,
        f"{M}/alpha-module.md:19: provenance: unknown value 'borrowed' "
        "(allowed: original, source, adaptation, reconstruction)",
    ),
    (
        "source without its publisher",
        f"{M}/alpha-module.md",
        None,
        f"{M}/alpha-module.md:19: based_on[0].by: is required but missing (add 'by:')",
    ),
]
# Edits of existing fixture files, for the cases above whose content is None.
EDITS = {
    "module links to a page by its web address": (
        "Zie [de licenties](https://creativecommons.org/licenses/).",
        "Zie [bèta](../beta-module/).",
    ),
    "invalid date": ("date: 2019-02-14", "date: 2019-02-30"),
    "unknown module in session": (
        "modules: [alpha-module, beta-module]",
        "modules: [alpha-module, weg]",
    ),
    "unknown lever in practice": ("levers: [peer-exchange]", "levers: [bestaat-niet]"),
    "e-mail in a session": ("  - Een inzicht.", "  - Mail jan.peeters@voorbeeld.be voor meer."),
    "phone in a practice body": ("Praktijktekst.", "Bel 09 123 45 67 voor meer."),
    "unknown vocabulary term field": (
        "  - id: peer-exchange\n",
        "  - id: peer-exchange\n    dk: {label: Udveksling, description: Noget.}\n",
    ),
    "unknown provenance": (
        "related: [beta-module]\n",
        "related: [beta-module]\nprovenance: borrowed\n",
    ),
    "source without its publisher": (
        "related: [beta-module]\n",
        "related: [beta-module]\nbased_on: [{title: Een verslag}]\n",
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("check"), docs=False)


@pytest.fixture
def root(pristine, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(pristine, target)
    return target


def run_check(root, capsys, *args):
    code = main(["--root", str(root), "check", *args])
    out = capsys.readouterr()
    return code, out.out


def test_fixture_is_valid(root, capsys):
    code, out = run_check(root, capsys)
    assert code == 0, out
    assert out == ""


def write_case(root, name, rel, content) -> None:
    """Put one case's bad file in place: new content, or an edit of a fixture file."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        old, new = EDITS[name]
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")


@pytest.mark.parametrize("name,rel,content,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_path_line_and_field(root, capsys, name, rel, content, expected):
    write_case(root, name, rel, content)
    code, out = run_check(root, capsys)
    assert code == 1
    assert any(line.startswith(expected) for line in out.splitlines()), (
        f"expected a line starting with\n  {expected}\ngot:\n{out}"
    )
    # Every line has the promised shape, with a hint in brackets.
    for line in out.splitlines():
        loc, field, rest = line.split(": ", 2)
        assert loc.count(":") == 1 and loc.split(":")[1].isdigit(), line
        assert rest.endswith(")"), line


def test_a_site_page_finds_what_the_build_publishes(root, capsys):
    """Images beside the page or beside the items, item and term pages, other site pages: all
    there, from a page and from its translation (which shares the page's folder)."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
    (root / "docs" / "gids").mkdir(parents=True)
    (root / "docs" / "gids" / "kaart.svg").write_text(svg, "utf-8")
    (root / M / "schema.svg").write_text(svg, "utf-8")
    text = (
        "# Gids\n\n![Kaart](kaart.svg) ![Schema](../modules/schema.svg) [Start](../index.md)"
        " ![Icoon](../assets/images/favicon.png) [Alfa](<../modules/alpha-module.md>)"
        " [Module](../modules/alpha-module.md) [Fase](../phases/intake.md#items)"
        " [Terug](../index.md?x=1)\n"
    )
    (root / "docs" / "index.md").write_text("# Start\n", "utf-8")
    (root / "docs" / "gids" / "index.md").write_text(text, "utf-8")
    (root / "docs" / "gids" / "index.fr.md").write_text(text.replace("Gids", "Guide"), "utf-8")
    code, out = run_check(root, capsys)
    assert code == 0, out
    # A translation's image where the source page's would be: the check names the address.
    (root / "docs" / "gids" / "index.fr.md").write_text("# Guide\n\n![Carte](../kaart.svg)\n")
    code, out = run_check(root, capsys)
    assert out.startswith(
        "docs/gids/index.fr.md:3: body: image '../kaart.svg' is not in the repository "
        "(write 'kaart.svg')"
    ), out


def test_a_footnote_that_starts_with_a_word_and_a_colon_is_text(root, capsys):
    """`[^1]: Bron: een rapport.` is a footnote, not a link with the scheme 'Bron:'."""
    module = root / M / "alpha-module.md"
    module.write_text(
        module.read_text("utf-8") + "\nZie de bron[^1].\n\n[^1]: Bron: een rapport.\n", "utf-8"
    )
    code, out = run_check(root, capsys)
    assert code == 0, out


def test_a_link_to_a_draft_is_reported_as_a_build_would_fail_on_it(root, capsys):
    gamma, alpha = root / f"{M}/gamma-module.md", root / f"{M}/alpha-module.md"
    gamma.write_text(
        gamma.read_text("utf-8").replace("\nduration:", "\ndraft: true\nduration:", 1), "utf-8"
    )
    alpha.write_text(
        alpha.read_text("utf-8").replace(
            "Alfatekst in het Nederlands.", "Zie [gamma](gamma-module.md)."
        ),
        "utf-8",
    )
    line = next(
        n
        for n, text in enumerate(alpha.read_text("utf-8").splitlines(), 1)
        if "(gamma-module.md)" in text
    )
    code, out = run_check(root, capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{M}/alpha-module.md:{line}: body: link 'gamma-module.md' leads to a draft "
        f"(the site leaves {M}/gamma-module.md out until it is ready: "
        "remove the link or publish the draft)"
    ]


def test_a_published_item_that_names_a_draft_is_reported(root, capsys):
    """The site leaves the draft out and with it the link: the check says so instead of a
    silent gap."""
    gamma = root / f"{M}/gamma-module.md"
    gamma.write_text(
        gamma.read_text("utf-8").replace("\nduration:", "\ndraft: true\nduration:", 1), "utf-8"
    )
    session = root / "methodology/sessions/2019-02-sessie.md"
    session.write_text(
        session.read_text("utf-8").replace(
            "modules: [alpha-module]", "modules: [alpha-module, gamma-module]"
        ),
        "utf-8",
    )
    code, out = run_check(root, capsys)
    assert code == 1
    assert out.splitlines() == [
        "methodology/sessions/2019-02-sessie.md:7: modules[1]: module 'gamma-module' is a draft "
        f"(the site leaves {M}/gamma-module.md out until it is ready: "
        "remove it here or publish the draft)"
    ]
    # A draft may name a draft.
    session.write_text(
        session.read_text("utf-8").replace("example: true", "example: true\ndraft: true"), "utf-8"
    )
    assert run_check(root, capsys) == (0, "")


def test_the_privacy_hint_fits_the_item_type(root, capsys):
    for rel, (old, new) in (
        ("methodology/sessions/2019-02-sessie.md", EDITS["e-mail in a session"]),
        ("methodology/practices/voorbeeldpraktijk.md", EDITS["phone in a practice body"]),
    ):
        path = root / rel
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    code, out = run_check(root, capsys)
    practice, session = out.splitlines()
    # A session has no contact field: its hint must not send the coach there.
    assert "contains an e-mail address" in session and "'contact:'" not in session
    assert session.endswith(
        "(no personal data in a session summary: give counts and general descriptions, "
        "never names or contacts)"
    )
    assert "contains a phone number" in practice and practice.endswith("belongs in 'contact:')")


def test_valid_file_with_crlf_and_bom_is_valid(root, capsys):
    (root / M / "nieuw.md").write_bytes(
        b"\xef\xbb\xbf" + module().replace("\n", "\r\n").encode("utf-8")
    )
    code, out = run_check(root, capsys)
    assert (code, out) == (0, "")


def test_crlf_file_reports_the_right_line(root, capsys):
    text = module(**{"levers: [peer-exchange]": "levers: [netwerk]"}).replace("\n", "\r\n")
    (root / M / "nieuw.md").write_bytes(text.encode("utf-8"))
    code, out = run_check(root, capsys)
    assert out.startswith(f"{M}/nieuw.md:10: levers[0]: unknown lever 'netwerk'")


def test_all_problems_in_one_run(root, capsys):
    for i, (_name, _rel, content, _expected) in enumerate(
        c for c in CASES if c[2] is not None and c[1] == f"{M}/nieuw.md"
    ):
        target = root / M / f"geval-{i}.md"
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(
                content.replace("id: nieuw", f"id: geval-{i}").replace("[nieuw]", f"[geval-{i}]"),
                "utf-8",
            )
    code, out = run_check(root, capsys)
    assert code == 1
    files = {line.split(":")[0] for line in out.splitlines()}
    assert len(files) >= 25, out


def test_every_unknown_field_is_said_once_at_its_own_file(root, capsys):
    """Two unknown fields are two problems, each at its line; and the item, refused for them,
    still exists: a link to it from another module is not reported as leading nowhere."""
    alpha = root / f"{M}/alpha-module.md"
    text = alpha.read_text("utf-8")
    alpha.write_text(text.replace("---\n", "---\nkleur: rood\nsmaak: zoet\n", 1), "utf-8")
    code, out = run_check(root, capsys)
    assert code == 1
    assert [line.split(" (")[0] for line in out.splitlines()] == [
        f"{M}/alpha-module.md:2: kleur: is not a known field",
        f"{M}/alpha-module.md:3: smaak: is not a known field",
    ], out


def test_a_file_with_a_missing_field_still_has_its_terms_checked(root, capsys):
    beta = root / f"{M}/beta-module.md"
    replace_in(beta, "duration: 480\n", "")
    replace_in(beta, "levers: [stakeholder-mapping]", "levers: [stakeholder-mapping, netwerk]")
    code, out = run_check(root, capsys)
    assert code == 1
    fields = [line.split(": ")[1] for line in out.splitlines()]
    assert fields == ["duration", "levers[1]"], out  # both in one run, not one after the other


def test_a_file_with_problems_of_its_own_still_has_its_links_checked(root, capsys):
    """A key given twice, an unknown term and a link that leads nowhere, in a source and in a
    translation: all said in one run, not the link only once the rest is mended."""
    beta = root / f"{M}/beta-module.md"
    text = beta.read_text("utf-8")
    beta.write_text(
        text.replace("duration: 480\n", "duration: 480\nduration: 240\n")
        .replace("levers: [stakeholder-mapping]", "levers: [stakeholder-mapping, netwerk]")
        .rstrip("\n")
        + "\n\nZie [de intake](intake-gesprek.md).\n",
        "utf-8",
    )
    translation = root / f"{M}/alpha-module.fr.md"
    translation.write_text(
        "---\nsource_hash: 0\nkleur: rood\n---\n## Texte\n\nVoir [l'accueil](accueil.md).\n",
        "utf-8",
    )
    code, out = run_check(root, capsys)
    assert code == 1
    found = [line.split(" (")[0] for line in out.splitlines()]
    lines = beta.read_text("utf-8").splitlines()
    twice, netwerk = (
        lines.index("duration: 240") + 1,
        lines.index("levers: [stakeholder-mapping, netwerk]") + 1,
    )
    link = next(i for i, line in enumerate(lines, 1) if "intake-gesprek.md" in line)
    fr_link = next(
        i
        for i, line in enumerate(translation.read_text("utf-8").splitlines(), 1)
        if "accueil.md" in line
    )
    for expected in (
        f"{M}/beta-module.md:{twice}: duration: is given twice",
        f"{M}/beta-module.md:{netwerk}: levers[1]: unknown lever 'netwerk'",
        f"{M}/beta-module.md:{link}: body: link 'intake-gesprek.md' leads to no page",
        f"{M}/alpha-module.fr.md:3: kleur: is not a known field",
        f"{M}/alpha-module.fr.md:{fr_link}: body: link 'accueil.md' leads to no page",
    ):
        assert any(line.startswith(expected) for line in found), (expected, out)


def test_a_file_with_problems_of_its_own_still_has_its_steps_checked(root, capsys):
    """A field written wrong (so one missing) and a step without its minutes: one run says all
    three, not the step only once the front matter is mended."""
    alpha = root / f"{M}/alpha-module.md"
    replace_in(alpha, "phase: intake", "fase: intake")
    replace_in(alpha, "**Tweede stap (120 minuten).**", "**Tweede stap.**")
    code, out = run_check(root, capsys)
    assert code == 1
    lines = alpha.read_text("utf-8").splitlines()
    step = next(i for i, line in enumerate(lines, 1) if "Tweede stap" in line)
    found = [line.split(" (")[0] for line in out.splitlines()]
    for expected in (
        f"{M}/alpha-module.md:1: phase: is required but missing",
        f"{M}/alpha-module.md:5: fase: is not a known field",
        f"{M}/alpha-module.md:{step}: steps: step 2 names no minutes",
    ):
        assert any(line.startswith(expected) for line in found), (expected, out)


def test_the_summary_counts_as_valid_only_the_items_without_problems(root, capsys):
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    valid = int(capsys.readouterr().err.split("ok: ")[1].split()[0])
    beta = root / f"{M}/beta-module.md"
    text = beta.read_text("utf-8")
    # An unknown term leaves the item in the model (its pages can still be planned), not valid.
    beta.write_text(text.replace("levers: [stakeholder-mapping]", "levers: [netwerk]"), "utf-8")
    assert main(["--root", str(root), "check"]) == 1
    assert f"1 problem(s) in {valid - 1} valid item(s)" in capsys.readouterr().err


def test_paths_limit_the_report(root, capsys):
    (root / M / "nieuw.md").write_text("", "utf-8")
    (root / "methodology/sessions/2019-02-sessie.md").write_text("", "utf-8")
    code, out = run_check(root, capsys, str(root / "methodology/sessions"))
    assert code == 1
    assert out.splitlines() == [
        "methodology/sessions/2019-02-sessie.md:1: file: is empty "
        "(start with front matter between two '---' lines)"
    ]


def test_json_and_github_formats(root, capsys):
    (root / M / "nieuw.md").write_text(module(**{"phase: intake": "phase: start"}), "utf-8")
    code, out = run_check(root, capsys, "--format", "json")
    data = json.loads(out)
    assert (
        code == 1
        and data[0]["path"] == f"{M}/nieuw.md"
        and data[0]["line"] == 5
        and data[0]["field"] == "phase"
    )
    code, out = run_check(root, capsys, "--format", "github")
    assert out.startswith(
        f"::error file={M}/nieuw.md,line=5,title=methodkit check::phase: unknown phase 'start'"
    )


def test_command_line_exit_codes_and_no_traceback(root):
    ok = subprocess.run([str(BIN / "methodkit"), "check"], cwd=root, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (root / M / "nieuw.md").write_bytes(b"---\n\xff\xfe: [\n---\n")
    bad = subprocess.run(
        [str(BIN / "methodkit"), "check"], cwd=root, capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stdout + bad.stderr
    assert bad.stdout.startswith(f"{M}/nieuw.md:2: file: is not valid UTF-8")


ADAPTED = module(
    id="aanpassing",
    **{"duration: 120": "duration: 120\nadapted_from: {adapted}\nlicense: {license}"},
)


@pytest.mark.parametrize(
    "source,license,problem",
    [
        (
            "{title: Bron, url: 'https://example.org/bron', license: CC-BY-ND-4.0}",
            "CC-BY-SA-4.0",
            "allows no adaptations (ND)",
        ),
        (
            "{title: Bron, url: 'https://example.org/bron', license: CC-BY-NC-4.0}",
            "CC-BY-SA-4.0",
            "the adaptation must be NC too",
        ),
        (
            "{title: Bron, url: 'https://example.org/bron', license: CC-BY-NC-SA-4.0}",
            "CC-BY-NC-4.0",
            "must use the same licence",
        ),
        ("alpha-module", "CC-BY-4.0", "'alpha-module' is under CC BY-SA 4.0 (ShareAlike)"),
        ("bestaat-niet", "CC-BY-SA-4.0", "unknown module 'bestaat-niet'"),
    ],
)
def test_adaptations_must_respect_the_source_licence(root, capsys, source, license, problem):
    (root / M / "aanpassing.md").write_text(
        ADAPTED.replace("{adapted}", source).replace("{license}", license), "utf-8"
    )
    code, out = run_check(root, capsys)
    assert code == 1
    assert out.startswith(f"{M}/aanpassing.md:8: adapted_from: "), out
    assert problem in out


@pytest.mark.parametrize(
    "source,license",
    [
        ("{title: Bron, url: 'https://example.org/bron', license: CC-BY-4.0}", "CC-BY-NC-SA-4.0"),
        (
            "{title: Bron, url: 'https://example.org/bron', license: CC-BY-NC-SA-4.0}",
            "CC-BY-NC-SA-4.0",
        ),
        ("alpha-module", "CC-BY-SA-4.0"),
    ],
)
def test_compatible_adaptations_pass(root, capsys, source, license):
    (root / M / "aanpassing.md").write_text(
        ADAPTED.replace("{adapted}", source).replace("{license}", license), "utf-8"
    )
    assert run_check(root, capsys) == (0, "")


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("name,rel,content,expected", CASES, ids=[c[0] for c in CASES])
def test_messages_in_dutch_and_french(root, capsys, name, rel, content, expected, lang):
    """Every message and hint of every class of bad input is said in Dutch and in French: the
    same problems, with their codes, and not one of them left as its English words."""
    write_case(root, name, rel, content)
    code, english = run_check(root, capsys, "--format", "json")
    code_other, other = run_check(root, capsys, "--format", "json", "--lang", lang)
    assert code == code_other == 1
    english, other = json.loads(english), json.loads(other)
    assert len(english) == len(other)
    for en, said in zip(english, other):
        where = ("path", "line", "field", "code")
        assert [en[k] for k in where] == [said[k] for k in where]
        assert en["code"], en
        assert said["message"] != en["message"], f"{lang} says it in English: {en['message']}"
        if en["hint"]:
            assert said["hint"] and said["hint"] != en["hint"], (
                f"{lang} says the hint in English: {en['hint']}"
            )


def test_the_check_reads_every_option_of_the_sites_markdown_extensions(tmp_path):
    """Lists, mappings and `!!python/name:` values reach the checker's renderer as the site
    has them."""
    import pymdownx.superfences

    from methodkit.loading.config import markdown_extensions, site_markdown, thaw

    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n"
        "  - toc: {permalink: true, toc_depth: 3}\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: diagram\n"
        "          class: diagram\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n",
        "utf-8",
    )
    found = dict(markdown_extensions(tmp_path))
    fences = thaw(found["pymdownx.superfences"])["custom_fences"]
    assert fences == [
        {"name": "diagram", "class": "diagram", "format": pymdownx.superfences.fence_code_format}
    ]
    assert thaw(found["toc"]) == {"permalink": True, "toc_depth": 3}
    hash(tuple(found.items()))  # the check cache keys on them
    # MkDocs adds its own three before the site's: a body renders as on the site (a table).
    assert list(found)[:3] == ["toc", "tables", "fenced_code"]
    table = site_markdown(tuple(found.items())).reset().convert("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in table
