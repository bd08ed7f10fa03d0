"""An SLA clock whose target cannot be met on some path.

Each clock runs from the moment the case is opened (or, for a clock with `starts: NODE`,
from entering that node) until a node that `fulfills` it is completed. Along the slowest
path to such a node, the `within` budgets of the steps add up; if that sum exceeds the
clock's target, a team that uses every minute it was given still breaches the SLA.
Warning: shorten the budgets or fulfil the clock earlier, for example move
`fulfills: [first_reply]` to the step that sends the first answer.

Only paths on which the clock applies count: for a clock with `when`, paths that enter
one of its `when` nodes. The budget of a node that `pauses` the clock does not count.
Loops are counted once (a back edge is not followed again). For a clock with a
`calendar`, budgets are compared with the target as business time.
"""

from datetime import timedelta

from playbook_cli.core.durations import format_duration, parse_duration
from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import clock_target, graph, mapping, name_refs, nodes, sequence
from playbook_cli.lint.rule import Scope

ID = "sla/unmeetable"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    start = ctx.data.get("start")
    edges = graph(ctx.data)
    if not isinstance(start, str) or start not in edges:
        return
    all_nodes = nodes(ctx.data)
    budget = {node_id: parse_duration(node.get("within")) or timedelta(0) for node_id, node in all_nodes.items()}
    orders: dict[str, tuple] = {}
    for clock, spec in mapping(ctx.data.get("sla")).items():
        target = parse_duration(clock_target(spec)[1])
        spec = mapping(spec)
        origin = spec.get("starts", "opened")
        origin = start if origin == "opened" else origin
        if target is None or not isinstance(origin, str) or origin not in edges:
            continue  # the schema or sla/unknown-node reports it
        when = {name for _, name in name_refs(spec.get("when"))} if "when" in spec else None
        if origin not in orders:
            orders[origin] = _acyclic_order(edges, origin)
        order, dag = orders[origin]
        stops = {node_id for node_id, node in all_nodes.items() if clock in sequence(node.get("fulfills"))}
        paused = {node_id for node_id, node in all_nodes.items() if clock in sequence(node.get("pauses"))}
        cost = {node_id: timedelta(0) if node_id in paused else budget[node_id] for node_id in all_nodes}
        # A state is (node, whether the clock applies yet): with `when`, only once a walk enters a `when` node.
        first = (origin, when is None or origin in when)
        worst = {first: cost[origin]}
        came_from: dict[tuple, tuple | None] = {first: None}
        for node_id in order:
            if node_id in stops:
                continue  # the clock stops at a fulfilling node: what follows does not count
            for applies in (False, True):
                if (node_id, applies) not in worst:
                    continue
                for target_id in dag[node_id]:
                    state = (target_id, applies or when is None or target_id in when)
                    total = worst[node_id, applies] + cost[target_id]
                    if total > worst.get(state, timedelta(-1)):
                        worst[state], came_from[state] = total, (node_id, applies)
        for node_id in sorted(stops):
            if worst.get((node_id, True), timedelta(0)) > target:
                path = _path_to(came_from, (node_id, True))
                index = sequence(all_nodes[node_id].get("fulfills")).index(clock)
                yield ctx.at(
                    ("nodes", node_id, "fulfills", index),
                    f"clock '{clock}' ({format_duration(target)}) cannot be met on the path {' → '.join(path)}: "
                    f"its step budgets add up to {format_duration(worst[node_id, True])}; shorten the `within` budgets or fulfil the clock earlier",
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


def _path_to(came_from, state):
    path = []
    while state is not None:
        path.append(state[0])
        state = came_from[state]
    return list(reversed(path))
