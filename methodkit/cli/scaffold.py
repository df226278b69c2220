"""Create new files for contributors: new items and translations.

Nothing here ever overwrites a file: files are opened in exclusive-create mode,
so an existing file makes the command fail and stays untouched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from methodkit.checks.placeholders import FIELDS, TODO
from methodkit.checks.wording import field_help
from methodkit.loading.config import site_settings
from methodkit.loading.files import is_regular, read_regular
from methodkit.loading.loader import Content, current_hash
from methodkit.model.site_pages import SitePage

HELP_LANGS = ("nl", "fr", "en")
# The words around the field explanations of a new item, per language of the explanations.
OPTIONAL = {"nl": "(optioneel)", "fr": "(facultatif)", "en": "(optional)"}
ALLOWED = {"nl": "Mogelijk", "fr": "Valeurs possibles", "en": "Allowed"}


class ScaffoldError(Exception):
    """A contributor-facing refusal: printed as is, exit status 1."""


def _yaml_block(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).rstrip("\n")


def write_new(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; it was left untouched") from None


def translation_text(content: Content, source: Path, lang: str) -> str:
    """The text of a new translation of `source`: its translatable text to translate."""
    rel = content.rel(source)
    folder = (
        source.parent.relative_to(content.content_dir).as_posix().split("/")[0]
        if content.content_dir in source.parents
        else None
    )
    header = (
        f"# Translation into '{lang}' of {rel}.\n"
        "# Translate the values below and the text after the closing '---'.\n"
        "# Keep source_hash: it records which version of the source text you translated.\n"
        "# Remove 'draft: true' when the translation is done; "
        "until then readers get the source text.\n"
    )
    itype = content.types.by_folder(folder) if folder else None
    if itype is not None:
        kind = itype.name
        item = content.items[kind].get(source.stem)
        if item is None:
            raise ScaffoldError(f"{rel} has problems; run `methodkit check` and fix them first")
        fields = {"source_hash": current_hash(content, item), "draft": True, "translators": []}
        fields.update(
            {k: item.meta[k] for k in content.schemas.translatable(kind) if k in item.meta}
        )
        return f"---\n{header}{_yaml_block(fields)}\n---\n{item.body.lstrip(chr(10))}"
    # A page of the site itself in docs/.
    text = read_regular(source).decode("utf-8-sig").replace("\r\n", "\n")
    page = _site_page(content, source)
    h = page.hash if page else None
    if text.startswith("---\n"):
        close = _CLOSING.search(text, 3)  # YAML also ends a document with '...'
        if close is None:
            raise ScaffoldError(
                f"{rel}: its front matter is not closed; add a line '---' after the last field"
            )
        # The source's own `lang:` says what it is written in; the translation's language is its
        # name's. The comment lines right above it speak of it: they go with it.
        front = re.sub(r"(?m)^(?:#.*\n)*lang:.*\n", "", text[4 : close.start() + 1])
        return f"---\n{header}source_hash: {h}\ndraft: true\n{front}---{text[close.end() :]}"
    return f"---\n{header}source_hash: {h}\ndraft: true\n---\n{text}"


def _site_page(content: Content, source: Path) -> SitePage | None:
    rel = source.resolve().relative_to(content.root.resolve()).as_posix()
    return next((p for p in content.site_pages.values() if p.path == rel), None)


_CLOSING = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|$)")


def create_translation(content: Content, source: Path, lang: str) -> Path:
    if lang not in content.languages:
        raise ScaffoldError(
            f"'{lang}' is not a language of this site (languages: {', '.join(content.languages)})"
        )
    root = content.root.resolve()
    if not source.is_relative_to(root) or not (
        source.is_relative_to(content.content_dir.resolve())
        or source.is_relative_to(root / site_settings(root).docs_dir)
    ):
        raise ScaffoldError(
            f"{source} is not an item or a page of this repository "
            f"(in {content.content_dir.name}/ or docs/)"
        )
    if not is_regular(source) or source.suffix != ".md":
        raise ScaffoldError(f"{source} is not a Markdown file")
    if len(source.name.split(".")) != 2:
        raise ScaffoldError(f"{source.name} is itself a translation; give its source")
    item = next((i for i in content.all_items() if content.root / i.path == source), None)
    page = _site_page(content, source)
    written = item.lang if item is not None else page.lang if page else content.source_lang
    if lang == written:
        raise ScaffoldError(
            f"{source.name} is written in '{lang}' already; translate it into another language"
        )
    target = source.with_name(f"{source.stem}.{lang}.md")
    text = translation_text(content, source, lang)
    write_new(target, text)
    return target


def slugify(title: str) -> str:
    """An id from a title: diacritics dropped (é -> e, ç -> c), lower case, hyphens."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " en ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


OPTIONAL_EXAMPLES = {
    "authors": ["..."],
    "license": "CC-BY-SA-4.0",
    "adapted_from": "intakegesprek",
    "based_on": [{"title": "...", "by": ["..."], "url": "https://..."}],
    "provenance": "reconstruction",
    "provenance_note": "...",
    "partners": ["..."],
    "links": [{"title": "...", "url": "https://..."}],
    "contact": "info@organisatie.example",
    "follow_ups": ["..."],
    "example": True,
}


