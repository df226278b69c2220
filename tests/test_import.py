"""`methodkit import`: Markdown from another site becomes draft items, and what cannot come along
is reported."""

from __future__ import annotations

import shutil

import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import FIXTURES, assemble, methodkit, page, resolve

SOURCE = FIXTURES / "import" / "gids"
MODULES = "methodology/modules"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("import"))
    shutil.copytree(SOURCE, root / "gids")
    proc = methodkit(root, "import", "gids", "--type", "module")
    return root, proc


def test_what_cannot_come_along_is_reported_with_its_source_line(imported):
    _, proc = imported
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "gids/eerste-gesprek.md:4: tags: is not imported "
        "(no field of a module holds it; fill in the fields of the new draft by hand)",
        "gids/eerste-gesprek.md:5: layout: is not imported "
        "(no field of a module holds it; fill in the fields of the new draft by hand)",
        "gids/eerste-gesprek.md:6: permalink: is not imported "
        "(no field of a module holds it; fill in the fields of the new draft by hand)",
        "gids/eerste-gesprek.md:11: body: link '../elders/pagina.md' "
        "leads to a file that was not imported "
        "(link to an item as ../modules/<id>.md, or to a full https:// address)",
        "gids/eerste-gesprek.md:27: body: <iframe> is not imported "
        "(the site runs and embeds nothing; link to it with a full https:// address instead)",
        "gids/eerste-gesprek.md:33: body: image 'https://cdn.example.org/logo.png' "
        "is on another site "
        "(it became a link; to show it, put the file beside the item)",
        "gids/opvolging.md:11: body: <script> is not imported "
        "(the site runs and embeds nothing; link to it with a full https:// address instead)",
    ]
    assert "imported 2 file(s) as drafts" in proc.stderr


def test_each_file_becomes_a_draft_with_its_title_and_summary(imported):
    root, _ = imported
    first = (root / MODULES / "het-eerste-gesprek.md").read_text("utf-8")
    assert (
        "\ntitle: Het eerste gesprek\n" in first
        and "\nsummary: Hoe je een eerste gesprek met een kandidaat voert.\n" in first
    )
    assert (
        "\ndraft: true\n" in first and "\n# Wat de coach" in first
    )  # every field explained, as `methodkit new` does
    body = first.split("\n---\n", 1)[1]
    assert not body.startswith("# ")  # the title is the page's, not a heading in the text
    assert (
        "- [ ]" not in body
        and "<aside" not in body
        and "<table" not in body
        and "<iframe" not in body
    )
    assert (root / MODULES / "lokaal.png").read_bytes() == (SOURCE / "img/lokaal.png").read_bytes()


def test_the_drafts_pass_the_check_but_for_what_was_reported(imported):
    root, _ = imported
    proc = methodkit(root, "check")
    assert proc.stdout.splitlines() == [
        f"{MODULES}/het-eerste-gesprek.md:"
        f"{_line(root, 'het-eerste-gesprek', '../elders/pagina.md')}: body: "
        "link '../elders/pagina.md' leads to no page "
        "(name the page's file, from this page's file: ../modules/<id>.md or ../phases/<id>.md "
        "from a module, modules/<id>.md from a page of docs/)"
    ]


def test_the_served_pages_keep_the_structure(imported, tmp_path):
    root, _ = imported
    fixed = shutil.copytree(root, tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    path = fixed / MODULES / "het-eerste-gesprek.md"
    path.write_text(
        path.read_text("utf-8").replace("[de oude site](../elders/pagina.md)", "de oude site"),
        "utf-8",
    )
    assert methodkit(fixed, "check").returncode == 0
    site = tmp_path / "site"
    assert (
        build_site(fixed, site_dir=str(site), serve=True, quiet=True) == 0
    )  # drafts are shown while serving
    body = page(site, "modules/het-eerste-gesprek/").select_one(".mk-body")
    assert (
        "Luister meer dan je praat." in body.select_one("blockquote strong").get_text()
    )  # the pull quote
    assert [li.get_text(strip=True) for li in body.select("ul li")][:2] == [
        "Agenda gedeeld",
        "Lokaal geboekt",
    ]
    assert [th.get_text() for th in body.select("table th")] == ["Stap", "Tijd"]
    assert body.select_one("strong").get_text() and body.select_one("em").get_text() == "nadruk"
    link = body.find("a", string="de opvolging")
    assert resolve(site, "modules/het-eerste-gesprek/", link["href"]).parent.name == "opvolging"
    assert link["href"].endswith("#plan")
    image = body.select_one('img[alt="Het lokaal"]')
    assert (
        resolve(site, "modules/het-eerste-gesprek/", image["src"]).read_bytes()
        == (SOURCE / "img/lokaal.png").read_bytes()
    )
    assert body.find("a", href="https://example.org/gids/")  # the autolink
    second = page(site, "modules/opvolging/").select_one(".mk-body")
    assert second.select_one("blockquote em").get_text() == "begin"
    assert [li.get_text(strip=True) for li in second.select("ul li")] == [
        "Verslag sturen",
        "Afspraak maken",
    ]
    assert not second.find("script")


def test_importing_again_overwrites_nothing(imported):
    root, _ = imported
    before = {p: p.read_bytes() for p in (root / MODULES).iterdir()}
    proc = methodkit(root, "import", "gids", "--type", "module")
    assert proc.returncode == 1
    assert (
        "gids/opvolging.md:1: file: is not imported: "
        "methodology/modules/opvolging.md already exists" in proc.stdout
    )
    assert {p: p.read_bytes() for p in (root / MODULES).iterdir()} == before


def _line(root, item: str, text: str) -> int:
    lines = (root / MODULES / f"{item}.md").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)
