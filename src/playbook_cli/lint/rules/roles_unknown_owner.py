"""An `owner` that names no role in `roles`.

When a playbook declares its authority matrix (`roles`), every owner, the playbook's
default and each node's, must be one of those roles, so nobody is asked to own a step
under a title nobody holds. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import nodes
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "roles/unknown-owner"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    roles = ctx.data.get("roles")
    if not isinstance(roles, dict):
        return
    owners: list[tuple[tuple[str, ...], object]] = [(("owner",), ctx.data.get("owner"))]
    owners += [(("nodes", node_id, "owner"), node.get("owner")) for node_id, node in nodes(ctx.data).items()]
    for path, owner in owners:
        if isinstance(owner, str) and owner not in roles:
            hint = did_you_mean(owner, roles) or f"; roles are: {', '.join(roles)}"
            yield ctx.at(path, f"owner '{owner}' is not a role in `roles`{hint}")
