"""Which edition of the method a printout shows: a version and a date, the same for the same commit.

The version is CITATION.cff's `version` when it has one, else the commit's short hash; the date
is the commit's own date, never the clock's, so a printout can be made again byte for byte.
Outside git there is no date, and the version is the tool's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from methodkit import __version__
from methodkit.checks.problems import Problem
from methodkit.loading import history
from methodkit.loading.source import parse_yaml, read_text


@dataclass(frozen=True)
class Edition:
    version: str
    date: str | None  # ISO date of the commit


def load_citation(root: Path, problems: list[Problem]) -> dict:
    """The repository's CITATION.cff, when it has one (an edition's version may come from it);
    a file that does not read is a problem, said where it is."""
    path = root / "CITATION.cff"
    if not path.is_file():
        return {}
    text = read_text(path, "CITATION.cff", problems)
    doc = None if text is None else parse_yaml(text, "CITATION.cff", problems, what="file")
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


def edition(root: Path, problems: list[Problem]) -> Edition:
    cff = load_citation(root, problems)
    # Git is asked in one place (history), which also dates each item's own version.
    latest = history.head(root)
    commit, date = (latest.commit[:7], latest.date) if latest else (None, None)
    version = str(cff["version"]) if cff.get("version") else commit or f"methodkit {__version__}"
    return Edition(version, date)
