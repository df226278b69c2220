"""Accessibility: axe-core on the main pages of the real site, every language, light and dark; the
filters by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitekit import page, resolve

PREFIXES = {"nl": "", "fr": "fr/", "en": "en/"}
PAGES = ["home", "modules", "module", "practice", "trajectory"]
SCHEMES = {
    "light": ("light", "default"),
    "dark": ("dark", "slate"),
}  # prefers-color-scheme -> Material's scheme
BLOCKING = ("serious", "critical")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _first_tile(site: Path, prefix: str, listing: str) -> str:
    href = page(site, prefix + listing).select_one(".mk-tile a.mk-tile__title")["href"]
    target = resolve(site, prefix + listing, href)
    assert target.exists(), href
    return target.parent.relative_to(site).as_posix() + "/"


def _path(site: Path, lang: str, which: str) -> str:
    prefix = PREFIXES[lang]
    return {
        "home": prefix,
        "modules": prefix + "modules/",
        "trajectory": prefix + "trajectory/",
        "module": _first_tile(site, prefix, "modules/"),
        "practice": _first_tile(site, prefix, "practices/"),
    }[which]


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [
            ", ".join(n.get("target", []))
            if isinstance(n.get("target"), list)
            else str(n.get("target"))
            for n in v.get("nodes", [])
        ]
        why = next(
            (
                c.get("message", "")
                for n in v.get("nodes", [])[:1]
                for c in n.get("any", []) + n.get("all", [])
            ),
            "",
        )
        lines.append(
            f"{v['id']} ({v['impact']}): {v['help']} "
            f"[{len(targets)} element(s): {'; '.join(targets[:4])}]"
            + (f"\n    first: {why[:200]}" if why else "")
        )
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", list(PREFIXES))
@pytest.mark.parametrize("which", PAGES)
def test_no_serious_axe_violations(real_site, real_browser, axe, which, lang, scheme):
    media, material = SCHEMES[scheme]
    path = _path(real_site, lang, which)
    pg = real_browser.page(path, color_scheme=media)
    try:
        pg.wait_for_load_state("networkidle")
        # Material picks the scheme from prefers-color-scheme; make sure the page is really in it.
        pg.wait_for_function(
            f"document.body.getAttribute('data-md-color-scheme') === '{material}'", timeout=10_000
        )
        assert pg.evaluate("document.documentElement.lang") == lang
        results = axe.run(pg)
    finally:
        pg.context.close()
    violations = results.response["violations"]
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert blocking == [], f"{path} ({scheme}): axe reports\n" + _describe(blocking)


def test_filters_can_be_reached_and_used_with_the_keyboard_alone(real_browser):
    pg = real_browser.page("modules/", viewport={"width": 1280, "height": 900})
    try:
        visible = (
            "() => [...document.querySelectorAll('.mk-tile:not([hidden])')].map(e => e.dataset.id)"
        )
        before = pg.evaluate(visible)
        first = pg.eval_on_selector("form.mk-filters select", "e => e.name")
        # From the top of the page, Tab until the first filter has the focus.
        pg.evaluate("document.activeElement && document.activeElement.blur()")
        pg.focus("body")
        for presses in range(1, 400):  # noqa: B007 (the count is reported after the loop)
            pg.keyboard.press("Tab")
            if pg.evaluate("document.activeElement.matches('form.mk-filters select')"):
                break
        else:
            pytest.fail("Tab never reaches the filters")
        assert pg.evaluate("document.activeElement.name") == first, (
            f"Tab reaches another filter first, after {presses} presses"
        )
        assert pg.evaluate(
            "getComputedStyle(document.activeElement).outlineStyle !== 'none' || "
            "getComputedStyle(document.activeElement).boxShadow !== 'none'"
        ), "the focused filter shows no focus"
        pg.keyboard.press("ArrowDown")  # the first term
        chosen = pg.evaluate("document.activeElement.value")
        assert chosen, "ArrowDown did not choose a value"
        pg.wait_for_function(
            "ids => [...document.querySelectorAll('.mk-tile:not([hidden])')]"
            ".map(e => e.dataset.id).join() !== ids",
            arg=",".join(before),
            timeout=5_000,
        )
        after = pg.evaluate(visible)
        assert 0 < len(after) < len(before), (chosen, before, after)
        assert f"{first}={chosen}" in pg.url
    finally:
        pg.context.close()
