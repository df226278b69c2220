"""SVG images: drawings only, read with a real XML parser and held to an allow-list.

An SVG opened from the site runs its scripts there, and one that loads other
files may contact other hosts. Patterns cannot tell what a browser will make
of namespaces, entities and CDATA, so the file is parsed (defusedxml: no DTD,
no entities, no external references) and every element and attribute must be
on the list below, in the SVG namespace; links may only point inside the file.
"""

from __future__ import annotations

import re
from collections import Counter
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from methodkit.checks.lines import line_of
from methodkit.checks.problems import Problem, say

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = {
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "marker",
}
ATTRIBUTES = {
    "id",
    "class",
    "style",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "d",
    "points",
    "width",
    "height",
    "viewBox",
    "preserveAspectRatio",
    "transform",
    "version",
    "role",
    "aria-label",
    "aria-hidden",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-miterlimit",
    "stroke-opacity",
    "opacity",
    "color",
    "clip-path",
    "clip-rule",
    "mask",
    "marker-start",
    "marker-mid",
    "marker-end",
    "visibility",
    "display",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "lengthAdjust",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "maskContentUnits",
    "markerWidth",
    "markerHeight",
    "refX",
    "refY",
    "orient",
    "markerUnits",
    "href",
    f"{{{XLINK_NS}}}href",
    f"{{{XML_NS}}}space",
    f"{{{XML_NS}}}lang",
}
LINKS = {"href", f"{{{XLINK_NS}}}href"}
# In a value, a url() may only name something in the same file: url(#gradient).
# CSS functions that load an image, and any backslash (a CSS escape can spell `url` as `u\\72l`),
# are refused outright.
_FOREIGN_URL = re.compile(
    r"url\(\s*[\"']?\s*(?!#)|@import|expression\(|javascript:|image-set\(|image\(|"
    r"cross-fade\(|element\(|src\(|\\",
    re.I,
)
# A processing instruction other than the XML declaration (<?xml-stylesheet href=...?> loads a
# stylesheet).
_INSTRUCTION = re.compile(r"<\?(?!xml\s)")
HINT = say("svg.hint")


def _name(qname: str) -> str:
    ns, _, local = qname[1:].partition("}") if qname.startswith("{") else ("", "", qname)
    prefix = {XLINK_NS: "xlink:", XML_NS: "xml:", SVG_NS: ""}.get(ns, f"{{{ns}}}" if ns else "")
    return prefix + local


def _line(text: str, word: str) -> int:
    pos = text.find(word)
    return line_of(text, pos) if pos >= 0 else 1


def svg_problems(text: str, rel: str) -> list[Problem]:
    try:
        root = fromstring(
            text.encode("utf-8"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        return [Problem(rel, _line(text, "<!"), "file", say("svg.dtd"), HINT)]
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        return [Problem(rel, line, "file", say("svg.not_xml"), HINT)]
    out: list[Problem] = []
    found = _INSTRUCTION.search(text)
    if found:
        out.append(
            Problem(
                rel,
                line_of(text, found.start()),
                "file",
                say("svg.instruction"),
                HINT,
            )
        )
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments do nothing in an image; instructions were refused above
        local = el.tag.rpartition("}")[2]
        if not el.tag.startswith(f"{{{SVG_NS}}}") or local not in ELEMENTS:
            out.append(
                Problem(
                    rel,
                    _line(text, "<" + local.split("}")[-1]),
                    "file",
                    say("svg.element", element=_name(el.tag)),
                    HINT,
                )
            )
            continue
        for attr, value in el.attrib.items():
            if attr not in ATTRIBUTES:
                out.append(
                    Problem(
                        rel,
                        _line(text, attr.rpartition("}")[2] + "="),
                        "file",
                        say("svg.attribute", attr=_name(attr), tag=local),
                        HINT,
                    )
                )
            elif (attr in LINKS and not value.strip().startswith("#")) or _FOREIGN_URL.search(
                value
            ):
                out.append(
                    Problem(
                        rel,
                        _line(text, value[:20]),
                        "file",
                        say("svg.link", url=value[:40]),
                        HINT,
                    )
                )
    if root.tag != f"{{{SVG_NS}}}svg" and not out:
        out.append(Problem(rel, 1, "file", say("svg.no_svg"), HINT))
    ids = Counter(el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id"))
    twice = sorted(i for i, n in ids.items() if n > 1)
    if twice:
        # A renderer takes the first element of an id, a check could take another: one each.
        out.append(
            Problem(
                rel, _line(text, f'"{twice[0]}"'), "file", say("svg.id_twice", id=twice[0]), HINT
            )
        )
        return out
    try:
        drawn = _drawn(root)
    except RecursionError:  # nested deeper than Python follows: too much for a renderer as well
        drawn = MAX_DRAWN + 1
    if drawn > MAX_DRAWN:
        out.append(
            Problem(
                rel,
                _line(text, "<use"),
                "file",
                say("svg.copies", limit=MAX_DRAWN),
                say("svg.copies.hint"),
            )
        )
    return out


# How many elements a drawing may come to once every <use> is drawn: each copies what it names, and
# copies of copies multiply (ten uses of ten uses nine deep draw 10^9 paths, hours of a PDF's time).
MAX_DRAWN = 100_000


# What an element draws again each time it is named: a marker at every vertex of a path, a mask,
# clip path or pattern for every element that uses it.
_PAINTS = re.compile(r"url\(\s*[\"']?\s*#([^)\"'\s]+)")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _drawn(root) -> int:
    """How many elements the drawing comes to with every <use>, marker, mask, clip path and
    pattern drawn where it is named (more than MAX_DRAWN: stops counting)."""
    by_id = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    sizes: dict[int, int] = {}

    def named(el) -> list[tuple[str, int]]:
        """(id, times) of what the element draws again: a <use>, and every url(#id) it paints
        with."""
        out = []
        ref = next((el.get(a) for a in LINKS if el.get(a)), "").strip()
        if el.tag == f"{{{SVG_NS}}}use" and ref.startswith("#"):
            out.append((ref[1:], 1))
        vertices = len(_NUMBER.findall(el.get("d", "") + " " + el.get("points", ""))) // 2 + 1
        for attr, value in el.attrib.items():
            for target in _PAINTS.findall(value):
                out.append(
                    (target, vertices if attr.startswith("marker") or "marker" in value else 1)
                )
        return out

    def size(el, seen: frozenset) -> int:
        if id(el) in sizes:
            return sizes[id(el)]
        total = 1
        for target_id, times in named(el):
            target = by_id.get(target_id)
            if target is not None and id(target) not in seen:  # a loop draws nothing
                total += times * size(target, seen | {id(el)})
                if total > MAX_DRAWN:
                    break
        for child in el:
            if isinstance(child.tag, str) and total <= MAX_DRAWN:
                total += size(child, seen | {id(el)})
        sizes[id(el)] = total = min(total, MAX_DRAWN + 1)
        return total

    return size(root, frozenset())
