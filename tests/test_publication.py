"""The publication policy: the publisher's editorial rules as data, reported in a pull request,
blocking a release.

Everything here runs the real command on fixture sites whose mkdocs.yml declares
the policy under test; nothing depends on what methodology/ holds today.
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from sitekit import REPO, assemble, methodkit, page, replace_in

POLICY = re.compile(r"^      publication:\n(?:        .*\n|\s*#.*\n)*", re.M)


def set_policy(root, policy: str) -> None:
    """Replace the `publication:` block of the site's mkdocs.yml (`policy` is indented for it, or
    empty)."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert POLICY.search(text), "mkdocs.yml declares no publication policy"
    config.write_text(POLICY.sub(lambda m: policy, text, count=1), "utf-8")


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# -- the publisher --------------------------------------------------------------


@pytest.fixture(scope="module")
def publisher(basic_root, tmp_path_factory):
    """The basic fixture (alpha translated into French, beta's French outdated, gamma not
    translated), under a policy that asks French for every module."""
    root = shutil.copytree(
        basic_root,
        tmp_path_factory.mktemp("publisher") / "root",
        ignore=shutil.ignore_patterns("site"),
    )
    set_policy(root, "      publication:\n        module:\n          translations: [fr]\n")
    return root


def test_a_release_fails_listing_the_translations_a_policy_asks_for(publisher):
    proc = methodkit(publisher, "check", "--release")
    assert proc.returncode == 1
    assert lines(proc.stdout) == [
        "methodology/modules/beta-module.fr.md:6: source_hash: the translation into 'fr' "
        "is out of date "
        "(bring it up to date with methodology/modules/beta-module.md, then set source_hash: "
        + re.search(r"set source_hash: (\w+)", proc.stdout).group(1)
        + ")",
        "methodology/modules/gamma-module.md:1: translations.fr: has no translation into 'fr' "
        "(methodology/modules/gamma-module.fr.md) "
        "(start one with: methodkit translate methodology/modules/gamma-module.md --to fr)",
    ]
    assert "Traceback" not in proc.stderr


def test_the_pull_request_checks_stay_green_and_warn(publisher):
    proc = methodkit(publisher, "check")
    assert proc.returncode == 0 and proc.stdout == ""
    assert (
        "methodology/modules/gamma-module.fr.md" in proc.stderr and "check --release" in proc.stderr
    )
    github = methodkit(publisher, "check", "--format", "github")
    assert github.returncode == 0
    annotations = lines(github.stdout)
    assert len(annotations) == 2 and all(a.startswith("::warning file=") for a in annotations)
    assert (
        "::warning file=methodology/modules/gamma-module.md,line=1,"
        "title=publication policy::translations.fr:" in github.stdout
    )
    # The build of a pull request does not know the policy: it is green too.
    assert methodkit(publisher, "build", "--strict").returncode == 0


def test_status_reports_what_the_policy_still_asks(publisher):
    proc = methodkit(publisher, "status")
    assert proc.returncode == 0
    assert "publication policy: 2 thing(s) to do before a release" in proc.stdout
    assert "  methodology/modules/gamma-module.md:1: translations.fr:" in proc.stdout


def test_the_release_passes_once_the_translations_are_done(publisher, tmp_path):
    root = shutil.copytree(publisher, tmp_path / "root")
    assert (
        methodkit(root, "translate", "methodology/modules/gamma-module.md", "--to", "fr").returncode
        == 0
    )
    gamma = root / "methodology/modules/gamma-module.fr.md"
    replace_in(gamma, "draft: true\n", "")
    proc = methodkit(root, "check", "--release")
    assert proc.returncode == 1 and "gamma" not in proc.stdout  # beta's is still out of date
    now = re.search(r"set source_hash: (\w+)", proc.stdout).group(1)
    beta = root / "methodology/modules/beta-module.fr.md"
    beta.write_text(
        re.sub(r"source_hash: \w+", f"source_hash: {now}", beta.read_text("utf-8")), "utf-8"
    )
    proc = methodkit(root, "check", "--release")
    assert proc.returncode == 0, proc.stdout


# -- the rules ------------------------------------------------------------------


@pytest.fixture
def rules_root(tmp_path):
    return assemble(tmp_path / "rules")


def test_length_and_sections_are_asked_of_published_items_only(rules_root):
    set_policy(
        rules_root,
        "      publication:\n        module:\n          min_words: 40\n"
        "          sections: [steps, coach-note, worksheet]\n",
    )
    proc = methodkit(rules_root, "check", "--release")
    assert proc.returncode == 1
    found = {
        (line.split(":")[0].rsplit("/", 1)[1], line.split(": ", 2)[2].split(" (")[0])
        for line in lines(proc.stdout)
    }
    assert (
        "beta-module.md",
        "has 11 words, the publication policy asks at least 40 for a module",
    ) in found
    assert ("gamma-module.md", "lacks a worksheet") in found
    assert ("beta-module.md", "lacks numbered steps") in found
    assert not any(
        name == "alpha-module.md" and "words" in why for name, why in found
    )  # alpha has 48
    # A draft is not published, so the policy does not ask anything of it yet (no published item
    # names gamma).
    path = rules_root / "methodology/modules/gamma-module.md"
    path.write_text(path.read_text("utf-8").replace("\n---\n", "\ndraft: true\n---\n", 1), "utf-8")
    proc = methodkit(rules_root, "check", "--release")
    assert "gamma-module" not in proc.stdout and "beta-module.md:" in proc.stdout


