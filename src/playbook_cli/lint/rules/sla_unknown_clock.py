"""A `fulfills` or `pauses` entry that names no clock in `sla`.

An action can only stop SLA clocks the playbook declares, and a node can only pause
them; a misspelt clock would never be marked as met, or would keep counting while the
team waits on the customer. Error: write the name of a clock declared under `sla`, for
example `pauses: [first_reply]`.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes, sequence
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "sla/unknown-clock"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    clocks = mapping(ctx.data.get("sla"))
    for node_id, node in nodes(ctx.data).items():
        for key in ("fulfills", "pauses"):
            for index, clock in enumerate(sequence(node.get(key))):
                if isinstance(clock, str) and clock not in clocks:
                    hint = did_you_mean(clock, clocks) or (f"; clocks are: {', '.join(clocks)}" if clocks else "; declare it under `sla`")
                    yield ctx.at(("nodes", node_id, key, index), f"'{clock}' is not an SLA clock{hint}")
