"""Language variants of the site's own pages in a build for one language.

Each page keeps the address of its source and reads the translation when there
is one; the other variants leave the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from methodkit.loading.docs import is_draft, page_hash, recorded_hash, split_suffix


class DocsTranslations:
    def __init__(self, files: Files, config, source: str, lang: str, languages, serving: bool = False):
        self.source, self.lang = source, lang
        self.state: dict[str, str | None] = {}  # src_uri -> notice
        variants: dict[str, dict[str, File]] = {}
        for f in list(files):
            if not f.src_uri.endswith(".md"):
                continue
            base, flang = split_suffix(f.src_uri, languages)
            variants.setdefault(base, {})[flang or source] = f
            if flang:
                files.remove(f)
        if lang == source:
            return
        for base, by_lang in variants.items():
            src = by_lang.get(source)
            if src is None:
                continue
            tr = by_lang.get(lang)
            if tr is None or (is_draft(Path(tr.abs_src_path)) and not serving):
                self.state[base] = "fallback"
                continue
            files.remove(src)
            files.append(File.generated(config, base, abs_src_path=tr.abs_src_path))
            if recorded_hash(Path(tr.abs_src_path)) != page_hash(Path(src.abs_src_path)):
                self.state[base] = "outdated"

    def notice(self, page) -> str | None:
        return self.state.get(page.file.src_uri)
