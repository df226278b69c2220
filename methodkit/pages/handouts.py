"""The participant version of a module: what the session is for, what participants will do, the
worksheets.

Participants get the module's own text for them (`for_participants`, else the
summary), its objectives, the steps as short lines (their programme) and the
worksheets, written as `!!! worksheet "..."` admonitions. The coach's
preparation, materials, notes (`!!! coach`) and the script of the steps stay
out: the handout page is made from the module page's rendered HTML, keeping
only the worksheet blocks, so it does not carry the rest at all, not even
hidden. Relative links are moved one folder up, since the handout lives at
modules/<id>/handout/, one level below modules/<id>/.

Where the author wrote HTML, the coach's notes are found in the sanitiser's output: html5ever
parses it as a browser does (where tags do not balance, a comment ends early, an end tag is
malformed), so the notes cut are those a reader sees on the module page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from methodkit.checks.allowlist import VOID
from methodkit.pages.sanitiser import clean

WORKSHEET_CLASS = "worksheet"
COACH_CLASS = "coach"

# Python-Markdown writes every attribute value between double quotes.
_URL_ATTR = re.compile(r'\b(href|src)="(?![A-Za-z][\w+.-]*:|/|#)([^"]+)"')


_WORKSHEET_MARKDOWN = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*worksheet\b", re.M)


def has_worksheet(markdown: str) -> bool:
    """Whether a module's body has a worksheet block (and so a worksheet PDF)."""
    return bool(_WORKSHEET_MARKDOWN.search(markdown))


def worksheets(html: str) -> list[str]:
    """The worksheet blocks of a module's rendered content, in their order, without what the coach's
    notes hold (a note inside a worksheet, a worksheet inside a note)."""
    parser = _Blocks.parse(html, COACH_CLASS, any_tag=True)
    html = _cut(html, parser.blocks)
    return [html[start:end] for start, end in _Blocks.parse(html, WORKSHEET_CLASS).blocks]


def only_written_tags(markdown: str) -> bool:
    """Whether every tag Markdown makes of `markdown` is one Python-Markdown wrote from its tree:
    no HTML (`<`), no attribute lists or attributes of a fenced block (`{`), which an extension
    may write unescaped. Such HTML is balanced, with blocks only as <div> and <details>."""
    return "<" not in markdown and "{" not in markdown


def participant_html(rendered: str, markup_free: bool = False, folder: str = "../") -> str:
    """The handout's text: the module's worksheets alone (without what the coach's notes hold, a
    note inside a worksheet or a worksheet inside a note), sanitised, with relative links rebased.

    `rendered` is the module's body as Markdown made it, before the sanitiser: one pass finds
    the coach's notes (in the sanitiser's output, which balances every tag as a browser would),
    another the worksheets in what is left.
    `markup_free`: the Markdown it came from is (`only_written_tags(markdown)`), so no `<` or `"`
    stands in its text or attribute values either, and a pattern finds the blocks in a tenth of
    an HTML parser's time.
    `folder`: what relative links need before them (the item's page's links, made for the page
    one level up).
    """
    if markup_free:
        rendered = _cut(rendered, _written_blocks(rendered, COACH_CLASS))
        blocks = _written_blocks(rendered, WORKSHEET_CLASS)
    else:
        # The HTML as the page shows it: the sanitiser parses it as a browser does (html5ever), so
        # what its output says is a coach's note is the one a reader sees. Python's parser, on the
        # author's own HTML, read comments, end tags (`</ div>`), a repeated `class` and `<div/>`
        # otherwise: a note could pass into the handout.
        rendered = clean(rendered)
        rendered = _cut(rendered, _Blocks.parse(rendered, COACH_CLASS, any_tag=True).blocks)
        blocks = _Blocks.parse(rendered, WORKSHEET_CLASS).blocks
    sheets = "\n".join(clean(rendered[start:end]) for start, end in blocks)
    return rebase(sheets, folder) if folder else sheets


def _cut(html: str, blocks: list[tuple[int, int]]) -> str:
    """`html` without the blocks (start, end) found in it."""
    for start, end in reversed(blocks):
        html = html[:start] + html[end:]
    return html


def relative_urls(html: str, change) -> str:
    """`html` with each relative link and image address replaced by `change(address)`."""
    return _URL_ATTR.sub(lambda m: f'{m.group(1)}="{change(m.group(2))}"', html)


def rebase(html: str, folder: str) -> str:
    """`html`'s relative links and images, written for one page, for a page `folder` (ending in
    '/') further up: the handout one level below its module, a PDF of many pages at the root."""
    return relative_urls(html, lambda url: folder + url)


# In Python-Markdown's own output: the tags that open or close a block, and a tag's class.
_BLOCK_TAG = re.compile(r"<(/?)(div|details)\b[^>]*>")
_CLASS = re.compile(r'\sclass="([^"]*)"')


def _written_blocks(html: str, cls: str) -> list[tuple[int, int]]:
    """Where each block of a class starts and ends, in HTML Python-Markdown wrote from its tree
    (what _Blocks finds there, in one pattern's pass)."""
    blocks: list[tuple[int, int]] = []
    open_tag, start, depth = None, 0, 0
    for m in _BLOCK_TAG.finditer(html):
        closing, tag = m.group(1), m.group(2)
        if open_tag is None:
            found = None if closing else _CLASS.search(m.group(0))
            if found and cls in found.group(1).split():
                open_tag, start, depth = tag, m.start(), 0
        elif tag == open_tag and not closing:
            depth += 1
        elif tag == open_tag and depth:
            depth -= 1
        elif tag == open_tag:
            blocks.append((start, m.end()))
            open_tag = None
    return blocks


class _Blocks(HTMLParser):
    """Where each block of a class (a <div> or <details> with that class) starts and ends, in
    balanced HTML."""

    def __init__(self, html: str, cls: str, any_tag: bool = False):
        super().__init__(convert_charrefs=False)
        self.html, self.cls, self.any_tag = html, cls, any_tag
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.blocks: list[tuple[int, int]] = []
        self.open: tuple[str, int, int] | None = None  # tag, start offset, nesting depth

    @classmethod
    def parse(cls, html: str, block_class: str, any_tag: bool = False) -> _Blocks:
        """`any_tag`: a block is any element with the class (an `<aside>` too), not only a <div>
        or <details>."""
        parser = cls(html, block_class, any_tag)
        parser.feed(html)
        parser.close()
        return parser

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        # The first `class`, as a browser takes it.
        classes = (next((v for k, v in attrs if k == "class"), None) or "").split()
        if self.open is not None:
            if tag == self.open[0]:
                self.open = (tag, self.open[1], self.open[2] + 1)
        elif self.cls not in classes:
            return
        elif tag in ("div", "details") or self.any_tag and tag not in VOID:
            self.open = (tag, self._offset(), 0)
        elif self.any_tag:  # an element without content (an image): the tag is the block
            start = self._offset()
            self.blocks.append((start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag):
        if self.open is None or tag != self.open[0]:
            return
        tag, start, depth = self.open
        if depth:
            self.open = (tag, start, depth - 1)
            return
        end = self.html.index(">", self._offset()) + 1
        self.blocks.append((start, end))
        self.open = None
