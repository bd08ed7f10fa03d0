from conftest import FIXTURES
from playbook_cli.lint.runner import lint_paths

RULE = "roster/invalid-calendar"
ROSTERS = FIXTURES / "roster"


def test_the_spec_shifts_are_fine():
    assert [f for f in lint_paths([str(ROSTERS / "team.yaml")]).findings if f.rule == RULE] == []


def test_a_night_shift_written_across_midnight_is_located_with_the_fix():
    [finding] = [f for f in lint_paths([str(ROSTERS / "broken.yaml")]).findings if f.rule == RULE]
    assert (finding.line, finding.column) == (5, 57)
    assert "write '17:00-24:00' here and '00:00-08:00' on the next day" in finding.message


def test_problems_at_day_keys_stand_at_the_key_and_shapes_are_left_to_the_schema(findings):
    text = """\
    roster: 1
    timezone: Asia/Ho_Chi_Minh
    calendars:
      day:
        timezone: Asia/Ho_Chi_Minh
        hours:
          mon-fri: ["08:00-17:00"]
          fri: ["08:00-12:00"]
          sat: ["8 am"]
    people:
      lan: {roles: [agent], shift: day}
    """
    found = [(line, column, rule) for line, column, rule, _ in findings(text, name="roster.yaml")]
    assert found == [(8, 7, RULE), (9, 13, "schema/value")]
