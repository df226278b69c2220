"""The HTML a content block may carry: one allow-list for the checker and for the output sanitiser.

`policy.py` refuses, with a line and a hint, whatever a body would bring into a
page beyond this list; `sanitiser.py` removes it from the HTML that leaves the
build, configured from the same data, so a mistake in the checker cannot put a
script on the site. Harmless structure is allowed (the HTML that Markdown
authors write by hand); whatever runs, restyles the page or loads from another
host is not.
"""

from __future__ import annotations

import html
import re

# Tags a contributor may write as raw HTML, with the attributes each may carry beyond GLOBAL_ATTRS.
# Markdown and the site's extensions write only these tags too.
TAGS: dict[str, frozenset[str]] = {
    name: frozenset(attrs)
    for name, attrs in {
        "a": {"href"},
        "abbr": set(),
        "aside": set(),
        "b": set(),
        "bdi": set(),
        "blockquote": {"cite"},
        "br": set(),
        "caption": set(),
        "cite": set(),
        "code": set(),
        "col": {"span"},
        "colgroup": {"span"},
        "dd": set(),
        "del": set(),
        "details": {"open"},
        "dfn": set(),
        "div": set(),
        "dl": set(),
        "dt": set(),
        "em": set(),
        "figcaption": set(),
        "figure": set(),
        "h1": set(),
        "h2": set(),
        "h3": set(),
        "h4": set(),
        "h5": set(),
        "h6": set(),
        "hr": set(),
        "i": set(),
        "img": {"src", "alt", "width", "height"},
        "ins": set(),
        "kbd": set(),
        "li": {"value"},
        "mark": set(),
        "ol": {"start", "reversed", "type"},
        "p": set(),
        "pre": set(),
        "q": {"cite"},
        "s": set(),
        "samp": set(),
        "small": set(),
        "span": set(),
        "strong": set(),
        "sub": set(),
        "summary": set(),
        "sup": set(),
        "table": set(),
        "tbody": set(),
        "td": {"colspan", "rowspan"},
        "tfoot": set(),
        "th": {"colspan", "rowspan", "scope"},
        "thead": set(),
        "time": {"datetime"},
        "tr": set(),
        "u": set(),
        "ul": set(),
        "var": set(),
        "wbr": set(),
    }.items()
}
GLOBAL_ATTRS = frozenset({"class", "id", "title", "lang", "dir"})
# Steers the md_in_html extension (`<aside markdown="1">`) and never reaches the page.
MARKDOWN_ATTRS = frozenset({"markdown"})
# The tables extension aligns cells with a style attribute; no other style reaches a page.
STYLED = {"th", "td"}
TABLE_STYLE = re.compile(r"text-align:\s*(left|right|center);?")
URL_ATTRS = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
VOID = frozenset({"br", "col", "hr", "img", "wbr"})

# Comments as a browser's HTML tokenizer reads them: `<!-->` and `<!--->` are whole (empty)
# comments, one ends at `-->` or `--!>` or with the text, and `<!` not followed by `--` (a CDATA
# section, outside SVG) or `<?` opens one that ends at the first `>`. Python's HTMLParser reads some
# of these otherwise (`<!-->` as the start of a comment that runs on, `<![CDATA[` up to `]]>`), so
# whatever it skipped as a comment a browser might show: the checks and the handouts remove
# comments this way before they parse. One match per comment, from its start: linear in the text.
COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))|<(?:!(?!--)|\?)[^>]*(?:>|\Z)", re.S)
# A start or end tag with its attributes, a quoted value whole (a `<!--` in one is text), or else a
# comment: read from the left, as a browser reads them.
_TAG_OR_COMMENT = re.compile(
    r"""(</?[A-Za-z][^\s/>]*(?:=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))|[^>])*>?)|"""
    + COMMENT.pattern,
    re.S,
)


def replace_comments(text: str, replacement) -> str:
    """`text` with each comment a browser would find replaced by `replacement(match)`."""
    return _TAG_OR_COMMENT.sub(
        lambda m: m.group(1) if m.group(1) is not None else replacement(m), text
    )


# A class the theme acts on by loading code from another host (Material fetches mermaid from
# unpkg.com), and ids of the theme's own controls (`__drawer`, `__search`, ...), which a page
# element must not shadow.
_THEME_CLASSES = {"mermaid"}
# The engine's own classes (mk-...): the PDF takes its running header from one, the pages' scripts
# act on others; content that used them would speak for the interface. Its macros may.
_ENGINE_CLASS = "mk-"
# The largest spans HTML knows (a browser clamps them; WeasyPrint, which makes the PDFs, lays out
# every column a span claims: colspan="100000000" takes gigabytes).
_SPAN_LIMITS = {"colspan": 1000, "span": 1000, "rowspan": 65534}
_CLASS = re.compile(r"-?[A-Za-z_][\w-]*")
# An id is a name: letters, digits and `_.:-` (a heading's id is also its address in the table of
# contents, which the theme prints as it is).
_ID = re.compile(r"[\w.:-]+")
_C0_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def allowed_attr(tag: str, attr: str) -> bool:
    return attr in GLOBAL_ATTRS or attr in TAGS.get(tag, ()) or (attr == "style" and tag in STYLED)


def as_browser_reads(url: str) -> str:
    """A URL as a browser resolves it: entities decoded, tabs and newlines dropped anywhere, leading
    controls and spaces dropped, and a backslash read as a slash (so `/\\host` and `\\\\host` name a
    host)."""
    return re.sub(r"[\t\n\r]", "", html.unescape(url)).lstrip(_C0_SPACE).replace("\\", "/")


def scheme(url: str) -> str | None:
    m = _SCHEME.match(as_browser_reads(url))
    return m.group(1).lower() if m else None


def is_foreign(url: str) -> bool:
    """Whether the URL names a scheme or a host: anything but an address on this site."""
    return scheme(url) is not None or as_browser_reads(url).startswith("//")


def link_ok(url: str) -> bool:
    """A link may lead to another page of the site or to a web or mail address."""
    found = scheme(url)
    return found is None or found in LINK_SCHEMES


def image_ok(url: str) -> bool:
    """An image comes from the site itself: a browser showing the page contacts no other host."""
    return not is_foreign(url)


def url_ok(tag: str, attr: str, url: str) -> bool:
    return image_ok(url) if (tag, attr) == ("img", "src") else link_ok(url)


def attr_value_ok(tag: str, attr: str, value: str, interface: bool = False) -> bool:
    """Whether an allowed attribute's value is harmless too; `interface`: HTML the engine's macros
    wrote, which may use the engine's classes."""
    if attr in URL_ATTRS:
        return url_ok(tag, attr, value)
    if attr == "style":
        return bool(TABLE_STYLE.fullmatch(value.strip()))
    if attr == "class":
        return all(
            _CLASS.fullmatch(c)
            and c not in _THEME_CLASSES
            and (interface or not c.startswith(_ENGINE_CLASS))
            for c in value.split()
        )
    if attr in _SPAN_LIMITS:
        number = value.strip()
        return number.isascii() and number.isdigit() and int(number) <= _SPAN_LIMITS[attr]
    if attr == "id":
        return bool(_ID.fullmatch(value)) and not value.startswith("__")
    return True
