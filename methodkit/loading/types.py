"""Reading `schemas/types.yml`: the declarations of a methodology's item types."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from methodkit.checks.problems import Problem
from methodkit.loading.source import parse_yaml, read_text
from methodkit.model.types import ItemType, Types

TYPES_FILE = "types.yml"
DECLARATION_SCHEMA = Path(__file__).parent / "types.schema.json"


def load_types(schemas_dir: Path, root: Path, problems: list[Problem]) -> Types:
    """The declarations of `schemas/types.yml`; every problem reported with its line, none raised."""
    path = schemas_dir / TYPES_FILE
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.append(
            Problem(
                rel, 1, "file", "is missing", "declare the item types there (see the kit's own)"
            )
        )
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
                err.message,
                "see the comments at the top of the file",
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
                    f"'{t.folder}' is also the folder of {folders[t.folder]}",
                    "each type has a folder of its own",
                )
            )
        folders[t.folder] = t.name
        if not (schemas_dir / f"{t.name}.schema.json").is_file():
            out.append(
                Problem(
                    rel,
                    doc.line_of(t.name),
                    t.name,
                    f"has no schema {t.name}.schema.json",
                    f"write schemas/{t.name}.schema.json with its fields",
                )
            )
        if t.feed and not isinstance(t.order, dict):
            out.append(
                Problem(
                    rel,
                    doc.line_of(f"{t.name}.feed"),
                    f"{t.name}.feed",
                    "needs an order by a date field",
                    "add order: {field: date, reverse: true}",
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
                        f"unknown type '{other}'",
                        "declared types: " + ", ".join(types),
                    )
                )
    return out
