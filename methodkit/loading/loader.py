"""Load everything under methodology/ into validated items, collecting every problem.

Data flows one way: files -> this loader -> Content -> one Catalogue per build.
An item with any problem is reported and left out of Content, so a build never
renders half-valid data; `mkdocs serve` keeps showing the rest.
"""

from __future__ import annotations

import difflib
import json
import os
import posixpath
import re
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from methodkit.checks.addresses import Addresses, file_of
from methodkit.checks.images import raster_problems
from methodkit.checks.lines import line_of
from methodkit.checks.placeholders import placeholder_problems
from methodkit.checks.policy import (
    html_problems,
    page_references,
    personal_data_problems,
    template_problems,
    text_field_problems,
)
from methodkit.checks.problems import Message, Problem, say, word
from methodkit.checks.site_pages import macro_names, site_page_problems
from methodkit.checks.svg import svg_problems
from methodkit.checks.terms import TermList, list_problems, rules_from
from methodkit.checks.timings import HALF_DAY_MINUTES, step_problems, trajectory_problems
from methodkit.checks.untranslated import copied, source_paragraphs
from methodkit.i18n import is_language
from methodkit.loading.cache import CheckCache
from methodkit.loading.config import markdown_extensions, site_settings
from methodkit.loading.docs import site_pages
from methodkit.loading.files import IMAGE_SUFFIXES, not_regular, reached_without_links, walk
from methodkit.loading.locales import FOLDER as LOCALES
from methodkit.loading.locales import load_locales
from methodkit.loading.schema import (
    SchemaFileError,
    Schemas,
    misspelt_keywords,
    references,
    unknown_fields,
)
from methodkit.loading.schema import _to_problem as schema_problem
from methodkit.loading.source import (
    Document,
    SourceFile,
    decode_text,
    parse_yaml,
    read_bytes,
    read_text,
    split_front_matter,
)
from methodkit.loading.types import TYPES_FILE, load_types, shape_problems
from methodkit.loading.workers import can_fork, forked_pool
from methodkit.model.items import Item, Step, Term, Trajectory, Translation
from methodkit.model.licences import LICENCES, Licence, adaptation_problem
from methodkit.model.site_pages import PageTranslation, SitePage
from methodkit.model.translations import source_hash
from methodkit.model.types import HANDOUT_SLUG, Types

PUBLIC_CONTACT_FIELD = "contact"
# A key of a JSON object, as written: a string followed by a colon.
_JSON_KEY = re.compile(r'("(?:[^"\\\n]|\\.)*")\s*:')
DEFAULT_FIELDS = (
    "license",
    "authors",
    "based_on",
    "provenance",
    "lang",
)  # what methodology/defaults.yml may set
# An id names the item's folder in the site and its PDFs (`<id>-participant-nl.pdf`): a file
# system takes names of 255 bytes at most, whatever the site's schema allows.
MAX_ID = 100
# The hint fits the type: only one whose schema has a contact field may send anyone there.
PRIVACY_HINTS = {
    False: say("privacy.no_contact.hint"),
    True: say("privacy.contact.hint"),
}


@dataclass
class Content:
    root: Path
    content_dir: Path
    languages: tuple[str, ...]
    types: Types
    schemas: Schemas
    defaults: dict = field(default_factory=dict)
    items: dict[str, dict[str, Item]] = field(default_factory=dict)
    vocabularies: dict[str, dict[str, Term]] = field(default_factory=dict)
    trajectory: Trajectory | None = None
    # images in the item folders (path from the root -> size and modification time): the build
    # copies them
    media: dict[str, tuple[int, int]] = field(default_factory=dict)
    # translation files of languages the site does not list: left out, reported once as a note
    ignored: list[str] = field(default_factory=list)
    # the site's own pages in docs/, by their path there
    site_pages: dict[str, SitePage] = field(default_factory=dict)
    # translations in docs/ whose source page is missing: not published, still checked
    stray_pages: list[PageTranslation] = field(default_factory=list)
    # what a vocabulary's file calls it, per language: {one: ..., many: ...}
    vocabulary_names: dict[str, dict] = field(default_factory=dict)
    # every content file in methodology/ (paths from the root), what the sources zip carries
    files: list[str] = field(default_factory=list)
    # the site's own interface text, per language, over the engine's (methodology/locales/)
    interface: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def source_lang(self) -> str:
        return self.languages[0]

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def all_items(self):
        for kind in self.types:
            yield from self.items[kind].values()

    def type_of_folder(self, folder: str) -> str | None:
        """The type whose items an `x-reference: FOLDER` names (None: no type has that folder)."""
        itype = self.types.by_folder(folder)
        return itype.name if itype else None


