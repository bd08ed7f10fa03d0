"""A shift calendar of a roster with a problem: the same checks as a playbook's `calendar/invalid`.

Shifts are calendars, so they can go wrong the same ways: a time zone that is not an
IANA name, an interval that ends before it starts (a night shift is written
`["00:00-08:00", "17:00-24:00"]`, not `17:00-08:00`), overlapping or decreasing
intervals, a day listed twice, a range that runs backwards, an unknown country code,
a date that does not exist or is both a holiday and a make-up day. Error, located at
the offending entry, saying what to write. Shapes are reported by the schema.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import calendar_issues, is_roster
from playbook_cli.lint.rule import Scope

ID = "roster/invalid-calendar"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    if is_roster(ctx.data):
        for problem in calendar_issues(ctx.data):
            yield ctx.at(problem.path, problem.message, key=problem.on_key)
