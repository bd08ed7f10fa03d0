"""A `handoff` to a playbook id that is not among the files linted.

An end node may hand the case to another playbook; if no playbook with that id was
linted alongside, the handoff may lead nowhere. Warning, since the target may live in
another library: lint the whole library together (`playbook lint playbooks/`).
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import nodes
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "library/unknown-handoff"
SEVERITY = Severity.WARNING
SCOPE = Scope.LIBRARY


def check(contexts):
    known = {ctx.data.get("id") for ctx in contexts if isinstance(ctx.data.get("id"), str)}
    for ctx in contexts:
        for node_id, node in nodes(ctx.data).items():
            target = node.get("handoff")
            if isinstance(target, str) and target not in known:
                yield ctx.at(
                    ("nodes", node_id, "handoff"),
                    f"handoff to '{target}', but no playbook with that id was linted{did_you_mean(target, known)}",
                )
