"""A translation that still holds its source's words: paragraphs copied (by `methodkit translate`,
or by a PO import of a half-done file) and never translated, in a translation no longer marked as
a draft, which the site would show as translated."""

from __future__ import annotations

import re

# A paragraph this long is never the same sentence in two languages; a name, a heading, a figure
# or a short phrase may well be.
MIN_WORDS = 12
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Words are letters (not list numbers, times, marks or figures), and running text is counted by
# the words that start lower-case: a list of names or of titles, which a translation rightly
# keeps, is not prose.
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")  # an address is not words to translate
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.M | re.S)


def source_paragraphs(source_body: str) -> frozenset[str]:
    """The paragraphs of a source, as `copied` compares them (once for all its translations)."""
    return frozenset(text for text, _ in _paragraphs(source_body))


def copied(body: str, theirs: frozenset[str]) -> tuple[int, int]:
    """How many long paragraphs of `body` are word for word paragraphs of its source (`theirs`,
    from `source_paragraphs`), and the offset in `body` of the first (-1 when none)."""
    # Paragraphs are compared first and counted as prose only when they match: whether a paragraph
    # is prose does not depend on its spacing, so this finds what counting both sides would, for a
    # fraction of the cost (most paragraphs of a translation match none of its source's).
    found = [at for text, at in _paragraphs(body) if text in theirs and _prose(text)]
    return len(found), found[0] if found else -1


def _paragraphs(body: str):
    """(text with its spaces folded, offset) of each paragraph; code is not a paragraph."""
    body = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    pos = 0
    for gap in [*_BLANK_LINE.finditer(body), None]:
        end = gap.start() if gap else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            yield " ".join(chunk.split()), pos + len(chunk) - len(chunk.lstrip())
        pos = gap.end() if gap else end


def _prose(text: str) -> bool:
    """Running text long enough to count; a quotation may stay in its own language."""
    if text.startswith(">"):
        return False
    words = _WORD.findall(_LINK_TARGET.sub("]", text))
    return sum(w[0].islower() for w in words) >= MIN_WORDS
