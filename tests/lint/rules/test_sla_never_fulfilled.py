from conftest import MINIMAL, SPEC_EXAMPLE
from playbook_cli.lint.runner import lint_paths

RULE = "sla/never-fulfilled"
WITH_SLA = MINIMAL.replace("start: q\n", "sla:\n  first_reply: 1h\nstart: q\n")


def test_fulfilled_clock(findings):
    assert findings(WITH_SLA.replace("    next: done\n  done", "    fulfills: [first_reply]\n    next: done\n  done"), RULE) == []


def test_clock_no_step_fulfils_is_info():
    # The format's own example declares `resolution` and never fulfils it.
    [finding] = [f for f in lint_paths([str(SPEC_EXAMPLE)]).findings if f.rule == RULE]
    assert (finding.line, finding.column, finding.severity.value) == (14, 3, "info")
    assert "clock 'resolution'" in finding.message


def test_clock_mapping_no_step_fulfils(findings):
    text = MINIMAL.replace("start: q\n", "sla:\n  first_reply:\n    target: 1h\n    when: [a]\nstart: q\n")
    [(line, column, _, message)] = findings(text, RULE)
    assert (line, column) == (5, 3)
    assert "no step fulfils clock 'first_reply'" in message
    assert findings(text.replace("    next: done\n  done", "    fulfills: [first_reply]\n    next: done\n  done"), RULE) == []
