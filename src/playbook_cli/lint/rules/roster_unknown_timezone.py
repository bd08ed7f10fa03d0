"""A roster `timezone` that is not an IANA time-zone name.

The roster's zone is the one in which `status` and `stats` show times, so it must be a
name the tz database knows, such as `Asia/Ho_Chi_Minh` (a near miss such as
`asia/ho_chi_minh` gets a did-you-mean). Error, located at the value. Each shift
calendar names its own zone, checked by `roster/invalid-calendar`.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import bad_timezone, is_roster
from playbook_cli.lint.rule import Scope

ID = "roster/unknown-timezone"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    if is_roster(ctx.data):
        for problem in bad_timezone(ctx.data):
            yield ctx.at(problem.path, problem.message, key=problem.on_key)
