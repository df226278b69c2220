"""Reading `schemas/types.yml`: the declarations of a methodology's item types."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from methodkit.checks.problems import Problem, as_written, say, word
from methodkit.loading.source import Document, parse_yaml, read_text
from methodkit.model.types import ItemType, Types

TYPES_FILE = "types.yml"
NAME_PATTERN = "^[a-z][a-z0-9_]*$"  # of a type, a field, a vocabulary (types.schema.json's `name`)
DECLARATION_SCHEMA = Path(__file__).parent / "types.schema.json"


def load_types(schemas_dir: Path, root: Path, problems: list[Problem]) -> Types:
    """The declarations of `schemas/types.yml`; every problem reported with its line, none
    raised."""
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
    # types whose declaration has a mistake other than unknown keys: left out, the others kept
    broken: set[str] = set()
    whole_file = False
    unknown = []  # mistakes that are unknown keys only: the type is read without those keys
    for err in sorted(validator.iter_errors(doc.data), key=lambda e: _where(e.absolute_path)):
        path = list(err.absolute_path)
        if not path and isinstance(err.instance, str) and err.instance in doc.data:
            path = [err.instance]  # a type's name that is not a name (propertyNames)
        if not path:
            whole_file = True
        elif _unknown_keys_only(err):
            unknown.append(err)
        else:
            broken.add(str(path[0]))
        problems.extend(_declaration_problems(err, path, rel, doc))
    if whole_file:
        return Types()
    for err in unknown:  # read without them, as if they were not written
        for key in [k for k in err.instance if k not in err.schema.get("properties", {})]:
            del err.instance[key]
    declared = Types(
        tuple(ItemType.declared(n, d) for n, d in doc.data.items() if n not in broken),
        # Their files are neither loaded nor named as strays: the declaration's problem says it all.
        unread_names=frozenset(broken),
        unread_folders=frozenset(
            d["folder"]
            for n, d in doc.data.items()
            if n in broken and isinstance(d, dict) and isinstance(d.get("folder"), str)
        ),
        lines=doc.lines,
    )
    problems.extend(_cross_problems(declared, schemas_dir, rel, doc))
    problems.extend(_field_problems(declared, schemas_dir, root, rel, doc))
    return declared


def _unknown_keys_only(err) -> bool:
    """Whether the mistake is keys the declarations do not know (`sectons`), and nothing else.
    Such a type is read without them, so the run goes on to its other mistakes and its items
    instead of leaving them unsaid until the key is mended; the unknown key is said all the same."""
    return err.validator == "additionalProperties" and err.validator_value is False


def _declaration_problems(err, path: list, rel: str, doc) -> list[Problem]:
    """A mistake of the declarations' form, said where it is, in words rather than a regex."""
    where = _where(path) or "file"
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        # One problem per unknown key, on its own line, with the key it was probably meant to be.
        allowed = sorted(err.schema.get("properties", {}))
        out = []
        for key in (k for k in err.instance if k not in allowed):
            at = _where([*path, str(key)])
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = (
                say("did_you_mean", name=close[0])
                if close
                else say("allowed_fields", fields=", ".join(allowed))
            )
            out.append(Problem(rel, doc.line_of(at), at, say("schema.unknown_field"), hint))
        return out
    if err.validator == "pattern" and err.validator_value == NAME_PATTERN:
        message, hint = say("types.name", value=as_written(err.instance)), say("types.name.hint")
    elif err.validator == "pattern" and path and path[-1] == "url":
        message, hint = say("types.url", value=as_written(err.instance)), say("types.url.hint")
    else:
        message, hint = say("types.invalid", reason=err.message), say("types.invalid.hint")
    return [Problem(rel, doc.line_of(where), where, message, hint)]


