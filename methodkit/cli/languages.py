"""`methodkit languages add|remove XX`: a site language in one command.

Adding a language lists it in mkdocs.yml and gives every vocabulary term and
trajectory step a label in it, copied from the site's first language for a
translator to translate; a language the engine's interface does not speak gets
`methodology/locales/XX.yml`, the engine's English in comments to translate.
Removing one takes it out of mkdocs.yml and moves its translations (files,
labels, interface text) aside into `removed-languages/XX/`, or deletes them with
`--delete`, saying so either way. The content is edited as text, so comments and
layout stay, and every edited YAML file is parsed again and compared with what
was meant before anything is written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from methodkit.i18n import available, is_language, language_name
from methodkit.loading.config import site_settings
from methodkit.loading.docs import SUFFIX
from methodkit.loading.locales import FOLDER as LOCALES
from methodkit.loading.locales import interface_file

ASIDE = "removed-languages"
_LANGUAGES = re.compile(r"^(?P<head>\s*languages:\s*)\[(?P<list>[^\]\n]*)\](?P<tail>.*)$", re.M)


class LanguageError(Exception):
    """A refusal, printed as is: nothing was changed."""


def _label_files(root: Path, content_dir: str) -> list[Path]:
    folder = root / content_dir
    return sorted((folder / "vocabularies").glob("*.yml")) + [
        p for p in [folder / "trajectory.yml"] if p.exists()
    ]


def _blocks(lines: list[str], lang: str | None = None):
    """(start, end, key) of every language block (`    nl:` and what is indented under it)."""
    n = 0
    while n < len(lines):
        m = re.match(r"^(?P<indent>\s+)(?P<key>[a-z]{2,3}):(\s.*)?$", lines[n])
        if m and m["key"] != "id" and is_language(m["key"]) and (lang is None or m["key"] == lang):
            indent, end = len(m["indent"]), n + 1
            while end < len(lines):
                line = lines[end]
                if line.strip() and len(line) - len(line.lstrip()) <= indent:
                    break
                end += 1
            while end > n + 1 and not lines[end - 1].strip():
                end -= 1  # blank lines after a block belong to the file, not the block
            yield n, end, m["key"]
            n = end
        else:
            n += 1


def _entries(data) -> list[dict]:
    return data.get("terms") or data.get("steps") or []


def _without(data, lang: str) -> list:
    return [{k: v for k, v in e.items() if k != lang} for e in _entries(data)]


def remove_labels(text: str, lang: str) -> tuple[str, dict, dict]:
    """The text without `lang`'s labels; those labels by entry id; and each label's lines as they
    were written (without their indent), so that adding the language back restores them as is."""
    lines = text.split("\n")
    before = yaml.safe_load(text) or {}
    cut = [(s, e) for s, e, _ in _blocks(lines, lang)]
    written = {}
    for start, end in cut:
        indent = len(lines[start]) - len(lines[start].lstrip())
        written[_entry_id(lines, start)] = "\n".join(line[indent:] for line in lines[start:end])
    for start, end in reversed(cut):
        del lines[start:end]
    out = "\n".join(lines)
    after = yaml.safe_load(out) or {}
    if _entries(after) != _without(before, lang):
        raise LanguageError(f"could not take the '{lang}' labels out safely; edit the file by hand")
    return out, {e["id"]: e[lang] for e in _entries(before) if lang in e}, written


def _entry_id(lines: list[str], at: int) -> str | None:
    for line in reversed(lines[:at]):
        m = re.match(r"^\s*-\s+id:\s*(\S+)\s*$", line)
        if m:
            return m[1].strip("'\"")
    return None


def add_labels(
    text: str, lang: str, source: str, restored: dict | None = None, written: dict | None = None
) -> tuple[str, int]:
    """The text with a `lang` label after each entry's languages: its `restored` one (in the
    lines it was `written` in, when they say the same), or a copy of its `source` label; and how
    many were added."""
    restored, written = restored or {}, written or {}
    lines = text.split("\n")
    before = yaml.safe_load(text) or {}
    blocks = list(_blocks(lines))
    inserts = []
    for i, (start, end, key) in enumerate(blocks):
        if key != source:
            continue
        last = i  # after the last language block of this entry
        while last + 1 < len(blocks) and blocks[last + 1][0] == blocks[last][1]:
            last += 1
        if any(blocks[j][2] == lang for j in range(i, last + 1)):
            continue
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        entry = _entry_id(lines, start)
        if (
            entry in restored
            and (yaml.safe_load(written.get(entry) or "~") or {}).get(lang) == restored[entry]
        ):
            block = [indent + line if line else line for line in written[entry].split("\n")]
        elif entry in restored:
            dumped = yaml.safe_dump(
                {lang: restored[entry]}, allow_unicode=True, sort_keys=False, width=100
            )
            block = [indent + line for line in dumped.rstrip("\n").split("\n")]
        else:
            block = [f"{indent}{lang}:" + lines[start][len(indent) + len(source) + 1 :]] + lines[
                start + 1 : end
            ]
        inserts.append((blocks[last][1], block))
    for at, new in reversed(inserts):
        lines[at:at] = new
    out = "\n".join(lines)
    after = yaml.safe_load(out) or {}
    meant = [
        {**e, lang: restored.get(e["id"], e[source])} if source in e and lang not in e else e
        for e in _entries(before)
    ]
    if _entries(after) != meant:
        raise LanguageError(f"could not add '{lang}' labels safely; edit the file by hand")
    return out, len(inserts)


def _config(root: Path, languages: list[str]) -> tuple[Path, str]:
    path = root / "mkdocs.yml"
    text = path.read_text("utf-8")
    matches = list(_LANGUAGES.finditer(text))
    if len(matches) != 1:
        raise LanguageError(
            "mkdocs.yml: write the methodkit plugin's languages on one line, "
            "as `languages: [fr, nl]`"
        )
    m = matches[0]
    return path, text[: m.start()] + f"{m['head']}[{', '.join(languages)}]{m['tail']}" + text[
        m.end() :
    ]


def _translation_files(root: Path, folders: list[Path], lang: str) -> list[Path]:
    out = []
    for folder in folders:
        for path in sorted(folder.rglob(f"*.{lang}.md")):
            m = SUFFIX.match(path.name)
            if m and m["lang"] == lang:
                out.append(path)
    return out


def add_language(root: Path, lang: str) -> list[str]:
    """List `lang` in mkdocs.yml and label every term and step in it; returns what was done."""
    settings = site_settings(root)
    languages = list(settings.languages)
    if lang in languages:
        raise LanguageError(f"'{lang}' is already a language of this site ({', '.join(languages)})")
    if not is_language(lang):
        raise LanguageError(
            f"'{lang}' is not a language code the kit knows: write the language's shortest ISO 639 "
            "code in lower case (de, not deu or DE); regional variants (de-AT) are not supported"
        )
    config, config_text = _config(root, languages + [lang])
    aside = root / ASIDE / lang
    edits, done, used = {}, [], []
    for path in _label_files(root, settings.content_dir):
        kept = aside / path.relative_to(root)
        aside_data = (yaml.safe_load(kept.read_text("utf-8")) or {}) if kept.exists() else {}
        restored = aside_data.get("labels", {})
        text, n = add_labels(
            path.read_text("utf-8"), lang, languages[0], restored, aside_data.get("written")
        )
        if n:
            edits[path] = text
            back = len(set(restored) & {e["id"] for e in _entries(yaml.safe_load(text) or {})})
            copied = f"{n - back} copied from '{languages[0]}', to translate"
            done.append(
                f"{path.relative_to(root)}: {n} label(s), "
                + (
                    f"{back} restored from {ASIDE}/{lang}/" + (f", {copied}" if n > back else "")
                    if back
                    else copied
                )
            )
        if kept.exists():
            used.append(kept)
    kept_labels = {
        aside / path.relative_to(root) for path in _label_files(root, settings.content_dir)
    }
    files = (
        [p for p in sorted(aside.rglob("*")) if p.is_file() and p not in kept_labels]
        if aside.exists()
        else []
    )
    for path, text in edits.items():
        path.write_text(text, "utf-8")
    for kept in used:
        kept.unlink()  # its labels are back in place
    restored_files = 0
    for kept in files:
        target = root / kept.relative_to(aside)
        if not target.exists() and (target.parent.exists() or target.parent.name == LOCALES):
            target.parent.mkdir(exist_ok=True)
            shutil.move(kept, target)
            restored_files += 1
    if restored_files:
        done.append(f"{restored_files} translation and term file(s) restored from {ASIDE}/{lang}/")
    if lang not in available():
        # The engine has no interface text in this language: the site's own, to translate.
        done.append(_interface_file(root, settings.content_dir, lang))
    for folder in (
        sorted((p for p in aside.rglob("*") if p.is_dir()), reverse=True) if aside.exists() else []
    ):
        if not any(folder.iterdir()):
            folder.rmdir()
    for folder in (aside, aside.parent):
        if folder.exists() and not any(folder.iterdir()):
            folder.rmdir()
    config.write_text(config_text, "utf-8")
    return [f"mkdocs.yml: languages: [{', '.join(languages + [lang])}]"] + done


def interface_text(root: Path, lang: str) -> list[str]:
    """`methodkit languages interface XX`: write or complete the site's interface text of a site
    language, every key it lacks as a comment with the engine's text, to take up line by line."""
    settings = site_settings(root)
    if lang not in settings.languages:
        raise LanguageError(
            f"'{lang}' is not a language of this site ({', '.join(settings.languages)}); "
            f"methodkit languages add {lang} adds it"
        )
    return [_interface_file(root, settings.content_dir, lang)]


