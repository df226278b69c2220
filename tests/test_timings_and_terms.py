"""`methodkit check` keeps numbers and words true: step minutes against a module's duration,
a trajectory step's half-days against its modules, and each language's preferred terms.

Every case starts from the valid basic fixture, changes one thing the way a contributor
would, and runs the real command; the expected line is the line in the file written here.
"""

from __future__ import annotations

import shutil

import pytest

from methodkit.cli.main import main
from sitekit import assemble, replace_in
from test_check import MODULE

# The engine alone: no site is built or served here (`make test-properdocs` leaves it out).
pytestmark = pytest.mark.engine

M = "methodology/modules"

TIMED = (
    MODULE.replace("id: {id}", "id: getimed")
    .replace("title: Een module", "title: Een getimede module")
    .replace(
        "## Tekst\n\nGewone tekst.\n",
        """## Stappen

1. **Welkom (20 minuten).** Iedereen stelt zich voor.
2. **Het lange
   werk ({work} minuten).** Een titel die over twee regels loopt.

   Een tweede alinea bij dezelfde stap.
3. **Afsluiten (1 uur).** Een ronde.

!!! worksheet "Werkblad"
    1. **Vraag (99 minuten).** In een werkblad: geen stap.

## Korte versie

1. **Alles in één (45 minuten).** Een tweede lijst telt niet mee.
""",
    )
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return assemble(tmp_path_factory.mktemp("rules"), docs=False)


@pytest.fixture
def root(pristine, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(pristine, target)
    return target


def check(root, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check"])
    return code, capsys.readouterr().out.splitlines()


def test_steps_that_add_up_pass_whatever_their_layout(root, capsys):
    (root / M / "getimed.md").write_text(TIMED.format(work=40), "utf-8")  # 20 + 40 + 60 = 120
    assert check(root, capsys) == (0, [])


def test_steps_that_do_not_add_up_name_the_sum_and_the_duration(root, capsys):
    (root / M / "getimed.md").write_text(TIMED.format(work=25), "utf-8")
    code, lines = check(root, capsys)
    assert code == 1
    assert lines == [
        f"{M}/getimed.md:18: steps: the steps add up to 105 minutes, the module's duration is 120 "
        "(correct the minutes of the steps, or duration: when the steps are right)"
    ]


def test_a_translation_whose_steps_disagree_with_the_duration_is_reported(root, capsys):
    fr = root / M / "alpha-module.fr.md"
    fr.write_text(
        "---\nsource_hash: '000000000000'\ntitle: Module alpha\n---\n## Étapes\n\n"
        "1. **Première étape (120 minutes).** Faire.\n"
        "2. **Deuxième étape (20 minutes).** Encore.\n",
        "utf-8",
    )
    code, lines = check(root, capsys)
    assert code == 1
    assert lines == [
        f"{M}/alpha-module.fr.md:7: steps: the steps add up to 140 minutes, "
        "the module's duration is 240 "
        f"(the duration is set in {M}/alpha-module.md; translate the minutes of its steps)"
    ]


def test_a_step_without_minutes_among_timed_steps_is_reported(root, capsys):
    replace_in(
        root / M / "alpha-module.md", "2. **Tweede stap (120 minuten).**", "2. **Tweede stap.**"
    )
    code, lines = check(root, capsys)
    assert lines == [
        f"{M}/alpha-module.md:27: steps: step 2 names no minutes, the other steps do "
        "(write its time in the bold lead, e.g. **Pauze (15 minuten).**)"
    ]


def test_a_module_whose_steps_name_no_minutes_is_left_alone(root, capsys):
    replace_in(root / M / "alpha-module.md", " (120 minuten).** Doe iets.", ".** Doe iets.")
    replace_in(root / M / "alpha-module.md", " (120 minuten).** Doe nog iets.", ".** Doe nog iets.")
    assert check(root, capsys) == (0, [])


def test_a_trajectory_step_with_too_little_time_for_its_modules_is_reported(root, capsys):
    traj = root / "methodology" / "trajectory.yml"
    replace_in(traj, "    modules: [alpha-module]\n", "    modules: [alpha-module, beta-module]\n")
    code, lines = check(root, capsys)
    assert code == 1
    assert lines == [
        "methodology/trajectory.yml:7: steps[0].half_days: the modules of step 'start' "
        "need 720 minutes (alpha-module 240 + beta-module 480), "
        "the step gives 240 (1 × 1 half-day(s) of 240 minutes) "
        "(give the step more times or half_days, or fewer modules)",
        "methodology/trajectory.yml:10: steps[0].modules[1]: module 'beta-module' "
        "takes 480 minutes, one time of step 'start' is 1 half-day(s), 240 minutes "
        "(give the step more half_days, or move the module to a step that has the time)",
    ]
    # Given the time, the same step passes; a site may also count its half-days differently.
    replace_in(traj, "    times: 1\n    half_days: 1\n", "    times: 2\n    half_days: 2\n")
    assert check(root, capsys) == (0, [])
    replace_in(traj, "months: 12\n", "months: 12\nhalf_day_minutes: 210\n")
    code, lines = check(root, capsys)
    assert [line.split(": ")[:2] for line in lines] == [
        ["methodology/trajectory.yml:11", "steps[0].modules[1]"],
        ["methodology/trajectory.yml:19", "steps[1].half_days"],
        ["methodology/trajectory.yml:22", "steps[1].modules[0]"],
    ]


TERMS_FR = """# Termes
terms:
  - use: freins
    avoid: [obstacles]
    why: le mot de la méthode
  - use: mesure initiale
    avoid: [mesure de départ]
"""


def test_a_known_wrong_variant_is_reported_with_the_preferred_term(root, capsys):
    (root / "methodology" / "terms").mkdir()
    (root / "methodology" / "terms" / "fr.yml").write_text(TERMS_FR, "utf-8")
    (root / M / "alpha-module.fr.md").write_text(
        "---\nsource_hash: '000000000000'\ntitle: Les Obstacles\n"
        "objectives:\n  - Lever les obstacles.\n---\n"
        "## Étapes\n\n1. **Première étape (120 minutes).** La mesure de\n"
        "   départ, puis les « obstacles ».\n"
        "2. **Deuxième étape (120 minutes).** Les freins, un obstacle isolé et des obstaclesX.\n",
        "utf-8",
    )
    (root / "docs").mkdir()
    (root / "docs" / "index.fr.md").write_text(
        "---\ntitle: Accueil\n---\n# Accueil\n\nSans obstacles.\n", "utf-8"
    )
    code, lines = check(root, capsys)
    assert code == 1
    hint_f = "(write 'freins': le mot de la méthode)"
    assert lines == [
        f"docs/index.fr.md:6: content: 'obstacles' is a variant of 'freins' {hint_f}",
        f"{M}/alpha-module.fr.md:3: title: 'Obstacles' is a variant of 'freins' {hint_f}",
        f"{M}/alpha-module.fr.md:5: objectives[0]: 'obstacles' is a variant of 'freins' {hint_f}",
        f"{M}/alpha-module.fr.md:9: body: 'mesure de départ' is a variant of 'mesure initiale' "
        "(write 'mesure initiale')",
        f"{M}/alpha-module.fr.md:10: body: 'obstacles' is a variant of 'freins' {hint_f}",
    ]


def test_term_lists_apply_to_vocabularies_and_the_trajectory_in_their_language(root, capsys):
    (root / "methodology" / "terms").mkdir()
    (root / "methodology" / "terms" / "en.yml").write_text(
        "terms:\n  - use: workplace\n    avoid: [work floor]\n", "utf-8"
    )
    replace_in(
        root / "methodology" / "trajectory.yml",
        "en: {label: Start, description: The start.}",
        "en: {label: Start, description: The start on the Work  Floor.}",
    )
    replace_in(
        root / "methodology" / "trajectory.yml",
        "nl: {label: Start, description: Het begin.}",
        "nl: {label: Start, description: Het begin op de work floor.}",
    )  # Dutch: not this list's language
    code, lines = check(root, capsys)
    # (the vocabularies are the real ones, whose words are not this test's business)
    assert [line for line in lines if "vocabularies/" not in line] == [
        "methodology/trajectory.yml:13: steps[0].en.description: 'Work  Floor' is a variant "
        "of 'workplace' (write 'workplace')".replace("Work  Floor", "Work Floor")
    ]


def test_a_bad_term_list_is_reported_not_used(root, capsys):
    (root / "methodology" / "terms").mkdir()
    (root / "methodology" / "terms" / "fr.yml").write_text(
        "terms:\n  - use: frein\n    avoid: [obstacle, Frein]\n"
        "  - use: freins\n    avoid: [obstacle]\n",
        "utf-8",
    )
    (root / "methodology" / "terms" / "de.yml").write_text(
        "terms:\n  - use: Bremse\n    avoid: [Hindernis]\n", "utf-8"
    )
    code, lines = check(root, capsys)
    assert lines == [
        "methodology/terms/de.yml:1: file: 'de' is not a site language "
        "(name it <lang>.yml with lang one of nl, fr, en)",
        "methodology/terms/fr.yml:3: terms[0].avoid[1]: 'Frein' is the preferred term itself "
        "(remove it from avoid:)",
        "methodology/terms/fr.yml:5: terms[1].avoid[0]: 'obstacle' is listed twice "
        "(first in terms[0]; keep one)",
    ]


def test_the_new_messages_exist_in_dutch_and_french(root, capsys):
    import json

    (root / M / "getimed.md").write_text(TIMED.format(work=25), "utf-8")
    replace_in(
        root / M / "alpha-module.md", "2. **Tweede stap (120 minuten).**", "2. **Tweede stap.**"
    )
    replace_in(
        root / "methodology" / "trajectory.yml",
        "    modules: [alpha-module]\n",
        "    modules: [alpha-module, beta-module]\n",
    )
    (root / "methodology" / "terms").mkdir()
    (root / "methodology" / "terms" / "nl.yml").write_text(
        "terms:\n  - use: intrapreneurship\n    avoid: [intrapreneurschap]\n"
        "    why: het woord van de bronnen\n"
        "  - use: coach\n    avoid: [begeleider]\n",
        "utf-8",
    )
    (root / "methodology" / "terms" / "en.yml").write_text(
        "terms:\n  - use: workplace\n    avoid: [work floor, Workplace]\n"
        "  - use: site\n    avoid: [work floor]\n",
        "utf-8",
    )
    (root / "methodology" / "terms" / "de.yml").write_text(
        "terms:\n  - use: a\n    avoid: [b]\n", "utf-8"
    )
    replace_in(
        root / M / "beta-module.md",
        "Bètatekst in het Nederlands.",
        "Bètatekst over intrapreneurschap en de begeleider.",
    )
    said = {}
    for lang in ("en", "nl", "fr"):
        main(["--root", str(root), "check", "--format", "json", "--lang", lang])
        said[lang] = json.loads(capsys.readouterr().out)
    assert len(said["en"]) == 9, said["en"]
    for lang in ("nl", "fr"):
        for en, other in zip(said["en"], said[lang]):
            assert en["code"] == other["code"], (en, other)
            assert other["message"] != en["message"], (lang, en["message"])
            assert other["hint"] != en["hint"], (lang, en["hint"])
