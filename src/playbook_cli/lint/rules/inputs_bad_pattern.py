"""An input `pattern` that is not a valid regular expression.

A broken pattern would make the walk refuse every value. Error: fix the regular
expression, for example `pattern: "^CS-[0-9]+$"`. (A `default` the pattern rejects is
reported by inputs/bad-default.)
"""

import re

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "inputs/bad-pattern"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for name, spec in mapping(ctx.data.get("inputs")).items():
        pattern = mapping(spec).get("pattern")
        if not isinstance(pattern, str):
            continue
        try:
            re.compile(pattern)
        except re.error as exc:
            yield ctx.at(
                ("inputs", name, "pattern"),
                f"the pattern of input '{name}' is not a valid regular expression: {exc}; fix it (for example ^CS-[0-9]+$)",
            )
