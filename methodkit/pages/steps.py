"""A module's steps as short lines, read from its body.

A module writes its steps as a numbered list whose items open with a bold
lead-in: `1. **Het probleem achter het idee (40 minuten).** Vraag ...`
(CONTRIBUTING.md, section 3). The lead-ins, without the rest of the coach's
script, are what a method card and the participants' programme show.
"""

from __future__ import annotations

import re

_LEAD_IN = re.compile(r"^\d+[.)]\s+\*\*(.+?)\*\*", re.M)


def step_lines(body: str) -> list[str]:
    """The bold lead-in of every numbered step, without its closing full stop."""
    return [m.group(1).strip().rstrip(".").strip() for m in _LEAD_IN.finditer(body)]