def _flow(value) -> str:
    """One YAML value on one line (lists and mappings in [..] and {..})."""
    text = yaml.safe_dump(
        value, allow_unicode=True, default_flow_style=True, width=10000, sort_keys=False
    ).strip()
    return text[:-3].strip() if text.endswith("\n...") or text.endswith("...") else text


def _explained(name: str, prop: dict, lang: str) -> str:
    """What a field is for: field_help.yml's words in the language, else the schema's own
    description (a field of a type the site declares has only that), or that of the shared
    definition it refers to (`prop` as the validator reads it, references replaced), else its
    name."""
    entry = field_help().get(name)
    if isinstance(entry, dict) and entry.get(lang):
        return entry[lang]
    description = prop.get("description")
    return description if isinstance(description, str) and description else name


def _placeholder(
    content: Content,
    kind: str,
    name: str,
    prop: dict,
    title: str,
    item_id: str,
    today: dt.date,
    lang: str,
):
    """A valid starting value, so that the new draft passes `methodkit check` at once."""
    vocab = prop.get("x-vocabulary") or (prop.get("items") or {}).get("x-vocabulary")
    fixed = {
        "id": item_id,
        "title": title,
        "draft": True,
        "date": today.isoformat(),
        "participants": 1,
        "duration": 120,
        "group_size": {"min": 1, "max": 12},
        "order": 99,
        "example": False,
        "consent": "given",
        "period": {"start": today.year},
        # A new item is its author's own text, after no other, until they say otherwise.
        "provenance": "original",
        "based_on": [],
    }
    if name in fixed:
        return fixed[name]
    if vocab:
        first = next(iter(content.vocabularies.get(vocab, {})), None)
        return (
            first
            if prop.get("type") == "string"
            else ([first] if prop.get("minItems") and first else [])
        )
    ref = (prop.get("items") or {}).get("x-reference")
    if ref:
        known = sorted(content.items[content.type_of_folder(ref)])
        return known[:1] if prop.get("minItems") else []
    if name in ("summary", "cohort"):
        return FIELDS[name][lang]
    if name == "results":
        return [{"text": FIELDS["result"][lang], "source": FIELDS["source"][lang]}]
    if name == "organisations":
        return [FIELDS["organisation"][lang]]
    if prop.get("type") == "array" or "items" in prop or prop.get("$ref", "").endswith("text_list"):
        return [FIELDS["line"][lang]] if prop.get("minItems") else []
    return TODO


def new_item_text(
    content: Content,
    kind: str,
    title: str,
    lang: str = "nl",
    today: dt.date | None = None,
    publisher: str = "",
) -> tuple[str, str]:
    """The id and text of a new draft item with every field present and explained.

    The item is credited to `publisher` (the organisation that writes it, not the method's original
    authors), and written in the site's first language unless it says otherwise.
    """
    today = today or dt.date.today()
    item_id = slugify(title)
    itype = content.types[kind]
    if itype.dated_ids:
        item_id = f"{today:%Y-%m}-{item_id}"
    if not item_id:
        raise ScaffoldError("the title gives no usable id; use letters or digits")
    schema = content.schemas.raw[kind]
    inlined = content.schemas.validator(kind).schema["properties"]  # references replaced
    required = set(schema.get("required", []))
    optional_note = OPTIONAL[lang]
    lines = []
    for name, prop in schema["properties"].items():
        value = _placeholder(content, kind, name, prop, title, item_id, today, lang)
        note = _explained(name, inlined.get(name, prop), lang) + (
            "" if name in required else f" {optional_note}"
        )
        vocab = prop.get("x-vocabulary") or (prop.get("items") or {}).get("x-vocabulary")
        if vocab:
            note += " " + ALLOWED[lang] + ": " + ", ".join(content.vocabularies.get(vocab, {}))
        lines.append(f"# {note}")
        if name == "authors" and publisher:
            lines.append(f"authors: {_flow([publisher])}")
        elif (
            name == "lang"
            and content.defaults.get("lang", content.source_lang) != content.source_lang
        ):
            lines.append(f"lang: {content.source_lang}")  # the defaults name another language
        elif name in required or name in (
            "draft",
            "related",
            "modules",
            "levers",
            "barriers",
            "provenance",
            "based_on",
        ):
            lines.append(f"{name}: {_flow(value)}")
        else:  # optional: shown as an example, commented out
            lines.append(f"# {name}: {_flow(OPTIONAL_EXAMPLES.get(name, value))}")
    body = itype.starter.get(lang) or next(iter(itype.starter.values()), "")
    return item_id, "---\n" + "\n".join(lines) + "\n---\n" + body


def create_item(
    content: Content,
    kind: str,
    title: str,
    lang: str = "nl",
    today: dt.date | None = None,
    publisher: str = "",
) -> Path:
    if lang not in HELP_LANGS:
        raise ScaffoldError(f"explanations exist in {', '.join(HELP_LANGS)}, not '{lang}'")
    item_id, text = new_item_text(content, kind, title, lang, today, publisher)
    target = content.content_dir / content.types[kind].folder / f"{item_id}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, text)
    return target
