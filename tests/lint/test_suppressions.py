"""Inline `# playbook-lint: disable=...` comments."""

from conftest import MINIMAL

ORPHAN = "  orphan:\n    kind: end\n    text: Never\n    outcome: closed\n"


def rules_of(findings):
    return [(line, rule) for line, _, rule, _ in findings]


def test_end_of_line_comment_silences_that_rule_on_that_line(findings):
    text = MINIMAL + ORPHAN.replace("  orphan:\n", "  orphan:   # playbook-lint: disable=graph/unreachable\n")
    assert rules_of(findings(text)) == []


def test_comment_on_its_own_line_silences_the_next_line(findings):
    text = MINIMAL + "  # playbook-lint: disable=graph/unreachable\n" + ORPHAN
    assert rules_of(findings(text)) == []


def test_other_rules_and_other_lines_still_report(findings):
    text = MINIMAL.replace("start: q", "start: q   # playbook-lint: disable=graph/unreachable") + ORPHAN
    assert rules_of(findings(text)) == [(22, "graph/unreachable")]


def test_disable_file_and_disable_everything(findings):
    assert findings(MINIMAL + ORPHAN + "# playbook-lint: disable-file=graph/unreachable\n") == []
    assert findings(MINIMAL + ORPHAN.replace("  orphan:\n", "  orphan:  # playbook-lint: disable\n")) == []


def test_an_unknown_rule_in_a_comment_is_reported(findings):
    text = MINIMAL + ORPHAN.replace("  orphan:\n", "  orphan:  # playbook-lint: disable=graph/unreachabel\n")
    got = findings(text)
    assert rules_of(got) == [(22, "graph/unreachable"), (22, "lint/unknown-rule")]
    assert got[1][1] == 37 and "no rule is called 'graph/unreachabel'" in got[1][3]


def test_a_hash_inside_a_quoted_value_is_not_a_comment(findings):
    text = MINIMAL.replace("title: T", "title: 'T#playbook-lint: disable'") + ORPHAN
    assert rules_of(findings(text)) == [(22, "graph/unreachable")]
