"""The built basic fixture: addresses, item pages, facets and back-links, read from real HTML."""

from __future__ import annotations

from pathlib import Path

from sitekit import built_paths, label, page, resolve

GOLDEN = Path(__file__).parent / "golden" / "basic-paths.txt"


def test_built_paths_match_the_golden_list(basic_site):
    expected = GOLDEN.read_text("utf-8").split()
    paths = built_paths(basic_site)
    assert [p for p in paths if not p.startswith(("fr/", "en/"))] == expected
    for lang in ("fr", "en"):
        assert [p[3:] for p in paths if p.startswith(lang + "/")] == expected


def card(soup) -> dict[str, list[str]]:
    return {
        row.dt.get_text(strip=True): [
            a.get_text(strip=True) for a in row.dd.find_all(class_="mk-chip")
        ]
        for row in soup.select(".mk-card__row")
    }


def test_module_page_has_title_card_and_sections(basic_site, basic_root):
    soup = page(basic_site, "modules/alpha-module/")
    assert soup.select_one("article.mk-module h1").get_text() == "Alfa-module"
    rows = card(soup)
    assert rows["Fase"] == [label(basic_root, "phases", "intake")]
    assert rows["Duur"] == ["een halve dag"]
    assert rows["Groepsgrootte"] == ["1 tot 2 personen"]
    assert rows["Hefbomen"] == [
        label(basic_root, "levers", "peer-exchange"),
        label(basic_root, "levers", "management-support"),
    ]
    assert [h.get_text() for h in soup.select(".mk-section > h2")][:3] == [
        "Doelen",
        "Materiaal",
        "Voorbereiding",
    ]
    assert "ALFA-COACHNOTITIE" in soup.select_one(".admonition.coach").get_text()
    assert soup.select_one(".admonition.worksheet") is not None
    assert "CC BY-SA 4.0" in soup.select_one(".mk-licence").get_text()


def test_card_links_lead_to_facet_pages(basic_site):
    soup = page(basic_site, "modules/alpha-module/")
    links = soup.select(".mk-card a")
    assert links
    for a in links:
        assert resolve(basic_site, "modules/alpha-module/", a["href"]).exists(), a["href"]


def test_facet_pages_list_what_refers_to_the_term(basic_site, basic_root):
    soup = page(basic_site, "barriers/isolation/")
    assert soup.h1.get_text() == label(basic_root, "barriers", "isolation")
    modules = [a.get_text() for a in soup.select(".mk-facet-module a")]
    assert modules == ["Alfa-module", "Bèta-module"]
    assert [a.get_text() for a in soup.select(".mk-facet-practice a")] == ["Voorbeeldpraktijk"]
    empty = page(basic_site, "levers/communication/")
    assert empty.select(".mk-facet-module a") == [] and empty.select_one(".mk-empty") is not None


def test_module_back_links(basic_site):
    soup = page(basic_site, "modules/alpha-module/")
    group = {
        s["class"][-1]: [a.get_text() for a in s.select("a")] for s in soup.select(".mk-backlinks")
    }
    assert group["mk-related"] == ["Bèta-module"]
    assert group["mk-used_in_sessions"] == ["Latere sessie", "Voorbeeldsessie"]  # newest first
    assert group["mk-practices_for_levers"] == ["Voorbeeldpraktijk"]


def test_previous_and_next_follow_the_trajectory(basic_site):
    alpha = page(basic_site, "modules/alpha-module/")
    beta = page(basic_site, "modules/beta-module/")
    gamma = page(basic_site, "modules/gamma-module/")
    assert alpha.select_one(".mk-prev") is None
    assert "Bèta-module" in alpha.select_one(".mk-next").get_text()
    assert "Alfa-module" in beta.select_one(".mk-prev").get_text()
    # Not in the trajectory, which has no module of its phase: after the modules that are.
    assert "Bèta-module" in gamma.select_one(".mk-prev").get_text()


def test_session_and_practice_pages(basic_site):
    session = page(basic_site, "sessions/2019-02-sessie/")
    assert card(session)["Datum"] == ["14 februari 2019"]
    assert session.select_one(".mk-flag--example") is not None
    assert [h.get_text() for h in session.select(".mk-section > h2")] == [
        "Wat we meenemen",
        "Tips",
        "Modules",
    ]
    practice = page(basic_site, "practices/voorbeeldpraktijk/")
    assert "Een bron" in practice.select_one(".mk-results").get_text()
    assert card(practice)["Periode"] == ["2018–2019"]
    # The organisation's general contact, as a link readers can use.
    assert card(practice)["Contact"] == ["info@voorbeeld.example"]
    assert practice.select_one('.mk-card a[href="mailto:info@voorbeeld.example"]') is not None


def test_titles_from_content_are_escaped(basic_site):
    soup = page(basic_site, "modules/gamma-module/")
    assert soup.h1.get_text() == "Gamma-module < 2 uur & klein"
    assert soup.title.get_text().startswith("Gamma-module < 2 uur & klein")
    raw = (basic_site / "modules/gamma-module/index.html").read_text("utf-8")
    assert "Gamma-module < 2" not in raw


def test_lists_on_overview_pages(basic_site):
    sessions = page(basic_site, "sessions/")
    assert [a.get_text() for a in sessions.select(".mk-tile__title")] == [
        "Latere sessie",
        "Voorbeeldsessie",
    ]
    catalogue = page(basic_site, "modules/")
    phases = [s["data-phase"] for s in catalogue.select(".mk-phase")]
    assert phases == ["intake", "kick-off", "implement"]
    for a in catalogue.select(".mk-phase a"):
        assert resolve(basic_site, "modules/", a["href"]).exists(), a["href"]


def test_no_web_fonts_or_cdn(basic_site):
    for path in basic_site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
