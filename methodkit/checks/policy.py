"""What contributed content may not carry: template code, active HTML, personal data.

Content under methodology/ is data. It is never rendered as a template, but a
fork could switch mkdocs-macros to render every page, so template syntax is
refused outright. Raw HTML is limited to an allow-list of harmless tags, and
images come from the repository, never from another host (a reader's browser
would contact it).

Two passes, because Markdown is too rich to police with patterns alone: the
source pass finds raw HTML and links with their line; the rendered pass turns
the body into HTML with the site's own Markdown extensions and looks at what a
browser would get. The second catches what the first cannot see (attribute
lists, entity-encoded schemes, code spans that are not code), and is reported
only when the first found nothing, so one mistake is not reported twice.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

from methodkit.checks.problems import Problem

TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#")

# Tags a contributor may write as raw HTML, and the attributes they may carry.
ALLOWED_TAGS = {
    "abbr": {"title"}, "b": set(), "br": set(), "cite": set(), "dd": set(), "del": set(), "details": {"open"},
    "dfn": set(), "div": {"class"}, "dl": set(), "dt": set(), "em": set(), "figcaption": set(), "figure": set(),
    "i": set(), "img": {"src", "alt", "width", "height", "title"}, "ins": set(), "kbd": set(), "mark": set(),
    "q": set(), "s": set(), "small": set(), "span": {"class"}, "strong": set(), "sub": set(), "summary": set(),
    "sup": set(), "u": set(), "a": {"href", "title"},
}
# What Python-Markdown and the site's extensions write themselves, on top of the above.
RENDERED_TAGS = set(ALLOWED_TAGS) | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre", "code",
                                     "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td"}
RENDERED_ATTRS = {"id", "class", "href", "title", "src", "alt", "width", "height", "open", "lang"}
URL_ATTRS = {"href", "src"}
# Tables align cells with a style attribute; no other style may reach the page.
_TABLE_STYLE = re.compile(r"text-align:\s*(left|right|center);?")

# A fence opens with up to three spaces of indent and closes with the same; code spans stay on one line.
# Both are generous to the writer only where Markdown itself would show the text as code.
_CODE_FENCE = re.compile(r"^( {0,3})(```|~~~)[^\n]*\n.*?^\1\2[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>?")
_FIELD_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTR = re.compile(r"([^\s=/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_MD_URL = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\n>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_BAD_SCHEME = re.compile(r"(javascript|vbscript|data|file)\s*:", re.I)
_REMOTE = re.compile(r"([a-z][a-z0-9+.-]*:|//)", re.I)
# What lets Markdown produce a tag, attribute or URL the source pass does not read as such:
# raw HTML, attribute lists, entities (and reference-style images, below).
_MAY_HIDE = re.compile(r"[<{]|&#?\w+;")
_C0 = "".join(map(chr, range(0x21)))

# E-mail addresses, also written to dodge harvesters: jan [at] bedrijf.be, jan(at)bedrijf(dot)be.
PLAIN_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = re.compile(PLAIN_EMAIL +
                   r"|[\w.+-]+\s*[\[(]\s*(?:at|@)\s*[\])]\s*[\w-]+(?:\s*(?:\.|[\[(]\s*(?:dot|punt)\s*[\])])\s*[\w-]+)+", re.I)
# International (+32 …, 0032 …) and national numbers: 0470 12 34 56, 09/123.45.67, and also 0476123456 or
# 0476 123 456 (a 0 and eight or nine digits, with at most spaces, slashes or dashes between them; not dots,
# so that an enterprise number like 0123.456.789 is not taken for one).
PHONE = re.compile(r"(?<![\w/.-])(?:\+|00)\d{2}[\s./-]?(?:\(0\)\s?)?\d(?:[\s./-]?\d){6,10}(?!\d)"
                   r"|(?<![\w/.+-])0\d{1,3}[\s./-]\d{2,3}(?:[\s./-]?\d{2}){2}(?!\d)"
                   r"|(?<![\w/.+-])0\d(?:[ /-]?\d){7,8}(?!\d|\.\d)")

# What each kind of finding says, and how to mend it.
MESSAGES = {
    "tag": ("HTML tag <{tag}> is not allowed", "write Markdown instead; allowed tags: " + ", ".join(sorted(ALLOWED_TAGS))),
    "handler": ("event-handler attribute '{attr}' on <{tag}> is not allowed", "remove it: content may not run scripts"),
    "attr": ("attribute '{attr}' on <{tag}> is not allowed", "allowed: {allowed}"),
    "scheme": ("link '{url}' uses a forbidden scheme", "use an https:// address or a relative link"),
    "image": ("image '{url}' comes from another site",
              "put the image in the repository next to the page and link it relatively: pages may not load anything from other hosts"),
}

def _problem(rel: str, line: int, field: str, what: str, **values) -> Problem:
    message, hint = MESSAGES[what]
    if "url" in values:
        values["url"] = values["url"][:40]
    return Problem(rel, line, field, message.format(**values), hint.format(**values))


def _blank(match: re.Match, fill: str = " ") -> str:
    # Keep newlines so line numbers of what follows stay right. Code spans become
    # letters, not spaces, so `alt=`x` onerror=...` still reads as two attributes.
    return re.sub(r"[^\n]", fill, match.group(0))


def _line(text: str, pos: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, pos)


def _url_as_browser_reads(value: str) -> str:
    # Browsers decode entities, drop tabs and newlines anywhere and leading controls and spaces.
    return re.sub(r"[\t\n\r]", "", html.unescape(value)).lstrip(_C0)


def _bad_scheme(value: str) -> bool:
    return bool(_BAD_SCHEME.match(_url_as_browser_reads(value)))


def _remote(value: str) -> bool:
    return bool(_REMOTE.match(_url_as_browser_reads(value)))


def template_problems(text: str, rel: str) -> list[Problem]:
    out = []
    for m in TEMPLATE_SYNTAX.finditer(text):
        out.append(Problem(rel, _line(text, m.start(), 1), "content", f"contains template syntax '{m.group(0)}'",
                           "content is data and never a template: write a brace as &#123; or &#125;, "
                           "or put the text in `code`; for a heading id write '{ #id }' with a space"))
    return out


def html_problems(body: str, rel: str, first_line: int, field: str = "body", extensions=()) -> list[Problem]:
    """`extensions` as `config.markdown_extensions` gives them: the body is rendered as the site renders it."""
    out = _source_problems(body, rel, first_line, field)
    if not out:
        out = _rendered_problems(body, rel, first_line, field, extensions)
    return out


@lru_cache(maxsize=4)  # the loader asks for the same body's problems, then its references
def _prose(body: str) -> str:
    """The body with code and comments blanked out: what a browser would read as markup."""
    text = _CODE_FENCE.sub(_blank, body)
    text = _CODE_SPAN.sub(lambda m: _blank(m, "x"), text)
    return _COMMENT.sub(_blank, text)


def _source_problems(body: str, rel: str, first_line: int, field: str) -> list[Problem]:
    text = _prose(body)
    out = []
    for m in _TAG.finditer(text):
        line = _line(text, m.start(), first_line)
        tag = m.group(2).lower()
        if tag not in ALLOWED_TAGS:
            out.append(_problem(rel, line, field, "tag", tag=tag))
            continue
        for am in _ATTR.finditer(m.group(3)):
            name = am.group(1).lower()
            value = (am.group(2) or "").strip("\"'")
            if name.startswith("on"):
                out.append(_problem(rel, line, field, "handler", attr=name, tag=tag))
            elif name not in ALLOWED_TAGS[tag] and name != "/":
                out.append(_problem(rel, line, field, "attr", attr=name, tag=tag, allowed=", ".join(sorted(ALLOWED_TAGS[tag])) or "none"))
            elif _bad_scheme(value):
                out.append(_problem(rel, line, field, "scheme", url=value))
            elif tag == "img" and name == "src" and _remote(value):
                out.append(_problem(rel, line, field, "image", url=value))
    for m in _MD_URL.finditer(text):
        url = (m.group(2) or m.group(3) or "").strip()
        line = _line(text, m.start(), first_line)
        if _bad_scheme(url):
            out.append(_problem(rel, line, field, "scheme", url=url))
        elif m.group(1) and _remote(url):
            out.append(_problem(rel, line, field, "image", url=url))
    return out


def page_references(body: str, first_line: int) -> tuple[list, list]:
    """What a body uses of the repository: its images, as (relative address, line, written in Markdown),
    and its Markdown links to other files, as (relative address, line)."""
    html_img = "<img" in body.lower()
    if "](" not in body and "]:" not in body and not html_img:
        return [], []
    text, images, links = _prose(body), [], []
    for m in _MD_URL.finditer(text):
        parts = (m.group(2) or m.group(3) or "").split()
        if parts and _relative(parts[0]):
            line = _line(text, m.start(), first_line)
            if m.group(1):
                images.append((parts[0], line, True))
            else:
                links.append((parts[0], line))
    for m in _TAG.finditer(text) if html_img else ():
        if m.group(2).lower() == "img":
            for am in _ATTR.finditer(m.group(3)):
                src = (am.group(2) or "").strip("\"'")
                if am.group(1).lower() == "src" and _relative(src):
                    images.append((src, _line(text, m.start(), first_line), False))
    return images, links


def _relative(url: str) -> bool:
    return bool(url) and not _remote(url) and not url.startswith(("/", "#"))


# -- the rendered pass ----------------------------------------------------------

@lru_cache(maxsize=4)
def _markdown(extensions):
    import markdown

    return markdown.Markdown(extensions=[name for name, _ in extensions],
                             extension_configs={name: dict(cfg) for name, cfg in extensions if cfg})


class _Active(HTMLParser):
    """Collects (tag, attribute or None, value) for whatever the policy does not allow."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str | None, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in RENDERED_TAGS:
            self.found.append((tag, None, ""))
            return
        for name, value in attrs:
            value = value or ""
            if name == "style" and tag in ("th", "td") and _TABLE_STYLE.fullmatch(value.strip()):
                continue
            if name not in RENDERED_ATTRS or (name in URL_ATTRS and _bad_scheme(value)) or (tag == "img" and name == "src" and _remote(value)):
                self.found.append((tag, name, value))

    handle_startendtag = handle_starttag


