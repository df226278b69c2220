"""The real methodology meets the minimums its users were promised (issue: the methodology itself)."""

from __future__ import annotations

import re

import pytest

from methodkit.catalogue.catalogue import Catalogue
from methodkit.loading.loader import load
from sitekit import REPO

LANGS = ("nl", "fr", "en")
FORMATS = {"intake", "individual-coaching", "collective-session", "intervision", "company-visit", "event", "measurement"}


@pytest.fixture(scope="module")
def content():
    content, problems = load(REPO)
    assert problems == [], "\n".join(p.text() for p in problems)
    return content


def words(markdown: str) -> int:
    return len(re.findall(r"\w+", markdown))


def test_vocabularies_are_complete(content):
    v = content.vocabularies
    assert len(v["levers"]) >= 6 and len(v["barriers"]) >= 6
    assert set(v["formats"]) >= FORMATS
    for name in ("phases", "audiences", "levers", "barriers", "formats"):
        for term in v[name].values():
            for lang in LANGS:
                assert len(term.description(lang)) > 30, (name, term.id, lang)


def test_modules_cover_every_phase_and_format(content):
    modules = list(content.items["module"].values())
    assert len(modules) >= 15
    assert {m.meta["phase"] for m in modules} == set(content.vocabularies["phases"])
    assert {m.meta["format"] for m in modules} >= FORMATS


def test_every_module_is_complete(content):
    for m in content.items["module"].values():
        assert m.meta["objectives"] and m.meta["materials"] and m.meta["preparation"], m.id
        assert re.search(r"^1\. ", m.body, re.M) and re.search(r"^2\. ", m.body, re.M), f"{m.id}: numbered steps"
        assert '!!! coach "' in m.body, f"{m.id}: coach notes"
        assert '!!! worksheet "' in m.body, f"{m.id}: worksheet"
        assert words(m.body) >= 300, f"{m.id}: {words(m.body)} words"


def test_every_module_and_chapter_is_translated_and_current(content):
    cats = {lang: Catalogue(content, lang) for lang in LANGS[1:]}
    for kind, minimum in (("module", 15), ("chapter", 6)):
        assert len(content.items[kind]) >= minimum
        for item in content.items[kind].values():
            for lang, cat in cats.items():
                assert cat.status[(kind, item.id)] == "translated", (item.path, lang)


def test_practices_and_sessions(content):
    practices = content.items["practice"].values()
    sessions = content.items["session"].values()
    assert len(practices) >= 6 and len(sessions) >= 6
    for p in practices:
        assert p.meta["results"] and all(r["source"] for r in p.meta["results"]) and p.meta["lessons"], p.id
        assert p.meta["levers"] and p.meta["barriers"], p.id
    for s in sessions:
        assert s.meta.get("example") is True and s.meta["modules"] and s.meta["takeaways"] and s.meta["tips"], s.id


def test_practices_and_sessions_are_partly_translated(content):
    """Some translated, some not: the fallback is visible on the real site."""
    for kind in ("practice", "session"):
        for lang in LANGS[1:]:
            translated = [i for i in content.items[kind].values() if lang in i.translations]
            assert 0 < len(translated) < len(content.items[kind]), (kind, lang)


def test_trajectory_references_modules_and_uses_half_days(content):
    traj = content.trajectory
    assert traj.months == 12
    formats = {s.format for s in traj.steps}
    assert {"intake", "collective-session", "individual-coaching", "company-visit", "intervision", "measurement"} <= formats
    referenced = {m for s in traj.steps for m in s.modules}
    assert referenced <= set(content.items["module"])
    assert len(referenced) >= 15
