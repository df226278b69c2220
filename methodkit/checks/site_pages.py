"""Checks of the site's own pages in docs/ and their translations.

A translation of a site page comes in by pull request like content does, and a
page listed in `macro_pages` (mkdocs.yml) is a Jinja template: anything in it
runs when the site is built. So every page in docs/ must have front matter that
parses and keep to the content's HTML allow-list, and a macro page may use
template syntax only to call one of the site's macros, `{{ name() }}`. Other
pages are never templates, whatever their front matter says.
The macros are read from their module's source, never imported.
"""

from __future__ import annotations

import ast
import difflib
import importlib.util
import re
from pathlib import Path

from methodkit.checks.allowlist import link_ok
from methodkit.checks.images import raster_problems
from methodkit.checks.lines import line_of
from methodkit.checks.policy import TEMPLATE_SYNTAX, html_problems, prose, text_field_problems
from methodkit.checks.problems import Problem, say, word
from methodkit.checks.svg import svg_problems
from methodkit.i18n import is_language
from methodkit.loading.cache import CheckCache
from methodkit.loading.docs import split_suffix
from methodkit.loading.files import IMAGE_SUFFIXES, walk
from methodkit.loading.source import (
    decode_text,
    page_source,
    read_bytes,
    read_text,
)

# A call of a site macro, with at most one plain name as its argument: {{ item_list("tool") }}.
MACRO_CALL = re.compile(
    r"""\{\{\s*([A-Za-z_]\w*)\((?:\s*(?:"([a-z_]+)"|'([a-z_]+)')\s*)?\)\s*\}\}"""
)
# What a site page's front matter may hold; everything else is refused by the check and dropped by
# the build (Material prints some keys, such as subtitle and status, as they are).
PAGE_FIELDS = (
    "title",
    "description",
    "template",
    "hide",
    "lang",
    "source_hash",
    "translators",
    "draft",
    "hero",
    "paths",
)
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")


