"""Where each language lives on the site: the one place that knows the address scheme.

The site's first language is at `/`, every other one at `/<lang>/`. Pages,
sitemaps, feeds, exports and the build's folders all ask here, so a site that
puts another language first, or adds one, changes nothing else.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # the site's languages, the first at the root

    @property
    def first(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def prefix(self, lang: str) -> str:
        """The path of a language's root, relative to the site's root: '' or 'fr/'."""
        return "" if lang == self.first else f"{lang}/"

    def site_path(self, url: str, lang: str) -> str:
        """A page address of one language's build as a path from the whole site's root."""
        return self.prefix(lang) + url

    def absolute(self, base_url: str, url: str, lang: str) -> str:
        return base_url.rstrip("/") + "/" + self.site_path(url, lang)


def in_language(texts: dict, lang: str):
    """A language's entry of data written per language, else the English one (a language the data
    does not speak yet), else None."""
    return texts.get(lang) or texts.get("en")


def relative_url(target: str, here: str) -> str:
    """`target` as seen from the page at `here` (both site paths; a last part with a dot is a
    file)."""
    folder, _, last = here.rpartition("/")
    if "." in last:
        here = folder
    here_parts, target_parts = _parts(here), _parts(target)
    common = 0
    for a, b in zip(here_parts, target_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here_parts) - common) + target_parts[common:]) or "."
    return rel + "/" if target.endswith("/") else rel


def _parts(path: str) -> list[str]:
    norm = posixpath.normpath("/" + path).lstrip("/")
    return [p for p in norm.split("/") if p and p != "."]
