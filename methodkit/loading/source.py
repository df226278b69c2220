"""Read a content file, whatever state it is in, into text, front matter and body.

A contributor's file may be empty, binary, not UTF-8, carry a BOM or CRLF line
endings, or hold YAML that is broken in any of a dozen ways. Every one of those
ends as a Problem with a line number, never as an exception.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from methodkit.checks.problems import Message, Problem, say, word
from methodkit.loading.files import is_regular, not_regular, read_regular

FENCE = "---"


# LibYAML's parser when PyYAML has it (ten times faster); the same results either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that keeps dates as text, so the schema decides what a date is."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A parsed YAML document and where each of its fields stands in the file."""

    data: Any = None
    lines: dict[str, int] = field(default_factory=dict)  # "levers[1]" -> line in the file

    def line_of(self, path: str, default: int = 1) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return default


@dataclass
class SourceFile:
    path: str  # as reported
    text: str | None = None  # normalised: no BOM, LF line endings
    meta: Document | None = None
    body: str = ""
    body_line: int = 1  # line of the body's first line in the file


def field_path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_bytes(abs_path: Path, rel: str, problems: list[Problem]) -> bytes | None:
    """The file's bytes; a link, a pipe or a device is named as a problem and never read."""
    try:
        return read_regular(abs_path)
    except OSError as exc:
        if os.path.lexists(abs_path) and not is_regular(abs_path):
            problems.append(not_regular(abs_path, rel))
        else:
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("file.unreadable", reason=str(exc.strerror)),
                    say("file.unreadable.hint"),
                )
            )
        return None


def read_text(abs_path: Path, rel: str, problems: list[Problem]) -> str | None:
    raw = read_bytes(abs_path, rel, problems)
    return None if raw is None else decode_text(raw, rel, problems)


def decode_text(raw: bytes, rel: str, problems: list[Problem]) -> str | None:
    if b"\x00" in raw:
        problems.append(Problem(rel, 1, "file", say("file.binary"), say("file.binary.hint")))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                rel,
                line,
                "file",
                say("file.not_utf8"),
                say("file.not_utf8.hint"),
            )
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# NEL, LS and PS: line breaks to YAML, not to editors (nor to a reader of the file), so a key after
# one is where nobody sees it, and what the generator reads of a page may differ from what was
# checked: refused.
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")


def parse_yaml(
    text: str, rel: str, problems: list[Problem], line_offset: int = 0, what: str = "front matter"
) -> Document | None:
    """Parse one YAML document; record the line of every key and list item."""
    odd = _YAML_ONLY_BREAK.search(text)
    if odd:
        problems.append(
            Problem(
                rel,
                text.count("\n", 0, odd.start()) + 1 + line_offset,
                what,
                say("yaml.line_separator", char=f"U+{ord(odd.group()):04X}"),
                say("yaml.line_separator.hint"),
            )
        )
        return None
    depth = _nesting(text)
    if depth > MAX_NESTING:
        problems.append(
            Problem(
                rel,
                1 + line_offset,
                what,
                say("yaml.too_deep", depth=depth),
                say("yaml.too_deep.hint", most=MAX_NESTING),
            )
        )
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, {})
        doc = Document()
        if not _walk(node, "", doc, rel, problems, line_offset, set()):
            return None
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
            # An unclosed quote or bracket: where it was opened is what the author needs.
            mark = exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problems.append(
            Problem(
                rel,
                line,
                what,
                say("yaml.invalid", reason=str(exc.problem or exc.context)),
                _yaml_hint(exc),
            )
        )
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        problems.append(
            Problem(
                rel,
                1 + line_offset,
                what,
                say("yaml.invalid", reason=str(exc)),
                say("yaml.check"),
            )
        )
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise anything on malformed tagged values
        problems.append(
            Problem(
                rel,
                1 + line_offset,
                what,
                say("yaml.unreadable_value", error=type(exc).__name__),
                say("yaml.unreadable_value.hint"),
            )
        )
    finally:
        loader.dispose()
    return None


MAX_NESTING = 50


