"""The engine needs no MkDocs: only `methodkit.mkdocs_adapter` may import it or its theme.

A generator without plugins (or a successor of MkDocs) can then reuse
everything else. The test runs in a fresh interpreter in which `mkdocs`,
`material` and mkdocs-macros cannot be imported at all.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

from sitekit import REPO, assemble, replace_in

BLOCKED = ("mkdocs", "material", "mkdocs_macros")

GUARD = textwrap.dedent(
    f"""
    import importlib.abc, sys

    class Refuse(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {BLOCKED!r}:
                raise ImportError(f"the engine imported {{name}}")
            return None

    sys.meta_path.insert(0, Refuse())
    """
)


def engine_modules() -> list[str]:
    package = REPO / "methodkit"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        if "mkdocs_adapter" in parts:
            continue
        names.append(".".join(p for p in parts if p != "__init__"))
    return names


def run_guarded(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", GUARD + textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_engine_module_imports_without_mkdocs():
    modules = engine_modules()
    assert "methodkit.loading.loader" in modules and len(modules) > 20
    code = f"import importlib\nfor name in {modules!r}:\n    importlib.import_module(name)\n"
    proc = run_guarded(code, REPO)
    assert proc.returncode == 0, proc.stderr


def test_the_guard_really_refuses_mkdocs():
    proc = run_guarded("import mkdocs.utils\n", REPO)
    assert proc.returncode != 0 and "the engine imported mkdocs" in proc.stderr


def test_check_status_translate_and_new_run_without_mkdocs(tmp_path):
    """Each does its work, as it does with MkDocs installed: also where mkdocs.yml names a function
    of Material's (its emoji settings), which cannot be imported here."""
    root = assemble(tmp_path / "site")
    replace_in(
        root / "mkdocs.yml",
        "markdown_extensions:\n",
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
    )
    calls = [
        ["check"],
        ["status"],
        ["translate", "methodology/modules/alpha-module.md", "--to", "fr"],
        ["new", "module", "--title", "Zonder MkDocs"],
        ["plan", "--out", "plain"],
    ]
    for args in calls:
        code = f"import sys\nfrom methodkit.cli.main import main\nsys.exit(main({args!r}))\n"
        proc = run_guarded(code, root)
        assert "the engine imported" not in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
    assert (root / "methodology/modules/alpha-module.fr.md").is_file()
    assert (root / "methodology/modules/zonder-mkdocs.md").is_file()


def test_the_plan_written_as_plain_files_holds_every_page(tmp_path):
    """The second adapter: the engine's pages as Markdown with front matter, no MkDocs involved."""
    import json
    from io import BytesIO

    import yaml
    from PIL import Image

    root = assemble(tmp_path / "site")
    picture = BytesIO()
    Image.new("RGB", (4, 4)).save(picture, "PNG")
    (root / "methodology/modules/alpha").mkdir()
    (root / "methodology/modules/alpha/schets.png").write_bytes(picture.getvalue())
    replace_in(
        root / "methodology/modules/alpha-module.md",
        "    2. Tweede vraag?\n",
        "    2. Tweede vraag?\n\n"
        "    ![Een schets](alpha/schets.png) en [beta](beta-module.md#doel)\n",
    )
    code = (
        "import sys\nfrom methodkit.cli.main import main\n"
        "sys.exit(main(['plan', '--out', 'plain']))\n"
    )
    proc = run_guarded(code, root)
    assert proc.returncode == 0, proc.stderr
    files = [p for p in (root / "plain").rglob("*") if p.is_file()]
    assert f"wrote {len(files)} files" in proc.stdout
    manifest = json.loads((root / "plain" / "plan.json").read_text("utf-8"))
    assert list(manifest) == ["nl", "fr", "en"] and manifest["fr"]["prefix"] == "fr/"
    kinds = {p["kind"] for p in manifest["nl"]["pages"]}
    assert kinds == {"item", "handout", "facet"}
    for lang, entry in manifest.items():
        for listed in entry["pages"]:
            text = (root / "plain" / lang / listed["src"]).read_text("utf-8")
            meta = yaml.safe_load(text.split("---\n")[1])
            assert meta["template"] == listed["template"] and meta["title"]
    alpha = (root / "plain" / "nl" / "modules" / "alpha-module.md").read_text("utf-8")
    assert "Alfatekst in het Nederlands." in alpha

    def front(lang: str, src: str) -> dict:
        text = (root / "plain" / lang / src).read_text("utf-8")
        return yaml.safe_load(text.split("---\n")[1])

    # What each page shows from the catalogue travels with it, for a generator's templates: an
    # item's card and licence, the notice and language of an untranslated one, a participant
    # version's worksheets, a term's items; the interface's words beside them.
    item = front("fr", "modules/alpha-module.md")
    assert item["mk"]["item"]["card"] and item["mk"]["item"]["licence"]
    assert item["mk"]["notice"] == "fallback" and item["lang"] == "nl"
    assert item["mk"]["jsonld"]["@context"] == "https://schema.org"
    # A participant version's body is its worksheets, as HTML (it has no Markdown of its own).
    sheets = (
        (root / "plain/nl/modules/alpha-module/handout.md").read_text("utf-8").split("---\n")[2]
    )
    assert "Eerste vraag?" in sheets and "worksheet" in sheets and "\n\n" not in sheets.strip()
    # Its addresses as the built site has them, from the participant version's page (as MkDocs
    # makes them: modules/alpha-module/handout/).
    assert 'src="../../alpha/schets.png"' in sheets and 'href="../../beta-module/#doel"' in sheets
    facet = next(p for p in manifest["nl"]["pages"] if p["kind"] == "facet")
    assert front("nl", facet["src"])["mk"]["facet"]["groups"]
    # A term's page lists its items in its body too, linked to their pages' files.
    body = (root / "plain/nl" / facet["src"]).read_text("utf-8").split("---\n")[2]
    links = re.findall(r"\]\(([^)]+\.md)\)", body)
    folder = (root / "plain/nl" / facet["src"]).parent
    assert links and all((folder / link).is_file() for link in links), links
    words = json.loads((root / "plain" / "en" / "interface.json").read_text("utf-8"))
    assert words["handout.label"]
    # Images are listed and copied beside their item's page; every language has its sitemap.
    for lang, entry in manifest.items():
        assert entry["media"] == ["modules/alpha/schets.png"]
        assert (root / "plain" / lang / "modules/alpha/schets.png").is_file()
        sitemap = (root / "plain" / lang / "sitemap.xml").read_text("utf-8")
        assert "modules/alpha-module/" in sitemap
    # The outputs a build writes from the catalogue come from the engine too, not from MkDocs.
    for lang in manifest:
        feed = (root / "plain" / lang / "feed.xml").read_text("utf-8")
        assert "<feed" in feed and "</entry>" in feed
        planner = json.loads((root / "plain" / lang / "plan" / "modules.json").read_text("utf-8"))
        assert planner
    catalog = json.loads((root / "plain" / "nl" / "catalog.json").read_text("utf-8"))
    assert any("alpha-module" in json.dumps(entry) for entry in catalog["items"])
    assert (root / "plain" / "nl" / "downloads" / "methodology-sources.zip").is_file()
    assert not (root / "plain" / "fr" / "catalog.json").exists()  # once per site
    again = run_guarded(code, root)
    assert again.returncode == 1 and "not empty" in again.stderr  # nothing is overwritten


def test_the_plain_files_hold_the_site_pages_as_each_language_shows_them(tmp_path):
    """A generator without plugins knows neither `x.en.md` translations nor macros: each language's
    folder gets every page of docs/ once, with the engine's macro calls replaced by the HTML the
    MkDocs site shows there; a call it cannot make is left as written and listed."""
    import json
    from io import BytesIO

    import yaml
    from bs4 import BeautifulSoup
    from PIL import Image

    from methodkit.mkdocs_adapter.build import build_site
    from sitekit import methodkit

    root = assemble(tmp_path / "site")
    replace_in(
        root / "mkdocs.yml",
        "        - accessibility.md\n",
        "        - accessibility.md\n        - lijst.md\n",
    )
    with (root / "macros.py").open("a", encoding="utf-8") as f:
        f.write('\n    @env.macro\n    def hallo():\n        return "Hallo"\n')
    replace_in(
        root / "macros.py", '    """This site adds no macros of its own to the engine\'s."""\n', ""
    )
    (root / "docs" / "lijst.md").write_text(
        '---\ntitle: Lijst\n---\n# Lijst\n\nDe modules.\n\n{{ item_list("module") }}\n\n'
        "In code: `{{ glossary() }}`\n\n{{ hallo() }}\n",
        "utf-8",
    )
    picture = BytesIO()
    Image.new("RGB", (4, 4)).save(picture, "PNG")
    (root / "docs" / "beeld.png").write_bytes(picture.getvalue())
    methodkit(root, "translate", "docs/lijst.md", "--to", "en", check=True)
    replace_in(root / "docs" / "lijst.en.md", "draft: true\n", "")
    replace_in(root / "docs" / "lijst.en.md", "De modules.", "THE-MODULES-EN")
    code = (
        "import sys\nfrom methodkit.cli.main import main\n"
        "sys.exit(main(['plan', '--out', 'plain']))\n"
    )
    proc = run_guarded(code, root)
    assert proc.returncode == 0, proc.stderr
    assert build_site(root, strict=True, quiet=True) == 0

    def plain(lang: str) -> tuple[dict, str]:
        _, front, body = (root / "plain" / lang / "lijst.md").read_text("utf-8").split("---\n", 2)
        return yaml.safe_load(front), body

    def tiles(html: str) -> list[str]:
        soup = BeautifulSoup(html, "html.parser")
        return [(a["href"], a.get_text()) for a in soup.select(".mk-tile__title")]

    manifest = json.loads((root / "plain" / "plan.json").read_text("utf-8"))
    for lang, prefix in (("nl", ""), ("fr", "fr/"), ("en", "en/")):
        meta, body = plain(lang)
        built = (root / "site" / prefix / "lijst" / "index.html").read_text("utf-8")
        assert tiles(body) and tiles(body) == tiles(built), lang  # in that language, same links
        assert "{{ glossary() }}" in body and "{{ hallo() }}" in body
        [entry] = [p for p in manifest[lang]["site_pages"] if p["src"] == "lijst.md"]
        assert entry["calls_left"] == ["{{ hallo() }}"]  # the one in code is text
        assert meta["methodkit"]["kind"] == "site" and meta["title"] == "Lijst"
        assert (root / "plain" / lang / "beeld.png").is_file()  # docs/' images beside the pages
    # French has no translation: the source, said so; English has its own.
    assert plain("fr")[0]["lang"] == "nl" and plain("fr")[0]["methodkit"]["notice"] == "fallback"
    assert plain("en")[0]["lang"] == "en" and "THE-MODULES-EN" in plain("en")[1]
    assert not (root / "plain" / "en" / "lijst.en.md").exists()
    assert manifest["nl"]["site_pages"][0]["src"]  # every page of docs/, the home page too
    home = yaml.safe_load((root / "plain" / "nl" / "index.md").read_text("utf-8").split("---\n")[1])
    assert home["mk"]["home"] is not None and home["mk"]["jsonld"]["@type"] == "WebSite"


def test_site_pages_enter_the_model_once_with_their_translations(tmp_path):
    """A page of docs/ is in the content model with its language, its version and what each
    translation records; the status report reads its states from there."""
    from methodkit.catalogue.status import report
    from methodkit.loading.loader import load

    root = assemble(tmp_path / "site", docs=False)
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "index.md").write_text("# Welkom\n", "utf-8")
    (docs / "sub" / "about.md").write_text("---\ntitle: Over\n---\nTekst.\n", "utf-8")
    (docs / "sub" / "about.de.md").write_text("---\ntitle: Über\n---\nText.\n", "utf-8")
    content, _ = load(root)
    about = content.site_pages["sub/about.md"]
    assert (about.path, about.lang, about.url) == ("docs/sub/about.md", "nl", "sub/about/")
    assert content.site_pages["index.md"].url == ""
    assert "docs/sub/about.de.md" in content.ignored  # not a language of the site
    (docs / "sub" / "about.fr.md").write_text(
        f"---\ntitle: À propos\nsource_hash: {about.hash}\n---\nTexte.\n", "utf-8"
    )
    (docs / "sub" / "about.en.md").write_text(
        "---\ntitle: About\nsource_hash: 000000000000\n---\nText.\n", "utf-8"
    )
    content, _ = load(root)
    states = {(e.source, e.lang): (e.state, e.translation, e.url) for e in report(content)}
    assert states[("docs/sub/about.md", "fr")] == (
        "translated",
        "docs/sub/about.fr.md",
        "sub/about/",
    )
    assert states[("docs/sub/about.md", "en")][0] == "outdated"
    assert states[("docs/index.md", "fr")] == ("missing", None, "")


