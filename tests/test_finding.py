"""Finding your way: catalogue filters, facets, trajectory, feeds, and one new file showing up
everywhere."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import page, resolve

ATOM = "{http://www.w3.org/2005/Atom}"


def visible_ids(pg) -> list[str]:
    return pg.eval_on_selector_all(".mk-tile:not([hidden])", "els => els.map(e => e.dataset.id)")


def test_catalogue_without_javascript_lists_everything_by_phase(basic_browser):
    pg = basic_browser.page(None, java_script_enabled=False)
    pg.goto(basic_browser.base + "modules/?lever=peer-exchange")
    assert sorted(visible_ids(pg)) == ["alpha-module", "beta-module", "gamma-module"]
    assert pg.is_hidden("form.mk-filters")
    assert pg.eval_on_selector_all(".mk-phase h2", "els => els.map(e => e.textContent)") == [
        "Intake",
        "Kick-off",
        "Uitvoeren",
    ]


def test_filter_state_comes_from_and_goes_to_the_address(basic_browser):
    pg = basic_browser.page("modules/?lever=peer-exchange")
    assert visible_ids(pg) == ["alpha-module"]
    assert pg.text_content(".mk-filters__count") == "1 van 3 getoond"
    # The phases without a match are hidden with their heading.
    assert pg.eval_on_selector_all(".mk-phase:not([hidden])", "els => els.length") == 1
    pg.select_option("select[name=duration]", "half-day")
    assert visible_ids(pg) == ["alpha-module"]
    query = parse_qs(urlsplit(pg.url).query)
    assert query == {"lever": ["peer-exchange"], "duration": ["half-day"]}
    pg.click("form.mk-filters button[type=reset]")
    pg.wait_for_function("document.querySelectorAll('.mk-tile:not([hidden])').length === 3")
    assert urlsplit(pg.url).query == ""


def test_filters_work_with_the_keyboard_alone(basic_browser):
    pg = basic_browser.page("modules/")
    pg.focus("select[name=phase]")
    for _ in range(6):  # Tab through the form: phase, format, lever, barrier, audience, duration
        active = pg.evaluate("document.activeElement.name")
        if active == "barrier":
            break
        pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.name") == "barrier"
    pg.keyboard.press("ArrowDown")  # first term in the list
    chosen = pg.evaluate("document.activeElement.value")
    assert chosen
    expected = sorted(
        pg.eval_on_selector_all(
            ".mk-tile",
            f"els => els.filter(e => e.dataset.barrier.split(' ').includes('{chosen}'))"
            ".map(e => e.dataset.id)",
        )
    )
    assert sorted(visible_ids(pg)) == expected and 0 < len(expected) < 3
    assert "barrier=" + chosen in pg.url


def test_unknown_value_in_the_address_is_ignored(basic_browser):
    pg = basic_browser.page("modules/?phase=bestaat-niet")
    assert len(visible_ids(pg)) == 3


def test_practice_library_filters(basic_browser):
    pg = basic_browser.page("practices/?sector=education")
    assert visible_ids(pg) == ["voorbeeldpraktijk"]
    # Only regions that occur are offered; a region that does not is ignored.
    pg = basic_browser.page("practices/?region=brussels")
    assert visible_ids(pg) == ["voorbeeldpraktijk"]
    assert pg.eval_on_selector_all(
        "select[name=region] option", "els => els.map(e => e.value)"
    ) == ["", "flanders"]


def test_trajectory_page(basic_site):
    soup = page(basic_site, "trajectory/")
    steps = soup.select("ol.mk-trajectory > li")
    assert [s.h3.get_text() for s in steps] == ["Start", "Samen"]
    assert "1 × 2 halve dag" in steps[1].get_text()
    link = steps[0].select_one(".mk-step__modules a")
    assert link.get_text() == "Alfa-module"
    assert (
        resolve(basic_site, "trajectory/", link["href"])
        == basic_site / "modules/alpha-module/index.html"
    )
    assert "3 halve dagen per intrapreneur" in soup.select_one(".mk-trajectory__total").get_text()
    fr = page(basic_site, "fr/trajectory/")
    assert [s.h3.get_text() for s in fr.select("ol.mk-trajectory > li")] == ["Début", "Ensemble"]


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("fr/", "fr"), ("en/", "en")])
def test_session_feed_per_language(basic_site, prefix, lang):
    root = ET.parse(basic_site / prefix / "feed.xml").getroot()
    assert (
        root.tag == ATOM + "feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    )
    entries = root.findall(ATOM + "entry")
    assert [e.find(ATOM + "updated").text for e in entries] == [
        "2019-06-20T00:00:00Z",
        "2019-02-14T00:00:00Z",
    ]
    for e in entries:
        href = e.find(ATOM + "link").get("href")
        assert href.startswith("https://example.org/samenzweerders/" + prefix + "sessions/")
        assert e.find(ATOM + "id").text == href
    soup = page(basic_site, prefix + "sessions/")
    assert soup.select_one('head link[type="application/atom+xml"]') is not None


@pytest.fixture(scope="module")
def grown_site(basic_root, tmp_path_factory):
    """The basic fixture plus one new module file, referenced from the trajectory, and nothing
    else."""
    root = shutil.copytree(
        basic_root, tmp_path_factory.mktemp("grown") / "root", ignore=shutil.ignore_patterns("site")
    )
    (root / "methodology/modules/delta-module.md").write_text(
        """---
