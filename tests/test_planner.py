"""The session planner (/plan/) and "Add to my plan", in a real Chromium on the trainer fixture.

The fixture's modules last 60 (opening), 90 (verkenning) and 240 minutes (dagdeel).
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def trainer_browser(trainer_site, playwright):
    from browser import browse

    with browse(trainer_site, playwright) as b:
        yield b


def agenda(pg) -> list[tuple[str, str]]:
    """(time, what) of every row of the agenda; a day's heading as ("", its text)."""
    return [
        tuple(row)
        for row in pg.eval_on_selector_all(
            "[data-mk-rows] tr",
            "rows => rows.map(r => r.classList.contains('mk-agenda__day') "
            "? ['', r.querySelector('th').textContent]"
            " : [r.querySelector('.mk-agenda__time').textContent, "
            "r.querySelector('.mk-agenda__what a, .mk-agenda__what').firstChild.textContent])",
        )
    ]


def listed(pg, which: str) -> list[str]:
    return pg.eval_on_selector_all(
        f"[data-mk-{which}] > li", "els => els.map(e => e.firstChild.textContent)"
    )


def test_the_engine_exports_every_module_with_what_the_planner_needs(trainer_site):
    data = json.loads((trainer_site / "fr" / "plan" / "modules.json").read_text("utf-8"))
    assert data["lang"] == "fr"
    opening = next(m for m in data["modules"] if m["id"] == "opening")
    assert opening["title"] == "Ouverture en cercle" and opening["duration"] == 60
    assert opening["materials"] == ["Badges nominatifs", "Flip-over en stiften"]
    assert opening["steps"] == ["Welkom (10 minuten)", "Rondje namen (50 minuten)"]
    assert [m["id"] for m in data["modules"]] == [
        "opening",
        "verkenning",
        "dagdeel",
        "afsluiting",
        "dagtocht",
    ]


def test_plan_from_two_module_pages(trainer_browser):
    pg = trainer_browser.page("modules/opening/")
    try:
        pg.click(".mk-plan-add button")
        assert pg.get_attribute(".mk-plan-add button", "aria-pressed") == "true"
        assert "Opening in de kring" in pg.text_content(".mk-plan-add [role=status]")
        pg.goto(trainer_browser.base + "modules/verkenning/")
        pg.click(".mk-plan-add button")
        pg.click(".mk-plan-add__open")
        pg.wait_for_selector("[data-mk-rows] tr")
        assert urlsplit(pg.url).path == "/plan/"
        assert agenda(pg) == [
            ("09:00–10:00", "Opening in de kring"),
            ("10:00–11:30", "Het idee verkennen"),
        ]
        assert parse_qs(urlsplit(pg.url).query) == {
            "modules": ["opening,verkenning"],
            "start": ["09:00"],
        }
    finally:
        pg.context.close()


def test_plan_from_a_catalogue_card(trainer_browser):
    pg = trainer_browser.page("modules/")
    try:
        pg.click('.mk-tile[data-id="afsluiting"] .mk-plan-add button')
        pg.click('.mk-tile[data-id="afsluiting"] .mk-plan-add__open')
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == [("09:00–09:30", "Afsluiten")]
    finally:
        pg.context.close()


def test_clock_times_add_up_from_the_start_with_breaks_and_days(trainer_browser):
    pg = trainer_browser.page("plan/?modules=opening,~15,verkenning,~day,dagdeel&start=09:30")
    try:
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == [
            ("", "Dag 1"),
            ("09:30–10:30", "Opening in de kring"),
            ("10:30–10:45", "Pauze"),
            ("10:45–12:15", "Het idee verkennen"),
            ("", "Dag 2"),
            ("09:30–13:30", "Een halve dag samen"),
        ]
        # 60 + 15 + 90 + 240 minutes
        assert pg.text_content("[data-mk-total]") == "Totaal: 6 u 45 min, waarvan 15 minuten pauze"
        pg.fill("[data-mk-start]", "13:00")
        pg.dispatch_event("[data-mk-start]", "change")
        assert agenda(pg)[1] == ("13:00–14:00", "Opening in de kring")
        assert "start=13:00" in pg.url
    finally:
        pg.context.close()


