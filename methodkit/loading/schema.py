"""The JSON Schemas in methodology/schemas/ are the one definition of every field.

The validator, the tests and contributors' editors all read the same files.
Besides standard JSON Schema, two keywords of ours mark references:
`x-vocabulary: NAME` (a term id of methodology/vocabularies/NAME.yml) and
`x-reference: TYPE` (the id of an item of that type). `x-translatable: true`
marks the fields a translation carries.
"""

from __future__ import annotations

import difflib
import json
from functools import cached_property
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from methodkit.checks.lines import line_of
from methodkit.checks.problems import NO_HINT, FieldHelp, Message, Problem, as_written, say, word
from methodkit.loading.files import read_regular
from methodkit.loading.source import Document, field_path

# The schemas every methodology has beside one per item type.
BASE_SCHEMAS = ("common", "translation", "vocabulary", "trajectory", "terms")
# The keywords of ours the engine reads. JSON Schema ignores a keyword it does not know, so a
# misspelt one (x-vocabularly) would let its field take any value without a word.
KEYWORDS = ("x-vocabulary", "x-reference", "x-translatable")
# Keywords whose value maps names (of fields, of definitions) to schemas: its keys are names.
_NAMED = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def misspelt_keywords(schema) -> list[tuple[str, str]]:
    """The keywords in a schema that read like one of ours written wrong, each with the one it
    is close to. Other `x-` keywords (an editor's extensions) are left alone."""
    found, stack = set(), [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if str(key).lower().startswith(("x-", "x_")) and key not in KEYWORDS:
                    close = difflib.get_close_matches(str(key).lower(), KEYWORDS, n=1)
                    if close:
                        found.add((str(key), close[0]))
                if key in _NAMED and isinstance(value, dict):
                    stack.extend(value.values())  # its keys are names, not keywords
                elif key not in ("enum", "const", "default", "examples"):  # values, not schemas
                    stack.append(value)
    return sorted(found)


class SchemaFileError(Exception):
    """A schema file that cannot be read as JSON, or whose references lead nowhere: where, and
    why."""

    def __init__(self, rel: str, line: int, message: Message):
        super().__init__(f"{rel}:{line}: {message}")
        self.rel, self.line, self.message = rel, line, message


def _read_schema(folder: Path, name: str) -> dict:
    path = folder / f"{name}.schema.json"
    rel = f"{folder.parent.name}/{folder.name}/{path.name}"
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise SchemaFileError(rel, exc.lineno, say("schema.invalid_json", reason=exc.msg)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = str(getattr(exc, "strerror", None) or exc)
        raise SchemaFileError(rel, 1, say("file.unreadable", reason=reason)) from None
    except RecursionError:
        raise SchemaFileError(rel, 1, say("schema.too_deep")) from None
    if not isinstance(data, dict):
        raise SchemaFileError(rel, 1, say("schema.not_object"))
    return data


# The schemas' own schema; a pattern that Python's re cannot read is refused as a format.
_META = Draft202012Validator(
    Draft202012Validator.META_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
)


class _BadReference(Exception):
    """A `$ref` to no definition, or to one that refers back to itself."""

    def __init__(self, ref: str):
        self.ref = ref


class Schemas:
    def __init__(self, folder: Path, types=()):
        self.folder = folder
        self.types = tuple(types)
        names = BASE_SCHEMAS + tuple(t for t in self.types if t not in BASE_SCHEMAS)
        self.raw = {name: _read_schema(folder, name) for name in names}
        for name, schema in self.raw.items():
            self._check_shape(name, schema)
            self._check_references(name, schema)
        resources = [
            (f"{name}.schema.json", Resource.from_contents(s)) for name, s in self.raw.items()
        ]
        self.registry = Registry().with_resources(resources)

    def validator(self, name: str) -> Draft202012Validator:
        return self._validators[name]

    @cached_property
    def _validators(self) -> dict[str, Draft202012Validator]:
        out = {name: self._make(schema) for name, schema in self.raw.items()}
        for kind in self.types:
            out[f"translation:{kind}"] = self._make(self.translation_schema(kind))
        return out

    def _make(self, schema) -> Draft202012Validator:
        # References are replaced by what they point to once, here: resolving them
        # while validating cost a lookup per field of every file.
        return Draft202012Validator(
            self._inline(schema, schema),
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    def _check_shape(self, name: str, schema: dict) -> None:
        """A schema is a JSON Schema (its patterns regular expressions Python reads), and each of
        its fields an object whose vocabulary or folder is named by text: said at the line of
        what is wrong, before anything is checked with it (the engine reads them so)."""
        problem = next(_META.iter_errors(schema), None)
        where, message = [], None
        if problem is not None:
            where = [p for p in problem.absolute_path if isinstance(p, str)]
            message = say("schema.not_schema", reason=problem.message[:200])
        else:
            fields = schema.get("properties", {})
            for key, field in fields.items() if isinstance(fields, dict) else ():
                named = (
                    [field.get(k) for k in ("x-vocabulary", "x-reference")]
                    if isinstance(field, dict)
                    else []
                )
                if not isinstance(field, dict) or any(
                    v is not None and not isinstance(v, str) for v in named
                ):
                    where, message = ["properties", key], say("schema.field_shape", field=key)
                    break
        if message is not None:
            raise self._error(name, where, message)

    def _error(self, name: str, path: list[str], message: Message) -> SchemaFileError:
        """A schema file's problem, at the line of `path` in it (each key, or a value such as a
        reference, looked for after the one before it)."""
        rel = f"{self.folder.parent.name}/{self.folder.name}/{name}.schema.json"
        text = (self.folder / f"{name}.schema.json").read_text("utf-8", errors="replace")
        at = 0
        for key in path:
            found = text.find(json.dumps(key), at)
            at = found if found >= 0 else at
        return SchemaFileError(rel, line_of(text, at) if at else 1, message)

    def _check_references(self, name: str, schema: dict) -> None:
        """Every reference of a schema leads to a definition, and none to itself: said as the
        schema file's problem, at the reference's line, before any file is checked with it."""
        try:
            self._inline(schema, schema)
        except _BadReference as exc:
            raise self._error(name, [exc.ref], say("schema.bad_ref", ref=exc.ref)) from None
        except RecursionError:
            raise self._error(name, [], say("schema.too_deep")) from None

    def _inline(self, node, home: dict, refs: tuple[str, ...] = ()):
        """`node` with its references to definitions replaced by them; `refs`: the references
        being followed, so that one leading back to itself is refused, not followed forever."""
        if isinstance(node, list):
            return [self._inline(x, home, refs) for x in node]
        if not isinstance(node, dict):
            return node
        out = {k: self._inline(v, home, refs) for k, v in node.items() if k != "$ref"}
        ref = node.get("$ref")
        if isinstance(ref, str) and "#/$defs/" in ref:
            found, target_home = self._definition(ref, home)
            if ref in refs or not isinstance(found, dict):
                raise _BadReference(ref)
            target = self._inline(found, target_home, (*refs, ref))
            if not set(target) & set(
                out
            ):  # keywords beside a $ref apply too: merge when they do not clash
                return {**target, **out}
            out["$ref"] = ref
        return out

    def _definition(self, ref: str, home: dict) -> tuple[dict | None, dict | None]:
        """The definition `ref` (`common.schema.json#/$defs/date`, `#/$defs/x`) leads to from
        the schema `home`, and the schema it is written in."""
        name, _, pointer = ref.partition("#/$defs/")
        target_home = self.raw.get(name.removesuffix(".schema.json")) if name else home
        definitions = target_home.get("$defs") if isinstance(target_home, dict) else None
        found = definitions.get(pointer) if isinstance(definitions, dict) else None
        return found, target_home

    def field(self, kind: str, name: str) -> dict | None:
        """Field `name` of type `kind` as its declaration shows it: references followed into their
        definitions (in its list's items too), the keys written beside a reference over the
        definition's. Validation reads such keys as both, and `_inline` leaves them unmerged
        where they clash (a `description` beside a date's `$ref`), which would hide the
        definition's `format` here. None for a field the schema does not have."""
        home = self.raw[kind]
        fields = home.get("properties")
        return self._merged(fields.get(name), home) if isinstance(fields, dict) else None

    def _merged(self, node, home: dict):
        if not isinstance(node, dict):
            return node
        out = {k: v for k, v in node.items() if k != "$ref"}
        if "items" in out:
            out["items"] = self._merged(out["items"], home)
        ref = node.get("$ref")
        if isinstance(ref, str) and "#/$defs/" in ref:
            # Every reference leads to a definition, none back to itself: checked when read.
            found, target_home = self._definition(ref, home)
            return {**self._merged(found, target_home), **out}
        return out

    def target(self, kind: str, name: str) -> tuple[str, str] | None:
        """What a field of a type names: ('vocabulary', NAME), ('reference', FOLDER) or None
        (plain values)."""
        prop = self.raw[kind]["properties"].get(name) or {}
        for node in (prop, prop.get("items") if isinstance(prop.get("items"), dict) else {}):
            if "x-vocabulary" in node:
                return "vocabulary", node["x-vocabulary"]
            if "x-reference" in node:
                return "reference", node["x-reference"]
        return None

    def translatable(self, kind: str) -> list[str]:
        props = self.raw[kind]["properties"]
        return [k for k, v in props.items() if v.get("x-translatable")]

    def translation_schema(self, kind: str) -> dict:
        """A translation holds its own fields plus the source's translatable ones."""
        base = self.raw["translation"]
        props = dict(base["properties"])
        props.update({k: self.raw[kind]["properties"][k] for k in self.translatable(kind)})
        return {
            **base,
            "$id": f"translation-{kind}.schema.json",
            "properties": props,
            "additionalProperties": False,
        }

    def check(self, name: str, data, doc: Document, rel: str) -> list[Problem]:
        schema = (
            self.raw[name.split(":")[-1]]
            if not name.startswith("translation:")
            else self.translation_schema(name.split(":")[1])
        )
        problems = []
        for err in self.validator(name).iter_errors(data):
            if err.validator == "additionalProperties":
                source = (
                    self.raw[name.split(":")[1]].get("properties", {})
                    if name.startswith("translation:")
                    else {}
                )
                problems.extend(unknown_fields(err, doc, rel, source_fields=set(source)))
            else:
                problems.append(_to_problem(err, schema, doc, rel))
        return problems


def references(schema: dict, data, path=()):
    """Yield (field path, 'vocabulary'|'reference', target, value) for every reference in data."""
    if isinstance(data, dict) and "properties" in schema:
        for key, value in data.items():
            sub = schema["properties"].get(key)
            if sub is not None:
                yield from references(sub, value, path + (key,))
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, value in enumerate(data):
            yield from references(schema["items"], value, path + (i,))
    elif isinstance(data, str):
        if "x-vocabulary" in schema:
            yield field_path(path), "vocabulary", schema["x-vocabulary"], data
        elif "x-reference" in schema:
            yield field_path(path), "reference", schema["x-reference"], data


_TYPE_NAMES = {
    "string": word("text"),
    "array": word("a list"),
    "object": word("a set of fields"),
    "integer": word("a whole number"),
    "number": word("a number"),
    "boolean": word("true or false"),
}


def unknown_fields(
    err, doc: Document, rel: str, allowed_hint: str | None = None, source_fields=frozenset()
) -> list[Problem]:
    """One problem for each field an object does not know (jsonschema says them in one error),
    each at its own line: a contributor fixes them all in one go. `allowed_hint` replaces the
    list of allowed fields where the schema's own list would mislead; `source_fields`: in a
    translation, the fields its source has (a duration is the source's to give)."""
    path = list(err.absolute_path)
    line = doc.line_of(field_path(path)) if path else 1
    allowed = sorted(err.schema.get("properties", {}))
    problems = []
    for extra in err.instance:
        if extra in allowed:
            continue
        key = str(extra)  # YAML keys may be numbers or booleans
        full = field_path(path + [key])
        if key == "render_macros":
            message, hint = say("schema.render_macros"), say("schema.render_macros.hint")
        elif not path and key in source_fields:
            message, hint = say("schema.source_field"), say("schema.source_field.hint")
        else:
            close = difflib.get_close_matches(key, allowed, n=1)
            message = say("schema.unknown_field")
            hint = (
                say("did_you_mean", name=close[0])
                if close
                else allowed_hint or say("allowed_fields", fields=", ".join(allowed))
            )
        problems.append(Problem(rel, doc.line_of(full, line), full, message, hint))
    return problems


def _to_problem(err, schema: dict, doc: Document, rel: str) -> Problem:
    path = list(err.absolute_path)
    where = field_path(path)
    line = doc.line_of(where) if where else 1
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1]
        full = field_path(path + [missing])
        desc = _describe(schema, path + [missing])
        return Problem(
            rel,
            line if path else 1,
            full,
            say("schema.required"),
            say("schema.required.hint", field=missing, help=desc)
            if desc
            else say("schema.required.hint_bare", field=missing),
        )
    if v == "type":
        want = (
            err.validator_value if isinstance(err.validator_value, str) else err.validator_value[0]
        )
        expected = _TYPE_NAMES.get(want) or word(want)
        hint = _example(schema, path) or say("schema.type.hint", expected=expected)
        if want == "string" and isinstance(err.instance, dict):
            hint = say("schema.type.quote")
        return Problem(
            rel,
            line,
            where or "file",
            say("schema.type", expected=expected, found=_json_kind(err.instance)),
            hint,
        )
    if v == "enum":
        return Problem(
            rel,
            line,
            where,
            say("schema.enum", value=as_written(err.instance)),
            say("allowed", values=", ".join(map(str, err.validator_value))),
        )
    if v == "pattern":
        if where.endswith("id") or where == "id" or err.validator_value.startswith("^[a-z0-9]"):
            return Problem(
                rel,
                line,
                where,
                say("schema.id", value=as_written(err.instance)),
                say("schema.id.hint", example="mijn-module"),
            )
        if "http" in err.validator_value:
            return Problem(
                rel,
                line,
                where,
                say("schema.url", value=as_written(err.instance)),
                say("schema.url.hint"),
            )
        if "0-9a-f" in err.validator_value:
            return Problem(
                rel,
                line,
                where,
                say("schema.source_hash", value=as_written(err.instance)),
                say("schema.source_hash.hint"),
            )
        return Problem(
            rel,
            line,
            where,
            say("schema.pattern", value=as_written(err.instance)),
            say("schema.pattern.hint", pattern=err.validator_value),
        )
    if v == "format":
        return Problem(
            rel,
            line,
            where,
            say("schema.date", value=as_written(err.instance)),
            say("schema.date.hint", example="2019-03-21"),
        )
    if v in ("minItems", "minLength"):
        return Problem(rel, line, where, say("schema.empty"), say("schema.empty.hint"))
    if v in ("minimum", "maximum"):
        return Problem(
            rel,
            line,
            where,
            say("schema.range", value=as_written(err.instance)),
            say("schema.minimum.hint", limit=err.validator_value)
            if v == "minimum"
            else say("schema.maximum.hint", limit=err.validator_value),
        )
    if v in ("oneOf", "anyOf"):
        return Problem(
            rel, line, where, say("schema.form"), _describe(schema, path) or say("schema.see")
        )
    if v == "const":
        return Problem(
            rel,
            line,
            where,
            say("schema.const", value=as_written(err.validator_value)),
            _describe(schema, path),
        )
    return Problem(
        rel,
        line,
        where or "front matter",
        say("schema.other", reason=err.message),
        _describe(schema, path),
    )


def _json_kind(value) -> Message:
    if isinstance(value, bool):
        return word("true/false")
    return {
        str: word("text"),
        int: word("a number"),
        float: word("a number"),
        list: word("a list"),
        dict: word("a set of fields"),
        type(None): word("empty"),
    }.get(type(value)) or word(type(value).__name__)


def _sub(schema: dict, path: list) -> dict:
    for part in path:
        if isinstance(part, int):
            schema = schema.get("items", {}) if isinstance(schema.get("items"), dict) else {}
        else:
            schema = schema.get("properties", {}).get(part, {})
    return schema


def _describe(schema: dict, path: list) -> Message:
    """What the field means, as its schema says (in English) and field_help.yml in other
    languages."""
    text = _sub(schema, path).get("description", "")
    if not text:
        return NO_HINT
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return say("schema.description", text=FieldHelp(name, text))


def _example(schema: dict, path: list) -> Message:
    sub = _sub(schema, path)
    if sub.get("type") == "array" or "items" in sub:
        return say("write_list")
    return _describe(schema, path)
