from conftest import MINIMAL

RULE = "graph/unreachable"


def test_all_nodes_reachable(findings):
    assert findings(MINIMAL, RULE) == []


def test_orphan_node_is_a_warning_at_its_key(write):
    from playbook_cli.lint.runner import lint_paths

    text = MINIMAL + "  orphan:\n    kind: end\n    text: Never\n    outcome: closed\n"
    result = lint_paths([str(write(text))])
    [finding] = [f for f in result.findings if f.rule == RULE]
    assert (finding.line, finding.column, finding.severity.value) == (22, 3, "warning")
    assert "'orphan' cannot be reached" in finding.message
    assert result.errors == 0
