"""A node from which no end can be reached: the walk would loop forever.

Every path through a playbook must be able to finish at an `end` node. A node whose
every way out leads back into a loop traps the person walking it mid-incident. This is
an error; give the loop a choice that leads out to an end. (A `next` that names no node
is reported by graph/dangling-next instead.)
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import graph, mapping, nodes, reachable_from, successors
from playbook_cli.lint.rule import Scope

ID = "graph/trap-loop"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    all_nodes = nodes(ctx.data)
    known = mapping(ctx.data.get("nodes"))
    edges = graph(ctx.data)
    reverse: dict[str, list[str]] = {node_id: [] for node_id in all_nodes}
    finishing = []
    for node_id, node in all_nodes.items():
        targets = list(successors(node))
        if node.get("kind") == "end" or not targets or any(t not in known for t, _ in targets):
            # Ends, and nodes whose missing or broken link the schema or
            # graph/dangling-next already reports: not a loop.
            finishing.append(node_id)
        for target, _ in targets:
            if target in reverse:
                reverse[target].append(node_id)
    can_finish = set()
    for node_id in finishing:
        can_finish |= reachable_from(reverse, node_id)

    start = ctx.data.get("start")
    scope = reachable_from(edges, start) if isinstance(start, str) and start in edges else set(all_nodes)
    for node_id in all_nodes:
        if node_id in scope and node_id not in can_finish:
            loop = " → ".join(_cycle_from(edges, node_id))
            yield ctx.at(
                ("nodes", node_id),
                f"no end can be reached from node '{node_id}' (it loops: {loop}); add a way out to an end node",
                key=True,
            )


def _cycle_from(edges, node_id, limit=6):
    path, seen, current = [node_id], {node_id}, node_id
    while edges.get(current) and len(path) <= limit:
        current = edges[current][0]
        path.append(current)
        if current in seen:
            break
        seen.add(current)
    return path
