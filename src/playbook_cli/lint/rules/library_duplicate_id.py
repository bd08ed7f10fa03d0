"""Two playbooks linted together share one `id`.

Ids are how a `handoff` names the playbook to continue in, so they must be unique in a
library. Reported on every file after the first that uses the id. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.lint.rule import Scope

ID = "library/duplicate-id"
SEVERITY = Severity.ERROR
SCOPE = Scope.LIBRARY


def check(contexts):
    first_file: dict[str, str] = {}
    for ctx in contexts:
        playbook_id = ctx.data.get("id")
        if not isinstance(playbook_id, str):
            continue
        if playbook_id in first_file:
            yield ctx.at(("id",), f"the id '{playbook_id}' is already used by {first_file[playbook_id]}; give each playbook its own id")
        else:
            first_file[playbook_id] = ctx.doc.path
