"""The "cite this methodology" text, made from CITATION.cff so it never drifts from it."""

from __future__ import annotations

from html import escape as h
from pathlib import Path

import yaml

from methodkit.i18n import strings
from methodkit.model.licences import LICENCES


def load_citation(root: Path) -> dict | None:
    path = root / "CITATION.cff"
    return yaml.safe_load(path.read_text("utf-8")) if path.exists() else None


def _names(data: dict) -> list[str]:
    return [a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names")))) for a in data.get("authors", [])]


def bibtex(data: dict, url: str) -> str:
    lic = LICENCES.get(data.get("license", ""), None)
    fields = {"author": " and ".join("{" + n + "}" for n in _names(data)), "title": "{" + data["title"] + "}",
              "url": url, "note": lic.name if lic else data.get("license", "")}
    if data.get("date-released"):
        fields["year"] = str(data["date-released"])[:4]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return "@misc{nieuwe-samenzweerders,\n" + body + "\n}"


def citation_html(root: Path, lang: str, url: str) -> str:
    t = strings(lang)
    data = load_citation(root)
    if data is None:
        return ""
    lic = LICENCES.get(data.get("license", ""))
    authors = " & ".join(_names(data))
    text = f"{authors}. {data['title']}. {lic.name if lic else data.get('license', '')}. {url}"
    return (f'<p class="mk-citation"><strong>{h(t["cite.as"])}</strong></p><blockquote><p id="citation-text">{h(text)}</p></blockquote>'
            f'<p><strong>BibTeX</strong></p><pre><code class="language-bibtex">{h(bibtex(data, url))}</code></pre>'
            f'<p>{h(t["cite.cff"])}</p>')
