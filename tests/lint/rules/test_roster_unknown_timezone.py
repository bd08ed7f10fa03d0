from conftest import FIXTURES
from playbook_cli.lint.runner import lint_paths

RULE = "roster/unknown-timezone"
ROSTERS = FIXTURES / "roster"


def test_an_iana_zone_is_fine():
    assert [f for f in lint_paths([str(ROSTERS / "team.yaml")]).findings if f.rule == RULE] == []


def test_an_unknown_zone_is_located_with_a_suggestion():
    [finding] = [f for f in lint_paths([str(ROSTERS / "broken.yaml")]).findings if f.rule == RULE]
    assert (finding.line, finding.column) == (2, 11)
    assert "'Asia/Saigon_City' is not an IANA time-zone name" in finding.message and "did you mean 'Asia/Saigon'?" in finding.message


def test_an_empty_zone_is_the_schemas_to_report(findings):
    text = "roster: 1\ntimezone: ''\npeople:\n  lan: {roles: [agent]}\n"
    assert [(line, column, rule) for line, column, rule, _ in findings(text, name="roster.yaml")] == [(2, 11, "schema/value")]
