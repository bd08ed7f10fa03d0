"""The roster: its schema, reading it, and the assignment rule of ../shared/spec/roster-format.md."""

import copy
import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conftest import FIXTURES, REPO, SPEC_EXAMPLE
from playbook_cli.core.errors import InvalidPlaybookError
from playbook_cli.core.loader import load_file
from playbook_cli.core.roster import ROSTER_CHECKS, assign, is_roster, load_roster, roster_schema, roster_schema_findings
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules import ROSTER_MODULES

ROSTERS = FIXTURES / "roster"
SCHEMA_FILE = REPO / "schemas" / "roster.schema.json"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=HCM)


MONDAY_9 = local(2026, 11, 23, 9, 0)
SATURDAY_22 = local(2026, 11, 21, 22, 0)
SUNDAY_10 = local(2026, 11, 22, 10, 0)
NEXT_MONDAY_8 = local(2026, 11, 23, 8, 0)


@pytest.fixture(scope="module")
def team():
    return load_roster(ROSTERS / "team.yaml")


@pytest.fixture(scope="module")
def pairs():
    return load_roster(ROSTERS / "two-of-each.yaml")


# ---------------------------------------------------------------------------
# The schema


def test_schema_file_is_what_the_generator_writes():
    """Compares only: the committed file is never rewritten by the test suite."""
    import difflib
    import runpy

    generated = runpy.run_path(str(REPO / "scripts" / "make_roster_schema.py"))["schema_json"]()
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "schemas/roster.schema.json", "generated"))
    assert not diff, f"the roster schema file is stale; run python scripts/make_roster_schema.py and commit:\n{diff}"


def test_schema_is_valid_under_the_2020_12_metaschema_and_is_the_one_loaded():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(committed)
    assert roster_schema() == committed


def test_every_property_has_a_description():
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            missing.extend(f"{path}/{name}" for name, sub in node.get("properties", {}).items() if "description" not in sub)
            for key, sub in node.items():
                walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{path}/{index}")

    walk(roster_schema(), "")
    assert missing == []


def test_shifts_are_written_exactly_like_playbook_calendars():
    playbook_defs = json.loads((REPO / "schemas" / "playbook.schema.json").read_text(encoding="utf-8"))["$defs"]
    for name in ("name", "calendar", "day_range", "interval", "date", "holiday"):
        assert roster_schema()["$defs"][name] == playbook_defs[name]


def test_schema_errors_are_located_in_the_playbook_schema_words():
    found = [(f.line, f.column, f.rule, f.message) for f in roster_schema_findings(load_file(ROSTERS / "schema-errors.yaml"))]
    assert found == [
        (1, 9, "schema/value", "unsupported roster version 2; write `roster: 1`"),
        (4, 3, "schema/required", "lan has no `roles`; add the roles they hold, e.g. roles: [agent]"),
        (6, 5, "schema/unknown-key", "unknown key 'rolse' in 'lan'; did you mean 'roles'? (keys starting with x- are ignored)"),
        (7, 12, "schema/value", "'not-an-address' is not an e-mail address; write one such as lan@example.com"),
        (8, 3, "schema/value", "'Minh' is not a valid id: use lower-case letters, digits, '-' and '_', e.g. 'minh'"),
        (10, 12, "schema/type", 'YAML reads 3 as a number, not as text; write "3" in quotes'),
    ]


# ---------------------------------------------------------------------------
# Reading


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"roster": 1, "people": {}}, True),
        ({"playbook": 1, "roster": 1}, False),
        ({"x-note": 1, "roster": 1}, False),
        ([{"roster": 1}], False),
        ("roster", False),
        ({}, False),
    ],
)
def test_a_roster_is_a_mapping_whose_first_key_is_roster(data, expected):
    assert is_roster(data) is expected


def test_the_spec_example_reads_into_people_in_file_order(team):
    assert team.timezone == HCM
    assert list(team.calendars) == ["day", "night"]
    assert [(p.name, p.display_name, p.roles, p.shift, p.backup_for) for p in team.people] == [
        ("lan", "Nguyễn Thị Lan", ("agent", "lead"), "day", ()),
        ("minh", "Trần Văn Minh", ("technical",), "day", ()),
        ("chi", "Lê Thị Chi", ("agent",), "night", ("technical", "lead")),
    ]
    assert team.person("chi") is team.people[2] and team.person("nobody") is None
    assert team.covered_roles == {"agent", "lead", "technical"}


def test_display_name_defaults_to_the_id_and_x_keys_are_ignored(pairs):
    assert [p.name for p in pairs.people] == ["minh", "an", "chi", "dung", "hoa"]
    assert pairs.person("hoa").display_name == "hoa" and pairs.person("hoa").shift is None


def test_a_roster_with_errors_is_refused_with_every_located_finding():
    with pytest.raises(InvalidPlaybookError) as caught:
        load_roster(ROSTERS / "broken.yaml")
    assert [(f.line, f.column, f.rule) for f in caught.value.findings] == [
        (2, 11, "roster/unknown-timezone"),
        (5, 57, "roster/invalid-calendar"),
        (8, 26, "roster/duplicate-role"),
        (11, 12, "roster/no-roles"),
        (12, 12, "roster/unknown-shift"),
        (16, 29, "roster/duplicate-role"),
        (16, 36, "roster/duplicate-role"),
    ]
    assert "playbook lint" in str(caught.value)


