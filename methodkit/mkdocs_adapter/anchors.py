"""MkDocs' word on a link to a heading that a page lacks (`validation: anchors` in mkdocs.yml),
said as the check says a problem: the content file and line the link is written on, and what to
write instead.

MkDocs names a page by its place in the docs it builds (`sessions/x.md`; `contribute.md` for each
of its translations too): the plugin knows which files of the repository a page's Markdown comes
from, in the language being built.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure import pages

from methodkit.checks.lines import line_of
from methodkit.checks.problems import Problem, say

WARNING = re.compile(
    r"Doc file '(?P<doc>[^']*)' contains a link '(?P<link>[^']*)', but (?:the doc "
    r"'(?P<target>[^']*)' does not contain an anchor '#[^']*'|there is no such anchor on this page)"
)


class AnchorWarnings(logging.Filter):
    """Rewrites the warning in place: its level, and so a strict build's failure, stay."""

    def __init__(self) -> None:
        super().__init__()
        self.root: Path | None = None
        self.sources: Callable[[str], list[str]] = lambda doc: []

    def filter(self, record: logging.LogRecord) -> bool:
        found = WARNING.match(record.getMessage()) if self.root is not None else None
        if found:
            record.msg, record.args = self.said(found), ()
        return True

    def said(self, found: re.Match) -> str:
        link, where, line = found["link"], None, 1
        for rel in self.sources(found["doc"]):
            try:
                text = (self.root / rel).read_text("utf-8")
            except OSError:
                continue
            where = where or rel
            at = text.find(f"]({link}")
            if at >= 0:
                where, line = rel, line_of(text, at)
                break
        message = (
            say("link.no_anchor", link=link, page=found["target"])
            if found["target"]
            else say("link.no_anchor_here", link=link)
        )
        return Problem(
            where or found["doc"], line, "body", message, say("link.no_anchor.hint")
        ).text()


_FILTER = AnchorWarnings()


def watch(root: Path, sources: Callable[[str], list[str]]) -> None:
    """Say this build's anchor warnings with their files (`sources`: a page's files, from the docs'
    path MkDocs gives it). One filter for the process: each build points it at its own pages."""
    _FILTER.root, _FILTER.sources = root, sources
    logger = getattr(pages, "log", None) or logging.getLogger(pages.__name__)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