class _Loader:
    def __init__(
        self,
        root: Path,
        content_dir: str,
        languages,
        config_file: str | None,
        in_memory: bool = False,
    ):
        self.problems: list[Problem] = []
        self.where = (root, content_dir, tuple(languages), config_file)  # for share_check's helpers
        cdir = root / content_dir
        # A content folder replaced by a link to elsewhere: said, and nothing read through it.
        linked = [
            folder
            for folder in (content_dir, site_settings(root, config_file).docs_dir)
            if os.path.lexists(root / folder) and not reached_without_links(root / folder, root)
        ]
        self.problems += [not_regular(root / folder, folder) for folder in linked]
        types = Types() if linked else load_types(cdir / "schemas", root, self.problems)
        try:
            schemas = None if linked else Schemas(cdir / "schemas", types)
        except SchemaFileError as exc:
            schemas = None
            self.problems.append(
                Problem(exc.rel, exc.line, "file", exc.message, say("schema.file.hint"))
            )
        if schemas is not None:
            rel = (cdir / "schemas" / TYPES_FILE).relative_to(root).as_posix()
            self.problems += shape_problems(types, schemas, rel)
        self.content = Content(root, cdir, tuple(languages), types, schemas)
        self.content.items = {k: {} for k in types}
        self.known: dict[str, set[str]] = {k: set() for k in types}  # ids that exist, valid or not
        self.pending: list[tuple[Path, str, str, str]] = []  # translations: path, kind, id, lang
        # items left out for a problem: (kind, front matter, document, path, id), so that a run
        # reports their unknown terms and ids too, not only after the first problem is mended
        self.rejected: list[tuple] = []
        # (type, id, file, parsed file, whether a translation) of an item or translation left out
        # for problems of its own, whose body was read: its links and its steps' minutes are
        # checked all the same (check_links, check_timings), so one run says them too.
        self.set_aside: list[tuple[str, str, str, SourceFile, bool]] = []
        # what each clean body uses of the repository (file -> images, links), for the checks across
        # files
        self.refs: dict[str, tuple[list, list]] = {}
        self.extensions = markdown_extensions(
            root, config_file
        )  # bodies are checked as the site renders them
        self.settings = site_settings(root, config_file)
        # (k, n): this loader is the k-th of n helpers of a shared check, and checks its share of
        # the files only (share_check); None: it checks every file.
        self.share: tuple[int, int] | None = None
        self.cache = CheckCache(
            root, None if linked else cdir / "schemas", self.extensions, in_memory
        )
        self._addresses: Addresses | None = None  # built once, for the checks across files
        self.term_lists: dict[
            str, TermList
        ] = {}  # language -> its preferred terms and their variants

    # -- helpers ---------------------------------------------------------
    def report(self, problems):
        self.problems.extend(problems)
        return not problems

    def yaml_file(self, path: Path, schema: str):
        rel = self.content.rel(path)
        before = len(self.problems)
        text = read_text(path, rel, self.problems)
        if text is None:
            return None, None, rel
        self.report(template_problems(text, rel))
        doc = parse_yaml(text, rel, self.problems, what="file")
        if doc is None:
            return None, None, rel
        if (
            not self.report(self.content.schemas.check(schema, doc.data, doc, rel))
            or len(self.problems) > before
        ):
            return None, doc, rel
        return doc.data, doc, rel

    # -- the parts -------------------------------------------------------
    def load(self):
        c = self.content
        # Nothing can be checked without the schemas or the declarations (a types.yml that does not
        # read): that one problem, rather than every file named as not content after it.
        if c.schemas is None or not c.types.named:
            return c, self.problems
        self.load_defaults()
        self.load_term_lists()
        c.interface = load_locales(c.content_dir, c.root, c.languages, self.problems)
        for vocab in sorted((c.content_dir / "vocabularies").glob("*.yml")):
            self.load_vocabulary(vocab)
        self.check_schema_keywords()
        self.check_vocabularies_named()
        for itype in c.types.all:
            for path in walk(c.content_dir / itype.folder, c.root, self.problems):
                self.load_item_file(path, itype.name)
        self.check_other_files()
        for args in self.pending:
            self.load_translation(*args)
        if self.share is not None:
            # A helper of a shared check: the entries of its files are all it gives, the site's
            # own pages among them for the first helper; the checks across files are the loader's.
            if self.share[0] == 0:
                self.check_site_pages()
            return c, self.problems
        self.load_trajectory()
        c.site_pages, ignored, c.stray_pages = site_pages(
            c.root, self.settings.docs_dir, c.languages
        )
        # Site pages in a language the site does not list leave the build too: noted with the
        # items'.
        c.ignored += ignored
        self.check_references()
        self.check_images()
        self.check_links()
        self.check_timings()
        self.check_untranslated()
        self.check_site_page_terms()
        self.check_site_pages()
        self.check_site_page_references()
        self.check_site_page_addresses()
        self.cache.save()
        return c, sorted(set(self.problems))

    def check_site_pages(self) -> None:
        """The site's own pages: a translation of one comes in by pull request too."""
        macros = macro_names(self.content.root, self.settings.macros_modules)
        self.report(
            site_page_problems(
                self.content.root,
                self.settings.docs_dir,
                macros,
                self.extensions,
                self.cache,
                self.settings.macro_pages,
                self.content.languages,
                self.settings.page_templates,
                self.content.types.named,
                self.settings.templates_not_found(self.content.root),
                self.settings.theme_dir,
                self.settings.theme_folders(self.content.root) or (),
            )
        )

    def check_site_page_references(self) -> None:
        """An image a site page (or a translation of one) shows, or a page it links to, must be in
        the built site, as a strict build requires: said here, at its line, before MkDocs stops
        the build on it. An image under assets/ may be one of the theme's files."""
        c = self.content
        addresses = self.addresses()
        faulty = {p.path for p in self.problems}  # said already; their text may be anything
        for page in c.site_pages.values():
            folder = posixpath.dirname(page.src)
            for known in [page, *page.translations.values()]:
                rel = known.path
                if rel in faulty or known.body is None:
                    continue  # said by the page's own checks
                found, links = page_references(known.body, known.body_line)
                for url, line, markdown in found:
                    target = posixpath.normpath(posixpath.join(folder, file_of(url)))
                    if target.startswith("assets/") and self.settings.in_theme(c.root, target):
                        continue  # a file of the theme
                    if target not in addresses.files:
                        where = posixpath.join(self.settings.docs_dir, folder).rstrip("/")
                        problem = (
                            say("image.missing", url=url[:40]),
                            (
                                addresses.file_hint(target, folder)
                                or say("page.image_missing.hint", folder=where)
                            ),
                        )
                    elif not markdown:
                        problem = say("image.html", url=url[:40]), say("image.html.hint")
                    else:
                        continue
                    self.problems.append(Problem(rel, line, "body", *problem))
                for url, line, markdown in links:
                    problem = addresses.link_problem(url, markdown, folder, page.url)
                    if problem is not None:
                        self.problems.append(Problem(rel, line, "body", *problem))

    def check_site_page_addresses(self) -> None:
        """A site page must not sit where the site puts a page of its own: the participant
        version of an item (`modules/<id>/handout/`) or the page of a term (`phases/<id>/`)."""
        c = self.content
        taken = {
            f"{c.types[kind].page_url(item_id)}{HANDOUT_SLUG}"
            for kind, ids in self.known.items()
            if c.types[kind].has_handout
            for item_id in ids
        } | {src.removesuffix(".md") for src in self.term_pages()}
        for page in c.site_pages.values():
            if page.url.rstrip("/") in taken:
                self.problems.append(
                    Problem(page.path, 1, "file", say("page.reserved"), say("page.reserved.hint"))
                )

    def share_check(self, helpers: int) -> None:
        """A cold check (nothing in the cache: a fresh machine, a new version of the engine) shared
        among forked helpers, each checking its share of the files as this loader would. What passed
        comes back as cache entries, so the load that follows only reads: the per-file checks are
        most of a cold check's time, and they need no other file. The checks across files, and every
        problem, are still this loader's own."""
        if helpers < 2 or self.cache.old or not can_fork():
            return
        shares = [(*self.where, (k, helpers)) for k in range(helpers)]
        try:
            with forked_pool(helpers) as pool:
                found = list(pool.map(_check_share, shares))
        except Exception:  # noqa: BLE001 - a helper that failed or was killed: everything is checked here
            return
        for entries in found:
            self.cache.take(entries)

    def check_other_files(self):
        """The content files, listed for the sources zip. Outside the item folders, methodology/
        holds YAML and the schemas: a CSV or notes there would be published in the zip, so they are
        named instead."""
        c = self.content
        folders = {t.folder for t in c.types.all}
        for path in walk(c.content_dir, c.root, []):
            rel = c.content_dir.relative_to(c.root) / path.relative_to(c.content_dir)
            if is_content_file(path.relative_to(c.content_dir), folders):
                c.files.append(rel.as_posix())
            elif path.relative_to(c.content_dir).parts[0] in c.types.unread_folders:
                continue  # its type's declaration has a mistake, reported in types.yml
            else:
                self.problems.append(
                    Problem(
                        rel.as_posix(),
                        1,
                        "file",
                        say("content.not_content"),
                        say("content.not_content.hint", folders=", ".join(sorted(folders))),
                    )
                )

    def check_schema_keywords(self) -> None:
        """A keyword of ours written wrong in a schema is said at its line."""
        c = self.content
        for name, schema in sorted(c.schemas.raw.items()):
            path = c.schemas.folder / f"{name}.schema.json"
            misspelt = misspelt_keywords(schema)
            if not misspelt:
                continue
            # Where each key first stands, in one pass: one search per key from the top of the
            # file grew with the square of their number.
            text, first = path.read_text("utf-8", errors="replace"), {}
            for m in _JSON_KEY.finditer(text):
                first.setdefault(m.group(1), m.start())
            for keyword, meant in misspelt:
                at = first.get(json.dumps(keyword, ensure_ascii=False))
                self.problems.append(
                    Problem(
                        c.rel(path),
                        line_of(text, at) if at is not None else 1,
                        keyword,
                        say("schema.keyword", keyword=keyword),
                        say("did_you_mean", name=meant),
                    )
                )

    def check_vocabularies_named(self) -> None:
        """Every vocabulary a schema names (`x-vocabulary`) has its file: said where it is named,
        since a misspelt name there is as likely as a file not written yet."""
        c = self.content
        for name in sorted(self.vocabulary_names() - set(c.vocabularies)):
            path = c.content_dir / "vocabularies" / f"{name}.yml"
            if path.exists():  # it has problems of its own, said at it
                continue
            close = difflib.get_close_matches(str(name), sorted(c.vocabularies), n=1)
            hint = (
                say("did_you_mean", name=close[0])
                if close
                else say("vocabulary.missing.create", path=c.rel(path))
            )
            mention = re.compile(r'"x-vocabulary"\s*:\s*' + re.escape(json.dumps(name)))
            places = [
                (c.rel(schema), line_of(text, found.start()), "x-vocabulary")
                for schema in sorted(c.schemas.folder.glob("*.schema.json"))
                for text in [schema.read_text("utf-8", errors="replace")]
                for found in mention.finditer(text)
            ] or [(c.rel(path), 1, "file")]  # named where no line says it (written unusually)
            for rel, line, field_name in places:
                self.problems.append(
                    Problem(rel, line, field_name, say("vocabulary.missing", name=name), hint)
                )

    def vocabulary_names(self) -> set[str]:
        names = set()
        for schema in self.content.schemas.raw.values():
            stack = [schema]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    if "x-vocabulary" in node:
                        names.add(node["x-vocabulary"])
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
        return names

    def load_defaults(self):
        path = self.content.content_dir / "defaults.yml"
        if not os.path.lexists(path):  # a link is named when read
            return
        rel = self.content.rel(path)
        text = read_text(path, rel, self.problems)
        doc = parse_yaml(text, rel, self.problems, what="file") if text is not None else None
        if doc is None:
            return
        data = doc.data or {}
        if not isinstance(data, dict):
            self.problems.append(
                Problem(rel, 1, "file", say("must_be_fields"), say("defaults.not_fields.hint"))
            )
            return
        # Defaults may hold only the fields every item type shares.
        schema = {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: {"$ref": f"common.schema.json#/$defs/{k}"} for k in DEFAULT_FIELDS},
        }
        allowed = say("defaults.allowed", fields=", ".join(DEFAULT_FIELDS))
        for err in self.content.schemas._make(schema).iter_errors(data):
            if err.validator == "additionalProperties":
                self.problems.extend(unknown_fields(err, doc, rel, allowed))
                continue
            # A value the shared definitions refuse: said as it is in an item.
            key = ".".join(map(str, err.absolute_path)) or "file"
            found = schema_problem(err, schema, doc, rel)
            self.problems.append(Problem(rel, doc.line_of(key), key, found.message, found.hint))
        if not any(p.path == rel for p in self.problems):
            self.content.defaults = data

    def load_term_lists(self):
        """methodology/terms/<lang>.yml: the preferred terms of each language (optional)."""
        for path in sorted((self.content.content_dir / "terms").glob("*.yml")):
            rel = self.content.rel(path)
            if path.stem not in self.content.languages:
                self.problems.append(
                    Problem(
                        rel,
                        1,
                        "file",
                        say("not_site_language", lang=path.stem),
                        say("terms.file_name.hint", languages=", ".join(self.content.languages)),
                    )
                )
                continue
            data, doc, rel = self.yaml_file(path, "terms")
            if data is not None:
                rules = rules_from(data)
                if self.report(list_problems(rel, doc, rules)):
                    self.term_lists[path.stem] = TermList(rules)

    def check_terms(self, rel: str, lang: str, field: str, doc, text) -> None:
        """Report the known wrong variants of a term in one text field of a file in `lang`."""
        terms = self.term_lists.get(lang)
        if terms is not None and isinstance(text, str):
            self.report(terms.problems(rel, field, doc.line_of(field), text))

    def check_item_terms(self, rel: str, lang: str, kind: str, src: SourceFile) -> None:
        terms = self.term_lists.get(lang)
        if terms is None:
            return
        for name in self.content.schemas.translatable(kind):
            for key, value in _strings(src.meta.data.get(name), name):
                self.check_terms(rel, lang, key, src.meta, value)
        self.report(terms.problems(rel, "body", src.body_line, src.body))

    def check_site_page_terms(self):
        """The site's own pages in docs/ and their translations, each in its language."""
        c = self.content
        variants = [(tr.path, tr.lang) for tr in c.stray_pages]
        for page in c.site_pages.values():
            variants.append((page.path, page.lang))
            variants += [(tr.path, tr.lang) for tr in page.translations.values()]
        for rel, lang in variants:
            terms = self.term_lists.get(lang)
            if terms is None:
                continue
            # Unreadable pages are reported by the site page checks.
            text = read_text(c.root / rel, rel, [])
            if text is not None:
                self.report(terms.problems(rel, "content", 1, text))

    def load_vocabulary(self, path: Path):
        data, doc, rel = self.yaml_file(path, "vocabulary")
        if data is None:
            return
        terms, ok = {}, True
        for i, term in enumerate(data["terms"]):
            where = f"terms[{i}]"
            for key, value in _strings({k: v for k, v in term.items() if k != "id"}):
                # Labels are text on every page and in catalog.json: HTML in them is a mistake or an
                # attack.
                ok = (
                    self.report(
                        text_field_problems(
                            value, f"{where}.{key}", rel, doc.line_of(f"{where}.{key}")
                        )
                    )
                    and ok
                )
            missing = [l for l in self.content.languages if l not in term]
            # Labels in a language the site dropped are kept for later, not an error; a key that is
            # no language is.
            extra = [
                k
                for k in term
                if k != "id" and k not in self.content.languages and not is_language(k)
            ]
            if missing:
                ok = (
                    self.report(
                        [
                            Problem(
                                rel,
                                doc.line_of(where),
                                where,
                                say(
                                    "vocabulary.no_label",
                                    term=term["id"],
                                    languages=", ".join(missing),
                                ),
                                say("labels.hint"),
                            )
                        ]
                    )
                    and ok
                )
            if extra:
                ok = (
                    self.report(
                        [
                            Problem(
                                rel,
                                doc.line_of(f"{where}.{extra[0]}"),
                                f"{where}.{extra[0]}",
                                say("not_site_language", lang=extra[0]),
                                say("site_languages", languages=", ".join(self.content.languages)),
                            )
                        ]
                    )
                    and ok
                )
            if term["id"] in terms:
                ok = (
                    self.report(
                        [
                            Problem(
                                rel,
                                doc.line_of(f"{where}.id"),
                                f"{where}.id",
                                say("vocabulary.id_twice", id=term["id"]),
                                say("first_on_line", line=terms[term["id"]].line),
                            )
                        ]
                    )
                    and ok
                )
            terms[term["id"]] = Term(
                term["id"],
                {l: term[l] for l in self.content.languages if l in term},
                doc.line_of(where),
            )
            for lang in self.content.languages:
                for key in ("label", "description"):
                    self.check_terms(
                        rel, lang, f"{where}.{lang}.{key}", doc, term.get(lang, {}).get(key)
                    )
        names = data.get("names") or {}
        for key, value in _strings(names):
            ok = (
                self.report(
                    text_field_problems(value, f"names.{key}", rel, doc.line_of(f"names.{key}"))
                )
                and ok
            )
        if ok:
            self.content.vocabularies[path.stem] = terms
            self.content.vocabulary_names[path.stem] = names

    def load_item_file(self, path: Path, kind: str):
        c = self.content
        rel = c.rel(path)
        if path.suffix != ".md":
            if path.suffix.lower() == ".svg":
                text = read_text(path, rel, self.problems)
                if text is None or not self.report(svg_problems(text, rel)):
                    return
            if path.suffix.lower() in IMAGE_SUFFIXES:
                if not self.report(raster_problems(path, rel)):
                    return
                st = path.stat()
                c.media[rel] = (st.st_size, st.st_mtime_ns)
            else:
                self.problems.append(
                    Problem(
                        rel,
                        1,
                        "file",
                        say("item.not_markdown"),
                        say("item.not_markdown.hint", folder=c.types[kind].folder),
                    )
                )
            return
        parts = path.name[:-3].split(".")
        if len(parts) == 2:
            stem, lang = parts
            if lang not in c.languages and is_language(lang):
                c.ignored.append(
                    rel
                )  # a language the site does not list (any more): not published, not an error
                return
            if lang not in c.languages:
                self.problems.append(
                    Problem(
                        rel,
                        1,
                        "file",
                        say("item.not_language_code", lang=lang),
                        say("item.not_language_code.hint", languages=", ".join(c.languages)),
                    )
                )
                return
            self.pending.append((path, kind, stem, lang))
            return
        if len(parts) != 1:
            self.problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("item.dots"),
                    say("item.dots.hint"),
                )
            )
            return
        self.known[kind].add(parts[0])
        if len(parts[0]) > MAX_ID:
            self.problems.append(
                Problem(rel, 1, "file", say("item.id_long", limit=MAX_ID), say("item.id_long.hint"))
            )
            return
        if self.reserved(kind, parts[0]):
            self.problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("item.reserved", name=parts[0]),
                    say("item.reserved.hint"),
                )
            )
            return
        src, ok = self.checked_source(path, rel, kind, kind, parts[0])
        if src is None:
            return
        dup = c.items[kind].get(parts[0])
        if dup is not None:
            self.problems.append(
                Problem(
                    rel,
                    src.meta.line_of("id"),
                    "id",
                    say("item.id_used", id=parts[0]),
                    say("item.id_used.hint", path=dup.path),
                )
            )
        if not ok or dup is not None:
            self.set_aside.append((kind, parts[0], rel, src, False))
            if src.meta is not None and isinstance(src.meta.data, dict):
                self.rejected.append(
                    (kind, src.meta.data, src.meta, rel, parts[0])
                )  # its references are checked all the same
            return
        meta = {**c.defaults, **src.meta.data}
        lang = meta.get("lang") or c.source_lang  # the language the item is written in
        self.check_item_terms(rel, lang, kind, src)
        c.items[kind][meta["id"]] = Item(
            c.types[kind], meta["id"], rel, meta, src.body, src.meta, src.body_line, lang=lang
        )

    def reserved(self, kind: str, item_id: str) -> bool:
        """An id whose page would take the place of a page of the site: an overview (index) or a
        page in docs/."""
        page = self.content.types[kind].page_url(item_id).rstrip("/")
        docs = self.content.root / self.settings.docs_dir
        return item_id == "index" or any(
            os.path.lexists(docs / p) for p in (f"{page}.md", f"{page}/index.md")
        )

    def checked_source(
        self, path: Path, rel: str, schema: str, kind: str, stem: str | None
    ) -> tuple[SourceFile | None, bool]:
        """Read one file and run every check that needs no other file: (the parsed file or None,
        whether it passed).

        A file that passed before, with the same bytes, is taken from the cache unchecked.
        """
        if self.share and zlib.crc32(rel.encode()) % self.share[1] != self.share[0]:
            return None, False  # another helper's file (share_check)
        raw = read_bytes(path, rel, self.problems)
        if raw is None:
            return None, False
        key = self.cache.key(rel, schema, raw)
        hit = self.cache.get(key)
        if hit is not None:
            self.refs[rel] = hit["images"], hit["links"]
            return SourceFile(
                rel, None, Document(hit["meta"], hit["lines"]), hit["body"], hit["body_line"]
            ), True
        before = len(self.problems)
        text = decode_text(raw, rel, self.problems)
        if text is None:
            return None, False
        self.report(template_problems(text, rel))
        src = split_front_matter(text, rel, self.problems)
        if src is None:
            return None, False
        meta, doc = src.meta.data, src.meta
        self.report(self.content.schemas.check(schema, meta, doc, rel))
        if stem is not None and isinstance(meta.get("id"), str) and meta["id"] != stem:
            self.problems.append(
                Problem(
                    rel,
                    doc.line_of("id"),
                    "id",
                    say("item.id_file", id=meta["id"]),
                    say("item.id_file.hint", id=meta["id"], stem=stem),
                )
            )
        self.content_checks(kind, meta, doc, src.body, src.body_line, rel)
        if len(self.problems) > before:
            self.refs[rel] = [], [list(r) for r in page_references(src.body, src.body_line)[1]]
            return src, False
        images, links = (
            [list(ref) for ref in refs] for refs in page_references(src.body, src.body_line)
        )  # as JSON keeps them
        self.refs[rel] = images, links
        self.cache.put(
            key,
            {
                "meta": meta,
                "lines": doc.lines,
                "body": src.body,
                "body_line": src.body_line,
                "images": images,
                "links": links,
            },
        )
        return src, True

    def content_checks(self, kind, meta, doc: Document, body, body_line, rel):
        self.report(html_problems(body, rel, body_line, extensions=self.extensions))
        if (
            not meta.get("draft") and "source_hash" not in meta
        ):  # a published source, not a translation
            self.report(placeholder_problems(_strings(meta), body, body_line, rel, doc.line_of))
        for key, value in _strings(meta):
            self.report(text_field_problems(value, key, rel, doc.line_of(key)))
        if self.content.types[kind].personal_data:
            found = personal_data_problems(body, rel, body_line, "body")
            for key, value in _strings(meta):
                # A link's address may hold anything a web address holds; its title is text like
                # any other.
                if key != PUBLIC_CONTACT_FIELD and not (
                    key.startswith("links") and not key.endswith(".title")
                ):
                    found += personal_data_problems(value, rel, doc.line_of(key), key)
            has_contact = PUBLIC_CONTACT_FIELD in self.content.schemas.raw[kind]["properties"]
            self.report([replace(p, hint=PRIVACY_HINTS[has_contact]) for p in found])

    def load_translation(self, path: Path, kind: str, stem: str, lang: str):
        c = self.content
        rel = c.rel(path)
        if stem not in self.known[kind]:
            self.problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("translation.no_source", id=stem),
                    say("translation.no_source.hint", path=f"{c.types[kind].folder}/{stem}.md"),
                )
            )
            return
        src, ok = self.checked_source(path, rel, f"translation:{kind}", kind, None)
        item = c.items[kind].get(stem)
        if not ok or item is None:
            if src is not None:
                self.set_aside.append((kind, stem, rel, src, True))
            return
        if lang == item.lang:
            self.problems.append(
                Problem(
                    rel,
                    1,
                    "file",
                    say("translation.same_language", lang=lang, source=item.path),
                    say("translation.same_language.hint", lang=item.lang),
                )
            )
            return
        self.check_item_terms(rel, lang, kind, src)
        meta = {
            k: v
            for k, v in src.meta.data.items()
            if k not in ("source_hash", "translators", "draft")
        }
        item.translations[lang] = Translation(
            lang,
            rel,
            meta,
            src.body,
            src.meta.data["source_hash"],
            src.meta.data.get("translators", []),
            bool(src.meta.data.get("draft")),
            src.body_line,
        )

    def load_trajectory(self):
        path = self.content.content_dir / "trajectory.yml"
        if not os.path.lexists(path):  # a link is named when read
            return
        data, doc, rel = self.yaml_file(path, "trajectory")
        if data is None:
            return
        steps = []
        for i, s in enumerate(data["steps"]):
            missing = [l for l in self.content.languages if l not in s]
            if missing:
                self.problems.append(
                    Problem(
                        rel,
                        doc.line_of(f"steps[{i}]"),
                        f"steps[{i}]",
                        say("trajectory.no_label", languages=", ".join(missing)),
                        say("labels.hint"),
                    )
                )
            if s["end_month"] < s["start_month"] or s["end_month"] > data["months"]:
                self.problems.append(
                    Problem(
                        rel,
                        doc.line_of(f"steps[{i}].end_month"),
                        f"steps[{i}].end_month",
                        say("schema.range", value=str(s["end_month"])),
                        say("trajectory.end_month.hint", months=data["months"]),
                    )
                )
            for lang in self.content.languages:
                for key in ("label", "description"):
                    self.check_terms(
                        rel, lang, f"steps[{i}].{lang}.{key}", doc, s.get(lang, {}).get(key)
                    )
            steps.append(
                Step(
                    s["id"],
                    s["phase"],
                    s["format"],
                    s["times"],
                    s["half_days"],
                    s["start_month"],
                    s["end_month"],
                    s["modules"],
                    {l: s[l] for l in self.content.languages if l in s},
                )
            )
        self.content.trajectory = Trajectory(data["months"], steps)
        self._traj_doc = (doc, rel, data)

    def check_references(self):
        c = self.content
        targets = [(item.kind, item.meta, item.doc, item.path, item.id) for item in c.all_items()]
        if c.trajectory is not None:
            doc, rel, data = self._traj_doc
            targets.append(("trajectory", data, doc, rel, None))
        valid = len(targets)
        for n, (kind, meta, doc, rel, own_id) in enumerate(targets + self.rejected):
            for where, what, target, value in references(c.schemas.raw[kind], meta):
                if what == "vocabulary":
                    terms = c.vocabularies.get(target)
                    if terms is not None and value not in terms:
                        self.problems.append(
                            Problem(
                                rel,
                                doc.line_of(where),
                                where,
                                say(
                                    "reference.unknown",
                                    kind=_term_word(c, target),
                                    value=str(value),
                                ),
                                _term_hint(terms, value),
                            )
                        )
                else:
                    ref_kind = c.type_of_folder(target)
                    if ref_kind is None:  # the type declarations have a problem of their own
                        continue
                    referred = c.items[ref_kind].get(value)
                    if value == own_id and ref_kind == kind:
                        self.problems.append(
                            Problem(
                                rel,
                                doc.line_of(where),
                                where,
                                say("reference.itself"),
                                say("remove_it"),
                            )
                        )
                    elif value not in self.known[ref_kind]:
                        close = difflib.get_close_matches(
                            str(value), sorted(self.known[ref_kind]), n=1
                        )
                        hint = (
                            say("did_you_mean", name=close[0])
                            if close
                            else say(
                                "reference.no_file",
                                path=f"{c.types[ref_kind].folder}/{value}.md",
                                known=_some(self.known[ref_kind]),
                            )
                        )
                        self.problems.append(
                            Problem(
                                rel,
                                doc.line_of(where),
                                where,
                                say(
                                    "reference.unknown",
                                    kind=word(ref_kind, c.types[ref_kind].names()),
                                    value=str(value),
                                ),
                                hint,
                            )
                        )
                    elif referred is not None and referred.draft and not meta.get("draft"):
                        # The site leaves the draft out, and the link to it with it, without a word.
                        self.problems.append(
                            Problem(
                                rel,
                                doc.line_of(where),
                                where,
                                say(
                                    "reference.draft",
                                    kind=word(ref_kind, c.types[ref_kind].names()),
                                    value=str(value),
                                ),
                                say("reference.draft.hint", path=referred.path),
                            )
                        )
            if n < valid:  # an adaptation's checks need the whole, valid front matter
                self.check_adaptation(kind, meta, doc, rel)

    def sources(self):
        """(item, file) for every source and translation."""
        for item in self.content.all_items():
            yield item, item.path
            for tr in item.translations.values():
                yield item, tr.path

    def check_images(self):
        """An image a body shows must be a file of an item folder, which the build copies: the site
        loads nothing else."""
        c = self.content
        for item, rel in self.sources():
            # The page of an item sits in its type's folder of the site, wherever its file is: the
            # build finds an image from there (an item in a sub-folder names the sub-folder in the
            # address).
            folder = posixpath.dirname(rel)
            base = posixpath.join(c.rel(c.content_dir), item.type.folder)
            for url, line, markdown in self.refs[rel][0]:
                target = posixpath.normpath(posixpath.join(base, file_of(url)))
                beside = posixpath.normpath(posixpath.join(folder, file_of(url)))
                if target not in c.media and beside in c.media:
                    self.problems.append(
                        Problem(
                            rel,
                            line,
                            "body",
                            say("image.sub_folder", url=url[:40]),
                            say(
                                "image.sub_folder.hint",
                                folder=item.type.folder,
                                address=posixpath.relpath(beside, base),
                            ),
                        )
                    )
                elif target not in c.media:
                    # where the page is in the site, and so where the image's address starts
                    here = posixpath.dirname(item.url.rstrip("/"))
                    at = posixpath.normpath(posixpath.join(here, file_of(url)))
                    self.problems.append(
                        Problem(
                            rel,
                            line,
                            "body",
                            say("image.missing", url=url[:40]),
                            self.addresses().file_hint(at, here)
                            or say("image.missing.hint", folder=folder),
                        )
                    )
                # MkDocs adjusts the addresses of Markdown images to the page's, not those of HTML
                elif not markdown:
                    self.problems.append(
                        Problem(
                            rel,
                            line,
                            "body",
                            say("image.html", url=url[:40]),
                            say("image.html.hint"),
                        )
                    )

    def term_pages(self) -> set[str]:
        """The file of every term's page (`phases/intake.md`), as the plan makes them."""
        c = self.content
        return {
            f"{vocabulary}/{term}.md"
            for vocabulary in c.types.facet_vocabularies()
            for term in c.vocabularies.get(vocabulary, {})
        }

    def addresses(self) -> Addresses:
        """The pages the build has (their files, from docs/: the site's own pages, every item's
        page, an item with problems of its own too, whose problems are said at its file and not
        again at every link to it, and every term page) and the images it publishes."""
        if self._addresses is None:
            c = self.content
            docs = c.root / self.settings.docs_dir
            pages = (
                set(c.site_pages)
                | {
                    c.types[kind].page_url(item_id).rstrip("/") + ".md"
                    for kind, ids in self.known.items()
                    for item_id in ids
                }
                | self.term_pages()
            )
            images = {
                p.relative_to(docs).as_posix()
                for p in walk(docs, c.root, [])
                if p.suffix.lower() in IMAGE_SUFFIXES
            }
            for rel in c.media:  # the images of the item folders, beside the items' pages
                folder, rest = Path(rel).relative_to(c.rel(c.content_dir)).as_posix().split("/", 1)
                images.add(c.types.by_folder(folder).medium_src(rest))
            self._addresses = Addresses(pages, images, c.languages)
        return self._addresses

    def check_links(self):
        """A link to another page (`../modules/<id>.md`) must find it in the built site, as a strict
        build requires, and not as an address that works on one host or in one language only."""
        c = self.content
        items = {i.url.rstrip("/") + ".md": i for i in c.all_items()}
        addresses = self.addresses()
        pages = [(rel, item.url, item.draft) for item, rel in self.sources()]
        pages += [
            (rel, c.types[kind].page_url(stem), False) for kind, stem, rel, *_ in self.set_aside
        ]
        for rel, url_of_page, draft in pages:
            # the page's folder in the site, as MkDocs resolves links
            here = posixpath.dirname(url_of_page.rstrip("/"))
            for url, line, markdown in self.refs.get(rel, ((), ()))[1]:
                problem = addresses.link_problem(url, markdown, here, url_of_page)
                other = items.get(posixpath.normpath(posixpath.join(here, file_of(url))))
                if problem is None and other is not None and other.draft and not draft:
                    problem = (
                        say("link.draft", url=url[:40]),
                        say("link.draft.hint", path=other.path),
                    )
                if problem is not None:
                    self.problems.append(Problem(rel, line, "body", *problem))

    def check_untranslated(self):
        """A translation that is no draft must not still hold its source's paragraphs: items and
        the site's own pages alike."""
        c = self.content
        found = [
            (tr.path, tr.body, tr.body_line, item.body)
            for item in c.all_items()
            for tr in item.translations.values()
            if not tr.draft
        ]
        found += [
            (tr.path, tr.body, tr.body_line, page.body)
            for page in c.site_pages.values()
            for tr in page.translations.values()
            if not tr.draft and tr.body is not None and page.body is not None
        ]
        sources: dict[str, frozenset[str]] = {}
        for rel, body, first_line, source_body in found:
            if source_body not in sources:
                sources[source_body] = source_paragraphs(source_body)
            count, at = copied(body, sources[source_body])
            if count:
                self.problems.append(
                    Problem(
                        rel,
                        first_line + body.count("\n", 0, at),
                        "body",
                        say("translation.untranslated", count=count),
                        say("translation.untranslated.hint"),
                    )
                )

    def check_timings(self):
        """Minutes that must add up: the steps of each item with a duration (source and
        translations), and each trajectory step."""
        c = self.content
        timed = [
            it.name for it in c.types.all if "duration" in c.schemas.raw[it.name]["properties"]
        ]
        for item in (i for kind in timed for i in c.items[kind].values()):
            duration = item.meta["duration"]
            self.report(step_problems(item.path, item.body, item.body_line, duration))
            for tr in item.translations.values():
                self.report(
                    step_problems(tr.path, tr.body, tr.body_line, duration, source=item.path)
                )
        for kind, stem, rel, src, translation in self.set_aside:
            if kind not in timed:
                continue
            # The minutes of each step, and their sum where the duration is known and valid.
            source = c.items[kind].get(stem)
            meta = src.meta.data if src.meta is not None else None
            if translation:
                duration = source.meta["duration"] if source is not None else None
            else:
                duration = meta.get("duration") if isinstance(meta, dict) else None
            if isinstance(duration, bool) or not isinstance(duration, int) or duration < 1:
                duration = None
            self.report(
                step_problems(
                    rel,
                    src.body,
                    src.body_line,
                    duration,
                    source=source.path if translation and source is not None else None,
                )
            )
        if self.content.trajectory is not None:
            doc, rel, data = self._traj_doc
            planned = [it.name for it in c.types.all if it.by_trajectory and it.name in timed]
            durations = {
                m.id: m.meta["duration"] for kind in planned for m in c.items[kind].values()
            }
            self.report(
                trajectory_problems(
                    rel,
                    doc,
                    data["steps"],
                    durations,
                    data.get("half_day_minutes", HALF_DAY_MINUTES),
                )
            )

    def check_adaptation(self, kind, meta, doc, rel):
        """An adaptation must exist, and its source's licence must allow it."""
        adapted = meta.get("adapted_from")
        if adapted is None:
            return
        line = doc.line_of("adapted_from")
        if isinstance(adapted, str):
            if adapted not in self.known.get(kind, set()):
                self.problems.append(
                    Problem(
                        rel,
                        line,
                        "adapted_from",
                        say(
                            "reference.unknown",
                            kind=word(kind, self.content.types[kind].names()),
                            value=adapted,
                        ),
                        say("adaptation.unknown.hint"),
                    )
                )
                return
            source = self.content.items[kind].get(adapted)
            if source is None:
                return  # the source has problems of its own, reported there
            source_licence, name = source.meta["license"], adapted
        else:
            source_licence, name = adapted["license"], adapted["title"]
        own = meta.get("license") or self.content.defaults.get("license", "CC-BY-SA-4.0")
        why = adaptation_problem(LICENCES[source_licence], LICENCES[own])
        if why:
            self.problems.append(
                Problem(
                    rel,
                    line,
                    "adapted_from",
                    _adaptation_message(why, name, LICENCES[source_licence], LICENCES[own]),
                    say("adaptation.licence.hint"),
                )
            )


