"""Versions of the method: an item's changelog from git, on its page, in a feed, when printed."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from methodkit.loading import history
from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, git, page, replace_in, resolve

ATOM = "{http://www.w3.org/2005/Atom}"


def commit(root, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, date=f"{date}T12:00:00Z")


@pytest.fixture(scope="session")
def history_site(tmp_path_factory):
    """The basic fixture in git: alpha-module committed, then its text changed in a second."""
    root = assemble(tmp_path_factory.mktemp("history"))
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit(root, "Eerste versie van de methode", "2025-03-04")
    replace_in(
        root / "methodology/modules/alpha-module.md", "Doe nog iets.", "Doe nog iets, samen."
    )
    commit(root, "Alfa: tweede stap verduidelijkt", "2025-09-15")
    history.forget()
    assert build_site(root, strict=True, pdf=True, quiet=True) == 0
    return root


def test_item_page_lists_its_changes_newest_first(history_site):
    html = page(history_site / "site", "modules/alpha-module/")
    rows = [li.get_text() for li in html.select(".mk-changes li")]
    assert rows == [
        "15 september 2025: Alfa: tweede stap verduidelijkt",
        "4 maart 2025: Eerste versie van de methode",
    ]
    assert html.select_one(".mk-version").get_text() == "Versie van 15 september 2025"
    fr = page(history_site / "site", "fr/modules/alpha-module/")
    assert fr.select_one(".mk-changes time")["datetime"] == "2025-09-15"
    assert fr.select_one(".mk-version").get_text() == "Version du 15 septembre 2025"
    # The page leads to the feed of changes of its language.
    link = fr.select_one(".mk-changes a[href$='changes.xml']")["href"]
    assert resolve(history_site / "site", "fr/modules/alpha-module/", link) == (
        history_site / "site" / "fr" / "changes.xml"
    )
    # An item only in the first commit has one change.
    assert len(page(history_site / "site", "modules/beta-module/").select(".mk-changes li")) == 1


def test_a_feed_of_changes_per_language(history_site):
    for prefix in ("", "fr/", "en/"):
        feed = ET.parse(history_site / "site" / prefix / "changes.xml")
        titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
        assert titles[0].endswith(": Alfa: tweede stap verduidelijkt")
        assert any("Eerste versie van de methode" in t for t in titles)
        assert feed.find(f"{ATOM}entry/{ATOM}updated").text == "2025-09-15T00:00:00Z"


def test_without_git_there_is_no_history_and_no_error(tmp_path):
    root = assemble(tmp_path / "tarball")
    history.forget()
    assert history.version(root, "methodology/modules/alpha-module.md") is None
    assert list(history.versions(root, "methodology/modules/alpha-module.md")) == []
    assert history.changes(root, "methodology/modules/alpha-module.md") == ()


def test_the_version_printed_on_the_pdf_is_the_items(history_site):
    from methodkit.publishing.pdf_names import module_pdf

    for lang, prefix, text in (
        ("nl", "", "Versie van 15 september 2025"),
        ("fr", "fr/", "Version du 15 septembre 2025"),
    ):
        pdf = history_site / "site" / prefix / module_pdf("alpha-module", "coach", lang)
        out = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        assert text in " ".join(out.stdout.split())


def test_a_separator_in_a_commit_subject_is_part_of_it(tmp_path):
    """`git log` is read record by record: a subject holding the separator is one change still."""
    (tmp_path / "methodology").mkdir()
    (tmp_path / "methodology" / "x.md").write_text("x\n", "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    # Separators, and a whole record forged after them (a hash, an impossible date).
    forged = "Tidy\x1e" + "0123456789abcdef" * 2 + "01234567\x1f2020-99-99\x1fgotcha"
    git(tmp_path, "commit", "-qm", forged)
    history.forget()
    found = history.changes(tmp_path, "methodology/x.md")
    assert [c.summary for c in found] == [forged]
    assert found[0].date != "2020-99-99"
