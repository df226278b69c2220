"""`methodkit po export`: one PO file per item and page, a unit per message.

Each message's context (msgctxt) is the unit's key in its file, its msgid the
Dutch text, its msgstr the translation when the translation file has one.
A translation made from an older source is matched against that older source
(found in git by the `source_hash` it records): units whose Dutch text did not
change keep their translation, changed ones keep it marked fuzzy with the old
Dutch text as the previous msgid, new ones are empty. Without git history, an
outdated translation's units are all fuzzy: nothing says which of them changed.

A PO file that is already there may hold a translator's work not imported yet: each message
whose translation or fuzzy flag differs from what the export wrote (its stamp, `stamps.py`)
keeps it, fuzzy when its Dutch text changed since, and the file's translator stays named. An
export never takes a translator's text away; a file it cannot read it leaves as it is.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from methodkit.checks.lines import line_of
from methodkit.loading import history

from .documents import Source, recorded
from .stamps import PREFIX, as_exported, stamp, stamp_of
from .units import Unit, UnitError, signature, units

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
PREVIOUS = "previous source: "


@dataclass
class Filled:
    """The translation of each source unit: key -> (text, fuzzy, previous Dutch text)."""

    by_key: dict[str, tuple[str, bool, str | None]] = field(default_factory=dict)
    note: str | None = None  # why the translation's text could not be used


def po_path(out_dir: Path, lang: str, rel: str) -> Path:
    return out_dir / lang / (rel[:-3] + ".po")


def catalogue(root: Path, source: Source, lang: str) -> tuple[Catalog, str | None]:
    """The PO catalogue of one file in `lang`, and a note when its translation could not be used."""
    text = (root / source.rel).read_text("utf-8")
    src_units = units(text, source.translatable)
    tr_file = root / source.translation(lang)
    filled = _fill(root, source, src_units, tr_file) if tr_file.is_file() else Filled()
    change = history.version(root, source.rel)
    date = dt.datetime.fromisoformat(change.date).replace(tzinfo=dt.UTC) if change else EPOCH
    cat = Catalog(
        locale=lang,
        project=source.rel,
        version=source.current,
        fuzzy=False,
        creation_date=date,
        revision_date=date,
        header_comment=f"# {source.rel} into '{lang}'.\n"
        "# Translate each msgstr; keep the Markdown marks (**, *, [text](link)) in place.",
    )
    for u in src_units:
        string, fuzzy, previous = filled.by_key.get(u.key, ("", False, None))
        line = line_of(text, u.start)
        cat.add(
            u.text,
            string,
            locations=[(source.rel, line)],
            flags=["fuzzy"] if fuzzy else [],
            # The Dutch text the translation was made from, as a comment: Babel writes a long
            # previous msgid (#|) broken across lines, which msgfmt and the platforms refuse.
            auto_comments=[u.kind if u.kind != "field" else f"field {u.key}"]
            + ([f"{PREVIOUS}{previous}"] if previous else [])
            + [PREFIX + stamp(string, fuzzy)],
            context=u.key,
        )
    return cat, filled.note


def _fill(root: Path, source: Source, src_units: list[Unit], tr_file: Path) -> Filled:
    tr_text = tr_file.read_text("utf-8")
    try:
        tr_units = units(tr_text, source.translatable)
    except UnitError as exc:
        return Filled(note=f"{source.translation}: {exc}")
    rec, draft = recorded(tr_text, source.rel)
    src_text = (root / source.rel).read_text("utf-8")
    base_text = src_text if rec == source.current else _source_at(root, source, rec)
    if base_text is None:
        if signature(tr_units) != signature(src_units):
            return Filled(note=_mismatch(source, tr_file.name))
        # No older source to compare with: every unit may have changed.
        base_units, unknown = src_units, True
    else:
        base_units, unknown = units(base_text, source.translatable), False
        if signature(base_units) != signature(tr_units):
            return Filled(note=_mismatch(source, tr_file.name))
    by_base = _pair(base_units, tr_units)
    filled = Filled()
    for base, src in _align(base_units, src_units):
        tr = by_base.get(base.key)
        if tr is None or (
            draft and tr == base.text
        ):  # a draft's untouched Dutch text is no translation
            continue
        changed = unknown or base.text != src.text
        filled.by_key[src.key] = (tr, changed, base.text if changed and not unknown else None)
    return filled


def _source_at(root: Path, source: Source, wanted: str | None) -> str | None:
    if not wanted:
        return None
    return next(
        (text for _, text in history.versions(root, source.rel) if source.hash_of(text) == wanted),
        None,
    )


def _pair(base_units: list[Unit], tr_units: list[Unit]) -> dict[str, str]:
    """Base unit key -> the translation's text: front matter by key, the body by position."""
    tr_fields = {u.key: u.text for u in tr_units if not u.key.startswith("body ")}
    body = [u for u in tr_units if u.key.startswith("body ")]
    out = {u.key: tr_fields[u.key] for u in base_units if u.key in tr_fields}
    out.update(
        {b.key: t.text for b, t in zip([u for u in base_units if u.key.startswith("body ")], body)}
    )
    return out


