"""A person's `shift` that names no calendar of the roster.

A shift is a calendar NAME under the roster's `calendars`; a misspelt one would leave
the person's hours unknown, so the walk could not tell when they are on duty. Error,
located at the shift; write one of the roster's calendars, or remove `shift` for
someone always on duty:

```yaml
calendars:
  day: {timezone: Asia/Ho_Chi_Minh, hours: {mon-sat: ["08:00-17:00"]}}
people:
  minh: {roles: [technical], shift: day}
```
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import is_roster, unknown_shifts
from playbook_cli.lint.rule import Scope

ID = "roster/unknown-shift"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    if is_roster(ctx.data):
        for problem in unknown_shifts(ctx.data):
            yield ctx.at(problem.path, problem.message, key=problem.on_key)
