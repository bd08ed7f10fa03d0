"""The playbook `id` differs from the file name's stem.

`handoff` and the library refer to playbooks by id, and people find them by file
name; when the two differ, `handoff: angry-customer` does not lead where a reader
expects. Warning: rename the file or change the id.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.lint.rule import Scope

ID = "meta/id-mismatch"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE


def check(ctx):
    playbook_id = ctx.data.get("id")
    if isinstance(playbook_id, str) and ctx.doc.path != "<input>" and playbook_id != ctx.stem:
        yield ctx.at(
            ("id",),
            f"id '{playbook_id}' differs from the file name '{ctx.stem}'; rename the file to {playbook_id}.yaml or write `id: {ctx.stem}`",
        )
