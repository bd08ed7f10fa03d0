"""The 1.1 example playbook lints clean, and the 1.0 files keep their findings."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SPEC_EXAMPLE
from playbook_cli.core.findings import Severity
from playbook_cli.core.loader import load_file
from playbook_cli.lint.catalogue import rules_of
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._context import RuleContext
from playbook_cli.lint.runner import lint_paths

EXAMPLE = FIXTURES / "format-1.1" / "order-complaint.yaml"


def rule_findings(path):
    # Only the decision-tree rules: the schema of revision 1.1 is checked elsewhere.
    return [(f.line, f.column, f.rule) for f in lint_paths([str(path)]).findings if not f.rule.startswith(("schema/", "yaml/"))]


def test_the_1_1_example_is_clean_of_every_rule():
    assert rule_findings(EXAMPLE) == []


def test_the_1_0_spec_example_keeps_its_one_info():
    findings = lint_paths([str(SPEC_EXAMPLE)]).findings
    assert [(f.rule, f.severity) for f in findings] == [("sla/never-fulfilled", Severity.INFO)]


def test_the_1_1_example_would_breach_without_its_pause(tmp_path):
    # ask-photos pauses `resolution`: its 1d budget would otherwise push the slowest path past 2d.
    text = EXAMPLE.read_text(encoding="utf-8").replace("    pauses: [complaint_reply, resolution]\n", "    pauses: [complaint_reply]\n")
    path = tmp_path / "order-complaint.yaml"
    path.write_text(text, encoding="utf-8")
    [finding] = [f for f in lint_paths([str(path)]).findings if f.rule == "sla/unmeetable"]
    assert (
        "clock 'resolution' (2d) cannot be met on the path greet → what-kind → ask-photos → investigate → carry-out → confirm-fix"
        in finding.message
    )


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


ODD_VALUES = [None, 3, True, "", "x", "opened", "1h", "greet", [], {}, [1, "a"], [[1]], {"a": 1}, {"vi": 3}, ["greet", {}]]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_1_1_shapes_gone_wrong_never_crash_a_rule(data):
    # Rules see raw data before the schema has judged it: any value in any place must be skipped or reported.
    doc = load_file(EXAMPLE)
    places = [path for path in _paths(doc.data) if path]
    for _ in range(data.draw(st.integers(1, 3))):
        _replace(doc.data, data.draw(st.sampled_from(places)), copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES))))
    for rule in rules_of(Scope.FILE):
        assert rule.check is not None
        for finding in rule.check(RuleContext(doc, rule.id, rule.severity)):
            assert finding.line >= 1 and finding.column >= 1


def _replace(root, path, value):
    parent = root
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return  # an earlier replacement removed the place
    if isinstance(parent, dict) or (isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent)):
        parent[path[-1]] = value
