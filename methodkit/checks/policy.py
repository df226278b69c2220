"""What contributed content may not carry: template code, active HTML, personal data.

Content under methodology/ is data. It is never rendered as a template, but a
fork could switch mkdocs-macros to render every page, so template syntax is
refused outright. Raw HTML is limited to an allow-list of harmless tags, and
images come from the repository, never from another host (a reader's browser
would contact it).

Two passes, because Markdown is too rich to police with patterns alone: the
source pass finds raw HTML and links with their line; the rendered pass turns
the body into HTML with the site's own Markdown extensions and looks at what a
browser would get. The second catches what the first cannot see (attribute
lists, entity-encoded schemes, code spans that are not code), and is reported
only when the first found nothing, so one mistake is not reported twice.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote

from markdown_it import MarkdownIt

from methodkit.checks import allowlist
from methodkit.checks.lines import line_of
from methodkit.checks.problems import Message, Problem, say, word
from methodkit.loading.config import site_markdown

TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")

# Tags and attributes a contributor may write: allowlist.py, shared with the output sanitiser.
ALLOWED_TAGS = allowlist.TAGS

# A fence opens with up to three spaces of indent and closes with the same; code spans stay on one
# line. Both are generous to the writer only where Markdown itself would show the text as code.
_CODE_FENCE = re.compile(r"^( {0,3})(```|~~~)[^\n]*\n.*?^\1\2[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>?")
# A tag in a field; also one left open (`<img src=x onerror=...`, `<img ... <1 >`): printed as
# it is (by a generator of the plain files), a `<` before a letter starts a tag.
_FIELD_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|</?[A-Za-z]")
_ATTR = re.compile(r"([^\s=/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# An inline link or image, `[text](url)` / `![alt](url)`, or a reference definition, `[label]: url`
# (a footnote's, `[^1]: Source: a report.`, is text, not an address).
_MD_URL = re.compile(
    r"(?P<bang>!?)\[[^\]\n]*\]\(\s*<?(?P<inline>[^)\n>]+)"
    r"|^\s{0,3}\[(?P<label>(?!\^)[^\]\n]+)\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)",
    re.M,
)
# An image by reference (`![alt][label]`, `![label][]`, `![label]`): a definition gives its address.
_IMAGE_REF = re.compile(r"!\[(?P<alt>[^\]\n]*)\](?:\[(?P<label>[^\]\n]*)\])?(?!\()")
# Standard autolinks (`<https://example.org/>`, `<info@example.org>`) are links, not tags.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
# A backslash escape (a backslash before ASCII punctuation), which CommonMark reads in a link's
# address (`https\://`) and Python-Markdown does not: a body with one is rendered in both.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What lets Markdown produce a tag, attribute or URL the source pass does not read as such:
# raw HTML, attribute lists, entities, link text holding brackets (`[a [b] c](url)`, which the
# source pass's pattern does not follow), code (the source pass finds fences and spans only
# roughly: an indented fence closed by an unindented one, a span over two lines, a fence whose
# words after the tildes make it none), backslash escapes, and reference-style images (below).
_MAY_HIDE = re.compile(r"[<{`]|~~~|&#?\w+;|\[[^\]\n]*\[|" + _MD_ESCAPE.pattern)

# E-mail addresses, also written to dodge harvesters: jan [at] bedrijf.be, jan(at)bedrijf(dot)be.
PLAIN_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Each alternative starts only where a run of name characters starts: tried at every position of a
# long run, the search took time growing with the square of its length (a text could stall the
# check).
EMAIL = re.compile(
    r"(?<![\w.+-])"
    + PLAIN_EMAIL
    + (
        r"|(?<![\w.+-])[\w.+-]+\s*[\[(]\s*(?:at|@)\s*[\])]\s*[\w-]+"
        r"(?:\s*(?:\.|[\[(]\s*(?:dot|punt)\s*[\])])\s*[\w-]+)+"
    ),
    re.I,
)
# International (+32 …, 0032 …) and national numbers: 0470 12 34 56, 09/123.45.67, and also
# 0476123456 or 0476 123 456 (a 0 and eight or nine digits, with at most spaces, slashes or dashes
# between them; not dots, so that an enterprise number like 0123.456.789 is not taken for one).
PHONE = re.compile(
    # A date written day, month, year (07/12/2026, 7-12-2026) is none.
    r"(?!(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\d))"
    r"(?:(?<![\w/.-])(?:\+|00)\d{2}[\s./-]?(?:\(0\)\s?)?\d(?:[\s./-]?\d){6,10}(?!\d)"
    r"|(?<![\w/.+-])0\d{1,3}[\s./-]\d{2,3}(?:[\s./-]?\d{2}){2}(?!\d)"
    r"|(?<![\w/.+-])0\d(?:[ /-]?\d){7,8}(?!\d|\.\d))"
)

# What every address and every number above contains, found much faster than the patterns: an @
# or a bracketed "at"; seven digits, each at most two spaces, dots, slashes, dashes or brackets
# from the next (`+32 (0)9`). A text without one has no personal data to look for.
_MAY_BE_EMAIL = re.compile(r"@|[\[(]\s*at\s*[\])]", re.I)
_MAY_BE_PHONE = re.compile(r"\d(?:[\s./()-]{0,2}\d){6}")

# The allowed tags, as a hint names them.
_TAG_LIST = ", ".join(sorted(ALLOWED_TAGS))


def _blank(match: re.Match, fill: str = " ") -> str:
    # Keep newlines so line numbers of what follows stay right. Code spans become
    # letters, not spaces, so `alt=`x` onerror=...` still reads as two attributes.
    return re.sub(r"[^\n]", fill, match.group(0))


def _line(text: str, pos: int, first_line: int) -> int:
    return first_line - 1 + line_of(text, pos)


def _bad_scheme(value: str) -> bool:
    return not allowlist.link_ok(value)


def _remote(value: str) -> bool:
    return allowlist.is_foreign(value)


def template_problems(text: str, rel: str) -> list[Problem]:
    out = []
    for m in TEMPLATE_SYNTAX.finditer(text):
        out.append(
            Problem(
                rel,
                _line(text, m.start(), 1),
                "content",
                say("policy.template", syntax=m.group(0)),
                say("policy.template.hint"),
            )
        )
    return out


def html_problems(
    body: str, rel: str, first_line: int, field: str = "body", extensions=()
) -> list[Problem]:
    """`extensions` as `config.markdown_extensions` gives them: the body is rendered as the site
    renders it.

    A problem repeated in one body is reported once, with a count and its first lines, so that a
    long imported text with hundreds of them stays readable.
    """
    # Too deep a body, or one with too many open brackets or escapes, is not rendered at all (it
    # would exhaust the renderer); too wide a one is.
    out = (
        _bracket_problems(body, rel, first_line, field)
        or _escape_problems(body, rel, first_line, field)
        or _depth_problems(body, rel, first_line, field)
        or _source_problems(body, rel, first_line, field)
    )
    if not out:
        out = _rendered_problems(body, rel, first_line, field, extensions)
    text = prose(body)  # what the source-only checks below read, made once
    return group_repeats(
        out
        + _width_problems(text, rel, first_line, field)
        + _empty_box_problems(body, text, rel, first_line, field)
    )


# Python-Markdown nests a call per emphasis marker and per list level: thousands of them exhaust
# Python's stack and crash the build. No real text comes near these limits.
_MARKER_RUN = re.compile(r"[*_~^=]{65,}")
MAX_INDENT = 64  # spaces: sixteen levels of nested lists or boxes
# WeasyPrint, which makes the PDFs, lays out nested boxes by recursion and fails at about 150
# levels: quotes and raw HTML are held well below, with room for the lists and boxes around them.
# More than sixteen quotes or list items opened on one line (`> - 1. ...`): each is a level.
_QUOTE_RUN = re.compile(r"^[ \t]*(?:(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]*){17,}")
MAX_HTML_DEPTH = 32
# The same, as rendered: Markdown adds its own elements (sixteen levels of lists are 32, a note's
# box two more), so the rendered body may be deeper than its raw HTML, within what WeasyPrint lays
# out.
MAX_RENDERED_DEPTH = 100


# Columns all the tables of a body may claim together: a thousand cells of colspan 1000 are
# within each attribute's limit and still take the PDF step longer than a build may.
MAX_COLUMNS = 5000
_SPAN = re.compile(r"""\b(?:col)?span\s*=\s*["']?\s*0*(\d{1,9})""", re.I)
# A span's value as a browser reads it: its leading digits.
_SPAN_VALUE = re.compile(r"\s*0*([0-9]{1,9})")


