"""Content problems and the ways they are reported.

Every problem names a file, a line and a field, says what is wrong and how to
fix it. Nothing in the loader raises for bad content: it collects problems so a
contributor sees all of them in one run.

What a problem says is a code with named values (`say("timings.steps_sum", total=..)`),
not a sentence: the sentence comes from the catalogue of the language asked for
(`checks/messages/<lang>.yml`), when the problem is written out (`checks/wording.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class Message:
    """A code of the message catalogues and its named values (text, numbers, nested messages)."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.code)

    def __lt__(self, other: Message) -> bool:
        # Values of one name may differ in type (a list of ids or the message 'none yet'):
        # they are compared as text, so any two problems can be sorted.
        return self._key() < other._key()

    def _key(self):
        return self.code, tuple((k, v if isinstance(v, str) else repr(v)) for k, v in self.params)

    def text(self, lang: str = "en") -> str:
        from methodkit.checks.wording import render

        return render(self, lang)

    def __str__(self) -> str:
        return self.text("en")


def as_written(value) -> str:
    """A value as a contributor wrote it in YAML, quoted as messages quote a name: 'acht uur', true,
    null, [1, 2] (Python's repr would say True, None, and 'l\\'été' for l'été)."""
    if isinstance(value, str):
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False, default=str).replace('"', "'")


@dataclass(frozen=True)
class FieldHelp:
    """What a field means: the schema's own (English) description, or field_help.yml's in a
    language."""

    field: str
    text: str


def say(code: str, **params) -> Message:
    """A message of the catalogues: `code` names it, `params` fill its placeholders."""
    return Message(code, tuple(sorted(params.items())))


def word(name: str, own: dict[str, str] | None = None) -> Message:
    """A word inside a message (an item type, a vocabulary, 'a whole number'), said in the
    language too. `own`: what the site's own data calls it, per language (a vocabulary's `names:`,
    a type's `labels:`), for a word the catalogues do not have."""
    return Message(f"word.{name}", (("own", tuple(sorted(own.items()))),) if own else ())


NO_HINT = Message("")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    field: str
    message: Message
    hint: Message = NO_HINT

    def __post_init__(self):
        # A sentence here would be English in every language: what a problem says is a code.
        if not isinstance(self.message, Message) or not isinstance(self.hint, Message):
            raise TypeError(f"a problem says a Message (say(...)), not {self.message!r}")

    @property
    def code(self) -> str:
        return self.message.code

    def says(self, lang: str = "en") -> tuple[str, str]:
        """The message and the hint in `lang`."""
        return self.message.text(lang), self.hint.text(lang)

    def text(self, lang: str = "en") -> str:
        message, hint = self.says(lang)
        hint = f" ({hint})" if hint else ""
        # One problem, one line: a control character in a file name (a newline followed by
        # `::warning`) must not start a line of its own, which a CI log would read as a command.
        return one_line(f"{self.path}:{self.line}: {self.field}: {message}{hint}")

    def github(self, level: str = "error", title: str = "methodkit check", lang: str = "en") -> str:
        # A workflow command is one line: %, CR and LF escaped in the message, and also ',' and ':'
        # in a property, so that a file name cannot end the command and start another one.
        message, hint = self.says(lang)
        msg = f"{self.field}: {message}" + (f" ({hint})" if hint else "")
        return (
            f"::{level} file={_prop(self.path)},line={self.line},title={_prop(title)}::{_data(msg)}"
        )

    def as_dict(self, lang: str = "en") -> dict:
        message, hint = self.says(lang)
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "code": self.code,
            "message": message,
            "hint": hint,
        }


def one_line(value: str) -> str:
    """Control characters written as escapes (\\n, \\x1b): what a terminal or a CI log shows
    stays on its line."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in value
    )


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def format_problems(
    problems: list[Problem],
    fmt: str = "text",
    level: str = "error",
    title: str = "methodkit check",
    lang: str = "en",
) -> str:
    """`level` and `title` name a GitHub annotation: a warning does not fail the run that shows it.
    `lang`: the language of the messages (English where its catalogue lacks one)."""
    problems = sorted(set(problems))
    if fmt == "json":
        return json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.github(level, title, lang) for p in problems)
    return "\n".join(p.text(lang) for p in problems)


def problems_report(problems: list[Problem]) -> str:
    """What a build says when content problems stop it."""
    return (
        f"{len(problems)} content problem(s):\n{format_problems(problems)}\n"
        "Fix them and build again (`make check` lists them too)."
    )
