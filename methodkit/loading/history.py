"""What git knows about the content: the changes of each file, and its earlier versions.

One place answers "which version of this item is it?" (`version`), for the item
page, its changelog, the feed of changes, PDFs and cards alike. Everything here
works without git or without a `.git` folder (a release tarball): there is then
no history, and callers show none rather than fail.
"""

from __future__ import annotations

import functools
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

_SEP = "\x1f"
# A commit that touched many files at once is still one change of each; how far back a
# translation's source is looked for is bounded so a long history stays quick.
MAX_VERSIONS = 200


@dataclass(frozen=True)
class Change:
    commit: str  # full hash
    date: str  # YYYY-MM-DD, the commit's date
    summary: str  # the first line of its message


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=60,
            encoding="utf-8",
            errors="replace",
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


@functools.lru_cache(maxsize=8)
def _log(root: Path, folder: str) -> dict[str, tuple[Change, ...]]:
    """Every file under `folder` (relative to the repository root) -> its changes, newest first."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    prefix = Path(root).resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    # A record starts with a mark no commit message can know in advance: a subject that holds
    # the separators starts no record of its own.
    start = f"\x1e{secrets.token_hex(8)}\x1f"
    out = _git(
        root,
        "log",
        "--no-renames",
        "--name-only",
        f"--format={start}%H{_SEP}%cs{_SEP}%s",
        "--",
        folder,
    )
    changes: dict[str, list[Change]] = {}
    for record in (out or "").split(start)[1:]:
        head, _, names = record.partition("\n")
        commit, date, summary = head.split(_SEP, 2)
        for name in filter(None, names.split("\n")):
            rel = name[len(prefix) :] if name.startswith(prefix) else name
            changes.setdefault(rel, []).append(Change(commit, date, summary.strip()))
    return {k: tuple(v) for k, v in changes.items()}


def changes(root: Path, rel: str) -> tuple[Change, ...]:
    """The commits that changed the file `rel` (from `root`), newest first; () without git."""
    folder = rel.split("/", 1)[0]
    return _log(Path(root).resolve(), folder).get(rel, ())


def version(root: Path, rel: str) -> Change | None:
    """The version of a content file: its latest change, or None without git history.

    The one source for the date printed on an item page, its PDFs and cards.
    """
    found = changes(root, rel)
    return found[0] if found else None


def head(root: Path) -> Change | None:
    """The commit the files were taken from (the whole method's edition); None without git."""
    out = _git(root, "log", "-1", f"--format=%H{_SEP}%cs{_SEP}%s")
    if not out or not out.strip():
        return None
    commit, date, summary = out.strip().split(_SEP, 2)
    return Change(commit, date, summary)


def forget() -> None:
    """Read git again (after a commit while serving, or between tests)."""
    _log.cache_clear()


def versions(root: Path, rel: str):
    """The committed texts of the file `rel`, newest first (nothing without git)."""
    for change in changes(root, rel)[:MAX_VERSIONS]:
        text = _git(root, "show", f"{change.commit}:./{rel}")
        if text is not None:
            yield change, text.replace("\r\n", "\n")
