"""A scenario that sets an input the playbook does not declare.

Usually a typo (`tiket` for `ticket`), which leaves the real input empty and the
scenario testing something else than intended. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, sequence
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "scenario/unknown-input"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    inputs = mapping(ctx.data.get("inputs"))
    for index, scenario in enumerate(sequence(ctx.data.get("scenarios"))):
        for name in mapping(mapping(scenario).get("inputs")):
            if name not in inputs:
                hint = did_you_mean(name, inputs) or (f"; inputs are: {', '.join(inputs)}" if inputs else "")
                yield ctx.at(("scenarios", index, "inputs", name), f"'{name}' is not an input of this playbook{hint}", key=True)