def _rendered_problems(body: str, rel: str, first_line: int, field: str, extensions) -> list[Problem]:
    if not _MAY_HIDE.search(body) and not ("![" in body and "]:" in body):
        return []  # then the source pass has seen every tag, attribute and URL the page will get
    try:
        rendered = _markdown(extensions).reset().convert(body)
    except Exception:  # noqa: BLE001 - a body the renderer chokes on is refused, not a crash
        return [Problem(rel, first_line, field, "cannot be read as Markdown", "simplify the text around unusual characters")]
    parser = _Active()
    parser.feed(rendered)
    parser.close()
    out = []
    for tag, attr, value in parser.found:
        line = _where(body, attr or tag, first_line)
        if attr is None:
            out.append(_problem(rel, line, field, "tag", tag=tag))
        elif attr.startswith("on"):
            out.append(_problem(rel, line, field, "handler", attr=attr, tag=tag))
        elif attr in URL_ATTRS and _bad_scheme(value):
            out.append(_problem(rel, line, field, "scheme", url=value))
        elif attr == "src" and _remote(value):
            out.append(_problem(rel, line, field, "image", url=value))
        else:
            out.append(_problem(rel, line, field, "attr", attr=attr, tag=tag, allowed=", ".join(sorted(RENDERED_ATTRS - {"lang"}))))
    return out


