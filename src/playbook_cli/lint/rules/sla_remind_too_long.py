"""A clock whose `remind` is not shorter than its `target`.

`remind` is how long before the target the walk reminds the owner and the clock turns
amber; a reminder as long as the target (or longer) would fire from the clock's first
minute, so it reminds of nothing. Error: write a shorter `remind`, for example
`target: 4h` with `remind: 30m`, or leave `remind` out for the default (the earlier of
the last quarter of the target and its last 15 minutes).
"""

from playbook_cli.core.durations import format_duration, parse_duration
from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "sla/remind-too-long"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for clock, spec in mapping(ctx.data.get("sla")).items():
        spec = mapping(spec)
        target, remind = parse_duration(spec.get("target")), parse_duration(spec.get("remind"))
        if target is not None and remind is not None and remind >= target:
            yield ctx.at(
                ("sla", clock, "remind"),
                f"remind {format_duration(remind)} is not shorter than target {format_duration(target)}; write a shorter remind",
            )
