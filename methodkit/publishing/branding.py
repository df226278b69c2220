"""Branding from one place: `extra.publisher` in mkdocs.yml.

An organisation that adapts the method sets its name, logo, colours and
contact there; this module spreads them over the MkDocs config (site name,
logo, favicon, copyright line) and hands the rest to the templates.
"""

from __future__ import annotations

import re

from methodkit.i18n import format_names, strings

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class BrandingError(ValueError):
    """A publisher setting that cannot be used; the adapter reports it as a configuration error."""


def apply_branding(config, lang: str) -> dict:
    publisher = dict(config.extra.get("publisher") or {})
    colours = publisher.get("colours") or {}
    for key, value in colours.items():
        if not COLOUR.match(str(value)):
            raise BrandingError(f"mkdocs.yml: extra.publisher.colours.{key}: '{value}' is not a colour (write it as #rrggbb)")
    if publisher.get("site_name"):
        config.site_name = publisher["site_name"]
    description = publisher.get("description")
    if isinstance(description, dict) and description:
        config.site_description = description.get(lang) or next(iter(description.values()))
    elif description:
        config.site_description = str(description)
    if publisher.get("logo"):
        config.theme["logo"] = publisher["logo"]
        config.theme["favicon"] = publisher.get("favicon", publisher["logo"])
    holder = publisher.get("licence_holder") or publisher.get("name") or config.site_name
    if isinstance(holder, dict):  # a holder named in each language, such as "the contributors"
        holder = holder.get(lang) or next(iter(holder.values()))
    holder = format_names(holder, lang)
    config.copyright = strings(lang)["footer.copyright"].format(holder=holder, publisher=publisher.get("name", holder))
    return {
        "name": publisher.get("name", ""),
        "site_name": config.site_name,
        "emblem": publisher.get("emblem") or publisher.get("logo") or "",
        "primary": colours.get("primary"),
        "accent": colours.get("accent"),
        "contact": publisher.get("contact") or "",
        "licence_holder": holder,
    }
