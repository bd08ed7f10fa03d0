"""A clock's `calendar` that names no calendar under `calendars`.

A clock counted in business time needs the working hours of a calendar the playbook
declares; a misspelt name leaves nothing to count with. Error: write the name of a
calendar declared under `calendars`, for example `calendar: office` with
`calendars: {office: {timezone: Asia/Ho_Chi_Minh, hours: {mon-fri: ["08:00-17:00"]}}}`,
or remove `calendar` to count round the clock.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "sla/unknown-calendar"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    calendars = mapping(ctx.data.get("calendars"))
    for clock, spec in mapping(ctx.data.get("sla")).items():
        name = mapping(spec).get("calendar")
        if isinstance(name, str) and name not in calendars:
            hint = did_you_mean(name, calendars) or (
                f"; calendars are: {', '.join(calendars)}"
                if calendars
                else "; declare it under `calendars`, or remove `calendar` to count round the clock"
            )
            yield ctx.at(("sla", clock, "calendar"), f"clock '{clock}' uses calendar '{name}', which is not declared{hint}")
