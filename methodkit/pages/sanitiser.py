"""The HTML of every content block that leaves the build passes Ammonia (nh3), configured from
allowlist.py.

Defence in depth: `methodkit check` refuses active HTML with a line and a hint,
and this removes whatever the checker missed, so a bug in the checker is not a
script on the site. Whatever the checker accepts comes out unchanged
(tests/test_fuzz.py renders accepted content through the whole build to hold
that). The site's own pages that call macros also carry the interface the
macros write (filters, the timeline): their own cleaner adds those elements,
still without scripts, event handlers or anything from another host.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

from methodkit.checks import allowlist

# What the macros of listings.py write on the site's own pages, beyond the content's allow-list.
_INTERFACE_TAGS = {
    "section": set(),
    "form": {"hidden", "role", "aria-label"},
    "label": set(),
    "select": {"name"},
    "option": {"value"},
    "button": {"type"},
    "a": {"download"},
    "div": {"aria-hidden"},
}
_INTERFACE_STYLE = {"span"}  # the timeline's bars: margin and width in per cent


def _filter(interface: bool):
    def keep(tag: str, attr: str, value: str) -> str | None:
        if attr == "style" and interface and tag in _INTERFACE_STYLE:
            return (
                value
                if all(
                    part.split(":")[0].strip() in ("margin-left", "width") and "(" not in part
                    for part in value.split(";")
                    if part.strip()
                )
                else None
            )
        return value if allowlist.attr_value_ok(tag, attr, value, interface) else None

    return keep


@lru_cache(maxsize=2)
def _cleaner(interface: bool) -> nh3.Cleaner:
    tags = {tag: set(attrs) | set(allowlist.GLOBAL_ATTRS) for tag, attrs in allowlist.TAGS.items()}
    for tag in allowlist.STYLED:
        tags[tag].add("style")
    prefixes = None
    if interface:
        for tag, attrs in _INTERFACE_TAGS.items():
            tags.setdefault(tag, set(allowlist.GLOBAL_ATTRS)).update(attrs)
        for tag in _INTERFACE_STYLE:
            tags[tag].add("style")
        prefixes = {"data-"}
    return nh3.Cleaner(
        tags=set(tags),
        attributes=tags,
        attribute_filter=_filter(interface),
        strip_comments=True,
        link_rel=None,
        url_schemes=set(allowlist.LINK_SCHEMES),
        generic_attribute_prefixes=prefixes,
        clean_content_tags={"script", "style"},
    )


def clean(html: str, interface: bool = False) -> str:
    """`html` with everything outside the allow-list removed; `interface`: a site page that calls
    macros."""
    return _cleaner(interface).clean(html)


def clean_toc(links) -> None:
    """The table of contents of a page (MkDocs' AnchorLinks), made safe in place: the theme prints
    each entry's address and title as they are, and Python-Markdown takes a heading's id from an
    attribute list as written (`{: id='x" onfocus="..."' }`). An id that is not a name becomes
    one; a title keeps its text only."""
    for link in links:
        if not allowlist.attr_value_ok("h2", "id", link.id):
            link.id = re.sub(r"[^\w.:-]+", "-", link.id).strip("-_") or "section"
        if "<" in link.title:  # Python-Markdown gives text, escaped: only a tag needs cleaning
            link.title = nh3.clean(link.title, tags=set())
        clean_toc(link.children)
