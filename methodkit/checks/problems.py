"""Content problems and the ways they are reported.

Every problem names a file, a line and a field, says what is wrong and how to
fix it. Nothing in the loader raises for bad content: it collects problems so a
contributor sees all of them in one run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    field: str
    message: str
    hint: str = ""

    def text(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        # One problem, one line: a control character in a file name (a newline followed by `::warning`)
        # must not start a line of its own, which a CI log would read as a command.
        return one_line(f"{self.path}:{self.line}: {self.field}: {self.message}{hint}")

    def github(self, level: str = "error", title: str = "methodkit check") -> str:
        # A workflow command is one line: %, CR and LF escaped in the message, and also ',' and ':'
        # in a property, so that a file name cannot end the command and start another one.
        msg = f"{self.field}: {self.message}" + (f" ({self.hint})" if self.hint else "")
        return (
            f"::{level} file={_prop(self.path)},line={self.line},title={_prop(title)}::{_data(msg)}"
        )


def one_line(value: str) -> str:
    """Control characters written as escapes (\\n, \\x1b): what a terminal or a CI log shows stays on its line."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in value
    )


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def format_problems(
    problems: list[Problem], fmt: str = "text", level: str = "error", title: str = "methodkit check"
) -> str:
    """`level` and `title` name a GitHub annotation: a warning does not fail the run that shows it."""
    problems = sorted(set(problems))
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.github(level, title) for p in problems)
    return "\n".join(p.text() for p in problems)
