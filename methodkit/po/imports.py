"""`methodkit po import`: write PO files back into translation files.

The translation file is rebuilt around the translated units: when it exists, the
text of each unit whose translation changed is replaced and every other byte
stays; when it does not, it starts as `methodkit translate` would start it (the
Dutch source's structure and front matter) with the translated units put in.
A message counts only when it is not fuzzy, has a translation and was made for
the current Dutch text. `source_hash` is recorded, and `draft: true` removed,
only when every unit of the file has such a translation.

A translation file whose blocks do not follow its source's, or that would not
read back as exactly the translated units, is never written: the command says
which file and why, and changes nothing there.

A text changed by hand in the translation file since the export is not undone
by a message the translator left as it was exported (its stamp, `stamps.py`
says which); a text changed on both sides is a conflict, said at its line, and
the file is not written.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.pofile import PoFileError, read_po, write_po

from methodkit.checks.lines import line_of
from methodkit.checks.problems import Problem, say
from methodkit.cli.scaffold import _flow, translation_text

from .documents import Source
from .export import catalogue
from .stamps import PREFIX, as_exported, stamp, stamp_of
from .units import (
    Unit,
    UnitError,
    signature,
    splice,
    split_file,
    top_level,
    units,
    write_unit,
    yaml_scalar,
)

DRAFT_LINE = re.compile(r"^draft:[ \t]*true[ \t]*\n", re.M)


@dataclass(frozen=True)
class Outcome:
    state: str  # unchanged | updated | created | skipped
    path: str
    missing: int = 0  # units without a usable translation


def read_messages(
    po_file: Path, rel: str, problems: list[Problem]
) -> dict[str, tuple[str, str, bool, str | None]] | None:
    """Context -> (Dutch text, translation, fuzzy, stamp) of every translated message of a PO
    file."""
    try:
        with po_file.open("rb") as fh:
            cat = read_po(fh, abort_invalid=True)
    except (PoFileError, OSError, UnicodeDecodeError, ValueError) as exc:
        problems.append(
            Problem(
                rel,
                getattr(exc, "lineno", 1) or 1,
                "file",
                say("po.invalid", reason=str(exc)),
                say("po.invalid.hint"),
            )
        )
        return None
    return {
        m.context: (m.id, m.string, m.fuzzy, stamp_of(m.auto_comments))
        for m in cat
        if m.id and m.context and m.string and isinstance(m.string, str)
    }


def import_file(
    root: Path,
    content,
    source: Source,
    lang: str,
    po_file: Path,
    po_rel: str,
    problems: list[Problem],
) -> Outcome | None:
    messages = read_messages(po_file, po_rel, problems)
    if messages is None:
        return None
    src_text = (root / source.rel).read_text("utf-8")
    src_units = units(src_text, source.translatable)
    wanted = {
        u.key: messages[u.key][1]
        for u in src_units
        if u.key in messages and messages[u.key][0] == u.text and not messages[u.key][2]
    }
    missing = len(src_units) - len(wanted)
    tr_rel = source.translation(lang)
    tr_file = root / tr_rel
    if tr_file.is_file():
        template = tr_file.read_text("utf-8")
        created = False
        conflicts = _hand_edits(template, source, src_units, messages, wanted)
        if conflicts:
            problems += [
                Problem(
                    tr_rel,
                    line,
                    key,
                    say("po.conflict"),
                    say("po.conflict.hint", po=po_rel),
                )
                for key, line in conflicts
            ]
            return None
    elif wanted:
        template = translation_text(content, root / source.rel, lang)
        created = True
    else:
        return Outcome("skipped", tr_rel, missing)
    try:
        template, rebuilt = _follow_source(template, source, src_text, src_units, messages)
        out = _rebuild(template, source, src_text, src_units, wanted, complete=not missing)
    except UnitError as exc:
        problems.append(
            Problem(
                tr_rel,
                1,
                "file",
                say("po.not_written", reason=str(exc)),
                say("po.blocks.hint"),
            )
        )
        return None
    # A PO file whose every message is as it was exported has nothing new to record.
    touched = any(r is None or stamp(text, fuzzy) != r for _, text, fuzzy, r in messages.values())
    if not created and out == tr_file.read_text("utf-8"):
        if touched:
            _restamp(root, source, lang, po_file)
        return Outcome("unchanged", tr_rel, missing)
    with tr_file.open("w" if not created else "x", encoding="utf-8", newline="\n") as fh:
        fh.write(out)
    if touched:
        _restamp(root, source, lang, po_file)
    return Outcome("created" if created else "rebuilt" if rebuilt else "updated", tr_rel, missing)


def _restamp(root: Path, source: Source, lang: str, po_file: Path) -> None:
    """Record in the PO file what the translation file now holds: each message whose translation
    it took in gets the stamp a fresh export would give it. The next import of the same PO file
    then compares with what this one wrote (a second round of corrections is no conflict), and an
    approval the translation file cannot record yet (while a text of it is fuzzy) stays the
    translator's. Only the `exported:` comments change."""
    try:
        fresh = {m.context: m for m in catalogue(root, source, lang)[0] if m.id}
    except UnitError:
        return
    with po_file.open("rb") as fh:
        cat = read_po(fh)
    changed = False
    for m in cat:
        now = fresh.get(m.context) if m.id else None
        if (
            now is None
            or not now.string
            or m.id != now.id
            or not isinstance(m.string, str)
            or " ".join(m.string.split()) != " ".join(now.string.split())
        ):
            continue
        mark = PREFIX + stamp(now.string, now.fuzzy)
        if mark not in m.auto_comments:
            m.auto_comments = [c for c in m.auto_comments if not c.startswith(PREFIX)] + [mark]
            changed = True
    if changed:
        buf = io.BytesIO()
        write_po(buf, cat)
        po_file.write_bytes(buf.getvalue())


