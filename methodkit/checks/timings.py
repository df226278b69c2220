"""Timings that must add up: a module's steps against its duration, a trajectory step against its
modules.

A module's steps are the numbered list in its body whose items start with a bold lead
that names the minutes, as contributors write them in every language:

    1. **Kennismaken (20 minuten).** Stel jezelf voor ...

Only the first such list counts as the steps, so a later list (a short version, a variant)
is not added to them. A module whose steps name no minutes is left alone.
"""

from __future__ import annotations

import re

from methodkit.checks.problems import Problem, say

# A 'dagdeel', as the trajectory schema counts it, unless trajectory.yml says otherwise.
HALF_DAY_MINUTES = 240

# A numbered item at the margin: a step, not a worksheet question (those are indented).
_ITEM = re.compile(r"^(\d{1,3})[.)][ \t]+(.*)$")
_LEAD = re.compile(r"^\*\*(.+?)\*\*", re.S)
# "(20 minuten)", "(20 minutes)", "(20 min.)", "(1 uur)", "(1 heure)", "(1 hour)" inside the bold
# lead
_TIME = re.compile(
    r"\((\d{1,4})\s*(minuten|minuut|minutes|minute|mins|min\.?|uur|uren|heures?|hours?|h)\s*\)",
    re.I,
)
_HOURS = ("uur", "uren", "heure", "heures", "hour", "hours", "h")
_FENCE = re.compile(r"^\s*(```|~~~)")


def steps(body: str, body_line: int) -> list[tuple[int, int, int | None]]:
    """The steps of a body: (number, line in the file, minutes or None), from its first timed
    list."""
    lists, current, in_fence, after_blank = [], None, False, True
    lines = body.split("\n")
    for i, line in enumerate(lines):
        blank_before, after_blank = after_blank, not line.strip()
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        m = _ITEM.match(line)
        if m:
            number = int(m.group(1))
            if current is None or number <= current[-1][0]:  # numbering starts again: a new list
                current = []
                lists.append(current)
            current.append((number, body_line + i, _minutes(_item_text(lines, i, m.group(2)))))
        elif line.strip() and not line[:1].isspace() and (blank_before or line.startswith("#")):
            # A heading, or a paragraph after a blank line, ends a list (not a lazy continuation).
            current = None
    return next(
        (found for found in lists if any(minutes is not None for _, _, minutes in found)), []
    )


def _item_text(lines: list[str], i: int, first: str) -> str:
    """An item's first line with the indented lines that continue it, so a lead may wrap."""
    parts = [first]
    for line in lines[i + 1 :]:
        if not line.strip() or not line[:1].isspace():
            break
        parts.append(line.strip())
    return " ".join(parts)


def _minutes(text: str) -> int | None:
    lead = _LEAD.match(text)
    found = _TIME.search(lead.group(1)) if lead else None
    if found is None:
        return None
    n = int(found.group(1))
    return n * 60 if found.group(2).lower() in _HOURS else n


def step_problems(
    rel: str, body: str, body_line: int, duration: int | None, source: str | None = None
) -> list[Problem]:
    """The steps with minutes must add up to the module's duration (`source`: the Dutch file of a
    translation; `duration` None: a file whose duration is not known, whose steps must still
    each name their minutes)."""
    found = steps(body, body_line)
    if not found:
        return []
    problems = [
        Problem(
            rel,
            line,
            "steps",
            say("timings.step_minutes", number=number),
            say("timings.step_minutes.hint", example="**Pauze (15 minuten).**"),
        )
        for number, line, minutes in found
        if minutes is None
    ]
    total = sum(minutes or 0 for _, _, minutes in found)
    if duration is not None and total != duration and not problems:
        hint = (
            say("timings.steps_sum.hint_translation", source=source)
            if source
            else say("timings.steps_sum.hint")
        )
        problems.append(
            Problem(
                rel,
                found[0][1],
                "steps",
                say("timings.steps_sum", total=total, duration=duration),
                hint,
            )
        )
    return problems


def trajectory_problems(
    rel: str,
    doc,
    steps_data: list[dict],
    durations: dict[str, int],
    half_day: int = HALF_DAY_MINUTES,
) -> list[Problem]:
    """A trajectory step must give its modules the time they need: each one in a single time of the
    step, and all of them together in all its times. `durations`: module id -> minutes (known
    modules)."""
    problems = []
    for i, s in enumerate(steps_data):
        per_time = s["half_days"] * half_day
        known = [(j, m, durations[m]) for j, m in enumerate(s["modules"]) if m in durations]
        for j, module, minutes in known:
            if minutes > per_time:
                problems.append(
                    Problem(
                        rel,
                        doc.line_of(f"steps[{i}].modules[{j}]"),
                        f"steps[{i}].modules[{j}]",
                        say(
                            "timings.module_too_long",
                            module=module,
                            minutes=minutes,
                            step=s["id"],
                            half_days=_num(s["half_days"]),
                            per_time=_num(per_time),
                        ),
                        say("timings.module_too_long.hint"),
                    )
                )
        need = sum(minutes for _, _, minutes in known)
        given = s["times"] * per_time
        if need > given:
            parts = " + ".join(f"{module} {minutes}" for _, module, minutes in known)
            problems.append(
                Problem(
                    rel,
                    doc.line_of(f"steps[{i}].half_days"),
                    f"steps[{i}].half_days",
                    say(
                        "timings.step_too_short",
                        step=s["id"],
                        need=need,
                        parts=parts,
                        given=_num(given),
                        times=s["times"],
                        half_days=_num(s["half_days"]),
                        half_day=half_day,
                    ),
                    say("timings.step_too_short.hint"),
                )
            )
    return problems


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
