"""The engine's own HTML (PDF sources: cards, workbook, covers) from Jinja templates, autoescaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

FOLDER = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(FOLDER), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def render(name: str, **values) -> str:
    return _env().get_template(name).render(**values)
