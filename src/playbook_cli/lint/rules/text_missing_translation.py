"""A TEXT that lacks one of the playbook's declared `languages`.

When a playbook declares `languages: [vi, en]`, every text (titles, node texts, answers,
steps, replies, role titles, prompts) must be a mapping that carries each of them, so a
walk or runbook in any declared language never falls back mid-screen. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import languages, text_paths
from playbook_cli.lint.rule import Scope

ID = "text/missing-translation"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    declared = languages(ctx.data)
    if not declared:
        return
    for path, value in text_paths(ctx.data):
        if isinstance(value, str) and value:
            example = ", ".join(f"{code}: ..." for code in declared)
            yield ctx.at(path, f"this text has no translations; write it as {{{example}}} (the playbook declares {', '.join(declared)})")
        elif isinstance(value, dict):
            missing = [code for code in declared if code not in value]
            if missing:
                yield ctx.at(path, f"missing translation: add {', '.join(missing)} (the playbook declares {', '.join(declared)})", key=True)
