"""Problems worded in a language: the catalogues in checks/messages/<lang>.yml.

A catalogue has two mappings: `messages` (a code to its sentence, with `{name}`
placeholders for the problem's values) and `words` (a word a message names:
an item type, a vocabulary, a kind of value). A word placeholder may ask for a
form, `{kind:a}`, for a language that needs one (French: `un levier`); a form
or a word the catalogue lacks is the plain word. A language without a catalogue,
or a message its catalogue lacks, is said in English: per message, never a crash.
A word of the site's own data (an item type or vocabulary it declares) is the name
the site's files give it in the language, through the catalogue's `_own` patterns;
a language the site does not name it in says that message in English.
Field explanations come from model/field_help.yml, in the language when it has one.
Decimal values are written as the language writes them (Babel).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from babel.numbers import format_decimal

from methodkit.checks.problems import FieldHelp, Message
from methodkit.i18n import locale

CATALOGUES = Path(__file__).parent / "messages"
FIELD_HELP = Path(__file__).parents[1] / "model" / "field_help.yml"


@cache
def catalogue(lang: str) -> dict:
    if lang not in languages():
        return {"messages": {}, "words": {}}
    return yaml.safe_load((CATALOGUES / f"{lang}.yml").read_text("utf-8"))


@cache
def languages() -> tuple[str, ...]:
    """The languages problems can be said in."""
    return tuple(sorted(p.stem for p in CATALOGUES.glob("*.yml")))


@cache
def field_help() -> dict:
    return yaml.safe_load(FIELD_HELP.read_text("utf-8"))


class _Word:
    """A word as a placeholder's value: `{kind}` is the word, `{kind:a}` one of its forms."""

    def __init__(self, name: str, lang: str, own: dict[str, str]):
        self.name, self.lang, self.own = name, lang, own

    def __format__(self, form: str) -> str:
        words = catalogue(self.lang).get("words") or {}
        found = words.get(f"{self.name}.{form}") or words.get(self.name)
        if found:
            return found
        own = self.own.get(self.lang)
        if own:
            # A word of the site's own data, in the site's words: the catalogue's `_own` patterns
            # put it where a form would be, without a grammar the catalogue cannot know for it.
            pattern = words.get(f"_own.{form}") or words.get("_own") or "{word}"
            if self.lang == "en" and own[:1].isupper() and own[1:2].islower():
                own = own[0].lower() + own[1:]  # a common noun inside a sentence
            return pattern.format(word=own)
        if self.lang == "en":
            return self.name  # a word of the site's own data that it names nowhere: as written
        # A word this language cannot say (a type the site declares): the message in English.
        raise KeyError(self.name)


def _value(value, lang: str):
    if isinstance(value, Message):
        if value.code.startswith("word."):
            return _Word(
                value.code.removeprefix("word."), lang, dict(dict(value.params).get("own", ()))
            )
        return render(value, lang)
    if isinstance(value, FieldHelp):
        name = value.field.split(".")[-1].split("[")[0]
        entry = field_help().get(name)
        if lang != "en" and isinstance(entry, dict) and entry.get(lang):
            return entry[lang]
        return value.text
    if isinstance(value, float):  # 1,5 half-days in Dutch and French, 1.5 in English
        return format_decimal(value, locale=locale(lang), group_separator=False)
    return value


def render(message: Message, lang: str = "en") -> str:
    """The message in `lang`, in English where that language's catalogue lacks it."""
    if not message:
        return ""
    for tongue in dict.fromkeys((lang, "en")):
        template = (catalogue(tongue).get("messages") or {}).get(message.code)
        if template is None:
            continue
        values = {k: _value(v, tongue) for k, v in message.params}
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):
            continue  # a catalogue that names a value the message lacks: the next one
    # A code no catalogue has (a test keeps this from happening): the code and its values.
    return message.code + "".join(f" {k}={_value(v, 'en')}" for k, v in message.params)