def _align(base_units: list[Unit], src_units: list[Unit]):
    """(older source unit, current source unit) pairs of the same place in the text."""
    base_fields = {u.key: u for u in base_units if not u.key.startswith("body ")}
    for u in src_units:
        if u.key in base_fields:
            yield base_fields[u.key], u
    a = [u for u in base_units if u.key.startswith("body ")]
    b = [u for u in src_units if u.key.startswith("body ")]
    matcher = difflib.SequenceMatcher(
        None, [(u.kind, u.text) for u in a], [(u.kind, u.text) for u in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            # A replaced run pairs place by place while the kinds agree: an edited paragraph.
            for x, y in zip(a[i1:i2], b[j1:j2]):
                if x.kind == y.kind:
                    yield x, y


def _mismatch(source: Source, tr_name: str) -> str:
    return (
        f"{source.translation(tr_name.split('.')[-2])}: its blocks (headings, paragraphs, "
        "list items, "
        f"boxes) do not follow those of {source.rel}; its text is left out of the PO file, and "
        "`methodkit po import` will not overwrite it"
    )


def export(
    root: Path, sources: list[Source], lang: str, out_dir: Path
) -> tuple[list[Path], list[str]]:
    """Write a PO file per source; return the files written and notes for the translator."""
    written, notes = [], []
    for source in sources:
        try:
            cat, note = catalogue(root, source, lang)
        except UnitError as exc:
            notes.append(f"{source.rel}: {exc}; not exported")
            continue
        if note:
            notes.append(note)
        target = po_path(out_dir, lang, source.rel)
        shown = target.relative_to(root).as_posix() if target.is_relative_to(root) else target
        if target.is_file():
            kept = _keep_pending(target, cat)
            if kept is None:
                notes.append(
                    f"{shown}: not a PO file that can be read; left as it is (fix it in a PO "
                    "editor, or delete it to export it afresh)"
                )
                continue
            if kept.pending:
                notes.append(
                    f"{shown}: {kept.pending} translation(s) not imported yet kept as the "
                    f"translator left them (import them with `methodkit po import --lang {lang}`)"
                )
            if kept.conflicts:
                notes.append(
                    f"{shown}: {kept.conflicts} of them changed by hand in "
                    f"{source.translation(lang)} too: import will name each, to choose one"
                )
            if kept.dropped:
                notes.append(
                    f"{shown}: {kept.dropped} translation(s) not imported yet were of Dutch "
                    "texts that are no longer there, and are left out"
                )
        buf = io.BytesIO()
        write_po(buf, cat)
        data = buf.getvalue()
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
    return written, notes


def _keep_pending(target: Path, cat: Catalog) -> Kept | None:
    """Put into `cat` what the translator changed in the PO file already at `target` since it was
    exported; what was kept, or None when the file cannot be read."""
    try:
        with target.open("rb") as fh:
            old_cat = read_po(fh, abort_invalid=True)
    except (PoFileError, OSError, UnicodeDecodeError, ValueError):
        return None
    kept = Kept()
    paired = set()
    for o, m in _pairs([m for m in old_cat if m.id and m.context], [m for m in cat if m.id]):
        paired.add(id(o))
        if not isinstance(o.string, str) or not o.string:
            continue
        recorded = stamp_of(o.auto_comments)
        if recorded is not None:
            changed = _changed_by_translator(o)
        else:  # a file exported before stamps: whatever differs may be the translator's
            changed = (o.string, o.fuzzy) != (m.string, m.fuzzy)
        if not changed or (o.id, o.string, o.fuzzy) == (m.id, m.string, m.fuzzy):
            continue
        fresh = m.string  # what the translation file gives: the text of the new stamp
        m.string = o.string
        m.flags.discard("fuzzy")
        if o.fuzzy or o.id != m.id:
            m.flags.add("fuzzy")
        if o.id != m.id:
            m.auto_comments = [c for c in m.auto_comments if not c.startswith(PREVIOUS)]
            m.auto_comments.insert(1, PREVIOUS + o.id)
        kept.pending += 1
        if (
            recorded is not None
            and not as_exported(fresh, recorded)
            and " ".join(o.string.split()) != " ".join(fresh.split())
        ):
            # Changed by hand in the translation too: the old stamp stays, so that import
            # still sees both changes and names the conflict instead of taking one side.
            m.auto_comments = [c for c in m.auto_comments if not c.startswith(PREFIX)]
            m.auto_comments.append(PREFIX + recorded)
            kept.conflicts += 1
    kept.dropped = sum(
        1
        for o in old_cat
        if o.id and o.context and id(o) not in paired and _changed_by_translator(o)
    )
    # The translator's name and team stay with their file.
    if "FULL NAME" not in old_cat.last_translator:
        cat.last_translator = old_cat.last_translator
    if "LANGUAGE" not in old_cat.language_team and "LL@li.org" not in old_cat.language_team:
        cat.language_team = old_cat.language_team
    return kept


@dataclass
class Kept:
    """What an export kept of a PO file's earlier messages."""

    pending: int = 0  # translations changed in the PO file and not imported yet, kept
    conflicts: int = 0  # of those, texts changed by hand in the translation file too
    dropped: int = 0  # changed translations of Dutch texts that are no longer there


def _changed_by_translator(o) -> bool:
    """Whether a message's translation or fuzzy flag is no longer what its stamp says (False for
    a file exported before stamps: nothing tells)."""
    recorded = stamp_of(o.auto_comments)
    return bool(o.string) and recorded is not None and stamp(o.string, o.fuzzy) != recorded


def _pairs(old: list, new: list):
    """(earlier message, new message) of the same text: the Dutch texts of both files aligned as
    the translation is with its older source (difflib), so that a paragraph added or removed in
    Dutch moves no translation onto another paragraph; an edited text pairs with its old self."""

    def part(m) -> str:
        if m.context.startswith("body "):
            return "body"
        return re.split(r"[.\[]", m.context, maxsplit=1)[0]

    matcher = difflib.SequenceMatcher(
        None, [(part(m), m.id) for m in old], [(part(m), m.id) for m in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            for o, m in zip(old[i1:i2], new[j1:j2]):
                if part(o) == part(m):
                    yield o, m
