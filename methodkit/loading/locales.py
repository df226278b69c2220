"""A site's own interface text: `methodology/locales/<lang>.yml`, over the engine's.

The engine speaks Dutch, French and English (`methodkit/locales/`). A site that publishes in
another language gives the interface in it here, and a site that calls something differently
(its modules "workshops") rewords a key of a language the engine has. Each file maps keys of the
engine's interface text to the site's wording; a key it leaves out keeps the engine's text (English
in a language the engine lacks). It is checked as content: known keys only, text only (no HTML),
and the same `{placeholders}` as the engine's text, which the pages fill in.
"""

from __future__ import annotations

import difflib
import re
import string
from pathlib import Path

import yaml

from methodkit.checks.policy import TEMPLATE_SYNTAX, template_problems, text_field_problems
from methodkit.checks.problems import Problem, say
from methodkit.i18n import available, native_name, strings
from methodkit.loading.source import parse_yaml, read_text

FOLDER = "locales"  # in the content folder


_KEY_LINE = re.compile(r"^#?\s*([\w.-]+):", re.M)  # a key, in use or still a comment


def interface_file(lang: str, name: str, existing: str = "") -> tuple[str, int]:
    """The site's interface file of `lang` with every key of the engine it lacks added as a
    comment, with the engine's text in that language (its English where it has none), for the
    site to take up line by line; and how many keys were added. What the file had stays as it
    was."""
    engine_speaks = lang in available()
    known = set(_KEY_LINE.findall(existing))
    missing = {k: v for k, v in strings(lang).items() if k not in known}
    if "language.name" in missing and not engine_speaks:
        missing["language.name"] = native_name(lang, {})  # 'Deutsch' from CLDR, not 'English'

    lines = []
    if not existing.strip():
        lines = [
            f"# The interface text of this site in {name} ({lang}), over the engine's. Each",
            "# commented line gives a key with the engine's text"
            + (":" if engine_speaks else " in English, the engine having none in this language:"),
            "# to use yours, take away the '# ' and write it. Keep every {placeholder}: the page",
            "# fills it in. A line still commented out shows the engine's text.",
        ]
    elif missing:
        lines = ["", "# Keys of the engine this file did not have yet, with the engine's text:"]
    for key, text in missing.items():
        line = yaml.safe_dump({key: text}, allow_unicode=True, width=10_000).rstrip("\n")
        lines.append(f"# {line}")
    if not lines:
        return existing, 0
    body = existing if not existing or existing.endswith("\n") else existing + "\n"
    return body + "\n".join(lines) + "\n", len(missing)


def placeholders(text: str) -> set[str] | None:
    """The `{names}` a text leaves for the page to fill in; None where a brace has no pair or a
    placeholder is more than a name (`{n:>9999999}` pads a page with gigabytes, `{n.__class__}`
    reads attributes, `{n!r}` changes the text)."""
    try:
        fields = [
            (n, spec, conv) for _, n, spec, conv in string.Formatter().parse(text) if n is not None
        ]
    except ValueError:
        return None
    if any(not _NAME.fullmatch(n) or spec or conv for n, spec, conv in fields):
        return None
    return {n for n, _, _ in fields}


_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_TAG_START = re.compile(r"<\s*[/!?A-Za-z]")


# The engine's longest text is some 450 characters (the trainer pack's licence paragraph, in
# French): room for any wording of it, not for a page's worth of text on every page.
MAX_LENGTH = 2000


def load_locales(
    content_dir: Path, root: Path, languages, problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """Every site language's own interface text, by language; what is wrong is added to
    `problems`."""
    engine = strings("en")  # every key exists in every language of the engine (a test checks it)
    found: dict[str, dict[str, str]] = {}
    for path in sorted((content_dir / FOLDER).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if path.stem not in languages:
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("not_site_language", lang=path.stem),
                    say("terms.file_name.hint", languages=", ".join(languages)),
                )
            )
            continue
        text = read_text(path, rel, problems)
        if text is None:
            continue
        problems.extend(template_problems(text, rel))
        doc = parse_yaml(text, rel, problems, what="file")
        if doc is None:
            continue
        if doc.data is None:
            continue  # an empty file: the engine's text throughout
        if not isinstance(doc.data, dict):
            hint = say("locale.hint", lang=path.stem)
            problems.append(Problem(rel, 1, "file", say("must_be_fields"), hint))
            continue
        found[path.stem] = _entries(doc, rel, path.stem, engine, problems)
    return found


def _entries(
    doc, rel: str, lang: str, engine: dict[str, str], problems: list[Problem]
) -> dict[str, str]:
    kept = {}
    for key, value in doc.data.items():
        key = str(key)  # YAML keys may be numbers or booleans
        line = doc.line_of(key)
        if key not in engine:
            close = difflib.get_close_matches(key, list(engine), n=1)
            hint = say("did_you_mean", name=close[0]) if close else say("locale.hint", lang=lang)
            problems.append(Problem(rel, line, key, say("locale.unknown_key"), hint))
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(rel, line, key, say("locale.not_text"), say("locale.not_text.hint"))
            )
            continue
        if len(value) > MAX_LENGTH:
            message = say("locale.too_long", length=len(value), most=MAX_LENGTH)
            problems.append(Problem(rel, line, key, message, say("locale.too_long.hint")))
            continue
        wanted, given = placeholders(engine[key]), placeholders(value)
        if given is None:
            problems.append(Problem(rel, line, key, say("locale.brace"), say("locale.brace.hint")))
            continue
        if given != wanted:
            message = (
                say("locale.placeholders", found=_listed(given), wanted=_listed(wanted))
                if given
                else say("locale.placeholders_missing", wanted=_listed(wanted))
            )
            problems.append(Problem(rel, line, key, message, say("locale.placeholders.hint")))
            continue
        found = text_field_problems(value, key, rel, line, say("locale.html.hint"))
        if not found and _TAG_START.search(value):
            # A tag left open (`<img src=x onerror=...`) is HTML too: interface text has none.
            found = [Problem(rel, line, key, say("policy.field_html"), say("locale.html.hint"))]
        if found:
            problems.extend(found)
            continue
        if TEMPLATE_SYNTAX.search(value):
            continue  # said for the whole file, at its line (template_problems)
        kept[key] = value
    return kept


def _listed(names: set[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names))
