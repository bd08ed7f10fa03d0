"""A clock whose `when` nodes no walk can reach.

A clock with `when` applies only to walks that enter one of its `when` nodes. When none
of them can be reached from `start`, the clock never applies: it is shown pending on
every walk and never reminds or breaches, which is rarely what the writer meant.
Warning: name a node the walk reaches (the step where the case turns into the kind of
request the clock is for), for example `when: [reply-complaint]`, or link the node in.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import graph, mapping, name_refs, reachable_from
from playbook_cli.lint.rule import Scope

ID = "sla/when-unreachable"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    clocks = {clock: name_refs(mapping(spec).get("when")) for clock, spec in mapping(ctx.data.get("sla")).items()}
    if not any(clocks.values()):
        return
    start = ctx.data.get("start")
    edges = graph(ctx.data)
    if not isinstance(start, str) or start not in edges:
        return  # graph/dangling-next reports the start itself
    reached = reachable_from(edges, start)
    for clock, refs in clocks.items():
        when = [name for _, name in refs if name in edges]
        if not when:
            continue  # no `when`, or only unknown nodes, which sla/unknown-node reports
        if not any(name in reached for name in when):
            listed = ", ".join(f"'{name}'" for name in when)
            yield ctx.at(
                ("sla", clock, "when"),
                f"clock '{clock}' applies only on entering {listed}, which no walk from start '{start}' reaches, so it never applies; "
                "name a node the walk reaches, or link the node in",
            )
