"""Line numbers of places in a text, for problems said at their line.

Counting the line breaks before each place from the start of the text made a
check of a long file with many findings quadratic (twenty thousand links in one
page took minutes): the breaks are found once per text, and each place's line
is a binary search among them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache


@lru_cache(maxsize=16)
def _breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def line_of(text: str, pos: int) -> int:
    """The line (from 1) of offset `pos` in `text`."""
    return bisect_left(_breaks(text), pos) + 1
