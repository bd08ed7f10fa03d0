"""A `reply` template that uses a variable the playbook does not declare in `inputs`.

The variables of a reply are the playbook's inputs; anything else would stop the walk
when the reply is rendered (undefined variables are errors, not empty text). Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.reply_templates import template_variables
from playbook_cli.core.structure import mapping
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._replies import reply_templates

ID = "reply/unknown-variable"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    inputs = mapping(ctx.data.get("inputs"))
    for path, source in reply_templates(ctx.data):
        used = template_variables(source)
        if used is None:
            continue  # reply/template-syntax reports it
        for name in sorted(used - set(inputs)):
            hint = did_you_mean(name, inputs) or (f"; inputs are: {', '.join(inputs)}" if inputs else "; declare it under `inputs`")
            line = next((i for i, text in enumerate(source.splitlines(), 1) if name in text), 1)
            position = ctx.template_position(path, line)
            yield ctx.at_position(*position, f"the reply uses '{name}', which is not an input{hint}")
