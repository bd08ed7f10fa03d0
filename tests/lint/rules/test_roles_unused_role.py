from conftest import MINIMAL
from playbook_cli.lint.runner import lint_paths

RULE = "roles/unused-role"
WITH_ROLES = MINIMAL.replace("start: q\n", "owner: agent\nroles:\n  agent: Agent\n  lead: Lead\nstart: q\n")


def test_every_role_owns_a_step(findings):
    assert findings(WITH_ROLES.replace("    text: Do it\n", "    text: Do it\n    owner: lead\n"), RULE) == []


def test_a_role_with_no_step_is_info_that_does_not_fail_strict(write, cli):
    path = write(WITH_ROLES)
    [finding] = [f for f in lint_paths([str(path)]).findings if f.rule == RULE]
    assert (finding.line, finding.column, finding.severity.value) == (7, 3, "info")
    assert "role 'lead' owns no step" in finding.message
    assert cli("lint", "--strict", path).exit_code == 0
