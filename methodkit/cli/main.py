"""The `methodkit` command: check, status, translate, new, build, serve."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from methodkit import __version__


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="methodkit", description="Check, translate and publish the methodology."
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--root", default=".", help="repository root (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "check", help="validate all content; report every problem as path:line: field: message"
    )
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument(
        "--lang",
        default="en",
        help="language of the messages: en (default), nl, fr; English where a language has none",
    )
    p.add_argument(
        "--release",
        action="store_true",
        help="also fail on what the publication policy (mkdocs.yml) asks before a release",
    )

    p = sub.add_parser(
        "build", help="build every language into site/ (Dutch at /, others at /<lang>/)"
    )
    p.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--config-file", default=None)
    p.add_argument(
        "--pdf",
        action="store_true",
        help="also write the PDF downloads (coach, participant, trainer pack)",
    )
    p.add_argument(
        "--publish",
        action="store_true",
        help="a build to publish: stop when the site address (SITE_URL, site_url) is a placeholder",
    )

    p = sub.add_parser(
        "status", help="translation status per language: translated, missing, outdated"
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 when anything is missing or outdated"
    )
    p.add_argument("--lang", action="append", help="only this language (repeatable)")

    p = sub.add_parser(
        "translate", help="create a translation file prefilled from its Dutch source"
    )
    p.add_argument("path", help="the Dutch source, e.g. methodology/modules/intakegesprek.md")
    p.add_argument("--to", required=True, dest="lang", help="language code, e.g. fr")

    p = sub.add_parser(
        "po",
        help="translate in PO files: export them for a platform or an editor, import them back",
    )
    p.add_argument("action", choices=("export", "import"))
    p.add_argument("--lang", required=True, help="language code, e.g. fr")
    p.add_argument(
        "--dir",
        default="po",
        help="folder of the PO files (default: po), one sub-folder per language",
    )

    p = sub.add_parser(
        "new", help="create a new item (a draft) with every field present and explained"
    )
    p.add_argument(
        "kind", help="an item type of schemas/types.yml: module, session, practice, chapter, ..."
    )
    p.add_argument("--title", required=True)
    p.add_argument(
        "--lang",
        default="nl",
        help="language of the explanations in the file: nl (default), fr or en",
    )
    p.add_argument("--date", default=None, help="a session's date, YYYY-MM-DD (default: today)")

    p = sub.add_parser(
        "import", help="turn a folder of Markdown from elsewhere into draft items; never overwrites"
    )
    p.add_argument(
        "folder", help="the folder of Markdown files (with their own front matter and HTML)"
    )
    p.add_argument(
        "--type", required=True, dest="kind", help="an item type of schemas/types.yml, e.g. module"
    )
    p.add_argument(
        "--lang",
        default="nl",
        help="language of the explanations in the new files: nl (default), fr or en",
    )

    p = sub.add_parser(
        "languages",
        help="add or remove a site language (configuration, labels, translations), or write the "
        "site's interface text of one (interface: methodology/locales/XX.yml, every key it lacks "
        "as a comment)",
    )
    p.add_argument("action", choices=("add", "remove", "interface"))
    p.add_argument("lang", help="language code, e.g. de")
    p.add_argument(
        "--delete",
        action="store_true",
        help="remove: delete its translations instead of moving them aside",
    )

    p = sub.add_parser(
        "init", help="start a new methodology of your own in an empty folder; it builds at once"
    )
    p.add_argument("dir", help="the new repository's folder (new or empty)")
    p.add_argument(
        "--languages", required=True, help="the site's languages, the first its own: fr,nl"
    )
    p.add_argument("--name", required=True, help="the publishing organisation")
    p.add_argument(
        "--site-name", default=None, help="the site's name (default: the organisation's)"
    )
    p.add_argument(
        "--from",
        dest="source",
        default=None,
        help="an existing methodology's folder whose vocabularies to copy (default: starter terms)",
    )

    p = sub.add_parser(
        "citation", help="print CITATION.cff made from extra.publisher in mkdocs.yml"
    )
    p = sub.add_parser(
        "plan",
        help="write the pages the engine plans as plain Markdown files, for another generator",
    )
    p.add_argument(
        "--out",
        required=True,
        help="an empty or new folder; one sub-folder per language and plan.json",
    )

    p = sub.add_parser(
        "serve", help="serve every language with live reload; content problems show in the page"
    )
    p.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)"
    )
    p.add_argument("--config-file", default=None)

    args = parser.parse_args(argv)
    if argv is None and hasattr(signal, "SIGPIPE") and args.command != "serve":
        # `methodkit status | head`: a closed pipe ends the command quietly, as it does for other
        # tools. Not the server: a browser that closes a connection while it is answered (live
        # reload does, on every reload) would end it; Python's default makes that an error the
        # server handles.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    root = Path(args.root).resolve()
    commands = {
        "check": cmd_check,
        "build": cmd_build,
        "status": cmd_status,
        "translate": cmd_translate,
        "serve": cmd_serve,
        "new": cmd_new,
        "po": cmd_po,
        "import": cmd_import,
        "plan": cmd_plan,
        "citation": cmd_citation,
        "languages": cmd_languages,
        "init": cmd_init,
    }
    try:
        return commands[args.command](root, args)
    except KeyboardInterrupt:
        # Ctrl+C ends a command with a word, not a traceback (build and serve leave site/ as it
        # was, and their workers end with them).
        print(f"methodkit {args.command}: stopped", file=sys.stderr)
        return 130


def _content(root: Path):
    from methodkit.loading.config import site_settings
    from methodkit.loading.loader import load

    settings = site_settings(root)
    content, problems = load(
        root, settings.content_dir, settings.languages, helpers=os.cpu_count() or 1
    )
    return settings, content, problems


def cmd_plan(root: Path, args) -> int:
    from methodkit.checks.problems import format_problems
    from methodkit.loading.config import extra, publisher
    from methodkit.publishing.branding import BrandingError
    from methodkit.publishing.plain import write_plain

    out = Path(args.out).resolve()
    if out.exists() and any(out.iterdir()):
        print(
            f"methodkit plan: {args.out} is not empty; name a new folder (nothing is overwritten)",
            file=sys.stderr,
        )
        return 1
    settings, content, problems = _content(root)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print(
            f"methodkit plan: {len(problems)} content problem(s); fix them first", file=sys.stderr
        )
        return 1
    _, site_name = publisher(root)
    try:
        written = write_plain(
            content,
            out,
            root=root,
            site_url=settings.site_url,
            site_name=site_name,
            extra=extra(root),
            docs_dir=settings.docs_dir,
            macro_pages=settings.macro_pages,
        )
    except BrandingError as err:
        print(f"methodkit plan: {err}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files to {args.out} (plan.json lists the pages)")
    return 0


def _policy(root: Path, content):
    from methodkit.checks.publication import findings, read_policy

    if not content.types.named:  # no declaration could be read: said in types.yml, nothing to hold
        return [], []
    policy, problems = read_policy(root, content.languages, content.types.named)
    return problems, findings(content, policy)


def cmd_status(root: Path, args) -> int:
    from methodkit.catalogue.status import (
        STATES,
        copied_labels,
        report,
        summary,
        unnamed_fields,
    )
    from methodkit.i18n import available, strings

    settings, content, problems = _content(root)
    config_problems, policy = _policy(root, content)
    entries = report(content)
    unnamed = {l: unnamed_fields(content, l) for l in {*content.languages, *(args.lang or [])}}
    langs = args.lang or [
        l for l in content.languages if any(e.lang == l for e in entries) or unnamed[l]
    ]
    incomplete = False
    for lang in langs:
        counts = summary(entries, lang)
        translated = any(e.lang == lang for e in entries)  # not the source language
        print(f"{lang}:" + (" " + ", ".join(f"{counts[s]} {s}" for s in STATES)) * translated)
        for e in entries:
            if e.lang == lang and e.state != "translated":
                incomplete = True
                if e.state == "missing" and e.translation:
                    # A draft in progress: `translate` would refuse to start it again.
                    print(
                        f"  missing   {e.source}  (a draft: {e.translation}; remove `draft: true` "
                        "there when it is done)"
                    )
                elif e.state == "missing":
                    print(f"  missing   {e.source}  (methodkit translate {e.source} --to {lang})")
                else:
                    print(
                        f"  outdated  {e.translation}  (source changed; after updating, "
                        f"set source_hash: {e.current})"
                    )
        if lang not in available():
            # The engine has no words in this language: what the site's own file does not say
            # shows in English.
            own, every = len(content.interface.get(lang, {})), len(strings("en"))
            if own < every:
                incomplete = True
                print(
                    f"  interface  {settings.content_dir}/locales/{lang}.yml: {own} of {every} "
                    f"texts in '{lang}', the rest in English (translate its commented lines)"
                )
        for kind, name in unnamed[lang]:
            print(
                f"  name       {kind}.{name}: no name in '{lang}', shown as "
                f"'{name.replace('_', ' ').capitalize()}' (labels: {{{lang}: {{fields: "
                f"{{{name}: ...}}}}}} in types.yml)"
            )
        for itype in content.types.all:
            # A type the site named in other languages only: its words show in English here.
            if itype.labels and lang not in itype.labels:
                print(
                    f"  labels     {content.schemas.folder.relative_to(root)}/types.yml: "
                    f"{itype.name} has no labels in '{lang}' (shown in English or another "
                    f"language; add labels: {{{lang}: {{name: ..., plural: ...}}}})"
                )
        if lang != content.source_lang:
            # Not counted as incomplete: a label may rightly read as in the source (a name).
            for rel, same, total in copied_labels(content, lang):
                print(
                    f"  labels     {rel}: {same} of {total} text(s) as in "
                    f"'{content.source_lang}' (copied by languages add? translate them)"
                )
    if policy:
        print(
            f"publication policy: {len(policy)} thing(s) to do before a release "
            "(`methodkit check --release` fails on them)"
        )
        for p in policy:
            print(f"  {p.text()}")
    if problems or config_problems:
        print(
            f"note: {len(problems) + len(config_problems)} content problem(s) left some items out; "
            "run `methodkit check`",
            file=sys.stderr,
        )
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
    print(
        "next: translate the text and remove `draft: true`, then run `make check` and "
        "`make serve` to see it"
    )
    return 0


def cmd_po(root: Path, args) -> int:
    from methodkit.po.command import run

    settings, content, problems = _content(root)
    if args.lang not in content.languages:
        print(
            f"methodkit po: '{args.lang}' is not a language of this site "
            f"(languages: {', '.join(content.languages)})",
            file=sys.stderr,
        )
        return 1
    if problems:
        print(
            f"note: {len(problems)} content problem(s) left some items out; run `methodkit check`",
            file=sys.stderr,
        )
    return run(root, content, args.action, args.lang, root / args.dir)


def cmd_build(root: Path, args) -> int:
    from methodkit.mkdocs_adapter.build import build_site

    return build_site(
        root,
        strict=args.strict,
        site_dir=args.site_dir,
        config_file=args.config_file,
        pdf=args.pdf,
        publish=args.publish,
    )


def cmd_check(root: Path, args) -> int:
    from methodkit.checks.problems import format_problems, say
    from methodkit.checks.wording import languages

    if args.lang not in languages():
        # Said, not silent: the messages are in English message by message (ARCHITECTURE.md,
        # "To add a language's catalogue" says how to give them another language).
        print(
            f"note: the messages have no catalogue in '{args.lang}' "
            f"({', '.join(languages())}): they are in English",
            file=sys.stderr,
        )
    _, content, problems = _content(root)
    config_problems, policy = _policy(root, content)
    problems += config_problems
    if args.release:  # what the policy asks before a release blocks this run
        problems, policy = sorted(set(problems + policy)), []
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        problems, policy = (
            [p for p in found if any(_within(root / p.path, w) for w in wanted)]
            for found in (problems, policy)
        )
    out = format_problems(problems, args.format, lang=args.lang)
    if out:
        print(out)
    _note_ignored(content)
    # The policy's report never fails this run: warnings in a pull request, notes in a terminal.
    if policy and args.format == "github":
        print(
            format_problems(
                policy, "github", level="warning", title="publication policy", lang=args.lang
            )
        )
    elif policy and args.format == "text":
        print(say("check.policy", count=len(policy)).text(args.lang), file=sys.stderr)
        print("\n".join(f"  {p.text(args.lang)}" for p in policy), file=sys.stderr)
    if args.format == "text":
        # Valid: an item whose file has no problem (one with an unknown term is in the model).
        faulty = {p.path for p in problems}
        n = sum(1 for item in content.all_items() if item.path not in faulty)
        line = (
            say("check.problems", count=len(problems), items=n)
            if problems
            else say("check.ok", items=n)
        )
        print(line.text(args.lang), file=sys.stderr)
    return 1 if problems else 0


def cmd_init(root: Path, args) -> int:
    from methodkit.cli.init import InitError, init_site

    target = (root / args.dir).resolve()
    languages = [l.strip() for l in args.languages.split(",") if l.strip()]
    try:
        init_site(
            target,
            languages,
            args.name,
            args.site_name,
            Path(args.source).resolve() if args.source else None,
        )
    except InitError as exc:
        print(f"methodkit init: {exc}; nothing was written", file=sys.stderr)
        return 1
    print(f"created {target}: a methodology in {', '.join(languages)}, published by {args.name}")
    print("next:")
    print(f"  cd {args.dir}")
    print("  methodkit serve      # see it at http://127.0.0.1:8000")
    print('  methodkit new module --title "..."')
    print("  set name, logo, colours and contact in extra.publisher in mkdocs.yml")
    return 0


def cmd_languages(root: Path, args) -> int:
    from methodkit.cli.languages import (
        LanguageError,
        add_language,
        interface_text,
        remove_language,
    )

    try:
        if args.action == "add":
            done = add_language(root, args.lang)
        elif args.action == "remove":
            done = remove_language(root, args.lang, args.delete)
        else:
            done = interface_text(root, args.lang)
    except LanguageError as exc:
        print(f"methodkit languages: {exc}; nothing was changed", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    _, content, problems = _content(root)
    print(
        f"next: methodkit check lists {len(problems)} problem(s) to fix"
        if problems
        else "methodkit check: no problems"
    )
    if args.action == "add":
        # What the command does not do, said where a newcomer looks next.
        policy = _policy(root, content)[1]
        print(
            f"also: the types' labels in {content.schemas.folder.relative_to(root)}/types.yml "
            f"and the publisher's texts under extra: in mkdocs.yml have no '{args.lang}' yet "
            "(they show in English, or in the first language, until they do); "
            f"`methodkit status --lang {args.lang}` lists the items, pages and labels to translate"
            + (
                f"; the publication policy asks {len(policy)} thing(s) before a release "
                "(`methodkit check --release`)"
                if policy
                else ""
            )
        )
    return 0


def _note_ignored(content) -> None:
    """Files in a language the site does not list: one note, not a problem each."""
    from methodkit.checks.problems import one_line

    if content.ignored:
        langs = sorted({Path(p).name.split(".")[-2] for p in content.ignored})
        print(
            f"note: {len(content.ignored)} file(s) in {', '.join(langs)}, "
            "which the site does not list in "
            f"`languages:`, left out: {', '.join(map(one_line, content.ignored[:3]))}"
            f"{', ...' if len(content.ignored) > 3 else ''}",
            file=sys.stderr,
        )


def cmd_citation(root: Path, args) -> int:
    from methodkit.loading.config import publisher, site_settings
    from methodkit.publishing.branding import brand_of
    from methodkit.publishing.citation import cff_text
    from methodkit.publishing.exports import content_date
    from methodkit.publishing.site_address import HINT, placeholder_problem

    settings = site_settings(root)
    data, site_name = publisher(root)
    try:
        brand = brand_of(data, site_name, settings.languages[0])
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    address = placeholder_problem(settings.site_url)
    if address:
        print(f"warning: {address}; {HINT}", file=sys.stderr)
    print(cff_text(brand, settings.site_url, content_date(root)), end="")
    return 0


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def cmd_serve(root: Path, args) -> int:
    from methodkit.mkdocs_adapter.serve import serve

    host, _, port = args.dev_addr.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        print(
            f"methodkit serve: '{args.dev_addr}' is not host:port (for example 127.0.0.1:8000)",
            file=sys.stderr,
        )
        return 2
    return serve(root, host or "127.0.0.1", int(port), args.config_file)


def cmd_new(root: Path, args) -> int:
    import datetime as dt

    from methodkit.cli.scaffold import ScaffoldError, create_item
    from methodkit.loading.config import publisher

    _, content, _ = _content(root)
    if args.kind not in content.types:
        known = ", ".join(content.types)
        print(
            f"methodkit new: '{args.kind}' is not an item type of this site (types: {known})",
            file=sys.stderr,
        )
        return 1
    try:
        today = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(
            f"methodkit new: --date: '{args.date}' is not a date; write it as YYYY-MM-DD "
            "(2019-01-24)",
            file=sys.stderr,
        )
        return 1
    try:
        target = create_item(
            content, args.kind, args.title, args.lang, today, publisher(root)[0].get("name", "")
        )
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
    from methodkit.checks.problems import format_problems
    from methodkit.cli.importer import import_folder

    folder = Path(args.folder).resolve()
    if not folder.is_dir():
        print(f"methodkit import: {args.folder} is not a folder", file=sys.stderr)
        return 1
    from methodkit.cli.scaffold import ScaffoldError

    _, content, _ = _content(root)
    if args.kind not in content.types:
        print(
            f"methodkit import: '{args.kind}' is not an item type of this site "
            f"(types: {', '.join(content.types)})",
            file=sys.stderr,
        )
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
    print(
        f"imported {len(done.created)} file(s) as drafts; {len(done.notes)} thing(s) above "
        "to finish by hand",
        file=sys.stderr,
    )
    if done.created:
        print(
            "next: fill in the fields of each draft, then `make check` and `make serve`",
            file=sys.stderr,
        )
    return 0 if done.created or not done.notes else 1


if __name__ == "__main__":
    sys.exit(main())
