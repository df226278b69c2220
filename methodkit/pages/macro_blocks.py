"""What a macro writes on a site page, kept apart from what the page's author writes around it.

A macro's HTML (filters, the timeline, the citation) carries interface the content may not
(forms, `data-` attributes). mkdocs-macros puts a macro's output into the page's Markdown, where
text around the call could make it part of the author's own HTML (a call inside a code span whose
output ends the span). So a macro returns a stand-in instead, a paragraph of its own; the page is
converted and cleaned as content, and only then does each stand-in that is still a paragraph of
its own, at the top of the page (inside no element of the author's), get the macro's HTML, cleaned
with the interface's allow-list. A stand-in anywhere else (in an attribute, in code, in the
author's `<div>` or link) is dropped.
"""

from __future__ import annotations

import re
import secrets

from methodkit.checks.allowlist import VOID
from methodkit.pages.sanitiser import clean

# A tag of the cleaned HTML: nh3 writes `<` and `>` inside attribute values and text as entities,
# and leaves no comments, so every `<` starts a tag.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")


class MacroBlocks:
    def __init__(self) -> None:
        # Unguessable, so a page cannot write a stand-in of its own to place a macro's HTML
        # elsewhere.
        self._prefix = f"MKBLOCK{secrets.token_hex(8)}N"
        self._blocks: list[str] = []
        self._paragraph = re.compile(rf"<p>\s*({self._prefix}\d+)\s*</p>")
        self._anywhere = re.compile(rf"{self._prefix}\d+")

    def start_page(self) -> None:
        self._blocks = []

    def stand_in(self, html: str) -> str:
        """The Markdown a macro returns: a paragraph of its own, whatever the text around the
        call."""
        self._blocks.append(html)
        return f"\n\n{self._prefix}{len(self._blocks) - 1}\n\n"

    def fill(self, html: str) -> str:
        """The page's cleaned HTML with each macro's output in its place."""
        if not self._blocks:
            return html
        parts, depth, done = [], 0, 0
        for tag in _TAG.finditer(html):
            if tag.start() < done:
                continue  # inside a stand-in just replaced
            closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
            stand_in = self._paragraph.match(html, tag.start()) if depth == 0 else None
            if stand_in:
                index = int(stand_in.group(1).removeprefix(self._prefix))
                parts += [html[done : tag.start()], clean(self._blocks[index], interface=True)]
                done = stand_in.end()
            elif name not in VOID and not self_closing:
                depth += -1 if closing else 1
        parts.append(html[done:])
        return self._anywhere.sub("", "".join(parts))
