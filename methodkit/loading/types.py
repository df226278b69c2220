"""Reading `schemas/types.yml`: the declarations of a methodology's item types."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from methodkit.checks.problems import Problem, say
from methodkit.loading.source import parse_yaml, read_text
from methodkit.model.types import ItemType, Types

TYPES_FILE = "types.yml"
DECLARATION_SCHEMA = Path(__file__).parent / "types.schema.json"


def load_types(schemas_dir: Path, root: Path, problems: list[Problem]) -> Types:
    """The declarations of `schemas/types.yml`; every problem reported with its line, none raised."""
    path = schemas_dir / TYPES_FILE
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.append(Problem(rel, 1, "file", say("types.missing"), say("types.missing.hint")))
        return Types()
    text = read_text(path, rel, problems)
    doc = parse_yaml(text, rel, problems, what="file") if text is not None else None
    if doc is None:
        return Types()
    validator = Draft202012Validator(json.loads(DECLARATION_SCHEMA.read_text("utf-8")))
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        where = ".".join(map(str, err.absolute_path)) or "file"
        problems.append(
            Problem(
                rel,
                doc.line_of(where),
                where,
                say("types.invalid", reason=err.message),
                say("types.invalid.hint"),
            )
        )
    if errors:
        return Types()
    declared = Types(tuple(ItemType.declared(name, d) for name, d in doc.data.items()))
    problems.extend(_cross_problems(declared, schemas_dir, rel, doc))
    return declared


def _cross_problems(types: Types, schemas_dir: Path, rel: str, doc) -> list[Problem]:
    """What one declaration says of another, or of a schema file: it must exist."""
    out = []
    folders: dict[str, str] = {}
    for t in types.all:
        if t.folder in folders:
            out.append(
                Problem(
                    rel,
                    doc.line_of(f"{t.name}.folder"),
                    f"{t.name}.folder",
                    say("types.shared_folder", folder=t.folder, other=folders[t.folder]),
                    say("types.shared_folder.hint"),
                )
            )
        folders[t.folder] = t.name
        if not (schemas_dir / f"{t.name}.schema.json").is_file():
            out.append(
                Problem(
                    rel,
                    doc.line_of(t.name),
                    t.name,
                    say("types.no_schema", name=t.name),
                    say("types.no_schema.hint", name=t.name),
                )
            )
        if t.feed and not isinstance(t.order, dict):
            out.append(
                Problem(
                    rel,
                    doc.line_of(f"{t.name}.feed"),
                    f"{t.name}.feed",
                    say("types.feed_order"),
                    say("types.feed_order.hint"),
                )
            )
        for i, b in enumerate(t.backlinks):
            other = b.from_type or b.type
            if other is not None and other not in types:
                where = f"{t.name}.backlinks.{i}"
                out.append(
                    Problem(
                        rel,
                        doc.line_of(where),
                        where,
                        say("types.unknown", name=other),
                        say("types.unknown.hint", types=", ".join(types)),
                    )
                )
    return out
