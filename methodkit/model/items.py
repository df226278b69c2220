"""The content model: items, translations, vocabularies, trajectory (item types: types.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from methodkit.loading.source import Document
from methodkit.model.types import ItemType


@dataclass
class Translation:
    lang: str
    path: str
    meta: dict[str, Any]
    body: str
    source_hash: str
    translators: list[str] = field(default_factory=list)
    draft: bool = False
    body_line: int = 1


@dataclass
class Item:
    type: ItemType
    id: str
    path: str
    meta: dict[str, Any]  # validated, defaults applied
    body: str
    doc: Document
    body_line: int = 1
    translations: dict[str, Translation] = field(default_factory=dict)
    lang: str = (
        ""  # the language it is written in: its `lang`, the defaults' or the site's first language
    )

    @property
    def kind(self) -> str:
        return self.type.name

    @property
    def url(self) -> str:
        return self.type.page_url(self.id)

    @property
    def draft(self) -> bool:
        return bool(self.meta.get("draft"))

    def get(self, name: str, lang: str, default=None):
        """A field in `lang`, falling back to the source language."""
        tr = self.translations.get(lang)
        if tr is not None and name in tr.meta:
            return tr.meta[name]
        return self.meta.get(name, default)

    def body_in(self, lang: str) -> str:
        tr = self.translations.get(lang)
        return tr.body if tr is not None else self.body


@dataclass(frozen=True)
class Term:
    id: str
    labels: dict[str, dict[str, str]]  # lang -> {label, description}
    line: int

    def label(self, lang: str) -> str:
        return self.labels[lang]["label"]

    def description(self, lang: str) -> str:
        return self.labels[lang]["description"]


@dataclass
class Step:
    id: str
    phase: str
    format: str
    times: int
    half_days: float
    start_month: int
    end_month: int
    modules: list[str]
    labels: dict[str, dict[str, str]]

    @property
    def total_half_days(self) -> float:
        return self.times * self.half_days


@dataclass
class Trajectory:
    months: int
    steps: list[Step]
