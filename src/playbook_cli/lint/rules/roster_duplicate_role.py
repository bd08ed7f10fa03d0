"""A role listed twice for one person in a roster.

A role repeated in `roles` or in `backup_for`, or backed up by someone who already
holds it, says nothing more the second time and usually hides a typo (the role meant
is missing). Error, located at the repeat: remove it, or write the role that was meant.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import duplicate_roles, is_roster
from playbook_cli.lint.rule import Scope

ID = "roster/duplicate-role"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    if is_roster(ctx.data):
        for problem in duplicate_roles(ctx.data):
            yield ctx.at(problem.path, problem.message, key=problem.on_key)
