from conftest import MINIMAL

RULE = "calendar/invalid"
GOOD = """\
calendars:
  office:
    timezone: Asia/Ho_Chi_Minh
    hours:
      mon-fri: ["08:00-12:00", "13:30-17:30"]
      sat: ["08:00-12:00"]
    holidays: [VN, "2027-02-05"]
    workdays: ["2026-05-09"]
    x-note: extension keys are allowed
sla:
  reply: {target: 4h, calendar: office}
"""


def with_calendars(calendars: str) -> str:
    # calendars: on line 4, office on line 5, its keys from line 6.
    return MINIMAL.replace("start: q\n", calendars + "start: q\n")


def test_valid_calendar(findings):
    assert findings(with_calendars(GOOD), RULE) == []


def test_unknown_time_zone_with_suggestion(findings):
    [(line, column, _, message)] = findings(with_calendars(GOOD.replace("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Mihn")), RULE)
    assert (line, column) == (6, 15)
    assert "'Asia/Ho_Chi_Mihn' is not an IANA time-zone name" in message and "did you mean 'Asia/Ho_Chi_Minh'?" in message


def test_intervals_located_at_each_entry(findings):
    bad = GOOD.replace('mon-fri: ["08:00-12:00", "13:30-17:30"]', 'mon-fri: ["08:00-12:00", "11:30-17:30", "18:00-17:00"]')
    got = findings(with_calendars(bad), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(8, 32), (8, 47)]
    assert "overlaps '08:00-12:00'" in got[0][3]
    assert "'18:00-17:00' ends before it starts" in got[1][3]


def test_a_day_listed_twice_is_located_at_its_key(findings):
    [(line, column, _, message)] = findings(with_calendars(GOOD.replace("      sat:", "      fri:")), RULE)
    assert (line, column) == (9, 7)
    assert "'fri' is already listed under 'mon-fri'; list each day once" in message


def test_holidays_and_workdays(findings):
    bad = GOOD.replace('holidays: [VN, "2027-02-05"]', 'holidays: [XX, "2026-05-09"]')
    got = findings(with_calendars(bad), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(10, 16), (11, 16)]
    assert "'XX' is not a country code" in got[0][3]
    assert "2026-05-09 is also listed in holidays" in got[1][3]


def test_shapes_are_left_to_the_schema(findings):
    bad = GOOD.replace('"13:30-17:30"', '"1:30pm-5pm"').replace("    timezone: Asia/Ho_Chi_Minh\n", "    color: red\n")
    assert findings(with_calendars(bad + "  other: 3\n  empty: {}\n"), RULE) == []
