"""How to cite the site: the Cite page and CITATION.cff, both made from `extra.publisher`.

The publisher's holders are the authors, the year is the content's, the key is
derived from the publisher's name, and an adaptation names the work it adapts
(`based_on`), so a fork cites itself and credits the original in one place.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from methodkit.i18n import format_names
from methodkit.model.licences import LICENCES
from methodkit.pages.render import render
from methodkit.publishing.attribution import adapted_note

LICENCE = LICENCES["CC-BY-SA-4.0"]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "site"


def citation_key(brand: dict, year: str) -> str:
    """A BibTeX key from the publisher's name and the year: 'groene-kring-vzw-2026'."""
    return f"{slug(brand['name'] or brand['site_name'])}-{year}"


def cff(brand: dict, url: str, date: str) -> dict:
    """CITATION.cff (Citation File Format 1.2.0) of the site; the adapted work under
    `references`."""
    data = {
        "cff-version": "1.2.0",
        "message": "If you use or adapt this methodology, please cite it as below and share "
        "your adaptation "
        f"under the same licence ({LICENCE.name}).",
        "type": "dataset",
        "title": brand["site_name"],
        "authors": [{"name": n} for n in brand["holders"]],
        "license": LICENCE.id,
        "url": url,
        "date-released": date,
    }
    work = brand["based_on"]
    if work is not None:
        ref = {
            "type": "dataset",
            "title": work.title,
            "authors": [{"name": a} for a in work.authors],
            "url": work.url,
            "license": work.licence.id,
        }
        if work.version:
            ref["version"] = work.version
        data["references"] = [ref]
    return data


def cff_text(brand: dict, url: str, date: str) -> str:
    header = (
        "# How to cite this methodology "
        "(written by `methodkit citation` from extra.publisher in mkdocs.yml).\n"
    )
    return header + yaml.safe_dump(
        cff(brand, url, date), allow_unicode=True, sort_keys=False, width=100
    )


def bibtex(brand: dict, url: str, year: str, t: dict[str, str], lang: str) -> str:
    fields = {
        "author": " and ".join("{" + n + "}" for n in brand["holders"]),
        "title": "{" + brand["site_name"] + "}",
        "year": year,
        "url": url,
        "note": LICENCE.name,
    }
    work = brand["based_on"]
    if work is not None:
        fields["note"] = adapted_note(work, t, lang).lstrip(", ") + ". " + LICENCE.name
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{citation_key(brand, year)},\n{body}\n}}"


def citation_html(brand: dict, t: dict[str, str], lang: str, url: str, date: str) -> str:
    year = date[:4]
    text = (
        f"{format_names(brand['holders'], lang)} ({year}). {brand['site_name']}"
        f"{adapted_note(brand['based_on'], t, lang)}."
        f" {LICENCE.name}. {url}"
    )
    return render("citation.html", t=t, text=text, bibtex=bibtex(brand, url, year, t, lang))