id: delta-module
title: Delta-module
summary: Een module die er later bij kwam.
phase: evaluate
format: company-visit
duration: 300
group_size: {min: 2, max: 20}
audience: [organisations]
levers: [communication]
barriers: [short-term-focus]
objectives: [Iets nieuws.]
materials: []
preparation: []
---
Delta.
""",
        "utf-8",
    )
    traj = root / "methodology/trajectory.yml"
    # The step gets a second time for it, as the timing check asks.
    grown = traj.read_text("utf-8").replace(
        "modules: [beta-module]", "modules: [beta-module, delta-module]"
    )
    traj.write_text(
        grown.replace("    times: 1\n    half_days: 2\n", "    times: 2\n    half_days: 2\n", 1),
        "utf-8",
    )
    assert build_site(root, quiet=True) == 0
    return root / "site"


def test_a_new_module_appears_everywhere_it_belongs(grown_site):
    for prefix in ("", "fr/", "en/"):
        assert "delta-module" in [
            t["data-id"] for t in page(grown_site, prefix + "modules/").select(".mk-tile")
        ]
        for facet in (
            "levers/communication/",
            "barriers/short-term-focus/",
            "phases/evaluate/",
            "formats/company-visit/",
        ):
            titles = [
                a.get_text() for a in page(grown_site, prefix + facet).select(".mk-facet-module a")
            ]
            assert "Delta-module" in titles, prefix + facet
        assert (
            "Delta-module"
            in page(grown_site, prefix + "trajectory/").select_one(".mk-trajectory").get_text()
        )
        assert (grown_site / prefix / "modules/delta-module/index.html").exists()
    beta = page(grown_site, "modules/beta-module/")
    assert "Delta-module" in beta.select_one(".mk-next").get_text()


def test_home_page_offers_three_paths_and_figures(basic_site):
    for prefix in ("", "fr/", "en/"):
        soup = page(basic_site, prefix)
        paths = soup.select(".mk-path")
        assert len(paths) == 3
        for a in soup.select(".mk-path a"):
            assert resolve(basic_site, prefix, a["href"]).exists(), a["href"]
        figures = [li.strong.get_text() for li in soup.select(".mk-figures li")]
        assert figures == ["3", "1", "2"]  # modules, practices, sessions in the fixture
    assert [a.get_text() for a in page(basic_site, "").select(".mk-home__latest a")] == [
        "Latere sessie",
        "Voorbeeldsessie",
    ]


def test_home_page_is_responsive(basic_browser):
    for width, columns in ((1280, 3), (390, 1)):
        pg = basic_browser.page("", viewport={"width": width, "height": 900})
        tops = pg.eval_on_selector_all(
            ".mk-path", "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 3 // columns, (width, tops)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            f"horizontal scroll at {width}px"
        )


def test_a_module_page_lists_the_closest_practices_and_links_the_rest(tmp_path):
    # A library larger than a module page should list: the synthetic corpus of `make bench`.
    from methodkit.catalogue.catalogue import Catalogue
    from methodkit.loading.loader import load
    from methodkit.pages.views import backlinks
    from tools.bench import write_corpus

    content, problems = load(write_corpus(tmp_path / "corpus", 60))
    assert problems == []
    cat = Catalogue(content, "fr")
    limit = next(
        b.max for b in content.types["module"].backlinks if b.key == "practices_for_levers"
    )
    crowded = [
        m
        for m in content.items["module"].values()
        if len(cat.sharing_terms("practice", "levers", m.meta["levers"])) > limit
    ]
    assert crowded, "the corpus should have a module with more practices than a page lists"
    module = crowded[0]
    group = next(g for g in backlinks(cat, module) if g["key"] == "practices_for_levers")
    assert len(group["items"]) == limit
    shared = {
        p.id: len(set(p.meta["levers"]) & set(module.meta["levers"]))
        for p in content.items["practice"].values()
    }
    listed = [url.rstrip("/").rsplit("/", 1)[-1] for url in (x["url"] for x in group["items"])]
    counts = [shared[i] for i in listed]
    assert counts == sorted(counts, reverse=True) and min(counts) >= max(
        n for i, n in shared.items() if i not in listed
    )
    assert [l["url"] for l in group["more"]] == [
        f"levers/{lever}/" for lever in module.meta["levers"]
    ]
    assert all(l["text"] for l in group["more"])
