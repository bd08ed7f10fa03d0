from conftest import MINIMAL

RULE = "sla/remind-too-long"


def with_clock(clock_yaml: str) -> str:
    return MINIMAL.replace("start: q\n", "sla:\n  reply:\n" + clock_yaml + "start: q\n")


def test_shorter_remind(findings):
    assert findings(with_clock("    target: 4h\n    remind: 30m\n"), RULE) == []
    assert findings(with_clock("    target: 4h\n"), RULE) == []


def test_remind_equal_to_target(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 4h\n    remind: 4h\n"), RULE)
    assert (line, column) == (7, 13)
    assert message == "remind 4h is not shorter than target 4h; write a shorter remind"


def test_remind_longer_than_target_in_other_units(findings):
    [(line, column, _, message)] = findings(with_clock("    remind: 1d\n    target: 90m\n"), RULE)
    assert (line, column) == (6, 13)
    assert "remind 1d is not shorter than target 1h30m" in message


def test_unreadable_durations_are_skipped(findings):
    assert findings(with_clock("    target: soon\n    remind: 4h\n"), RULE) == []
