"""Create new files for contributors: translations (and, later, new items).

Nothing here ever overwrites a file: files are opened in exclusive-create mode,
so an existing file makes the command fail and stays untouched.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .docs_pages import page_hash
from .loader import Content, current_hash
from .model import BY_FOLDER


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
    folder = source.parent.relative_to(content.content_dir).as_posix().split("/")[0] if content.content_dir in source.parents else None
    header = (f"# Translation into '{lang}' of {rel}.\n"
              "# Translate the values below and the text after the closing '---'.\n"
              "# Keep source_hash: it records which version of the Dutch text you translated.\n")
    if folder in BY_FOLDER:
        kind = BY_FOLDER[folder].kind
        item = content.items[kind].get(source.stem)
        if item is None:
            raise ScaffoldError(f"{rel} has problems; run `methodkit check` and fix them first")
        fields = {"source_hash": current_hash(content, item), "translators": []}
        fields.update({k: item.meta[k] for k in content.schemas.translatable(kind) if k in item.meta})
        return f"---\n{header}{_yaml_block(fields)}\n---\n{item.body.lstrip(chr(10))}"
    # A page of the site itself in docs/.
    text = source.read_text("utf-8-sig").replace("\r\n", "\n")
    h = page_hash(source)
    if text.startswith("---\n"):
        end = text.index("\n---", 4)
        return f"---\n{header}source_hash: {h}\n{text[4:end + 1]}---{text[end + 4:]}"
    return f"---\n{header}source_hash: {h}\n---\n{text}"


def create_translation(content: Content, source: Path, lang: str) -> Path:
    if lang not in content.languages[1:]:
        raise ScaffoldError(f"'{lang}' is not a translation language of this site (languages: {', '.join(content.languages[1:])})")
    if not source.is_file() or source.suffix != ".md":
        raise ScaffoldError(f"{source} is not a Markdown file")
    if len(source.name.split(".")) != 2:
        raise ScaffoldError(f"{source.name} is itself a translation; give the Dutch source")
    target = source.with_name(f"{source.stem}.{lang}.md")
    text = translation_text(content, source, lang)
    write_new(target, text)
    return target
