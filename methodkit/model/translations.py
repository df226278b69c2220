"""Which version of its source a translation was made from, and what that makes it.

A translation records `source_hash`: a short hash of the source's translatable
text (its translatable fields and its body). When the source's text changes the
hash changes, so the translation shows as outdated until its translator updates
it. Changes to metadata such as levers do not make a translation outdated.
"""

from __future__ import annotations

import hashlib
import json


def source_hash(meta: dict, body: str, translatable: list[str]) -> str:
    fields = {k: meta[k] for k in translatable if k in meta}
    text = (
        json.dumps(fields, ensure_ascii=False, sort_keys=True)
        + "\n"
        + "\n".join(l.rstrip() for l in body.strip().split("\n"))
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def translation_state(
    source_lang: str, lang: str, translation, current: str | None, include_drafts: bool = False
) -> str:
    """'source', 'translated', 'outdated' or 'missing': a page written in `source_lang`, read in
    `lang`.

    The one place that decides it, for items and site pages alike. `translation` has `source_hash`
    and `draft` (or is None); `current` is the source's version now.
    """
    if lang == source_lang:
        return "source"
    if translation is None or (translation.draft and not include_drafts):
        return "missing"
    return "translated" if translation.source_hash == current else "outdated"