def test_a_day_past_midnight_is_said_in_words(trainer_browser):
    # 240 + 240 minutes from 20:00 end at 04:00; the second day (from 20:00, 60 minutes) does not
    pg = trainer_browser.page("fr/plan/?modules=dagdeel,dagdeel,~day,opening&start=20:00")
    try:
        pg.wait_for_selector("[data-mk-rows] tr")
        assert pg.is_visible("[data-mk-late]")
        said = pg.text_content("[data-mk-late]")
        assert "Jour 1" in said and "04:00" in said and "Jour 2" not in said
        late = pg.eval_on_selector_all(
            "[data-mk-rows] tr.mk-agenda__late", "rows => rows.map(r => r.textContent)"
        )
        assert len(late) == 1 and late[0].startswith("00:00–04:00")
        # For the screen, where the plan can still change: not on the printed agenda.
        pg.emulate_media(media="print")
        assert not pg.is_visible("[data-mk-late]") and pg.is_visible("[data-mk-rows]")
        pg.emulate_media(media="screen")
        pg.fill("[data-mk-start]", "08:00")
        pg.dispatch_event("[data-mk-start]", "change")
        assert not pg.is_visible("[data-mk-late]")
    finally:
        pg.context.close()


def test_an_empty_plan_shows_no_table_head(trainer_browser):
    pg = trainer_browser.page("plan/?start=09:00")
    try:
        pg.wait_for_selector("[data-mk-empty]", state="visible")
        assert not pg.is_visible("[data-mk-table]")
        assert not pg.is_visible("[data-mk-table] thead")
    finally:
        pg.context.close()


def test_one_combined_list_of_materials_and_preparation(trainer_browser):
    pg = trainer_browser.page("plan/?modules=opening,verkenning&start=09:00")
    try:
        pg.wait_for_selector("[data-mk-materials] li")
        # Each line once, whichever modules need it.
        assert listed(pg, "materials") == ["Naambordjes", "Flip-over en stiften", "Post-its"]
        assert "Opening in de kring, Het idee verkennen" in pg.text_content(
            "[data-mk-materials] li:nth-child(2)"
        )
        assert [p.split(",")[0] for p in listed(pg, "preparation")] == [
            "PREP-OPENING",
            "PREP-VERKENNING",
        ]
        objectives = pg.text_content("[data-mk-objectives]")
        assert "DOEL-OPENING" in objectives and "DOEL-VERKENNING" in objectives
    finally:
        pg.context.close()


def test_the_plan_survives_a_reload_and_a_shared_address(trainer_browser):
    pg = trainer_browser.page("plan/")
    try:
        pg.wait_for_selector("[data-mk-module] option[value=dagdeel]", state="attached")
        pg.select_option("[data-mk-module]", "dagdeel")
        pg.click("[data-mk-add]")
        pg.click("[data-mk-add-break]")
        pg.select_option("[data-mk-module]", "afsluiting")
        pg.click("[data-mk-add]")
        expected = [
            ("09:00–13:00", "Een halve dag samen"),
            ("13:00–13:15", "Pauze"),
            ("13:15–13:45", "Afsluiten"),
        ]
        assert agenda(pg) == expected
        shared = pg.input_value("[data-mk-link]")
        assert shared == pg.url and "modules=dagdeel,~15,afsluiting" in shared
        pg.reload()
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == expected
        pg.goto(trainer_browser.base + "plan/")  # no query: the browser's storage has the plan
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == expected
    finally:
        pg.context.close()
    other = trainer_browser.page(None)  # someone else's browser: nothing stored, only the address
    try:
        other.goto(shared)
        other.wait_for_selector("[data-mk-rows] tr")
        assert agenda(other) == expected
    finally:
        other.context.close()


def test_an_unknown_module_in_the_address_is_left_out_and_said(trainer_browser):
    pg = trainer_browser.page("plan/?modules=opening,bestaat-niet&start=09:00")
    try:
        pg.wait_for_function(
            "document.querySelector('[data-mk-status]').textContent.includes('bestaat-niet')"
        )
        assert agenda(pg) == [("09:00–10:00", "Opening in de kring")]
    finally:
        pg.context.close()


def test_a_keyboard_only_run(trainer_browser):
    pg = trainer_browser.page("plan/?start=10:00", viewport={"width": 1280, "height": 900})
    try:
        pg.wait_for_selector("[data-mk-module] option[value=opening]", state="attached")
        pg.focus("body")
        for _ in range(200):
            pg.keyboard.press("Tab")
            if pg.evaluate("document.activeElement.id") == "plan-module":
                break
        else:
            pytest.fail("Tab never reaches the module choice")
        pg.keyboard.press("ArrowDown")  # the first module
        pg.keyboard.press("Tab")
        pg.keyboard.press("Enter")  # Add
        pg.keyboard.press("Shift+Tab")
        pg.keyboard.press("ArrowDown")  # the second module
        pg.keyboard.press("Tab")
        pg.keyboard.press("Enter")
        assert agenda(pg) == [
            ("10:00–11:00", "Opening in de kring"),
            ("11:00–12:30", "Het idee verkennen"),
        ]
        pg.wait_for_function(
            "document.querySelector('[data-mk-status]').textContent.includes('11:00')"
        )
        # Move the second module up with the keyboard: Tab to its "up" button.
        for _ in range(40):
            pg.keyboard.press("Tab")
            if (
                pg.evaluate("document.activeElement.getAttribute('aria-label')")
                == "Het idee verkennen naar boven"
            ):
                break
        else:
            pytest.fail("Tab never reaches the button that moves a module up")
        pg.keyboard.press("Enter")
        assert agenda(pg) == [
            ("10:00–11:30", "Het idee verkennen"),
            ("11:30–12:30", "Opening in de kring"),
        ]
        pg.wait_for_function(
            "document.querySelector('[data-mk-status]').textContent.includes('plaats 1')"
        )
        assert pg.evaluate("document.activeElement.tagName") == "BUTTON", (
            "the focus got lost after moving"
        )
    finally:
        pg.context.close()