# Python-Markdown reads every `[` as a link's start and looks ahead in its paragraph for the `]`
# that closes it: thousands that close far away, or never, take it minutes (30 KB of them, or
# `]]]...[[[`, or `[[[...]]]`). What real text makes it read is a few thousand characters.
MAX_BRACKET_REACH = 1_000_000  # characters read ahead from every `[`, in all
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def bracket_reach(body: str) -> int:
    """How far Markdown reads ahead from the brackets of a body, in all: from each `[` to the
    `]` that closes it, or to the end of its paragraph."""
    total = 0
    for paragraph in _PARAGRAPH_BREAK.split(body) if "[" in body else ():
        if "[" not in paragraph:
            continue
        opened: list[int] = []
        for m in _BRACKET.finditer(paragraph):
            if m.group() == "[":
                opened.append(m.start())
            elif opened:
                total += m.start() - opened.pop()
        total += sum(len(paragraph) - start for start in opened)
    return total


_BRACKET = re.compile(r"[\[\]]")

# Python-Markdown takes time growing with the square of a body's backslash escapes (twenty thousand
# take a second, a hundred thousand minutes); real text has a few.
MAX_ESCAPES = 5000


def _escape_problems(body: str, rel: str, first_line: int, field: str) -> list[Problem]:
    if body.count("\\") <= MAX_ESCAPES:
        return []
    count = len(_MD_ESCAPE.findall(body))
    if count <= MAX_ESCAPES:
        return []
    message = say("policy.escapes", count=count, limit=MAX_ESCAPES)
    return [Problem(rel, first_line, field, message, say("policy.escapes.hint"))]


