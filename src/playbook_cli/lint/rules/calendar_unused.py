"""A calendar that no clock uses.

A calendar under `calendars` only matters through the clocks that say
`calendar: NAME`; one that none names changes nothing. Usually a clock lost its
`calendar`, or the calendar was copied from another playbook. Info: add
`calendar: NAME` to the clocks counted in its business hours, or remove the calendar.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "calendar/unused"
SEVERITY = Severity.INFO
SCOPE = Scope.FILE


def check(ctx):
    used = {name for spec in mapping(ctx.data.get("sla")).values() if isinstance(name := mapping(spec).get("calendar"), str)}
    for name in mapping(ctx.data.get("calendars")):
        if name not in used:
            yield ctx.at(
                ("calendars", name),
                f"no clock uses calendar '{name}'; add `calendar: {name}` to the clocks counted in its business hours, or remove it",
                key=True,
            )
