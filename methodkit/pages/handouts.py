"""The participant version of a module: the same page without what is meant for the coach.

Coach notes are written as `!!! coach "..."` admonitions (or collapsible
`??? coach`). The handout page is made from the module page's rendered HTML,
not rendered a second time from Markdown: the coach blocks are cut out, so the
participant version does not carry them at all, not even hidden, and the
relative links are moved one folder up, since the handout lives at
modules/<id>/handout/, one level below modules/<id>/.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HANDOUT_SLUG = "handout"  # modules/<id>/handout/
COACH_CLASS = "coach"

# Python-Markdown writes every attribute value between double quotes.
_URL_ATTR = re.compile(r'\b(href|src)="(?![A-Za-z][\w+.-]*:|/|#)([^"]+)"')


def participant_html(html: str) -> str:
    """The module's content without coach blocks, with relative links rebased for the handout page."""
    out, last = [], 0
    for start, end in _CoachBlocks.find(html):
        out.append(html[last:start])
        last = end
    out.append(html[last:])
    return _URL_ATTR.sub(lambda m: f'{m.group(1)}="../{m.group(2)}"', "".join(out))


class _CoachBlocks(HTMLParser):
    """Where each coach block (a <div> or <details> with the class 'coach') starts and ends."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.blocks: list[tuple[int, int]] = []
        self.open: tuple[str, int, int] | None = None  # tag, start offset, nesting depth

    @classmethod
    def find(cls, html: str) -> list[tuple[int, int]]:
        parser = cls(html)
        parser.feed(html)
        parser.close()
        return parser.blocks

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.open is not None:
            if tag == self.open[0]:
                self.open = (tag, self.open[1], self.open[2] + 1)
        elif tag in ("div", "details") and COACH_CLASS in (dict(attrs).get("class") or "").split():
            self.open = (tag, self._offset(), 0)

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
