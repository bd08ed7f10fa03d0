"""A scenario whose `expect.end` names a node that is not an `end`.

A walk finishes only at an `end` node, so a scenario expecting to finish at a question
or an action can never pass: `playbook test` would fail it whatever the playbook does.
Error: name the `end` node the walk should reach, for example `expect: {end: done}`.
(A name that is no node at all is reported by graph/dangling-next.)
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes, sequence
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "scenario/expect-not-end"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    all_nodes = nodes(ctx.data)
    ends = [node_id for node_id, node in all_nodes.items() if node.get("kind") == "end"]
    for index, scenario in enumerate(sequence(ctx.data.get("scenarios"))):
        name = mapping(mapping(scenario).get("expect")).get("end")
        if not isinstance(name, str) or name not in all_nodes:
            continue
        kind = all_nodes[name].get("kind")
        if kind == "end" or kind not in ("question", "action"):
            continue  # a missing or unknown kind is the schema's to report
        hint = did_you_mean(name, ends) or (f"; end nodes are: {', '.join(ends)}" if ends else "; add an end node")
        yield ctx.at(
            ("scenarios", index, "expect", "end"),
            f"expect.end '{name}' is {'a question' if kind == 'question' else 'an action'}, not an end, so no walk can finish there; "
            f"name the end node the walk should reach{hint}",
        )