def test_no_policy_asks_nothing(rules_root):
    set_policy(rules_root, "")
    proc = methodkit(rules_root, "check", "--release")
    assert proc.returncode == 0 and proc.stdout == "" and "publication policy" not in proc.stderr


def test_a_policy_written_wrong_is_reported_with_its_line(rules_root):
    # Each value is said as it reads in YAML (true, not Python's True).
    set_policy(
        rules_root,
        "      publication:\n        modul:\n          min_words: 10\n        module:\n"
        "          min_words: yes\n          sections: [stappen]\n          translations: [de]\n"
        "          kleur: groen\n",
    )
    proc = methodkit(rules_root, "check")
    assert proc.returncode == 1
    start = (rules_root / "mkdocs.yml").read_text("utf-8").splitlines().index(
        "      publication:"
    ) + 1
    first, *rest = lines(proc.stdout)
    kinds = first.removeprefix(
        f"mkdocs.yml:{start + 1}: publication.modul: 'modul' is not an item type (item types: "
    )
    assert set(kinds.rstrip(")").split(", ")) == {"module", "session", "practice", "chapter"}, (
        first
    )  # the declared types
    assert rest == [
        f"mkdocs.yml:{start + 4}: publication.module.min_words: true is not a whole number "
        "(a number of words, e.g. 300)",
        f"mkdocs.yml:{start + 5}: publication.module.sections[0]: unknown section 'stappen' "
        "(known: steps, coach-note, worksheet, footnote)",
        f"mkdocs.yml:{start + 6}: publication.module.translations[0]: unknown site language 'de' "
        "(known: nl, fr, en)",
        f"mkdocs.yml:{start + 7}: publication.module.kleur: is not a known field "
        "(allowed fields: min_words, sections, translations)",
    ]


def test_policy_messages_exist_in_dutch(publisher):
    proc = methodkit(publisher, "check", "--release", "--lang", "nl")
    assert "heeft geen vertaling naar 'fr' (methodology/modules/gamma-module.fr.md)" in proc.stdout
    assert "de vertaling naar 'fr' is verouderd" in proc.stdout


def test_this_repository_declares_its_policy_and_the_deploy_job_keeps_it():
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert POLICY.search(config)
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text("utf-8"))
    steps = next(
        job
        for job in workflow["jobs"].values()
        if any("make pdf" in str(s.get("run", "")) for s in job["steps"])
    )["steps"]
    release = next(s for s in steps if "check --release" in str(s.get("run", "")))
    assert release["if"] == "github.event_name == 'push'"  # never on a pull request
    runs = [str(s.get("run", "")) for s in steps]
    assert runs.index(release["run"]) < next(i for i, r in enumerate(runs) if "make pdf" in r)


# -- the coach ------------------------------------------------------------------

SESSION = """---
id: {id}
title: Terugkomdag in Gent
summary: Zes deelnemers brachten hun experiment mee en zochten samen naar de volgende stap.
date: '2024-03-14'
cohort: Traject Gent 2024
modules: [alpha-module]
format: collective-session
participants: 6
takeaways:
  - Een klein experiment overtuigt een leidinggevende sneller dan een plan.
tips:
  - Laat elke deelnemer eerst één minuut vertellen wat er sinds de vorige keer veranderde.
---
## Wat we deden

We begonnen met een ronde: wat liep goed, wat liep vast? Daarna koos elke
deelnemer één collega die hij of zij deze maand betrekt.
"""


def test_the_coach_gets_a_green_pull_request(tmp_path):
    """A real session summary and a finished French translation are valid contributions: every
    check stays green."""
    root = assemble(tmp_path / "coach")
    proc = methodkit(
        root, "new", "session", "--title", "Terugkomdag in Gent", "--date", "2024-03-14", check=True
    )
    path = root / re.search(r"created (\S+)", proc.stdout).group(1)
    # Ready too early: the stand-ins of `methodkit new` are not published.
    path.write_text(path.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    early = methodkit(root, "check")
    assert (
        early.returncode == 1
        and "still holds the stand-in 'Vul in.' of methodkit new" in early.stdout
    )
    # Filled in with real text, no `example`, not a draft.
    path.write_text(SESSION.format(id=path.stem), "utf-8")
    # ... and every practice not yet in French, translated.
    for practice in sorted((root / "methodology/practices").glob("*.md")):
        if (
            practice.name.count(".") == 1
            and not practice.with_name(f"{practice.stem}.fr.md").exists()
        ):
            methodkit(
                root, "translate", practice.relative_to(root).as_posix(), "--to", "fr", check=True
            )
            fr = practice.with_name(f"{practice.stem}.fr.md")
            fr.write_text(
                fr.read_text("utf-8")
                .replace("draft: true\n", "")
                .replace("Praktijktekst.", "Texte de la pratique."),
                "utf-8",
            )
    # What the pull request runs: the check (annotations) and the strict build.
    github = methodkit(root, "check", "--format", "github")
    assert github.returncode == 0 and "::error" not in github.stdout, github.stdout
    build = methodkit(root, "build", "--strict")
    assert build.returncode == 0, build.stderr
    session = page(root / "site", f"sessions/{path.stem}/")
    assert (
        "Terugkomdag in Gent" in session.h1.get_text()
        and session.select_one(".mk-flag--example") is None
    )
    french = page(root / "site", "fr/practices/voorbeeldpraktijk/")
    assert (
        "Texte de la pratique." in french.get_text()
        and french.select_one(".mk-notice--fallback") is None
    )