def macro_names(root: Path, modules) -> dict[str, bool]:
    """The functions `define_env` registers with `@env.macro` in the site's macros modules (read,
    never run), each with whether it takes an argument."""
    names = {}
    for module in modules:
        path = (
            root / f"{module}.py"
            if (root / f"{module}.py").exists()
            else root / module / "__init__.py"
        )
        if not path.exists() and "." in module:
            spec = importlib.util.find_spec(module)  # an installed module: found, not imported
            path = Path(spec.origin) if spec is not None and spec.origin else path
        try:
            tree = ast.parse(path.read_text("utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        names |= {
            node.name: bool(node.args.args)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
            and any(isinstance(d, ast.Attribute) and d.attr == "macro" for d in node.decorator_list)
        }
    return names


def site_page_problems(
    root: Path,
    docs_dir: str,
    macros: dict[str, bool],
    extensions,
    cache: CheckCache,
    macro_pages=(),
    languages=(),
    templates=(),
    types=(),
    templates_missing=(),
    theme_dir: str | None = None,
    theme_folders=(),
) -> list[Problem]:
    """Problems of every file in `docs_dir`; a page that passed before with the same bytes (and
    macros) is skipped.

    Pages in `macro_pages` (and their translations) may call macros; every other page is plain
    Markdown. Besides pages, docs/ may hold images that pass the image checks; the build publishes
    nothing else.
    """
    problems: list[Problem] = []
    for path in walk(root / docs_dir, root, problems):
        rel = path.relative_to(root).as_posix()
        # in any case: on a disk that ignores it (macOS, Windows) FR/ is the site's fr/
        folder = path.relative_to(root / docs_dir).parts[0]
        if folder.lower() in languages and len(path.relative_to(root / docs_dir).parts) > 1:
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("page.language_folder", folder=folder),
                    say("page.language_folder.hint"),
                )
            )
            continue
        dotted = next((f for f in path.relative_to(root / docs_dir).parts[:-1] if "." in f), None)
        if dotted:  # sitemap.xml/, 404.html/: the site writes files of those names itself
            problems.append(
                Problem(rel, 1, "file", say("page.dot_folder", folder=dotted), say("page.dot.hint"))
            )
            continue
        in_docs = path.relative_to(root / docs_dir).as_posix()
        if any((f / in_docs).is_file() for f in theme_folders):
            # The logo, say: a file of docs/ would stand in the theme's place on every page.
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("page.theme_file", path=in_docs),
                    say("page.theme_file.hint"),
                )
            )
            continue
        if path.suffix.lower() in IMAGE_SUFFIXES:
            if path.suffix.lower() == ".svg":
                text = read_text(path, rel, problems)
                problems += svg_problems(text, rel) if text is not None else []
            else:
                problems += raster_problems(path, rel)
            continue
        if path.suffix != ".md":
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("page.not_page"),
                    say("page.not_page.hint"),
                )
            )
            continue
        base, _ = split_suffix(path.relative_to(root / docs_dir).as_posix(), languages)
        name = base.removesuffix(".md").rsplit("/", 1)[-1]
        if name.lower() in languages:
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("page.language_name"),
                    say("page.language_name.hint"),
                )
            )
            continue
        stem, _, code = name.rpartition(".")
        if stem and "." not in stem and is_language(code) and languages:
            continue  # a translation into a language the site does not list: left out, noted once
        if "." in name:
            problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("page.dot"),
                    say("page.dot.hint"),
                )
            )
            continue
        raw = read_bytes(path, rel, problems)
        is_macro_page = base in macro_pages
        key = cache.key(
            rel,
            (
                f"site page, macros: {sorted(macros.items())}, {is_macro_page}, "
                f"{templates}, {tuple(types)}, missing {templates_missing}"
            ),
            raw or b"",
        )
        if raw is None or cache.get(key) is not None:
            continue
        mine: list[Problem] = []
        text = decode_text(raw, rel, mine)
        src = None if text is None else page_source(text, rel, mine)
        if src is not None:
            mine += html_problems(src.body, rel, src.body_line, extensions=extensions)
            if src.meta is not None:
                for key_, value in src.meta.data.items():
                    line = src.meta.line_of(str(key_))
                    if key_ not in PAGE_FIELDS:
                        mine.append(
                            Problem(
                                rel,
                                line,
                                str(key_),
                                say("page.unknown_field"),
                                say("allowed", values=", ".join(PAGE_FIELDS)),
                            )
                        )
                    elif key_ == "paths" and not _paths_shaped(value):
                        mine.append(
                            Problem(rel, line, "paths", say("page.paths"), say("page.paths.hint"))
                        )
                    elif key_ in ("title", "description", "hero", "paths"):
                        mine += _text_problems(value, str(key_), rel, line)
                    elif key_ == "hide" and not (
                        isinstance(value, list) and set(map(str, value)) <= set(HIDE_VALUES)
                    ):
                        mine.append(
                            Problem(
                                rel,
                                line,
                                "hide",
                                say("page.hide"),
                                say("allowed", values=", ".join(HIDE_VALUES)),
                            )
                        )
                    elif key_ == "template" and value in templates_missing:
                        mine.append(
                            Problem(
                                rel,
                                line,
                                "template",
                                say("page.template_missing", name=str(value)),
                                say("page.template_missing.hint", path=f"{theme_dir}/{value}")
                                if theme_dir
                                else say("page.template_missing.no_folder", name=str(value)),
                            )
                        )
                    elif key_ == "template" and value not in templates:
                        mine.append(
                            Problem(
                                rel,
                                src.meta.line_of(key_),
                                "template",
                                say("page.template", name=str(value)),
                                say(
                                    "page.template.hint",
                                    names=", ".join(templates) if templates else word("none"),
                                ),
                            )
                        )
            if is_macro_page:
                mine += _template_problems(text, rel, macros, tuple(types))
            else:
                mine += _calls_not_run(src.body, rel, src.body_line, macros, base)
        if not mine:
            cache.put(key, {})
        problems += mine
    return problems


