"""Everything a language's build writes beside its pages, from the catalogue alone.

The MkDocs adapter calls this after a language's pages are written; `methodkit plan
--out` calls it for a generator without plugins. Feeds, the planner's data, the
catalogue, the sources zip and (when asked, from the built HTML) the PDFs.
"""

from __future__ import annotations

from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.publishing.changelog import write_changes_feed
from methodkit.publishing.exports import content_version, write_catalog, write_sources_zip
from methodkit.publishing.feeds import write_feed
from methodkit.publishing.planner import write_plan_data


def write_outputs(
    cat: Catalogue,
    site_dir: Path,
    *,
    root: Path,
    site_url: str,
    base_url: str,
    site_name: str,
    brand: dict,
    source_lang: str,
    pdf: bool = False,
) -> None:
    """`site_url`: this language's address (the source language's, followed by `<lang>/`);
    `base_url`: the site's address, where the language-independent exports point."""
    write_feed(cat, site_dir, site_url, site_name)
    write_changes_feed(cat, site_dir, site_url, site_name)
    write_plan_data(cat, site_dir)
    if cat.lang == source_lang:  # language-independent exports, once per site
        write_catalog(cat, site_dir, base_url, site_name, content_version(root))
        write_sources_zip(
            cat.content,
            site_dir,
            brand,
            [n for src in cat.content.defaults.get("based_on", []) for n in src["by"]],
            base_url,
            cat.unpublished(),
        )
    if pdf:  # read the built HTML, so only after the pages are written
        from methodkit.publishing.pdf import write_pdfs

        write_pdfs(cat, site_dir, site_url, site_name, brand)
