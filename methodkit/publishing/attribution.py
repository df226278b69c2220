"""The work a site adapts (`extra.publisher.based_on`), and the credits made from it.

The same data gives the credit line of every page, the sources zip's
ATTRIBUTION.md, the Cite page, the site's JSON-LD and the trainer pack's
licence page, so an adaptation names the original work, its authors and its
address wherever it credits anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from methodkit.i18n import format_names
from methodkit.model.licences import LICENCES, Licence


@dataclass(frozen=True)
class Work:
    title: str
    authors: tuple[str, ...]
    url: str
    licence: Licence
    version: str = ""  # a version or date of the work adapted, as its publisher names it


def based_on(data) -> tuple[Work | None, list[str]]:
    """The work of `extra.publisher.based_on` (None for an original), and what is wrong with it."""
    if not data:
        return None, []
    if not isinstance(data, dict):
        return None, ["based_on: must hold title, authors, url and license"]
    problems = [
        f"based_on.{k}: missing (the credit of every page names it)"
        for k in ("title", "authors", "url", "license")
        if not data.get(k)
    ]
    if data.get("url") and not re.match(r"https?://", str(data["url"])):
        problems.append(
            f"based_on.url: '{data['url']}' is not a web address (write it as https://...)"
        )
    if data.get("license") and data["license"] not in LICENCES:
        problems.append(
            f"based_on.license: '{data['license']}' is unknown (known: {', '.join(LICENCES)})"
        )
    if problems:
        return None, problems
    authors = data["authors"] if isinstance(data["authors"], list) else [data["authors"]]
    version = str(data.get("version") or data.get("date") or "")
    return Work(
        str(data["title"]),
        tuple(map(str, authors)),
        str(data["url"]),
        LICENCES[data["license"]],
        version,
    ), []


def adapted_note(work: Work | None, t: dict[str, str], lang: str) -> str:
    """', adapted from “Work” by A and B (version), https://...' in the reader's language (`t`: its
    interface text).

    '' for an original.
    """
    if work is None:
        return ""
    version = f" ({work.version})" if work.version else ""
    return t["licence.adapted_work"].format(
        title=work.title,
        authors=format_names(list(work.authors), lang),
        version=version,
        url=work.url,
    )


def attribution_text(
    site_name: str, publisher: str, after: list[str], work: Work | None, base_url: str
) -> str:
    """ATTRIBUTION.md of the sources zip (in English, like the licence texts beside it).

    `after`: who published the public texts the methodology as a whole was written after.
    """
    # In an adaptation, the items that name no authors were written by the adapted work's
    # contributors, as every page's credit line says; the publisher adapted and publishes them.
    writers = f"the contributors of {work.title}" if work is not None else "its contributors"
    by = f"written by {writers}" + (f" after public texts by {', '.join(after)}" if after else "")
    lines = [
        f"# {site_name}: attribution",
        "",
        f'This folder holds the methodology "{site_name}"'
        + (f", published by {publisher}" if publisher else "")
        + f", {by}.",
        "Each file names its writers in `authors` (when not this site's contributors) and the",
        "texts it was written after in `based_on`; methodology/defaults.yml holds what applies",
        "when a file says nothing.",
    ]
    credit = f'"{site_name}", by ' + (
        publisher if work is not None and publisher else f"the contributors of {site_name}"
    )
    if work is not None:
        version = f" ({work.version})" if work.version else ""
        lines += [
            "",
            f'It is an adaptation of "{work.title}"{version} by {", ".join(work.authors)}, '
            f"{work.url}, "
            f"licensed under {work.licence.name}.",
        ]
        credit += f', adapted from "{work.title}" by {", ".join(work.authors)} ({work.url})'
    lines += [
        "",
        "It is licensed under Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0), "
        "unless a file "
        "names another",
        "Creative Commons licence in its `license` field. The full licence text is in "
        "LICENSES/CC-BY-SA-4.0.txt.",
        "",
        "When you reuse or adapt it, credit it like this:",
        "",
        f"> {credit}, {base_url}, licensed under CC BY-SA 4.0.",
        "",
        "and share your adaptation under the same licence. Say what you changed.",
        "",
    ]
    return "\n".join(lines)


def jsonld_work(work: Work) -> dict:
    """The adapted work as schema.org describes a creative work (for `isBasedOn`)."""
    return {
        "@type": "CreativeWork",
        "name": work.title,
        "url": work.url,
        "license": work.licence.url,
        "author": [{"@type": "Organization", "name": a} for a in work.authors],
        **({"version": work.version} if work.version else {}),
    }
