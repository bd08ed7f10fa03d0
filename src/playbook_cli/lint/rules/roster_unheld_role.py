"""A role that owns some step but that nobody in the roster holds or backs up.

Runs only with `playbook lint DIR --roster FILE` (or `PLAYBOOK_ROSTER`): every step
owned by such a role (its own `owner`, or the playbook's default `owner` for a node
without one) would reach the walk with nobody to assign it to, at any hour. Warning,
located at the `owner` in the playbook: add the role to someone's `roles` or
`backup_for` in the roster, or give the step an owner the roster knows.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.roster import is_roster
from playbook_cli.core.structure import mapping, nodes, sequence
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "roster/unheld-role"
SEVERITY = Severity.WARNING
SCOPE = Scope.LIBRARY


def check(contexts):
    """`contexts` are the playbooks linted together and the roster given with --roster (none: nothing to check)."""
    rosters = [ctx for ctx in contexts if is_roster(ctx.data)]
    if not rosters:
        return
    roster = rosters[0]
    covered = _covered_roles(roster.data)
    for ctx in contexts:
        if is_roster(ctx.data):
            continue
        for path, role in _owners(ctx.data):
            if role not in covered:
                hint = did_you_mean(role, covered)
                yield ctx.at(
                    path,
                    f"nobody in the roster {roster.doc.path} holds or backs up '{role}'{hint}; "
                    f"add '{role}' to someone's roles or backup_for there, or give this step an owner the roster knows",
                )


def _covered_roles(data):
    covered: set[str] = set()
    for name, person in mapping(data.get("people")).items():
        if isinstance(person, dict) and not str(name).startswith("x-"):
            covered.update(role for key in ("roles", "backup_for") for role in sequence(person.get(key)) if isinstance(role, str))
    return covered


def _owners(data):
    """(path, role) of every owner that owns at least one step: each node's, and the default when some node has none."""
    all_nodes = nodes(data)
    default = data.get("owner")
    if isinstance(default, str) and any("owner" not in node for node in all_nodes.values()):
        yield ("owner",), default
    for node_id, node in all_nodes.items():
        if isinstance(node.get("owner"), str):
            yield ("nodes", node_id, "owner"), node["owner"]
