"""Problem messages: codes in the source, their words in one catalogue per language.

The catalogue test finds every code the package uses by reading its source (ast), so a new
problem without its words in every language, a placeholder one language forgot, or words no
code uses any more fail here. The others read what a contributor gets: `methodkit check` in
a language, and the banner of a French preview build.
"""

from __future__ import annotations

import ast
import json
import shutil
import string
import subprocess
from pathlib import Path

import pytest
import yaml

import methodkit
from methodkit.checks.problems import Problem, say, word
from methodkit.checks.wording import catalogue, languages
from methodkit.cli.main import main
from sitekit import BIN, assemble, page, replace_in
from sitekit import methodkit as run_methodkit

PACKAGE = Path(methodkit.__file__).parent
BETA = "methodology/modules/beta-module.md"


def _calls(name: str):
    """(first argument or None when it is not a literal, keyword names, where) of every call
    of `name` in the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                first = node.args[0] if node.args else None
                literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                yield (first.value if literal else None), {k.arg for k in node.keywords}, where


def _fields(template: str) -> dict[str, set[str]]:
    """The placeholders of a sentence, each with the forms it asks for ({kind:a} -> kind: {a})."""
    out: dict[str, set[str]] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            out.setdefault(name, set()).add(spec)
    return out


def _kit_words() -> set[str]:
    """The words of the kit's own data: its item types and its starter vocabularies (singular)."""
    types = yaml.safe_load((PACKAGE / "schemas" / "types.yml").read_text("utf-8"))
    vocabularies = yaml.safe_load((PACKAGE / "cli/starter/vocabularies.yml").read_text("utf-8"))
    return set(types) | {v.removesuffix("s") for v in vocabularies}


def test_every_code_is_said_in_every_language_with_the_same_placeholders():
    assert {"en", "nl", "fr"} <= set(languages())
    said = list(_calls("say"))
    assert len(said) > 150, "the scan found the package's messages"
    computed = [where for code, _, where in said if code is None]
    assert not computed, f"a code must be written out, so this test finds it: {computed}"
    used = {code for code, _, _ in said}
    english = catalogue("en")["messages"]
    for lang in languages():
        messages = catalogue(lang)["messages"]
        assert sorted(used - set(messages)) == [], f"{lang}.yml lacks these codes"
        assert sorted(set(messages) - used) == [], f"{lang}.yml has codes no problem uses"
        for code in used:
            assert set(_fields(messages[code])) == set(_fields(english[code])), (lang, code)
    for code, keywords, where in said:
        assert keywords == set(_fields(english[code])), f"{where}: {code} is given {keywords}"


def test_every_word_is_said_in_every_language():
    literal = [name for name, _, _ in _calls("word")]
    assert literal
    words = {n for n in literal if n is not None} | _kit_words()
    # The forms a sentence asks of the word it names as {kind:...}: every word of the kit has them.
    for lang in languages():
        table = catalogue(lang)["words"]
        plain = {k for k in table if "." not in k and not k.startswith("_own")}
        assert sorted(words - plain) == [], f"{lang}.yml lacks these words"
        assert sorted(plain - words) == [], f"{lang}.yml has words no message names"
        forms = set().union(
            *(_fields(t).get("kind", set()) for t in catalogue(lang)["messages"].values())
        ) - {""}
        for name in _kit_words():
            assert {f for f in forms if f"{name}.{f}" not in table} == set(), (lang, name)
        assert all(k.split(".")[0] in plain for k in table if not k.startswith("_own")), lang
        # A word of the site's own data (a type it declares) takes every form through a pattern.
        assert {f for f in forms if f"_own.{f}" not in table} == set() and "_own" in table, lang


def test_a_language_without_a_catalogue_or_a_word_is_said_in_english_message_by_message():
    problem = Problem(
        "methodology/modules/x.md",
        3,
        "levers[0]",
        say("reference.unknown", kind=word("lever"), value="netwerk"),
        say("did_you_mean", name="network"),
    )
    english = problem.text("en")
    assert problem.text("de") == english  # no catalogue: English, not a crash
    assert problem.text("fr") != english and "netwerk" in problem.text("fr")
    # A type the site declares itself has no word in the French catalogue: that message alone is
    # said in English, its hint still in French.
    own = Problem(
        "methodology/tools/x.md",
        2,
        "adapted_from",
        say("reference.unknown", kind=word("tool"), value="y"),
        say("did_you_mean", name="z"),
    )
    message, hint = own.says("fr")
    assert message == own.message.text("en") == "unknown tool 'y'"
    assert hint == own.says("fr")[1] != own.says("en")[1]
    # Named in the site's own files (a type's labels, a vocabulary's names): the site's word, in
    # each language that has one, and English where it has none.
    named = say(
        "reference.unknown", kind=word("tool_kind", {"en": "Tool kind", "fr": "Type"}), value="y"
    )
    assert named.text("en") == "unknown tool kind 'y'"
    assert named.text("fr") == "valeur inconnue pour « Type » : « y »"
    assert named.text("nl") == "unknown tool kind 'y'"