def _nesting(text: str) -> int:
    """How deeply the YAML nests, from its events: LibYAML builds the nodes recursively and a few
    thousand levels crash the process with a signal, which no exception handler catches."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # the parse proper reports it, with its line
    return deepest


def _yaml_hint(exc: yaml.MarkedYAMLError):
    problem = (exc.problem or "") + (exc.context or "")
    if "\\t" in problem or "tab" in problem:
        return say("yaml.tabs")
    if "quoted" in problem or "quote" in problem:
        return say("yaml.quote")
    if "mapping values" in problem:
        return say("yaml.colon")
    return say("yaml.check")


def _walk(node, path, doc, rel, problems, offset, seen) -> bool:
    if id(node) in seen:
        # The same node twice means an alias: point at the key that uses it.
        problems.append(
            Problem(
                rel,
                doc.lines.get(path, node.start_mark.line + 1 + offset),
                path or "front matter",
                say("yaml.alias"),
                say("yaml.alias.hint"),
            )
        )
        return False
    seen.add(id(node))
    ok = True
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            child = f"{path}.{key}" if path else key
            if key in keys:
                # Said, and the rest still read (the later value counts, as YAML readers take
                # it), so the file's other problems are said in the same run.
                problems.append(
                    Problem(
                        rel,
                        line,
                        child,
                        say("yaml.twice", first=keys[key]),
                        say("yaml.twice.hint"),
                    )
                )
                continue
            keys[key] = line
            doc.lines[child] = line
            ok = _walk(value_node, child, doc, rel, problems, offset, seen) and ok
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = f"{path}[{i}]"
            doc.lines[child] = item.start_mark.line + 1 + offset
            ok = _walk(item, child, doc, rel, problems, offset, seen) and ok
    elif node.tag.endswith(":float") and node.value.lstrip("+-").lower() in (".inf", ".nan"):
        # YAML's infinity and not-a-number pass a schema's `number` (and every comparison with
        # NaN is false, so no `maximum` holds them): no count, duration or time is either.
        problems.append(
            Problem(
                rel,
                node.start_mark.line + 1 + offset,
                path or "front matter",
                say("yaml.not_finite", value=node.value),
                say("yaml.not_finite.hint"),
            )
        )
        return False
    return ok


def page_source(text: str, rel: str, problems: list[Problem]) -> SourceFile | None:
    """A page of the site's own (docs/): front matter and body when it starts with `---`, else
    all body (its front matter is optional)."""
    if text.startswith("---"):
        return split_front_matter(text, rel, problems)
    return SourceFile(rel, text, body=text)


def split_front_matter(text: str, rel: str, problems: list[Problem]) -> SourceFile | None:
    """Split `---` front matter from the Markdown body and parse it."""
    src = SourceFile(rel, text)
    lines = text.split("\n")
    if not text.strip():
        problems.append(Problem(rel, 1, "file", say("file.empty"), say("file.empty.hint")))
        return None
    # Fences as MkDocs reads them (spaces and tabs only after them, a line break after the
    # closing one): where the two differ, MkDocs would render the front matter as text, unchecked.
    if lines[0].rstrip(" \t") != FENCE:
        problems.append(
            Problem(
                rel,
                1,
                "front matter",
                say("front_matter.missing"),
                say("front_matter.missing.hint"),
            )
        )
        return None
    end = next(
        (i for i in range(1, len(lines) - 1) if lines[i].rstrip(" \t") in (FENCE, "...")), None
    )
    if end is None:
        problems.append(
            Problem(rel, 1, "front matter", say("front_matter.open"), say("front_matter.open.hint"))
        )
        return None
    doc = parse_yaml("\n".join(lines[1:end]), rel, problems, line_offset=1)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        kind = word("empty") if doc.data is None else _kind(doc.data)
        problems.append(
            Problem(
                rel,
                2,
                "front matter",
                say("front_matter.not_fields", kind=kind),
                say("front_matter.not_fields.hint"),
            )
        )
        return None
    src.meta = doc
    src.body = "\n".join(lines[end + 1 :])
    src.body_line = end + 2
    return src


def _kind(value) -> Message:
    return {
        list: word("a list"),
        str: word("a text"),
        int: word("a number"),
        float: word("a number"),
        bool: word("a true/false value"),
    }.get(type(value)) or word(f"a {type(value).__name__}")