def is_content_file(rel: Path, folders) -> bool:
    """Whether a file (relative to the content folder) is content: what the loader reads and the zip
    carries.
    `folders`: the item types' folders."""
    top, name = rel.parts[0], rel.name
    if len(rel.parts) == 1:
        return name in ("defaults.yml", "trajectory.yml", "README.md")
    if top in ("vocabularies", "terms", LOCALES):
        return len(rel.parts) == 2 and name.endswith(".yml")
    if top == "schemas":
        return len(rel.parts) == 2 and (name.endswith(".schema.json") or name == "types.yml")
    return top in folders and (name.endswith(".md") or rel.suffix.lower() in IMAGE_SUFFIXES)


def _strings(meta, prefix=""):
    if isinstance(meta, dict):
        for k, v in meta.items():
            yield from _strings(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(meta, list):
        for i, v in enumerate(meta):
            yield from _strings(v, f"{prefix}[{i}]")
    elif isinstance(meta, str):
        yield prefix, meta


def _term_hint(terms: dict[str, Term], value) -> str:
    """What to write instead of an unknown term: the id of a label written in its place, a close id,
    or them all."""
    wanted = str(value).strip().casefold()
    for term in terms.values():
        if any(labels.get("label", "").casefold() == wanted for labels in term.labels.values()):
            return say("reference.label", label=str(value), id=term.id)
    close = difflib.get_close_matches(str(value), list(terms), n=1)
    return say("did_you_mean", name=close[0]) if close else say("known", names=", ".join(terms))


def _adaptation_message(why: str, name: str, source: Licence, own: Licence) -> Message:
    """Why the source's licence forbids this adaptation (`why`: ND, NC or SA)."""
    if why == "ND":
        return say("adaptation.nd", source=name, licence=source.name)
    if why == "NC":
        return say("adaptation.nc", source=name, licence=source.name, own=own.name)
    return say("adaptation.sa", source=name, licence=source.name, own=own.name)


def _some(ids, n=8):
    ids = sorted(ids)
    if not ids:
        return say("none_yet")
    return ", ".join(ids[:n]) + (", ..." if len(ids) > n else "")


def _term_word(c: Content, vocabulary: str) -> Message:
    """What a message calls a term of `vocabulary`: the catalogues' word (`lever` for levers), or
    the name the vocabulary's own file gives one term, per language."""
    names = c.vocabulary_names.get(vocabulary) or {}
    own = {
        lang: words["one"]
        for lang, words in names.items()
        if isinstance(words, dict) and isinstance(words.get("one"), str) and words["one"]
    }
    return word(vocabulary[:-1] if vocabulary.endswith("s") else vocabulary, own)


def load(
    root: Path,
    content_dir: str = "methodology",
    languages=("nl", "fr", "en"),
    config_file: str | None = None,
    in_memory: bool = False,
    helpers: int = 0,
):
    """Load and validate all content. Returns (Content, problems).

    `config_file` is the site's configuration (default: mkdocs.yml in `root`), for its Markdown
    extensions.
    `in_memory` keeps the check cache in this process, not on disk (serve, which loads after every
    edit).
    `helpers`: processes that may share a cold check (`methodkit check` and `build` give one per
    core).
    """
    loader = _Loader(Path(root), content_dir, languages, config_file, in_memory)
    loader.share_check(helpers)
    return loader.load()


def _check_share(args) -> dict:
    """In a helper of share_check: check this share of the files, and hand back what passed."""
    *where, share = args
    loader = _Loader(*where)
    loader.share = share
    loader.load()
    return loader.cache.new


def current_hash(content: Content, item: Item) -> str:
    return source_hash(item.meta, item.body, content.schemas.translatable(item.kind))