def _hand_edits(
    template: str, source: Source, src_units: list[Unit], messages: dict, wanted: dict[str, str]
) -> list[tuple[str, int]]:
    """Keep in `wanted` each text changed by hand in the translation since the export whose message
    the translator left as exported; the units changed on both sides, with their lines."""
    tr_units = units(template, source.translatable)
    if signature(tr_units) != signature(src_units):
        return []  # rebuilt around the source's blocks, or refused (_follow_source)
    place = _places(src_units, tr_units)
    conflicts = []
    for u in src_units:
        recorded, here = messages.get(u.key, (None,) * 4)[3], place.get(u.key)
        if u.key not in wanted or recorded is None or here is None:
            continue
        ours, theirs = " ".join(here.text.split()), " ".join(wanted[u.key].split())
        # Exported empty, the translation's text was no translation yet (the Dutch, or none).
        untouched = as_exported(here.text, recorded) or (
            recorded == stamp("", False) and ours == " ".join(u.text.split())
        )
        if ours == theirs or untouched:
            continue
        if stamp(wanted[u.key], False) == recorded:
            wanted[u.key] = here.text  # only the translation file changed: it stays
        else:
            conflicts.append((u.key, line_of(template, here.start)))
    return conflicts


def _follow_source(
    template: str, source: Source, src_text: str, src_units: list[Unit], messages: dict
) -> tuple[str, bool]:
    """A translation whose blocks no longer follow the source's (a paragraph was added or removed
    in Dutch) gets the source's body, its units then filled from the PO file: translated ones,
    fuzzy ones as the old translation they carry, the rest in Dutch. Only when the PO file holds
    every text of the current translation, so that nothing of it is lost."""
    tr_units = units(template, source.translatable)
    if signature(tr_units) == signature(src_units):
        return template, False
    carried = {" ".join(m[1].split()) for m in messages.values()}
    # A text whose message the translator has since changed is carried too: its stamp says so.
    stamps = {m[3] for m in messages.values() if m[3]}
    lost = [
        t
        for t in tr_units
        if t.key.startswith("body ")
        and " ".join(t.text.split()) not in carried
        and not {stamp(t.text, False), stamp(t.text, True)} & stamps
    ]
    if lost:
        raise UnitError(
            f"its blocks do not follow those of {source.rel}, and the PO file lacks "
            f"{len(lost)} of its texts (export again first, so that it carries them)"
        )
    body_start = split_file(template)[2]
    rebuilt = template[:body_start] + src_text[split_file(src_text)[2] :]
    # A text the translation already had keeps its own line breaks when its indent is the same.
    kept = {
        (t.kind, t.text, t.indent): template[t.start : t.end]
        for t in tr_units
        if t.key.startswith("body ")
    }
    texts = {u.key: messages[u.key][1] for u in src_units if u.key in messages}
    edits = []
    for key, place in zip(
        [u.key for u in src_units if u.key.startswith("body ")],
        [u for u in units(rebuilt, source.translatable) if u.key.startswith("body ")],
    ):
        if key in texts:
            raw = kept.get((place.kind, " ".join(texts[key].split()), place.indent))
            edits.append(
                (place.start, place.end, raw if raw is not None else write_unit(place, texts[key]))
            )
    return splice(rebuilt, edits), True


