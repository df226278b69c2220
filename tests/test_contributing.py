"""Contributing: `methodkit new` for every item type, scaffold -> check -> build round trip."""

from __future__ import annotations

import re

import pytest
import yaml

from methodkit.checks.placeholders import BODY, FIELDS
from methodkit.checks.wording import field_help
from methodkit.cli.scaffold import HELP_LANGS, slugify
from methodkit.loading.loader import load
from methodkit.mkdocs_adapter.build import build_site
from sitekit import REPO, assemble, methodkit

KINDS = {
    "module": "modules",
    "session": "sessions",
    "practice": "practices",
    "chapter": "framework",
}
STAND_INS = {text for texts in (*FIELDS.values(), *BODY.values()) for text in texts.values()}
URLS = {"module": "modules", "session": "sessions", "practice": "practices", "chapter": "method"}


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Het intakegesprek", "het-intakegesprek"),
        ("Çà et là: één ëerste stap!", "ca-et-la-een-eerste-stap"),
        ("Collega's  &  managers", "collegas-en-managers"),
        ("Façade, naïef, coöperatie", "facade-naief-cooperatie"),
    ],
)
def test_ids_from_titles(title, expected):
    assert slugify(title) == expected


def test_every_field_is_explained_in_every_help_language():
    help_text = field_help()
    schemas = load(REPO)[0].schemas
    for kind in KINDS:
        for field in schemas.raw[kind]["properties"]:
            for lang in HELP_LANGS:
                assert help_text.get(field, {}).get(lang), (kind, field, lang)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("contrib"))
    created = {}
    for kind in KINDS:
        for lang in HELP_LANGS:
            proc = methodkit(
                root,
                "new",
                kind,
                "--title",
                f"Nieuwe {kind} ({lang})",
                "--lang",
                lang,
                "--date",
                "2024-05-02",
            )
            assert proc.returncode == 0, proc.stderr
            path = re.search(r"created (\S+)", proc.stdout).group(1)
            assert "next steps" in proc.stdout
            created[(kind, lang)] = root / path
    return root, created


def test_new_files_have_every_field_and_are_valid_drafts(scaffolded):
    root, created = scaffolded
    schemas = load(root)[0].schemas
    for (kind, _lang), path in created.items():
        assert path.parent.name == KINDS[kind]
        text = path.read_text("utf-8")
        for field in schemas.raw[kind]["properties"]:
            assert re.search(rf"^(# )?{field}:", text, re.M), (path.name, field)
        assert re.search(r"^draft: true$", text, re.M)
        assert text.count("\n# ") >= len(
            schemas.raw[kind]["properties"]
        )  # an explanation per field
    proc = methodkit(root, "check")
    assert proc.returncode == 0, proc.stdout
    session = created[("session", "nl")]
    assert session.name == "2024-05-nieuwe-session-nl.md"
    # A mapping's keys in the order a reader expects them (a range reads from min to max).
    module = created[("module", "nl")].read_text("utf-8")
    assert re.search(r"^group_size: \{min: \d+, max: \d+\}$", module, re.M), module


def test_new_never_overwrites(scaffolded):
    root, created = scaffolded
    path = created[("module", "nl")]
    path.write_text(path.read_text("utf-8") + "\nMijn eigen tekst.\n", "utf-8")
    before = path.read_bytes()
    proc = methodkit(root, "new", "module", "--title", "Nieuwe module (nl)")
    assert proc.returncode == 1 and "already exists" in proc.stderr
    assert path.read_bytes() == before


def test_new_says_how_to_write_a_date_it_cannot_read(scaffolded):
    root, _ = scaffolded
    proc = methodkit(root, "new", "session", "--title", "Sessie", "--date", "24/01/2019")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "methodkit new: --date: '24/01/2019' is not a date; write it as YYYY-MM-DD (2019-01-24)"
    )


def test_drafts_serve_then_publish(scaffolded, tmp_path):
    root, created = scaffolded
    site = tmp_path / "served"
    assert build_site(root, site_dir=str(site), serve=True, quiet=True) == 0
    for (kind, lang), path in created.items():
        for prefix in ("", "fr/", "en/"):
            assert (site / prefix / URLS[kind] / path.stem / "index.html").exists(), (
                kind,
                lang,
                prefix,
            )
    published = tmp_path / "published"
    assert build_site(root, site_dir=str(published), strict=True, quiet=True) == 0
    assert not any((published / URLS[kind] / p.stem).exists() for (kind, _), p in created.items())
    # Removing the draft line too early: the stand-ins of `methodkit new` are reported, none is
    # published.
    for path in created.values():
        path.write_text(path.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    early = methodkit(root, "check")
    assert early.returncode == 1
    for path in created.values():
        rel = path.relative_to(root).as_posix()
        assert re.search(
            rf"^{re.escape(rel)}:\d+: body: still holds the stand-in", early.stdout, re.M
        ), rel
        assert re.search(
            rf"^{re.escape(rel)}:\d+: \w+(\[0\])?: still holds the stand-in", early.stdout, re.M
        ), rel
    # Ready: the contributor writes the text, and the item is published.
    for path in created.values():
        text = path.read_text("utf-8")
        for n, stand_in in enumerate(sorted(STAND_INS, key=len, reverse=True)):
            text = text.replace(stand_in, f"Eigen tekst {n}.")
        path.write_text(text.replace(": ...\n", ": Eigen tekst.\n"), "utf-8")
    assert methodkit(root, "check").returncode == 0, methodkit(root, "check").stdout
    assert build_site(root, site_dir=str(published), strict=True, quiet=True) == 0
    for (kind, lang), path in created.items():
        assert (published / URLS[kind] / path.stem / "index.html").exists(), (kind, lang)


def test_the_workflow_checks_builds_tests_and_publishes_only_main():
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text("utf-8"))
    assert (
        "pull_request" in workflow[True] and "push" in workflow[True]
    )  # YAML 1.1 reads the key `on` as true
    jobs = workflow["jobs"]
    build = next(
        job
        for job in jobs.values()
        if any("make test" in str(s.get("run", "")) for s in job["steps"])
    )
    runs = [str(s.get("run", "")) for s in build["steps"]]
    order = [
        next(i for i, r in enumerate(runs) if needle in r)
        for needle in ("methodkit check --format github", "make pdf", "make test")
    ]
    assert order == sorted(order), runs
    assert "methodkit build --strict --pdf" in (REPO / "Makefile").read_text(
        "utf-8"
    )  # what `make pdf` runs
    assert any("upload-artifact" in str(s.get("uses", "")) for s in build["steps"])
    deploy = next(
        job
        for job in jobs.values()
        if any("deploy-pages" in str(s.get("uses", "")) for s in job["steps"])
    )
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
