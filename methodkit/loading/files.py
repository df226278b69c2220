"""Which files of the repository the check, the build, serve and the sources zip may read.

A pull request can add a symbolic link named like an image or a page, or a
device or a pipe; read, it would publish a file of the build machine or hang
the build. Only regular files inside the repository's folders are content:
folders are walked without following links, files are opened without
following them, and everything else is named as a problem and never read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from methodkit.checks.problems import Message, Problem, say

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif")


def _kind(mode: int) -> Message | None:
    """What a file is when it is not a regular file; None for a regular file."""
    if stat.S_ISLNK(mode):
        return say("file.symlink")
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return say("file.pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("file.device")
    return say("file.not_regular")


def not_regular(path: Path, rel: str) -> Problem:
    try:
        what = _kind(os.lstat(path).st_mode) or say("file.not_regular")
    except OSError:
        what = say("file.gone")
    return Problem(rel, 1, "file", what, say("file.not_regular.hint"))


# Characters that end or rewrite a line of output (and of a GitHub annotation): never in a
# content file's name.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(name: str) -> str:
    """A name with its control characters written as escapes, safe to print."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", name)


def walk(folder: Path, root: Path, problems: list[Problem], hidden: bool = False) -> Iterator[Path]:
    """Every regular file under `folder`, sorted, without following links; the rest becomes a
    problem.

    Names that start with a dot (editors' lock and swap files, which are often dangling links)
    are skipped unless `hidden`: they are never content. A `folder` reached through a link (a
    content folder replaced by a link to elsewhere) is a problem, and nothing in it is read.
    """
    if os.path.lexists(folder) and not reached_without_links(folder, root):
        problems.append(not_regular(folder, shown(folder.relative_to(root).as_posix())))
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and not hidden:
            continue
        path = Path(entry.path)
        if _CONTROL.search(entry.name):
            problems.append(
                Problem(
                    shown(path.relative_to(root).as_posix()),
                    1,
                    "file",
                    say("file.control_character"),
                    say("file.control_character.hint"),
                )
            )
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(path, root, problems, hidden)
        elif entry.is_file(follow_symlinks=False):
            yield path
        else:
            problems.append(not_regular(path, path.relative_to(root).as_posix()))


def reached_without_links(folder: Path, root: Path) -> bool:
    """Whether `folder` (inside `root`) is where its name says, no link on the way from `root`."""
    try:
        rest = Path(os.path.abspath(folder)).relative_to(os.path.abspath(root))
    except ValueError:
        return False
    return Path(os.path.realpath(folder)) == Path(os.path.realpath(root)) / rest


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` is a regular file reached from `folder` through no link."""
    real = Path(os.path.realpath(path))
    return (
        is_regular(path)
        and real.is_relative_to(Path(os.path.realpath(folder)))
        and real
        == Path(os.path.realpath(folder))
        / Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    )


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; OSError for a link (never followed), a pipe or a device
    (never opened to wait)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)
