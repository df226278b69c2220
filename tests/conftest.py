"""Fixture sites, each built once per test session and read by many tests."""

from __future__ import annotations

import os
import re

import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, git, methodkit, replace_in


@pytest.fixture(scope="session", autouse=True)
def check_cache(tmp_path_factory):
    """The check cache of this session's many fixture roots, kept out of the user's cache folder."""
    folder = tmp_path_factory.mktemp("check-cache")
    os.environ["METHODKIT_CACHE_DIR"] = str(folder)  # the commands the tests start inherit it
    return folder


@pytest.fixture(scope="session")
def basic_root(tmp_path_factory):
    """The basic fixture's sources, with translations made the way a translator makes them."""
    root = assemble(tmp_path_factory.mktemp("basic"))
    modules = root / "methodology" / "modules"
    # alpha: translated into French and current.
    methodkit(root, "translate", "methodology/modules/alpha-module.md", "--to", "fr", check=True)
    fr = modules / "alpha-module.fr.md"
    replace_in(fr, "draft: true\n", "")  # the translator is done
    replace_in(fr, "title: Alfa-module", "title: Module alpha")
    replace_in(fr, "Alfatekst in het Nederlands.", "Texte alpha en français.")
    # beta: translated into French, then its Dutch source changes, so the translation is outdated.
    methodkit(root, "translate", "methodology/modules/beta-module.md", "--to", "fr", check=True)
    replace_in(modules / "beta-module.fr.md", "draft: true\n", "")
    replace_in(
        modules / "beta-module.fr.md", "Bètatekst in het Nederlands.", "Texte bêta en français."
    )
    replace_in(
        modules / "beta-module.md",
        "Bètatekst in het Nederlands.",
        "Bètatekst, herschreven na de vertaling.",
    )
    # A page of the site itself, translated into English only.
    (root / "docs" / "proef.md").write_text(
        "---\ntitle: Proefpagina\n---\n# Proefpagina\n\nPROEFTEKST-NL\n", "utf-8"
    )
    methodkit(root, "translate", "docs/proef.md", "--to", "en", check=True)
    replace_in(root / "docs" / "proef.en.md", "draft: true\n", "")
    replace_in(root / "docs" / "proef.en.md", "PROEFTEKST-NL", "TRIAL-TEXT-EN")
    replace_in(root / "docs" / "proef.en.md", "title: Proefpagina", "title: Trial page")
    return root


@pytest.fixture(scope="session")
def basic_site(basic_root):
    """The basic fixture built in every language, with PDFs; tests only read it."""
    assert build_site(basic_root, strict=True, pdf=True, quiet=True) == 0
    return basic_root / "site"


@pytest.fixture(scope="session")
def playwright():
    from browser import playwright_driver

    with playwright_driver() as p:
        yield p


@pytest.fixture(scope="session")
def basic_browser(basic_site, playwright):
    """Chromium on the basic fixture site, shared by the browser tests."""
    from browser import browse

    with browse(basic_site, playwright) as b:
        yield b


@pytest.fixture(scope="session")
def real_root(tmp_path_factory):
    """A copy of the repository's own content and pages."""
    return assemble(tmp_path_factory.mktemp("real"), content=None)


@pytest.fixture(scope="session")
def real_site(real_root):
    """The real methodology built in every language (without PDFs); tests only read it."""
    assert build_site(real_root, strict=True, quiet=True) == 0
    return real_root / "site"


@pytest.fixture(scope="session")
def real_browser(real_site, playwright):
    """Chromium on the real site, with every request recorded."""
    from browser import browse

    with browse(real_site, playwright) as b:
        yield b


@pytest.fixture(scope="session")
def trainer_root(tmp_path_factory):
    """Five modules for the planner, the cards and the workbook; one translated into French."""
    root = assemble(tmp_path_factory.mktemp("trainer"), content="trainer")
    methodkit(root, "translate", "methodology/modules/opening.md", "--to", "fr", check=True)
    fr = root / "methodology" / "modules" / "opening.fr.md"
    replace_in(fr, "draft: true\n", "")
    replace_in(fr, "title: Opening in de kring", "title: Ouverture en cercle")
    replace_in(fr, "Naambordjes", "Badges nominatifs")
    # The steps and the worksheet, translated around the markers the tests look for.
    replace_in(fr, "heet iedereen welkom.", "accueillez chacun.")
    replace_in(fr, "laat iedereen zich voorstellen.", "chacun se présente.")
    replace_in(fr, "Wat neem je mee?", "Qu'emportez-vous ?")
    # A publisher of its own, whatever the repository's branding says today.
    config = root / "mkdocs.yml"
    text, found = re.subn(
        r"(\n  publisher:\n(?:    #.*\n)*    name: ).*\n",
        r"\1PROEF-UITGEVER\n",
        config.read_text("utf-8"),
    )
    assert found == 1, "extra.publisher.name not found in mkdocs.yml"
    config.write_text(text, "utf-8")
    # A commit of its own, with a known date: printouts show the edition (version and date) of the
    # content.
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "fixture", date="2026-03-01T12:00:00")
    return root


@pytest.fixture(scope="session")
def trainer_site(trainer_root):
    """The trainer fixture built in every language, with PDFs; tests only read it."""
    assert build_site(trainer_root, strict=True, pdf=True, quiet=True) == 0
    return trainer_root / "site"