def _bracket_problems(body: str, rel: str, first_line: int, field: str) -> list[Problem]:
    reach = bracket_reach(body)
    if reach <= MAX_BRACKET_REACH:
        return []
    message = say("policy.brackets", count=reach)
    return [Problem(rel, first_line, field, message, say("policy.brackets.hint"))]


def _depth_problems(body: str, rel: str, first_line: int, field: str) -> list[Problem]:
    deep = {
        n
        for n, line in enumerate(body.split("\n"))
        if _MARKER_RUN.search(line) or _indent_width(line) > MAX_INDENT or _QUOTE_RUN.match(line)
    }
    depth, text = 0, prose(body)
    for m in _TAG.finditer(text):
        closing, tag, _attrs = m.groups()
        if tag.lower() in allowlist.VOID:  # `<div/>` opens a div all the same
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_HTML_DEPTH:
            deep.add(line_of(text, m.start()) - 1)
            break
    return [
        Problem(rel, first_line + n, field, say("policy.too_deep"), say("policy.too_deep.hint"))
        for n in sorted(deep)
    ]


def _indent_width(line: str) -> int:
    """How far a line is indented as Markdown nests it: a tab to the next multiple of four, and
    inside a quote, each `>` as a level of four columns (the lists in a quote nest as deep)."""
    quotes = _QUOTES.match(line).group(0)
    rest = line[len(quotes) :]
    return 4 * quotes.count(">") + len(rest[: len(rest) - len(rest.lstrip(" \t"))].expandtabs(4))


_QUOTES = re.compile(r"(?:[ \t]*>)*")


def _width_problems(text: str, rel: str, first_line: int, field: str) -> list[Problem]:
    """`text`: the body as `prose` gives it."""
    out = []
    # Most bodies never name a span: a search for the word, not the pattern, tells (casefolded as
    # the pattern's IGNORECASE folds).
    spans = list(_SPAN.finditer(text)) if "span" in text.casefold() else []
    if sum(int(m.group(1)) for m in spans) > MAX_COLUMNS:
        line = first_line - 1 + line_of(text, spans[-1].start())
        out.append(
            Problem(
                rel,
                line,
                field,
                say("policy.too_wide", limit=MAX_COLUMNS),
                say("policy.too_wide.hint"),
            )
        )
    return out


# A box (`!!! worksheet "..."`, `??? note`): its text is the lines under it indented by four
# spaces more; a box whose next line is not is empty, and shows as an empty frame.
_BOX = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)", re.M)