def _rebuild(
    template: str,
    source: Source,
    src_text: str,
    src_units: list[Unit],
    wanted: dict[str, str],
    complete: bool,
) -> str:
    tr_units = units(template, source.translatable)
    if signature(tr_units) != signature(src_units):
        raise UnitError(
            "its blocks (headings, paragraphs, list items, boxes) do not follow "
            f"those of {source.rel}, "
            "so the translated units have no place to go"
        )
    place = _places(src_units, tr_units)
    edits: list[tuple[int, int, str]] = []
    rewrite: set[str] = set()  # top-level fields whose list of texts differs in length
    for u in src_units:
        if u.key not in wanted:
            continue
        t = place.get(u.key)
        if t is None:
            rewrite.add(re.split(r"[.\[]", u.key, maxsplit=1)[0])
        elif t.text != wanted[u.key]:
            edits.append((t.start, t.end, write_unit(t, wanted[u.key])))
    src_keys = {u.key for u in src_units}
    rewrite |= {
        re.split(r"[.\[]", t.key, maxsplit=1)[0]
        for t in tr_units
        if not t.key.startswith("body ") and t.key not in src_keys
    }
    spans = top_level(template)
    if rewrite:
        current = {t.key: t.text for t in tr_units}
        src_meta = yaml.safe_load(_front_matter(src_text)) or {}
        for key in sorted(rewrite):
            value = _filled(src_meta[key], key, {**current, **wanted})
            edits = [
                e for e in edits if not (key in spans and spans[key][0] <= e[0] < spans[key][1])
            ]
            if key in spans:
                edits.append((spans[key][0], spans[key][1], ": " + _flow(value)))
            else:
                fm_end = split_file(template)[1]
                edits.append((fm_end, fm_end, f"{key}: {_flow(value)}\n"))
    if complete:
        hash_span = spans.get("source_hash")
        recorded = (yaml.safe_load(_front_matter(template)) or {}).get("source_hash")
        if hash_span and recorded != source.current:
            edits.append(
                (hash_span[0], hash_span[1], ": " + yaml_scalar(source.current, flow=False))
            )
        fm_start, fm_end, _ = split_file(template)
        m = DRAFT_LINE.search(template, fm_start, fm_end)
        if m:
            edits.append((m.start(), m.end(), ""))
    out = splice(template, edits)
    _verify(out, source, src_units, wanted)
    return out


def _places(src_units: list[Unit], tr_units: list[Unit]) -> dict[str, Unit]:
    """Source unit key -> the translation's unit at the same place."""
    fields = {t.key: t for t in tr_units if not t.key.startswith("body ")}
    body = [t for t in tr_units if t.key.startswith("body ")]
    src_body = [u for u in src_units if u.key.startswith("body ")]
    out = {u.key: fields[u.key] for u in src_units if u.key in fields}
    out.update({u.key: t for u, t in zip(src_body, body)})
    return out


def _front_matter(text: str) -> str:
    fm_start, fm_end, _ = split_file(text)
    return text[fm_start:fm_end]


def _filled(value, path: str, texts: dict[str, str]):
    """The source's value of a field with each text replaced by its translation (or kept text)."""
    if isinstance(value, str):
        return texts.get(path, value)
    if isinstance(value, list):
        return [_filled(v, f"{path}[{i}]", texts) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: _filled(v, f"{path}.{k}", texts) for k, v in value.items()}
    return value


def _verify(out: str, source: Source, src_units: list[Unit], wanted: dict[str, str]) -> None:
    """The rebuilt file reads back as the translated units in the source's structure."""
    try:
        again = units(out, source.translatable)
    except UnitError as exc:
        raise UnitError(f"the rebuilt file could not be read back ({exc})") from None
    if signature(again) != signature(src_units):
        raise UnitError(
            "a translation changes the structure of the text (a line that starts like a "
            "heading, a list item or a box?)"
        )
    place = _places(src_units, again)
    for key, text in wanted.items():
        got = place.get(key)
        if got is None or " ".join(got.text.split()) != " ".join(text.split()):
            raise UnitError(
                f"the translation of {key} does not read back as written (Markdown or YAML "
                "marks in it?)"
            )
