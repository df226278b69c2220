"""The site's plan written out as plain files, for a generator that runs no plugins.

Each language gets a folder with the pages the engine plans (Markdown with the
title, description, template, the language the text is in, and in `mk` what the
page shows from the catalogue: an item's card, sections, links, notice and
metadata, a term's items; as body, an item's Markdown, a participant version's worksheets
as HTML, a term's items as a list) and the images beside items, with the site's own pages
of docs/ as that language shows them (`plain_site_pages.py`); `interface.json` holds the
interface's words the views name by key, `plan.json` lists the pages and images. Beside
them, the outputs a build writes from the catalogue (feeds, the planner's data, and in the
source language's folder catalog.json and the sources zip) and each language's sitemap:
everything but the PDFs, which are printed from the built HTML. Nothing here knows MkDocs:
this is the second adapter the engine's plan allows.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

import yaml

from methodkit.catalogue.catalogue import Catalogue
from methodkit.loading.config import markdown_extensions, site_markdown
from methodkit.loading.loader import Content
from methodkit.model.languages import Languages
from methodkit.model.site_pages import url_of
from methodkit.pages import plan
from methodkit.pages.handouts import only_written_tags, participant_html, relative_urls
from methodkit.pages.item_page import item_page
from methodkit.pages.views import facet_view
from methodkit.publishing.branding import brand_of
from methodkit.publishing.exports import content_date
from methodkit.publishing.outputs import write_outputs
from methodkit.publishing.plain_site_pages import write_site_pages
from methodkit.publishing.sitemap import write_sitemap


def write_plain(
    content: Content,
    out: Path,
    *,
    root: Path,
    site_url: str,
    site_name: str,
    extra: dict,
    docs_dir: str = "docs",
    macro_pages=(),
) -> list[Path]:
    """Write every language's planned pages, site pages and outputs under out/<lang>/; returns
    every file written. `extra`: mkdocs.yml's; BrandingError when its `publisher` cannot be
    used."""
    written = []
    date = content_date(root)
    manifest = {}
    addresses = None  # of the first language's site, which every language has: for the sitemaps
    languages = Languages(tuple(content.languages))
    extensions = markdown_extensions(root)
    for lang in content.languages:
        cat = Catalogue(content, lang)
        folder = out / lang
        brand = brand_of(dict(extra.get("publisher") or {}), site_name, lang)
        pages = plan.pages(cat, cat.t["handout.label"])
        addresses = addresses or plan.addresses(cat, pages)
        src_of = {p.url: p.src for p in pages}
        for page in pages:
            mk = _view(cat, page, site_url, languages, brand)
            meta = {
                "title": page.title,
                "description": page.description,
                "template": page.template,
                # the language its text is in: the source's, where a translation is missing
                "lang": page.item.lang if mk.get("notice") == "fallback" else lang,
                "methodkit": {
                    "kind": page.kind,
                    "item": f"{page.item.kind}/{page.item.id}" if page.item else None,
                    "term": f"{page.vocabulary}/{page.term}" if page.term else None,
                },
                "mk": mk,
            }
            target = folder / page.src
            target.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            body = (
                _handout_html(cat, page, extensions)
                if page.kind == "handout"
                else _facet_markdown(mk["facet"], page.src, src_of, cat.t["facet.none"])
                if page.kind == "facet"
                else page.markdown
            )
            target.write_text(f"---\n{front}---\n{body}", "utf-8")
            written.append(target)
        media = plan.media(cat)
        for medium in media:
            target = folder / medium.src
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(medium.path, target)
            written.append(target)
        # The interface's words, which the views name by key (mk.t in the engine's templates).
        words = folder / "interface.json"
        words.write_text(json.dumps(cat.t, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
        written.append(words)
        site_pages, files = write_site_pages(
            cat,
            folder,
            root=root,
            docs_dir=docs_dir,
            macro_pages=macro_pages,
            site={
                "site_url": site_url + languages.prefix(lang),
                "base_url": site_url,
                "brand": brand,
                "extra": extra,
                "date": date,
            },
        )
        written += files
        before = set(folder.rglob("*"))
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
        written += sorted(p for p in set(folder.rglob("*")) - before if p.is_file())
        manifest[lang] = {
            "prefix": languages.prefix(lang),
            "pages": [
                {"src": p.src, "url": p.url, "kind": p.kind, "template": p.template} for p in pages
            ],
            "media": [m.src for m in media],
            "site_pages": [
                {"src": p.src, "url": p.url, "notice": p.notice, "calls_left": p.calls_left}
                for p in site_pages
            ],
        }
    write_sitemap(out, site_url, languages, addresses, folder_of=lambda lang: lang)
    written += [out / lang / "sitemap.xml" for lang in languages.codes]
    (out / "plan.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return [*written, out / "plan.json"]


def _view(cat: Catalogue, page, site_url: str, languages: Languages, brand: dict) -> dict:
    """What the page shows from the catalogue (the part of the engine templates' `mk` that is not
    the page around it), as plain data."""
    if page.kind == "facet":
        view = {"facet": facet_view(cat, page.vocabulary, page.term)}
    else:
        view = item_page(
            cat,
            page.item,
            handout=page.kind == "handout",
            pdf=False,
            url=site_url + languages.site_path(page.url, cat.lang),
            source_url=site_url + page.url,
            site_name=brand["site_name"],
            base_url=site_url,
            brand=brand,
            languages=list(languages.codes),
        )
    # Dates, tuples and marked-up strings as JSON has them.
    return json.loads(json.dumps(view, default=str))


def _handout_html(cat: Catalogue, page, extensions: tuple) -> str:
    """A participant version's body, which has no Markdown of its own: its item's worksheets as
    the site's Markdown renders them, as HTML (the site's participant version shows the same)."""
    markdown = cat.body(page.item)
    rendered = site_markdown(extensions).reset().convert(markdown)
    sheets = participant_html(rendered, markup_free=only_written_tags(markdown), folder="")
    # Markdown wrote the addresses as the item's file names them; the site's are of pages.
    html = relative_urls(sheets, lambda url: _from_page(url, page))
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"  # one HTML block


def _facet_markdown(facet: dict, src: str, src_of: dict, none: str) -> str:
    """A term's page as Markdown: its description and its items by type, each linked to its page's
    file, so that a generator's own page template shows them (the engine's `facet.html` lays them
    out from `mk.facet` and prints no body)."""
    lines = [_text(facet["description"] or ""), ""]
    for group in facet["groups"]:
        lines += [f"## {_text(group['title'])}", ""]
        for x in group["items"]:
            target = posixpath.relpath(src_of.get(x["url"], x["url"]), posixpath.dirname(src))
            lines.append(f"- [{_text(x['text'])}]({target}): {_text(x['summary'] or '')}")
        lines += [] if group["items"] else [_text(none)]
        lines.append("")
    return "\n".join(lines)


def _text(value: str) -> str:
    """Text as Markdown reads it as text, in CommonMark and Python-Markdown alike: `&` and `<` as
    entities, emphasis, code and link brackets escaped with a backslash."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(value, quote=False))


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]])")


def _from_page(url: str, page) -> str:
    """An address written in the item's Markdown (`../sessions/x.md#a`, `pic/a.png`) as the
    participant version's page reaches it in the built site: a page's file as its folder address,
    relative to the participant version's own."""
    path, hash_, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.item.url.rstrip("/")), path))
    if target.endswith(".md"):
        target = url_of(target)
    relative = posixpath.relpath(target, page.url) + ("/" if target.endswith("/") else "")
    return relative + hash_ + fragment
