"""Open for reuse: licences, attribution, citation, machine-readable exports, rebranding."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import jsonschema
import pytest
import yaml

from methodkit.mkdocs_adapter.build import build_site
from sitekit import BIN, REPO, page, resolve


def test_repository_is_reuse_compliant():
    proc = subprocess.run([str(BIN / "reuse"), "lint"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_citation_file_is_valid_cff():
    schema = json.loads((REPO / "tests/data/cff-1.2.0.schema.json").read_text("utf-8"))
    data = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(data)
    assert data["license"] == "CC-BY-SA-4.0"


def test_cite_page_is_made_from_the_citation_file(basic_site):
    data = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    for prefix in ("", "fr/", "en/"):
        soup = page(basic_site, prefix + "cite/")
        assert data["title"] in soup.select_one("#citation-text").get_text()
        assert soup.select_one("code.language-bibtex").get_text().startswith("@misc{")


def test_licence_and_credit_on_every_item_page(basic_site):
    for path in ("modules/alpha-module/", "fr/practices/voorbeeldpraktijk/", "en/sessions/2019-02-sessie/", "method/kader/"):
        soup = page(basic_site, path)
        box = soup.select_one(".mk-licence")
        assert box.select_one('a[rel="license"]')["href"] == "https://creativecommons.org/licenses/by-sa/4.0/"
        credit = box.select_one(".mk-credit__text").get_text()
        assert "CC BY-SA 4.0" in credit
        assert "https://example.org/samenzweerders/" + path in credit
    # Who wrote it (this site's contributors, as no item names authors), after whose public texts
    # (methodology/defaults.yml), and for a practice whose work it describes.
    nl = page(basic_site, "modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert nl.startswith("„Alfa-module”, geschreven door de bijdragers van De Nieuwe Samenzweerders, "
                         "naar publieke teksten van Reset.Vlaanderen en HOWEST, uit De Nieuwe Samenzweerders")
    fr = page(basic_site, "fr/modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert fr.startswith("« Module alpha », rédigé par les contributeurs de De Nieuwe Samenzweerders, "
                         "d'après des textes publics de Reset.Vlaanderen et HOWEST")
    practice = page(basic_site, "en/practices/voorbeeldpraktijk/").select_one(".mk-licence")
    assert ", about the work of " in practice.select_one(".mk-credit__text").get_text()
    assert practice.select_one(".mk-about").get_text(" ", strip=True).startswith("About the work of:")
    module = page(basic_site, "en/modules/alpha-module/").select_one(".mk-licence")
    assert "(Reset.Vlaanderen and HOWEST)" in module.select_one(".mk-based-on").get_text()


def test_adaptation_chain_is_shown(basic_site):
    box = page(basic_site, "modules/beta-module/").select_one(".mk-adapted")
    assert "Een open werkvorm" in box.get_text() and "Voorbeeldauteur" in box.get_text() and "CC BY 4.0" in box.get_text()
    assert box.a["href"] == "https://example.org/werkvorm"


@pytest.mark.browser
def test_copy_the_credit_line(basic_browser):
    pg = basic_browser.page(None)
    pg.context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg.goto(basic_browser.base + "en/modules/gamma-module/")
    pg.click(".mk-copy")
    pg.wait_for_function("document.querySelector('.mk-copy').textContent.trim() === 'Copied'")
    copied = pg.evaluate("navigator.clipboard.readText()")
    assert copied == pg.text_content(".mk-credit__text").strip()
    assert copied.startswith("“Gamma-module < 2 uur & klein”, written by the contributors of De Nieuwe Samenzweerders")


def test_json_ld_and_open_graph(basic_site):
    soup = page(basic_site, "fr/modules/alpha-module/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "LearningResource" and data["inLanguage"] == "fr"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["author"] == []  # nobody is named an author who did not write it
    assert data["creditText"].startswith("« Module alpha », rédigé par les contributeurs de De Nieuwe Samenzweerders")
    assert data["translationOfWork"]["@id"] == "https://example.org/samenzweerders/modules/alpha-module/"
    assert data["timeRequired"] == "PT4H"
    fallback = json.loads(page(basic_site, "fr/modules/gamma-module/").select_one('script[type="application/ld+json"]').string)
    assert fallback["inLanguage"] == "nl" and "translationOfWork" not in fallback
    beta = json.loads(page(basic_site, "modules/beta-module/").select_one('script[type="application/ld+json"]').string)
    assert beta["isBasedOn"] == "https://example.org/werkvorm"
    og = {m["property"]: m["content"] for m in soup.select('meta[property^="og:"]')}
    assert og["og:title"] == "Module alpha" and og["og:locale"] == "fr_BE"
    assert og["og:url"] == "https://example.org/samenzweerders/fr/modules/alpha-module/"


def test_catalog_json_follows_its_schema_and_lists_everything(basic_site):
    catalog = json.loads((basic_site / "catalog.json").read_text("utf-8"))
    schema = json.loads((basic_site / "catalog.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(catalog)
    ids = sorted((i["type"], i["id"]) for i in catalog["items"])
    assert ids == sorted([("module", "alpha-module"), ("module", "beta-module"), ("module", "gamma-module"),
                          ("session", "2019-02-sessie"), ("session", "2019-06-sessie"),
                          ("practice", "voorbeeldpraktijk"), ("chapter", "kader")])
    alpha = next(i for i in catalog["items"] if i["id"] == "alpha-module")
    assert alpha["metadata"]["phase"] == "intake" and alpha["license"]["id"] == "CC-BY-SA-4.0"
    assert {l: v["status"] for l, v in alpha["languages"].items()} == {"nl": "source", "fr": "translated", "en": "missing"}
    beta = next(i for i in catalog["items"] if i["id"] == "beta-module")
    assert beta["languages"]["fr"]["status"] == "outdated"
    for item in catalog["items"]:
        for lang, entry in item["languages"].items():
            path = entry["url"].removeprefix(catalog["url"])
            assert (basic_site / path / "index.html").exists(), entry["url"]
    assert set(catalog["vocabularies"]) >= {"levers", "barriers", "phases", "formats", "audiences"}


def test_sources_zip(basic_site):
    archive = basic_site / "downloads/methodology-sources.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert "ATTRIBUTION.md" in names and "LICENSES/CC-BY-SA-4.0.txt" in names
        assert "methodology/modules/alpha-module.md" in names and "methodology/modules/alpha-module.fr.md" in names
        assert "methodology/vocabularies/levers.yml" in names and "methodology/schemas/module.schema.json" in names
        assert "Reset.Vlaanderen" in zf.read("ATTRIBUTION.md").decode("utf-8")
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
    for prefix in ("", "fr/"):
        link = page(basic_site, prefix + "reuse/").select_one('a[href$="methodology-sources.zip"]')
        assert resolve(basic_site, prefix + "reuse/", link["href"]) == archive


BRAND = """  publisher:
    name: Groene Kring vzw
    site_name: Circulair van binnenuit
    logo: assets/brand/kring.svg
    emblem: assets/brand/kring.svg
    colours:
      primary: "#3a2a6e"
      accent: "#8a3b00"
    contact: "info@groenekring.example"
    licence_holder: Groene Kring vzw
