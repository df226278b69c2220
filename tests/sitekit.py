"""Helpers for the tests: assemble a site from fixture content and the real engine.

A fixture site is a folder like the repository: the real mkdocs.yml, docs/,
overrides/ (the site's logo), the real schemas and vocabularies, and the fixture's
own items. Tests then run the real tools on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent


def assemble(target: Path, content: str | None = "basic", docs: bool = True) -> Path:
    """A site root at `target` with the fixture `content` (None: the real methodology)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "macros.py", "CITATION.cff"):
        shutil.copy(REPO / name, target / name)
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copytree(REPO / "LICENSES", target / "LICENSES")
    if docs:
        shutil.copytree(REPO / "docs", target / "docs")
    if content is None:
        shutil.copytree(REPO / "methodology", target / "methodology")
    else:
        shutil.copytree(FIXTURES / content / "methodology", target / "methodology")
        for part in ("schemas", "vocabularies"):
            shutil.copytree(REPO / "methodology" / part, target / "methodology" / part)
        shutil.copy(REPO / "methodology" / "defaults.yml", target / "methodology" / "defaults.yml")
    return target


def git(root: Path, *args: str, date: str | None = None) -> str:
    """Run git in `root` as a test author; `date` (an ISO date-time) dates the commit it makes."""
    env = {**os.environ, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    return subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout


def methodkit(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    """Run the real command-line tool in `root`."""
    proc = subprocess.run(
        [str(BIN / "methodkit"), *args], cwd=root, capture_output=True, text=True, timeout=600
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"methodkit {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built HTML of a page, given its address relative to the site root."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def built_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a relative link on `page_url` points to (anchors and queries dropped)."""
    from urllib.parse import urljoin, urlsplit

    target = urlsplit(urljoin("http://site/" + page_url, href)).path.lstrip("/")
    path = site / target
    return path / "index.html" if target.endswith("/") or target == "" else path


def label(root: Path, vocabulary: str, term: str, lang: str = "nl") -> str:
    """A term's label, read straight from the vocabulary file."""
    import yaml

    data = yaml.safe_load(
        (root / "methodology" / "vocabularies" / f"{vocabulary}.yml").read_text("utf-8")
    )
    return next(t[lang]["label"] for t in data["terms"] if t["id"] == term)
