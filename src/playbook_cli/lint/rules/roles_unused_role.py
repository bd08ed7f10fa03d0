"""A role in `roles` that owns no step.

The authority matrix says who handles what; a role that is neither the playbook's
default `owner` nor the owner of any node shows up in runbooks with nothing to do.
Info: give it a step, or remove it.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes
from playbook_cli.lint.rule import Scope

ID = "roles/unused-role"
SEVERITY = Severity.INFO
SCOPE = Scope.FILE


def check(ctx):
    roles = mapping(ctx.data.get("roles"))
    owners = [ctx.data.get("owner")] + [node.get("owner") for node in nodes(ctx.data).values()]
    used = {owner for owner in owners if isinstance(owner, str)}
    for role in roles:
        if role not in used:
            yield ctx.at(("roles", role), f"role '{role}' owns no step; make it the owner of one, or remove it", key=True)
