"""Which edition of the method a printout shows: a version and a date, the same for the same commit.

The version is CITATION.cff's `version` when it has one, else the commit's short hash; the date
is the commit's own date, never the clock's, so a printout can be made again byte for byte.
Outside git there is no date, and the version is the tool's.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .citation import load_citation


@dataclass(frozen=True)
class Edition:
    version: str
    date: str | None  # ISO date of the commit


def edition(root: Path) -> Edition:
    cff = load_citation(root) or {}
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs"], cwd=root, capture_output=True, text=True, timeout=10)
        commit, date = out.stdout.split() if out.returncode == 0 and out.stdout.strip() else (None, None)
    except (OSError, ValueError):
        commit, date = None, None
    version = str(cff["version"]) if cff.get("version") else commit or f"methodkit {__version__}"
    return Edition(version, date)
