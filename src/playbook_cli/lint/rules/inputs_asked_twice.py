"""One input asked by two nodes on one path.

An input listed in a node's `asks` is asked when the walk enters that node. When a
walk can enter two nodes that both ask it, the person walking is asked the same thing
twice and the second answer silently replaces the first. Error: ask it once, at the
first node on the path that needs it, and remove it from the `asks` of the later node.
(Entering the same node again, round a loop, is not reported.)
"""

from collections import deque

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import graph, nodes, reachable_from, sequence
from playbook_cli.lint.rule import Scope

ID = "inputs/asked-twice"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    edges = graph(ctx.data)
    start = ctx.data.get("start")
    walked = reachable_from(edges, start) if isinstance(start, str) and start in edges else set(edges)
    askers: dict[str, list[tuple[str, int]]] = {}
    for node_id, node in nodes(ctx.data).items():
        if node_id in walked:
            for index, name in enumerate(sequence(node.get("asks"))):
                if isinstance(name, str) and all(asker != node_id for asker, _ in askers.get(name, [])):
                    askers.setdefault(name, []).append((node_id, index))
    for name, asked in askers.items():
        if len(asked) < 2:
            continue
        where = dict(asked)
        reported = set()
        for first, _ in asked:
            for later, path in _later_askers(edges, first, where):
                if later not in reported:
                    reported.add(later)
                    yield ctx.at(
                        ("nodes", later, "asks", where[later]),
                        f"input '{name}' is already asked at '{first}', and a walk can go on to this node ({' → '.join(path)}); "
                        f"ask it only once: remove it here, or from '{first}'",
                    )


def _later_askers(edges, first, where):
    """(node, path from `first`) for every other asker reachable from `first`, by BFS."""
    came_from = {first: None}
    queue = deque([first])
    while queue:
        node_id = queue.popleft()
        for target in edges[node_id]:
            if target in came_from:
                continue
            came_from[target] = node_id
            if target in where:
                path, step = [], target
                while step is not None:
                    path.append(step)
                    step = came_from[step]
                yield target, list(reversed(path))
            else:
                queue.append(target)
