from conftest import FIXTURES
from playbook_cli.lint.runner import lint_paths

RULE = "roster/unknown-shift"
ROSTERS = FIXTURES / "roster"


def found(name):
    return [(f.line, f.column, f.message) for f in lint_paths([str(ROSTERS / name)]).findings if f.rule == RULE]


def test_shifts_naming_calendars_are_fine():
    assert found("team.yaml") == []


def test_a_shift_naming_no_calendar_is_located_with_a_suggestion():
    [(line, column, message)] = found("broken.yaml")
    assert (line, column) == (12, 12)
    assert "shift 'dya' names no calendar (did you mean 'day'?)" in message
    assert "write one of the roster's calendars (day, night), or remove `shift` to keep minh always on duty" in message


def test_a_roster_without_calendars_says_to_add_one(findings):
    text = "roster: 1\ntimezone: Asia/Ho_Chi_Minh\npeople:\n  lan: {roles: [agent], shift: day}\n"
    [(line, column, _, message)] = findings(text, RULE, name="roster.yaml")
    assert (line, column) == (4, 32)
    assert "add `calendars: {day: ...}`" in message