@pytest.mark.parametrize("lang, half", [("nl", "1,5"), ("fr", "1,5"), ("en", "1.5")])
def test_a_decimal_is_written_as_the_language_writes_it(lang, half):
    problem = Problem(
        "methodology/trajectory.yml",
        4,
        "steps[0]",
        say(
            "timings.module_too_long",
            module="m",
            minutes=300,
            step="s",
            half_days=1.5,
            per_time=270,
        ),
    )
    message = problem.says(lang)[0]
    assert half in message and "300" in message and "270" in message


def test_problems_sort_and_deduplicate_with_their_values():
    a = Problem("a.md", 1, "f", say("schema.range", value="0"), say("schema.minimum.hint", limit=1))
    b = Problem("a.md", 1, "f", say("schema.range", value="0"), say("schema.minimum.hint", limit=1))
    c = Problem("a.md", 1, "f", say("reference.no_file", path="p", known=say("none_yet")))
    d = Problem("a.md", 1, "f", say("reference.no_file", path="p", known="a, b"))
    assert len({a, b, c, d}) == 3
    assert sorted([d, c, a]) == sorted([a, c, d])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("messages"))


@pytest.fixture
def broken(pristine, tmp_path):
    """The fixture with one module out of the site: a duration in words, a lever that is none."""
    root = shutil.copytree(pristine, tmp_path / "site-root")
    replace_in(root / BETA, "duration: 480", "duration: acht uur")
    replace_in(
        root / "methodology/modules/alpha-module.md",
        "levers: [peer-exchange, management-support]",
        "levers: [peer-exchange, netwerk]",
    )
    return root


def _check(root, capsys, *args) -> tuple[int, str, str]:
    code = main(["--root", str(root), "check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_speaks_french_and_falls_back_to_english(broken, capsys):
    code, english, en_err = _check(broken, capsys)
    assert code == 1 and len(english.splitlines()) == 2
    code_fr, french, fr_err = _check(broken, capsys, "--lang", "fr")
    assert code_fr == 1
    for en, fr in zip(english.splitlines(), french.splitlines()):
        where = en.split(": ", 2)[:2]
        assert fr.split(": ", 2)[:2] == where  # path:line and field stay as they are
        assert fr != en
    assert fr_err != en_err and "Traceback" not in fr_err  # the summary line too
    # JSON names each problem's code beside its words in the language asked for.
    _, as_json, _ = _check(broken, capsys, "--lang", "fr", "--format", "json")
    found = json.loads(as_json)
    assert [list(p) for p in found] == [["path", "line", "field", "code", "message", "hint"]] * 2
    assert [f"{p['path']}:{p['line']}: {p['field']}: {p['message']} ({p['hint']})" for p in found]
    assert {p["code"] for p in found} == {"schema.type", "reference.unknown"}
    # A language without a catalogue of its own: English, never a crash.
    code_de, german, de_err = _check(broken, capsys, "--lang", "de")
    assert (code_de, german) == (1, english) and "Traceback" not in de_err
    assert "no catalogue in 'de'" in de_err  # said, not silent


def test_a_french_preview_build_shows_the_french_banner(broken, capsys):
    """The banner a preview (serve) build shows on a French site's pages is the checker's French."""
    replace_in(
        broken / "mkdocs.yml",
        "      content_dir: methodology\n",
        "      content_dir: methodology\n      preview: true\n      lang: fr\n",
    )
    proc = run_methodkit(broken, "check", "--lang", "fr")
    expected = proc.stdout.splitlines()
    english = run_methodkit(broken, "check").stdout.splitlines()
    assert len(expected) == 2 and set(expected).isdisjoint(english)
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=broken, capture_output=True, text=True, timeout=300
    )
    assert build.returncode == 0, build.stderr
    banner = page(broken / "site", "modules/alpha-module/").select_one(".mk-problems")
    shown = [" ".join(code.get_text().split()) for code in banner.select("code")]
    assert shown == [" ".join(line.split()) for line in expected]
    assert banner.find_parent("html")["lang"] == "fr"