def _empty_box_problems(
    body: str, text: str, rel: str, first_line: int, field: str
) -> list[Problem]:
    """`text`: the body as `prose` gives it (a box written in a code block is code)."""
    if "!!!" not in body and "???" not in body:
        return []
    lines = text.split("\n")
    out = []
    for m in _BOX.finditer(text):
        at = text.count("\n", 0, m.start())
        indent = len(m.group(1).expandtabs(4))
        after = next((l for l in lines[at + 1 :] if l.strip()), "")
        margin = after[: len(after) - len(after.lstrip(" \t"))].expandtabs(4)
        if len(margin) < indent + 4:
            out.append(
                Problem(
                    rel,
                    first_line + at,
                    field,
                    say("policy.empty_box", kind=m.group(2)),
                    say("policy.empty_box.hint"),
                )
            )
    return out


def group_repeats(problems: list[Problem], shown: int = 5) -> list[Problem]:
    """One problem per file, field and message, at its first line: '..., 12 times (lines 3, 5, 9,
    14, 20, ...)'."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.path, p.field, p.message, p.hint), []).append(p)
    out = []
    for (path, field, message, hint), same in groups.items():
        lines = sorted({p.line for p in same})
        if len(lines) > 1:
            more = ", ..." if len(lines) > shown else ""
            where = ", ".join(map(str, lines[:shown])) + more
            message = say("repeated.lines", message=message, times=len(same), lines=where)
        elif len(same) > 1:
            message = say("repeated.line", message=message, times=len(same), line=lines[0])
        out.append(Problem(path, lines[0], field, message, hint))
    return out


@lru_cache(maxsize=4)  # the loader asks for the same body's problems, then its references
def prose(body: str) -> str:
    """The body with code, comments and autolinks blanked out, and the angle brackets around a
    link's address (`[text](<file.md>)`) read as Markdown reads them: what a browser would read
    as markup."""
    text = _CODE_FENCE.sub(_blank, body)
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: _blank(m, "x"), text)
    if "<" not in text:  # a comment, an autolink and an address in angle brackets all start so
        return text
    text = allowlist.replace_comments(text, _blank)
    text = _ANGLE_ADDRESS.sub(lambda m: f"{m.group(1)} {m.group(2)} ", text)
    return _AUTOLINK.sub(
        lambda m: "x" if allowlist.link_ok(m.group(0)[1:-1]) or "@" in m.group(0) else m.group(0),
        text,
    )


# A link's address between angle brackets, `](<file.md>)`: an address, not a tag.
_ANGLE_ADDRESS = re.compile(r"(\]\(\s*)<([^<>\n]*)>")


def _attr_problems(
    rel: str, line: int, field: str, tag: str, name: str, value: str
) -> list[Problem]:
    if name.startswith("on"):
        return [
            Problem(
                rel,
                line,
                field,
                say("policy.handler", attr=name, tag=tag),
                say("policy.handler.hint"),
            )
        ]
    if not allowlist.allowed_attr(tag, name) and name not in allowlist.MARKDOWN_ATTRS:
        allowed = sorted(allowlist.TAGS.get(tag, set()) | allowlist.GLOBAL_ATTRS)
        return [
            Problem(
                rel,
                line,
                field,
                say("policy.attr", attr=name, tag=tag),
                say("allowed", values=", ".join(allowed)),
            )
        ]
    if name in allowlist.URL_ATTRS and not allowlist.link_ok(value):
        return [
            Problem(
                rel, line, field, say("policy.scheme", url=value[:40]), say("policy.scheme.hint")
            )
        ]
    if (tag, name) == ("img", "src") and not allowlist.image_ok(value):
        return [
            Problem(rel, line, field, say("policy.image", url=value[:40]), say("policy.image.hint"))
        ]
    if not allowlist.attr_value_ok(tag, name, value):
        return [
            Problem(
                rel,
                line,
                field,
                say("policy.value", value=value[:40], attr=name, tag=tag),
                say("policy.value.hint"),
            )
        ]
    return []


def _tag_problem(rel: str, line: int, field: str, tag: str) -> Problem:
    return Problem(
        rel, line, field, say("policy.tag", tag=tag), say("policy.tag.hint", tags=_TAG_LIST)
    )


def _source_problems(body: str, rel: str, first_line: int, field: str) -> list[Problem]:
    text = prose(body)
    out = []
    for m in _TAG.finditer(text):
        line = _line(text, m.start(), first_line)
        tag = m.group(2).lower()
        if tag not in ALLOWED_TAGS:
            if not m.group(1):  # its end tag is the same mistake
                out.append(_tag_problem(rel, line, field, tag))
            continue
        for am in _ATTR.finditer(m.group(3)):
            name = am.group(1).lower()
            if name != "/":
                out += _attr_problems(rel, line, field, tag, name, (am.group(2) or "").strip("\"'"))
    for m in md_urls(text):
        url = (m.group("inline") or m.group("ref") or "").strip()
        line = _line(text, _start(m), first_line)
        read = (url, _MD_ESCAPE.sub(r"\1", url))  # as written, and with escapes read
        if any(map(_bad_scheme, read)):
            out.append(
                Problem(
                    rel, line, field, say("policy.scheme", url=url[:40]), say("policy.scheme.hint")
                )
            )
        elif m.group("bang") and any(map(_remote, read)):
            out.append(
                Problem(
                    rel, line, field, say("policy.image", url=url[:40]), say("policy.image.hint")
                )
            )
    return out


def page_references(body: str, first_line: int) -> tuple[list, list]:
    """What a body uses of the repository: its images and its links to other pages or files, each
    as (address on this host, line, written in Markdown)."""
    lower = body.lower()
    html = "<img" in lower or "<a" in lower
    if "](" not in body and "]:" not in body and not html:
        return [], []
    text, images, links = prose(body), [], []
    # A definition whose label an image uses gives that image its address: said at the definition.
    shown = {_label(m.group("label") or m.group("alt")) for m in _IMAGE_REF.finditer(text)}
    for m in md_urls(text):
        parts = (m.group("inline") or m.group("ref") or "").split()
        image = m.group("bang") or (
            m.group("label") is not None and _label(m.group("label")) in shown
        )
        if parts and _local(parts[0]):
            found = images if image else links
            found.append((parts[0], _line(text, _start(m), first_line), True))
    for m in _TAG.finditer(text) if html else ():
        tag = m.group(2).lower()
        if tag in ("img", "a"):
            for am in _ATTR.finditer(m.group(3)):
                address = (am.group(2) or "").strip("\"'")
                if am.group(1).lower() == ("src" if tag == "img" else "href") and _local(address):
                    found = images if tag == "img" else links
                    found.append((address, _line(text, m.start(), first_line), False))
    return images, links


@lru_cache(maxsize=4)
def md_urls(text: str) -> tuple[re.Match, ...]:
    """The links, images and definitions of a text, found once: the source pass, the references
    and the rendered pass's test all read them (of a body without code or comments, its prose is
    the same text)."""
    if "](" not in text and "]:" not in text:  # what every one of them holds
        return ()
    return tuple(_MD_URL.finditer(text))


def _start(m: re.Match) -> int:
    """Where a link or definition starts: a definition's match may begin with the blank lines
    before it, its address never does."""
    return m.start() if m.group("ref") is None else m.start("ref")


def _label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of white space do not count."""
    return " ".join(label.split()).casefold()


