"""The check cache: clean files are not checked twice, and nothing can slip past a check through
it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from methodkit.loading.loader import load
from sitekit import BIN, assemble, replace_in

ALPHA = "methodology/modules/alpha-module.md"


def _cache_file(folder: Path) -> Path:
    files = list(folder.glob("*.json"))
    assert len(files) == 1, files
    return files[0]


def _root(tmp_path, monkeypatch) -> tuple[Path, Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("METHODKIT_CACHE_DIR", str(folder))
    return assemble(tmp_path / "root", docs=False), folder


def test_a_second_load_takes_clean_files_from_the_cache(tmp_path, monkeypatch):
    root, folder = _root(tmp_path, monkeypatch)
    content, problems = load(root)
    assert problems == []
    entries = json.loads(_cache_file(folder).read_text("utf-8"))["entries"]
    files = [
        p for p in (root / "methodology").rglob("*.md") if p.parent.name != "methodology"
    ]  # items, not the README
    assert len(entries) == len(files)
    # Change what the cache says about alpha: the next load believes it, so it did not read the file
    # again.
    for entry in entries.values():
        if entry["body"] == content.items["module"]["alpha-module"].body:
            entry["body"] = "FROM THE CACHE"
    stored = json.loads(_cache_file(folder).read_text("utf-8"))
    _cache_file(folder).write_text(json.dumps({**stored, "entries": entries}), "utf-8")
    again, _ = load(root)
    assert again.items["module"]["alpha-module"].body == "FROM THE CACHE"
    # Once the file changes, its bytes no longer match: it is read and checked again.
    replace_in(root / ALPHA, "Alfatekst in het Nederlands.", "Alfatekst, gewijzigd.")
    third, _ = load(root)
    assert "Alfatekst, gewijzigd." in third.items["module"]["alpha-module"].body


def test_a_file_with_problems_is_checked_every_time(tmp_path, monkeypatch):
    root, folder = _root(tmp_path, monkeypatch)
    replace_in(root / ALPHA, "## Stappen", "<script>alert(1)</script>\n\n## Stappen")
    for _ in range(2):
        _, problems = load(root)
        assert [p for p in problems if p.path == ALPHA and "<script>" in p.text()]
    entries = json.loads(_cache_file(folder).read_text("utf-8"))["entries"]
    assert not [e for e in entries.values() if "<script>" in e["body"]]


def test_a_changed_schema_checks_every_file_again(tmp_path, monkeypatch):
    root, folder = _root(tmp_path, monkeypatch)
    assert load(root)[1] == []
    schema = root / "methodology/schemas/module.schema.json"
    data = json.loads(schema.read_text("utf-8"))
    data["properties"]["summary"]["maxLength"] = 5
    schema.write_text(json.dumps(data), "utf-8")
    _, problems = load(root)
    assert [p for p in problems if p.path == ALPHA and p.field == "summary"]


def test_the_cache_lives_outside_the_repository(tmp_path, monkeypatch):
    root = assemble(tmp_path / "root", docs=False)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    monkeypatch.delenv("METHODKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load(root)
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert list((tmp_path / "xdg" / "methodkit").glob("*.json"))
    monkeypatch.setenv("METHODKIT_CACHE", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "off"))
    load(root)
    assert not (tmp_path / "off").exists()


def test_serve_keeps_the_cache_in_memory_and_leaves_the_file_alone(tmp_path, monkeypatch):
    root, folder = _root(tmp_path, monkeypatch)
    load(root)
    on_disk = _cache_file(folder).read_bytes()
    replace_in(
        root / ALPHA, "Alfatekst in het Nederlands.", "Alfatekst, bewerkt tijdens het serveren."
    )
    first, problems = load(root, in_memory=True)
    assert (
        problems == []
        and "bewerkt tijdens het serveren" in first.items["module"]["alpha-module"].body
    )
    assert _cache_file(folder).read_bytes() == on_disk  # no 10 MB write per edit
    # The next in-memory load takes alpha from memory: a forged disk entry is not even read.
    stored = json.loads(on_disk)
    for entry in stored["entries"].values():
        entry["body"] = "FROM THE FILE"
    _cache_file(folder).write_text(json.dumps(stored), "utf-8")
    again, _ = load(root, in_memory=True)
    assert "bewerkt tijdens het serveren" in again.items["module"]["alpha-module"].body
    assert "FROM THE FILE" not in {i.body for i in again.all_items()}


# A fresh process (no other thread, so free to fork) loads a site with `helpers`, notes the process
# of each helper that ran, and prints what it found, and every load that checked files itself.
_LOAD = """
import json, os, sys
from pathlib import Path
import methodkit.loading.loader as loader

root, marks, helpers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])

def recorded(args, _check=loader._check_share):
    (marks / f"helper-{os.getpid()}").touch()
    return _check(args)

loader._check_share = recorded
content, problems = loader.load(root, helpers=helpers)
print(json.dumps({
    "problems": [p.text() for p in problems],
    "items": {
        k: {i: [it.body, it.meta, sorted(it.translations)] for i, it in v.items()}
        for k, v in content.items.items()
    },
}, default=str, sort_keys=True))
"""


def _cold_load(root: Path, tmp_path: Path, helpers: int) -> tuple[dict, list[str], dict]:
    marks, cache = tmp_path / f"marks-{helpers}", tmp_path / f"cache-{helpers}"
    marks.mkdir()
    proc = subprocess.run(
        [str(BIN / "python"), "-c", _LOAD, str(root), str(marks), str(helpers)],
        env={**os.environ, "METHODKIT_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    entries = json.loads(_cache_file(cache).read_text("utf-8"))["entries"]
    return json.loads(proc.stdout), sorted(p.name for p in marks.iterdir()), entries


def test_a_cold_check_shared_among_helpers_finds_what_one_process_finds(tmp_path):
    root = assemble(tmp_path / "root", docs=False)
    replace_in(root / ALPHA, "## Stappen", "<script>alert(1)</script>\n\n## Stappen")
    replace_in(root / "methodology/modules/beta-module.md", "\nid: beta-module", "\nid: beta")
    shared, helpers, shared_cache = _cold_load(root, tmp_path, 2)
    alone, none, alone_cache = _cold_load(root, tmp_path, 0)
    assert len(helpers) == 2 and none == []  # two other processes checked, then this one
    assert shared == alone  # the same items, translations and problems, each said once
    assert [p for p in shared["problems"] if p.startswith(ALPHA) and "<script>" in p]
    assert [p for p in shared["problems"] if "beta-module.md" in p and ": id:" in p]
    # What passed is kept alike; what has a problem is kept by neither.
    assert shared_cache == alone_cache
    assert not [e for e in shared_cache.values() if "<script>" in e.get("body", "")]
