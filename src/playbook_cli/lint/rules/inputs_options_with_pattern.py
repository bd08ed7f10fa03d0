"""An input with both `options` and `pattern`.

An input with `options` takes one of them (the walk offers them numbered), so a
`pattern` can only reject an option the writer offered, or say nothing. Error: keep
one of the two. For a form of address, keep `options: [Quý khách, anh, chị]` and remove
`pattern`; for free text in a fixed shape, keep `pattern: "^CS-[0-9]+$"` and remove
`options`.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "inputs/options-with-pattern"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for name, spec in mapping(ctx.data.get("inputs")).items():
        spec = mapping(spec)
        if "options" in spec and "pattern" in spec:
            yield ctx.at(
                ("inputs", name, "pattern"),
                f"input '{name}' has both `options` and `pattern`; its value is one of the options, "
                "so remove `pattern` (or remove `options` to accept any text matching the pattern)",
                key=True,
            )
