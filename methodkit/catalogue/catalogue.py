"""One catalogue per build: the items of the build, their order, back-links and facets.

Everything here is computed in one pass over the items when the build starts,
so that a page, a macro or an export only looks things up.
"""

from __future__ import annotations

from collections import defaultdict

from methodkit.i18n import interface_text
from methodkit.loading.loader import Content, current_hash
from methodkit.loading.schema import references
from methodkit.model.items import Item, Term
from methodkit.model.languages import in_language
from methodkit.model.translations import translation_state


class Catalogue:
    def __init__(self, content: Content, lang: str, include_drafts: bool = False):
        self.content = content
        self.lang = lang
        self.include_drafts = include_drafts
        self.drafts = sorted((i for i in content.all_items() if i.draft), key=lambda i: i.path)
        included = [i for i in content.all_items() if include_drafts or not i.draft]
        self.by_id: dict[tuple[str, str], Item] = {(i.kind, i.id): i for i in included}
        # (vocabulary, term id) -> kind -> items that name the term
        self.by_term: dict[tuple[str, str], dict[str, list[Item]]] = defaultdict(
            lambda: defaultdict(list)
        )
        # (type, id) -> kind -> items of other types that name the item
        self.referred_by: dict[tuple[str, str], dict[str, list[Item]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for item in included:
            for _, what, target, value in references(content.schemas.raw[item.kind], item.meta):
                if what == "vocabulary":
                    self.by_term[(target, value)][item.kind].append(item)
                elif (kind := content.type_of_folder(target)) != item.kind:
                    self.referred_by[(kind, value)][item.kind].append(item)
        self.types = content.types
        # The interface text of this language: the engine's, with what the site's declarations call
        # their types and fields (a type the engine has never heard of gets its name from there).
        self.t = {
            **interface_text(lang, content.interface),
            **self.types.interface(lang),
            **vocabulary_interface(content.vocabulary_names, lang),
        }
        self.facets = self.types.facet_vocabularies()  # vocabularies that get a page per term
        self.trajectory_order = {
            t.name: self._trajectory_order(t.name, included)
            for t in self.types.all
            if t.by_trajectory
        }
        self.items = {
            kind: self.sort(kind, [i for i in included if i.kind == kind]) for kind in self.types
        }
        self.status = {(i.kind, i.id): self._status(i) for i in included}

    # -- order -----------------------------------------------------------
    def _trajectory_order(self, kind: str, included) -> list[str]:
        """Items in the order of the trajectory's steps; each of the rest, by phase and title,
        after the last one of its phase (as the list by phase shows it, so that previous and next
        stay in its phase), or at the end where the trajectory has none of its phase (so that no
        two modules that follow each other in the trajectory are parted)."""
        mine = {i.id: i for i in included if i.kind == kind}
        order: list[str] = []
        if self.content.trajectory:
            for step in self.content.trajectory.steps:
                order += [m for m in step.modules if m in mine and m not in order]
        phases = list(self.content.vocabularies.get("phases", {}))

        def phase(item: Item) -> int:
            return phases.index(item.meta["phase"]) if item.meta["phase"] in phases else 99

        rest = sorted(
            (i for i in mine.values() if i.id not in order),
            key=lambda i: (phase(i), i.get("title", self.lang)),
        )
        for item in rest:
            at = max(
                (n + 1 for n, m in enumerate(order) if phase(mine[m]) == phase(item)),
                default=len(order),
            )
            order.insert(at, item.id)
        return order

    def sort(self, kind: str, items: list[Item]) -> list[Item]:
        """Items of one type in the order its declaration gives."""
        order = self.types[kind].order
        if order == "trajectory":
            pos = {m: n for n, m in enumerate(self.trajectory_order[kind])}
            return sorted(items, key=lambda i: pos[i.id])
        if isinstance(order, dict):
            name = order["field"]
            return sorted(
                items, key=lambda i: (i.meta[name], i.id), reverse=bool(order.get("reverse"))
            )
        return sorted(items, key=lambda i: i.get("title", self.lang).casefold())

    def neighbours(self, item: Item) -> tuple[Item | None, Item | None]:
        """Previous and next item along the trajectory, for the types ordered by it."""
        order = self.trajectory_order.get(item.kind)
        if order is None:
            return None, None
        n = order.index(item.id)
        prev = self.by_id.get((item.kind, order[n - 1])) if n > 0 else None
        nxt = self.by_id.get((item.kind, order[n + 1])) if n + 1 < len(order) else None
        return prev, nxt

    # -- lookups ---------------------------------------------------------
    def get(self, kind: str, id: str) -> Item | None:
        return self.by_id.get((kind, id))

    def term(self, vocabulary: str, id: str) -> Term | None:
        return self.content.vocabularies.get(vocabulary, {}).get(id)

    def terms(self, vocabulary: str) -> list[Term]:
        return list(self.content.vocabularies.get(vocabulary, {}).values())

    def label(self, vocabulary: str, id: str) -> str:
        term = self.term(vocabulary, id)
        return term.label(self.lang) if term else id

    def sharing_terms(self, kind: str, vocabulary: str, terms: list[str]) -> list[Item]:
        """Items of `kind` naming some of these terms, those sharing the most first, then by
        title."""
        shared: dict[str, int] = {}
        found: dict[str, Item] = {}
        for lever in terms:
            for p in self.by_term.get((vocabulary, lever), {}).get(kind, []):
                found.setdefault(p.id, p)
                shared[p.id] = shared.get(p.id, 0) + 1
        return sorted(
            found.values(), key=lambda i: (-shared[i.id], i.get("title", self.lang).casefold())
        )

    def unpublished(self) -> set[str]:
        """The files this build leaves out: draft items with their translations, and draft
        translations."""
        if self.include_drafts:
            return set()
        out = set()
        for item in self.content.all_items():
            out |= {tr.path for tr in item.translations.values() if tr.draft or item.draft}
            if item.draft:
                out.add(item.path)
        return out

    # -- translation state -----------------------------------------------
    def _status(self, item: Item) -> str:
        """'source', 'translated', 'outdated' or 'missing' for this build's language."""
        tr = item.translations.get(self.lang)
        return translation_state(
            item.lang,
            self.lang,
            tr,
            current_hash(self.content, item) if tr else None,
            self.include_drafts,
        )

    def text(self, item: Item, name: str, default=None):
        """A field in the build's language, or the source's when not translated."""
        if self.status[(item.kind, item.id)] in ("missing", "source"):
            return item.meta.get(name, default)
        return item.get(name, self.lang, default)

    def body(self, item: Item) -> str:
        return (
            item.body
            if self.status[(item.kind, item.id)] in ("missing", "source")
            else item.body_in(self.lang)
        )


def vocabulary_interface(names: dict[str, dict], lang: str) -> dict[str, str]:
    """What the vocabularies' files call them in `lang` (else in English), as interface keys."""
    out = {}
    for vocabulary, by_lang in names.items():
        words = in_language(by_lang, lang) or {}
        if words.get("one"):
            out[f"vocabulary.{vocabulary}"] = words["one"]
        if words.get("many"):
            out[f"glossary.{vocabulary}"] = words["many"]
    return out