def _local(url: str) -> bool:
    """An address on this host. An image's must name a file of the content, so one from the
    site's root (`/x.png`) is checked too: it is no file the build copies."""
    return bool(url) and not _remote(url) and not url.startswith("#")


# -- the rendered pass ----------------------------------------------------------


class _Rendered(HTMLParser):
    """Collects (tag, attribute or None, value) for whatever the allow-list refuses, and the tags
    left unbalanced.

    Unbalanced HTML would let the browser close a block elsewhere than the Markdown did: a coach
    note's `</div>` would end the note early and put its rest in the participant's handout.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str | None, str]] = []
        self.unbalanced: list[str] = []
        self.open: list[str] = []
        self.depth = 0  # the most elements open at once
        self.columns = 0  # claimed by the tables' cells and columns, in all

    def handle_starttag(self, tag, attrs):
        self._allowed(tag, attrs)
        for name, value in attrs:
            number = _SPAN_VALUE.match(value or "") if name in ("colspan", "span") else None
            self.columns += int(number.group(1)) if number else 0
        if tag not in allowlist.VOID:
            self.open.append(tag)
            self.depth = max(self.depth, len(self.open))

    def handle_startendtag(self, tag, attrs):
        # `<div/>` opens a div all the same: HTML reads the slash on void elements only.
        self.handle_starttag(tag, attrs)

    def _allowed(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found.append((tag, None, ""))
            return
        self.found += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        elif tag not in allowlist.VOID:
            self.unbalanced.append(
                tag
            )  # an end tag that closes nothing here; the browser would close something else

    def close(self):
        super().close()
        self.unbalanced += self.open


def _links_unread(body: str) -> bool:
    """Whether a `](` or `]:` ends link text or a link label that the source pass did not read as
    such. Markdown still makes a link of text over two lines (`[a\nb](url)`), an escaped bracket
    (`[a\\]b](url)`), and a reference definition inside a quote, a list, a note or a footnote
    (`> [r]: url`), or with an empty label (`[]: url`)."""
    read = [(m.start(), m.end()) for m in md_urls(body)]
    starts = [start for start, _ in read]
    for m in re.finditer(r"\][(:]", body):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= read[i][1]:
            return True
    return False


def _rendered_problems(
    body: str, rel: str, first_line: int, field: str, extensions
) -> list[Problem]:
    if (
        not _MAY_HIDE.search(body)
        and not ("![" in body and "]:" in body)
        and not _links_unread(body)
    ):
        return []  # then the source pass has seen every tag, attribute and URL the page will get
    try:
        rendered = site_markdown(extensions).reset().convert(body)
    except Exception:  # noqa: BLE001 - a body the renderer chokes on is refused, not a crash
        return [
            Problem(
                rel,
                first_line,
                field,
                say("policy.markdown"),
                say("policy.markdown.hint"),
            )
        ]
    parser = _Rendered()
    parser.feed(allowlist.replace_comments(rendered, lambda m: ""))
    parser.close()
    # The plain files (`methodkit plan --out`) hand the body to another generator, which may read
    # it as CommonMark: there a tag wins over a code span that starts inside it, so what
    # Python-Markdown shows as code may be a tag. What is active either way is refused.
    other = _Rendered()
    other.feed(allowlist.replace_comments(_commonmark().render(body), lambda m: ""))
    other.close()
    out = []
    # What the source pass measures, measured again as rendered: a code span the source pass saw
    # (a backtick in two attributes' values) may be none inside raw HTML.
    if max(parser.depth, other.depth) > MAX_RENDERED_DEPTH:
        out.append(
            Problem(rel, first_line, field, say("policy.too_deep"), say("policy.too_deep.hint"))
        )
    if max(parser.columns, other.columns) > MAX_COLUMNS:
        message = say("policy.too_wide", limit=MAX_COLUMNS)
        out.append(Problem(rel, first_line, field, message, say("policy.too_wide.hint")))
    for tag, attr, value in parser.found + [f for f in other.found if f not in parser.found]:
        # A Markdown link has no `href` in its source: its address finds the line.
        line = _where(body, value or attr or tag, first_line)
        if attr is None:
            out.append(_tag_problem(rel, line, field, tag))
        else:
            out += _attr_problems(rel, line, field, tag, attr, value)
    for tag in parser.unbalanced:
        out.append(
            Problem(
                rel,
                _where(body, "<" + tag, first_line),
                field,
                say("policy.balance", tag=tag),
                say("policy.balance.hint"),
            )
        )
    return out


@lru_cache(maxsize=1)
def _commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _where(body: str, word: str, first_line: int) -> int:
    """The line of the body where `word` first appears, or its first line."""
    pos = body.lower().find(word.lower())
    return first_line - 1 + line_of(body, pos) if pos >= 0 else first_line


def text_field_problems(
    value, field: str, rel: str, line: int, hint: Message | None = None
) -> list[Problem]:
    """Front-matter text (or any text of a content file, saying so in `hint`) is shown as plain
    text: HTML in it is a mistake or an attack."""
    if isinstance(value, str) and _FIELD_TAG.search(value):
        return [
            Problem(
                rel,
                line,
                field,
                say("policy.field_html"),
                hint or say("policy.field_html.hint"),
            )
        ]
    return []


def _as_read(text: str) -> str:
    """The text as a reader sees it, or as a phone or a mail program takes it from a page: comments
    and tags left out, entities, Markdown's backslash escapes and an address's %-escapes decoded,
    emphasis and code marks dropped (`*`, a backtick, `_` beside a digit), characters that show
    as nothing removed, full-width forms, dashes and a middle dot read as ASCII; around digits, a
    run of spaces as one, a country or area code out of its brackets, a space after `Tel.` (line
    breaks kept, for the line numbers). Spaces around a separator stay: `09.00 - 12.30` is a
    time, `07/12 - 08/12` two dates."""
    keep_lines = lambda m: "\n" * m.group(0).count("\n")
    if "<" in text:
        text = _FIELD_TAG.sub(keep_lines, allowlist.replace_comments(text, keep_lines))
    text = html.unescape(text.replace("&#10;", " ").replace("&#xa;", " "))
    if not text.isascii():
        text = _DASH.sub("-", _invisible().sub("", unicodedata.normalize("NFKC", text)))
        text = text.replace("\u00b7", " ")  # a middle dot between groups of digits
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    # Emphasis and code, wherever they split an address or a number.
    text = unquote(text).replace("*", "").replace("`", "")
    if sum(map(text.count, "0123456789")) < 7:  # fewer digits than any phone number has
        return text
    text = _EMPHASIS_BEFORE_DIGIT.sub("", _EMPHASIS_AFTER_DIGIT.sub(r"\1", text))
    text = _SPACES.sub(" ", text)
    text = _AFTER_ABBREVIATION.sub(" ", text)
    return _BRACKETED_PREFIX.sub(r"\1", text) if "(" in text else text


@lru_cache(maxsize=1)
def _invisible() -> re.Pattern:
    """The characters that show as nothing (Unicode's format characters and the variation
    selectors), as a class of ranges: a class of single characters this long is searched several
    times slower. Made at its first use, not at every start of `methodkit`: it reads every
    character of the first plane."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if unicodedata.category(chr(c)) == "Cf":
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    bmp = "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges)
    return re.compile(
        f"[{bmp}\\U000110BD\\U000110CD\\U00013430-\\U0001343F\\U0001BCA0-\\U0001BCA3"
        "\\U0001D173-\\U0001D17A\\U000E0001\\U000E0020-\\U000E007F"
        "\\u180b-\\u180d\\ufe00-\\ufe0f\\U000E0100-\\U000E01EF]"
    )


