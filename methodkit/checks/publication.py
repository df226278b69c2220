"""The publisher's publication policy: what each item type must have before a release.

The policy is data in the site's configuration (`publication:` under the methodkit
plugin in mkdocs.yml), not in the content folder: it is the publisher's editorial
choice, changed by a reviewed configuration change, and an organisation that
copies methodology/ keeps its own. It never decides whether content is valid
(the checks do); it says whether valid content is ready to be published:

- `methodkit check` and `methodkit status` report where the content falls short
  (in a pull request: warnings on the lines concerned, the run stays green);
- `methodkit check --release` fails on it, for a release or deploy job that wants that.

Drafts are never held to the policy: they are not published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from methodkit.checks.problems import Message, Problem, as_written, say, word
from methodkit.loading.config import _TolerantLoader, config_path
from methodkit.loading.loader import Content, current_hash
from methodkit.loading.source import Document, _walk
from methodkit.model.items import Item
from methodkit.model.translations import translation_state

# The parts of a body the policy can ask for: (pattern, how many times, what a contributor writes).
SECTIONS = {
    "steps": (re.compile(r"^\d+\. ", re.M), 2, say("publication.lacks.steps")),
    "coach-note": (re.compile(r"^!!! coach\b", re.M), 1, say("publication.lacks.coach_note")),
    "worksheet": (re.compile(r"^!!! worksheet\b", re.M), 1, say("publication.lacks.worksheet")),
    "footnote": (re.compile(r"^\[\^[^\]]+\]:", re.M), 1, say("publication.lacks.footnote")),
}
RULES = ("min_words", "sections", "translations")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Rules:
    min_words: int = 0
    sections: tuple[str, ...] = ()
    translations: tuple[str, ...] = ()


@dataclass
class Policy:
    rules: dict[str, Rules] = field(default_factory=dict)  # item type -> its rules


def read_policy(
    root: Path, languages, types, config_file: str | None = None
) -> tuple[Policy, list[Problem]]:
    """The policy the configuration declares, and the problems in how it is written (with their
    lines)."""
    path = config_path(root, config_file)
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        loader = _TolerantLoader(path.read_text("utf-8"))
        try:
            node = loader.get_single_node()
            doc = Document(None, {})
            if node is not None:
                _walk(node, "", doc, rel, [], 0, set())
                doc.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except (OSError, yaml.YAMLError):
        return Policy(), []  # MkDocs reports a configuration it cannot read
    plugins = (doc.data or {}).get("plugins") or []
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, dict) and isinstance(plugin.get("methodkit"), dict):
            declared = plugin["methodkit"].get("publication")
            if declared is not None:
                return _parse(
                    declared,
                    f"plugins[{i}].methodkit.publication",
                    doc,
                    rel,
                    tuple(languages),
                    tuple(types),
                )
    return Policy(), []


def _parse(
    declared, where: str, doc: Document, rel: str, languages, types
) -> tuple[Policy, list[Problem]]:
    problems: list[Problem] = []

    def bad(key: str, message: Message, hint: Message) -> None:
        problems.append(Problem(rel, doc.line_of(key), key.split(".methodkit.")[-1], message, hint))

    if not isinstance(declared, dict):
        bad(where, say("must_be_fields"), say("publication.types.hint", types=", ".join(types)))
        return Policy(), problems
    policy = Policy()
    for kind, rules in declared.items():
        here = f"{where}.{kind}"
        if kind not in types:
            bad(
                here,
                say("publication.not_type", name=str(kind)),
                say("publication.not_type.hint", types=", ".join(types)),
            )
            continue
        if not isinstance(rules, dict):
            bad(here, say("must_be_fields"), say("allowed_fields", fields=", ".join(RULES)))
            continue
        for key in set(rules) - set(RULES):
            bad(
                f"{here}.{key}",
                say("schema.unknown_field"),
                say("allowed_fields", fields=", ".join(RULES)),
            )
        words = rules.get("min_words", 0)
        if not isinstance(words, int) or isinstance(words, bool) or words < 0:
            bad(
                f"{here}.min_words",
                say("publication.min_words", value=as_written(words)),
                say("publication.min_words.hint", example=300),
            )
            words = 0
        sections = _names(
            rules.get("sections", []), f"{here}.sections", SECTIONS, word("section"), bad
        )
        langs = rules.get("translations", [])
        # `all`: every site language but the one each item is written in.
        langs = list(languages) if langs == "all" else langs
        langs = _names(langs, f"{here}.translations", languages, word("site language"), bad)
        policy.rules[kind] = Rules(words, tuple(sections), tuple(langs))
    return policy, problems


def _names(values, where: str, known, what: Message, bad) -> list[str]:
    if not isinstance(values, list):
        bad(where, say("must_be_list"), say("write_list"))
        return []
    out = []
    for i, value in enumerate(values):
        if value in known:
            out.append(value)
        else:
            bad(
                f"{where}[{i}]",
                say("reference.unknown", kind=what, value=str(value)),
                say("known", names=", ".join(known)),
            )
    return out


def findings(content: Content, policy: Policy) -> list[Problem]:
    """Where published items fall short of the policy, as problems on the files concerned."""
    out = []
    for kind, rules in policy.rules.items():
        for item in content.items.get(kind, {}).values():  # a type left unread has none
            if not item.draft:
                out += _item_findings(content, item, rules)
    return sorted(set(out))


def _item_findings(content: Content, item: Item, rules: Rules) -> list[Problem]:
    out = []
    kind = item.kind
    words = len(WORD.findall(item.body))
    if words < rules.min_words:
        out.append(
            Problem(
                item.path,
                item.body_line,
                "body",
                say(
                    "publication.words",
                    words=words,
                    least=rules.min_words,
                    kind=word(kind, item.type.names()),
                ),
                say("publication.words.hint"),
            )
        )
    for name in rules.sections:
        pattern, times, what = SECTIONS[name]
        if len(pattern.findall(item.body)) < times:
            out.append(
                Problem(
                    item.path,
                    item.body_line,
                    "body",
                    say("publication.lacks", what=what),
                    say("publication.lacks.hint", kind=word(kind, item.type.names())),
                )
            )
    now = current_hash(content, item)
    for lang in rules.translations:
        tr = item.translations.get(lang)
        state = translation_state(item.lang, lang, tr, now)
        expected = item.path[:-3] + f".{lang}.md"
        if state in ("source", "translated"):
            continue
        if tr is None:
            out.append(
                Problem(
                    item.path,
                    1,
                    f"translations.{lang}",
                    say("publication.no_translation", lang=lang, path=expected),
                    say("publication.no_translation.hint", path=item.path, lang=lang),
                )
            )
        elif tr.draft:
            out.append(
                Problem(
                    tr.path,
                    _line(content, tr.path, "draft"),
                    "draft",
                    say("publication.draft", lang=lang),
                    say("publication.draft.hint"),
                )
            )
        else:  # outdated
            out.append(
                Problem(
                    tr.path,
                    _line(content, tr.path, "source_hash"),
                    "source_hash",
                    say("publication.outdated", lang=lang),
                    say("publication.outdated.hint", path=item.path, hash=now),
                )
            )
    return out


def _line(content: Content, rel: str, key: str) -> int:
    """The line of a top-level field of a file (a translation keeps no record of its lines)."""
    try:
        lines = (content.root / rel).read_text("utf-8").split("\n")
    except OSError:
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
