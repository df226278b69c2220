"""HTML fragments from Jinja templates beside the code, with autoescaping on.

The overview lists that docs pages insert through macros come from here; no
HTML is assembled in Python strings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **values) -> str:
    # A blank or indented line would let Markdown end the HTML block or read code: one line.
    return environment().get_template(name).render(**values).replace("\n", "")
