"""`methodkit import`: Markdown written elsewhere becomes draft items of this methodology.

An organisation arrives with texts from another site or tool: Markdown files with
front matter of their own and raw HTML. Each file becomes a new draft of one item
type, made the way `methodkit new` makes one (every field present and explained),
with what can be carried over:

- the title, and a description or summary, from the file's own front matter;
- HTML turned into Markdown (markdownify): tables, lists, headings, emphasis;
- pull quotes (`<aside>`, `<blockquote>`, a `class` with "quote") into Markdown quotes;
- checklists (`- [ ] ...`, or `<li>` with a checkbox) into plain Markdown lists;
- links to another imported file into our form, `../modules/<id>.md`;
- images beside the source copied beside the new item.

The rest (other front-matter fields, scripts and embeds, links to files that were
not imported, images from other hosts) is reported as `path:line: field: message`
against the source file. Nothing is ever overwritten: a file that exists stays.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import markdownify

from methodkit.checks.problems import Problem, say, word
from methodkit.cli.scaffold import ScaffoldError, new_item_text, write_new
from methodkit.loading.loader import Content
from methodkit.loading.source import split_front_matter

# Elements that run, embed or load something: never carried over.
ACTIVE = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "video",
    "audio",
    "canvas",
    "svg",
    "link",
    "meta",
    "noscript",
    "template",
    "frame",
    "frameset",
)
SUMMARY_KEYS = ("summary", "description", "excerpt", "abstract")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>")
FENCE = re.compile(r"^\s*(```|~~~)")
TASK = re.compile(r"^(\s*)([-*+]|\d+[.)]) \[[ xX]\] ")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)((?:\s+\"[^\"]*\")?)\)")
AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
HEADING = re.compile(r"^(#{1,5}) ", re.M)
VOID = ("img", "hr", "br", "input", "source", "wbr", "embed", "meta", "link")
MD_OPTIONS = {
    "heading_style": "ATX",
    "bullets": "-",
    "escape_asterisks": False,
    "escape_underscores": False,
}


@dataclass
class Imported:
    created: list[Path] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


@dataclass
class _Source:
    path: Path
    rel: str  # as reported: relative to the folder's parent
    key: str  # its address inside the folder, without .md
    meta: dict
    lines: dict
    body: str
    body_line: int
    item_id: str = ""
    text: str = ""  # the new draft, as `methodkit new` writes it


def import_folder(content: Content, folder: Path, kind: str, lang: str = "nl") -> Imported:
    """Import every Markdown file under `folder` as a draft `kind`; report what was not carried
    over."""
    out = Imported()
    sources = []
    for path in sorted(folder.rglob("*.md")):
        src = _read(path, folder, out.notes)
        if src is not None:
            sources.append(src)
    taken: set[str] = (
        set()
    )  # ids of this import; an existing file is reported, never replaced or doubled
    for src in sources:
        src.meta["title"] = str(
            src.meta.get("title")
            or _first_heading(src.body)
            or src.path.stem.replace("-", " ").capitalize()
        )
        try:
            item_id, src.text = new_item_text(
                content, kind, src.meta["title"], lang, _date(src.meta.get("date"))
            )
        except ScaffoldError as exc:
            out.notes.append(
                Problem(
                    src.rel,
                    src.lines.get("title", 1),
                    "title",
                    say("scaffold.error", reason=str(exc)),
                    say("import.title.hint"),
                )
            )
            continue
        unique, n = item_id, 2
        while unique in taken:  # two sources with one title: the second gets a number
            unique, n = f"{item_id}-{n}", n + 1
        taken.add(unique)
        src.item_id = unique
        src.text = re.sub(r"^id: .*$", f"id: {unique}", src.text, count=1, flags=re.M)
    sources = [src for src in sources if src.item_id]
    by_key = {src.key: src for src in sources}
    for src in sources:
        target = _write(content, src, kind, lang, by_key, folder, out.notes)
        if target is not None:
            out.created.append(target)
    return out


def _read(path: Path, folder: Path, notes: list[Problem]) -> _Source | None:
    rel = path.relative_to(folder.parent).as_posix()
    try:
        text = path.read_text("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        notes.append(
            Problem(
                rel,
                1,
                "file",
                say("import.not_utf8"),
                say("import.not_utf8.hint"),
            )
        )
        return None
    key = path.relative_to(folder).as_posix()[:-3]
    if not text.startswith("---\n"):
        return _Source(path, rel, key, {}, {}, text, 1)
    problems: list[Problem] = []
    parsed = split_front_matter(text, rel, problems)
    if parsed is None:
        notes.extend(problems)
        return None
    return _Source(
        path, rel, key, dict(parsed.meta.data), parsed.meta.lines, parsed.body, parsed.body_line
    )


def _first_heading(body: str) -> str | None:
    m = re.search(r"^# (.+)$", body, re.M)
    return m.group(1).strip() if m else None


def _write(
    content: Content, src: _Source, kind: str, lang: str, by_key: dict, folder: Path, notes
) -> Path | None:
    target = content.content_dir / content.types[kind].folder / f"{src.item_id}.md"
    if target.exists():
        notes.append(
            Problem(
                src.rel,
                1,
                "file",
                say("import.exists", path=content.rel(target)),
                say("import.exists.hint"),
            )
        )
        return None
    summary = next((str(src.meta[k]) for k in SUMMARY_KEYS if src.meta.get(k)), None)
    used = {"title", next((k for k in SUMMARY_KEYS if src.meta.get(k)), None)} | (
        {"date"} if "date" in content.schemas.raw[kind]["properties"] else set()
    )
    for key in src.meta:
        if key not in used:
            notes.append(
                Problem(
                    src.rel,
                    src.lines.get(key, 1),
                    key,
                    say("import.field"),
                    say("import.field.hint", kind=word(kind)),
                )
            )
    body = _convert_body(src, kind, by_key, folder, content, notes)
    text = src.text
    if summary:
        text = re.sub(
            r"^summary: .*$", lambda m: "summary: " + _yaml_text(summary), text, count=1, flags=re.M
        )
    head = text.rpartition("\n---\n")[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, f"{head}\n---\n{body}")  # exclusive: a file made meanwhile is never replaced
    return target


def _date(value):
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _yaml_text(value: str) -> str:
    import yaml

    return (
        yaml.safe_dump(" ".join(value.split()), allow_unicode=True, width=10000)
        .strip()
        .removesuffix("\n...")
        .strip()
    )


# -- the body -----------------------------------------------------------------------


def _convert_body(
    src: _Source, kind: str, by_key: dict, folder: Path, content: Content, notes
) -> str:
    out = []
    for line, block, is_html in _blocks(src.body):
        where = src.body_line + line
        if is_html:
            block = _html_to_markdown(block, src.rel, where, notes)
        else:
            block = "\n".join(TASK.sub(r"\1\2 ", text) for text in block.split("\n"))
            if TAG.search(block) and not block.lstrip().startswith(("```", "~~~", "    ")):
                block = _html_to_markdown(block, src.rel, where, notes, inline=True)
        block = _links(block, src, where, kind, by_key, folder, content, notes)
        out.append(block)
    body = "\n\n".join(b for b in out if b.strip())
    if src.meta.get("title") and _first_heading(body) == src.meta["title"]:
        body = re.sub(
            r"^# .+\n*", "", body, count=1, flags=re.M
        )  # the page title comes from title:
    if re.search(r"^# ", body, re.M):
        body = HEADING.sub(
            lambda m: "#" + m.group(1) + " ", body
        )  # headings start at ## in this methodology
    return body.strip() + "\n"


def _blocks(body: str):
    """(first line, text, whether it is an HTML block) for each block of a Markdown body."""
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i
        m = TAG.match(lines[i].lstrip())
        if FENCE.match(lines[i]):
            fence = FENCE.match(lines[i]).group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            yield start, "\n".join(lines[start:i]), False
        elif m and not lines[i].startswith("    ") and not lines[i].lstrip().startswith("</"):
            name = m.group(1).lower()
            if name in VOID or m.group(0).endswith(
                "/>"
            ):  # no end tag: the block ends with its paragraph
                while i < len(lines) and lines[i].strip():
                    i += 1
            else:  # to the tag's matching end, across blank lines
                depth = 0
                while i < len(lines):
                    depth += len(re.findall(rf"<{name}[\s>/]", lines[i], re.I)) - len(
                        re.findall(rf"</{name}\s*>", lines[i], re.I)
                    )
                    i += 1
                    if depth <= 0:
                        break
            yield start, "\n".join(lines[start:i]), True
        else:
            while i < len(lines) and lines[i].strip() and not (FENCE.match(lines[i]) and i > start):
                i += 1
            yield start, "\n".join(lines[start:i]), False


def _html_to_markdown(html: str, rel: str, line: int, notes, inline: bool = False) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(ACTIVE):
        if el.name == "input" and el.get("type") == "checkbox":
            el.decompose()  # a checklist's box: the item stays, as a plain list item
            continue
        notes.append(
            Problem(
                rel,
                line + _line_in(html, el),
                "body",
                say("import.element", tag=el.name),
                say("import.element.hint"),
            )
        )
        el.decompose()
    for el in soup.find_all(True):
        if any(str(v).startswith("javascript:") for v in el.attrs.values()):
            notes.append(
                Problem(
                    rel,
                    line + _line_in(html, el),
                    "body",
                    say("import.javascript", tag=el.name),
                    say("import.javascript.hint"),
                )
            )
            el.unwrap()
    if inline:  # a Markdown paragraph with some HTML in it: only the elements are converted
        for el in [el for el in soup.contents if isinstance(el, Tag)]:
            el.replace_with(NavigableString(markdownify(str(el), **MD_OPTIONS).strip()))
        return soup.decode(formatter=None)
    quotes = [
        el
        for el in soup.find_all(("aside", "blockquote", "div", "figure"))
        if el.name in ("aside", "blockquote") or "quote" in " ".join(el.get("class") or []).lower()
    ]
    converted: list[
        str
    ] = []  # each quote's Markdown, put in after markdownify so it is not escaped
    for el in quotes:
        if el.find_parent(lambda p: p in quotes):
            continue
        inner = el.decode_contents(formatter=None)
        # `markdown="1"` (md_in_html) says the inside is Markdown already.
        text = (
            inner.strip()
            if el.get("markdown") or not TAG.search(inner)
            else markdownify(inner, **MD_OPTIONS).strip()
        )
        converted.append("\n".join(f"> {t}".rstrip() for t in text.split("\n")))
        el.replace_with(soup.new_tag("p", string=f"mkquote{len(converted) - 1}mk"))
    text = markdownify(str(soup), **MD_OPTIONS)
    text = re.sub(r"mkquote(\d+)mk", lambda m: converted[int(m.group(1))], text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _line_in(html: str, el) -> int:
    return html[: html.find(f"<{el.name}")].count("\n") if f"<{el.name}" in html else 0


def _links(
    block: str,
    src: _Source,
    line: int,
    kind: str,
    by_key: dict,
    folder: Path,
    content: Content,
    notes,
) -> str:
    if block.lstrip().startswith(("```", "~~~")):
        return block

    def fix(m: re.Match) -> str:
        bang, text, url, title = m.groups()
        at = line + block[: m.start()].count("\n")
        parts = urlsplit(url)
        if parts.scheme or url.startswith(("#", "//", "mailto:")):
            if bang and parts.scheme in ("http", "https"):
                notes.append(
                    Problem(
                        src.rel,
                        at,
                        "body",
                        say("import.remote_image", url=url[:40]),
                        say("import.remote_image.hint"),
                    )
                )
                return f"[{text or url}]({url}{title})"
            return m.group(0)
        path = (
            posixpath.normpath(posixpath.join(posixpath.dirname(src.key), parts.path))
            if not parts.path.startswith("/")
            else parts.path.strip("/")
        )
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        if bang:
            return _image(m, src, at, path, content, kind, notes)
        key = re.sub(r"(/index)?(\.md|\.html?)?/?$", "", path)
        other = by_key.get(key) or by_key.get(key + "/index")
        if other is not None:
            return f"[{text}](../{content.types[kind].folder}/{other.item_id}.md{anchor}{title})"
        notes.append(
            Problem(
                src.rel,
                at,
                "body",
                say("import.link", url=url[:40]),
                say("import.link.hint", folder=content.types[kind].folder),
            )
        )
        return m.group(0)

    # An autolink (<https://...>) written out as a link: the same page, in the form every checker
    # reads.
    return AUTOLINK.sub(r"[\1](\1)", LINK.sub(fix, block))


def _image(
    m: re.Match, src: _Source, at: int, path: str, content: Content, kind: str, notes
) -> str:
    """An image beside the source is copied beside the new item (never over another file)."""
    bang, text, url, title = m.groups()
    found = src.path.parent / posixpath.relpath(path, posixpath.dirname(src.key) or ".")
    target = content.content_dir / content.types[kind].folder / found.name
    if not found.is_file():
        notes.append(
            Problem(
                src.rel,
                at,
                "body",
                say("import.image_missing", url=url[:40]),
                say("import.image_missing.hint"),
            )
        )
        return m.group(0)
    if target.exists() and target.read_bytes() != found.read_bytes():
        notes.append(
            Problem(
                src.rel,
                at,
                "body",
                say("import.image_exists", url=url[:40], path=content.rel(target)),
                say("import.image_exists.hint"),
            )
        )
        return m.group(0)
    if not target.exists():
        shutil.copyfile(found, target)
    return f"![{text}]({found.name}{title})"