def test_a_playbook_or_a_missing_file_is_not_a_roster(tmp_path):
    with pytest.raises(InvalidPlaybookError) as caught:
        load_roster(SPEC_EXAMPLE)
    assert "starts with `roster: 1`" in caught.value.findings[0].message
    with pytest.raises(InvalidPlaybookError) as caught:
        load_roster(tmp_path / "missing.yaml")
    assert caught.value.findings[0].rule == "io/unreadable"


def test_each_check_is_one_lint_rule():
    file_rules = {module.ID for module in ROSTER_MODULES if module.SCOPE is Scope.FILE}
    assert file_rules == set(ROSTER_CHECKS)


# ---------------------------------------------------------------------------
# Assignment


def test_a_technical_step_at_9_on_monday_goes_to_the_day_shift_technician(team):
    assignment = assign(team, "technical", MONDAY_9, {})
    assert assignment.person is not None and assignment.person.name == "minh" and not assignment.backup
    assert assign(team, "technical", MONDAY_9.astimezone(UTC), {}) == assignment  # any zone, the same instant


def test_at_22_on_saturday_it_goes_to_the_night_shift_backup(team):
    assignment = assign(team, "technical", SATURDAY_22, {})
    assert assignment.person is not None and assignment.person.name == "chi" and assignment.backup
    holder = assign(team, "agent", SATURDAY_22, {})
    assert holder.person is not None and holder.person.name == "chi" and not holder.backup


def test_shifts_are_half_open_intervals(team):
    assert assign(team, "technical", local(2026, 11, 23, 8, 0), {}).person.name == "minh"
    at_five = assign(team, "technical", local(2026, 11, 23, 17, 0), {})
    assert at_five.person.name == "chi" and at_five.backup


def test_nobody_on_duty_names_who_holding_the_role_comes_on_shift_first_and_when(team):
    assignment = assign(team, "technical", SUNDAY_10, {})
    assert assignment.person is None and not assignment.backup
    assert assignment.next_person is not None and assignment.next_person.name == "minh"
    assert assignment.next_at == NEXT_MONDAY_8 and assignment.next_at.tzinfo == HCM


def test_a_public_holiday_of_the_shift_is_off_duty(team):
    new_year = assign(team, "technical", local(2027, 1, 1, 9, 0), {})
    assert new_year.person is None and new_year.next_at == local(2027, 1, 2, 8, 0)


def test_a_role_nobody_holds_has_nobody_to_name(team):
    assert assign(team, "billing", MONDAY_9, {"lan": 0}) == assign(team, "billing", SUNDAY_10, {})
    assignment = assign(team, "billing", MONDAY_9, {})
    assert assignment.person is None and assignment.next_person is None and assignment.next_at is None


@pytest.mark.parametrize(
    ("load", "expected"),
    [({}, "minh"), ({"minh": 2, "an": 1}, "an"), ({"minh": 1, "an": 1}, "minh"), ({"an": 3}, "minh"), ({"minh": 1}, "an")],
)
def test_ties_go_to_the_fewest_open_walks_then_roster_order(pairs, load, expected):
    assert assign(pairs, "technical", MONDAY_9, load).person.name == expected


@pytest.mark.parametrize(("load", "expected"), [({}, "chi"), ({"chi": 1, "dung": 1}, "chi"), ({"chi": 3}, "dung")])
def test_ties_between_backups_too(pairs, load, expected):
    assignment = assign(pairs, "technical", SATURDAY_22, load)
    assert assignment.person.name == expected and assignment.backup


@pytest.mark.parametrize(("load", "expected"), [({}, "minh"), ({"minh": 1}, "an")])
def test_ties_between_those_next_on_shift_too(pairs, load, expected):
    assignment = assign(pairs, "technical", SUNDAY_10, load)
    assert assignment.person is None and assignment.next_person.name == expected and assignment.next_at == NEXT_MONDAY_8


def test_no_shift_is_always_on_duty(pairs):
    for moment in (MONDAY_9, SATURDAY_22, SUNDAY_10):
        assert assign(pairs, "lead", moment, {"hoa": 99}).person.name == "hoa"


def test_a_time_without_a_zone_is_refused(team):
    with pytest.raises(ValueError, match="no time zone"):
        assign(team, "technical", datetime(2026, 11, 23, 9, 0), {})


# ---------------------------------------------------------------------------
# Rosters gone wrong: lint runs every check on raw data, whatever its shape

ODD_VALUES = [None, 3, True, "", "x", "day", "agent", "x-y", [], {}, [1, "a"], ["agent", "agent"], [[1]], {"a": 1}, {"roles": 3}]


def _paths(value, prefix=()):
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths(child, (*prefix, key))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_shapes_gone_wrong_never_crash_the_checks(data):
    from playbook_cli.lint.runner import check_document

    doc = load_file(ROSTERS / "team.yaml")
    places = [path for path in _paths(doc.data) if path]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(places))
        parent = doc.data
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES)))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed the place
    for finding in check_document(doc):
        assert finding.line >= 1 and finding.column >= 1 and finding.rule.startswith(("schema/", "roster/"))
