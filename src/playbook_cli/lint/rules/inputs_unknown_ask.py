"""A node's `asks` entry that names no input.

`asks: [satisfaction]` asks the input `satisfaction` when the walk enters the node; a
name that is not under `inputs` would ask nothing, and the reply that needs the value
would find none. Error: write the name of an input declared under `inputs`, or declare
it, for example `inputs: {satisfaction: {prompt: {vi: Mức độ hài lòng, en: Satisfaction}, measure: csat}}`.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping, nodes, sequence
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "inputs/unknown-ask"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    inputs = mapping(ctx.data.get("inputs"))
    for node_id, node in nodes(ctx.data).items():
        for index, name in enumerate(sequence(node.get("asks"))):
            if isinstance(name, str) and name not in inputs:
                hint = did_you_mean(name, inputs) or (f"; inputs are: {', '.join(inputs)}" if inputs else "; declare it under `inputs`")
                yield ctx.at(("nodes", node_id, "asks", index), f"node '{node_id}' asks '{name}', which is not an input{hint}")
