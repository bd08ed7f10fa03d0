from conftest import FIXTURES
from playbook_cli.lint.runner import lint_paths

RULE = "roster/duplicate-role"
ROSTERS = FIXTURES / "roster"


def found(name):
    return [(f.line, f.column, f.message) for f in lint_paths([str(ROSTERS / name)]).findings if f.rule == RULE]


def test_roles_listed_once_are_fine():
    assert found("team.yaml") == []


def test_each_repeat_is_located_at_the_repeat():
    assert found("broken.yaml") == [
        (8, 26, "'agent' is already among lan's roles; remove this repeat"),
        (16, 29, "chi holds 'agent', so backing it up adds nothing; remove it from backup_for"),
        (16, 36, "'technical' is already in chi's backup_for; remove this repeat"),
    ]
