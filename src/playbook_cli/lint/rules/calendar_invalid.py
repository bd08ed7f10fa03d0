"""A calendar with a problem: an unknown time zone, bad working hours, holidays or make-up days.

A clock counted in business time is only as right as its calendar. Errors: a time zone
that is not an IANA name, an interval that ends before it starts, overlapping or
decreasing intervals, a day listed twice (directly or through a range such as
`mon-fri`), a range that runs backwards, a country code whose public holidays are not
known, a date that does not exist, a date both in `holidays` and `workdays`. Each
message is located at the offending entry and says what to write, for example:

```yaml
calendars:
  office:
    timezone: Asia/Ho_Chi_Minh
    hours:
      mon-fri: ["08:00-12:00", "13:30-17:30"]
      sat: ["08:00-12:00"]
    holidays: [VN, "2027-02-05"]
    workdays: ["2026-05-09"]
```

Shapes (a missing `timezone`, an interval not written `HH:MM-HH:MM`, an unknown key)
are reported by the schema, not again here.
"""

import re
from functools import cache

from playbook_cli.core.calendars import CALENDAR_KEYS, calendar_problems
from playbook_cli.core.findings import Severity
from playbook_cli.core.schema import schema
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "calendar/invalid"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for name, raw in mapping(ctx.data.get("calendars")).items():
        if not isinstance(raw, dict):
            continue  # the schema reports the shape
        for path, message in calendar_problems(raw):
            path = tuple(path)
            if _shape_problem(raw, path):
                continue
            # A problem with a day key (listed twice, backwards) is located at the key; any other at its value.
            on_key = len(path) == 2 and path[0] == "hours"
            yield ctx.at(("calendars", name, *path), message, key=on_key)


def _shape_problem(raw, path):
    """Whether the schema already reports what stands at `path` (so this rule says nothing more)."""
    if not path or path[0] not in CALENDAR_KEYS:
        return True  # not a mapping, a required key missing, an unknown key (`x-` keys are allowed)
    value = _value(raw, path)
    if len(path) == 1:
        if path[0] == "timezone":
            return not isinstance(value, str) or not value
        return not isinstance(value, dict if path[0] == "hours" else list)
    if path[0] == "hours":
        if len(path) == 2:
            return not _fits("day_range", path[1]) or not isinstance(value, list) or not value
        return not _fits("interval", value)
    return not _fits("holiday" if path[0] == "holidays" else "date", value)


def _value(raw, path):
    for step in path:
        inside = step in raw if isinstance(raw, dict) else isinstance(raw, list) and isinstance(step, int) and 0 <= step < len(raw)
        if inside:
            raw = raw[step]
        else:
            return None
    return raw


def _fits(definition, value):
    """Whether a string matches the schema's pattern for `definition` (True when the schema has none)."""
    pattern = _pattern(definition)
    return pattern is None or (isinstance(value, str) and pattern.search(value) is not None)


@cache
def _pattern(definition):
    text = schema().get("$defs", {}).get(definition, {}).get("pattern")
    return re.compile(text) if isinstance(text, str) else None