def _where(body: str, word: str, first_line: int) -> int:
    """The line of the body where `word` first appears, or its first line."""
    pos = body.lower().find(word.lower())
    return first_line + body.count("\n", 0, pos) if pos >= 0 else first_line


def text_field_problems(value, field: str, rel: str, line: int) -> list[Problem]:
    """Front-matter text is shown as plain text: HTML in it is a mistake or an attack."""
    if isinstance(value, str) and _FIELD_TAG.search(value):
        return [Problem(rel, line, field, "contains HTML", "front-matter fields are plain text; remove the tags")]
    return []


# What makes an SVG file more than a drawing: scripts, event handlers, and anything it would load.
_SVG_ACTIVE = re.compile(r"<\s*script|<\s*foreignObject|\son[a-z]+\s*=|javascript:|@import|"
                         r"\bhref\s*=\s*[\"']?\s*(?!#)[^\s\"'>]|url\(\s*[\"']?\s*(?!#)", re.I)


def svg_problems(text: str, rel: str) -> list[Problem]:
    """An SVG opened from the site runs its scripts there; one that loads other files may contact other hosts."""
    m = _SVG_ACTIVE.search(text)
    if m is None:
        return []
    return [Problem(rel, _line(text, m.start(), 1), "file", "an SVG image with a script, an event handler or a link to another file or host",
                    "save the drawing as plain SVG, or as PNG")]


def personal_data_problems(text: str, rel: str, first_line: int, field: str) -> list[Problem]:
    out = []
    for rx, what in ((EMAIL, "an e-mail address"), (PHONE, "a phone number")):
        for m in rx.finditer(text):
            out.append(Problem(rel, _line(text, m.start(), first_line), field, f"contains {what} ({m.group(0).strip()})",
                               "no personal data in summaries and practices; an organisation's general address belongs in 'contact:'"))
    return out
