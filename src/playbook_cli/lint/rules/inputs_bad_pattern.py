"""An input `pattern` that RE2, the walk's regular-expression engine, cannot run.

Patterns run in RE2 (linear time: no pattern can hang a walk, whatever is typed), so a
pattern must be written in RE2's syntax: Python's, without lookarounds (`(?=`, `(?!`,
`(?<=`, `(?<!`), backreferences (`\\1`), atomic groups or possessive quantifiers, and with
repetition counts up to 1000. A pattern Python would accept but RE2 rejects is an error
too: the walk could never check a value against it. Error: fix the regular expression,
for example `pattern: "^CS-[0-9]+$"`. (A `default` the pattern rejects is reported by
inputs/bad-default.)
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.patterns import PatternProblem, compile_pattern
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
        compiled = compile_pattern(pattern)
        if isinstance(compiled, PatternProblem):
            yield ctx.at(
                ("inputs", name, "pattern"),
                f"the pattern of input '{name}' is not a valid regular expression: {compiled.message}",
            )
