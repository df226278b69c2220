"""`methodkit init`: a new organisation starts a methodology of its own, and it builds at once."""

from __future__ import annotations

import pytest
import yaml

from methodkit import __version__
from methodkit.mkdocs_adapter.build import build_site
from sitekit import methodkit, page


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    folder = tmp_path_factory.mktemp("init")
    proc = methodkit(
        folder,
        "init",
        "atelier",
        "--languages",
        "fr,nl",
        "--name",
        "Atelier Circulaire asbl",
        check=True,
    )
    assert "created" in proc.stdout
    return folder / "atelier"


@pytest.fixture(scope="module")
def started_site(started):
    assert build_site(started, strict=True, quiet=True) == 0
    return started / "site"


def test_init_writes_a_repository_that_checks_clean(started):
    for rel in (
        "mkdocs.yml",
        "README.md",
        "methodology/defaults.yml",
        "methodology/trajectory.yml",
        "methodology/schemas/module.schema.json",
        "methodology/vocabularies/levers.yml",
        "docs/index.md",
    ):
        assert (started / rel).is_file(), rel
    assert f"methodkit=={__version__}" in (started / "requirements.txt").read_text("utf-8")
    defaults = yaml.safe_load((started / "methodology/defaults.yml").read_text("utf-8"))
    assert defaults == {
        "license": "CC-BY-SA-4.0",
        "authors": ["Atelier Circulaire asbl"],
        "lang": "fr",
    }
    proc = methodkit(started, "check")
    assert proc.returncode == 0 and "no problems" in proc.stderr


@pytest.mark.parametrize("first", ["nl", "en"])
def test_a_site_started_in_any_language_checks_clean(tmp_path, first):
    """The starter module is an example to replace, not a stand-in the check stops on."""
    methodkit(tmp_path, "init", "s", "--languages", f"{first},fr", "--name", "Org", check=True)
    proc = methodkit(tmp_path / "s", "check")
    assert proc.returncode == 0 and "no problems" in proc.stderr, proc.stdout + proc.stderr


def test_the_new_site_builds_in_its_languages_with_its_own_name(started_site):
    home = page(started_site, "")
    assert home.html["lang"] == "fr"
    assert home.select_one(".mk-hero h1").get_text(strip=True) == "Atelier Circulaire asbl"
    assert "Atelier Circulaire asbl" in home.select_one(".md-copyright").get_text()
    module = page(started_site, "modules/premier-module/")
    assert module.select_one("h1").get_text(strip=True) == "Premier module"
    assert (
        module.select_one(".mk-credit__text")
        .get_text()
        .startswith("« Premier module », rédigé par Atelier Circulaire asbl")
    )
    dutch = page(started_site, "nl/modules/premier-module/").select_one(".mk-notice--fallback")
    assert "Frans" in dutch.get_text()
    assert page(started_site, "nl/").html["lang"] == "nl"
    assert not (started_site / "en").exists()


def test_init_never_writes_into_a_folder_that_holds_something(tmp_path):
    (tmp_path / "mine.txt").write_text("keep", "utf-8")
    proc = methodkit(tmp_path, "init", ".", "--languages", "fr", "--name", "X")
    assert proc.returncode == 1 and "not empty" in proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_init_copies_the_vocabularies_of_an_existing_methodology(basic_root, tmp_path):
    proc = methodkit(
        tmp_path,
        "init",
        "copy",
        "--languages",
        "fr,nl",
        "--name",
        "X",
        "--from",
        str(basic_root),
        check=True,
    )
    levers = yaml.safe_load(
        (tmp_path / "copy/methodology/vocabularies/levers.yml").read_text("utf-8")
    )["terms"]
    source = yaml.safe_load(
        (basic_root / "methodology/vocabularies/levers.yml").read_text("utf-8")
    )["terms"]
    assert [t["id"] for t in levers] == [t["id"] for t in source]
    assert levers[0]["fr"] == source[0]["fr"] and "en" not in levers[0]
    assert proc.returncode == 0 and methodkit(tmp_path / "copy", "check").returncode == 0


def test_the_new_sites_footer_and_plan_lead_somewhere(started_site):
    """Every link of the footer resolves, and the planner a module page offers exists."""
    from urllib.parse import urljoin

    home = page(started_site, "")
    for a in home.select("footer a[href]"):
        href = a["href"]
        if href.startswith(("http", "mailto:", "#")):
            continue
        target = urljoin("/", href).lstrip("/").split("#")[0]
        assert (started_site / target / "index.html").is_file() or (
            started_site / target
        ).is_file(), href
    plan = page(started_site, "plan/")
    assert plan.select_one("h1").get_text(strip=True).startswith("Planifier une séance")
    assert (started_site / "accessibility" / "index.html").is_file()
    assert (started_site / "plan" / "modules.json").is_file()
