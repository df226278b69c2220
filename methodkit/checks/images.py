"""An image is what its name says: a file named .png holds a PNG, and so on.

Browsers sniff content: a page or a script saved as `photo.png` and opened on
its own could run on the site's origin. SVG images get checks of their own
(svg.py); the other formats are recognised by their first bytes.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image

from methodkit.checks.problems import Problem, say
from methodkit.loading.files import read_regular

SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8, checked below
}


# Pixels an image may have: a 6000 x 5000 photograph. A browser or the PDF step opens an image
# into about four bytes a pixel, and a one-colour PNG of 13000 x 13000 (20 KB) takes 1.3 GB.
MAX_PIXELS = 30_000_000


def raster_problems(path: Path, rel: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix not in SIGNATURES:
        return []
    data = read_regular(path)
    head = data[:16]
    if not (head.startswith(SIGNATURES[suffix]) and (suffix != ".webp" or head[8:12] == b"WEBP")):
        return [
            Problem(
                rel,
                1,
                "file",
                say("image.format", format=suffix[1:].upper()),
                say("image.format.hint"),
            )
        ]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            width, height = Image.open(io.BytesIO(data)).size  # the header only: nothing decoded
        size = f"{width} x {height}" if width * height > MAX_PIXELS else None
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours
        size = f"> {Image.MAX_IMAGE_PIXELS * 2 // 1_000_000}M"
    except (OSError, ValueError):
        return [Problem(rel, 1, "file", say("image.unreadable"), say("image.format.hint"))]
    if size is None:
        return []
    hint = say("image.pixels.hint", limit=f"{MAX_PIXELS // 1_000_000}")
    return [Problem(rel, 1, "file", say("image.pixels", size=size), hint)]
