"""An SLA clock that no step fulfils.

A clock runs until a node that `fulfills` it is completed; when no node does, no walk
can ever meet it, and walks show it as "not on this path". Fine for a clock tracked
elsewhere (another playbook, the ticketing system), usually a forgotten `fulfills`.
Info: add the clock to the `fulfills` of the step that meets it.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes, sequence
from playbook_cli.lint.rule import Scope

ID = "sla/never-fulfilled"
SEVERITY = Severity.INFO
SCOPE = Scope.FILE


def check(ctx):
    fulfilled = {clock for node in nodes(ctx.data).values() for clock in sequence(node.get("fulfills")) if isinstance(clock, str)}
    for clock in mapping(ctx.data.get("sla")):
        if clock not in fulfilled:
            yield ctx.at(
                ("sla", clock),
                f"no step fulfils clock '{clock}', so no walk can meet it; add it to the `fulfills` of the step that does",
                key=True,
            )
