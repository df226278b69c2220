"""Branding from one place: `extra.publisher` in mkdocs.yml.

An organisation that adapts the method sets its name, logo, colours, contact
and the work it adapts there; this module spreads them over the MkDocs config
(site name, logo, favicon, copyright line) and hands the rest to the templates,
the stylesheet it writes (brand.css) and the PDFs.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from methodkit.i18n import format_names
from methodkit.pages.fields import contact_link
from methodkit.publishing.attribution import based_on
from methodkit.publishing.colours import colour_problems, palette

BRAND_CSS = "assets/methodkit/brand.css"  # written into every build, after the theme's and site.css
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parents[1] / "templates"),
    autoescape=False,
    keep_trailing_newline=True,
)


class BrandingError(ValueError):
    """A publisher setting that cannot be used; the adapter reports it as a configuration error."""


def _in_lang(value, lang: str) -> str:
    """A text given once, or per language (a language without one gets the first)."""
    if isinstance(value, dict):
        return str(value.get(lang) or next(iter(value.values()), ""))
    return str(value or "")


def brand_of(publisher: dict, site_name: str, lang: str) -> dict:
    """What the templates, exports and PDFs show of `extra.publisher`, in `lang`; BrandingError on a
    mistake."""
    problems = colour_problems(publisher.get("colours"))
    work, why = based_on(publisher.get("based_on"))
    problems += why
    if problems:
        raise BrandingError(
            "mkdocs.yml: " + "\nmkdocs.yml: ".join(f"extra.publisher.{p}" for p in problems)
        )
    site_name = publisher.get("site_name") or site_name
    holders = publisher.get("licence_holder") or publisher.get("name") or site_name
    if isinstance(holders, dict):  # a holder named in each language, such as "the contributors"
        holders = holders.get(lang) or next(iter(holders.values()))
    holders = [str(h) for h in holders] if isinstance(holders, list) else [str(holders)]
    return {
        "name": publisher.get("name", ""),
        "site_name": site_name,
        "title": _in_lang(publisher.get("title"), lang) or site_name,
        "emblem": publisher.get("emblem") or publisher.get("logo") or "",
        "palette": palette(publisher.get("colours") or {}),
        "contact": contact_link(str(publisher["contact"])) if publisher.get("contact") else None,
        "licence_holder": format_names(holders, lang),
        "holders": holders,
        "based_on": work,
    }


def apply_branding(config, lang: str, t: dict[str, str]) -> dict:
    publisher = dict(config.extra.get("publisher") or {})
    brand = brand_of(publisher, config.site_name, lang)
    config.site_name = brand["site_name"]
    if publisher.get("description"):
        config.site_description = _in_lang(publisher["description"], lang)
    if publisher.get("logo"):
        config.theme["logo"] = publisher["logo"]
        config.theme["favicon"] = publisher.get("favicon", publisher["logo"])
    config.copyright = t["footer.copyright"].format(
        holder=brand["licence_holder"], publisher=brand["name"] or brand["licence_holder"]
    )
    if BRAND_CSS not in config.extra_css:
        config.extra_css.append(
            BRAND_CSS
        )  # last, so the publisher's colours win over every stylesheet
    return brand


def brand_css(brand: dict) -> str:
    """The stylesheet that paints the site in the publisher's colours."""
    return _TEMPLATES.get_template("brand.css").render(palette=brand["palette"])