def test_the_sitemap_does_not_depend_on_what_was_written_before_it(tmp_path):
    """ElementTree's namespace prefixes are one table per process; the Atom feed claims the
    default one for its own. A sitemap written after a feed still has its own default namespace."""
    from methodkit.model.languages import Languages
    from methodkit.publishing import atom
    from methodkit.publishing.sitemap import write_sitemap

    atom.render(atom.Feed(id="f", lang="nl", title="t", self_url="f", entries=[]))
    write_sitemap(tmp_path, "https://example.org/", Languages(("nl", "fr")), ["", "a/"])
    text = (tmp_path / "sitemap.xml").read_text("utf-8")
    assert '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' in text
    assert "ns0" not in text and text.count("<url>") == 4


def test_the_sitemap_escapes_what_an_address_may_not_hold(tmp_path):
    from methodkit.model.languages import Languages
    from methodkit.publishing.sitemap import write_sitemap

    write_sitemap(tmp_path, "https://example.org/", Languages(("nl", "fr")), ['café & "x"/'])
    text = (tmp_path / "fr" / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://example.org/fr/caf%C3%A9%20%26%20%22x%22/</loc>" in text


def test_a_module_outside_the_trajectory_has_neighbours_of_its_phase(tmp_path):
    """Previous and next follow the list of modules by phase: a module the trajectory does not
    name comes after the trajectory's modules of its phase (one of a phase the trajectory has none
    of comes at the end, as test_site shows: no two steps of the trajectory are parted)."""
    from methodkit.catalogue.catalogue import Catalogue
    from methodkit.loading.loader import load

    root = assemble(tmp_path / "site", docs=False)
    alpha = root / "methodology/modules/alpha-module.md"
    text = alpha.read_text("utf-8").replace("id: alpha-module", "id: delta-module")
    (root / "methodology/modules/delta-module.md").write_text(
        text.replace("title: Alfa-module", "title: Delta-module").replace(
            "related: [beta-module]\n", ""
        ),
        "utf-8",
    )
    content, problems = load(root)
    assert problems == []
    cat = Catalogue(content, "nl")
    prev, after = cat.neighbours(content.items["module"]["delta-module"])
    assert (prev.id, after.id) == ("alpha-module", "beta-module")
    assert cat.neighbours(content.items["module"]["alpha-module"])[1].id == "delta-module"
