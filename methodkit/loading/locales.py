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
import string
from pathlib import Path

import yaml

from methodkit.checks.policy import TEMPLATE_SYNTAX, template_problems, text_field_problems
from methodkit.checks.problems import Problem, say
from methodkit.i18n import strings
from methodkit.loading.source import parse_yaml, read_text

FOLDER = "locales"  # in the content folder


def seed(lang: str, name: str) -> str:
    """A new language's file: every key with the engine's English as a comment, for a translator
    to translate line by line (a line still commented out keeps the engine's text)."""
    lines = [
        f"# The interface text of this site in {name} ({lang}), over the engine's, which has none in",
        "# this language. Each commented line gives a key with the engine's English: to translate",
        "# it, take away the '# ' and write the text in your language. Keep every {placeholder}:",
        "# the page fills it in. A line still commented out shows the English text.",
    ]
    for key, text in strings("en").items():
        line = yaml.safe_dump({key: text}, allow_unicode=True, width=10_000).rstrip("\n")
        lines.append(f"# {line}")
    return "\n".join(lines) + "\n"


def placeholders(text: str) -> set[str] | None:
    """The `{names}` a text leaves for the page to fill in; None where a brace has no pair."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def load_locales(
    content_dir: Path, root: Path, languages, problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """Every site language's own interface text, by language; what is wrong is added to `problems`."""
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
            problems.append(Problem(rel, 1, "file", say("must_be_fields"), say("locale.hint")))
            continue
        found[path.stem] = _entries(doc, rel, engine, problems)
    return found


def _entries(doc, rel: str, engine: dict[str, str], problems: list[Problem]) -> dict[str, str]:
    kept = {}
    for key, value in doc.data.items():
        key = str(key)  # YAML keys may be numbers or booleans
        line = doc.line_of(key)
        if key not in engine:
            close = difflib.get_close_matches(key, list(engine), n=1)
            hint = say("did_you_mean", name=close[0]) if close else say("locale.hint")
            problems.append(Problem(rel, line, key, say("locale.unknown_key"), hint))
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(rel, line, key, say("locale.not_text"), say("locale.hint")))
            continue
        wanted, given = placeholders(engine[key]), placeholders(value)
        if given is None:
            problems.append(Problem(rel, line, key, say("locale.brace"), say("locale.brace.hint")))
            continue
        if given != wanted:
            problems.append(
                Problem(
                    rel,
                    line,
                    key,
                    say("locale.placeholders", found=_listed(given), wanted=_listed(wanted)),
                    say("locale.placeholders.hint"),
                )
            )
            continue
        found = text_field_problems(value, key, rel, line)
        if found:
            problems.extend(found)
            continue
        if TEMPLATE_SYNTAX.search(value):
            continue  # said for the whole file, at its line (template_problems)
        kept[key] = value
    return kept


def _listed(names: set[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "-"
