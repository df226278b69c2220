"""Three languages: lang attributes, switcher, hreflang, fallbacks, outdated translations,
status."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import yaml

from methodkit.i18n import LOCALES
from methodkit.loading.config import site_settings
from sitekit import REPO, methodkit, page, replace_in, resolve


def test_html_lang_per_language(basic_site):
    for prefix, lang in (("", "nl"), ("fr/", "fr"), ("en/", "en")):
        assert page(basic_site, prefix + "modules/alpha-module/").html["lang"] == lang


def test_translated_item_shows_the_translation(basic_site):
    soup = page(basic_site, "fr/modules/alpha-module/")
    assert soup.h1.get_text() == "Module alpha"
    assert "Texte alpha en français." in soup.get_text()
    assert soup.select_one(".mk-notice") is None
    assert soup.select_one("article.mk-item")["lang"] == "fr"
    # Interface and vocabulary in French, whatever the text's language.
    assert soup.select_one(".mk-card__row--levers dt").get_text() == "Leviers"


def test_fallback_shows_dutch_with_a_notice_in_the_readers_language(basic_site):
    soup = page(basic_site, "fr/modules/gamma-module/")
    notice = soup.select_one(".mk-notice--fallback")
    assert notice["lang"] == "fr" and "Pas encore traduit" in notice.get_text()
    assert (
        resolve(basic_site, "fr/modules/gamma-module/", notice.a["href"])
        == basic_site / "fr/contribute/index.html"
    )
    article = soup.select_one("article.mk-item")
    assert article["lang"] == "nl" and "GAMMATEKST-NL" in article.get_text()
    assert soup.html["lang"] == "fr"
    # The table of contents lists the Dutch headings, so it says it is Dutch too.
    toc = soup.select_one('[data-md-component="toc"]')
    assert toc["lang"] == "nl" and "Waarom" in toc.get_text()
    assert (
        not page(basic_site, "fr/modules/alpha-module/")
        .select_one('[data-md-component="toc"]')
        .has_attr("lang")
    )
    en = page(basic_site, "en/modules/gamma-module/")
    assert "Not translated yet" in en.select_one(".mk-notice--fallback").get_text()


def test_outdated_translation_says_so_and_links_the_dutch_page(basic_site):
    soup = page(basic_site, "fr/modules/beta-module/")
    notice = soup.select_one(".mk-notice--outdated")
    assert notice is not None and "dépassée" in notice.get_text()
    assert (
        resolve(basic_site, "fr/modules/beta-module/", notice.a["href"])
        == basic_site / "modules/beta-module/index.html"
    )
    assert "Texte bêta en français." in soup.get_text()


def test_docs_pages_translate_and_fall_back(basic_site):
    en = page(basic_site, "en/proef/")
    assert "TRIAL-TEXT-EN" in en.get_text() and en.select_one(".mk-notice") is None
    fr = page(basic_site, "fr/proef/")
    assert "PROEFTEKST-NL" in fr.get_text()
    assert fr.select_one(".mk-notice--fallback") is not None
    assert fr.select_one(".mk-content")["lang"] == "nl"


def test_switcher_lands_on_the_same_page(basic_site):
    for here in (
        "modules/alpha-module/",
        "fr/modules/gamma-module/",
        "en/",
        "fr/levers/peer-exchange/",
    ):
        soup = page(basic_site, here)
        links = {a["hreflang"]: a["href"] for a in soup.select("a.mk-lang-link")}
        assert set(links) == {"nl", "fr", "en"}
        bare = here[3:] if here[:3] in ("fr/", "en/") else here
        for lang, href in links.items():
            expected = basic_site / (("" if lang == "nl" else lang + "/") + bare) / "index.html"
            assert resolve(basic_site, here, href) == expected, (here, lang, href)


def test_hreflang_in_the_sitemaps_not_in_the_head(basic_site):
    # Material's script asks for a sitemap.xml beside every alternate link of a page: the
    # translations of a page are said in the sitemaps, where the script finds the one it needs.
    assert page(basic_site, "en/modules/alpha-module/").select("head link[hreflang]") == []
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    base = "https://example.org/samenzweerders/"

    def sitemap(prefix: str) -> dict[str, dict[str, str]]:
        urls = ElementTree.parse(basic_site / prefix / "sitemap.xml").getroot().findall("s:url", ns)
        return {
            url.find("s:loc", ns).text.removeprefix(base): {
                l.get("hreflang"): l.get("href") for l in url.findall("x:link", ns)
            }
            for url in urls
        }

    everything = sitemap("")
    # The root's sitemap names every page the build wrote, in every language, and nothing else.
    built = [
        p.parent.relative_to(basic_site).as_posix() + "/"
        for p in basic_site.glob("**/index.html")
        if not p.relative_to(basic_site).as_posix().startswith(("assets/", "search/"))
    ]
    assert sorted(everything) == sorted("" if b == "./" else b for b in built)
    hreflangs = everything["en/modules/alpha-module/"]
    assert hreflangs["fr"] == base + "fr/modules/alpha-module/"
    assert hreflangs["x-default"] == hreflangs["nl"] == base + "modules/alpha-module/"
    # The root of each other language has the sitemap of its own pages.
    for prefix in ("fr/", "en/"):
        own = sitemap(prefix)
        assert own == {k: v for k, v in everything.items() if k.startswith(prefix)}
    assert sitemap("fr/")["fr/modules/alpha-module/"] == hreflangs


def test_search_index_per_language(basic_site):
    def docs(prefix):
        index = json.loads(
            (basic_site / prefix / "search" / "search_index.json").read_text("utf-8")
        )
        return index["config"]["lang"], " ".join(d["text"] + d["title"] for d in index["docs"])

    lang, fr = docs("fr")
    assert lang == ["fr"] and "Texte alpha en français" in fr and "GAMMATEKST-NL" in fr
    assert "Alfatekst" not in fr and "TRIAL-TEXT-EN" not in fr
    lang, nl = docs("")
    assert lang == ["nl"] and "Alfatekst" in nl and "Texte alpha" not in nl
    locations = [
        d["location"]
        for d in json.loads((basic_site / "search/search_index.json").read_text("utf-8"))["docs"]
    ]
    assert any(l.startswith("modules/alpha-module/") for l in locations)
    assert not [l for l in locations if "/handout/" in l], (
        "handouts repeat their module's text in search"
    )


def test_dates_are_written_per_locale(basic_site):
    for prefix, text in (
        ("", "14 februari 2019"),
        ("fr/", "14 février 2019"),
        ("en/", "14 February 2019"),
    ):
        assert text in page(basic_site, prefix + "sessions/").get_text()


def test_status_command(basic_root):
    proc = methodkit(basic_root, "status")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    fr = next(l for l in lines if l.startswith("fr:"))
    assert "1 outdated" in fr
    assert any(
        l.strip().startswith("outdated  methodology/modules/beta-module.fr.md") for l in lines
    )
    assert any(l.strip().startswith("missing   methodology/modules/gamma-module.md") for l in lines)
    assert methodkit(basic_root, "status", "--strict").returncode == 1


def test_status_page_shows_the_same(basic_site):
    soup = page(basic_site, "translations/")
    fr_rows = {
        r.td.get_text(): r["class"][0]
        for r in soup.find(id="status-fr").find_next("table").select("tbody tr")
    }
    assert fr_rows["methodology/modules/alpha-module.md"] == "mk-status--translated"
    assert fr_rows["methodology/modules/beta-module.md"] == "mk-status--outdated"
    assert fr_rows["methodology/modules/gamma-module.md"] == "mk-status--missing"


def test_translate_never_overwrites(basic_root):
    target = basic_root / "methodology/modules/alpha-module.fr.md"
    before = target.read_bytes()
    proc = methodkit(basic_root, "translate", "methodology/modules/alpha-module.md", "--to", "fr")
    assert proc.returncode == 1 and "already exists" in proc.stderr
    assert target.read_bytes() == before


def test_translate_refuses_unknown_language(basic_root):
    proc = methodkit(basic_root, "translate", "methodology/modules/gamma-module.md", "--to", "de")
    assert proc.returncode == 1 and "not a language of this site" in proc.stderr
    assert not (basic_root / "methodology/modules/gamma-module.de.md").exists()
    same = methodkit(basic_root, "translate", "methodology/modules/gamma-module.md", "--to", "nl")
    assert same.returncode == 1 and "written in 'nl' already" in same.stderr


def test_every_interface_key_exists_in_every_language():
    tables = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in LOCALES.glob("*.yml")}
    # Every language the site lists speaks the interface (a fork that adds one adds its file).
    assert set(site_settings(REPO).languages) <= set(tables)
    keys = set().union(*tables.values())
    for lang, table in tables.items():
        assert keys - set(table) == set(), f"{lang}.yml lacks keys"
        assert all(isinstance(v, str) and v.strip() for v in table.values()), lang


def test_a_new_translation_is_a_draft_until_the_translator_is_done(tmp_path):
    from sitekit import assemble

    root = assemble(tmp_path / "site", docs=False)
    src = "methodology/modules/gamma-module.md"
    dutch = "Een lange alinea in het Nederlands, met meer dan twaalf woorden, om nog te vertalen."
    quote = "> Een citaat uit een brontekst, dat in elke vertaling in het Nederlands blijft staan."
    names = "Jan Peeters, Els Vandenberghe, Karel De Smet, Anna Claes, Pieter Janssens, Sofie Maes."
    replace_in(root / src, "## Waarom\n", f"## Waarom\n\n{dutch}\n\n{quote}\n\n{names}\n")
    assert f"missing   {src}  (methodkit translate {src} --to en)" in (
        methodkit(root, "status", "--lang", "en").stdout
    )
    methodkit(root, "translate", src, "--to", "en", check=True)
    assert (
        f"missing   {src}  (a draft: methodology/modules/gamma-module.en.md; remove `draft: true` "
        "there when it is done)"
    ) in methodkit(root, "status", "--lang", "en").stdout
    assert methodkit(root, "check").returncode == 0  # a draft may still be in Dutch
    translation = root / "methodology/modules/gamma-module.en.md"
    replace_in(translation, "draft: true\n", "")
    replace_in(translation, "GAMMATEKST-NL: deze module heeft geen vertaling.", "GAMMA-TEXT-EN.")
    # Marked done while a long paragraph is still the source's: said where it is.
    proc = methodkit(root, "check")
    line = translation.read_text("utf-8").splitlines().index(dutch) + 1
    assert proc.returncode == 1
    assert (
        f"{translation.relative_to(root)}:{line}: body: 1 paragraph(s) still read word for word "
        "as the source's (the first here) (translate them, or keep `draft: true`"
    ) in proc.stdout
    replace_in(translation, dutch, "A long paragraph in English, of over twelve words, translated.")
    assert methodkit(root, "check").returncode == 0
    out = methodkit(root, "status", "--lang", "en").stdout
    assert f"missing   {src}" not in out and "en: 1 translated" in out


def test_the_copyright_line_joins_the_rights_holders_in_the_readers_language(real_site):
    # mkdocs.yml lists the holders; each language joins them with its own word.
    for prefix, expected in (
        ("", "de bijdragers van De Nieuwe Samenzweerders"),
        ("fr/", "les contributeurs de De Nieuwe Samenzweerders"),
        ("en/", "the contributors of De Nieuwe Samenzweerders"),
    ):
        footer = page(real_site, prefix).select_one(".md-copyright").get_text(" ", strip=True)
        assert f"© {expected}," in footer, (prefix, footer)


def test_the_scheme_toggle_and_site_description_speak_the_readers_language(basic_site, basic_root):
    descriptions = yaml.load(
        (basic_root / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader
    )["extra"]["publisher"]["description"]
    seen = set()
    for prefix, lang in (("", "nl"), ("fr/", "fr"), ("en/", "en")):
        t = yaml.safe_load((LOCALES / f"{lang}.yml").read_text("utf-8"))
        soup = page(basic_site, prefix + "trajectory/")
        labels = [i["aria-label"] for i in soup.select('input[name="__palette"]')]
        assert labels == [t["palette.to_dark"], t["palette.to_light"]], (lang, labels)
        assert soup.select_one('meta[name="description"]')["content"] == descriptions[lang]
        seen.add(tuple(labels))
    assert len(seen) == 3


def test_a_label_s_colon_follows_the_language_s_typography(basic_site):
    """French puts a no-break space before a colon; Dutch and English do not."""
    for prefix, label in (("", "Licentie:"), ("fr/", "Licence\u00a0:"), ("en/", "Licence:")):
        licence = page(basic_site, prefix + "modules/alpha-module/").select_one(
            ".mk-licence strong"
        )
        assert licence.get_text() == label


def test_a_page_translation_does_not_copy_the_language_of_its_source(tmp_path):
    from sitekit import assemble

    root = assemble(tmp_path / "site")
    (root / "docs/taal.md").write_text(
        "---\ntitle: Taal\nlang: nl\n---\n# Taal\n\nTekst.\n", "utf-8"
    )
    methodkit(root, "translate", "docs/taal.md", "--to", "fr", check=True)
    fr = (root / "docs/taal.fr.md").read_text("utf-8")
    assert "title: Taal" in fr and "lang:" not in fr
    assert methodkit(root, "check").returncode == 0


def test_a_finished_translation_of_a_site_page_still_in_dutch_is_said(tmp_path):
    from sitekit import assemble

    root = assemble(tmp_path / "site")
    dutch = "Een lange alinea in het Nederlands, met meer dan twaalf woorden, om nog te vertalen."
    (root / "docs/proef.md").write_text(f"---\ntitle: Proef\n---\n# Proef\n\n{dutch}\n", "utf-8")
    methodkit(root, "translate", "docs/proef.md", "--to", "en", check=True)
    assert methodkit(root, "check").returncode == 0  # a draft may still be in Dutch
    translation = root / "docs/proef.en.md"
    replace_in(translation, "draft: true\n", "")
    line = translation.read_text("utf-8").splitlines().index(dutch) + 1
    proc = methodkit(root, "check")
    assert f"docs/proef.en.md:{line}: body: 1 paragraph(s) still read word for word" in proc.stdout
