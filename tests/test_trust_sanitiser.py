"""Defence in depth at no cost: whatever `methodkit check` accepts leaves the build unchanged by the
sanitiser.

Random Markdown, rich in the HTML that the allow-list admits and in the tricks it
refuses, is written as modules of a fixture site, which is then built for real
(the Dutch build, in this process, as `mkdocs build` runs it). The sanitiser is
watched: every content block it cleans in that build, for the modules the
check accepted and for the site's own pages, must come out as it went in,
read as a browser reads HTML (comments aside). A block it had to change would
mean the checker and the sanitiser disagree about what is allowed.
"""

from __future__ import annotations

import base64
import os
import shutil
from xml.etree import ElementTree

import pytest
import tinyhtml5
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import methodkit.mkdocs_adapter.plugin as plugin_module
from methodkit.loading.loader import load
from methodkit.mkdocs_adapter.build import _build_one
from methodkit.pages.sanitiser import clean
from sitekit import FIXTURES, assemble

FRAGMENTS = [
    "\n",
    "\n\n",
    "    ",
    "x",
    "tekst",
    "**vet**",
    "*schuin*",
    "`code`",
    "```\ncode\n```\n",
    "## Kop\n",
    "- ",
    "1. ",
    "> ",
    "[a](https://example.org/)",
    "[a](#kop)",
    "[a](../beta-module.md)",
    "<https://example.org/>",
    "<info@example.org>",
    "![b](beeld.png)",
    "{ #anker }",
    "{: .klasse }",
    "!!! note\n    ",
    "??? tip\n    ",
    '!!! worksheet "Blad"\n    ',
    "| a | b |\n|:--|--:|\n| c | d |\n",
    "[^1]",
    "\n[^1]: noot\n",
    "Term\n:   uitleg\n",
    '<aside markdown="1">\n',
    "</aside>\n",
    "<p>",
    "</p>",
    "<blockquote>",
    "</blockquote>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<h3>",
    "</h3>",
    "<hr>",
    "<pre><code>",
    "</code></pre>",
    '<figure markdown="1">\n',
    "</figure>\n",
    "<details><summary>s</summary>",
    "</details>",
    '<div class="kader">',
    "</div>",
    '<span lang="fr">',
    "</span>",
    '<abbr title="t">',
    "</abbr>",
    "<br>",
    "&amp;",
    "&#x41;",
    "&lt;",
    # and what the check refuses
    "<script>x</script>",
    "<img src=x onerror=y>",
    "onclick=y",
    "{: onclick=y }",
    "<!--",
    "-->",
    "javascript:y",
    "[a](javascript:y)",
    "<iframe>",
    "<style>",
    "/\\evil.example/",
    '<div class="mermaid">',
    'id="__x"',
    "<",
    ">",
    '"',
    "'",
    "&",
    "{",
    "}",
    '<a href="',
    '">',
    "</a>",
]
BODY = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25).map("".join)
CHECKS = settings(
    max_examples=int(os.environ.get("TRUST_BUILD_EXAMPLES", "3")),
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
MODULE = (FIXTURES / "basic" / "methodology/modules/alpha-module.md").read_text("utf-8")
FRONT = MODULE[: MODULE.index("\n---\n") + 5]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("sanitiser") / "root")
    (root / "methodology/modules/beeld.png").write_bytes(PNG)
    return root


def _as_read(html: str) -> str:
    """HTML as a browser's parser builds it, serialised again; comments left out (they show
    nothing)."""
    tree = tinyhtml5.parse(f"<!doctype html><body>{html}", namespace_html_elements=False)
    body = tree.find("body")
    for parent in body.iter():
        for child in list(parent):
            if child.tag is ElementTree.Comment:
                parent.remove(child)
    return ElementTree.tostring(body, encoding="unicode")


@CHECKS
@given(bodies=st.lists(BODY, min_size=6, max_size=6))
def test_what_the_check_accepts_passes_the_sanitiser_unchanged(pristine, tmp_path_factory, bodies):
    root = shutil.copytree(pristine, tmp_path_factory.mktemp("example") / "root")
    for i, body in enumerate(bodies):
        front = FRONT.replace("id: alpha-module", f"id: fuzz-{i}").replace(
            "title: Alfa-module", f"title: Fuzz {i}"
        )
        (root / f"methodology/modules/fuzz-{i}.md").write_text(front + body + "\n", "utf-8")
    seen: list[tuple[str, str]] = []

    def watched(html: str, interface: bool = False) -> str:
        out = clean(html, interface)
        if not interface:
            seen.append((html, out))
        return out

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plugin_module, "clean", watched)
        mp.setenv("METHODKIT_CACHE", "0")
        # Built as serve builds: modules with problems are left out (a stand-in shows the banner).
        _, ok, message = _build_one(
            str(root / "mkdocs.yml"), "nl", str(root / "site"), False, True, False
        )
        _, problems = load(root)
    assert ok, message
    # The accepted modules' pages are among those watched (a refused one is a banner with no
    # content).
    refused = {p.path for p in problems}
    accepted = [i for i in range(len(bodies)) if f"methodology/modules/fuzz-{i}.md" not in refused]
    bodies_seen = [after for _, after in seen if "Alfatekst" not in after and after.strip()]
    assert len(seen) > 20 and len(bodies_seen) >= len(accepted)
    print(f"{len(accepted)} of {len(bodies)} modules accepted")
    changed = [(before, after) for before, after in seen if _as_read(before) != _as_read(after)]
    assert changed == [], "the sanitiser changed accepted content:\n" + "\n---\n".join(
        f"{_as_read(b)}\n->\n{_as_read(a)}" for b, a in changed[:3]
    )
