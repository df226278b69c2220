"""Language variants of the site's own pages in a build for one language.

Each page keeps the address of its source and reads the translation when there
is one; the other variants leave the build. A page is written in its own `lang:`
(by default the site's first language), and translations are relative to it. What each page
is and records comes from the content model (`Content.site_pages`); MkDocs' files only say where.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from methodkit.loading.docs import SUFFIX, split_suffix
from methodkit.model.site_pages import SitePage


class DocsTranslations:
    def __init__(
        self,
        files: Files,
        config,
        pages: dict[str, SitePage],
        lang: str,
        languages,
        serving: bool = False,
    ):
        source = languages[0]
        self.source, self.lang = source, lang
        self.state: dict[str, str | None] = {}  # src_uri -> notice
        self.written: dict[str, str] = {}  # src_uri -> the language the page is written in
        self.ignored: list[str] = []  # translations in a language the site does not list
        variants: dict[str, dict[str, File]] = {}
        for f in list(files):
            if not f.src_uri.endswith(".md"):
                continue
            m = SUFFIX.match(f.src_uri)
            if m and m.group("lang") not in languages:
                files.remove(f)
                self.ignored.append(f.src_uri)
                continue
            base, flang = split_suffix(f.src_uri, languages)
            if flang:
                files.remove(f)
                variants.setdefault(base, {})[flang] = f
            else:
                known = pages.get(base)
                self.written[base] = known.lang if known else source
                variants.setdefault(base, {})[self.written[base]] = f
        for base, by_lang in variants.items():
            written = self.written.get(base)
            if written is None or written == lang:
                continue  # a translation without a source page, or the page in its own language
            src, tr = by_lang[written], by_lang.get(lang)
            page = pages.get(base)  # none only when the content could not be loaded at all
            notice = page.shown_in(lang, serving)[1] if page and tr else "fallback"
            if notice == "fallback":
                self.state[base] = "fallback"
                continue
            files.remove(src)
            files.append(File.generated(config, base, abs_src_path=tr.abs_src_path))
            if notice == "outdated":
                self.state[base] = "outdated"

    def notice(self, page) -> str | None:
        return self.state.get(page.file.src_uri)

    def source_lang(self, page) -> str:
        return self.written.get(page.file.src_uri, self.source)
