"""The `methodkit` command: check, status, translate, new, build, serve."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from methodkit import __version__


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="methodkit", description="Check, translate and publish the methodology.")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--root", default=".", help="repository root (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate all content; report every problem as path:line: field: message")
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the messages (en or nl)")
    p.add_argument("--release", action="store_true",
                   help="also fail on what the publication policy (mkdocs.yml) asks before a release")

    p = sub.add_parser("build", help="build every language into site/ (Dutch at /, others at /<lang>/)")
    p.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--config-file", default=None)
    p.add_argument("--pdf", action="store_true", help="also write the PDF downloads (coach, participant, trainer pack)")

    p = sub.add_parser("status", help="translation status per language: translated, missing, outdated")
    p.add_argument("--strict", action="store_true", help="exit 1 when anything is missing or outdated")
    p.add_argument("--lang", action="append", help="only this language (repeatable)")

    p = sub.add_parser("translate", help="create a translation file prefilled from its Dutch source")
    p.add_argument("path", help="the Dutch source, e.g. methodology/modules/intakegesprek.md")
    p.add_argument("--to", required=True, dest="lang", help="language code, e.g. fr")

    p = sub.add_parser("po", help="translate in PO files: export them for a platform or an editor, import them back")
    p.add_argument("action", choices=("export", "import"))
    p.add_argument("--lang", required=True, help="language code, e.g. fr")
    p.add_argument("--dir", default="po", help="folder of the PO files (default: po), one sub-folder per language")

    p = sub.add_parser("new", help="create a new item (a draft) with every field present and explained")
    p.add_argument("kind", help="an item type of schemas/types.yml: module, session, practice, chapter, ...")
    p.add_argument("--title", required=True)
    p.add_argument("--lang", default="nl", help="language of the explanations in the file: nl (default) or en")
    p.add_argument("--date", default=None, help="a session's date, YYYY-MM-DD (default: today)")

    p = sub.add_parser("import", help="turn a folder of Markdown from elsewhere into draft items; never overwrites")
    p.add_argument("folder", help="the folder of Markdown files (with their own front matter and HTML)")
    p.add_argument("--type", required=True, dest="kind", help="an item type of schemas/types.yml, e.g. module")
    p.add_argument("--lang", default="nl", help="language of the explanations in the new files: nl (default) or en")

    p = sub.add_parser("plan", help="write the pages the engine plans as plain Markdown files, for another generator")
    p.add_argument("--out", required=True, help="an empty or new folder; one sub-folder per language and plan.json")

    p = sub.add_parser("serve", help="serve every language with live reload; content problems show in the page")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
    p.add_argument("--config-file", default=None)

    args = parser.parse_args(argv)
    if argv is None and hasattr(signal, "SIGPIPE"):
        # `methodkit status | head`: a closed pipe ends the command quietly, as it does for other tools.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    root = Path(args.root).resolve()
    commands = {"check": cmd_check, "build": cmd_build, "status": cmd_status, "translate": cmd_translate, "serve": cmd_serve,
                "new": cmd_new, "po": cmd_po, "import": cmd_import, "plan": cmd_plan}
    return commands[args.command](root, args)


def _content(root: Path):
    from methodkit.loading.config import site_settings
    from methodkit.loading.loader import load

    settings = site_settings(root)
    content, problems = load(root, settings.content_dir, settings.languages)
    return settings, content, problems


def cmd_plan(root: Path, args) -> int:
    from methodkit.checks.problems import format_problems
    from methodkit.publishing.plain import write_plain

    out = Path(args.out).resolve()
    if out.exists() and any(out.iterdir()):
        print(f"methodkit plan: {args.out} is not empty; name a new folder (nothing is overwritten)", file=sys.stderr)
        return 1
    _, content, problems = _content(root)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print(f"methodkit plan: {len(problems)} content problem(s); fix them first", file=sys.stderr)
        return 1
    written = write_plain(content, out)
    print(f"wrote {len(written)} files to {args.out} (plan.json lists the pages)")
    return 0


def _policy(root: Path, content):
    from methodkit.checks.publication import findings, read_policy

    policy, problems = read_policy(root, content.languages, content.types)
    return problems, findings(content, policy)


def cmd_status(root: Path, args) -> int:
    from methodkit.catalogue.status import STATES, report, summary

    settings, content, problems = _content(root)
    config_problems, policy = _policy(root, content)
    entries = report(content, root / settings.docs_dir)
    langs = args.lang or list(content.languages[1:])
    incomplete = False
    for lang in langs:
        counts = summary(entries, lang)
        print(f"{lang}: " + ", ".join(f"{counts[s]} {s}" for s in STATES))
        for e in entries:
            if e.lang == lang and e.state != "translated":
                incomplete = True
                if e.state == "missing":
                    print(f"  missing   {e.source}  (methodkit translate {e.source} --to {lang})")
                else:
                    print(f"  outdated  {e.translation}  (source changed; after updating, set source_hash: {e.current})")
    if policy:
        print(f"publication policy: {len(policy)} thing(s) to do before a release (`methodkit check --release` fails on them)")
        for p in policy:
            print(f"  {p.text()}")
    if problems or config_problems:
        print(f"note: {len(problems) + len(config_problems)} content problem(s) left some items out; run `methodkit check`",
              file=sys.stderr)
    return 1 if (args.strict and incomplete) else 0


def cmd_translate(root: Path, args) -> int:
    from methodkit.cli.scaffold import ScaffoldError, create_translation

    _, content, _ = _content(root)
    try:
        target = create_translation(content, Path(args.path).resolve(), args.lang)
    except ScaffoldError as exc:
        print(f"methodkit translate: {exc}", file=sys.stderr)
        return 1
    print(f"created {target.relative_to(root) if root in target.parents else target}")
    print("next: translate the text and remove `draft: true`, then run `make check` and `make serve` to see it")
    return 0


def cmd_po(root: Path, args) -> int:
    from methodkit.po.command import run

    settings, content, problems = _content(root)
    if args.lang not in content.languages[1:]:
        print(f"methodkit po: '{args.lang}' is not a translation language of this site "
              f"(languages: {', '.join(content.languages[1:])})", file=sys.stderr)
        return 1
    if problems:
        print(f"note: {len(problems)} content problem(s) left some items out; run `methodkit check`", file=sys.stderr)
    return run(root, content, root / settings.docs_dir, args.action, args.lang, root / args.dir)


def cmd_build(root: Path, args) -> int:
    from methodkit.mkdocs_adapter.build import build_site

    return build_site(root, strict=args.strict, site_dir=args.site_dir, config_file=args.config_file, pdf=args.pdf)


def cmd_check(root: Path, args) -> int:
    from methodkit.checks.problems import format_problems

    _, content, problems = _content(root)
    config_problems, policy = _policy(root, content)
    problems += config_problems
    if args.release:  # what the policy asks before a release blocks this run
        problems, policy = sorted(set(problems + policy)), []
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        problems, policy = ([p for p in found if any(_within(root / p.path, w) for w in wanted)] for found in (problems, policy))
    if args.lang == "nl":
        from methodkit.checks.messages import to_dutch

        problems, policy = [to_dutch(p) for p in problems], [to_dutch(p) for p in policy]
    out = format_problems(problems, args.format)
    if out:
        print(out)
    # The policy's report never fails this run: warnings in a pull request, notes in a terminal.
    if policy and args.format == "github":
        print(format_problems(policy, "github", level="warning", title="publication policy"))
    elif policy and args.format == "text":
        print(f"publication policy: {len(policy)} thing(s) to do before a release (not a problem now;"
              " `methodkit check --release` fails on them):", file=sys.stderr)
        print("\n".join(f"  {p.text()}" for p in policy), file=sys.stderr)
    if args.format == "text":
        n = sum(1 for _ in content.all_items())
        if args.lang == "nl":
            line = f"{len(problems)} probleem/problemen in {n} geldige items" if problems else f"ok: {n} items, geen problemen"
        else:
            line = f"{len(problems)} problem(s) in {n} valid item(s)" if problems else f"ok: {n} items, no problems"
        print(line, file=sys.stderr)
    return 1 if problems else 0


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def cmd_serve(root: Path, args) -> int:
    from methodkit.mkdocs_adapter.serve import serve

    host, _, port = args.dev_addr.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        print(f"methodkit serve: '{args.dev_addr}' is not host:port (for example 127.0.0.1:8000)", file=sys.stderr)
        return 2
    return serve(root, host or "127.0.0.1", int(port), args.config_file)


def cmd_new(root: Path, args) -> int:
    import datetime as dt

    from methodkit.cli.scaffold import ScaffoldError, create_item

    _, content, _ = _content(root)
    if args.kind not in content.types:
        known = ", ".join(content.types)
        print(f"methodkit new: '{args.kind}' is not an item type of this site (types: {known})", file=sys.stderr)
        return 1
    try:
        today = dt.date.fromisoformat(args.date) if args.date else None
        target = create_item(content, args.kind, args.title, args.lang, today)
    except (ScaffoldError, ValueError) as exc:
        print(f"methodkit new: {exc}", file=sys.stderr)
        return 1
    rel = target.relative_to(root) if root in target.parents else target
    print(f"created {rel} (a draft)")
    print("next steps:")
    print(f"  1. fill in the fields and the text of {rel} (each field is explained in the file)")
    print("  2. make check    # lists anything that still needs fixing")
    print("  3. make serve    # see it at http://127.0.0.1:8000 (drafts show there)")
    print("  4. remove `draft: true` when it is ready, and open a pull request")
    return 0


def cmd_import(root: Path, args) -> int:
    from methodkit.cli.importer import import_folder
    from methodkit.checks.problems import format_problems

    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        print(f"methodkit import: {args.folder} is not a folder", file=sys.stderr)
        return 1
    from methodkit.cli.scaffold import ScaffoldError

    _, content, _ = _content(root)
    if args.kind not in content.types:
        print(f"methodkit import: '{args.kind}' is not an item type of this site (types: {', '.join(content.types)})",
              file=sys.stderr)
        return 1
    try:
        done = import_folder(content, folder, args.kind, args.lang)
    except ScaffoldError as exc:
        print(f"methodkit import: {exc}", file=sys.stderr)
        return 1
    if done.notes:
        print(format_problems(done.notes))
    for path in done.created:
        print(f"created {content.rel(path)} (a draft)", file=sys.stderr)
    print(f"imported {len(done.created)} file(s) as drafts; {len(done.notes)} thing(s) above to finish by hand", file=sys.stderr)
    if done.created:
        print("next: fill in the fields of each draft, then `make check` and `make serve`", file=sys.stderr)
    return 0 if done.created or not done.notes else 1


if __name__ == "__main__":
    sys.exit(main())
