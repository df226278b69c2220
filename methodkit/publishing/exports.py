"""Exports written once per site, by the source language's build: catalog.json and a zip of the
sources.

Both are reproducible: no clock time goes in (the zip's entries carry a fixed
date), so the same commit gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from pathlib import Path

from methodkit import __version__
from methodkit.catalogue.catalogue import Catalogue
from methodkit.loading.files import read_regular
from methodkit.loading.loader import Content, current_hash
from methodkit.loading.schema import references
from methodkit.model.languages import Languages
from methodkit.model.licences import LICENCES
from methodkit.model.translations import translation_state
from methodkit.publishing.attribution import attribution_text

CATALOG = "catalog.json"
CATALOG_SCHEMA = Path(__file__).parent / "catalog.schema.json"
SOURCES_ZIP = "downloads/methodology-sources.zip"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def content_version(root: Path) -> str:
    """The commit the site was built from, or the tool's version outside git."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10
        )
        if out.returncode == 0:
            return out.stdout.strip()
    except OSError:
        pass
    return f"methodkit-{__version__}"


def content_date(root: Path) -> str:
    """The day the content was last committed (YYYY-MM-DD), or today outside git: the date a PDF
    carries."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except OSError:
        pass
    return dt.date.today().isoformat()


_GONE = object()


def _published(cat: Catalogue, schema: dict, value):
    """`value` without its references to items this build leaves out (drafts)."""
    if isinstance(value, dict) and "properties" in schema:
        out = {k: _published(cat, schema["properties"].get(k, {}), v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not _GONE}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [v for v in (_published(cat, schema["items"], v) for v in value) if v is not _GONE]
    if (
        isinstance(value, str)
        and "x-reference" in schema
        and cat.get(cat.content.type_of_folder(schema["x-reference"]), value) is None
    ):
        return _GONE
    return value


def catalog(cat: Catalogue, base_url: str, site_name: str, version: str) -> dict:
    content = cat.content
    source = content.source_lang
    items, languages = [], Languages(tuple(content.languages))
    for kind in content.types:
        schema = content.schemas.raw[kind]
        translatable = set(content.schemas.translatable(kind))
        for item in cat.items[kind]:
            now = current_hash(content, item)
            langs = {}
            for lang in content.languages:
                tr = item.translations.get(lang)
                state = translation_state(item.lang, lang, tr, now)
                text = item.meta if state in ("source", "missing") else {**item.meta, **tr.meta}
                langs[lang] = {
                    "url": languages.absolute(base_url, item.url, lang),
                    "status": state,
                    "title": text["title"],
                    "summary": text.get("summary", ""),
                }
            lic = LICENCES[item.meta["license"]]
            published = _published(cat, schema, item.meta)
            metadata = {
                k: v
                for k, v in published.items()
                if k in schema["properties"]
                and k not in translatable
                and k not in ("id", "license", "authors", "adapted_from", "draft")
            }
            items.append(
                {
                    "type": kind,
                    "id": item.id,
                    "version": now,
                    "license": {"id": lic.id, "name": lic.name, "url": lic.url},
                    "authors": item.meta.get("authors", []),
                    "adapted_from": item.meta.get("adapted_from"),
                    "metadata": metadata,
                    "references": sorted(
                        {
                            f"{target}:{value}"
                            for _, _, target, value in references(schema, published)
                        }
                    ),
                    "languages": langs,
                }
            )
    vocabularies = {
        name: [{"id": t.id, "labels": t.labels} for t in terms.values()]
        for name, terms in content.vocabularies.items()
    }
    return {
        "$schema": "catalog.schema.json",
        "name": site_name,
        "version": version,
        "generator": f"methodkit {__version__}",
        "source_language": source,
        "languages": list(content.languages),
        "url": base_url,
        "items": items,
        "vocabularies": vocabularies,
    }


def write_catalog(
    cat: Catalogue, site_dir: Path, base_url: str, site_name: str, version: str
) -> None:
    data = catalog(cat, base_url, site_name, version)
    (site_dir / CATALOG).write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", "utf-8"
    )
    # The schema as this site's catalogue follows it: its own item types, which are data.
    schema = json.loads(CATALOG_SCHEMA.read_text("utf-8"))
    schema["properties"]["items"]["items"]["properties"]["type"]["enum"] = [
        t.name for t in cat.types.all
    ]
    (site_dir / CATALOG_SCHEMA.name).write_text(
        json.dumps(schema, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )


def write_sources_zip(
    content: Content,
    site_dir: Path,
    brand: dict,
    after: list[str],
    base_url: str,
    leave_out: set[str] = frozenset(),
) -> None:
    """The methodology's sources (Markdown, YAML, schemas), its licence and an attribution file.

    The files are the model's (`content.files`: what the loader found to be content, never a link,
    a CSV or notes); `leave_out`: files (from the root) the site does not publish, such as drafts.
    """
    root = content.root
    target = site_dir / SOURCES_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    inside = content.content_dir.relative_to(root)
    entries = [
        (root / rel, "methodology/" + Path(rel).relative_to(inside).as_posix())
        for rel in sorted(content.files)
        if rel not in leave_out
    ]
    licence = root / "LICENSES" / "CC-BY-SA-4.0.txt"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:

        def add(name: str, data: bytes):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

        text = attribution_text(
            brand["site_name"], brand["name"], after, brand["based_on"], base_url
        )
        add("ATTRIBUTION.md", text.encode("utf-8"))
        if licence.exists():
            add("LICENSES/CC-BY-SA-4.0.txt", licence.read_bytes())
        for path, name in entries:
            add(name, read_regular(path))
