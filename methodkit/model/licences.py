"""The Creative Commons licences an item may carry, and what each allows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    id: str  # SPDX
    name: str
    url: str
    derivatives: bool  # may others adapt it?
    share_alike: bool
    non_commercial: bool


LICENCES = {
    lic.id: lic
    for lic in (
        Licence(
            "CC0-1.0",
            "CC0 1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            True,
            False,
            False,
        ),
        Licence(
            "CC-BY-4.0",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            True,
            False,
            False,
        ),
        Licence(
            "CC-BY-SA-4.0",
            "CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            True,
            True,
            False,
        ),
        Licence(
            "CC-BY-NC-4.0",
            "CC BY-NC 4.0",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            True,
            False,
            True,
        ),
        Licence(
            "CC-BY-NC-SA-4.0",
            "CC BY-NC-SA 4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            True,
            True,
            True,
        ),
        Licence(
            "CC-BY-ND-4.0",
            "CC BY-ND 4.0",
            "https://creativecommons.org/licenses/by-nd/4.0/",
            False,
            False,
            False,
        ),
        Licence(
            "CC-BY-NC-ND-4.0",
            "CC BY-NC-ND 4.0",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            False,
            False,
            True,
        ),
    )
}


def adaptation_problem(source: Licence, adapted: Licence) -> str | None:
    """Why an item under `adapted` may not be adapted from one under `source`, or None:
    'ND' (no adaptations at all), 'NC' (non-commercial, the adaptation too) or 'SA' (the same
    licence). The check says it in words (checks/messages)."""
    if not source.derivatives:
        return "ND"
    if source.non_commercial and not adapted.non_commercial:
        return "NC"
    if source.share_alike and adapted.id != source.id:
        return "SA"
    return None
