"""A Markdown file with front matter as a list of translatable units, and back.

A unit is one piece of text a translator translates on its own: a text field of
the front matter (or one entry of a list of texts), a heading, a paragraph, a
list item, a table cell, an admonition's title, a footnote. Each unit knows
where it stands in the file, so a file is rebuilt by replacing the text of the
units that changed and leaving every other byte as it was.

The body is split by markdown-it-py (CommonMark, with the admonition, footnote
and definition-list plugins that mirror the site's Python-Markdown extensions):
its block tokens carry the lines they come from, which is what makes splicing
possible. The front matter is composed by PyYAML, whose nodes carry their marks.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

# Site pages in docs/ have no schema; these front-matter keys hold their text
# (a leaf called `url` in them is an address, not text).
DOCS_TRANSLATABLE = ("title", "description", "hero", "paths")
NOT_TEXT = ("url", "icon", "image")
# Kinds a reader sees on one line: a line break in a translation becomes a space.
ONE_LINE = ("heading", "table cell", "admonition title", "term")
WRAP = 80
BLOCK_START = re.compile(r"^([-+*>]|\d+[.)]|#{1,6}|!!!|\?\?\?|\||:)(\s|$)")
MACRO_ONLY = re.compile(r"^\s*(\{\{.*?\}\}\s*)+$", re.S)


class UnitError(Exception):
    """A file whose units cannot be located or written back as they are."""


@dataclass(frozen=True)
class Unit:
    key: str  # stable within a file: "title", "objectives[1]", "body 7"
    # What it is, e.g. "heading 2", "coach > list item"; sources and translations align on it.
    kind: str
    text: str  # the text a translator sees: wrapped lines joined by spaces
    start: int  # character offsets of the text in the file
    end: int
    indent: str = ""  # prefix of a continuation line, for a unit written over several lines
    flow: bool = False  # a front-matter scalar inside [..] or {..}


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .use(admon_plugin)
        .use(footnote_plugin)
        .use(deflist_plugin)
    )


_MD = _parser()


def split_file(text: str) -> tuple[int, int, int]:
    """Offsets of the front matter's text, of its closing line and of the body."""
    if not text.startswith("---\n"):
        return 0, 0, 0
    m = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M).search(text, 4)
    if m is None:
        raise UnitError("the front matter is not closed by a line '---'")
    return 4, m.start(), min(m.end() + 1, len(text))


def units(text: str, translatable) -> list[Unit]:
    """Every unit of a file: the front-matter fields named in `translatable`, then the body."""
    fm_start, fm_end, body_start = split_file(text)
    out = _front_matter_units(text[fm_start:fm_end], fm_start, translatable) if body_start else []
    return out + _body_units(text, body_start)


def signature(found: list[Unit]) -> tuple[str, ...]:
    """The shape of a body: its units' kinds in order. A translation mirrors its source's."""
    return tuple(u.kind for u in found if u.key.startswith("body "))


# -- front matter -------------------------------------------------------------------------------