_DASH = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
# Each pattern starts with what it looks for, which the search finds fast.
_EMPHASIS_AFTER_DIGIT = re.compile(r"(\d)_+")
_EMPHASIS_BEFORE_DIGIT = re.compile(r"_+(?=\d)")
# After NFKC every space is an ASCII one.
_SPACES = re.compile(r"[ \t\r\f\v]{2,}")
# A country or an area code in brackets, `(+32) 470 ...`, `(09) 223 ...`.
_BRACKETED_PREFIX = re.compile(r"\(((?:\+|00)\d{1,3}|0\d{1,3})\)")
# `Tel.0476 ...`: the number starts after the abbreviation's full stop.
_AFTER_ABBREVIATION = re.compile(r"(?<=[A-Za-z]\.)(?=[0+]\d)")


def _attribute_values(text: str) -> str:
    """The values of the attributes of a text's tags (an address in a link's `href`, a number in a
    `title`), each on the line of its tag, and nothing else."""
    if "<" not in text:
        return ""
    out, at = [], 0
    for m in _FIELD_TAG.finditer(text):
        out.append("\n" * text.count("\n", at, m.start()))
        out += [" " + value.strip("\"'") for _name, value in _ATTR.findall(m.group(0)) if value]
        out.append("\n" * m.group(0).count("\n"))
        at = m.end()
    return "".join(out)


def personal_data_problems(text: str, rel: str, first_line: int, field: str) -> list[Problem]:
    """E-mail addresses and phone numbers, also when written with entities or split by markup."""
    out = []
    for version in dict.fromkeys((text, _as_read(text), _as_read(_attribute_values(text)))):
        for rx, hint, what in (
            (EMAIL, _MAY_BE_EMAIL, word("an e-mail address")),
            (PHONE, _MAY_BE_PHONE, word("a phone number")),
        ):
            if not hint.search(version):
                continue
            for m in rx.finditer(version):
                out.append(
                    Problem(
                        rel,
                        _line(version, m.start(), first_line),
                        field,
                        say("policy.personal", what=what, found=m.group(0).strip()),
                        say("policy.personal.hint"),
                    )
                )
    return sorted(set(out))
