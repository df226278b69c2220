"""The vocabularies as a glossary that translation platforms import (TBX).

One term entry per vocabulary term, with its label and description in every
language of the site: Weblate, Crowdin, Transifex and Pootle import TBX
(ISO 30042, the `martif` form they also export), so a translator sees the
agreed wording of "hefboom" or "drempel" beside every message that uses it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def glossary(vocabularies: dict, languages) -> bytes:
    martif = ET.Element("martif", {"type": "TBX", XML_LANG: languages[0]})
    header = ET.SubElement(ET.SubElement(martif, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "methodology/vocabularies/*.yml"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for name, terms in sorted(vocabularies.items()):
        for term in terms.values():
            entry = ET.SubElement(body, "termEntry", {"id": f"{name}.{term.id}"})
            ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = name
            for lang in languages:
                if lang not in term.labels:
                    continue
                lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang})
                if term.labels[lang].get("description"):
                    ET.SubElement(
                        lang_set, "descrip", {"type": "definition"}
                    ).text = term.description(lang)
                ET.SubElement(ET.SubElement(lang_set, "tig"), "term").text = term.label(lang)
    ET.indent(martif)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(martif, encoding="unicode").encode("utf-8")
        + b"\n"
    )


def write_glossary(vocabularies: dict, languages, target: Path) -> bool:
    data = glossary(vocabularies, languages)
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True
