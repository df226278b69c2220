"""The check cache: clean files are not checked twice, and nothing can slip past a check through it."""

from __future__ import annotations

import json
from pathlib import Path

from methodkit.loading.loader import load
from sitekit import assemble, replace_in

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
    # Change what the cache says about alpha: the next load believes it, so it did not read the file again.
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
