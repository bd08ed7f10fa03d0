"""A reply that uses an input which, on some path to its node, has not been asked yet.

An input listed in a node's `asks` is asked when the walk enters that node (so it can
be used in that node's own reply); an input no node asks is asked at the start. A reply
that uses an input asked at a later node, or on another branch, would be filled in
before anybody gave the value, and the walk would stop on it. Every channel and
language of `reply` and `replies` is checked; the message names one path on which the
value is still missing. Error: ask the input earlier, on a node every path to the reply
goes through, or on the reply's own node, for example:

```yaml
  follow-up:
    kind: action
    asks: [satisfaction]
    reply: {vi: "Cảm ơn {{ salutation }} đã chấm {{ satisfaction }} điểm.", en: "Thank you for the {{ satisfaction }}."}
```
"""

from collections import deque

from playbook_cli.core.findings import Severity
from playbook_cli.core.reply_templates import template_variables
from playbook_cli.core.structure import graph, mapping, nodes, sequence
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._replies import reply_templates, variable_position

ID = "reply/input-not-asked"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    start = ctx.data.get("start")
    edges = graph(ctx.data)
    if not isinstance(start, str) or start not in edges:
        return
    inputs = mapping(ctx.data.get("inputs"))
    asks = {
        node_id: {name for name in sequence(node.get("asks")) if isinstance(name, str) and name in inputs}
        for node_id, node in nodes(ctx.data).items()
    }
    asked_later = sorted({name for names in asks.values() for name in names})
    if not asked_later:
        return  # every input is asked at the start
    bit = {name: 1 << index for index, name in enumerate(asked_later)}
    uses = []
    for path, source in reply_templates(ctx.data):
        used = template_variables(source)
        if used and path[1] in edges and not used.isdisjoint(bit):
            uses.append((path, source, sorted(used.intersection(bit))))
    if not uses:
        return
    kill = {node_id: sum(bit[name] for name in names) for node_id, names in asks.items()}
    missing = _not_yet_asked(edges, start, kill, (1 << len(asked_later)) - 1)
    askers = {name: [node_id for node_id, names in asks.items() if name in names] for name in asked_later}
    witnesses: dict[str, dict] = {}
    for path, source, names_used in uses:
        node_id = path[1]
        for name in names_used:
            if not missing.get(node_id, 0) & ~kill[node_id] & bit[name]:
                continue
            if name not in witnesses:
                witnesses[name] = _paths_avoiding(edges, start, set(askers[name]))
            route = " → ".join(_path_to(witnesses[name], node_id))
            where = ", ".join(f"'{asker}'" for asker in askers[name])
            yield ctx.at_position(
                *variable_position(ctx, path, source, name),
                f"the reply uses '{name}', which is asked at {where}; on the path {route} it has not been asked yet: "
                f"ask it earlier (asks on a node before) or on this node",
            )


def _not_yet_asked(edges, start, kill, everything):
    """node → bit set of the inputs that, on some path from start, are not asked before entering it.

    A forward fixpoint: a node is queued again only when its set grows, so each node is
    visited at most once per input plus once.
    """
    entering = {start: everything}
    queue, queued = deque([start]), {start}
    while queue:
        node_id = queue.popleft()
        queued.discard(node_id)
        leaving = entering[node_id] & ~kill[node_id]
        for target in edges[node_id]:
            before = entering.get(target)
            after = leaving if before is None else before | leaving
            if after != before:
                entering[target] = after
                if target not in queued:
                    queued.add(target)
                    queue.append(target)
    return entering


def _paths_avoiding(edges, start, avoided):
    """BFS tree from start in the graph without the `avoided` nodes (they may end a path, not continue it)."""
    came_from = {start: None}
    queue = deque([start] if start not in avoided else [])
    while queue:
        node_id = queue.popleft()
        for target in edges[node_id]:
            if target not in came_from:
                came_from[target] = node_id
                if target not in avoided:
                    queue.append(target)
    return came_from


def _path_to(came_from, node_id):
    path = []
    while node_id is not None:
        path.append(node_id)
        node_id = came_from.get(node_id)
    return list(reversed(path))
