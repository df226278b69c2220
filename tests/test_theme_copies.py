"""Whole copies of Material's partials are marked with the original they came from.

When Material changes that original (a security fix before its end of life,
say), this test fails, so the copy is compared and brought up to date instead
of silently shadowing the fix.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material

from sitekit import REPO

MARK = re.compile(
    r"material-original: (?P<version>\S+) (?P<path>\S+) sha256:(?P<digest>[0-9a-f]{16})"
)
MATERIAL = Path(material.__file__).parent / "templates"


THEME = REPO / "methodkit" / "mkdocs_adapter" / "theme"


def copies() -> list[Path]:
    """Every template of the engine's theme that has the name of one of Material's own."""
    return [
        p
        for p in sorted(THEME.rglob("*.html"))
        if (MATERIAL / p.relative_to(THEME)).is_file() and p.name != "main.html"
    ]


def test_every_copy_names_its_original():
    found = copies()
    assert found, "the theme copies nothing: this test has nothing left to guard"
    for path in found:
        mark = MARK.search(path.read_text("utf-8").split("\n", 1)[0])
        assert mark, (
            f"{path.relative_to(REPO)}: first line must name the Material original it copies"
        )
        assert mark["path"] == path.relative_to(THEME).as_posix()


def test_no_original_changed_since_it_was_copied():
    for path in copies():
        mark = MARK.search(path.read_text("utf-8"))
        original = (MATERIAL / mark["path"]).read_bytes()
        assert hashlib.sha256(original).hexdigest()[:16] == mark["digest"], (
            f"Material {version('mkdocs-material')} changed {mark['path']} "
            f"(copied from {mark['version']}): "
            f"compare it with {THEME.relative_to(REPO)}/{mark['path']}, "
            "carry the change over, then update the mark"
        )
