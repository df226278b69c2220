"""A second organisation adopts the method: its own name, colours, logo, languages and honest
attribution.

The fixture plays a Walloon organisation: a copy of a fixture repository with
French first, English dropped, its own publisher block and logo, and a module it
wrote in French. Everything is asserted on what a reader gets: colours computed
by Chromium, PDF pages rendered to pixels, text extracted from PDFs.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
import yaml
from PIL import Image

from methodkit.mkdocs_adapter.build import build_site
from sitekit import BIN, REPO, assemble, methodkit, page, replace_in

PRIMARY, ACCENT = "#6a1b4d", "#0b6e99"
ORIGINAL = ("De Nieuwe Samenzweerders", "Reset.Vlaanderen", "HOWEST")
ORIGINAL_URL = "https://samenzweerders.example.net/"

PUBLISHER = f"""  publisher:
    name: Atelier Circulaire asbl
    site_name: Conspirateurs circulaires
    description:
      fr: Une méthode de coaching pour changer son entreprise de l'intérieur.
      nl: Een coachingmethode om je bedrijf van binnenuit te veranderen.
    logo: assets/atelier/logo.svg
    emblem: assets/atelier/logo.svg
    colours:
      primary: "{PRIMARY}"
      accent: "{ACCENT}"
    contact: "https://atelier-circulaire.example.be/contact"
    licence_holder: Atelier Circulaire asbl
    based_on:
      title: De Nieuwe Samenzweerders
      authors: [Reset.Vlaanderen, HOWEST]
      url: {ORIGINAL_URL}
      license: CC-BY-SA-4.0
      version: "2019"
"""

FRENCH_MODULE = """---
id: atelier-reparation
lang: fr
authors: [Atelier Circulaire asbl]
title: Atelier de réparation
summary: Les participants réparent ensemble un objet du bureau.
phase: develop
format: collective-session
duration: 120
group_size: {min: 4, max: 12}
audience: [intrapreneurs]
levers: [small-experiments]
barriers: []
objectives: [Réparer un objet ensemble.]
materials: [Un objet cassé, des outils.]
preparation: [Demander à chacun d’apporter un objet.]
---
## Déroulement

