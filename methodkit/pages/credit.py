"""Who wrote an item, after what, about whose work, and how it relates to its sources.

The credit line must not make the organisations whose public texts an item was written
after into its authors: it names the writers (the item's `authors`, or this site's
contributors), the texts it was written after (`based_on`) and, for a practice, the
organisations whose work it describes. Templates only lay these values out.
"""

from __future__ import annotations

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_names
from methodkit.model.items import Item
from methodkit.publishing.attribution import Work, adapted_note

SHOWN_PROVENANCE = ("adaptation", "reconstruction")  # 'source' needs no note


def _unique(names) -> list[str]:
    return list(dict.fromkeys(names))


def credit(
    cat: Catalogue,
    item: Item,
    licence_name: str,
    url: str,
    site: str = "",
    work: Work | None = None,
) -> dict:
    """The credit of an item of the site `site`, which adapts `work` (extra.publisher.based_on) when
    it is an adaptation."""
    t, lang, m = cat.t, cat.lang, item.meta
    # An item that names no authors was written by the site's contributors; in an adaptation, by
    # those of the work adapted (the publisher's own items name their authors: `methodkit new` fills
    # them in).
    contributors = t["licence.contributors"].format(site=work.title if work is not None else site)
    written_by = format_names(m["authors"], lang) if m.get("authors") else contributors
    based_on = [
        {"title": s["title"], "by": format_names(s["by"], lang), "url": s.get("url")}
        for s in m.get("based_on") or []
    ]
    after_by = format_names(
        _unique(name for s in m.get("based_on") or [] for name in s["by"]), lang
    )
    about = (
        format_names(m["organisations"], lang) if m.get("organisations") else ""
    )  # whose work it describes
    line = t["licence.credit"].format(
        title=cat.text(item, "title"),
        authors=written_by,
        licence=licence_name,
        url=url,
        site=site,
        adapted=adapted_note(work, t, lang),
        after=t["licence.credit_after"].format(by=after_by) if after_by else "",
        about=t["licence.credit_about"].format(organisations=about) if about else "",
    )
    return {"written_by": written_by, "based_on": based_on, "about": about, "credit": line}


def provenance(cat: Catalogue, item: Item) -> dict | None:
    """The note a reconstruction or an adaptation carries, with the item's own explanation."""
    kind = item.meta.get("provenance")
    if kind not in SHOWN_PROVENANCE:
        return None
    return {
        "kind": kind,
        "label": cat.t[f"provenance.{kind}.label"],
        "text": cat.t[f"provenance.{kind}"],
        "note": cat.text(item, "provenance_note") or "",
    }
