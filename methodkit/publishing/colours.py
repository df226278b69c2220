"""The publisher's two colours, spread into everything the site and the PDFs paint.

A publisher names a primary and an accent colour; the tints (a soft background,
a darker heading colour) and the lighter variants that stay readable on the dark
scheme are mixed from them, so a rebrand is two values in mkdocs.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Used when mkdocs.yml names no colours: a neutral engine default, nobody's brand.
DEFAULTS = {"primary": "#37474f", "accent": "#a0410d"}
WHITE, BLACK, SLATE = "#ffffff", "#000000", "#1e2129"


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def mix(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0..1) of `other` mixed in."""
    a, b = rgb(colour), rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def luminance(colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lighten_until_readable(colour: str, background: str = SLATE, ratio: float = 4.5) -> str:
    """The colour, lightened just enough to read as text on the dark scheme."""
    for step in range(0, 101, 5):
        candidate = mix(colour, WHITE, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return WHITE


@dataclass(frozen=True)
class Palette:
    primary: str
    accent: str
    dark_primary: str  # text and lines in the brand colour on the dark scheme
    dark_accent: str

    @property
    def light(self) -> dict[str, str]:
        return {
            "brand": self.primary,
            "brand-dark": mix(self.primary, BLACK, 0.33),
            "accent": self.accent,
            "soft": mix(self.primary, WHITE, 0.9),
            "accent-soft": mix(self.accent, WHITE, 0.9),
            "primary-light": mix(self.primary, WHITE, 0.15),
        }

    @property
    def dark(self) -> dict[str, str]:
        return {
            "brand": self.dark_primary,
            "brand-dark": mix(self.dark_primary, WHITE, 0.3),
            "accent": self.dark_accent,
            "soft": mix(self.primary, SLATE, 0.8),
            "accent-soft": mix(self.accent, SLATE, 0.8),
        }


def palette(colours: dict) -> Palette:
    """The palette of `extra.publisher.colours` (already checked to be #rrggbb)."""
    primary = colours.get("primary") or DEFAULTS["primary"]
    accent = colours.get("accent") or DEFAULTS["accent"]
    dark = colours.get("dark") or {}
    return Palette(
        primary.lower(),
        accent.lower(),
        (dark.get("primary") or lighten_until_readable(primary)).lower(),
        (dark.get("accent") or lighten_until_readable(accent)).lower(),
    )


def colour_problems(colours) -> list[str]:
    """What is wrong in `extra.publisher.colours`, as 'field: message' lines."""
    if colours in (None, {}):
        return []
    if not isinstance(colours, dict):
        return ["colours: must hold primary and accent (write them as #rrggbb)"]
    out = []
    for key, value in colours.items():
        if key == "dark" and isinstance(value, dict):
            out += [
                f"colours.dark.{k}: '{v}' is not a colour (write it as #rrggbb)"
                for k, v in value.items()
                if k not in ("primary", "accent") or not COLOUR.match(str(v))
            ]
        elif key not in ("primary", "accent"):
            out.append(f"colours.{key}: unknown colour (known: primary, accent, dark)")
        elif not COLOUR.match(str(value)):
            out.append(f"colours.{key}: '{value}' is not a colour (write it as #rrggbb)")
    return out
