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
    "summary": {
        "nl": "Schrijf hier één of twee zinnen.",
        "fr": "Écrivez ici une ou deux phrases.",
        "en": "Write one or two sentences here.",
    },
    "cohort": {"nl": "Naam van het traject", "fr": "Nom du parcours", "en": "Name of the track"},
    "result": {"nl": "Een resultaat.", "fr": "Un résultat.", "en": "A result."},
    "source": {"nl": "De bron.", "fr": "La source.", "en": "The source."},
    "organisation": {
        "nl": "Naam van de organisatie",
        "fr": "Nom de l'organisation",
        "en": "Name of the organisation",
    },
    "line": {"nl": "Vul in.", "fr": "À compléter.", "en": "Fill in."},
}
TODO = "..."  # any other text field
# Stand-ins in a new body.
BODY = {
    "write": {"nl": "Schrijf hier.", "fr": "Écrivez ici.", "en": "Write here."},
    "write_private": {
        "nl": "Schrijf hier, zonder namen van deelnemers.",
        "fr": "Écrivez ici, sans noms de participants.",
        "en": "Write here, without names of participants.",
    },
    "step": {
        "nl": "Beschrijf wat er gebeurt.",
        "fr": "Décrivez ici ce qui se passe.",
        "en": "Describe what happens.",
    },
    "step_sum": {
        "nl": "De minuten van de stappen tellen op tot duration.",
        "fr": "Les minutes des étapes totalisent duration.",
        "en": "The minutes of the steps add up to duration.",
    },
    "coach": {
        "nl": "Wat alleen de coach moet weten.",
        "fr": "Ce que seul le coach doit savoir.",
        "en": "What only the coach needs to know.",
    },
    "worksheet": {"nl": "Werkblad: ...", "fr": "Fiche de travail : ...", "en": "Worksheet: ..."},
    "question": {
        "nl": "Een eerste vraag?",
        "fr": "Une première question ?",
        "en": "A first question?",
    },
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
