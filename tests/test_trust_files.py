"""Trust (issue 15): only regular files of the repository's content are read or published.

A pull request can add a symbolic link named like an image, a page or an item,
a named pipe, a dangling link, or files that are not content (notes, a CSV).
The check names each one; the build (also when the check is skipped, while
serving), the sources zip and the PDFs read none of them.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from methodkit.mkdocs_adapter.build import build_site
from sitekit import assemble, methodkit, page

SECRET = "SECRET-OF-THE-BUILD-MACHINE"
M = "methodology/modules"

# (path in the repository, what it is) -> the problem `methodkit check` reports, after
# "path:1: file: ".
LINKS = {
    f"{M}/plaatje.png": ("link", "is a symbolic link"),  # named like an image an item shows
    f"{M}/delta-module.md": ("link", "is a symbolic link"),  # named like an item
    f"{M}/alpha-module.en.md": ("link", "is a symbolic link"),  # named like a translation
    "methodology/vocabularies/extra.yml": ("link", "is a symbolic link"),
    "docs/geheim.md": ("link", "is a symbolic link"),  # a page of the site
    "docs/beeld.png": ("link", "is a symbolic link"),
    f"{M}/weg.png": ("dangling", "is a symbolic link"),
    "docs/weg.md": ("dangling", "is a symbolic link"),
    f"{M}/pijp.png": ("fifo", "is a named pipe"),
    "docs/pijp.md": ("fifo", "is a named pipe"),
    "methodology/notities.txt": ("file", "is not content"),
    "methodology/vocabularies/ruw.csv": ("file", "is not content"),
    "docs/pagina.html": ("file", "is neither a page nor an image"),
    "docs/fr.md": ("page", "is named like a language code"),
    "docs/feed.xml.md": ("page", "has a dot in its name"),
    "docs/downloads/methodology-sources.zip.md": ("page", "has a dot in its name"),
    # Folders named like files the site writes: the build could not write those files.
    "docs/sitemap.xml/index.md": ("page", "is in a folder with a dot in its name ('sitemap.xml')"),
    "docs/404.html/index.md": ("page", "is in a folder with a dot in its name ('404.html')"),
    "docs/feed.xml/kaart.png": ("page", "is in a folder with a dot in its name ('feed.xml')"),
}


@pytest.fixture(scope="module")
def linked_root(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("links") / "root")
    secret = root.parent / "outside.txt"
    secret.write_text(f"{SECRET}\n", "utf-8")
    (root.parent / "outside-dir").mkdir()
    (root.parent / "outside-dir" / "x.md").write_text(
        f"---\ntitle: {SECRET}\n---\n{SECRET}\n", "utf-8"
    )
    for rel, (kind, _) in LINKS.items():
        path = root / rel
        if kind == "link":
            path.symlink_to(secret)
        elif kind == "dangling":
            path.symlink_to(root / "nowhere" / rel)
        elif kind == "fifo":
            os.mkfifo(path)  # reading it would wait forever
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"{SECRET}\n", "utf-8")
    (root / "docs/gelinkte-map").symlink_to(root.parent / "outside-dir", target_is_directory=True)
    (root / M / "gelinkte-map").symlink_to(root.parent / "outside-dir", target_is_directory=True)
    (root / "docs/.#contribute.md").symlink_to("user@host.1234:1700000000")  # an editor's lock file
    # An item shows the linked image, and links to the linked page: the link is not followed either
    # way.
    alpha = root / M / "alpha-module.md"
    alpha.write_text(
        alpha.read_text("utf-8").replace("## Stappen", "![x](plaatje.png)\n\n## Stappen"), "utf-8"
    )
    return root


@pytest.fixture(scope="module")
def linked_check(linked_root):
    return methodkit(linked_root, "check")


@pytest.mark.parametrize("rel", list(LINKS))
def test_check_names_every_file_that_is_not_a_regular_content_file(linked_check, rel):
    assert linked_check.returncode == 1
    expected = f"{rel}:1: file: {LINKS[rel][1]}"
    assert any(line.startswith(expected) for line in linked_check.stdout.splitlines()), (
        linked_check.stdout
    )
    assert "Traceback" not in linked_check.stderr


def test_check_reads_no_link_and_hides_editor_lock_files(linked_check):
    assert SECRET not in linked_check.stdout + linked_check.stderr
    assert ".#contribute.md" not in linked_check.stdout
    # A linked folder is named, and not walked into.
    for folder in ("docs/gelinkte-map", f"{M}/gelinkte-map"):
        assert f"{folder}:1: file: is a symbolic link" in linked_check.stdout
    assert "gelinkte-map/x.md" not in linked_check.stdout


def test_a_build_stops_with_the_problems_and_no_traceback(linked_root):
    proc = methodkit(linked_root, "build")
    assert proc.returncode == 1
    assert "is a symbolic link" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture(scope="module")
def linked_preview(linked_root):
    """What serve builds (the check does not stop it): nothing of what the links point to."""
    assert build_site(linked_root, strict=False, serve=True, site_dir="preview", quiet=True) == 0
    return linked_root / "preview"


def _every_file(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file()]


def test_serve_publishes_nothing_a_link_points_to(linked_preview):
    leaked = [
        p.relative_to(linked_preview).as_posix()
        for p in _every_file(linked_preview)
        if SECRET.encode() in p.read_bytes()
    ]
    assert leaked == []
    names = {p.relative_to(linked_preview).as_posix() for p in linked_preview.rglob("*")}
    for gone in (
        "modules/plaatje.png",
        "beeld.png",
        "geheim/index.html",
        "weg/index.html",
        "pagina.html",
        "gelinkte-map/x/index.html",
        "feed.xml/index.html",
        "downloads/methodology-sources.zip/index.html",
    ):
        assert gone not in names
    # The French home page is the site's own, not docs/fr.md; a link named like an item gets at most
    # a page with the problem banner (serve's stand-in), in the reader's language.
    assert "mk-home" in (linked_preview / "fr/index.html").read_text("utf-8")
    assert (linked_preview / "feed.xml").is_file() and (
        linked_preview / "downloads/methodology-sources.zip"
    ).is_file()
    if (linked_preview / "modules/delta-module/index.html").exists():
        delta = page(linked_preview, "modules/delta-module/")
        assert "is een symbolische link" in delta.select_one(".mk-problems").get_text()
    assert not any(p.is_symlink() for p in linked_preview.rglob("*"))


def test_the_sources_zip_carries_only_content(linked_preview):
    with zipfile.ZipFile(linked_preview / "downloads/methodology-sources.zip") as zf:
        names = zf.namelist()
        assert all(SECRET.encode() not in zf.read(n) for n in names)
    assert "methodology/modules/alpha-module.md" in names
    for gone in (
        "methodology/notities.txt",
        "methodology/vocabularies/ruw.csv",
        "methodology/modules/plaatje.png",
        "methodology/vocabularies/extra.yml",
        "methodology/modules/delta-module.md",
    ):
        assert gone not in names
    assert not any("gelinkte-map" in n or "pijp" in n for n in names)


@pytest.mark.parametrize("folder", ["methodology", "docs"])
def test_a_content_folder_that_is_a_link_is_named_and_nothing_is_read_through_it(tmp_path, folder):
    """A pull request may replace the content folder itself by a link to elsewhere: the check
    names it, reads nothing there (a marker in the linked folder never shows), and the build
    stops."""
    root = assemble(tmp_path / "site")
    outside = tmp_path / "elsewhere"
    (root / folder).rename(outside)
    (outside / "schemas" / "types.yml").parent.mkdir(exist_ok=True)
    (outside / "schemas" / "types.yml").write_text("MARKER: [\n", "utf-8")
    (root / folder).symlink_to(outside, target_is_directory=True)
    proc = methodkit(root, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.startswith(f"{folder}:1: file: is a symbolic link"), proc.stdout
    assert "MARKER" not in proc.stdout + proc.stderr and "types.yml" not in proc.stdout
    build = methodkit(root, "build")
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert not (root / "site").exists()
