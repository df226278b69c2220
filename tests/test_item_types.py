"""A site declares a new item type with data only: a declaration, a schema, its files.

The fixture adds a `tool` type to the basic fixture without a line of Python,
builds it for real and reads what a reader gets: the tool's pages, its card,
the lever pages that list it, catalog.json, the Atom feed and its overview list.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, methodkit, page, replace_in

TOOL_TYPE = """
tool:
  folder: tools
  url: tools/{id}/
  order: {field: published, reverse: true}
  card:
    - {field: published, as: date}
    - maker
    - levers
  facets: [levers]
  sections:
    after: [use]
  feed: true
  listing:
    meta: [[maker], [levers]]
    filters: [{field: levers, name: lever}, maker]
    feed: true
  home: {figure: true, latest: 1}
  schema_org:
    type: SoftwareApplication
    properties:
      dateCreated: published
  labels:
    nl:
      name: Hulpmiddel
      plural: Hulpmiddelen
      fields: {maker: Gemaakt door, use: Gebruik, levers: Werkt met}
    en: {name: Tool, plural: Tools, fields: {maker: Made by, use: How to use it}}
"""

TOOL_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "tool.schema.json",
    "type": "object",
    "required": ["id", "title", "summary", "published", "maker", "levers"],
    "additionalProperties": False,
    "properties": {
        "id": {"$ref": "common.schema.json#/$defs/id"},
        "title": {"$ref": "common.schema.json#/$defs/text", "x-translatable": True},
        "summary": {"$ref": "common.schema.json#/$defs/text", "x-translatable": True},
        "published": {"$ref": "common.schema.json#/$defs/date"},
        "maker": {"$ref": "common.schema.json#/$defs/text", "x-translatable": True},
        "use": {"$ref": "common.schema.json#/$defs/text", "x-translatable": True},
        "levers": {"type": "array", "items": {"type": "string", "x-vocabulary": "levers"}},
        "authors": {"$ref": "common.schema.json#/$defs/authors"},
        "license": {"$ref": "common.schema.json#/$defs/license"},
        "draft": {"$ref": "common.schema.json#/$defs/draft"},
    },
}


def tool(tool_id: str, title: str, published: str, lever: str) -> str:
    return (
        f"---\nid: {tool_id}\ntitle: {title}\nsummary: Een hulpmiddel om mee te werken.\n"
        f"published: {published}\nmaker: Werkplaats Open\nlevers: [{lever}]\n"
        f"use: Leg het op tafel en werk het samen af.\n---\n"
        f"## Gebruik\n\nTEKST-VAN-{tool_id.upper()}\n"
    )


@pytest.fixture(scope="module")
def tool_site(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("types"))
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write(TOOL_TYPE)
    (schemas / "tool.schema.json").write_text(json.dumps(TOOL_SCHEMA, indent=2), "utf-8")
    levers = (root / "methodology" / "vocabularies" / "levers.yml").read_text("utf-8")
    (root / "methodology" / "vocabularies" / "levers.yml").write_text(
        "names:\n  nl: {one: Werkhefboom, many: Werkhefbomen}\n" + levers, "utf-8"
    )
    lever = levers.split("- id: ", 1)[1].split()[0]
    (root / "methodology" / "tools").mkdir()
    (root / "methodology" / "tools" / "canvas.md").write_text(
        tool("canvas", "Het canvas", "2024-03-01", lever)
    )
    (root / "methodology" / "tools" / "kaartset.md").write_text(
        tool("kaartset", "De kaartset", "2024-06-01", lever)
    )
    # An English translation, made as a translator makes one, names the maker in English.
    methodkit(root, "translate", "methodology/tools/canvas.md", "--to", "en", check=True)
    en = root / "methodology" / "tools" / "canvas.en.md"
    en.write_text(
        en.read_text("utf-8")
        .replace("draft: true\n", "")
        .replace("maker: Werkplaats Open", "maker: Open Workshop"),
        "utf-8",
    )
    check = methodkit(root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert build_site(root, strict=True, quiet=True) == 0
    return root, root / "site", lever


def test_the_new_type_is_named_as_its_declaration_says(tool_site):
    """No Python and no file of the engine's: the declaration's labels name the type and its fields,
    in English where it has no words for a language (French here)."""
    root, site, lever = tool_site
    for prefix, kind, plural, maker in (
        ("", "Hulpmiddel", "hulpmiddelen", "Gemaakt door"),
        ("fr/", "Tool", "tools", "Made by"),
        ("en/", "Tool", "tools", "Made by"),
    ):
        soup = page(site, f"{prefix}tools/canvas/")
        assert soup.select_one(".mk-kind").get_text(strip=True) == kind
        assert soup.select_one(".mk-card__row--maker dt").get_text(strip=True) == maker
        # A translatable field on the card is shown as translated (French has no translation).
        made_by = "Open Workshop" if prefix == "en/" else "Werkplaats Open"
        assert soup.select_one(".mk-card__row--maker dd").get_text(strip=True) == made_by
        figures = [
            li.get_text(" ", strip=True) for li in page(site, prefix).select(".mk-figures li")
        ]
        assert f"2 {plural}" in figures


def test_the_home_page_lists_the_newest_of_each_type_that_asks_under_its_own_name(tool_site):
    root, site, lever = tool_site
    for prefix, sessions, tools in (
        ("", "Nieuwste sessieverslagen", "Nieuwste hulpmiddelen"),
        ("en/", "Latest session summaries", "Latest tools"),
    ):
        home = page(site, prefix)
        titles = [s.h2.get_text() for s in home.select(".mk-home__latest")]
        assert titles == [sessions, tools]
        newest = home.select_one(".mk-home__latest--tool")
        assert [a.get_text() for a in newest.select("li a")] == ["De kaartset"]
        assert "Het canvas" not in home.select_one(".mk-home__latest--session").get_text()


def test_new_explains_each_field_of_the_new_type(tool_site, tmp_path):
    """`methodkit new` explains a field by the engine's words (which fit any type), else by its
    schema's description or that of the shared definition it refers to."""
    root = shutil.copytree(tool_site[0], tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    methodkit(root, "new", "tool", "--title", "Het bord", "--lang", "en", check=True)
    lines = (root / "methodology" / "tools" / "het-bord.md").read_text("utf-8").splitlines()

    def note(field: str) -> str:
        return lines[next(i for i, l in enumerate(lines) if l.startswith(f"{field}:")) - 1]

    assert note("published") == "# A date as YYYY-MM-DD."
    assert note("levers").startswith("# Levers it pulls (zero or more).")


def test_status_names_a_field_shown_without_a_name(tool_site):
    """The declaration names `maker` in Dutch and English, not `published`, which its card shows:
    status says so in each language, with where to give the name."""
    root, site, lever = tool_site
    lines = methodkit(root, "status").stdout.splitlines()
    for lang in ("nl", "fr", "en"):
        assert f"{lang}:" in [l.split(" ")[0] for l in lines]
        expected = (
            f"  name       tool.published: no name in '{lang}', shown as 'Published' "
            f"(labels: {{{lang}: {{fields: {{published: ...}}}}}} in types.yml)"
        )
        assert expected in lines, lines
    assert not any("tool.maker" in l for l in lines)
    # The declaration has labels in Dutch and English, none in French: said for French alone.
    missing = [l for l in lines if "tool has no labels in" in l]
    assert missing == [
        "  labels     methodology/schemas/types.yml: tool has no labels in 'fr' (shown in English "
        "or another language; add labels: {fr: {name: ..., plural: ...}})"
    ], lines


def test_a_vocabulary_is_named_as_its_file_says(tool_site):
    root, site, lever = tool_site
    assert page(site, f"levers/{lever}/").select_one(".mk-kind").get_text() == "Werkhefboom"
    assert page(site, "glossary/").select_one("h2#levers").get_text() == "Werkhefbomen"
    # A language the file does not name it in keeps the engine's word.
    assert page(site, f"en/levers/{lever}/").select_one(".mk-kind").get_text() == "Lever"


def test_each_item_of_the_new_type_has_a_page_with_its_card(tool_site):
    root, site, lever = tool_site
    for lang, prefix in (("nl", ""), ("fr", "fr/"), ("en", "en/")):
        soup = page(site, f"{prefix}tools/canvas/")
        assert soup.html["lang"] == lang
        assert soup.h1.get_text() == "Het canvas"
        assert "TEKST-VAN-CANVAS" in soup.select_one(".mk-body").get_text()
        rows = [r["class"][1] for r in soup.select(".mk-card__row")]
        assert rows == ["mk-card__row--published", "mk-card__row--maker", "mk-card__row--levers"]
        if lang == "nl":  # the declaration's word for a field, on this type's card alone
            assert soup.select_one(".mk-card__row--levers dt").get_text() == "Werkt met"
            module = page(site, "modules/alpha-module/")
            assert module.select_one(".mk-card__row--levers dt").get_text() == "Hefbomen"
        # A text field among the sections is a paragraph under its heading, not a list.
        use = soup.select_one(".mk-section.mk-use")
        assert use.select("li") == [] and use.p.get_text() == (
            "Leg het op tafel en werk het samen af."
        )
        chip = soup.select_one(".mk-card__row--levers a.mk-chip")
        assert chip["href"].rstrip("/").endswith(f"levers/{lever}")
        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "SoftwareApplication" and data["dateCreated"] == "2024-03-01"


def test_the_table_of_contents_lists_the_sections_where_the_page_shows_them(tool_site):
    """The headings a type's declaration adds around the body (its sections) are in the page's
    table of contents with the body's own, in the order the page shows them, each entry named as
    its heading and leading to it."""
    root, site, _ = tool_site
    for url in ("tools/canvas/", "en/tools/canvas/", "modules/alpha-module/"):
        soup = page(site, url)
        links = soup.select("nav.md-nav--secondary a.md-nav__link")
        shown = [h["id"] for h in soup.select("article h2[id], article h3[id]")]
        listed = [a["href"].removeprefix("#") for a in links]
        assert any(a.startswith("section-") for a in listed), (url, listed)
        assert listed == [i for i in shown if i in listed], (url, listed, shown)
        for a in links:
            heading = soup.find(id=a["href"].removeprefix("#"))
            for permalink in heading.select(".headerlink"):  # the body's headings have one
                permalink.decompose()
            assert a.get_text(strip=True) == heading.get_text(strip=True), url
    handout = page(site, "modules/alpha-module/handout/")
    assert handout.select(".mk-programme") and not handout.select('[id=""]')
    use = page(site, "tools/canvas/").select("nav.md-nav--secondary a.md-nav__link")[-1]
    assert use["href"] == "#section-use"  # after the body, as on the page
    # An untranslated item: its text (and the list of its headings) in Dutch, the labels the
    # template adds in the reader's French, in the list as on the page.
    soup = page(site, "fr/tools/canvas/")
    assert soup.select_one("nav.md-nav--secondary ul")["lang"] == "nl"
    link = soup.select_one('nav.md-nav--secondary a[href="#section-use"]')
    assert link.select_one("span[lang]")["lang"] == "fr"
    assert soup.find(id="section-use")["lang"] == "fr"


def test_the_lever_page_lists_the_new_type(tool_site):
    root, site, lever = tool_site
    soup = page(site, f"levers/{lever}/")
    group = soup.select_one(".mk-facet-tool")
    assert group is not None
    assert [a.get_text() for a in group.select("li a")] == [
        "De kaartset",
        "Het canvas",
    ]  # newest first


def test_catalogue_and_feed_carry_the_new_type(tool_site):
    root, site, lever = tool_site
    catalog = json.loads((site / "catalog.json").read_text("utf-8"))
    tools = {i["id"]: i for i in catalog["items"] if i["type"] == "tool"}
    assert set(tools) == {"canvas", "kaartset"}
    assert tools["canvas"]["languages"]["fr"]["url"].endswith("/fr/tools/canvas/")
    # The published schema is this site's: the catalogue, its new type included, follows it.
    schema = json.loads((site / "catalog.schema.json").read_text("utf-8"))
    jsonschema.validate(catalog, schema)
    assert "tool" in schema["properties"]["items"]["items"]["properties"]["type"]["enum"]
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    # Named by the types it carries, and leading to the home page rather than one type's list.
    assert feed.findtext(f"{atom}title").endswith(": sessieverslagen en hulpmiddelen")
    alternate = feed.find(f"{atom}link[@rel='alternate']").get("href")
    assert alternate == "https://example.org/samenzweerders/"
    assert "Het canvas" in titles and "De kaartset" in titles


def test_the_overview_macro_lists_the_new_type_with_its_filter(tool_site):
    root, site, lever = tool_site
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("      macro_pages:\n", "      macro_pages:\n        - tools.md\n"), "utf-8"
    )
    (root / "docs" / "tools.md").write_text(
        '---\ntitle: Hulpmiddelen\n---\n# Hulpmiddelen\n\n{{ item_list("tool") }}\n', "utf-8"
    )
    try:
        assert build_site(root, strict=True, quiet=True) == 0
        soup = page(site, "tools/")
    finally:
        (root / "docs" / "tools.md").unlink()
        (root / "mkdocs.yml").write_text(config, "utf-8")
    tiles = soup.select(".mk-tile")
    assert [t.select_one(".mk-tile__title").get_text() for t in tiles] == [
        "De kaartset",
        "Het canvas",
    ]
    assert all(t["data-lever"] == lever for t in tiles)
    assert soup.select_one('select[name="lever"]') is not None
    # A filter the engine has no word for is named as the declaration names its field.
    # The list's feed link names what the site's one feed holds: this type's items and others'.
    assert soup.select_one(".mk-feed a").get_text() == (
        "Volg de sessieverslagen en hulpmiddelen (Atom-feed)"
    )
    maker = soup.select_one('select[name="maker"]').find_parent("label")
    assert maker.span.get_text() == "Gemaakt door"
    # A field the engine has a word for too: the declaration's word wins, on this type alone.
    levers = soup.select_one('select[name="lever"]').find_parent("label")
    assert levers.span.get_text() == "Werkt met"
    assert "Werkplaats Open" in tiles[0].select_one(".mk-tile__meta").get_text()


