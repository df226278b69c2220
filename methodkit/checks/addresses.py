"""What a page's links and images name in the built site, and what to write instead.

A link to another page names that page's Markdown file, relative to the page's
own file, in Markdown: MkDocs then checks it, and adjusts it to the page's
address in every language, on any host and in the offline copy. A web address
(`../intake/`), an address from the site's root (`/modules/`) or a link in HTML
is none of that, so the check says each, with the file to write when it can
tell which page was meant. A link to a file that is no page (an image, a PDF)
must name a file the site publishes, or a strict build stops on it.
"""

from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote

from methodkit.checks.problems import Message, say
from methodkit.loading.docs import split_suffix

# "Did you mean" for this many broken addresses a run at most: each is compared with every page
# or image, and a file may hold thousands of broken links.
SUGGESTIONS = 50


def file_of(url: str) -> str:
    """The file a relative address names: without its anchor or query, %-escapes decoded."""
    return unquote(url.split("#")[0].split("?")[0])


class Addresses:
    """The built site's pages (their Markdown files, from docs/) and other files (images), and
    what a page's links and images mean among them."""

    def __init__(self, pages: set[str], files: set[str], languages):
        self.pages, self.files, self.languages = pages, files, tuple(languages)
        self.suggested = 0
        # the last name of a page's address (`intake` for modules/intake.md, `method` for
        # method/index.md) -> its files; and an image's file name -> its places
        self.by_name: dict[str, list[str]] = {}
        for page in sorted(pages):
            name = page.removesuffix(".md").removesuffix("/index")
            self.by_name.setdefault(posixpath.basename(name), []).append(page)
        self.images: dict[str, list[str]] = {}
        for file in sorted(files):
            self.images.setdefault(posixpath.basename(file), []).append(file)

    def near(self, target: str, candidates) -> str | None:
        """A name close to `target`, for the first SUGGESTIONS addresses of a run only."""
        if self.suggested >= SUGGESTIONS:
            return None
        self.suggested += 1
        found = difflib.get_close_matches(target, candidates, n=1, cutoff=0.8)
        return found[0] if found else None

    def page_at(self, target: str) -> str | None:
        """The Markdown file of the page at `target` (a file's path, or a web address such as
        `modules/x/` or `reuse`), if there is one."""
        stem = target.strip("/")
        if stem.endswith(".md"):
            return stem if stem in self.pages else None
        for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
            if candidate in self.pages:
                return candidate
        return None

    def meant(self, path: str, here: str, address: str) -> str | None:
        """The page a link most likely means: read as a browser reads it (from the page's address),
        as MkDocs reads it (from its file's folder), from the site's root without a language's
        folder, or the one page whose address ends in the same name."""
        parts = path.lstrip("/").split("/")
        if parts[0] in self.languages:
            parts = parts[1:]
        tries = (
            [posixpath.normpath("/".join(parts) or ".")]
            if path.startswith("/")
            else [
                posixpath.normpath(posixpath.join(address, path)),
                posixpath.normpath(posixpath.join(here, path)),
            ]
        )
        for target in tries:
            found = self.page_at("" if target == "." else target)
            if found:
                return found
        same = self.by_name.get(posixpath.basename(path.rstrip("/")).removesuffix(".md"), [])
        return same[0] if len(same) == 1 else None

    def link_problem(
        self, url: str, markdown: bool, here: str, address: str
    ) -> tuple[Message, Message] | None:
        """What is wrong with a link of a page, as (message, hint), or None. `here`: the folder of
        the page's file in docs/; `address`: the page's own address in the site."""
        path, fragment = file_of(url), url.partition("#")[2]
        meant = self.meant(path, here, address) if path else None
        write = (
            posixpath.relpath(meant, here or ".") + (f"#{fragment}" if fragment else "")
            if meant
            else None
        )
        shown = url[:40]
        if not markdown:
            return say("link.html", url=shown), (
                say("link.html.write", address=write) if write else say("link.html.hint")
            )
        if not path:
            return None  # this page (`?x=1`)
        if path.startswith("/"):
            return say("link.absolute", url=shown), (
                say("address.write", address=write) if write else say("link.absolute.hint")
            )
        target = posixpath.normpath(posixpath.join(here, path))
        if path.endswith(".md"):
            if target in self.pages:
                return None
            base, lang = split_suffix(target, self.languages)
            if lang and base in self.pages:
                return say("link.no_page", url=shown), say(
                    "link.translation.hint", address=posixpath.relpath(base, here or ".")
                )
            near = meant or self.near(target, self.pages)
            return say("link.no_page", url=shown), (
                say("address.did_you_mean", address=posixpath.relpath(near, here or "."))
                if near
                else say("link.no_page.hint")
            )
        if "." in posixpath.basename(path.rstrip("/")):  # a file that is no page
            if target in self.files:
                return None
            return say("link.no_file", url=shown), (
                self.file_hint(target, here) or say("link.no_file.hint")
            )
        return say("link.page_address", url=shown), (
            say("address.write", address=write) if write else say("link.no_page.hint")
        )

    def file_hint(self, target: str, folder: str) -> Message | None:
        """How a page in `folder` reaches the file (an image) it names at `target`: the address
        of a file of that name, or of one named nearly so; None when there is none."""
        same = self.images.get(posixpath.basename(target))
        if same:
            return say("address.write", address=posixpath.relpath(same[0], folder or "."))
        near = self.near(target, [f for found in self.images.values() for f in found])
        if near:
            return say("address.did_you_mean", address=posixpath.relpath(near, folder or "."))
        return None
