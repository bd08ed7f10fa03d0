"""A TEXT carrying a language that `languages` does not declare.

Usually a typo (`vn` for `vi`) or a language added to one text only. Walks and
runbooks never show it. Warning; add the language to `languages` or remove it.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import languages, text_paths
from playbook_cli.lint.rule import Scope

ID = "text/undeclared-language"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    declared = languages(ctx.data)
    if not declared:
        return
    for path, value in text_paths(ctx.data):
        if isinstance(value, dict):
            for code in value:
                if code not in declared:
                    yield ctx.at(
                        (*path, code),
                        f"language '{code}' is not in `languages` ({', '.join(declared)}); add it there or remove this entry",
                        key=True,
                    )