def test_a_declaration_with_mistakes_is_reported_with_its_lines(tmp_path):
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: modules\n  url: tools/{id}/\n  feed: true\n  colour: red\n")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "methodology/schemas/types.yml:" in proc.stdout
    assert "colour" in proc.stdout


def test_every_field_a_declaration_names_is_checked_against_its_schema(tmp_path):
    """Typos that would leave a row, a filter or a list out without a word, or stop the build;
    and a declaration with a mistake leaves the other types as they are."""
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write(
            "\ntool:\n  folder: tools\n  url: tools/{id}/\n"
            "  order: {field: publish, reverse: true}\n"
            "  card: [{field: publshed, as: date}, maker]\n"
            "  sections: {after: [handleiding, levers, published]}\n"
            "  facets: [levers, toolkinds]\n"
            "  listing: {meta: [[makr]], filters: [{field: lever, name: lever}], feed: true}\n"
            "  schema_org: {type: Thing, properties: {dateCreated: pubished}}\n"
            "  labels: {nl: {fields: {makker: Maker}, backlinks: {gebruikt: Gebruikt in}}}\n"
            "\nwidget:\n  folder: widgets\n  url: widgets/{id}/\n  facets: [tool-kinds]\n"
        )
    schema = {**TOOL_SCHEMA, "required": [*TOOL_SCHEMA["required"], "lever"]}
    (schemas / "tool.schema.json").write_text(json.dumps(schema, indent=2), "utf-8")
    (root / "methodology" / "widgets").mkdir()
    (root / "methodology" / "widgets" / "w.md").write_text("---\nid: w\n---\nTekst.\n")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    text = (schemas / "types.yml").read_text("utf-8").splitlines()

    def line(fragment: str) -> int:
        return next(i for i, l in enumerate(text, 1) if fragment in l)

    t = "methodology/schemas/types.yml"
    unknown = "is not a field of tool"
    fields = f"{unknown} (fields of schemas/tool.schema.json: id, title,"
    expected = [
        f"{t}:{line('field: publish,')}: tool.order.field: 'publish' {unknown} "
        "(did you mean 'published'?)",
        f"{t}:{line('publshed')}: tool.card[0].field: 'publshed' {unknown} "
        "(did you mean 'published'?)",
        f"{t}:{line('handleiding')}: tool.sections.after[0]: 'handleiding' {fields}",
        # A term or a date would show as its code: a section shows texts.
        f"{t}:{line('handleiding')}: tool.sections.after[1]: 'levers' is neither a text nor a "
        "list of texts: a section shows one or the other (show a term, a date, a number or an "
        "object on the card (card:) instead)",
        f"{t}:{line('handleiding')}: tool.sections.after[2]: 'published' is neither a text nor",
        f"{t}:{line('makr')}: tool.listing.meta[0][0]: 'makr' {unknown} (did you mean 'maker'?)",
        f"{t}:{line('makr')}: tool.listing.feed: its list links to the site's feed, which does "
        "not carry tool items (add feed: true to the type",
        f"{t}:{line('field: lever,')}: tool.listing.filters[0].field: 'lever' {unknown} "
        "(did you mean 'levers'?)",
        f"{t}:{line('pubished')}: tool.schema_org.properties.dateCreated: 'pubished' {unknown} "
        "(did you mean 'published'?)",
        f"{t}:{line('toolkinds')}: tool.facets[1]: 'toolkinds' is not a vocabulary that a field "
        "of tool names (vocabularies its fields name (x-vocabulary): levers)",
        f"{t}:{line('facets: [tool-kinds]')}: widget.facets[0]: 'tool-kinds' is not a name "
        "(lower-case letters, digits and underscores, "
        "starting with a letter: tool_kinds, not tool-kinds)",
        f"{t}:{line('makker')}: tool.labels.nl.fields.makker: 'makker' {unknown} "
        "(did you mean 'maker'?)",
        f"{t}:{line('gebruikt')}: tool.labels.nl.backlinks.gebruikt: 'gebruikt' is not a backlink "
        "key of tool (its backlinks' keys: -)",
        "methodology/schemas/tool.schema.json:1: required: 'lever' is required but is not one of "
        "the schema's properties (add it to properties, or take it out of required)",
    ]
    found = proc.stdout.splitlines()
    for problem in expected:
        assert any(l.startswith(problem) for l in found), (problem, proc.stdout)
    # The widget's file waits for its declaration; the modules are checked as always.
    assert "widgets/w.md" not in proc.stdout and "modules/" not in proc.stdout
    assert len([l for l in found if l.startswith("methodology/schemas/")]) == len(expected), (
        proc.stdout
    )


