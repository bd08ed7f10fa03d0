"""`playbook test`: scenario results, coverage, exit codes."""

import json

from conftest import SPEC_EXAMPLE

FULL = (
    SPEC_EXAMPLE.read_text(encoding="utf-8")
    + """\
  - name: on-time reply goes straight out
    inputs: {customer: Chi}
    answers: [2]
    expect: {end: done, outcome: resolved}
"""
)


def test_passing_scenarios_and_full_coverage(cli, write):
    path = write(FULL, "delayed-response.yaml")
    result = cli("test", path, "--min-coverage", "100")
    assert result.exit_code == 0, result.output
    assert "✔ late reply goes through the lead" in result.stdout
    assert "coverage: nodes 4/4 (100%), choices 2/2 (100%)" in result.stdout
    assert "2 scenarios in 1 playbook: 2 passed, 0 failed" in result.stdout


def test_coverage_below_the_minimum_fails_and_lists_what_was_missed(cli):
    result = cli("test", SPEC_EXAMPLE, "--min-coverage", "80")
    assert result.exit_code == 1
    assert "coverage: nodes 3/4 (75%), choices 1/2 (50%)" in result.stdout
    assert "not visited: reply-now, how-late → No" in result.stdout
    assert cli("test", SPEC_EXAMPLE).exit_code == 0


def test_a_failing_scenario_names_expected_reached_and_path(cli, write):
    path = write(
        FULL.replace("expect: {end: done, outcome: resolved}\n", "expect: {end: done, outcome: escalated}\n", 1), "delayed-response.yaml"
    )
    result = cli("test", path)
    assert result.exit_code == 1
    assert "✖ late reply goes through the lead" in result.stdout
    assert "expected end done (escalated), reached done (resolved)" in result.stdout
    assert "path: how-late → apologise → done" in result.stdout


def test_scenario_problems_are_failures(cli, write):
    text = FULL.replace('answers: ["Yes"]', "answers: []").replace("answers: [2]", 'answers: [2, "Yes"]')
    result = cli("test", write(text, "delayed-response.yaml"))
    assert result.exit_code == 1
    assert "ran out of answers at question 'how-late'" in result.stdout
    assert "1 answer(s) left unused" in result.stdout
    bad_input = FULL.replace("inputs: {customer: An, ticket: CS-12}", "inputs: {customer: An, ticket: cs12}")
    assert "'cs12' is not a valid 'Ticket ID'" in cli("test", write(bad_input, "delayed-response.yaml")).stdout


def test_json_report(cli, write):
    result = cli("test", write(FULL, "delayed-response.yaml"), "--format", "json")
    report = json.loads(result.stdout)
    assert (report["scenarios"], report["passed"], report["failed"]) == (2, 2, 0)
    assert report["coverage"] == {"nodes": 100.0, "choices": 100.0}
    assert report["playbooks"][0]["scenarios"][0]["path"] == ["how-late", "apologise", "done"]


def test_input_errors_exit_2(cli, write, tmp_path):
    assert cli("test", tmp_path / "missing").exit_code == 2
    broken = write("playbook: 1\nid: p\n", "p.yaml")
    result = cli("test", broken)
    assert result.exit_code == 2 and "has errors" in result.stderr
    assert cli("test", SPEC_EXAMPLE, "--min-coverage", "150").exit_code == 2
