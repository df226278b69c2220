"""Property tests: whatever a contributor's file holds, the loader reports problems and never
crashes.

Random bytes, random text full of `---`, YAML front matter with random nesting,
anchors, aliases and tags, huge numbers, BOMs and mixed line endings are written
into a module file of a copy of the basic fixture, and `methodkit.loading.loader.load`
must return, with every problem naming a file of the repository, a line in it,
a field and a message. `split_front_matter` and `html_problems` get random
strings directly; and whatever Markdown `html_problems` accepts must render to
HTML that cannot run a script.

Each test is bounded (about 200 examples, no deadline) so the suite stays quick.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from methodkit.checks.policy import ALLOWED_TAGS, html_problems, template_problems
from methodkit.checks.problems import Problem, format_problems
from methodkit.loading.config import markdown_extensions, thaw
from methodkit.loading.loader import load
from methodkit.loading.source import split_front_matter
from sitekit import FIXTURES, REPO, assemble

# The engine alone: no site is built or served here (`make test-properdocs` leaves it out).
pytestmark = pytest.mark.engine

# On CI the examples are the same every run (a pull request must not fail on a case its
# change did not touch); locally every run explores new ones.
EXTENSIONS = markdown_extensions(REPO)  # the site's, as `methodkit check` reads them
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MODULES = "methodology/modules"
ALPHA = (FIXTURES / "basic" / MODULES / "alpha-module.md").read_text("utf-8")
FIELDS = [
    "id",
    "title",
    "summary",
    "phase",
    "format",
    "duration",
    "group_size",
    "audience",
    "levers",
    "barriers",
    "objectives",
    "materials",
    "preparation",
    "related",
    "authors",
    "license",
    "adapted_from",
    "draft",
    "source_hash",
    "translators",
    "render_macros",
    "contact",
    "min",
    "max",
    "date",
]
TARGETS = ["alpha-module.md", "alpha-module.fr.md", "nieuw.md", "sub/nieuw.md"]


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("fuzz"), docs=False)


# -- checking the problems ------------------------------------------------------------


def _lines(data: bytes) -> int:
    """How many lines the loader can point at in a file with these bytes."""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return max(text.count("\n") + 1, data.count(b"\n") + 1)


def _assert_well_formed(root: Path, problems, written: dict[str, bytes]) -> None:
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem), p
        where = f"{p!r}"
        assert isinstance(p.path, str) and p.path, where
        assert (
            not p.path.startswith("/") and "\\" not in p.path and ".." not in p.path.split("/")
        ), where
        full = (root / p.path).resolve()
        full.relative_to(root.resolve())  # inside the repository
        assert full.exists(), f"{where}: no such file"
        assert type(p.line) is int and p.line >= 1, where
        assert isinstance(p.field, str) and p.field.strip(), where
        for lang in ("en", "nl", "fr"):  # said in every language without a slip
            message, hint = p.says(lang)
            assert message.strip() and isinstance(hint, str), (where, lang)
            assert not message.startswith(p.code), f"{where}: no catalogue says {p.code}"
        if p.path in written:
            assert p.line <= _lines(written[p.path]), (
                f"{where}: line {p.line}, but the file has {_lines(written[p.path])} lines"
            )
        p.text().encode("utf-8")  # `methodkit check` can print it
        p.github().encode("utf-8")
    format_problems(problems, "json")


def _load_with(root: Path, name: str, data: bytes) -> None:
    """Write `data` as methodology/modules/<name>, load everything, check the problems, put things
    back."""
    path = root / MODULES / name
    original = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        content, problems = load(root)  # must not raise
        _assert_well_formed(root, problems, {f"{MODULES}/{name}": data})
        assert content is not None
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


# -- strategies -----------------------------------------------------------------------

# Mostly readable text (so the YAML parses and the schema, references and policy get to work),
# sometimes anything.
PRINTABLE = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])
TEXT = st.one_of(st.text(PRINTABLE, max_size=30), st.text(max_size=30))  # never surrogates
_ANY_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=15
)
# One value in twenty is any text at all (controls included, which YAML refuses); the rest is
# printable.
LINE_TEXT = st.integers(0, 19).flatmap(
    lambda i: _ANY_LINE if i == 0 else st.text(PRINTABLE, max_size=15)
)

YAML_SCALARS = [
    "~",
    "null",
    "Null",
    "true",
    "false",
    "yes",
    "No",
    "on",
    "off",
    "y",
    "0",
    "-0",
    "007",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1e999",
    "-1e999",
    ".inf",
    "-.Inf",
    ".nan",
    "NaN",
    "3.",
    "2019-02-30",
    "2019-13-01",
    "2019-01-01T25:61:00",
    "12:30:00",
    "1:20",
    "''",
    '""',
    "'it''s'",
    '"\\u00e9\\t"',
    '"\\x00"',
    '"\\ud800"',
    '"\\U0001F600"',
    '"\\"',
    "'",
    "!!python/object:os.system x",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!!binary aGVsbG8=",
    "!!binary ~~~",
    "!!set {a, b}",
    "!!omap [a: 1, b: 2]",
    "!!pairs [a: 1]",
    "!!timestamp 2019-01-01",
    "!!timestamp nope",
    "!!int 'x'",
    "!!int ''",
    "!!int +",
    "!!float ''",
    "!!float abc",
    "!!str 3",
    "!!bool maybe",
    "!!null x",
    "9" * 5000,
    "!!int " + "9" * 5000,
    "!!map {}",
    "!!seq []",
    "!custom x",
    "!<tag:yaml.org,2002:str> y",
    "!<!> z",
    "%TAG",
    "@x",
    "`x",
    "|",
    ">",
    "|-",
    ">+2",
    "<<",
    "? x",
    "- x",
    ": x",
    "#comment",
    "a #comment",
    "{{ x }}",
    "{% x %}",
    "{# x #}",
    "<script>alert(1)</script>",
    "<b>vet</b>",
    "jan@example.org",
    "+32 9 123 45 67",
    "0470 12 34 56",
    "x" * 5000,
    "é" * 300,
    "\u202e",
    "\u0085",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\t",
    "a\tb",
    "'\n'",
    '"\n"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "*",
    "&",
    "!",
    "|2-",
]
ANCHORS = ["a", "b", "x1", "ancre"]
TAGS = [
    "!!str",
    "!!int",
    "!!float",
    "!!bool",
    "!!null",
    "!!seq",
    "!!map",
    "!!set",
    "!!omap",
    "!!binary",
    "!!timestamp",
    "!!python/object:os.system",
    "!!python/tuple",
    "!!python/object/new:dict",
    "!foo",
    "!<tag:x,2000:y>",
    "!",
]
KEYS = st.one_of(
    st.sampled_from(FIELDS),
    st.sampled_from(
        [
            "",
            "1",
            "-1",
            "1.5",
            "0x10",
            "~",
            "null",
            "yes",
            "no",
            "true",
            "<<",
            "'quoted'",
            '"dq"',
            "[a, b]",
            "{a: 1}",
            "!!python/name:os.system",
            "!!int 5",
            "&k id",
            "*k",
            "*a",
            "a b",
            "a:b",
            "#",
            "id ",
            "ïd",
            "?",
            "- x",
            "2019-01-01",
            "1e999",
            "\ufeffid",
        ]
    ),
    LINE_TEXT.filter(lambda s: s.strip() != ""),
)
SCALARS = st.one_of(
    st.sampled_from(YAML_SCALARS),
    st.integers().map(str),
    st.integers(min_value=10**15, max_value=10**400).map(lambda n: str(n)),
    st.integers(min_value=10**15, max_value=10**400).map(lambda n: f"-{n}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    TEXT.map(json.dumps),
    TEXT.map(lambda s: json.dumps(s, ensure_ascii=False)),
    LINE_TEXT,
)


def _leaf():
    return st.one_of(
        SCALARS.map(lambda s: ("s", s)),
        st.sampled_from(ANCHORS).map(lambda a: ("alias", a)),
        st.tuples(
            st.sampled_from(["|", ">", "|-", ">+", "|2"]),
            st.lists(LINE_TEXT, min_size=1, max_size=3),
        ).map(lambda t: ("block",) + t),
    )


def _extend(children):
    pairs = st.lists(st.tuples(KEYS, children), max_size=4)
    return st.one_of(
        st.lists(children, max_size=4).map(lambda c: ("fl", c)),
        pairs.map(lambda c: ("fm", c)),
        st.lists(children, min_size=1, max_size=4).map(lambda c: ("bl", c)),
        pairs.filter(bool).map(lambda c: ("bm", c)),
        st.tuples(st.sampled_from(TAGS), children).map(lambda t: ("tag",) + t),
        st.tuples(st.sampled_from(ANCHORS), children).map(lambda t: ("anchor",) + t),
        st.tuples(st.integers(-3, 3), children).map(lambda t: ("jitter",) + t),
    )


NODES = st.recursive(_leaf(), _extend, max_leaves=25)


def _inline(node) -> str:
    kind = node[0]
    if kind == "s":
        return node[1]
    if kind == "alias":
        return f"*{node[1]}"
    if kind == "block":
        return json.dumps("\n".join(node[2]))
    if kind in ("fl", "bl"):
        return "[" + ", ".join(_inline(c) for c in node[1]) + "]"
    if kind in ("fm", "bm"):
        return "{" + ", ".join(f"{k}: {_inline(v)}" for k, v in node[1]) + "}"
    if kind == "tag":
        return f"{node[1]} {_inline(node[2])}"
    if kind == "anchor":
        return f"&{node[1]} {_inline(node[2])}"
    return _inline(node[2])  # jitter means nothing inline


def _render(node, indent: int) -> str:
    """The text after 'key:' or '- ' for `node`, at `indent` spaces."""
    pad = " " * max(indent, 0)
    kind = node[0]
    if kind == "block":
        return f" {node[1]}\n" + "".join(f"{pad}{line}\n" for line in node[2]).rstrip("\n")
    if kind == "bl":
        return "\n" + "\n".join(f"{pad}-{_render(c, indent + 2)}" for c in node[1])
    if kind == "bm":
        return "\n" + "\n".join(f"{pad}{k}:{_render(v, indent + 2)}" for k, v in node[1])
    if kind == "tag":
        return f" {node[1]}{_render(node[2], indent)}"
    if kind == "anchor":
        return f" &{node[1]}{_render(node[2], indent)}"
    if kind == "jitter":
        return _render(node[2], indent + node[1])
    return " " + _inline(node)


def _entries(yaml_text: str) -> list[str]:
    """Top-level entries of a block mapping, each with its indented continuation lines."""
    out: list[str] = []
    for line in yaml_text.split("\n"):
        if out and (line.startswith((" ", "-")) or not line.strip()):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


ALPHA_YAML = ALPHA.split("---\n")[1].rstrip("\n")
ALPHA_BODY = ALPHA.split("---\n", 2)[2]


@st.composite
def front_matter(draw) -> str:
    if draw(st.booleans()):
        # A valid module, changed in a few places: the schema, references and policy get to work.
        entries = _entries(ALPHA_YAML)
        for _ in range(draw(st.integers(1, 4))):
            op = draw(st.sampled_from(["replace", "insert", "delete", "duplicate"]))
            i = draw(st.integers(0, max(len(entries) - 1, 0)))
            if op == "replace" and entries:
                key = entries[i].split(":", 1)[0]
                entries[i] = f"{key}:{_render(draw(NODES), 2)}"
            elif op == "insert":
                entries.insert(i, f"{draw(KEYS)}:{_render(draw(NODES), 2)}")
            elif op == "delete" and entries:
                entries.pop(i)
            elif entries:
                entries.insert(i, entries[i])
        return "\n".join(entries)
    pairs = draw(st.lists(st.tuples(KEYS, NODES), max_size=8))
    return "\n".join(f"{k}:{_render(v, 2)}" for k, v in pairs)


MARKDOWN_FRAGMENTS = [
    "`",
    "``",
    "```",
    "~~~",
    "\n",
    "\n\n",
    "    ",
    "  ",
    "\t",
    " ",
    "x",
    "tekst",
    "{: ",
    "{ ",
    "{",
    "}",
    " }",
    ".cls",
    "#id",
    "onclick=alert(1)",
    'onclick="alert(1)"',
    "title=x",
    'style="color:red"',
    "href=javascript:alert(1)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x alt=",
    "<b>",
    "</b>",
    "<a href=",
    '"',
    "'",
    ">",
    "<",
    "</a>",
    "javascript:alert(1)",
    "java&#115;cript:",
    "&#106;avascript:",
    "jav\tascript:",
    "[a](",
    ")",
    "![i](",
    "https://example.org/x.png",
    "<!--",
    "-->",
    "- ",
    "1. ",
    "> ",
    "!!! note\n    ",
    "??? note\n    ",
    "| a | b |\n|---|---|\n| c | d |\n",
    "[^1]",
    "\n[^1]: ",
    "<div>",
    "</div>",
    '<span class="x">',
    "</span>",
    "<details>",
    "<summary>",
    "<br>",
    "\\",
    "*",
    "_",
    "## ",
    "Term\n:   ",
    "<iframe src=x>",
    "<svg onload=alert(1)>",
    "<style>*{}</style>",
    '<a href="x" title="',
    "<abbr title='",
    "&",
    "&#x6A;",
    "&amp;",
    "{{",
    "{%",
    "{#",
    "jan@example.org",
    "0470 12 34 56",
    "<aside>",
    '<aside markdown="1">\n',
    "</aside>",
    "<p>",
    "</p>",
    "<blockquote>",
    "<table><tr><td>",
    "<hr>",
    "<pre><code>",
    "<https://example.org/>",
    "<javascript:alert(1)>",
    "/\\evil.example/x.png",
    "\\\\evil.example/x.png",
    '<img src="',
]
MARKDOWN = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_FRAGMENTS), st.text(max_size=4)), max_size=30
).map("".join)
FRAMES = [
    "---\n{y}\n---\n{b}",
    "---\n{y}\n...\n{b}",
    "---\n{y}",
    "{y}\n---\n{b}",
    "---\n{y}\n---\n---\n{b}",
    "--- \n{y}\n---   \n{b}",
    "\n---\n{y}\n---\n{b}",
    "---\n---\n{y}\n---\n{b}",
    "---\n{y}\n---",
    "---\r\n{y}\r\n---\r\n{b}",
    "\ufeff---\n{y}\n---\n{b}",
    "---\n{y}\n----\n{b}",
    "---\n{y}\n---\n{b}\n---\n{y}\n---\n",
]


GOOD_FRAMES = [
    "---\n{y}\n---\n{b}",
    "---\n{y}\n...\n{b}",
    "--- \n{y}\n---   \n{b}",
    "---\n{y}\n---",
]
DAMAGE = ["none"] * 8 + ["crlf", "cr", "mixed", "separators", "bom", "insert", "utf-16", "bytes"]


@st.composite
def module_bytes(draw) -> bytes:
    frame = draw(st.sampled_from(GOOD_FRAMES * 3 + FRAMES))
    text = frame.replace("{y}", draw(front_matter())).replace(
        "{b}", draw(st.one_of(MARKDOWN, st.just(ALPHA_BODY)))
    )
    damage = draw(st.sampled_from(DAMAGE))
    if damage == "crlf":
        text = text.replace("\n", "\r\n")
    elif damage == "cr":
        text = text.replace("\n", "\r")
    elif damage == "mixed":
        rnd = draw(st.randoms(use_true_random=False))
        text = "".join(c if c != "\n" else rnd.choice(["\n", "\r\n", "\r", "\n\r"]) for c in text)
    elif damage in ("separators", "bom", "insert"):
        extra = {
            "separators": st.sampled_from(["\u2028", "\u2029", "\x85", "\u2028" * 40, "\x85" * 40]),
            "bom": st.sampled_from(["\ufeff", "\ufeff\ufeff"]),
            "insert": st.sampled_from(["\x00", "\x0c", "\x1b[0m", "\u202e", "\t", "\v"]),
        }[damage]
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(extra) + text[i:]
    data = (("\ufeff" if damage == "bom" and draw(st.booleans()) else "") + text).encode(
        "utf-16" if damage == "utf-16" else "utf-8"
    )
    if damage == "bytes":
        i = draw(st.integers(0, len(data)))
        data = data[:i] + draw(st.binary(min_size=1, max_size=4)) + data[i:]
    return data


FENCE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "---",
                "...",
                "--- ",
                "----",
                "\n",
                "\r\n",
                "\r",
                "\ufeff",
                ":",
                ": ",
                " ",
                "  ",
                "- ",
                "id: x",
                "a:",
                "{{",
                "{%",
                "&a",
                "*a",
                "!!",
                "!!python/object:os.system",
                "#",
                "'",
                '"',
                "[",
                "]",
                "{",
                "}",
                "\t",
                "? ",
                "|",
                ">",
                "%YAML 1.1",
                "%TAG ! tag:x,2000:",
                "\x00",
                "\u2028",
                "\x85",
                "9" * 400,
            ]
        ),
        st.text(max_size=6),
    ),
    max_size=40,
).map("".join)


# -- the loader never raises ----------------------------------------------------------


@FUZZ
@given(
    name=st.sampled_from(TARGETS),
    prefix=st.sampled_from([b"", b"---\n", b"---\nid: x\n", b"\xef\xbb\xbf---\n"]),
    data=st.binary(max_size=400),
)
def test_loader_survives_random_bytes(fuzz_root, name, prefix, data):
    _load_with(fuzz_root, name, prefix + data)


@FUZZ
@given(name=st.sampled_from(TARGETS), text=FENCE_TEXT)
def test_loader_survives_random_text_with_fences(fuzz_root, name, text):
    _load_with(fuzz_root, name, text.encode("utf-8"))


@FUZZ
@given(name=st.sampled_from(TARGETS), data=module_bytes())
@example(
    name="alpha-module.md", data=ALPHA.replace("phase: intake", "phase: intake\n1: x").encode()
)  # a key that is a number
@example(
    name="alpha-module.md", data=ALPHA.replace("phase: intake", "phase: intake\nyes: x").encode()
)  # ... or a boolean
@example(
    name="alpha-module.md",
    data=ALPHA.replace("summary: Een", "summary: Een" + "\u2028" * 60 + "x")
    .replace("duration: 240", "duration: [")
    .encode(),
)  # YAML counts U+2028 as a line break, the file does not
@example(
    name="nieuw.md", data=b"---\ntranslators: !!timestamp nope\n---\n"
)  # PyYAML raises AttributeError
@example(name="nieuw.md", data=b"---\ndraft: !!bool x\n---\n")  # ... KeyError
@example(name="nieuw.md", data=b"---\nduration: !!int ''\n---\n")  # ... IndexError
def test_loader_survives_malformed_front_matter(fuzz_root, name, data):
    _load_with(fuzz_root, name, data)


# -- the parts, directly --------------------------------------------------------------


@FUZZ
@given(
    text=st.one_of(
        FENCE_TEXT,
        st.text(max_size=200),
        module_bytes().map(lambda b: b.decode("utf-8", errors="replace")),
    )
)
@example(text="---\ndate: !!timestamp nope\n---\n")
@example(text="---\ndraft: !!bool x\n---\n")
@example(text="---\nduration: !!int +\n---\n")
@example(text="---\nsummary: Een" + "\u2028" * 10 + "\nduration: [\n---\n")
def test_split_front_matter_never_raises(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as read_text hands it over
    problems: list[Problem] = []
    src = split_front_matter(text, "methodology/modules/x.md", problems)
    lines = text.count("\n") + 1
    for p in problems:
        assert p.path == "methodology/modules/x.md" and p.field and p.message, p
        assert 1 <= p.line <= lines, (p, lines)
    if src is None:
        assert problems, "a file refused without a reason"
    else:
        assert isinstance(src.meta.data, dict)
        assert 2 <= src.body_line <= lines + 1
        assert all(1 <= line <= lines for line in src.meta.lines.values()), (src.meta.lines, lines)


@FUZZ
@given(body=st.one_of(MARKDOWN, st.text(max_size=300)), first_line=st.integers(1, 10_000))
def test_html_problems_never_raises(body, first_line):
    problems = html_problems(body, "methodology/modules/x.md", first_line, extensions=EXTENSIONS)
    last = first_line + body.count("\n")
    for p in problems:
        assert (
            p.path == "methodology/modules/x.md" and p.field == "body" and p.message and p.hint
        ), p
        assert first_line <= p.line <= last, (p, first_line, last)


# -- what the policy accepts cannot run a script ----------------------------------------


def _markdown():
    """Python-Markdown with the extensions and settings of the site's mkdocs.yml."""
    import markdown

    return markdown.Markdown(
        extensions=[name for name, _ in EXTENSIONS],
        extension_configs={name: thaw(cfg) for name, cfg in EXTENSIONS if thaw(cfg)},
    )