TEXTE-SOURCE-FRANÇAIS : on répare ensemble.
"""


@pytest.fixture(scope="module")
def fork_root(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("fork") / "root")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    start, end = text.index("  publisher:\n"), text.index("\nextra_css:")
    config.write_text(text[:start] + PUBLISHER + text[end:], "utf-8")
    replace_in(config, "languages: [nl, fr, en]", "languages: [fr, nl]")
    (root / "overrides/assets/atelier").mkdir(parents=True)
    (root / "overrides/assets/atelier/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
        f'<rect width="8" height="8" fill="{PRIMARY}"/></svg>',
        "utf-8",
    )
    (root / "methodology/modules/atelier-reparation.md").write_text(FRENCH_MODULE, "utf-8")
    return root


@pytest.fixture(scope="module")
def fork_site(fork_root):
    assert build_site(fork_root, strict=True, pdf=True, quiet=True) == 0
    return fork_root / "site"


def rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_french_is_at_the_root_and_x_default(fork_site):
    assert page(fork_site, "").html["lang"] == "fr"
    assert page(fork_site, "nl/modules/alpha-module/").html["lang"] == "nl"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for sitemap in ("sitemap.xml", "nl/sitemap.xml"):
        for url in ElementTree.parse(fork_site / sitemap).getroot().findall("s:url", ns):
            hreflangs = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", ns)}
            assert hreflangs["x-default"] == hreflangs["fr"], url.find("s:loc", ns).text
            assert "/nl/" not in hreflangs["fr"] and "/nl/" in hreflangs["nl"]
    assert not (fork_site / "en").exists()


def test_the_french_module_falls_back_to_its_french_source_on_the_dutch_site(fork_site):
    fr = page(fork_site, "modules/atelier-reparation/")
    assert "TEXTE-SOURCE-FRANÇAIS" in fr.get_text() and fr.select_one(".mk-notice") is None
    nl = page(fork_site, "nl/modules/atelier-reparation/")
    notice = nl.select_one(".mk-notice--fallback")
    assert notice is not None and "Frans" in notice.get_text() and notice["lang"] == "nl"
    assert nl.select_one("article.mk-item")["lang"] == "fr"
    assert "TEXTE-SOURCE-FRANÇAIS" in nl.select_one("article.mk-item").get_text()
    # The Dutch originals are the source on the Dutch site, and fall back with a notice naming Dutch
    # on the French one.
    assert page(fork_site, "nl/modules/gamma-module/").select_one(".mk-notice") is None
    gamma = page(fork_site, "modules/gamma-module/").select_one(".mk-notice--fallback")
    assert "néerlandais" in gamma.get_text()


def test_a_dropped_language_is_noted_once_not_reported_as_problems(fork_root):
    (fork_root / "methodology/modules/alpha-module.en.md").write_text(
        "---\nsource_hash: 000000000000\ntitle: A\n---\nA\n", "utf-8"
    )
    try:
        proc = methodkit(fork_root, "check")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert proc.stderr.count("which the site does not list") == 1
    finally:
        (fork_root / "methodology/modules/alpha-module.en.md").unlink()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_brand_colours_are_what_the_reader_sees(fork_site, playwright, scheme):
    from browser import browse

    with browse(fork_site, playwright) as b:
        pg = b.page(None, color_scheme=scheme)
        pg.goto(b.base + "modules/atelier-reparation/")
        header = pg.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        kind = pg.eval_on_selector(".mk-kind", "e => getComputedStyle(e).color")
        scheme_attr = pg.eval_on_selector("body", "e => e.getAttribute('data-md-color-scheme')")
        assert header == rgb(PRIMARY)
        if scheme == "light":
            assert scheme_attr == "default" and kind == rgb(PRIMARY)
            pg.goto(b.base)
            assert pg.eval_on_selector(
                ".mk-figures strong", "e => getComputedStyle(e).color"
            ) == rgb(ACCENT)
        else:
            from methodkit.publishing.colours import contrast, palette

            dark = palette({"primary": PRIMARY, "accent": ACCENT}).dark_primary
            assert scheme_attr == "slate" and kind == rgb(dark) and contrast(dark, "#1e2129") >= 4.5
        assert b.external_requests() == []


def test_no_trace_of_the_original_brand_outside_the_attribution(fork_site):
    for path in ("", "nl/", "modules/alpha-module/", "nl/practices/voorbeeldpraktijk/", "cite/"):
        soup = page(fork_site, path)
        chrome = " ".join(
            e.get_text()
            for e in soup.select(".md-header, .md-footer, .md-copyright, .mk-hero h1, title")
        )
        assert (
            "Conspirateurs circulaires" in chrome
            and "Atelier Circulaire asbl" in soup.select_one(".md-copyright").get_text()
        )
        assert not any(name in chrome for name in ORIGINAL), (path, chrome)
        assert soup.select_one('link[rel="icon"]')["href"].endswith("assets/atelier/logo.svg")
        assert "methodkit/logo" not in str(soup)
        contact = soup.select_one(".mk-contact a")
        assert contact["href"] == "https://atelier-circulaire.example.be/contact"
    for css in fork_site.rglob("*.css"):
        assert "1d5e50" not in css.read_text("utf-8").lower(), css


def pdf_text(path, *pages) -> str:
    args = [
        "pdftotext",
        *(["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []),
        str(path),
        "-",
    ]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_pdf_cover_carries_the_brand(fork_site, tmp_path):
    pack = fork_site / "downloads/trainer-pack-fr.pdf"
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", str(pack), str(tmp_path / "cover")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("cover*.png"))).convert("RGB")
    band = image.getpixel(
        (image.width // 2, round(image.height * 0.1))
    )  # the brand band at the top of the cover
    assert all(
        abs(a - b) <= 3 for a, b in zip(band, tuple(int(PRIMARY[i : i + 2], 16) for i in (1, 3, 5)))
    ), band
    cover = " ".join(pdf_text(pack, 1).split())
    assert "Conspirateurs circulaires" in cover and "Atelier Circulaire asbl" in cover
    assert (
        "adaptation de « De Nieuwe Samenzweerders » par Reset.Vlaanderen et HOWEST (2019)" in cover
    )
    assert ORIGINAL_URL in "".join(cover.split())  # pdftotext may break a long address
    info = subprocess.run(["pdfinfo", str(pack)], capture_output=True, text=True, check=True).stdout
    assert "Atelier Circulaire asbl" in info and "Conspirateurs circulaires" in info
    module = fork_site / "nl/downloads/atelier-reparation-coach-nl.pdf"
    assert (
        "Atelier Circulaire asbl"
        in subprocess.run(["pdfinfo", str(module)], capture_output=True, text=True).stdout
    )


def test_attribution_names_the_original_wherever_a_credit_appears(fork_site):
    credits = [
        page(fork_site, p).select_one(".mk-credit__text").get_text(" ", strip=True)
        for p in (
            "modules/alpha-module/",
            "nl/modules/alpha-module/",
            "modules/atelier-reparation/",
        )
    ]
    credits.append(page(fork_site, "cite/").select_one("#citation-text").get_text())
    with zipfile.ZipFile(fork_site / "downloads/methodology-sources.zip") as zf:
        credits.append(zf.read("ATTRIBUTION.md").decode("utf-8"))
    pack = pdf_text(fork_site / "downloads/trainer-pack-fr.pdf")
    credits.append(" ".join(pack[pack.rindex("Licence") :].split()))
    for credit in credits:
        assert "De Nieuwe Samenzweerders" in credit and "Reset.Vlaanderen" in credit, credit
        assert ORIGINAL_URL in "".join(credit.split()), credit  # pdftotext may break a long address
    # The module the organisation wrote is credited to it; the originals keep their authors.
    assert credits[2].startswith("« Atelier de réparation », rédigé par Atelier Circulaire asbl")
    assert credits[0].startswith(
        "« Alfa-module », rédigé par les contributeurs de De Nieuwe Samenzweerders"
    )
    site = json.loads(page(fork_site, "").select_one('script[type="application/ld+json"]').string)
    assert (
        site["isBasedOn"]["url"] == ORIGINAL_URL
        and site["publisher"]["name"] == "Atelier Circulaire asbl"
    )
    assert (
        page(fork_site, "cite/")
        .select_one("code.language-bibtex")
        .get_text()
        .startswith("@misc{atelier-circulaire-asbl-")
    )


def _labels(root, lang):
    import yaml

    out = {}
    for path in sorted((root / "methodology/vocabularies").glob("*.yml")) + [
        root / "methodology/trajectory.yml"
    ]:
        data = yaml.safe_load(path.read_text("utf-8"))
        out[path.name] = {e["id"]: e.get(lang) for e in data.get("terms") or data.get("steps")}
    return out


def test_a_language_is_removed_and_added_back_with_one_command_each(basic_root, tmp_path):
    import shutil

    root = shutil.copytree(basic_root, tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    terms = (
        root / "methodology/terms/en.yml"
    )  # a term list of the language goes and comes back with it
    terms.parent.mkdir(exist_ok=True)
    terms.write_text("terms:\n  - use: workplace\n    avoid: [work floor]\n", "utf-8")
    english, docs = _labels(root, "en"), sorted(p.name for p in (root / "docs").rglob("*.en.md"))
    label_files = sorted((root / "methodology/vocabularies").glob("*.yml")) + [
        root / "methodology/trajectory.yml"
    ]
    as_written = {path: path.read_text("utf-8") for path in label_files}
    assert docs and all(all(v for v in f.values()) for f in english.values())

    removed = methodkit(root, "languages", "remove", "en", check=True)
    assert (
        "moved to removed-languages/en/" in removed.stdout
        and "methodkit check: no problems" in removed.stdout
    )
    assert not list((root / "docs").rglob("*.en.md"))
    assert sorted(p.name for p in (root / "removed-languages/en").rglob("*.en.md")) == docs
    assert all(v is None for f in _labels(root, "en").values() for v in f.values())
    assert "languages: [nl, fr]" in (root / "mkdocs.yml").read_text("utf-8")
    assert not terms.exists() and (root / "removed-languages/en/methodology/terms/en.yml").is_file()
    assert methodkit(root, "check").returncode == 0

    added = methodkit(root, "languages", "add", "en", check=True)
    assert "restored" in added.stdout
    assert _labels(root, "en") == english  # the labels came back, not copies of the Dutch
    # ... in the lines they were written in: the files are as they were, to the byte.
    assert {path: path.read_text("utf-8") for path in label_files} == as_written
    assert sorted(p.name for p in (root / "docs").rglob("*.en.md")) == docs
    assert terms.is_file() and not (root / "removed-languages").exists()
    assert methodkit(root, "check").returncode == 0


def test_a_language_the_engine_does_not_speak_gets_interface_text_to_translate(
    basic_root, tmp_path
):
    """`languages add xh`: the site gets methodology/locales/xh.yml with the engine's English in
    comments (nothing pretends to be translated). A line translated there shows on the site, a
    line left alone shows the English; a site rewords a language the engine has in the same way.
    `languages remove` takes the file aside and `add` brings it back as it was."""
    import shutil

    root = shutil.copytree(basic_root, tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    added = methodkit(root, "languages", "add", "xh", check=True)
    locale = root / "methodology/locales/xh.yml"
    assert (
        "methodology/locales/xh.yml" in added.stdout
        and "methodkit check: no problems" in added.stdout
    )
    # What the command leaves to do, said last: the types' labels and the publisher's texts.
    also = added.stdout.splitlines()[-1]
    assert also.startswith("also: ") and "types.yml" in also and "extra:" in also
    # The labels it copied from Dutch are named by `status` until they are translated.
    status = methodkit(root, "status", "--lang", "xh").stdout.splitlines()
    copied = [l.split()[1] for l in status if l.strip().startswith("labels ")]
    assert "methodology/vocabularies/levers.yml:" in copied
    assert all("as in 'nl'" in l for l in status if l.strip().startswith("labels "))
    # A word that is the same in both languages is no copy to name; a file of such words neither.
    levers = root / "methodology/vocabularies/levers.yml"
    text = levers.read_text("utf-8")
    data = yaml.safe_load(text)
    for term in data["terms"]:
        term["xh"] = {"label": "Canvas", "description": f"Inkcazo {term['id']}."}
        term["nl"]["label"] = "Canvas"
    levers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    status = methodkit(root, "status", "--lang", "xh").stdout
    assert "methodology/vocabularies/levers.yml:" not in status, status
    # ... but a file whose every text is still the Dutch one, names included, is a copy.
    for term in data["terms"]:
        term["xh"] = dict(term["nl"])
    data["names"] = {"nl": {"one": "Hefboom", "many": "Hefbomen"}}
    data["names"]["xh"] = dict(data["names"]["nl"])
    levers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    status = methodkit(root, "status", "--lang", "xh").stdout
    total = 2 * len(data["terms"]) + 2
    assert f"methodology/vocabularies/levers.yml: {total} of {total}" in status, status
    levers.write_text(text, "utf-8")
    lines = locale.read_text("utf-8").splitlines()
    assert len(lines) > 100 and all(line.startswith("# ") for line in lines)
    assert "# kind.module: Coaching module" in lines
    # The language's name is its own (workbook and pack covers say it), not the English file's.
    assert "# language.name: IsiXhosa" in lines
    from methodkit.catalogue.catalogue import Catalogue
    from methodkit.loading.loader import load

    assert Catalogue(load(root)[0], "xh").t["language.name"] == "IsiXhosa"
    with locale.open("a", encoding="utf-8") as f:
        f.write("kind.module: Imodyuli\nduration.half_day: isiqingatha sosuku\n")
    (root / "methodology/locales/nl.yml").write_text("kind.module: Werkvorm\n", "utf-8")
    # German writes every noun with a capital, in a sentence too.
    methodkit(root, "languages", "add", "de", check=True)
    (root / "methodology/locales/de.yml").write_text(
        "kind.module.plural: Lernmodule\nkind.session.plural: Sitzungsberichte\n", "utf-8"
    )
    assert methodkit(root, "check").returncode == 0
    status = methodkit(root, "status").stdout
    assert "interface  methodology/locales/xh.yml: 2 of " in status, status
    assert build_site(root, strict=True, quiet=True) == 0

    xh = page(root / "site", "xh/modules/alpha-module/")
    assert xh.select_one(".mk-kind").get_text(strip=True) == "Imodyuli"
    # Material has no words in isiXhosa either: its English ones, on a page that says its language.
    assert (
        xh.html["lang"] == "xh"
        and xh.select_one("input.md-search__input")["placeholder"] == "Search"
    )
    assert "isiqingatha sosuku" in xh.select_one(".mk-card").get_text()  # alpha takes 240 minutes
    assert "Group size" in xh.select_one(".mk-card").get_text()  # not translated: the English
    switcher = {a["hreflang"]: a.get_text(strip=True) for a in xh.select("a.mk-lang-link")}
    assert switcher["xh"] == "IsiXhosa" and switcher["nl"] == "Nederlands"  # CLDR's, the engine's
    assert "Lernmodule" in page(root / "site", "de/").select_one(".mk-figures").get_text()
    assert "Sitzungsberichte" in (root / "site/de/feed.xml").read_text("utf-8")
    assert "sessieverslagen" in (root / "site/feed.xml").read_text("utf-8")
    nl = page(root / "site", "modules/alpha-module/")
    assert nl.select_one(".mk-kind").get_text(strip=True) == "Werkvorm"
    assert (
        page(root / "site", "fr/modules/alpha-module/").select_one(".mk-kind").get_text(strip=True)
        == "Module de coaching"
    )

    translated = locale.read_text("utf-8")
    methodkit(root, "languages", "remove", "xh", check=True)
    assert not locale.exists()
    assert (root / "removed-languages/xh/methodology/locales/xh.yml").is_file()
    methodkit(root, "languages", "add", "xh", check=True)
    assert locale.read_text("utf-8") == translated


def test_the_interface_text_of_a_language_is_written_for_the_site_to_reword(basic_root, tmp_path):
    """`languages interface nl`: every key, as a comment with the engine's Dutch, in the site's
    file; run again, it keeps every line and adds only the keys the file lacks (an engine that
    learnt new words)."""
    import shutil

    root = shutil.copytree(basic_root, tmp_path / "root", ignore=shutil.ignore_patterns("site"))
    proc = methodkit(root, "languages", "interface", "nl", check=True)
    locale = root / "methodology/locales/nl.yml"
    assert "methodology/locales/nl.yml" in proc.stdout
    text = locale.read_text("utf-8")
    assert "# kind.module: Coachingmodule\n" in text
    mine = text.replace("# kind.module: Coachingmodule\n", "kind.module: Werkvorm\n")
    mine = "\n".join(l for l in mine.splitlines() if not l.startswith("# nav.method:")) + "\n"
    locale.write_text(mine, "utf-8")
    again = methodkit(root, "languages", "interface", "nl", check=True)
    assert "1 key(s) it lacked" in again.stdout
    after = locale.read_text("utf-8")
    assert after.startswith(mine) and after[len(mine) :].count("\n# nav.method: Methode\n") == 1
    assert "kept as it was" in methodkit(root, "languages", "interface", "nl", check=True).stdout
    assert locale.read_text("utf-8") == after
    refused = methodkit(root, "languages", "interface", "de")
    assert refused.returncode == 1 and "not a language of this site" in refused.stderr


def test_adding_a_language_code_that_is_none_changes_nothing(basic_root):
    before = (basic_root / "mkdocs.yml").read_bytes()
    proc = methodkit(basic_root, "languages", "add", "xx1")
    assert (
        proc.returncode == 1
        and "is not a language code" in proc.stderr
        and "nothing was changed" in proc.stderr
    )
    assert (basic_root / "mkdocs.yml").read_bytes() == before
    assert not (basic_root / "methodology/locales").exists()


def test_new_items_are_credited_to_the_publisher_and_written_in_the_first_language(fork_root):
    proc = methodkit(
        fork_root, "new", "module", "--title", "Visite d'un repair café", "--lang", "en", check=True
    )
    created = fork_root / proc.stdout.split()[1]
    try:
        text = created.read_text("utf-8")
        assert "authors: [Atelier Circulaire asbl]" in text
        assert (
            "\nlang: fr\n" in text
        )  # the defaults say nl: the organisation's own items say French
        assert methodkit(fork_root, "check", str(created)).returncode == 0
    finally:
        created.unlink()


def test_a_build_to_publish_needs_a_real_address(basic_root, monkeypatch):
    proc = methodkit(basic_root, "build", "--publish", "--site-dir", "never")
    assert proc.returncode == 2 and "placeholder" in proc.stderr and "SITE_URL" in proc.stderr
    assert not (basic_root / "never").exists()


def _guide_blocks(lang_file: str) -> list[tuple[str, str]]:
    """The fenced blocks of the reuse guide, in order: (language, text without the list indent)."""
    import re
    import textwrap

    text = (REPO / "docs" / lang_file).read_text("utf-8")
    return [
        (m["lang"], textwrap.dedent(m["body"]))
        for m in re.finditer(
            r"^(?P<indent> *)```(?P<lang>\w+)\n(?P<body>.*?)^(?P=indent)```", text, re.M | re.S
        )
    ]


def _run(root, script: str) -> None:
    import os

    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    for line in script.strip().splitlines():
        proc = subprocess.run(
            ["bash", "-c", line], cwd=root, env=env, capture_output=True, text=True, timeout=900
        )
        assert proc.returncode == 0, f"{line}\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.parametrize("guide", ["reuse.en.md"])
def test_the_reuse_guide_is_true_step_by_step(guide, tmp_path):
    """Every command and configuration block of the guide, in its order, on a copy of a fixture
    repository."""
    import yaml

    blocks = _guide_blocks(guide)
    assert [lang for lang, _ in blocks] == ["sh", "yaml", "yaml", "sh", "sh", "sh"]
    (init, publisher, languages, drop, write, publish) = (text for _, text in blocks)
    # The other way: a methodology of one's own.
    (tmp_path / "own").mkdir()
    _run(tmp_path / "own", init)
    assert methodkit(next((tmp_path / "own").iterdir()), "check").returncode == 0

    root = assemble(tmp_path / "fork")  # 1. a copy of the repository
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    block = publisher.split("\n", 1)[1]  # 2. and 3. the publisher block, as the guide writes it
    start, end = text.index("  publisher:\n"), text.index("\n  accessibility:")
    config.write_text(text[:start] + block.rstrip("\n") + text[end:], "utf-8")
    logo = yaml.safe_load(publisher)["extra"]["publisher"]["logo"]
    (root / "overrides" / logo).parent.mkdir(parents=True, exist_ok=True)
    (root / "overrides" / logo).write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"/>', "utf-8"
    )
    wanted = yaml.safe_load(languages)["plugins"][0]["methodkit"]["languages"]  # 4. the languages
    replace_in(config, "languages: [nl, fr, en]", f"languages: [{', '.join(wanted)}]")
    _run(root, drop)
    _run(root, write)  # 5. a module of one's own; the citation file and the build to publish
    _run(root, publish)

    site = root / "site"
    assert page(site, "").html["lang"] == "fr" and not (site / "en").exists()
    assert (root / "removed-languages/en").is_dir()
    new = next(p for p in (root / "methodology/modules").glob("*.md") if "repair" in p.name)
    assert "authors: [Atelier Circulaire asbl]" in new.read_text("utf-8")
    cff = yaml.safe_load((root / "CITATION.cff").read_text("utf-8"))
    assert (
        cff["title"] == "Conspirateurs circulaires" and cff["url"] == "https://methode.example.be/"
    )
    assert cff["references"][0]["title"] == "De Nieuwe Samenzweerders"
    credit = page(site, "modules/alpha-module/").select_one(".mk-credit__text").get_text()
    assert (
        "adaptation de « De Nieuwe Samenzweerders »" in credit
        and "https://methode.example.be/" in credit
    )
    assert (site / "downloads/trainer-pack-fr.pdf").exists()


def test_the_guide_says_the_same_in_every_language():
    blocks = {name: _guide_blocks(name) for name in ("reuse.md", "reuse.fr.md", "reuse.en.md")}
    assert blocks["reuse.md"] == blocks["reuse.fr.md"] == blocks["reuse.en.md"]
