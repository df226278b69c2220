"""The site's plan written out as plain files, for a generator that runs no plugins.

Each language gets a folder with the pages the engine plans (Markdown with the
title, description and template in front matter) and the images beside items,
ready to sit beside the site's own docs/ pages; `plan.json` lists them. Beside them,
the outputs a build writes from the catalogue (feeds, the planner's data, and in the
source language's folder catalog.json and the sources zip): everything but the PDFs,
which are printed from the built HTML. Nothing here knows MkDocs: this is the second
adapter the engine's plan allows.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from methodkit.catalogue.catalogue import Catalogue
from methodkit.loading.loader import Content
from methodkit.model.languages import Languages
from methodkit.pages import plan
from methodkit.publishing.branding import brand_of
from methodkit.publishing.outputs import write_outputs


def write_plain(
    content: Content, out: Path, *, root: Path, site_url: str, site_name: str, publisher: dict
) -> list[Path]:
    """Write every language's planned pages and outputs under out/<lang>/; returns the pages
    and media written. BrandingError when `publisher` (extra.publisher) cannot be used."""
    written = []
    manifest = {}
    languages = Languages(tuple(content.languages))
    for lang in content.languages:
        cat = Catalogue(content, lang)
        folder = out / lang
        pages = plan.pages(cat, cat.t["handout.label"])
        for page in pages:
            meta = {
                "title": page.title,
                "description": page.description,
                "template": page.template,
                "methodkit": {
                    "kind": page.kind,
                    "item": f"{page.item.kind}/{page.item.id}" if page.item else None,
                    "term": f"{page.vocabulary}/{page.term}" if page.term else None,
                },
            }
            target = folder / page.src
            target.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            target.write_text(f"---\n{front}---\n{page.markdown}", "utf-8")
            written.append(target)
        for medium in plan.media(cat):
            target = folder / medium.src
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(medium.path, target)
            written.append(target)
        brand = brand_of(publisher, site_name, lang)
        write_outputs(
            cat,
            folder,
            root=root,
            site_url=site_url + languages.prefix(lang),
            base_url=site_url,
            site_name=brand["site_name"],
            brand=brand,
            source_lang=languages.first,
        )
        manifest[lang] = {
            "prefix": languages.prefix(lang),
            "pages": [
                {"src": p.src, "url": p.url, "kind": p.kind, "template": p.template} for p in pages
            ],
        }
    (out / "plan.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return written