def _front_matter_units(fm: str, offset: int, translatable) -> list[Unit]:
    try:
        root = yaml.compose(fm, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise UnitError(f"the front matter is not valid YAML ({exc.problem or exc})") from None
    if not isinstance(root, yaml.MappingNode):
        return []
    out: list[Unit] = []
    for key_node, value in root.value:
        if key_node.value in translatable:
            _leaves(value, key_node.value, fm, offset, out, flow=False)
    return out


def _leaves(node, path: str, fm: str, offset: int, out: list[Unit], flow: bool) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:str" and node.value.strip():
            start = node.start_mark.index
            # A block scalar's end mark lies past its last line break: keep the break in the file.
            end = start + len(fm[start : node.end_mark.index].rstrip())
            out.append(Unit(path, "field", node.value, offset + start, offset + end, flow=flow))
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _leaves(child, f"{path}[{i}]", fm, offset, out, flow or node.flow_style)
    elif isinstance(node, yaml.MappingNode):
        for key_node, child in node.value:
            if key_node.value not in NOT_TEXT:
                _leaves(child, f"{path}.{key_node.value}", fm, offset, out, flow or node.flow_style)


def yaml_scalar(value: str, flow: bool) -> str:
    """`value` written as one YAML scalar that reads back as exactly `value`."""
    style = '"' if flow else None
    text = yaml.safe_dump(value, allow_unicode=True, default_style=style, width=1_000_000)
    text = text.removesuffix("\n").removesuffix("\n...")
    if "\n" in text:  # only a quoted scalar can hold what needs more than one line
        text = yaml.safe_dump(value, allow_unicode=True, default_style='"', width=1_000_000).rstrip(
            "\n"
        )
    return text


# -- body ----------------------------------------------------------------------------------------


def _body_units(text: str, body_start: int) -> list[Unit]:
    body = text[body_start:]
    line_starts = [0]
    for m in re.finditer("\n", body):
        line_starts.append(m.end())
    lines = body.split("\n")
    cursor: dict[int, int] = {}  # line -> column after the last unit found on it
    out: list[Unit] = []
    context: list[str] = []
    for tok in _MD.parse(body):
        if tok.nesting == 1:
            context.append(_kind_of(tok))
        elif tok.nesting == -1:
            context.pop()
        elif (
            tok.type == "inline"
            and tok.map
            and tok.content.strip()
            and not MACRO_ONLY.match(tok.content)
        ):
            start, end, indent = _locate(tok, lines, line_starts, cursor)
            kind = " > ".join(k for k in context if k) or "paragraph"
            out.append(
                Unit(
                    f"body {len(out)}",
                    kind,
                    _normalise(body[start:end]),
                    body_start + start,
                    body_start + end,
                    indent,
                )
            )
    return out


def _kind_of(tok) -> str:
    if tok.type == "heading_open":
        return f"heading {tok.tag[1:]}"
    if tok.type == "admonition_open":
        return tok.meta.get("tag", "admonition")
    names = {
        "admonition_title_open": "admonition title",
        "list_item_open": "list item",
        "th_open": "table cell",
        "td_open": "table cell",
        "footnote_open": "footnote",
        "dt_open": "term",
        "dd_open": "definition",
        "blockquote_open": "quote",
    }
    return names.get(tok.type, "")


def _locate(tok, lines, line_starts, cursor) -> tuple[int, int, str]:
    """Offsets in the body of an inline token's text, and the indent of its continuation lines."""
    first, last = None, None
    col0 = 0
    for i, piece in enumerate(tok.content.split("\n")):
        n = tok.map[0] + i
        piece = piece.strip()
        if n >= len(lines):
            raise UnitError(f"line {n + 1}: text not found")
        line = lines[n]
        col = -1
        for variant in (piece, piece.replace("|", "\\|")):
            col = line.find(variant, cursor.get(n, 0))
            if col >= 0:
                piece = variant
                break
        if col < 0:
            raise UnitError(f"line {n + 1}: cannot find {piece[:40]!r} where markdown-it puts it")
        cursor[n] = col + len(piece)
        if first is None:
            first, col0 = line_starts[n] + col, col
        last = line_starts[n] + col + len(piece)
    return first, last, " " * col0


def _normalise(raw: str) -> str:
    """Wrapped lines joined by a space; a hard line break (two spaces or a backslash) kept."""
    out = []
    for line in raw.split("\n"):
        stripped = line.strip()
        hard = line.endswith("  ") or stripped.endswith("\\")
        out.append(stripped + ("  \n" if line.endswith("  ") else "\n") if hard else stripped + " ")
    return "".join(out).rstrip()


def write_unit(unit: Unit, value: str) -> str:
    """The text that takes `unit`'s place in the file when its translation is `value`."""
    if unit.kind == "field":
        return yaml_scalar(value, unit.flow)
    if any(k in unit.kind for k in ONE_LINE):
        return " ".join(value.split())
    # Leading blanks would make a code block, empty lines a new paragraph: never the translator's.
    lines = [line.lstrip() for line in value.strip().split("\n")]
    lines = [line for line in lines if line.strip()] or [""]
    return ("\n" + unit.indent).join(w for line in lines for w in _wrap(line, len(unit.indent)))


def _wrap(line: str, indent: int) -> list[str]:
    """A line of text wrapped as contributors write Markdown (WRAP columns), unless a wrapped
    line would start like a block of its own (a list item, a heading, a quote)."""
    hard = line.endswith("  ")  # a hard line break stays at the end of the last piece
    pieces = textwrap.wrap(line, WRAP - indent, break_long_words=False, break_on_hyphens=False)
    if not pieces or any(BLOCK_START.match(p) for p in pieces[1:]):
        return [line]
    return pieces[:-1] + [pieces[-1] + ("  " if hard else "")]


def splice(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """`text` with each span (start, end) replaced by its new text (any order, no overlaps)."""
    for start, end, new in sorted(replacements, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def top_level(text: str) -> dict[str, tuple[int, int]]:
    """Front-matter key -> span from the end of the key to the end of its value (file offsets)."""
    fm_start, fm_end, body_start = split_file(text)
    if not body_start:
        return {}
    fm = text[fm_start:fm_end]
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {
        k.value: (
            fm_start + k.end_mark.index,
            fm_start + k.start_mark.index + len(fm[k.start_mark.index : v.end_mark.index].rstrip()),
        )
        for k, v in root.value
    }
