"""The offline copy: the whole site, every language and its PDFs, in one zip for rooms offline.

Unzipped and opened from the file system (file://), it works as online:
`methodkit/mkdocs_adapter/theme/assets/methodkit/offline.js` completes folder addresses with
index.html and runs Material's search worker in a frame (a browser starts no
Web Worker from a file:// page). Material itself reads the search index from
`search/search_index.js` on file:// (a fetch of the JSON fails there); this
module writes that file for each language, as Material's offline plugin does,
without the plugin's other change (it loads a shim from a third-party host).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from methodkit.model.languages import Languages

OFFLINE_ZIP = "downloads/offline.zip"
# Written into the zip only: the published site keeps fetching the JSON.
INDEX_SCRIPT = "search/search_index.js"


def _index_scripts(site: Path, languages) -> dict[str, bytes]:
    """Zip path -> `var __index = …` for the search index of every language."""
    out = {}
    for lang in languages:
        prefix = Languages(tuple(languages)).prefix(lang)
        index = site / prefix / "search" / "search_index.json"
        if index.is_file():
            data = json.loads(index.read_text("utf-8"))
            out[prefix + INDEX_SCRIPT] = (
                "var __index = " + json.dumps(data, ensure_ascii=False)
            ).encode("utf-8")
    return out


def write_offline_zip(site: Path, languages, folder: str = "offline") -> Path:
    """Write `downloads/offline.zip` into the built `site`: one folder, opened at its index.html."""
    target = site / OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    scripts = _index_scripts(site, languages)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_file() and path != target and path != partial:
                # PDFs and images are compressed already.
                kind = (
                    zipfile.ZIP_STORED
                    if path.suffix in (".pdf", ".png", ".jpg", ".webp", ".zip")
                    else None
                )
                zf.write(path, f"{folder}/{rel}", compress_type=kind)
        for rel, data in scripts.items():
            zf.writestr(f"{folder}/{rel}", data)
    os.replace(partial, target)
    return target