# Tags Python-Markdown and the extensions write themselves, besides those a contributor may write.
RENDERED_TAGS = set(ALLOWED_TAGS) | {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "pre",
    "code",
    "blockquote",
    "hr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "sup",
    "a",
    "img",
    "br",
}
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
}
_C0 = "".join(map(chr, range(0x21)))


class _Active(HTMLParser):
    """What in a piece of HTML can run code or restyle the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in RENDERED_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "style" and not re.fullmatch(
                r"text-align:\s*(left|right|center);?", value.strip()
            ):
                self.found.append(f"<{tag} style={value!r}>")
            elif name in ("srcdoc", "formaction"):
                self.found.append(f"<{tag} {name}>")
            elif name in URL_ATTRS:
                # What a browser does with a URL: drop tabs and newlines anywhere, and leading
                # controls and spaces.
                url = re.sub(r"[\t\n\r]", "", value).lstrip(_C0)
                if re.match(r"(?:javascript|vbscript|data):", url, re.I):
                    self.found.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def _active(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    parser.close()
    return parser.found


MD = _markdown()


@FUZZ
@given(body=MARKDOWN)
@example(body='Tekst.\n{: onclick="alert(1)" }\n')
@example(body="![i](https://example.org/i.png){ onerror=alert(1) }\n")
@example(body="a `\n\n<script>alert(1)</script>\n\nb `\n")
@example(body="    ```\n<script>alert(1)</script>\n    ```\n")
@example(body="<img src=x alt=`a` onerror=alert(1)>\n")
@example(body="[a](java&#115;cript:alert(1))\n")
@example(body="[a](jav\tascript:alert(1))\n")
def test_what_the_policy_accepts_renders_inert(body):
    if html_problems(
        body, "methodology/modules/x.md", 1, extensions=EXTENSIONS
    ) or template_problems(body, "methodology/modules/x.md"):
        return  # refused: `methodkit check` fails and the build stops
    MD.reset()
    html = MD.convert(body)
    active = _active(html)
    assert active == [], (
        f"accepted by the content policy, but renders to active HTML {active}:\n"
        f"{body!r}\n->\n{html}"
    )


# -- a handout's worksheets, found without an HTML parser -------------------------------

# Markdown without `<` or `{`: blocks that nest, fence and indent, coach notes among worksheets.
WORKSHEET_FRAGMENTS = [
    '!!! worksheet "Werkblad"\n',
    "??? worksheet\n",
    "???+ worksheet extra\n",
    "!!! coach\n",
    '    !!! coach "GEHEIM"\n        GEHEIM\n',
    '!!! coach\n    !!! worksheet "Binnen"\n        GEHEIM\n',
    "!!! note worksheets\n",
    '!!! tip "div worksheet"\n',
    "    ",
    "        ",
    'Tekst met class="worksheet" en &lt;div&gt;.\n',
    "\n",
    "- punt\n",
    "1. stap\n",
    '```\ndiv class="worksheet" details coach\n```\n',
    "    ```text\n    code\n    ```\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Term\n:   uitleg\n",
    "Voetnoot[^1].\n\n[^1]: noot\n",
    "> citaat\n",
    "## Kop\n",
    "[link](../x/)\n",
    "![beeld](beeld.png)\n",
    "&amp; &#60; ---\n",
]
WORKSHEET_MARKDOWN = st.lists(
    st.one_of(
        st.sampled_from(WORKSHEET_FRAGMENTS),
        st.text(st.characters(exclude_characters="<{", codec="utf-8"), max_size=5),
    ),
    max_size=40,
).map("".join)


def _balanced(html: str) -> bool:
    """Whether every tag of `html` is closed, in the order it was opened."""
    from html.parser import HTMLParser

    from methodkit.checks.allowlist import VOID

    stack, ok = [], True

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in VOID:
                stack.append(tag)

        def handle_endtag(self, tag):
            nonlocal ok
            if tag not in VOID:
                ok = ok and bool(stack) and stack.pop() == tag

    parser = Tags()
    parser.feed(html)
    parser.close()
    return ok and not stack


@FUZZ
@given(body=WORKSHEET_MARKDOWN)
@example(body='!!! worksheet "A"\n    !!! worksheet "B"\n        tekst\n    na\n\nbuiten\n')
@example(body="??? worksheet\n    ??? coach\n        x\n\n!!! worksheet\n    y\n")
@example(body='!!! worksheet "A"\n    vraag\n\n    !!! coach "GEHEIM"\n        GEHEIM\n')
@example(body='!!! worksheet "Werkblad"\n        !!! coach "GEHEIM"\n        GEHEIM\n')
def test_a_worksheet_is_found_in_markdown_without_markup_as_the_parser_finds_it(body):
    """The handout's fast path (participant_html with markup_free) finds the blocks the HTML
    parser finds, in whatever Python-Markdown writes from Markdown that holds no `<` or `{`, and
    the handout never carries a coach's note, even one written inside a worksheet (the fixed
    cases below check that its words are gone too)."""
    from methodkit.pages.handouts import (
        WORKSHEET_CLASS,
        _Blocks,
        _written_blocks,
        only_written_tags,
        participant_html,
    )

    assert only_written_tags(body)
    MD.reset()
    html = MD.convert(body)
    parsed = _Blocks.parse(html, WORKSHEET_CLASS)
    assert _balanced(html), html  # what the fast path's pattern relies on
    assert _written_blocks(html, WORKSHEET_CLASS) == parsed.blocks, (body, html)
    handout = participant_html(html, markup_free=True)
    assert handout == participant_html(html), (body, html)
    # No coach's note in it (a note's words may still stand as a worksheet's code or text).
    assert not _Blocks.parse(handout, "coach", any_tag=True).blocks, (body, handout)


@pytest.mark.parametrize(
    "body",
    [
        '!!! worksheet "W"\n    <aside class="admonition coach" markdown="1">\n    GEHEIM\n'
        "    </aside>\n\n    Vraag.\n",
        '!!! worksheet "W"\n    <details class="coach" markdown="1">\n    GEHEIM\n    </details>\n',
        '!!! coach\n    !!! worksheet "Binnen"\n        GEHEIM\n',
    ],
)
def test_what_a_coach_note_holds_stays_out_of_the_handout_and_the_workbook(body):
    """A coach's note is the coach's wherever it stands: written in HTML inside a worksheet, or
    around one."""
    from methodkit.pages.handouts import participant_html, worksheets

    MD.reset()
    html = MD.convert(body)
    assert "GEHEIM" in html
    assert "GEHEIM" not in participant_html(html)
    assert not any("GEHEIM" in sheet for sheet in worksheets(html))
