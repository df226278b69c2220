"""What contributed content may not carry: template code, active HTML, personal data.

Content under methodology/ is data. It is never rendered as a template, but a
fork could switch mkdocs-macros to render every page, so template syntax is
refused outright. Raw HTML is limited to an allow-list of harmless tags.
"""

from __future__ import annotations

import re

from .problems import Problem

TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")

# Tags a contributor may write as raw HTML, and the attributes they may carry.
ALLOWED_TAGS = {
    "abbr": {"title"}, "b": set(), "br": set(), "cite": set(), "dd": set(), "del": set(), "details": {"open"},
    "dfn": set(), "div": {"class"}, "dl": set(), "dt": set(), "em": set(), "figcaption": set(), "figure": set(),
    "i": set(), "img": {"src", "alt", "width", "height", "title"}, "ins": set(), "kbd": set(), "mark": set(),
    "q": set(), "s": set(), "small": set(), "span": {"class"}, "strong": set(), "sub": set(), "summary": set(),
    "sup": set(), "u": set(), "a": {"href", "title"},
}
_CODE_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTR = re.compile(r"([^\s=/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_MD_URL = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.I)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/.-])(?:\+|00)\d{2}[\s./-]?(?:\(0\)\s?)?\d(?:[\s./-]?\d){6,10}(?!\d)|(?<![\w/.+-])0\d{1,3}[\s./-]\d{2,3}(?:[\s./-]?\d{2}){2}(?!\d)")


def _blank(match: re.Match) -> str:
    # Keep newlines so line numbers of what follows stay right.
    return re.sub(r"[^\n]", " ", match.group(0))


def _line(text: str, pos: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, pos)


def template_problems(text: str, rel: str) -> list[Problem]:
    out = []
    for m in TEMPLATE_SYNTAX.finditer(text):
        out.append(Problem(rel, _line(text, m.start(), 1), "content", f"contains template syntax '{m.group(0)}'",
                           "content is data and never a template: write a brace as &#123; or &#125;, "
                           "or put the text in `code`; for a heading id write '{ #id }' with a space"))
    return out


def html_problems(body: str, rel: str, first_line: int, field: str = "body") -> list[Problem]:
    text = _CODE_FENCE.sub(_blank, body)
    text = _CODE_SPAN.sub(_blank, text)
    text = _COMMENT.sub(_blank, text)
    out = []
    for m in _TAG.finditer(text):
        line = _line(text, m.start(), first_line)
        tag = m.group(2).lower()
        if tag not in ALLOWED_TAGS:
            out.append(Problem(rel, line, field, f"HTML tag <{tag}> is not allowed",
                               "write Markdown instead; allowed tags: " + ", ".join(sorted(ALLOWED_TAGS))))
            continue
        for am in _ATTR.finditer(m.group(3)):
            name = am.group(1).lower()
            value = (am.group(2) or "").strip("\"'")
            if name.startswith("on"):
                out.append(Problem(rel, line, field, f"event-handler attribute '{name}' on <{tag}> is not allowed", "remove it: content may not run scripts"))
            elif name not in ALLOWED_TAGS[tag] and name != "/":
                out.append(Problem(rel, line, field, f"attribute '{name}' on <{tag}> is not allowed",
                                   "allowed: " + (", ".join(sorted(ALLOWED_TAGS[tag])) or "none")))
            elif _BAD_SCHEME.match(value):
                out.append(Problem(rel, line, field, f"link '{value[:40]}' uses a forbidden scheme", "use an https:// address or a relative link"))
    for m in _MD_URL.finditer(text):
        url = m.group(1) or m.group(2) or ""
        if _BAD_SCHEME.match(url):
            out.append(Problem(rel, _line(text, m.start(), first_line), field, f"link '{url[:40]}' uses a forbidden scheme",
                               "use an https:// address or a relative link"))
    return out


def text_field_problems(value, field: str, rel: str, line: int) -> list[Problem]:
    """Front-matter text is shown as plain text: HTML in it is a mistake or an attack."""
    if isinstance(value, str) and _TAG.search(value):
        return [Problem(rel, line, field, "contains HTML", "front-matter fields are plain text; remove the tags")]
    return []


def personal_data_problems(text: str, rel: str, first_line: int, field: str) -> list[Problem]:
    out = []
    for rx, what in ((EMAIL, "an e-mail address"), (PHONE, "a phone number")):
        for m in rx.finditer(text):
            out.append(Problem(rel, _line(text, m.start(), first_line), field, f"contains {what} ({m.group(0).strip()})",
                               "no personal data in summaries and practices; an organisation's general address belongs in 'contact:'"))
    return out
