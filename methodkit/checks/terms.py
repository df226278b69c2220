"""Consistent terms: each language's term list names a preferred term and its known wrong variants.

The lists are data (methodology/terms/<lang>.yml), so contributors and translators keep them.
A variant is matched as whole words, whatever its case, also when the text wraps it over two
lines; straight and curly apostrophes are the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from methodkit.checks.lines import line_of
from methodkit.checks.problems import Problem, say


@dataclass(frozen=True)
class Rule:
    use: str
    avoid: tuple[str, ...]
    why: str = ""


class TermList:
    """The rules of one language, with one pattern that finds any of their variants."""

    def __init__(self, rules: list[Rule]):
        self.by_variant = {v.casefold(): r for r in rules for v in r.avoid}
        # The longest variant first, so "work floors" is found before "work floor".
        alternatives = sorted(self.by_variant, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(_phrase(v) for v in alternatives) + r")(?!\w)", re.IGNORECASE
            )
            if alternatives
            else None
        )

    def problems(self, rel: str, field: str, line: int, text: str) -> list[Problem]:
        """Every variant in `text`, which starts on `line` of the file."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            rule = self.by_variant.get(_normal(m.group(1))) or self._rule_of(m.group(1))
            hint = (
                say("terms.variant.hint_why", use=rule.use, why=rule.why)
                if rule.why
                else say("terms.variant.hint", use=rule.use)
            )
            out.append(
                Problem(
                    rel,
                    line - 1 + line_of(text, m.start()),
                    field,
                    say("terms.variant", variant=" ".join(m.group(1).split()), use=rule.use),
                    hint,
                )
            )
        return out

    def _rule_of(self, found: str) -> Rule:
        """The rule of a variant the pattern found but case folding spells otherwise (the
        pattern reads the Turkish dotless ı as an i; `casefold` keeps it)."""
        return next(
            r for v, r in self.by_variant.items() if re.fullmatch(_phrase(v), found, re.IGNORECASE)
        )


def _phrase(variant: str) -> str:
    words = [re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in variant.split()]
    return r"\s+".join(words)


def _normal(found: str) -> str:
    return " ".join(found.replace("’", "'").split()).casefold()


def rules_from(data: dict) -> list[Rule]:
    """The rules of a term list file that passed its schema."""
    return [
        Rule(
            t["use"],
            tuple(" ".join(v.replace("’", "'").split()) for v in t["avoid"]),
            t.get("why", ""),
        )
        for t in data["terms"]
    ]


# Every variant is looked for in every text of its language: a list of thousands would take the
# check minutes. A real list has a few dozen.
MAX_VARIANTS = 500


def list_problems(rel: str, doc, rules: list[Rule]) -> list[Problem]:
    """A variant listed twice, or the preferred term among its own variants, makes the list
    ambiguous; too many make the check slow."""
    count = sum(len(rule.avoid) for rule in rules)
    if count > MAX_VARIANTS:
        return [
            Problem(
                rel,
                1,
                "terms",
                say("terms.too_many", count=count, most=MAX_VARIANTS),
                say("terms.too_many.hint"),
            )
        ]
    seen: dict[str, int] = {}
    out = []
    for i, rule in enumerate(rules):
        for j, variant in enumerate(rule.avoid):
            key, where = variant.casefold(), f"terms[{i}].avoid[{j}]"
            if key == _normal(rule.use):
                out.append(
                    Problem(
                        rel,
                        doc.line_of(where),
                        where,
                        say("terms.preferred", variant=variant),
                        say("terms.preferred.hint"),
                    )
                )
            elif key in seen:
                out.append(
                    Problem(
                        rel,
                        doc.line_of(where),
                        where,
                        say("terms.twice", variant=variant),
                        say("terms.twice.hint", index=seen[key]),
                    )
                )
            seen.setdefault(key, i)
    return out
