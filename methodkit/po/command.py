"""What `methodkit po export` and `methodkit po import` print and return."""

from __future__ import annotations

import sys
from pathlib import Path

from methodkit.checks.problems import Problem, format_problems, say
from methodkit.cli.scaffold import ScaffoldError
from methodkit.loading.loader import load

from .documents import sources
from .export import export, po_path
from .glossary import write_glossary
from .imports import import_file


def run(root: Path, content, action: str, lang: str, po_dir: Path) -> int:
    found = sources(content)
    if action == "export":
        written, notes = export(root, found, lang, po_dir)
        glossary = po_dir / "glossary.tbx"
        if write_glossary(content.vocabularies, content.languages, glossary):
            written.append(glossary)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        print(
            f"{len(found)} PO file(s) in {_rel(root, po_dir / lang)}, "
            f"{len(written)} written or changed; "
            f"glossary: {_rel(root, glossary)}"
        )
        print(
            "next: translate them (on a platform or in a PO editor), "
            f"then `methodkit po import --lang {lang}`"
        )
        return 0
    problems: list[Problem] = []
    counts = {"created": 0, "updated": 0, "rebuilt": 0, "unchanged": 0, "skipped": 0, "refused": 0}
    incomplete = []
    written: set[str] = set()
    for source in found:
        po_file = po_path(po_dir, lang, source.rel)
        if not po_file.is_file():
            continue
        try:
            outcome = import_file(
                root, content, source, lang, po_file, _rel(root, po_file), problems
            )
        except ScaffoldError as exc:
            problems.append(
                Problem(
                    source.rel, 1, "file", say("scaffold.error", reason=str(exc)), say("po.check")
                )
            )
            counts["refused"] += 1
            continue
        if outcome is None:
            counts["refused"] += 1  # said among the problems below
            continue
        counts[outcome.state] += 1
        if outcome.state in ("created", "updated", "rebuilt"):
            written.add(outcome.path)
        if outcome.state in ("created", "updated"):
            print(f"{outcome.state:9} {outcome.path}")
        elif outcome.state == "rebuilt":
            print(
                f"rebuilt   {outcome.path}  (its blocks no longer followed the Dutch source: "
                "it now follows the "
                "source's layout, with new paragraphs in Dutch until translated; check it)"
            )
        if outcome.missing and outcome.state != "skipped":
            incomplete.append(outcome)
    known = {po_path(po_dir, lang, source.rel) for source in found}
    for stray in sorted(set((po_dir / lang).rglob("*.po")) - known):
        problems.append(
            Problem(
                _rel(root, stray),
                1,
                "file",
                say("po.no_source"),
                say("po.no_source.hint"),
            )
        )
    for outcome in incomplete:
        print(
            f"  {outcome.path}: {outcome.missing} unit(s) fuzzy or untranslated; "
            "source_hash left as it was"
        )
    print(", ".join(f"{n} {state}" for state, n in counts.items()))
    if written:
        # What the translator wrote, checked as `methodkit check` will: said now, with the import.
        problems += [p for p in load(root)[1] if p.path in written]
    if problems:
        print(format_problems(problems, "text"), file=sys.stderr)
        return 1
    return 0


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if root in path.parents else str(path)
