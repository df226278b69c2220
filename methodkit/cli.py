"""The `methodkit` command: check, status, translate, new, build, serve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="methodkit", description="Check, translate and publish the methodology.")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--root", default=".", help="repository root (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate all content; report every problem as path:line: field: message")
    p.add_argument("paths", nargs="*", help="only report problems in these files or folders")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")

    p = sub.add_parser("build", help="build every language into site/ (Dutch at /, others at /<lang>/)")
    p.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--config-file", default=None)

    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    return {"check": cmd_check, "build": cmd_build}[args.command](root, args)


def cmd_build(root: Path, args) -> int:
    from .build import build_site

    return build_site(root, strict=args.strict, site_dir=args.site_dir, config_file=args.config_file)


def cmd_check(root: Path, args) -> int:
    from .config import site_settings
    from .loader import load
    from .problems import format_problems

    settings = site_settings(root)
    content, problems = load(root, settings.content_dir, settings.languages)
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        problems = [p for p in problems if any(_within(root / p.path, w) for w in wanted)]
    out = format_problems(problems, args.format)
    if out:
        print(out)
    if args.format == "text":
        n = sum(1 for _ in content.all_items())
        print(f"{len(problems)} problem(s) in {n} valid item(s)" if problems else f"ok: {n} items, no problems", file=sys.stderr)
    return 1 if problems else 0


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


if __name__ == "__main__":
    sys.exit(main())
