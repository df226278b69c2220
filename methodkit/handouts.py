"""The participant version of a module: the same page without what is meant for the coach.

Coach notes are written as `!!! coach "..."` admonitions (or collapsible
`??? coach`); they are taken out of the Markdown before it is rendered, so the
participant version does not carry them at all, not even hidden.
"""

from __future__ import annotations

import re

# An admonition line and every following line that is indented or blank.
_COACH_BLOCK = re.compile(r"^(?:!!!|\?\?\?\+?) *coach\b[^\n]*\n(?:(?:[ \t]+[^\n]*)?\n)*", re.M)

HANDOUT_SLUG = "handout"  # modules/<id>/handout/
COACH_ONLY_SECTIONS = ("preparation",)


def without_coach_notes(markdown: str) -> str:
    return _COACH_BLOCK.sub("", markdown if markdown.endswith("\n") else markdown + "\n")
