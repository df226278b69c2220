"""A module's steps as short lines, read from its body.

A module writes its steps as a numbered list whose items open with a bold
lead-in: `1. **Het probleem achter het idee (40 minuten).** Vraag ...`
(CONTRIBUTING.md, section 3). The lead-ins, without the rest of the coach's
script, are what a method card and the participants' programme show.
"""

from __future__ import annotations

import re

from methodkit.checks.allowlist import replace_comments

_LEAD_IN = re.compile(r"\d+[.)]\s+\*\*(.+?)\*\*")
_FENCE = re.compile(r" {0,3}(```|~~~)")
# The HTML blocks an author may write around Markdown (a coach's note as `<div class="coach"
# markdown="1">`): a step inside one is not the programme's.
_OPEN = re.compile(r"<(?:div|details|section|aside)\b", re.I)
_CLOSE = re.compile(r"</(?:div|details|section|aside)\s*>", re.I)


def step_lines(body: str) -> list[str]:
    """The bold lead-in of every numbered step at the top of the body, without its closing full
    stop: not in code, a comment or an HTML block (a coach's note written in HTML)."""
    steps, fence, depth = [], None, 0
    text = replace_comments(body, lambda m: "\n" * m.group(0).count("\n"))
    for line in text.split("\n"):
        marker = _FENCE.match(line)
        if fence is not None:
            fence = None if marker and marker.group(1) == fence else fence
            continue
        if marker:
            fence = marker.group(1)
            continue
        lead_in = _LEAD_IN.match(line) if depth == 0 else None
        if lead_in:
            steps.append(lead_in.group(1).strip().rstrip(".").strip())
        depth = max(0, depth + len(_OPEN.findall(line)) - len(_CLOSE.findall(line)))
    return steps
