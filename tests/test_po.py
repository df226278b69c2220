"""The PO round trip: `methodkit po export`, a translator's change, `methodkit po import`.

A fixture module (tests/fixtures/po/) with a table, a list and two boxes, and a
French translation wrapped differently from its source, sit in the basic
fixture site under git. Tests read the PO files with Babel, as a platform would.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from methodkit.mkdocs_adapter.build import build_site
from sitekit import FIXTURES, assemble, git, methodkit, page, replace_in

MODULE = "methodology/modules/delta-module.md"
TRANSLATION = "methodology/modules/delta-module.fr.md"
PO = "po/fr/methodology/modules/delta-module.po"
# The delta module's second paragraph.
SECOND = "Een tweede alinea met **vet** en een [link](https://example.org/)."


# Each test but the one that builds is of the engine alone: `make test-properdocs` leaves them out.


@pytest.fixture(scope="session")
def po_template(tmp_path_factory):
    """The basic site plus the delta module, its current French translation, all in one commit."""
    root = assemble(tmp_path_factory.mktemp("po-template"))
    for name in ("delta-module.md", "delta-module.fr.md"):
        shutil.copy(FIXTURES / "po" / name, root / "methodology" / "modules" / name)
    current = _current_hash(root)
    replace_in(root / TRANSLATION, "000000000000", current)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Fixture")
    return root


def _current_hash(root: Path) -> str:
    out = methodkit(root, "status", "--lang", "fr").stdout
    line = next(row for row in out.splitlines() if "delta-module.fr.md" in row)
    return line.rsplit("source_hash: ", 1)[1].rstrip(")")


@pytest.fixture
def repo(po_template, tmp_path):
    """A fresh copy for a test that changes files."""
    root = tmp_path / "repo"
    shutil.copytree(po_template, root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("methodology", "docs")
        for p in (root / folder).rglob("*")
        if p.is_file()
    }


def catalogue(root: Path, rel: str = PO):
    with (root / rel).open("rb") as fh:
        return {m.context: m for m in read_po(fh) if m.id}


@pytest.mark.engine
def test_export_splits_a_file_into_units(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    cat = catalogue(repo)
    kinds = {m.context: m.auto_comments[0] for m in cat.values()}
    texts = {m.id: m.string for m in cat.values()}
    # Not one message per page: every block is a unit of its own, with its translation.
    assert texts["Delta-module"] == "Module delta"
    assert texts["Het tweede doel van de delta-module."] == "Le deuxième objectif du module delta."
    assert texts[
        "Deltatekst in het Nederlands, over twee regels verdeeld zoals een auteur dat doet."
    ] == (
        "Texte delta en français, réparti sur deux lignes comme le fait une personne qui traduit, "
        "mais pas aux mêmes endroits."
    )
    assert (
        texts["**Tweede stap (30 minuten).** Doe nog iets."]
        == "**Deuxième étape (30 minutes).** Faites encore quelque chose."
    )
    assert texts["Oefening"] == "Exercice"
    assert texts["Voor de coach"] == "Pour le coach"
    assert texts["Tweede vraag?"] == "Deuxième question ?"
    assert {
        "heading 2",
        "list item",
        "table cell",
        "coach > admonition title",
        "worksheet > list item",
        "coach",
        "field summary",
    } <= set(kinds.values())
    assert not any(m.fuzzy for m in cat.values())
    # Every page of the site too, and the vocabularies as a glossary.
    assert (repo / "po/fr/docs/reuse.po").is_file()
    assert (repo / "po/fr/methodology/modules/alpha-module.po").is_file()


@pytest.mark.engine
def test_round_trip_without_changes_leaves_every_file_byte_identical(repo):
    before = snapshot(repo)
    for lang in ("fr", "en"):
        methodkit(repo, "po", "export", "--lang", lang, check=True)
        proc = methodkit(repo, "po", "import", "--lang", lang, check=True)
        assert "0 created, 0 updated, 0 rebuilt" in proc.stdout
    assert snapshot(repo) == before


def test_a_unit_changed_in_the_po_file_reaches_the_page(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    before = (repo / TRANSLATION).read_text("utf-8")
    _edit_po(
        repo,
        {
            "Oefening": "Mise en pratique",
            SECOND: "Un paragraphe revu par la traductrice, avec du **gras**.",
        },
    )
    proc = methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert f"updated   {TRANSLATION}" in proc.stdout
    after = (repo / TRANSLATION).read_text("utf-8")
    # Only the two units changed; the rest of the file keeps its bytes.
    assert after == before.replace("| Exercice |", "| Mise en pratique |").replace(
        "Un deuxième paragraphe avec du **gras** et un [lien](https://example.org/).",
        "Un paragraphe revu par la traductrice, avec du **gras**.",
    )
    assert not behind(repo, "fr", "delta-module")  # current
    assert build_site(repo, strict=True, quiet=True) == 0
    html = page(repo / "site", "fr/modules/delta-module/")
    assert "Un paragraphe revu par la traductrice" in html.get_text()
    assert [td.get_text() for td in html.select("article table td")][2] == "Mise en pratique"


@pytest.mark.engine
def test_a_new_translation_is_created_from_the_po_file(repo):
    methodkit(repo, "po", "export", "--lang", "en", check=True)
    cat = catalogue(repo, "po/en/methodology/modules/delta-module.po")
    _edit_po(
        repo,
        {m.id: f"EN {m.id}" for m in cat.values()},
        "po/en/methodology/modules/delta-module.po",
    )
    proc = methodkit(repo, "po", "import", "--lang", "en", check=True)
    assert "created   methodology/modules/delta-module.en.md" in proc.stdout
    assert not behind(repo, "en", "delta-module")
    assert methodkit(repo, "check").returncode == 0
    text = (repo / "methodology/modules/delta-module.en.md").read_text("utf-8")
    assert (
        "\ndraft: true" not in text
        and "| EN Oefening |" in text
        and '!!! coach "EN Voor de coach"' in text
    )


@pytest.mark.engine
def test_a_dutch_edit_marks_exactly_the_changed_units_fuzzy(repo):
    replace_in(
        repo / MODULE, "Het tweede doel van de delta-module.", "Het tweede, herschreven doel."
    )
    replace_in(repo / MODULE, "| Oefening | 50 minuten |", "| Oefenen in duo's | 50 minuten |")
    replace_in(
        repo / MODULE, "    2. Tweede vraag?", "    2. Tweede vraag?\n    3. Een nieuwe vraag?"
    )
    git(repo, "commit", "-qam", "Delta herschreven")
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    cat = catalogue(repo)
    fuzzy = {m.id: m.string for m in cat.values() if m.fuzzy}
    assert fuzzy == {
        "Het tweede, herschreven doel.": "Le deuxième objectif du module delta.",
        "Oefenen in duo's": "Exercice",
    }
    # The Dutch text they were translated from, to compare, as a comment beside each.
    raw = (repo / PO).read_text("utf-8")
    assert "#. previous source: Het tweede doel van de delta-module." in raw
    assert "#. previous source: Oefening" in raw
    # A file every PO tool reads: GNU gettext's own checker accepts it.
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(repo / PO)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert cat[_context(cat, "Een nieuwe vraag?")].string == ""
    assert all(m.string for m in cat.values() if not m.fuzzy and m.id != "Een nieuwe vraag?")
    # Imported as it is, the translation keeps the version it was made from: still outdated.
    proc = methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert "3 unit(s) fuzzy or untranslated; source_hash left as it was" in proc.stdout
    assert behind(repo, "fr", "delta-module") == [
        "outdated  methodology/modules/delta-module.fr.md"
    ]
    # Once the translator has done the three, it is current again.
    _edit_po(
        repo,
        {
            "Het tweede, herschreven doel.": "Le deuxième objectif, réécrit.",
            "Oefenen in duo's": "S'exercer à deux",
            "Een nieuwe vraag?": "Une nouvelle question ?",
        },
    )
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert not behind(repo, "fr", "delta-module")
    text = (repo / TRANSLATION).read_text("utf-8")
    assert "    3. Une nouvelle question ?" in text and "| S'exercer à deux |" in text
    assert (
        "Texte delta en français, réparti sur deux lignes comme le fait une personne\nqui traduit"
        in text
    )


@pytest.mark.engine
def test_without_git_an_outdated_translation_is_all_fuzzy(repo):
    shutil.rmtree(repo / ".git")
    replace_in(repo / MODULE, "Doe nog iets.", "Doe nog iets anders.")
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    cat = catalogue(repo)
    assert all(m.fuzzy and m.string for m in cat.values())


@pytest.mark.engine
def test_import_never_overwrites_a_translation_it_cannot_rebuild(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    # The translator merged two paragraphs by hand after the export: not in the PO file.
    replace_in(
        repo / TRANSLATION,
        "pas aux mêmes endroits.\n\nUn deuxième",
        "pas aux mêmes endroits. Un deuxième",
    )
    before = (repo / TRANSLATION).read_bytes()
    _edit_po(repo, {"Oefening": "Mise en pratique"})
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert proc.returncode == 1
    assert (
        f"{TRANSLATION}:1: file: was not written: its blocks do not follow those of {MODULE}"
        in proc.stderr
    )
    assert (repo / TRANSLATION).read_bytes() == before


@pytest.mark.engine
def test_a_translation_that_would_change_the_structure_is_refused(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    before = (repo / TRANSLATION).read_bytes()
    _edit_po(
        repo,
        {SECOND: "Un.\n\n## Titre pirate"},
    )
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert proc.returncode == 1 and "was not written" in proc.stderr
    assert (repo / TRANSLATION).read_bytes() == before


@pytest.mark.engine
def test_vocabularies_export_as_a_tbx_glossary(repo):
    import xml.etree.ElementTree as ET

    from sitekit import label

    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    tree = ET.parse(repo / "po" / "glossary.tbx")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entry = tree.find(".//termEntry[@id='levers.peer-exchange']")
    terms = {ls.get(lang): ls.find("tig/term").text for ls in entry.findall("langSet")}
    assert terms == {
        code: label(repo, "levers", "peer-exchange", code) for code in ("nl", "fr", "en")
    }


def behind(root: Path, lang: str, name: str) -> list[str]:
    """What `methodkit status` lists as missing or outdated for files called `name`."""
    out = methodkit(root, "status", "--lang", lang).stdout.splitlines()
    return [
        row.strip().split("  (")[0]
        for row in out
        if row.startswith(("  missing", "  outdated")) and name in row
    ]


def _context(cat, msgid: str) -> str:
    return next(k for k, m in cat.items() if m.id == msgid)


def _edit_po(root: Path, changes: dict[str, str], rel: str = PO) -> None:
    """What a translator does in a PO editor: fill in msgstr, clear the fuzzy flag."""
    with (root / rel).open("rb") as fh:
        cat = read_po(fh)
    for m in cat:
        if m.id in changes:
            m.string = changes[m.id]
            m.flags.discard("fuzzy")
    with (root / rel).open("wb") as fh:
        write_po(fh, cat)


@pytest.mark.engine
def test_a_long_translation_is_wrapped_like_the_source_and_reads_back(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    long = (
        "Un paragraphe nettement plus long que la ligne d'un éditeur, "
        "écrit par la traductrice - "
        "avec un tiret entouré d'espaces - 1. un chiffre suivi d'un point, "
        "et du **gras** pour finir la phrase sans aucun retour à la ligne."
    )
    _edit_po(repo, {SECOND: long})
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    text = (repo / TRANSLATION).read_text("utf-8")
    body = text[text.index("Un paragraphe nettement") : text.index("retour à la ligne.") + 18]
    assert "\n" in body and all(len(line) <= 80 for line in body.split("\n"))
    assert methodkit(repo, "check").returncode == 0
    methodkit(repo, "po", "export", "--lang", "fr", check=True)  # the same text comes back out
    assert catalogue(repo)[_context(catalogue(repo), SECOND)].string == long


@pytest.mark.engine
def test_a_po_file_without_a_source_is_reported_not_imported(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    shutil.copy(repo / PO, repo / "po/fr/methodology/modules/weg.po")
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert proc.returncode == 1
    assert "po/fr/methodology/modules/weg.po:1: file: has no Dutch source" in proc.stderr
    assert not (repo / "methodology/modules/weg.fr.md").exists()


# -- a translator's work and a hand edit are never lost between an export and an import --------

FRENCH_SECOND = "Un deuxième paragraphe avec du **gras** et un [lien](https://example.org/)."


def _set_po(root: Path, msgid: str, text: str, *, fuzzy: bool, translator: str | None = None):
    """A translator's PO editor: one message's translation, and its fuzzy flag, left as given."""
    with (root / PO).open("rb") as fh:
        cat = read_po(fh)
    for m in cat:
        if m.id == msgid:
            m.string = text
            m.flags.discard("fuzzy")
            if fuzzy:
                m.flags.add("fuzzy")
    if translator:
        cat.last_translator = translator
    with (root / PO).open("wb") as fh:
        write_po(fh, cat)


@pytest.mark.engine
def test_export_again_keeps_what_the_translator_has_not_imported_yet(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    _set_po(repo, "Oefening", "Mise en pratique", fuzzy=False, translator="Anne <anne@example.org>")
    _set_po(repo, "Tweede vraag?", "Seconde question ?", fuzzy=True)  # a suggestion, not done
    # The Dutch changes meanwhile, in a text the translator has also changed.
    replace_in(repo / MODULE, "| Oefening | 50 minuten |", "| Oefenen | 50 minuten |")
    git(repo, "commit", "-qam", "Oefenen")
    proc = methodkit(repo, "po", "export", "--lang", "fr", check=True)
    assert f"note: {PO}: 2 translation(s) not imported yet kept" in proc.stderr
    cat = catalogue(repo)
    changed = cat[_context(cat, "Oefenen")]
    assert (changed.string, changed.fuzzy) == ("Mise en pratique", True)
    assert "previous source: Oefening" in changed.auto_comments
    suggestion = cat[_context(cat, "Tweede vraag?")]
    assert (suggestion.string, suggestion.fuzzy) == ("Seconde question ?", True)
    with (repo / PO).open("rb") as fh:
        assert read_po(fh).last_translator == "Anne <anne@example.org>"
    # Approved and imported, then exported once more: the suggestion stays, and so does the
    # approval, which the translation file cannot record while a text of it is still fuzzy.
    _set_po(repo, "Oefenen", "Mise en pratique", fuzzy=False)
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert "| Mise en pratique |" in (repo / TRANSLATION).read_text("utf-8")
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    cat = catalogue(repo)
    assert not cat[_context(cat, "Oefenen")].fuzzy
    assert cat[_context(cat, "Tweede vraag?")].string == "Seconde question ?"


@pytest.mark.engine
def test_import_keeps_a_hand_edit_made_after_the_export(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    replace_in(repo / TRANSLATION, FRENCH_SECOND, "Un second paragraphe, corrigé à la main.")
    _set_po(repo, "Oefening", "Mise en pratique", fuzzy=False)
    proc = methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert f"updated   {TRANSLATION}" in proc.stdout
    text = (repo / TRANSLATION).read_text("utf-8")
    assert "Un second paragraphe, corrigé à la main." in text and FRENCH_SECOND not in text
    assert "| Mise en pratique |" in text
    assert not behind(repo, "fr", "delta-module")


@pytest.mark.engine
def test_a_text_changed_on_both_sides_is_a_conflict_and_nothing_is_written(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    replace_in(repo / TRANSLATION, FRENCH_SECOND, "Un second paragraphe, corrigé à la main.")
    before = (repo / TRANSLATION).read_bytes()
    _set_po(repo, SECOND, "Un second paragraphe, revu par la traductrice.", fuzzy=False)
    _set_po(repo, "Oefening", "Mise en pratique", fuzzy=False)
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert proc.returncode == 1
    line = before.decode().splitlines().index("Un second paragraphe, corrigé à la main.") + 1
    key = _context(catalogue(repo), SECOND)
    assert f"{TRANSLATION}:{line}: {key}: changed by hand since the PO file was exported" in (
        proc.stderr
    )
    assert f"for this file's, copy it into its msgstr in {PO}" in proc.stderr
    assert "0 updated, 0 rebuilt," in proc.stdout and proc.stdout.rstrip().endswith("1 refused")
    assert (repo / TRANSLATION).read_bytes() == before
    # Settled in the PO file, it imports.
    _set_po(repo, SECOND, "Un second paragraphe, corrigé à la main.", fuzzy=False)
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert "| Mise en pratique |" in (repo / TRANSLATION).read_text("utf-8")


@pytest.mark.engine
def test_export_leaves_alone_a_po_file_it_cannot_read(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    (repo / PO).write_text('msgid "unclosed\n', "utf-8")
    proc = methodkit(repo, "po", "export", "--lang", "fr", check=True)
    assert f"note: {PO}: not a PO file that can be read; left as it is" in proc.stderr
    assert (repo / PO).read_text("utf-8") == 'msgid "unclosed\n'


@pytest.mark.engine
def test_import_says_the_problems_of_what_it_wrote_at_once(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    _set_po(repo, SECOND, "Un second paragraphe avec un [lien](nulle-part.md).", fuzzy=False)
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert f"updated   {TRANSLATION}" in proc.stdout  # written, and said to need a fix
    assert proc.returncode == 1
    assert f"{TRANSLATION}:" in proc.stderr and "'nulle-part.md' leads to no page" in proc.stderr


@pytest.mark.engine
def test_a_paragraph_added_in_dutch_moves_no_waiting_translation(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    _set_po(repo, SECOND, "Un second paragraphe revu, pas encore importé.", fuzzy=False)
    replace_in(repo / MODULE, SECOND, f"Een nieuwe alinea, voor de tweede.\n\n{SECOND}")
    git(repo, "commit", "-qam", "Een alinea erbij")
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    cat = catalogue(repo)
    assert cat[_context(cat, SECOND)].string == "Un second paragraphe revu, pas encore importé."
    assert cat[_context(cat, "Een nieuwe alinea, voor de tweede.")].string == ""
    # Once translated, the new paragraph too, the file imports.
    _set_po(repo, "Een nieuwe alinea, voor de tweede.", "Un nouveau paragraphe.", fuzzy=False)
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    text = (repo / TRANSLATION).read_text("utf-8")
    assert "Un nouveau paragraphe.\n\nUn second paragraphe revu, pas encore importé." in text


@pytest.mark.engine
def test_a_conflict_survives_an_export_in_between(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    replace_in(repo / TRANSLATION, FRENCH_SECOND, "Un second paragraphe, corrigé à la main.")
    _set_po(repo, SECOND, "Un second paragraphe, revu par la traductrice.", fuzzy=False)
    proc = methodkit(repo, "po", "export", "--lang", "fr", check=True)
    assert "1 of them changed by hand in methodology/modules/delta-module.fr.md too" in proc.stderr
    before = (repo / TRANSLATION).read_bytes()
    proc = methodkit(repo, "po", "import", "--lang", "fr")
    assert proc.returncode == 1 and "changed by hand since the PO file was exported" in proc.stderr
    assert (repo / TRANSLATION).read_bytes() == before


@pytest.mark.engine
def test_a_second_round_of_corrections_in_the_same_po_file_is_no_conflict(repo):
    methodkit(repo, "po", "export", "--lang", "fr", check=True)
    _set_po(repo, SECOND, "Première correction.", fuzzy=False)
    methodkit(repo, "po", "import", "--lang", "fr", check=True)
    _set_po(repo, SECOND, "Seconde correction.", fuzzy=False)
    proc = methodkit(repo, "po", "import", "--lang", "fr", check=True)
    assert f"updated   {TRANSLATION}" in proc.stdout
    assert "Seconde correction." in (repo / TRANSLATION).read_text("utf-8")
