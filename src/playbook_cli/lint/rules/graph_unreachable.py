"""A node that no walk can reach from `start`.

Nothing leads to it: no `next`, no choice. It is dead text, or a link was forgotten.
A warning, because the playbook still works; remove the node or link it in.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import graph, reachable_from
from playbook_cli.lint.rule import Scope

ID = "graph/unreachable"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    start = ctx.data.get("start")
    edges = graph(ctx.data)
    if not isinstance(start, str) or start not in edges:
        return  # graph/dangling-next reports the start itself
    reached = reachable_from(edges, start)
    for node_id in edges:
        if node_id not in reached:
            yield ctx.at(
                ("nodes", node_id),
                f"node '{node_id}' cannot be reached from start '{start}'; link it from a choice or a next, or remove it",
                key=True,
            )
