"""Interface text: one translation file per language in methodkit/locales/.

Every key exists in every language (a test enforces it). Dates and lists are
written the way each language writes them, by Babel's CLDR data, without
depending on the machine's locales.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.lists import format_list

LOCALES = Path(__file__).parent / "locales"
# The region whose conventions a language follows here (dates, lists, Open Graph); another
# language follows its own defaults in CLDR.
REGIONS = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}


@cache
def strings(lang: str) -> dict[str, str]:
    path = LOCALES / f"{lang}.yml"
    if not path.exists():
        # A language without a file of its own speaks English rather than failing.
        path = LOCALES / "en.yml"
    return yaml.safe_load(path.read_text("utf-8"))


def available() -> list[str]:
    return sorted(p.stem for p in LOCALES.glob("*.yml"))


def interface_text(lang: str, site: dict[str, dict[str, str]]) -> dict[str, str]:
    """The interface text of a language: the engine's (English where it has none), with the
    site's own over it, key by key (`site`: Content.interface, from methodology/locales/). The
    language's name is its own (`native_name`), never the English file's 'English'."""
    return {**strings(lang), **site.get(lang, {}), "language.name": native_name(lang, site)}


def native_name(lang: str, site: dict[str, dict[str, str]]) -> str:
    """What a language calls itself in the switcher: the site's word, else the engine's, else
    CLDR's ('Deutsch'), for a language the engine does not speak."""
    if "language.name" in site.get(lang, {}):
        return site[lang]["language.name"]
    if lang in available():
        return strings(lang)["language.name"]
    name = language_name(lang, lang)
    return name[:1].upper() + name[1:]


@cache
def locale(lang: str) -> Locale:
    """The Babel locale of a site language; English for a code CLDR does not know."""
    try:
        return Locale.parse(REGIONS.get(lang, lang))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en_GB")


# Languages that give every noun a capital: a type's name keeps it inside a sentence.
CAPITALISED_NOUNS = {"de", "lb"}


def in_sentence(label: str, lang: str) -> str:
    """A label as it reads inside a sentence ('19 modules', 'sessieverslagen'); as written in a
    language that gives every noun a capital ('19 Module')."""
    return label if lang in CAPITALISED_NOUNS else label.lower()


def format_names(names, lang: str) -> str:
    """'A', 'A and B', 'A, B and C' in the reader's language; a plain string stays as it is."""
    if isinstance(names, str):
        return names
    return format_list([str(n) for n in names], locale=locale(lang)) if names else ""


def format_date(value: str | dt.date, lang: str) -> str:
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return babel_date(d, format="long", locale=locale(lang))


def format_duration(minutes: int, t: dict[str, str]) -> str:
    """'een halve dag', '1 uur 30 minuten': `t` is the interface text of the reader's language."""
    if minutes % 240 == 0:
        n = minutes // 240
        return t["duration.half_day"] if n == 1 else t["duration.half_days"].format(n=n)
    h, m = divmod(minutes, 60)
    if h and m:
        return t["duration.hours_minutes"].format(h=h, m=m)
    return t["duration.hours"].format(h=h) if h else t["duration.minutes"].format(m=m)


@cache
def language_name(code: str, reader: str) -> str:
    """The name of language `code` as a reader of `reader` writes it ('néerlandais'), from
    Babel's data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(reader).languages.get(code, code)
    except (ValueError, UnknownLocaleError):
        return code


def is_language(code) -> bool:
    """Whether `code` names a language (Babel knows it): 'de' does, 'nL' or 'label' does not."""
    from babel import Locale

    return (
        isinstance(code, str)
        and code.isascii()
        and code.islower()
        and code in Locale("en").languages
    )
