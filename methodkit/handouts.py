"""The participant version of a module: the same page without what is meant for the coach.

Coach notes are written as `!!! coach "..."` admonitions (or collapsible
`??? coach`); they are taken out of the Markdown before it is rendered, so the
participant version does not carry them at all, not even hidden.
"""

from __future__ import annotations

import re

# An admonition line and every following line that is indented or blank.
_COACH_BLOCK = re.compile(r"^(?:!!!|\?\?\?\+?) *coach\b[^\n]*\n(?:(?:[ \t]+[^\n]*)?\n)*", re.M)

# A relative link target: not a URL with a scheme, not root-relative, not an anchor on the page.
_RELATIVE = r"(?![A-Za-z][\w+.-]*:|/|#)"
_INLINE_LINK = re.compile(r"(\]\(\s*<?)" + _RELATIVE + r"(?=[^)\s>])")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*<?)" + _RELATIVE + r"(?=\S)", re.M)
_FENCE = re.compile(r"^( {0,3})(```|~~~)[^\n]*\n.*?^\1\2[^\n]*$", re.M | re.S)

HANDOUT_SLUG = "handout"  # modules/<id>/handout/
COACH_ONLY_SECTIONS = ("preparation",)


def without_coach_notes(markdown: str) -> str:
    return _COACH_BLOCK.sub("", markdown if markdown.endswith("\n") else markdown + "\n")


def handout_markdown(markdown: str) -> str:
    """The handout's Markdown: no coach notes, and relative links one folder up.

    The handout is modules/<id>/handout.md beside the module's modules/<id>.md, so a
    link such as `other-module.md` in the module's text must become `../other-module.md`.
    Code blocks are left as they are.
    """
    parts, last = [], 0
    text = without_coach_notes(markdown)
    for m in _FENCE.finditer(text):
        parts.append(_rebase(text[last:m.start()]))
        parts.append(m.group(0))
        last = m.end()
    parts.append(_rebase(text[last:]))
    return "".join(parts)


def _rebase(text: str) -> str:
    return _REFERENCE.sub(r"\1../", _INLINE_LINK.sub(r"\1../", text))
