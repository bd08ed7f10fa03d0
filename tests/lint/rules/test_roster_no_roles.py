from conftest import FIXTURES
from playbook_cli.lint.runner import lint_paths

RULE = "roster/no-roles"
ROSTERS = FIXTURES / "roster"


def found(name):
    return [
        (f.line, f.column, f.rule, f.message) for f in lint_paths([str(ROSTERS / name)]).findings if f.rule in (RULE, "schema/required")
    ]


def test_people_with_roles_are_fine():
    assert found("team.yaml") == []


def test_an_empty_roles_list_is_located_at_it():
    [(line, column, _, message)] = found("broken.yaml")
    assert (line, column) == (11, 12)
    assert message == "minh holds no role, so no step is ever assigned to them; list at least one, e.g. roles: [agent]"


def test_a_missing_roles_key_is_the_schemas_to_report_once():
    assert [(line, column, rule) for line, column, rule, _ in found("schema-errors.yaml")] == [(4, 3, "schema/required")]
