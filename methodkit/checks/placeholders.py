"""The stand-in texts `methodkit new` writes, and the check that none is published.

A new item is a valid draft at once, so its required fields hold stand-ins
("Vul in.") and its body a skeleton ("Schrijf hier."). Once `draft: true` is
gone, any stand-in still there would reach readers: the check reports it.
"""

from __future__ import annotations

import re

from methodkit.checks.problems import Problem, say

# Stand-ins for fields, per language of the explanations (methodkit new --lang).
FIELDS = {
    "summary": {"nl": "Schrijf hier één of twee zinnen.", "en": "Write one or two sentences here."},
    "cohort": {"nl": "Naam van het traject", "en": "Name of the track"},
    "result": {"nl": "Een resultaat.", "en": "A result."},
    "source": {"nl": "De bron.", "en": "The source."},
    "organisation": {"nl": "Naam van de organisatie", "en": "Name of the organisation"},
    "line": {"nl": "Vul in.", "en": "Fill in."},
}
TODO = "..."  # any other text field
# Stand-ins in a new body.
BODY = {
    "write": {"nl": "Schrijf hier.", "en": "Write here."},
    "write_private": {
        "nl": "Schrijf hier, zonder namen van deelnemers.",
        "en": "Write here, without names of participants.",
    },
    "step": {"nl": "Beschrijf wat er gebeurt.", "en": "Describe what happens."},
    "step_sum": {
        "nl": "De minuten van de stappen tellen op tot duration.",
        "en": "The minutes of the steps add up to duration.",
    },
    "coach": {"nl": "Wat alleen de coach moet weten.", "en": "What only the coach needs to know."},
    "worksheet": {"nl": "Werkblad: ...", "en": "Worksheet: ..."},
    "question": {"nl": "Een eerste vraag?", "en": "A first question?"},
}

_FIELD_TEXTS = {text for texts in FIELDS.values() for text in texts.values()} | {TODO}
_BODY_TEXT = re.compile("|".join(re.escape(t) for texts in BODY.values() for t in texts.values()))
HINT = say("placeholder.hint")


def placeholder_problems(fields, body: str, body_line: int, rel: str, line_of) -> list[Problem]:
    """Stand-ins of `methodkit new` left in a published item: `fields` are (field, text) pairs."""
    out = [
        Problem(
            rel,
            line_of(key),
            key,
            say("placeholder", text=value.strip()),
            HINT,
        )
        for key, value in fields
        if value.strip() in _FIELD_TEXTS
    ]
    for n, line in enumerate(body.split("\n")):
        m = _BODY_TEXT.search(line)
        if m:
            out.append(
                Problem(
                    rel,
                    body_line + n,
                    "body",
                    say("placeholder", text=m.group()),
                    HINT,
                )
            )
    return out
