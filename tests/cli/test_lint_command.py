"""`playbook lint` as a user and CI see it: formats, exit codes, messages."""

import json

from conftest import MINIMAL, SPEC_EXAMPLE

WARNING_ONLY = MINIMAL + "  orphan:\n    kind: end\n    text: Never\n    outcome: closed\n"
BAD = MINIMAL.replace('answer: "Yes"', "answer: Yes").replace("title: T", "titel: T")


def test_clean_playbook_exits_0(cli):
    result = cli("lint", SPEC_EXAMPLE)
    assert result.exit_code == 0
    assert "1 file checked, no problems" in result.stdout


def test_errors_exit_1_with_located_text(cli, write):
    path = write(BAD)
    result = cli("lint", path)
    assert result.exit_code == 1
    assert str(path) in result.stdout
    assert "3:1" in result.stdout and "unknown key 'titel'" in result.stdout
    assert "10:17" in result.stdout and 'write "Yes" in quotes' in result.stdout
    assert "1:1" in result.stdout and "missing 'title'" in result.stdout
    assert "✖" in result.stdout and "3 errors" in result.stdout


def test_warnings_exit_0_unless_strict(cli, write):
    path = write(WARNING_ONLY)
    assert cli("lint", path).exit_code == 0
    assert cli("lint", "--strict", path).exit_code == 1


def test_ignore_skips_a_rule(cli, write):
    path = write(WARNING_ONLY)
    assert cli("lint", "--strict", "--ignore", "graph/unreachable", path).exit_code == 0


def test_usage_and_input_problems_exit_2(cli, tmp_path):
    assert cli("lint", tmp_path / "missing.yaml").exit_code == 2
    assert "no such file" in cli("lint", tmp_path / "missing.yaml").stderr
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    assert cli("lint", empty_dir).exit_code == 2
    assert cli("lint", "--format", "xml", SPEC_EXAMPLE).exit_code == 2
    assert cli("lint", "--ignore", "no/such-rule", SPEC_EXAMPLE).exit_code == 2
    assert cli("lint").exit_code == 2


def test_json_format(cli, write):
    path = write(BAD)
    result = cli("lint", "--format", "json", path)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == 1 and report["errors"] == 3 and report["warnings"] == 0
    assert all(set(f) == {"file", "line", "column", "rule", "severity", "message"} for f in report["findings"])
    located = [(f["line"], f["column"], f["rule"], f["severity"]) for f in report["findings"]]
    assert located == [
        (1, 1, "schema/required", "error"),
        (3, 1, "schema/unknown-key", "error"),
        (10, 17, "schema/type", "error"),
    ]


def test_sarif_format(cli, write):
    result = cli("lint", "--format", "sarif", write(BAD))
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert all(rule["fullDescription"]["text"] for rule in run["tool"]["driver"]["rules"])
    for res in run["results"]:
        assert res["ruleId"] in rule_ids and res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_github_format_escapes(cli, write):
    path = write(MINIMAL.replace("start: q", "start: 'a,b:c'"))
    result = cli("lint", "--format", "github", path)
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"::error file={path},line=4,col=8,title=")
    assert all(line.startswith("::") for line in lines)
    assert "'a,b:c' names no node" in lines[0]  # the message keeps its commas and colons


def test_no_color_and_no_markup_from_playbook_text(cli, write):
    path = write(MINIMAL.replace("start: q", "start: '[bold]x[/bold]'"))
    result = cli("lint", path)
    assert "[bold]x[/bold]" in result.stdout
    assert "\x1b[" not in result.stdout


def test_rules_and_schema_commands(cli):
    rules = cli("rules")
    assert rules.exit_code == 0 and "graph/trap-loop" in rules.stdout
    schema = cli("schema")
    assert json.loads(schema.stdout)["$id"].endswith("playbook-1.schema.json")


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("playbook-cli ")
