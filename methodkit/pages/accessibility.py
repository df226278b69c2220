"""The accessibility statement on the EU model, per language, from `extra.accessibility`.

Directive (EU) 2016/2102 asks public bodies for a statement; Implementing
Decision (EU) 2018/1523 gives its model: compliance status, content that is not
accessible, how the statement was prepared, feedback, enforcement procedure.
The statement says what this project measures (the automated checks its tests
run) and what the publisher declares in the configuration, and nothing more:
without a declared status it states none.
"""

from __future__ import annotations

from methodkit.i18n import format_date
from methodkit.pages.render import render_inline

STATUSES = ("full", "partial", "none")


def _in(value, lang: str, source: str):
    """A per-language value ({nl: .., fr: ..}) in `lang`, else in the source language."""
    if isinstance(value, dict) and (lang in value or source in value):
        return value.get(lang, value.get(source))
    return value


def statement(extra: dict, site_url: str, t: dict[str, str], lang: str, source: str) -> str:
    conf = extra.get("accessibility") or {}
    publisher = extra.get("publisher") or {}
    status = conf.get("status") if conf.get("status") in STATUSES else "undeclared"
    feedback = conf.get("feedback") or publisher.get("contact") or ""
    enforcement = _in(conf.get("enforcement"), lang, source) or None
    evaluated = str(conf["evaluated"]) if conf.get("evaluated") else None
    return render_inline(
        "accessibility.html",
        t=t,
        publisher=publisher.get("name", ""),
        law=_in(conf.get("law"), lang, source) or t["a11y.law"],
        site_url=site_url,
        status=status,
        limitations=_in(conf.get("limitations"), lang, source) or [],
        evaluated=format_date(evaluated, lang) if evaluated else None,
        declared=_in(conf.get("declared"), lang, source) or [],
        feedback=feedback,
        feedback_href=("mailto:" + feedback)
        if "@" in feedback and "://" not in feedback
        else feedback,
        enforcement=enforcement
        if isinstance(enforcement, dict) and enforcement.get("url")
        else None,
    )