def test_planner_in_french_speaks_french(trainer_browser):
    pg = trainer_browser.page("fr/plan/?modules=opening,~10&start=09:00")
    try:
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == [("09:00–10:00", "Ouverture en cercle"), ("10:00–10:10", "Pause")]
        assert pg.evaluate("document.documentElement.lang") == "fr"
        assert pg.get_attribute("[data-mk-rows] a", "href") == "../modules/opening/"
    finally:
        pg.context.close()


def test_without_javascript_the_page_says_what_it_needs(trainer_browser, trainer_site):
    pg = trainer_browser.page(None, java_script_enabled=False)
    try:
        pg.goto(trainer_browser.base + "plan/")
        assert pg.is_hidden("[data-mk-planner]")
        assert "JavaScript" in pg.text_content(".mk-plan__noscript")
        pg.click(".mk-plan__noscript a")
        assert urlsplit(pg.url).path == "/modules/"
    finally:
        pg.context.close()


def test_participants_agenda_prints_without_materials_and_preparation(trainer_browser):
    pg = trainer_browser.page("plan/?modules=opening&start=09:00")
    try:
        pg.wait_for_selector("[data-mk-rows] tr")
        pg.emulate_media(media="print")
        assert pg.is_visible("[data-mk-materials]") and pg.is_hidden("[data-mk-module]")
        pg.evaluate("document.documentElement.setAttribute('data-mk-print', 'participants')")
        assert pg.is_hidden("[data-mk-materials]") and pg.is_hidden("[data-mk-preparation]")
        assert pg.is_visible("[data-mk-objectives]") and pg.is_visible("[data-mk-rows]")
        assert pg.is_hidden(".mk-agenda__change")
    finally:
        pg.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "plan/?modules=opening,~15,verkenning,~day,dagdeel&start=09:00",
        "plan/",
        "modules/opening/",
        "modules/",
    ],
)
def test_axe_finds_nothing_serious(trainer_browser, path, scheme):
    pg = trainer_browser.page(path, color_scheme=scheme)
    try:
        pg.wait_for_load_state("networkidle")
        material = "slate" if scheme == "dark" else "default"
        pg.wait_for_function(
            f"document.body.getAttribute('data-md-color-scheme') === '{material}'", timeout=10_000
        )
        if path.startswith("modules/opening"):
            pg.click(".mk-plan-add button")  # the pressed state has colours of its own
        # Colours are judged at rest: a click may scroll, and Material fades its tabs while it does.
        pg.wait_for_function(
            "document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000
        )
        violations = Axe().run(pg).response["violations"]
    finally:
        pg.context.close()
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]
    assert serious == []