"""


@pytest.fixture(scope="module")
def rebranded(basic_root, tmp_path_factory):
    """The basic fixture as a second organisation publishes it: only extra.publisher and a logo changed."""
    root = shutil.copytree(basic_root, tmp_path_factory.mktemp("brand") / "root", ignore=shutil.ignore_patterns("site"))
    config = (root / "mkdocs.yml").read_text("utf-8")
    start = config.index("  publisher:\n")
    end = config.index("\nextra_css:")
    (root / "mkdocs.yml").write_text(config[:start] + BRAND + config[end:], "utf-8")
    (root / "overrides/assets/brand").mkdir(parents=True)
    (root / "overrides/assets/brand/kring.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3"/></svg>', "utf-8")
    assert build_site(root, strict=True, quiet=True) == 0
    return root / "site"


def test_a_second_organisation_rebrands_from_one_section(rebranded):
    for path in ("", "fr/modules/alpha-module/", "en/practices/voorbeeldpraktijk/"):
        soup = page(rebranded, path)
        assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Circulair van binnenuit"
        assert soup.title.get_text().endswith("Circulair van binnenuit")
        assert soup.select_one(".md-header__button.md-logo img")["src"].endswith("assets/brand/kring.svg")
        assert "Groene Kring vzw" in soup.select_one(".md-copyright").get_text()
        chrome = " ".join(e.get_text() for e in soup.select(".md-header, .md-footer, .md-copyright"))
        assert "Reset.Vlaanderen" not in chrome and "De Nieuwe Samenzweerders" not in chrome
        html = str(soup)
        assert "logo.svg" not in html and "logo-colour.svg" not in html
        assert "--mk-brand: #3a2a6e" in html
    # The credit to the texts the method was written after stays.
    credit = page(rebranded, "modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert "Reset.Vlaanderen en HOWEST" in credit
    assert page(rebranded, "").select_one(".mk-hero__logo")["src"].endswith("assets/brand/kring.svg")