_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def _text_problems(value, field: str, rel: str, line: int) -> list[Problem]:
    """Every text of a front matter value is text; an address in it (`url:`) is a link a page may
    have."""
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if k == "url" and isinstance(v, str) and not link_ok(v):
                out.append(
                    Problem(
                        rel,
                        line,
                        f"{field}.url",
                        say("page.url", url=v[:40]),
                        say("page.url.hint"),
                    )
                )
            else:
                out += _text_problems(v, f"{field}.{k}", rel, line)
        return out
    if isinstance(value, list):
        return [
            p for i, v in enumerate(value) for p in _text_problems(v, f"{field}[{i}]", rel, line)
        ]
    if not isinstance(value, str):
        return []
    return text_field_problems(value, field, rel, line) + _template_in_field(
        value, field, rel, line
    )


def _template_in_field(value: str, field: str, rel: str, line: int) -> list[Problem]:
    """A field of a page is text: mkdocs-macros renders a macro page's title as a template, and the
    raw file need not show the braces (YAML writes `\\x7b` as `{`), so the value is read."""
    m = TEMPLATE_SYNTAX.search(value)
    if m is None:
        return []
    return [
        Problem(
            rel,
            line,
            field,
            say("page.field_template", syntax=m.group(0)),
            say("page.field_template.hint"),
        )
    ]


def _calls_not_run(body: str, rel: str, first_line: int, macros, page: str) -> list[Problem]:
    """A macro call, outside code, on a page that may call none: readers would get the call as
    text."""
    text = prose(body)
    return [
        Problem(
            rel,
            first_line - 1 + line_of(text, m.start()),
            "content",
            say("page.macro_not_listed", call=m.group(0)),
            say("page.macro_not_listed.hint", page=page),
        )
        for m in MACRO_CALL.finditer(text)
        if m.group(1) in macros
    ]


def _template_problems(text: str, rel: str, macros: dict[str, bool], types=()) -> list[Problem]:
    def known(m: re.Match) -> bool:
        """A macro of the site, called as it is defined; an argument names an item type."""
        argument = m.group(2) or m.group(3)
        return (
            m.group(1) in macros
            and macros[m.group(1)] == (argument is not None)
            and argument in (None, *types)
        )

    out, said = [], set()
    for m in MACRO_CALL.finditer(text):
        # A macro that takes an item type, given a name that is none (a folder, a plural, a typo).
        argument = m.group(2) or m.group(3)
        if macros.get(m.group(1)) and argument is not None and argument not in types:
            said.add(m.start())
            close = difflib.get_close_matches(argument, types, n=1)
            out.append(
                Problem(
                    rel,
                    line_of(text, m.start()),
                    "content",
                    say("page.macro_type", call=m.group(0), name=argument),
                    say("did_you_mean", name=close[0])
                    if close
                    else say("page.macro_type.hint", types=", ".join(types) or "-"),
                )
            )
    calls = MACRO_CALL.sub(
        lambda m: " " * len(m.group(0)) if known(m) or m.start() in said else m.group(0), text
    )
    for m in TEMPLATE_SYNTAX.finditer(calls):
        end = calls.find(_CLOSERS[m.group(0)], m.end())
        shown = (
            calls[m.start() : end + 2] if 0 <= end < m.start() + 60 else m.group(0)
        )  # the whole tag, when short
        out.append(
            Problem(
                rel,
                line_of(calls, m.start()),
                "content",
                say("page.template_syntax", syntax=shown),
                say(
                    "page.template_syntax.hint",
                    macros=", ".join(
                        f'{name}("{types[0] if types else "type"}")' if arg else name
                        for name, arg in sorted(macros.items())
                    ),
                ),
            )
        )
    return out


def _paths_shaped(value) -> bool:
    """`paths` of a page (the home page's ways in): a list of paths, each a mapping whose `links`,
    if any, are a list of mappings (the templates read them so)."""
    return isinstance(value, list) and all(
        isinstance(path, dict)
        and (
            "links" not in path
            or isinstance(path["links"], list)
            and all(isinstance(link, dict) for link in path["links"])
        )
        for path in value
    )
