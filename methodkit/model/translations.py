"""Which version of a Dutch source a translation was made from.

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
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True) + "\n" + "\n".join(l.rstrip() for l in body.strip().split("\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
