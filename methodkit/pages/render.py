"""The engine's own HTML from Jinja templates in methodkit/templates/, autoescaped.

Overview lists that docs pages insert through macros, and the sources of the
PDFs (cards, workbook, covers) come from here; no HTML is assembled in Python
strings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

FOLDER = Path(__file__).parents[1] / "templates"


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(FOLDER),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **values) -> str:
    return _env().get_template(name).render(**values)


def render_inline(name: str, **values) -> str:
    """A fragment for a Markdown page: one line, since a blank or indented line would
    let Markdown end the HTML block or read code."""
    return render(name, **values).replace("\n", "")
