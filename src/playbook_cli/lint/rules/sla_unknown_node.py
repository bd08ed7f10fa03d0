"""A clock's `when` or `starts` that names no node.

A clock with `when: [reply-complaint]` applies only to walks that enter one of those
nodes, and one with `starts: NODE` counts from entering that node. A misspelt node is
never entered, so the clock would stay pending for ever: it never reminds and never
breaches. Error: write the id of a node under `nodes` (or `starts: opened`, the
default, to count from the case's opening), for example `when: [reply-complaint]`.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, name_refs
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "sla/unknown-node"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    known = mapping(ctx.data.get("nodes"))
    for clock, spec in mapping(ctx.data.get("sla")).items():
        spec = mapping(spec)
        for rel, name in name_refs(spec.get("when")):
            if name not in known:
                yield ctx.at(("sla", clock, "when", *rel), f"`when` of clock '{clock}' names no node '{name}'{_hint(name, known)}")
        starts = spec.get("starts")
        if isinstance(starts, str) and starts != "opened" and starts not in known:
            yield ctx.at(
                ("sla", clock, "starts"),
                f"`starts` of clock '{clock}' names no node '{starts}'{_hint(starts, known)} (or `starts: opened` to count from the case's opening)",
            )


def _hint(name, known):
    if not known:
        return "; declare the node under `nodes`"
    return did_you_mean(name, known) or f"; write one of the node ids ({', '.join(list(known)[:8])}{', ...' if len(known) > 8 else ''})"