def test_a_template_that_no_theme_folder_has_stops_the_build_with_its_line(tmp_path):
    root = assemble(tmp_path / "site")
    types = root / "methodology" / "schemas" / "types.yml"
    text = types.read_text("utf-8").replace(
        "  folder: practices\n", "  folder: practices\n  template: praktijk.html\n", 1
    )
    types.write_text(text, "utf-8")
    line = text.splitlines().index("  template: praktijk.html") + 1
    proc = methodkit(root, "build")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert (
        f"methodology/schemas/types.yml:{line}: practice.template: no template 'praktijk.html'"
        in proc.stderr
    )


def test_a_macro_call_on_a_page_that_may_call_none_is_named(tmp_path):
    root = assemble(tmp_path / "site")
    (root / "docs" / "lijst.md").write_text(
        '# Lijst\n\nUitleg over `{{ item_list("module") }}` in code.\n\n'
        '{{ item_list("module") }}\n',
        "utf-8",
    )
    proc = methodkit(root, "check")
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        'docs/lijst.md:5: content: calls {{ item_list("module") }}, but the page is not in '
        "macro_pages: readers would see the call as text (add lijst.md to macro_pages under the "
        "methodkit plugin in mkdocs.yml)"
    ]


def test_a_list_of_a_type_that_is_none_is_named_with_the_type_meant(tmp_path):
    """`item_list("modules")` (the folder) or a type the site has not declared: said as such,
    with the type meant, not as template syntax in general."""
    root = assemble(tmp_path / "site")
    listing = root / "docs" / "modules" / "index.md"
    replace_in(
        listing,
        '{{ item_list("module") }}',
        '{{ item_list("modules") }}\n\n{{ item_list("tool") }}',
    )
    lines = listing.read_text("utf-8").splitlines()
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    first = next(i for i, l in enumerate(lines, 1) if "modules" in l and "item_list" in l)
    second = next(i for i, l in enumerate(lines, 1) if '"tool"' in l)
    assert proc.stdout.splitlines() == [
        f"docs/modules/index.md:{first}: content: {{{{ item_list(\"modules\") }}}}: 'modules' is "
        "not an item type (did you mean 'module'?)",
        f"docs/modules/index.md:{second}: content: {{{{ item_list(\"tool\") }}}}: 'tool' is not "
        "an item type (name an item type of schemas/types.yml: module, practice, session, chapter)",
    ], proc.stdout