def _where(path) -> str:
    """A place in the file as the problems name it: tool.facets[0]."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
        for i, b in enumerate(t.backlinks):
            other = b.from_type or b.type
            # A type whose own declaration has a mistake is said there, not as unknown here.
            if other is not None and other not in types and other not in types.unread_names:
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


def _shape(prop) -> str | None:
    """ "text" for a field of free text, "texts" for a list of them, else None: what a section can
    show (a term's id or a nested object would show as code). `prop`: as `Schemas.field` gives
    it."""
    if not isinstance(prop, dict):
        return None
    if prop.get("x-vocabulary") or "enum" in prop or prop.get("format"):
        return None
    if prop.get("type") == "string":
        return "text"
    if prop.get("type") == "array":
        return "texts" if _shape(prop.get("items")) == "text" else None
    return None


def _object_with(prop: dict, *keys: str) -> bool:
    return (
        prop.get("type") == "object"
        and isinstance(prop.get("properties"), dict)
        and set(keys) <= set(prop["properties"]) & set(prop.get("required") or [])
    )


# What a field must be for a card row, a list's line or a filter to show it `as:` each way.
_SHOWN_AS = {
    "date": lambda p: p.get("format") == "date",
    "duration": lambda p: p.get("type") == "integer",
    "range": lambda p: _object_with(p, "min", "max"),
    "period": lambda p: _object_with(p, "start"),
    "contact": lambda p: p.get("type") == "string",
}


_SHOWN_AS_HINTS = {
    "date": say("types.shown_as.date"),
    "duration": say("types.shown_as.duration"),
    "range": say("types.shown_as.range"),
    "period": say("types.shown_as.period"),
    "contact": say("types.shown_as.contact"),
}


def _shown_as(t: ItemType):
    """(place, field, as) of every field the declaration of `t` shows `as:` a kind."""
    specs = [(f"{t.name}.card[{i}]", f) for i, f in enumerate(t.card)]
    specs += [
        (f"{t.name}.listing.meta[{i}][{j}]", f)
        for i, line in enumerate(t.listing.meta)
        for j, f in enumerate(line)
    ]
    specs += [(f"{t.name}.listing.filters[{i}]", f) for i, f in enumerate(t.listing.filters)]
    for where, f in specs:
        if f.display in _SHOWN_AS:
            yield f"{where}.as", f.name, f.display


def shape_problems(types: Types, schemas, rel: str) -> list[Problem]:
    """What a declaration shows a field as, against what the field is: a section shows text, a
    card row `as: date` a date, a feed is ordered by a date. Run once the schemas are read
    (`schemas`: loading.schema.Schemas), so a field is seen with its references followed as
    validation follows them."""
    lines = Document(lines=types.lines)

    def said(where: str, message, hint) -> Problem:
        return Problem(rel, lines.line_of(where), where, message, hint)

    out = []
    for t in types.all:
        names = schemas.raw[t.name].get("properties") or {}
        fields = {name: schemas.field(t.name, name) for name in names}
        for part, sections in (("before", t.sections_before), ("after", t.sections_after)):
            for i, name in enumerate(sections):
                if name in fields and _shape(fields[name]) not in ("text", "texts"):
                    out.append(
                        said(
                            f"{t.name}.sections.{part}[{i}]",
                            say("types.section_shape", name=name),
                            say("types.section_shape.hint"),
                        )
                    )
        for where, name, display in _shown_as(t):
            prop = fields.get(name)
            if name in fields and not (isinstance(prop, dict) and _SHOWN_AS[display](prop)):
                out.append(
                    said(
                        where,
                        say("types.shown_as", name=name, display=display),
                        _SHOWN_AS_HINTS[display],
                    )
                )
        if not t.feed:
            continue
        order_field = t.order.get("field") if isinstance(t.order, dict) else None
        dates = [n for n, p in fields.items() if isinstance(p, dict) and _SHOWN_AS["date"](p)]
        if order_field not in dates:
            # The hint names the type's own date field, or says how to give it one.
            out.append(
                said(
                    f"{t.name}.feed",
                    say("types.feed_order"),
                    say("types.feed_order.hint", field=dates[0])
                    if dates
                    else say("types.feed_order.no_date", type=t.name),
                )
            )
    return out


def _field_problems(types: Types, schemas_dir: Path, root: Path, rel: str, doc) -> list[Problem]:
    """Every field a declaration names must be a field of its type's schema, and every facet a
    vocabulary that one of those fields names: a typo would otherwise leave a row, a filter or a
    list out without a word, or stop the build."""

    def said(where: str, message, hint) -> Problem:
        return Problem(rel, doc.line_of(where), where, message, hint)

    out = []
    for t in types.all:
        try:
            schema = json.loads((schemas_dir / f"{t.name}.schema.json").read_text("utf-8"))
            fields = schema["properties"]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # no schema, or one that does not read: said on its own
        schema_rel = (schemas_dir / f"{t.name}.schema.json").relative_to(root)
        for name in schema.get("required") or []:
            if name not in fields:  # else every item would be told to add a field it may not have
                out.append(
                    Problem(
                        schema_rel.as_posix(),
                        1,
                        "required",
                        say("types.required_unknown", name=name),
                        say("types.required_unknown.hint"),
                    )
                )
        keys = [b.key for b in t.backlinks]
        for lang, words in t.labels.items():
            for key in (words or {}).get("backlinks") or {}:
                if key not in keys:
                    out.append(
                        said(
                            f"{t.name}.labels.{lang}.backlinks.{key}",
                            say("types.unknown_backlink", name=key, type=t.name),
                            say("types.unknown_backlink.hint", keys=", ".join(keys) or "-"),
                        )
                    )
        for where, name in _named_fields(t.name, doc.data[t.name]):
            if name not in fields:
                close = difflib.get_close_matches(str(name), list(fields), n=1)
                out.append(
                    said(
                        where,
                        say("types.unknown_field", name=name, type=t.name),
                        say("did_you_mean", name=close[0])
                        if close
                        else say("types.unknown_field.hint", type=t.name, fields=", ".join(fields)),
                    )
                )
        if t.listing.feed and not t.feed:
            # The list would link to the site's feed, which does not carry this type.
            out.append(
                said(
                    f"{t.name}.listing.feed",
                    say("types.listing_feed", type=word(t.name, t.names())),
                    say("types.listing_feed.hint"),
                )
            )
        vocabularies = [
            v
            for prop in fields.values()
            if isinstance(prop, dict)
            for v in (prop.get("x-vocabulary"), (prop.get("items") or {}).get("x-vocabulary"))
            if v
        ]
        for i, facet in enumerate(t.facets):
            if facet not in vocabularies:
                out.append(
                    said(
                        f"{t.name}.facets[{i}]",
                        say("types.unknown_facet", name=facet, type=t.name),
                        say("types.unknown_facet.hint", vocabularies=", ".join(vocabularies))
                        if vocabularies
                        else say("types.unknown_facet.none", type=t.name, name=facet),
                    )
                )
    return out


def _named_fields(name: str, d: dict):
    """(place, field name) of every field the declaration of type `name` names."""
    order = d.get("order")
    if isinstance(order, dict):
        yield f"{name}.order.field", order["field"]
    for i, spec in enumerate(d.get("card") or []):
        yield from _field_spec(f"{name}.card[{i}]", spec)
    for part, names in (d.get("sections") or {}).items():
        for i, field in enumerate(names):
            yield f"{name}.sections.{part}[{i}]", field
    for i, b in enumerate(d.get("backlinks") or []):
        for key in ("field", "sharing"):
            if key in b:
                yield f"{name}.backlinks[{i}].{key}", b[key]
    listing = d.get("listing") or {}
    for i, line in enumerate(listing.get("meta") or []):
        for j, spec in enumerate(line):
            yield from _field_spec(f"{name}.listing.meta[{i}][{j}]", spec)
    for i, spec in enumerate(listing.get("filters") or []):
        yield from _field_spec(f"{name}.listing.filters[{i}]", spec)
    if listing.get("group_by"):
        yield f"{name}.listing.group_by", listing["group_by"]
    for i, field in enumerate((d.get("handout") or {}).get("leave_out") or []):
        yield f"{name}.handout.leave_out[{i}]", field
    for prop, spec in ((d.get("schema_org") or {}).get("properties") or {}).items():
        yield from _field_spec(f"{name}.schema_org.properties.{prop}", spec)
    for lang, words in (d.get("labels") or {}).items():
        for field in (words or {}).get("fields") or {}:
            yield f"{name}.labels.{lang}.fields.{field}", field


def _field_spec(where: str, spec):
    """A field named as a name or as {field: NAME, ...}."""
    if isinstance(spec, str):
        yield where, spec
    elif isinstance(spec, dict) and isinstance(spec.get("field"), str):
        yield f"{where}.field", spec["field"]
