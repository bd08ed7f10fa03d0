from conftest import MINIMAL

RULE = "calendar/unused"
CALENDARS = (
    "calendars:\n"
    '  office: {timezone: Asia/Ho_Chi_Minh, hours: {mon-fri: ["08:00-17:00"]}}\n'
    '  night: {timezone: Asia/Ho_Chi_Minh, hours: {mon-sun: ["22:00-24:00"]}}\n'
)


def test_calendars_used_by_clocks(findings):
    text = MINIMAL.replace(
        "start: q\n", CALENDARS + "sla:\n  a: {target: 1h, calendar: office}\n  b: {target: 1h, calendar: night}\nstart: q\n"
    )
    assert findings(text, RULE) == []


def test_unused_calendar_is_info_at_its_name(findings):
    text = MINIMAL.replace("start: q\n", CALENDARS + "sla:\n  a: {target: 1h, calendar: office}\n  b: 1h\nstart: q\n")
    [(line, column, _, message)] = findings(text, RULE)
    assert (line, column) == (6, 3)
    assert "no clock uses calendar 'night'; add `calendar: night` to the clocks counted in its business hours, or remove it" in message