def test_a_declaration_file_that_does_not_read_is_the_one_problem_said(tmp_path):
    """Without the declarations no file can be checked: one line, not every item named as a
    stray after it (a newcomer found the real line as the 114th of 140)."""
    root = assemble(tmp_path / "site")
    types = root / "methodology" / "schemas" / "types.yml"
    text = types.read_text("utf-8").replace("\n  folder: practices\n", "\n   folder: practices\n")
    types.write_text(text, "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    (line,) = proc.stdout.splitlines()
    assert line.startswith("methodology/schemas/types.yml:") and ": file: is not valid YAML" in line


def test_a_key_or_an_address_written_wrong_is_said_in_words_on_its_line(tmp_path):
    root = assemble(tmp_path / "site")
    types = root / "methodology" / "schemas" / "types.yml"
    with types.open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: tools\n  url: tools/\n  facet: [levers]\n  lables: {}\n")
    text = types.read_text("utf-8").splitlines()
    proc = methodkit(root, "check")
    t = "methodology/schemas/types.yml"
    assert proc.stdout.splitlines() == [
        f"{t}:{text.index('  url: tools/') + 1}: tool.url: 'tools/' is not an address that ends "
        "in {id}/ (lower-case letters, digits, - and /, then {id}/: tools/{id}/)",
        f"{t}:{text.index('  facet: [levers]') + 1}: tool.facet: is not a known field "
        "(did you mean 'facets'?)",
        f"{t}:{text.index('  lables: {}') + 1}: tool.lables: is not a known field "
        "(did you mean 'labels'?)",
    ]


def _tool_site(tmp_path, schema: dict, declaration: str = "", tools: dict | None = None):
    """A site with a `tool` type of this schema and declaration (after its folder and address),
    and these files in its folder (name: text); the site and the schema as written."""
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: tools\n  url: tools/{id}/\n" + declaration)
    text = json.dumps(schema, indent=2)
    (schemas / "tool.schema.json").write_text(text, "utf-8")
    for name, body in (tools or {}).items():
        (root / "methodology" / "tools").mkdir(exist_ok=True)
        (root / "methodology" / "tools" / name).write_text(body, "utf-8")
    return root, text


def _tool_checked(tmp_path, properties: dict, declaration: str = "", tools: dict | None = None):
    """A site with a `tool` type of these schema properties, and what `methodkit check` says of it
    (it must fail, in words): the site, the schema's lines, the run."""
    schema = {**TOOL_SCHEMA, "properties": {**TOOL_SCHEMA["properties"], **properties}}
    root, text = _tool_site(tmp_path, schema, declaration, tools)
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    return root, text.splitlines(), proc


def _line(lines: list[str], fragment: str) -> int:
    return next(i for i, l in enumerate(lines, 1) if fragment in l)


def test_a_vocabulary_a_schema_names_without_its_file_is_said_where_it_is_named(tmp_path):
    """A misspelt `x-vocabulary` is said at its schema's line, with the name it was likely meant
    to be; a new name with no file yet says which file to write."""
    root, lines, proc = _tool_checked(
        tmp_path,
        {
            "levers": {"type": "array", "items": {"type": "string", "x-vocabulary": "leverz"}},
            "kind": {"type": "string", "x-vocabulary": "toolkinds"},
        },
    )
    s = "methodology/schemas/tool.schema.json"
    assert proc.stdout.splitlines() == [
        f"{s}:{_line(lines, 'leverz')}: x-vocabulary: vocabulary 'leverz' is missing "
        "(did you mean 'levers'?)",
        f"{s}:{_line(lines, 'toolkinds')}: x-vocabulary: vocabulary 'toolkinds' is missing "
        "(create methodology/vocabularies/toolkinds.yml with a 'terms:' list)",
    ], proc.stdout


def test_a_vocabulary_of_the_sites_own_is_named_in_messages_as_its_file_names_it(tmp_path):
    """A term a vocabulary of the site's own does not have is said with the name the site gives
    that vocabulary, in each language its file names it in, and in English where it does not."""
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: tools\n  url: tools/{id}/\n")
    properties = {
        **TOOL_SCHEMA["properties"],
        "kind": {"type": "string", "x-vocabulary": "tool_kinds"},
    }
    (schemas / "tool.schema.json").write_text(
        json.dumps({**TOOL_SCHEMA, "properties": properties}, indent=2), "utf-8"
    )
    (root / "methodology" / "vocabularies" / "tool_kinds.yml").write_text(
        "names:\n  fr: {one: Type d'outil, many: Types d'outils}\n"
        "  en: {one: Tool kind, many: Tool kinds}\n"
        "terms:\n  - id: canvas\n    nl: {label: Canvas, description: Een groot vel.}\n"
        "    fr: {label: Canevas, description: Une grande feuille.}\n"
        "    en: {label: Canvas, description: A large sheet.}\n",
        "utf-8",
    )
    levers = (root / "methodology" / "vocabularies" / "levers.yml").read_text("utf-8")
    lever = levers.split("- id: ", 1)[1].split()[0]
    (root / "methodology" / "tools").mkdir()
    (root / "methodology" / "tools" / "canvas.md").write_text(
        tool("canvas", "Het canvas", "2024-03-01", lever).replace(
            "---\n## ", "kind: canvs\n---\n## "
        ),
        "utf-8",
    )
    line = "methodology/tools/canvas.md:9: kind: "
    said = {lang: methodkit(root, "check", "--lang", lang).stdout for lang in ("en", "fr", "nl")}
    assert f"{line}unknown tool kind 'canvs' (did you mean 'canvas'?)" in said["en"], said["en"]
    assert f"{line}valeur inconnue pour « Type d'outil » : « canvs » (" in said["fr"], said["fr"]
    assert f"{line}unknown tool kind 'canvs' (" in said["nl"], said["nl"]  # no Dutch name given


def test_a_keyword_of_ours_written_wrong_and_a_feed_without_date_order_are_said(tmp_path):
    """JSON Schema ignores a keyword it does not know: `x-vocabularly` would let the field take any
    text. A feed needs an order by date: the hint names the type's own date field. A field named
    like a keyword (`x_note`, under properties) is a name, and an editor's own extension
    (`x-intellij-html-description`) no misspelling of ours: neither is said."""
    root, lines, proc = _tool_checked(
        tmp_path,
        {
            "levers": {"type": "array", "items": {"type": "string", "x-vocabularly": "levers"}},
            "x_note": {"type": "string", "x-translate": True, "x-intellij-html-description": "N"},
        },
        "  feed: true\n",
    )
    types = (root / "methodology" / "schemas" / "types.yml").read_text("utf-8").splitlines()
    feed = len(types) - types[::-1].index("  feed: true")  # the tool's, the last one
    s, t = "methodology/schemas/tool.schema.json", "methodology/schemas/types.yml"
    assert sorted(proc.stdout.splitlines()) == sorted(
        [
            f"{s}:{_line(lines, 'x-translate')}: x-translate: 'x-translate' is not a keyword "
            "the engine reads (did you mean 'x-translatable'?)",
            f"{s}:{_line(lines, 'x-vocabularly')}: x-vocabularly: 'x-vocabularly' is not a "
            "keyword the engine reads (did you mean 'x-vocabulary'?)",
            f"{t}:{feed}: tool.feed: needs an order by a date field "
            "(add order: {field: published, reverse: true})",
        ]
    )


def test_a_type_whose_declaration_has_a_mistake_is_not_also_called_unknown(tmp_path):
    """An address written wrong leaves the type out until it is mended: said once, at its line,
    and not again as an unknown type where another type's back-link names it."""
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    replace_in(
        schemas / "types.yml",
        "    - {key: used_in_sessions, from: session}\n",
        "    - {key: used_in_sessions, from: session}\n    - {key: tools, from: tool}\n",
    )
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: tools\n  url: tools/\n")
    (schemas / "tool.schema.json").write_text(json.dumps(TOOL_SCHEMA, indent=2), "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = (schemas / "types.yml").read_text("utf-8").splitlines()
    assert proc.stdout.splitlines() == [
        f"methodology/schemas/types.yml:{_line(lines, 'url: tools/')}: tool.url: 'tools/' is not "
        "an address that ends in {id}/ (lower-case letters, digits, - and /, then {id}/: "
        "tools/{id}/)"
    ], proc.stdout


def test_a_key_written_wrong_hides_neither_the_types_other_mistakes_nor_its_items(tmp_path):
    """A misspelt key is said, and the type is read without it: in the same run the check names
    the declaration's other mistakes and the problems of the type's own files (a contributor
    found them one mended key at a time)."""
    root, _, proc = _tool_checked(
        tmp_path,
        {},
        "  sectons: {after: [use]}\n  card: [makr]\n  sections: {after: [use], middle: 5}\n"
        "  labels: {nl: {name: Ding, kleur: [1]}}\n  home: {colour: {}}\n",
        {"canvas.md": tool("canvas", "Het canvas", "2024-03-01", "geen-hefboom")},
    )
    lines = (root / "methodology/schemas/types.yml").read_text("utf-8").splitlines()
    said = proc.stdout.splitlines()
    assert (
        f"methodology/schemas/types.yml:{_line(lines, 'sectons')}: tool.sectons: is not a known "
        "field (did you mean 'sections'?)"
    ) in said, proc.stdout
    card = f"methodology/schemas/types.yml:{_line(lines, 'makr')}: "
    assert any(line.startswith(card) for line in said), proc.stdout
    for unknown in ("tool.sections.middle", "tool.labels.nl.kleur", "tool.home.colour"):
        assert any(f": {unknown}: is not a known field" in line for line in said), unknown
    assert any(l.startswith("methodology/tools/canvas.md:") and "levers" in l for l in said), (
        proc.stdout
    )


def test_a_field_shown_in_a_way_it_cannot_be_and_a_feed_ordered_by_no_date_are_said(tmp_path):
    """`as: duration` of a text, `as: range` of a date: the build would stop with a traceback. A
    feed ordered by a title would carry it as the entries' dates."""
    root, lines, proc = _tool_checked(
        tmp_path,
        {},
        "  order: {field: title}\n  feed: true\n"
        "  card: [{field: maker, as: duration}, {field: published, as: range}]\n"
        "  listing: {filters: [{field: maker, as: duration}]}\n",
    )
    t = "methodology/schemas/types.yml"
    types = (root / t).read_text("utf-8").splitlines()
    card, listing = _line(types, "as: range}]"), _line(types, "  listing: {filters")
    assert sorted(proc.stdout.splitlines()) == sorted(
        [
            f"{t}:{card}: tool.card[0].as: 'maker' cannot be shown as duration "
            '(as: duration needs a whole number of minutes ("type": "integer"))',
            f"{t}:{card}: tool.card[1].as: 'published' cannot be shown as range "
            "(as: range needs an object whose min and max are both required)",
            f"{t}:{listing}: tool.listing.filters[0].as: 'maker' cannot be shown as duration "
            '(as: duration needs a whole number of minutes ("type": "integer"))',
            f"{t}:{card - 1}: tool.feed: needs an order by a date field "
            "(add order: {field: published, reverse: true})",
        ]
    ), proc.stdout


def test_a_facet_of_a_type_whose_fields_name_no_vocabulary_says_how_to_give_it_one(tmp_path):
    root, _, proc = _tool_checked(
        tmp_path, {"levers": {"type": "array", "items": {"type": "string"}}}, "  facets: [levers]\n"
    )
    t = "methodology/schemas/types.yml"
    line = _line((root / t).read_text("utf-8").splitlines(), "facets: [levers]")
    assert proc.stdout.splitlines() == [
        f"{t}:{line}: tool.facets[0]: 'levers' is not a vocabulary that a field of tool names "
        "(no field of tool names a vocabulary: give a field of its schema `x-vocabulary: NAME`, "
        "or take 'levers' out of facets)"
    ], proc.stdout


def test_a_field_written_through_references_is_seen_as_what_they_lead_to(tmp_path):
    """A date and a list of texts reached through the schema's own definitions, each with its own
    `description` beside the reference (where the definition has one too): a date to order the
    feed by and show as a date, a list a section may show. Nothing is said."""
    schema = {
        **TOOL_SCHEMA,
        "$defs": {
            "day": {"$ref": "common.schema.json#/$defs/date", "description": "A day."},
            "lines": {"type": "array", "items": {"$ref": "common.schema.json#/$defs/text"}},
        },
    }
    schema["properties"] = {
        **TOOL_SCHEMA["properties"],
        "published": {"$ref": "#/$defs/day", "description": "When it came out."},
        "tips": {"$ref": "#/$defs/lines", "description": "What helps."},
    }
    root, _ = _tool_site(
        tmp_path,
        schema,
        "  order: {field: published, reverse: true}\n  feed: true\n"
        "  card: [{field: published, as: date}]\n  sections: {after: [tips]}\n",
    )
    proc = methodkit(root, "check")
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "ref, defs",
    [
        ("common.schema.json#/$defs/nowhere", {}),
        ("common.schema.json#/$defs/text/properties", {}),
        ("#/$defs/loop", {"loop": {"$ref": "#/$defs/loop"}}),
    ],
)
def test_a_reference_that_leads_nowhere_or_back_to_itself_is_said_at_its_line(tmp_path, ref, defs):
    """Schemas are code, but a mistake in one is said like any other, never a traceback."""
    root = assemble(tmp_path / "site")
    schemas = root / "methodology" / "schemas"
    with (schemas / "types.yml").open("a", encoding="utf-8") as f:
        f.write("\ntool:\n  folder: tools\n  url: tools/{id}/\n")
    schema = {**TOOL_SCHEMA, "$defs": defs}
    schema["properties"] = {**TOOL_SCHEMA["properties"], "maker": {"$ref": ref}}
    text = json.dumps(schema, indent=2)
    (schemas / "tool.schema.json").write_text(text, "utf-8")
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout
    line = next(i for i, l in enumerate(text.splitlines(), 1) if f'"$ref": "{ref}"' in l)
    assert proc.stdout.startswith(
        f"methodology/schemas/tool.schema.json:{line}: file: '$ref': '{ref}' leads to no "
        "definition, or to one that refers back to itself"
    ), proc.stdout
