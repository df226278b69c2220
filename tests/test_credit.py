"""What a reader is told about an item's origin: who wrote it, after what, about whose work,
whether it is a reconstruction or an adaptation, and which sessions are only examples.

Read from the basic fixture built for real (conftest.basic_site).
"""

from __future__ import annotations

from sitekit import page


def test_a_practice_credits_its_own_sources_and_the_organisations_it_is_about(basic_site):
    box = page(basic_site, "practices/voorbeeldpraktijk/").select_one(".mk-licence")
    credit = box.select_one(".mk-credit__text").get_text()
    assert credit.startswith(
        "„Voorbeeldpraktijk”, geschreven door de bijdragers van De Nieuwe Samenzweerders, "
        "naar publieke teksten van Een tijdschrift, over het werk van Voorbeeldorganisatie, "
    )
    assert "Reset.Vlaanderen" not in box.get_text()  # its own sources replace the defaults
    source = box.select_one(".mk-based-on a")
    assert (
        source["href"] == "https://example.org/verslag"
        and source.get_text() == "Een verslag over de praktijk"
    )


def test_reconstructions_and_adaptations_say_so_where_sources_need_no_note(basic_site):
    for prefix, label in (
        ("", "Reconstructie."),
        ("fr/", "Reconstitution."),
        ("en/", "Reconstruction."),
    ):
        note = page(basic_site, prefix + "modules/alpha-module/").select_one(
            "article .mk-provenance"
        )
        assert note.strong.get_text() == label, prefix
        # before the body: a reader sees it before the text it is about
        assert note.find_next(class_="mk-body") is not None
    chapter = page(basic_site, "en/method/kader/").select_one(".mk-provenance--adaptation")
    assert chapter.strong.get_text() == "Adaptation."
    assert "KADER-HERKOMST" in chapter.get_text()  # the item's own explanation, untranslated here
    assert page(basic_site, "practices/voorbeeldpraktijk/").select_one(".mk-provenance") is None


def test_example_sessions_are_marked_in_every_list_that_shows_them(basic_site):
    lists = {
        "sessions/": ".mk-tiles--session li",  # the overview of sessions
        "": ".mk-home__latest li",  # the newest sessions on the home page
        "formats/collective-session/": ".mk-facet-session li",  # a facet page
        "modules/alpha-module/": ".mk-used_in_sessions li",  # a module's sessions
    }
    for prefix, mark in (("", "Voorbeeld"), ("en/", "Example")):
        for url, selector in lists.items():
            rows = page(basic_site, prefix + url).select(selector)
            assert rows, (prefix, url)
            for row in rows:
                assert row.select_one(".mk-flag--example").get_text() == mark, (prefix, url, row)
    # A module is no example and carries no mark.
    tiles = page(basic_site, "practices/").select(".mk-tile")
    assert tiles and not any(t.select_one(".mk-flag--example") for t in tiles)


def test_example_sessions_are_marked_in_the_feed(basic_site):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    for prefix, mark in (("", "Voorbeeld: "), ("fr/", "Exemple : ")):
        entries = ET.parse(basic_site / prefix / "feed.xml").getroot().findall(f"{atom}entry")
        assert entries
        for entry in entries:
            assert entry.find(f"{atom}title").text.startswith(mark)
            assert entry.find(f"{atom}category").get("term") == "example"
