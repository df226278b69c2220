"""An image is what its name says: a file named .png holds a PNG, and so on.

Browsers sniff content: a page or a script saved as `photo.png` and opened on
its own could run on the site's origin. SVG images get checks of their own
(svg.py); the other formats are recognised by their first bytes.
"""

from __future__ import annotations

from pathlib import Path

from methodkit.checks.problems import Problem, say
from methodkit.loading.files import read_regular

SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8, checked below
}


def raster_problems(path: Path, rel: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix not in SIGNATURES:
        return []
    head = read_regular(path)[:16]
    ok = head.startswith(SIGNATURES[suffix]) and (suffix != ".webp" or head[8:12] == b"WEBP")
    return (
        []
        if ok
        else [
            Problem(
                rel,
                1,
                "file",
                say("image.format", format=suffix[1:].upper()),
                say("image.format.hint"),
            )
        ]
    )
