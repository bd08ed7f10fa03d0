"""An SLA clock whose target cannot be met on some path.

Each clock runs from the moment the case is opened until a node that `fulfills` it is
completed. Along the slowest path from `start` to such a node, the `within` budgets of
the steps add up; if that sum exceeds the clock's target, a team that uses every minute
it was given still breaches the SLA. Warning: shorten the budgets or fulfil the clock
earlier. Loops are counted once (a back edge is not followed again).
"""

from datetime import timedelta

from playbook_cli.core.durations import format_duration, parse_duration
from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import graph, mapping, nodes, sequence
from playbook_cli.lint.rule import Scope

ID = "sla/unmeetable"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    clocks = {name: parse_duration(target) for name, target in mapping(ctx.data.get("sla")).items()}
    start = ctx.data.get("start")
    edges = graph(ctx.data)
    if not clocks or not isinstance(start, str) or start not in edges:
        return
    all_nodes = nodes(ctx.data)
    budget = {node_id: parse_duration(node.get("within")) or timedelta(0) for node_id, node in all_nodes.items()}
    order, dag = _acyclic_order(edges, start)
    for clock, target in clocks.items():
        if target is None:
            continue
        stops = {node_id for node_id, node in all_nodes.items() if clock in sequence(node.get("fulfills"))}
        worst, came_from = {start: budget[start]}, {start: None}
        for node_id in order:
            if node_id not in worst or node_id in stops:
                continue  # the clock stops at a fulfilling node: what follows does not count
            for target_id in dag[node_id]:
                total = worst[node_id] + budget[target_id]
                if total > worst.get(target_id, timedelta(-1)):
                    worst[target_id], came_from[target_id] = total, node_id
        for node_id in sorted(stops):
            if worst.get(node_id, timedelta(0)) > target:
                path = _path_to(came_from, node_id)
                index = sequence(all_nodes[node_id].get("fulfills")).index(clock)
                yield ctx.at(
                    ("nodes", node_id, "fulfills", index),
                    f"clock '{clock}' ({format_duration(target)}) cannot be met on the path {' → '.join(path)}: "
                    f"its step budgets add up to {format_duration(worst[node_id])}; shorten the `within` budgets or fulfil the clock earlier",
                )


def _acyclic_order(edges, start):
    """Topological order of the nodes reachable from start, with back edges dropped."""
    dag: dict[str, list[str]] = {node_id: [] for node_id in edges}
    state, postorder = {}, []
    stack = [(start, iter(edges[start]))]
    state[start] = "open"
    while stack:
        node_id, children = stack[-1]
        for child in children:
            if state.get(child) == "open":
                continue  # a back edge: following it would count the loop forever
            dag[node_id].append(child)
            if child not in state:
                state[child] = "open"
                stack.append((child, iter(edges[child])))
                break
        else:
            state[node_id] = "done"
            postorder.append(node_id)
            stack.pop()
    return list(reversed(postorder)), dag


def _path_to(came_from, node_id):
    path = []
    while node_id is not None:
        path.append(node_id)
        node_id = came_from[node_id]
    return list(reversed(path))
