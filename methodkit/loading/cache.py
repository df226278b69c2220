"""Remember which content files passed the checks that need no other file.

`methodkit check`, `methodkit build` (once, before its workers), a spawned
build worker and every serve rebuild read and check every file, and most have
not changed since the last run. For a clean file, its parsed front matter and
body are kept, keyed by the file's bytes and by everything that checked them
(this package's code, the schemas, the Markdown extensions), so a change to
any of these checks the file again. Files with problems are never kept: their
report is always fresh.

The cache lives in the user's cache folder, never in the repository, where a
pull request could plant an entry that passes a file unchecked. Set
METHODKIT_CACHE_DIR to move it, or METHODKIT_CACHE=0 to do without. A process
that loads the content after every edit (a serve worker) asks to keep the
entries in its memory instead: no 10 MB file read and written per edit.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).parents[1]  # the whole engine: its code decides what a check finds
# cache file -> (salt, entries) of this process's last in-memory load
_memory: dict[Path, tuple[str, dict[str, dict]]] = {}


def cache_folder() -> Path | None:
    if os.environ.get("METHODKIT_CACHE") == "0":
        return None
    if os.environ.get("METHODKIT_CACHE_DIR"):
        return Path(os.environ["METHODKIT_CACHE_DIR"])
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "methodkit"
    except RuntimeError:  # no home folder to be found: check everything, every time
        return None


class CheckCache:
    def __init__(
        self, root: Path, schemas: Path | None, extensions, in_memory: bool = False
    ) -> None:
        folder = cache_folder()
        self.path = (
            folder / f"{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.json"
            if folder
            else None
        )
        salt = hashlib.sha256(repr(extensions).encode())
        for source in sorted(PACKAGE.rglob("*.py")) + sorted(
            schemas.glob("*.json") if schemas else ()
        ):
            salt.update(source.name.encode() + b"\0" + source.read_bytes())
        self.salt = salt.hexdigest()
        self.old: dict[str, dict] = {}
        self.new: dict[str, dict] = {}
        self.in_memory = in_memory
        if in_memory and self.path in _memory and _memory[self.path][0] == self.salt:
            self.old = _memory[self.path][1]
        elif self.path is not None:
            try:
                stored = json.loads(self.path.read_text("utf-8"))
                if stored.get("salt") == self.salt:
                    self.old = stored["entries"]
            except (OSError, ValueError, KeyError, AttributeError, TypeError):
                pass  # no cache, or one from another version: check everything
        self.stored = set(self.old)  # the keys as read: saved again only when they change

    def take(self, entries: dict[str, dict]) -> None:
        """Entries of files that helpers of this run checked (a shared check): used as if read."""
        self.old.update(entries)

    @staticmethod
    def key(rel: str, schema: str, raw: bytes) -> str:
        return hashlib.sha256(f"{rel}\0{schema}\0".encode() + raw).hexdigest()

    def get(self, key: str) -> dict | None:
        entry = self.old.get(key)
        if entry is not None:
            self.new[key] = entry
        return entry

    def put(self, key: str, entry: dict) -> None:
        # Only what survives JSON unchanged: YAML can produce values JSON cannot hold.
        try:
            if json.loads(json.dumps(entry)) == entry:
                self.new[key] = entry
        except (TypeError, ValueError):
            pass

    def save(self) -> None:
        """Keep the entries of this run only; written atomically, as build workers save at once."""
        if self.path is not None and self.in_memory:
            _memory[self.path] = (self.salt, self.new)
            return
        if self.path is None or self.new.keys() == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                # dumps, not dump: only the one-shot encoder is C (five times faster here).
                out.write(json.dumps({"salt": self.salt, "entries": self.new}))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time