def test_on_a_phone_the_filters_fold_away_and_the_first_results_show(trainer_browser):
    pg = trainer_browser.page(
        "modules/", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        pg.wait_for_selector("form.mk-filters:not([hidden])")
        assert pg.evaluate("document.querySelector('.mk-filters__fold').open") is False
        assert pg.is_hidden("form.mk-filters select[name=duration]")
        count = pg.eval_on_selector(".mk-filters__count", "e => e.getBoundingClientRect().bottom")
        first = pg.eval_on_selector(".mk-tile:not([hidden])", "e => e.getBoundingClientRect().top")
        assert count < 844 and first < 844, (count, first)
        pg.click(".mk-filters__fold > summary")
        pg.select_option("select[name=duration]", "1h")
        assert pg.eval_on_selector_all(
            ".mk-tile:not([hidden])", "els => els.map(e => e.dataset.id)"
        ) == ["opening", "afsluiting"]
    finally:
        pg.context.close()
    wide = trainer_browser.page("modules/", viewport={"width": 1280, "height": 900})
    try:
        wide.wait_for_selector("form.mk-filters:not([hidden])")
        assert wide.is_visible("form.mk-filters select[name=duration]")
        assert wide.is_hidden(".mk-filters__fold > summary")
    finally:
        wide.context.close()


def test_duration_steps_include_the_shorter_modules(trainer_browser):
    pg = trainer_browser.page("modules/?duration=2h")
    try:
        pg.wait_for_selector("form.mk-filters:not([hidden])")
        shown = pg.eval_on_selector_all(
            ".mk-tile:not([hidden])", "els => els.map(e => e.dataset.id)"
        )
        assert shown == ["opening", "verkenning", "afsluiting"]  # 60, 90 and 30 minutes
        options = pg.eval_on_selector_all(
            "select[name=duration] option", "els => els.map(e => e.value)"
        )
        assert options == ["", "1h", "2h", "3h", "half-day", "day", "more"]
        pg.select_option("select[name=duration]", "more")
        assert pg.eval_on_selector_all(
            ".mk-tile:not([hidden])", "els => els.map(e => e.dataset.id)"
        ) == ["dagtocht"]
    finally:
        pg.context.close()


def test_no_request_to_another_host(trainer_browser):
    # Runs last in this file: every page the tests above opened is in the record.
    assert trainer_browser.requests, "no request was recorded"
    assert trainer_browser.external_requests() == []


def test_a_page_printed_from_the_browser_has_a_running_header_and_footer(trainer_browser, tmp_path):
    import subprocess

    pg = trainer_browser.page("modules/opening/")
    try:
        pg.emulate_media(media="print")
        pg.pdf(path=str(tmp_path / "page.pdf"), format="A4", prefer_css_page_size=True)
    finally:
        pg.context.close()
    first = (
        subprocess.run(
            ["pdftotext", "-layout", "-l", "1", str(tmp_path / "page.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()
    )
    assert "Opening in de kring" in first[0] and "De Nieuwe Samenzweerders" in first[0]
    assert re.search(r"Versie \w+ · 1 maart 2026\s+1\s*/\s*\d", first[-1]), first[-1]


def test_text_in_the_print_header_cannot_leave_its_css_string():
    from methodkit.pages.print_header import css_string

    hostile = 'Titel"; } </style><script>alert(1)</script> \\ é'
    out = str(css_string(hostile))
    assert out.startswith('"') and out.endswith('"') and '"' not in out[1:-1]
    assert "<" not in out and "\\" + "00005c" in out and "Titel" in out


def test_the_planner_works_from_the_file_system(trainer_site, trainer_browser):
    """As in the offline copy: opened from file://, where a page may fetch nothing beside it."""
    pg = trainer_browser.page(None)
    try:
        pg.goto(
            (trainer_site / "plan" / "index.html").as_uri()
            + "?modules=opening,~15,afsluiting&start=08:30"
        )
        pg.wait_for_selector("[data-mk-rows] tr")
        assert agenda(pg) == [
            ("08:30–09:30", "Opening in de kring"),
            ("09:30–09:45", "Pauze"),
            ("09:45–10:15", "Afsluiten"),
        ]
    finally:
        pg.context.close()


@pytest.mark.parametrize("who", ["coach", "participants"])
def test_the_agenda_prints_on_a4_for_the_coach_and_for_participants(trainer_browser, tmp_path, who):
    import subprocess

    pg = trainer_browser.page("plan/?modules=opening,~15,verkenning&start=09:00")
    try:
        pg.wait_for_selector("[data-mk-rows] tr")
        # What the print buttons do, without the browser's print dialog.
        pg.evaluate(
            "who => { document.documentElement.setAttribute('data-mk-print', who);"
            " document.querySelector('[data-mk-print-title]').textContent ="
            " document.querySelector('[data-mk-planner]').dataset[who === 'coach' ? 'tAgendaCoach'"
            " : 'tAgendaParticipants']; }",
            who,
        )
        pg.emulate_media(media="print")
        pg.pdf(path=str(tmp_path / "agenda.pdf"), format="A4", prefer_css_page_size=True)
    finally:
        pg.context.close()
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "agenda.pdf")], capture_output=True, text=True
    ).stdout
    assert "(A4)" in info
    printed = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "agenda.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "09:00–10:00" in printed and "10:15–11:45" in printed and "DOEL-OPENING" in printed
    title = "Agenda voor de coach" if who == "coach" else "Agenda voor de deelnemers"
    assert title in printed
    assert ("PREP-OPENING" in printed) == (who == "coach")
    assert ("Flip-over en stiften" in printed) == (who == "coach")
    assert "Voeg toe" not in printed and "Begintijd" not in printed  # no controls on paper
