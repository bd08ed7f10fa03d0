"""A reference to a node that does not exist.

`start`, an action's `next`, a choice's `next` and a scenario's `expect.end` must each
name a node under `nodes`. A walk that follows such a reference has nowhere to go, so
this is an error. The message suggests the closest existing node id.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes, sequence, successors
from playbook_cli.core.suggest import Suggester
from playbook_cli.lint.rule import Scope

ID = "graph/dangling-next"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    data = ctx.data
    all_nodes = nodes(data)
    known = mapping(data.get("nodes"))
    suggester = Suggester(known)  # built once: a file may misspell thousands of ids
    listing = f" (nodes are: {', '.join(list(known)[:8])}{', ...' if len(known) > 8 else ''})"

    def missing(value, path, what):
        if isinstance(value, str) and value not in known:
            return ctx.at(path, f"{what} '{value}' names no node{suggester.did_you_mean(value) or listing}")
        return None

    finding = missing(data.get("start"), ("start",), "start")
    if finding:
        yield finding
    for node_id, node in all_nodes.items():
        for target, ref_path in successors(node):
            finding = missing(target, ("nodes", node_id, *ref_path), "next")
            if finding:
                yield finding
    for index, scenario in enumerate(sequence(data.get("scenarios"))):
        end = mapping(mapping(scenario).get("expect")).get("end")
        finding = missing(end, ("scenarios", index, "expect", "end"), "expect.end")
        if finding:
            yield finding
