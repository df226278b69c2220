"""Check the links of a built site: internal links and anchors, and (separately) external links.

`internal_link_problems` reads every HTML file of a built site (all languages)
and checks that each relative or root-relative `href`/`src` points to a file
that exists, and that each `#fragment` names an `id` (or `name`) in the target
page. It is fast and offline, so tests and builds can run it.

`external_links` and `check_external` are for `make linkcheck`: they go to the
network, are bounded in time and never raise, and their result is advice, not
a build failure.

    python -m methodkit.checks.links site/              # internal links; exit 1 on problems
    python -m methodkit.checks.links --external site/   # external links too (slow, needs network)
"""

from __future__ import annotations

import os
import posixpath
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that hold one URL.
URL_ATTRS = ("href", "src", "xlink:href", "poster")
# Schemes that leave the site, or carry their data inline: not checked here.
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "data", "blob", "about")
# Links that refer to the page itself at another address (its canonical URL, its translations).
SELF_REFERENCES = {"canonical", "alternate"}


class _Page(HTMLParser):
    """Every id/name and every URL-carrying attribute of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.base: str | None = None
        self.self_refs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                # `name` on <meta>/<input> is not an anchor, but adding it cannot hide a broken
                # link in practice.
                if key == "id" or tag in ("a", "map"):
                    self.ids.add(values[key])
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        rels = set((values.get("rel") or "").lower().split())
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRS:
                self.urls.append((tag, name, value.strip()))
                if tag == "link" and rels & SELF_REFERENCES:
                    self.self_refs.add(value.strip())
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.urls.append((tag, name, url))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Page:
    parser = _Page()
    try:
        parser.feed(path.read_text("utf-8", errors="replace"))
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; never let one odd file stop the check
        pass
    return parser


def _html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def _scheme(url: str) -> str:
    head = url.split(":", 1)[0].lower() if ":" in url else ""
    # A colon after a slash, '?' or '#' is part of a path or query, not a scheme.
    return head if head and all(c.isalnum() or c in "+-." for c in head) else ""


def detect_base_path(site: Path) -> str:
    """The path the site is published under, read from the home page's canonical link ("/" if
    none)."""
    index = Path(site) / "index.html"
    if not index.exists():
        return "/"
    page = _parse(index)
    for tag, _attr, url in page.urls:
        if tag == "link" and url in page.self_refs and _scheme(url) in ("http", "https"):
            path = urlsplit(url).path or "/"
            return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
    return "/"


def internal_link_problems(site: Path, base_path: str = "/") -> list[str]:
    """Every internal link of the built site that does not resolve, as 'page.html: href -> problem'.

    `base_path` is the path the site is served under (see `detect_base_path`):
    root-relative links ("/x/") are read relative to it.
    """
    site = Path(site)
    if not base_path.startswith("/"):
        base_path = "/" + base_path
    if not base_path.endswith("/"):
        base_path += "/"
    files: set[str] = set()
    dirs: set[str] = {"."}
    for folder, subdirs, names in os.walk(site):
        here = Path(folder).relative_to(site).as_posix()
        dirs.update(posixpath.normpath(posixpath.join(here, d)) for d in subdirs)
        files.update(posixpath.normpath(posixpath.join(here, n)) for n in names)
    pages: dict[str, _Page] = {}

    def parsed(rel: str) -> _Page:
        if rel not in pages:
            pages[rel] = _parse(site / rel)
        return pages[rel]

    problems: list[str] = []
    for rel in sorted(f for f in files if f.endswith((".html", ".htm"))):
        page = parsed(rel)
        page_url = base_path + rel
        base_url = urljoin(page_url, page.base) if page.base else page_url
        seen: set[str] = set()
        for _tag, _attr, url in page.urls:
            if url in seen:
                continue
            seen.add(url)
            problem = _check_one(files, dirs, base_path, rel, base_url, url, parsed)
            if problem:
                problems.append(f"{rel}: {url} -> {problem}")
    return problems


def _check_one(
    files: set[str], dirs: set[str], base_path: str, here: str, base_url: str, url: str, parsed
) -> str | None:
    if not url:
        return None  # href="" is the page itself
    if url.startswith("//"):
        return None  # protocol-relative: another host
    scheme = _scheme(url)
    if scheme in EXTERNAL_SCHEMES:
        return None
    if scheme:
        return f"uses the scheme '{scheme}:'"
    if "\\" in url:
        return "contains a backslash"
    parts = urlsplit(urljoin(base_url, url))
    path = unquote(parts.path)
    if not path.startswith(base_path):
        return f"points outside the site (above {base_path})"
    relative = path[len(base_path) :]
    target = posixpath.normpath(relative) if relative else "."
    if target == ".." or target.startswith("../") or target.startswith("/"):
        return "points outside the site"
    if target in dirs:
        index = "index.html" if target == "." else target + "/index.html"
        if index not in files:
            return f"folder {target}/ has no index.html"
        target = index
    elif target not in files:
        return f"no such file ({target})"
    elif relative.endswith("/"):
        return f"{target} is a file, not a folder"
    fragment = unquote(parts.fragment)
    if fragment and target.endswith((".html", ".htm")):
        if fragment not in parsed(target).ids:
            return f"no id '{fragment}' in " + ("this page" if target == here else target)
    return None


# -- external links ---------------------------------------------------------------


def external_links(site: Path, ignore_prefixes: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every http(s) URL that built pages link to or load, with the pages (relative paths) that use
    it.

    The pages' own canonical and alternate-language addresses are left out (they
    point where the site will be published), as are URLs starting with one of
    `ignore_prefixes`.
    """
    site = Path(site)
    found: dict[str, list[str]] = {}
    for file in _html_files(site):
        rel = file.relative_to(site).as_posix()
        page = _parse(file)
        for _tag, _attr, url in page.urls:
            if url in page.self_refs or _scheme(url) not in ("http", "https"):
                continue
            if any(url.startswith(p) for p in ignore_prefixes):
                continue
            pages = found.setdefault(url, [])
            if rel not in pages:
                pages.append(rel)
    return dict(sorted(found.items()))


