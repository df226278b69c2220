"""The session planner's data: one JSON file per language, written after its build.

The planner page (/plan/, overrides/plan.html with assets/methodkit/planner.js)
reads this file from its own site and nothing else: the modules with their
duration, objectives, materials and preparation in the build's language. The
plan itself lives in the page's address and the reader's browser; no server.
"""

from __future__ import annotations

import json
from pathlib import Path

from methodkit.catalogue.catalogue import Catalogue
from methodkit.i18n import format_duration
from methodkit.pages.steps import step_lines

PLAN_DATA = "plan/modules.json"
# The same data as a script: a page opened from the file system (the offline copy) may not
# fetch the JSON beside it, but it runs a script.
PLAN_SCRIPT = "plan/modules.js"


def plan_data(cat: Catalogue) -> dict:
    """Every module of the build in trajectory order; addresses relative to the language's root."""
    modules = []
    for item in (i for it in cat.types.all if it.planner for i in cat.items[it.name]):
        m = item.meta
        modules.append(
            {
                "id": item.id,
                "title": cat.text(item, "title"),
                "summary": cat.text(item, "summary"),
                "url": item.url,
                "phase": cat.label("phases", m["phase"]),
                "format": cat.label("formats", m["format"]),
                "duration": m["duration"],
                "duration_label": format_duration(m["duration"], cat.t),
                "objectives": cat.text(item, "objectives") or [],
                "materials": cat.text(item, "materials") or [],
                "preparation": cat.text(item, "preparation") or [],
                "steps": step_lines(cat.body(item)),
            }
        )
    return {"lang": cat.lang, "modules": modules}


def write_plan_data(cat: Catalogue, site_dir: Path) -> None:
    target = site_dir / PLAN_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(plan_data(cat), ensure_ascii=False, indent=1)
    target.write_text(data + "\n", "utf-8")
    (site_dir / PLAN_SCRIPT).write_text(f"window.methodkitPlanData = {data};\n", "utf-8")
