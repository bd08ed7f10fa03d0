from conftest import MINIMAL
from playbook_cli.lint.runner import lint_paths

RULE = "library/unknown-handoff"
HANDOFF = MINIMAL.replace("    outcome: resolved\n", "    outcome: handed-off\n    handoff: other\n")


def test_handoff_to_a_linted_playbook(write):
    path = write(HANDOFF, "lib/p.yaml")
    write(MINIMAL.replace("id: p", "id: other"), "lib/other.yaml")
    assert [f for f in lint_paths([str(path.parent)]).findings if f.rule == RULE] == []


def test_handoff_to_an_unknown_playbook_is_a_warning(write):
    path = write(HANDOFF.replace("handoff: other", "handoff: othre"), "lib/p.yaml")
    write(MINIMAL.replace("id: p", "id: other"), "lib/other.yaml")
    [finding] = [f for f in lint_paths([str(path.parent)]).findings if f.rule == RULE]
    assert (finding.line, finding.column, finding.severity.value) == (22, 14, "warning")
    assert "did you mean 'other'?" in finding.message
