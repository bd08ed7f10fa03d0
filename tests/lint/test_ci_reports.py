"""The CI reports of lint: JUnit XML (GitLab, Jenkins) and Code Climate JSON (GitLab code quality)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import MINIMAL, SPEC_EXAMPLE
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.lint.reporters.codeclimate import as_codeclimate
from playbook_cli.lint.reporters.junit import as_junit
from playbook_cli.lint.runner import LintResult

BAD = MINIMAL.replace("title: T", "titel: T")
FULL = SPEC_EXAMPLE.read_text(encoding="utf-8") + (  # two scenarios, full coverage
    "  - name: on-time reply goes straight out\n    inputs: {customer: Chi}\n    answers: [2]\n    expect: {end: done, outcome: resolved}\n"
)
WARNING_ONLY = MINIMAL + "  orphan:\n    kind: end\n    text: Never\n    outcome: closed\n"


def _junit_shape_is_valid(root: ET.Element) -> None:
    """What Jenkins' junit schema and GitLab's parser need: counts that add up, names on every case."""
    assert root.tag == "testsuites"
    for suite in root:
        assert suite.tag == "testsuite" and suite.get("name")
        cases = list(suite)
        assert all(case.tag == "testcase" and case.get("name") and case.get("classname") for case in cases)
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for case in cases if case.find("failure") is not None)
        assert suite.get("errors") == "0" and suite.get("time") == "0"
        for case in cases:
            assert {child.tag for child in case} <= {"failure", "skipped", "system-out"}
            for failure in case.findall("failure"):
                assert failure.get("message") and failure.get("type") and failure.text
    assert int(root.get("tests")) == sum(int(suite.get("tests")) for suite in root)


def test_junit_has_a_test_case_per_file_and_a_failure_per_finding(cli, write):
    bad, good = write(BAD.replace("id: p", "id: bad"), "bad.yaml"), write(MINIMAL.replace("id: p", "id: good"), "good.yaml")
    warned = write(WARNING_ONLY.replace("id: p", "id: w"), "w.yaml")
    result = cli("lint", "--format", "junit", bad, good, warned)
    assert result.exit_code == 1
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(result.stdout.encode("utf-8"))
    _junit_shape_is_valid(root)
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {str(bad), str(good), str(warned)}
    assert cases[str(good)].find("failure") is None
    failures = cases[str(bad)].findall("failure")
    assert [f.get("type") for f in failures] == ["schema/required", "schema/unknown-key"]
    assert (
        failures[1].get("message")
        == "3:1 error [schema/unknown-key] unknown key 'titel' in the top level; did you mean 'title'? (keys starting with x- are ignored)"
    )
    assert (
        failures[1].text
        == f"{bad}:3:1: error [schema/unknown-key] unknown key 'titel' in the top level; did you mean 'title'? (keys starting with x- are ignored)"
    )
    assert [f.get("type") for f in cases[str(warned)].findall("failure")] == ["graph/unreachable"]
    assert cases[str(bad)].get("file") == str(bad)
    assert root.get("tests") == "3" and root.get("failures") == "2"


def test_junit_is_well_formed_whatever_the_file_names_and_messages_hold():
    hostile = Finding('dir/a\udcff\x1b]0;t\x07 <&>".yaml', 1, 1, "graph/x", Severity.ERROR, 'msg \x00\x1b[2J ]]> <!-- \ufffe & "q"\n2nd')
    info = Finding("n.yaml", 2, 1, "sla/never-fulfilled", Severity.INFO, "a note")
    xml = as_junit(LintResult(files=(hostile.file, "n.yaml"), findings=(hostile, info)))
    root = ET.fromstring(xml.encode("utf-8"))  # parses: every character is one XML 1.0 allows
    _junit_shape_is_valid(root)
    first, second = root.iter("testcase")
    assert first.get("name") == 'dir/a<U+DCFF>^[]0;t^G <&>".yaml'
    assert '^@^[[2J ]]> <!-- <U+FFFE> & "q"\n2nd' in first.find("failure").text
    assert second.find("failure") is None and second.find("system-out").text == "n.yaml:2:1: info [sla/never-fulfilled] a note"


def test_codeclimate_has_what_gitlab_requires(cli, write, tmp_path, monkeypatch):
    write(BAD, "lib/p.yaml")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", "--format", "codeclimate", "./lib")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert len(issues) == 2
    for issue in issues:
        assert {"type", "description", "check_name", "fingerprint", "severity", "location", "categories"} <= set(issue)
        assert issue["type"] == "issue" and issue["severity"] == "major" and issue["categories"] == ["Bug Risk"]
        assert issue["location"]["path"] == "lib/p.yaml"  # no ./, as GitLab compares with the repository's paths
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert issues[1]["check_name"] == "schema/unknown-key" and issues[1]["location"]["lines"]["begin"] == 3
    assert issues[1]["description"].startswith("unknown key 'titel'")
    assert len({issue["fingerprint"] for issue in issues}) == 2


def test_codeclimate_severities_and_fingerprints():
    def finding(line: int, severity: Severity = Severity.WARNING, message: str = "same") -> Finding:
        return Finding("a.yaml", line, 1, "graph/unreachable", severity, message)

    issues = json.loads(as_codeclimate(LintResult(("a.yaml",), (finding(3), finding(9), finding(12, Severity.INFO, "other")))))
    assert [issue["severity"] for issue in issues] == ["minor", "minor", "info"]
    assert len({issue["fingerprint"] for issue in issues}) == 3  # the same message twice: two issues for GitLab
    moved = json.loads(as_codeclimate(LintResult(("a.yaml",), (finding(30), finding(90), finding(120, Severity.INFO, "other")))))
    assert [issue["fingerprint"] for issue in moved] == [issue["fingerprint"] for issue in issues]  # lines moved: same issues
    assert json.loads(as_codeclimate(LintResult(("a.yaml",), ()))) == []


def test_test_reports_junit_with_a_case_per_scenario(cli, write):
    path = write(
        FULL.replace("expect: {end: done, outcome: resolved}\n", "expect: {end: done, outcome: escalated}\n", 1), "delayed-response.yaml"
    )
    bare = write(MINIMAL, "p.yaml")
    result = cli("test", "--format", "junit", "--min-coverage", "100", path, bare)
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    _junit_shape_is_valid(root)
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {str(path), str(bare)}
    cases = suites[str(path)].findall("testcase")
    assert [case.get("name") for case in cases] == [
        "late reply goes through the lead",
        "on-time reply goes straight out",
        "coverage ≥ 100%",
    ]
    assert all(case.get("classname") == "delayed-response" for case in cases)
    failure = cases[0].find("failure")
    assert failure is not None and "expected end done (escalated), reached done (resolved)" in failure.get("message")
    assert "path: " in failure.text
    assert cases[1].find("failure") is None and cases[2].find("failure") is None
    bare_cases = suites[str(bare)].findall("testcase")
    assert [case.get("name") for case in bare_cases] == ["(no scenarios)", "coverage ≥ 100%"]
    assert bare_cases[0].find("skipped") is not None and bare_cases[1].find("failure") is not None
    assert suites[str(bare)].get("skipped") == "1"


def test_output_writes_the_format_to_a_file_and_the_text_to_the_terminal(cli, write, tmp_path):
    bad = write(BAD)
    report = tmp_path / "reports" / "lint.xml"
    result = cli("lint", "--format", "junit", "--output", report, bad)
    assert result.exit_code == 1
    assert "unknown key 'titel'" in result.stdout and "✖ 2 problems" in result.stdout and "<testsuites" not in result.stdout
    _junit_shape_is_valid(ET.fromstring(report.read_bytes()))
    assert sorted(p.name for p in report.parent.iterdir()) == ["lint.xml"]  # no temporary file left behind

    sarif = tmp_path / "lint.sarif"
    assert cli("lint", "-f", "sarif", "-o", sarif, bad).exit_code == 1
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"

    text = tmp_path / "lint.txt"
    cli("lint", "-o", text, bad)
    assert "unknown key 'titel'" in text.read_text(encoding="utf-8") and "\x1b[" not in text.read_text(encoding="utf-8")

    scenarios = tmp_path / "test.xml"
    tested = cli("test", "--format", "junit", "--output", scenarios, write(MINIMAL, "p.yaml"))
    assert tested.exit_code == 0 and "no scenarios" in tested.stdout
    assert ET.fromstring(scenarios.read_bytes()).get("tests") == "1"


def test_output_refuses_a_symbolic_link_and_leaves_it_alone(cli, write, tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "report.xml"
    link.symlink_to(target)
    result = cli("lint", "--format", "junit", "--output", link, write(MINIMAL))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep"