def _interface_file(root: Path, content_dir: str, lang: str) -> str:
    path = root / content_dir / LOCALES / f"{lang}.yml"
    existing = path.read_text("utf-8") if path.exists() else ""
    text, added = interface_file(lang, language_name(lang, "en"), existing)
    rel = path.relative_to(root)
    if not added:
        return f"{rel}: has every key already, kept as it was"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    said = "in English, to translate" if lang not in available() else "to reword where you wish"
    if existing:
        return f"{rel}: kept as it was, with {added} key(s) it lacked added as comments ({said})"
    return f"{rel}: the interface text, every key as a comment with the engine's text ({said})"


def remove_language(root: Path, lang: str, delete: bool = False) -> list[str]:
    """Take `lang` off the site; its translations move to removed-languages/<lang>/, or go."""
    settings = site_settings(root)
    languages = list(settings.languages)
    if lang not in languages:
        raise LanguageError(f"'{lang}' is not a language of this site ({', '.join(languages)})")
    if len(languages) == 1:
        raise LanguageError(f"'{lang}' is the site's only language")
    rest = [code for code in languages if code != lang]
    config, config_text = _config(root, rest)
    aside = root / ASIDE / lang
    files = _translation_files(root, [root / settings.content_dir, root / settings.docs_dir], lang)
    terms = (
        root / settings.content_dir / "terms" / f"{lang}.yml"
    )  # the language's term list goes with it
    files += [terms] if terms.is_file() else []
    locale = root / settings.content_dir / LOCALES / f"{lang}.yml"  # its interface text too
    files += [locale] if locale.is_file() else []
    labels, written = {}, {}
    edits = {}
    for path in _label_files(root, settings.content_dir):
        text, removed, as_written = remove_labels(path.read_text("utf-8"), lang)
        if removed:
            edits[path], labels[path], written[path] = text, removed, as_written
    if not delete and aside.exists() and any(aside.iterdir()):
        raise LanguageError(
            f"{aside.relative_to(root)}/ exists already; move it away or remove with --delete"
        )
    done = [f"mkdocs.yml: languages: [{', '.join(rest)}]"]
    for path in files:
        rel = path.relative_to(root)
        if delete:
            path.unlink()
        else:
            (aside / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, aside / rel)
    verb = "deleted" if delete else f"moved to {ASIDE}/{lang}/"
    if files:
        done.append(f"{len(files)} translation and term file(s) {verb}")
    for path, text in edits.items():
        rel = path.relative_to(root)
        if not delete:
            (aside / rel).parent.mkdir(parents=True, exist_ok=True)
            (aside / rel).write_text(
                yaml.safe_dump(
                    {"labels": labels[path], "written": written[path]},
                    allow_unicode=True,
                    sort_keys=False,
                ),
                "utf-8",
            )
        path.write_text(text, "utf-8")
        done.append(f"{rel}: {len(labels[path])} '{lang}' label(s) {verb}")
    config.write_text(config_text, "utf-8")
    if lang == languages[0]:
        done.append(f"'{rest[0]}' is now the site's first language, at / and x-default")
    return done
