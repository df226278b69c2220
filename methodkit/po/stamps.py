"""What each message of a PO file was exported with, so that a later export or import can tell a
translator's change from a copy that has only grown old.

The stamp is a short hash of the message's translation and fuzzy flag as `po export` wrote them,
kept in the message's extracted comment (`#. exported: 3f2a...`), which PO editors and platforms
carry through untouched. The text is compared with its spaces folded: editors rewrap long lines.
"""

from __future__ import annotations

import hashlib

PREFIX = "exported: "


def stamp(text: str, fuzzy: bool) -> str:
    folded = " ".join(text.split())
    return hashlib.sha256(f"{int(fuzzy)}\0{folded}".encode()).hexdigest()[:12]


def stamp_of(auto_comments) -> str | None:
    """The stamp among a message's extracted comments; None in a file exported before stamps."""
    return next(
        (c[len(PREFIX) :].strip() for c in auto_comments if c.startswith(PREFIX)),
        None,
    )


def as_exported(text: str, recorded: str) -> bool:
    """Whether `text` is the translation the message was exported with, fuzzy or not."""
    return recorded in (stamp(text, False), stamp(text, True))