USER_AGENT = "methodkit-linkcheck/1 (+https://github.com/; static site link check)"


def _fetch(url: str, timeout: float) -> str | None:
    """None if `url` answers; else why not. HEAD first, GET when HEAD is refused or fails."""
    import urllib.error
    import urllib.request

    last = "no answer"
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)  # enough to know it answers; never the whole body
                if response.status < 400:
                    return None
                last = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
            if exc.code in (404, 410):
                return last  # gone: a GET will not say otherwise
        except urllib.error.URLError as exc:
            last = f"cannot connect ({getattr(exc, 'reason', exc)})"
        except Exception as exc:  # noqa: BLE001 - timeouts, TLS errors, malformed URLs, resets: all just a finding
            last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return last


def check_external(urls, timeout: float = 10, workers: int = 8, limit: int = 2000) -> list[str]:
    """Try each URL (at most `limit`, `workers` at a time); 'url -> problem' for each that fails.

    Never raises: any error becomes a line of the result.
    """
    try:
        todo = sorted({u for u in urls if isinstance(u, str)})
    except Exception as exc:  # noqa: BLE001 - never raises (above): a finding instead
        return [f"cannot read the list of URLs: {exc}"]
    out: list[str] = []
    if len(todo) > limit:
        out.append(f"{len(todo) - limit} URLs not checked (limit {limit})")
        todo = todo[:limit]

    def one(url: str) -> str | None:
        try:
            problem = _fetch(url, timeout)
        except Exception as exc:  # noqa: BLE001 - _fetch catches everything already
            problem = f"{type(exc).__name__}: {exc}"
        return f"{url} -> {problem}" if problem else None

    try:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo) or 1))) as pool:
            results = list(pool.map(one, todo))
    except Exception as exc:  # noqa: BLE001 - never raises (above): a finding instead
        return out + [f"link check stopped: {exc}"]
    return out + [r for r in results if r]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m methodkit.checks.links", description="Check the links of a built site."
    )
    parser.add_argument("site", nargs="?", default="site", help="the built site (default: site)")
    parser.add_argument(
        "--base-path",
        help="the path the site is served under (default: from the home page's canonical link)",
    )
    parser.add_argument(
        "--external", action="store_true", help="also try every external link (needs the network)"
    )
    parser.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"{site}/index.html not found: build the site first", file=sys.stderr)
        return 2
    problems = internal_link_problems(site, args.base_path or detect_base_path(site))
    for line in problems:
        print(line)
    print(f"{len(problems)} broken internal link(s)", file=sys.stderr)
    if args.external:
        links = external_links(site)
        failed = check_external(links, timeout=args.timeout)
        for line in failed:
            url = line.split(" -> ", 1)[0]
            used = links.get(url, [])
            print(f"{line} (on {', '.join(used[:3])}{', ...' if len(used) > 3 else ''})")
        print(f"{len(failed)} of {len(links)} external link(s) failed", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
