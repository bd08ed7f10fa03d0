"""An input `pattern` that is not a valid regular expression, or a `default` it rejects.

A broken pattern would make the walk refuse every value; a default that fails its own
pattern could never be accepted. Error.
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
        spec = mapping(spec)
        pattern = spec.get("pattern")
        if not isinstance(pattern, str):
            continue
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            yield ctx.at(("inputs", name, "pattern"), f"the pattern of input '{name}' is not a valid regular expression: {exc}")
            continue
        default = spec.get("default")
        if isinstance(default, str) and not compiled.search(default):
            yield ctx.at(("inputs", name, "default"), f"the default '{default}' of input '{name}' does not match its pattern {pattern}")
