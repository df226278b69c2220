"""Open for reuse: licences, attribution, citation, machine-readable exports, rebranding."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import jsonschema
import pytest
import yaml

from methodkit.loading import config
from sitekit import BIN, REPO, methodkit, page, resolve


def test_repository_is_reuse_compliant():
    proc = subprocess.run([str(BIN / "reuse"), "lint"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_citation_file_is_valid_cff():
    schema = json.loads((REPO / "tests/data/cff-1.2.0.schema.json").read_text("utf-8"))
    data = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    ).validate(data)
    assert data["license"] == "CC-BY-SA-4.0"


def test_cite_page_and_citation_file_are_made_from_the_publisher(basic_site, basic_root):
    publisher = config.publisher(basic_root)[0]
    holders = publisher["licence_holder"]
    for prefix, lang in (("", "nl"), ("fr/", "fr"), ("en/", "en")):
        soup = page(basic_site, prefix + "cite/")
        text = soup.select_one("#citation-text").get_text()
        assert text.startswith(holders[lang]) and publisher["site_name"] in text
        assert "https://example.org/samenzweerders/" in text
        assert re.search(r"\(20\d\d\)", text), text  # the year of the content
        assert (
            soup.select_one("code.language-bibtex")
            .get_text()
            .startswith("@misc{de-nieuwe-samenzweerders-20")
        )
    cff = yaml.safe_load(methodkit(basic_root, "citation", check=True).stdout)
    schema = json.loads((REPO / "tests/data/cff-1.2.0.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    ).validate(cff)
    assert cff["title"] == publisher["site_name"] and [a["name"] for a in cff["authors"]] == [
        holders["nl"]
    ]


def test_licence_and_credit_on_every_item_page(basic_site):
    for path in (
        "modules/alpha-module/",
        "fr/practices/voorbeeldpraktijk/",
        "en/sessions/2019-02-sessie/",
        "method/kader/",
    ):
        soup = page(basic_site, path)
        box = soup.select_one(".mk-licence")
        assert (
            box.select_one('a[rel="license"]')["href"]
            == "https://creativecommons.org/licenses/by-sa/4.0/"
        )
        credit = box.select_one(".mk-credit__text").get_text()
        assert "CC BY-SA 4.0" in credit
        assert "https://example.org/samenzweerders/" + path in credit
    # Who wrote it (this site's contributors, as no item names authors), after whose public texts
    # (methodology/defaults.yml), and for a practice whose work it describes.
    nl = page(basic_site, "modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert nl.startswith(
        "„Alfa-module”, geschreven door de bijdragers van De Nieuwe Samenzweerders, "
        "naar publieke teksten van Reset.Vlaanderen en HOWEST, uit De Nieuwe Samenzweerders"
    )
    fr = page(basic_site, "fr/modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert fr.startswith(
        "« Module alpha », rédigé par les contributeurs de De Nieuwe Samenzweerders, "
        "d'après des textes publics de Reset.Vlaanderen et HOWEST"
    )
    practice = page(basic_site, "en/practices/voorbeeldpraktijk/").select_one(".mk-licence")
    assert ", about the work of " in practice.select_one(".mk-credit__text").get_text()
    assert (
        practice.select_one(".mk-about").get_text(" ", strip=True).startswith("About the work of:")
    )
    module = page(basic_site, "en/modules/alpha-module/").select_one(".mk-licence")
    assert "(Reset.Vlaanderen and HOWEST)" in module.select_one(".mk-based-on").get_text()


def test_adaptation_chain_is_shown(basic_site):
    box = page(basic_site, "modules/beta-module/").select_one(".mk-adapted")
    assert (
        "Een open werkvorm" in box.get_text()
        and "Voorbeeldauteur" in box.get_text()
        and "CC BY 4.0" in box.get_text()
    )
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
    assert copied.startswith(
        "“Gamma-module < 2 uur & klein”, written by the contributors of De Nieuwe Samenzweerders"
    )


def test_json_ld_and_open_graph(basic_site):
    soup = page(basic_site, "fr/modules/alpha-module/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "LearningResource" and data["inLanguage"] == "fr"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["author"] == []  # nobody is named an author who did not write it
    assert data["creditText"].startswith(
        "« Module alpha », rédigé par les contributeurs de De Nieuwe Samenzweerders"
    )
    assert (
        data["translationOfWork"]["@id"]
        == "https://example.org/samenzweerders/modules/alpha-module/"
    )
    assert data["timeRequired"] == "PT4H"
    fallback = json.loads(
        page(basic_site, "fr/modules/gamma-module/")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert fallback["inLanguage"] == "nl" and "translationOfWork" not in fallback
    beta = json.loads(
        page(basic_site, "modules/beta-module/")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert beta["isBasedOn"] == "https://example.org/werkvorm"
    og = {m["property"]: m["content"] for m in soup.select('meta[property^="og:"]')}
    assert og["og:title"] == "Module alpha" and og["og:locale"] == "fr_BE"
    assert og["og:url"] == "https://example.org/samenzweerders/fr/modules/alpha-module/"


def test_catalog_json_follows_its_schema_and_lists_everything(basic_site):
    catalog = json.loads((basic_site / "catalog.json").read_text("utf-8"))
    schema = json.loads((basic_site / "catalog.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(catalog)
    ids = sorted((i["type"], i["id"]) for i in catalog["items"])
    assert ids == sorted(
        [
            ("module", "alpha-module"),
            ("module", "beta-module"),
            ("module", "gamma-module"),
            ("session", "2019-02-sessie"),
            ("session", "2019-06-sessie"),
            ("practice", "voorbeeldpraktijk"),
            ("chapter", "kader"),
        ]
    )
    alpha = next(i for i in catalog["items"] if i["id"] == "alpha-module")
    assert alpha["metadata"]["phase"] == "intake" and alpha["license"]["id"] == "CC-BY-SA-4.0"
    assert {l: v["status"] for l, v in alpha["languages"].items()} == {
        "nl": "source",
        "fr": "translated",
        "en": "missing",
    }
    beta = next(i for i in catalog["items"] if i["id"] == "beta-module")
    assert beta["languages"]["fr"]["status"] == "outdated"
    for item in catalog["items"]:
        for _lang, entry in item["languages"].items():
            path = entry["url"].removeprefix(catalog["url"])
            assert (basic_site / path / "index.html").exists(), entry["url"]
    assert set(catalog["vocabularies"]) >= {"levers", "barriers", "phases", "formats", "audiences"}


def test_sources_zip(basic_site):
    archive = basic_site / "downloads/methodology-sources.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert "ATTRIBUTION.md" in names and "LICENSES/CC-BY-SA-4.0.txt" in names
        assert (
            "methodology/modules/alpha-module.md" in names
            and "methodology/modules/alpha-module.fr.md" in names
        )
        assert (
            "methodology/vocabularies/levers.yml" in names
            and "methodology/schemas/module.schema.json" in names
        )
        assert "Reset.Vlaanderen" in zf.read("ATTRIBUTION.md").decode("utf-8")
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
    for prefix in ("", "fr/"):
        link = page(basic_site, prefix + "reuse/").select_one('a[href$="methodology-sources.zip"]')
        assert resolve(basic_site, prefix + "reuse/", link["href"]) == archive
