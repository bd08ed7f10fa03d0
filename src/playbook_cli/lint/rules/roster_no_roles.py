"""A person in a roster with no roles (`roles: []`).

Steps are assigned by role, so a person holding none is never assigned anything, not
even as a backup of last resort. Error, located at `roles`: list the roles they hold,
e.g. `roles: [agent]`, or remove the person. (A person without a `roles` key at all
is reported by the schema.)
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import is_roster, people_without_roles
from playbook_cli.lint.rule import Scope

ID = "roster/no-roles"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    if is_roster(ctx.data):
        for problem in people_without_roles(ctx.data):
            yield ctx.at(problem.path, problem.message, key=problem.on_key)
