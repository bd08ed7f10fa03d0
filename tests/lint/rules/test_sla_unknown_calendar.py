from conftest import MINIMAL

RULE = "sla/unknown-calendar"
CALENDARS = 'calendars:\n  office: {timezone: Asia/Ho_Chi_Minh, hours: {mon-fri: ["08:00-17:00"]}}\n'


def with_clock(clock_yaml: str, calendars: str = CALENDARS) -> str:
    # calendars: on lines 4-5 (when given), then sla:, the clock `reply`, its keys.
    return MINIMAL.replace("start: q\n", calendars + "sla:\n  reply:\n" + clock_yaml + "start: q\n")


def test_declared_calendar(findings):
    assert findings(with_clock("    target: 4h\n    calendar: office\n"), RULE) == []


def test_misspelt_calendar_is_located_with_suggestion(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 4h\n    calendar: ofice\n"), RULE)
    assert (line, column) == (9, 15)
    assert "clock 'reply' uses calendar 'ofice', which is not declared; did you mean 'office'?" in message


def test_no_calendars_at_all(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 4h\n    calendar: office\n", calendars=""), RULE)
    assert (line, column) == (7, 15)
    assert "declare it under `calendars`, or remove `calendar` to count round the clock" in message
