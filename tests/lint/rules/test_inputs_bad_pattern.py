from conftest import MINIMAL

RULE = "inputs/bad-pattern"


def with_input(spec: str) -> str:
    return MINIMAL.replace("start: q\n", f"inputs:\n  ticket: {spec}\nstart: q\n")


def test_valid_pattern_and_default(findings):
    assert findings(with_input("{prompt: T, pattern: '^CS-[0-9]+$', default: CS-1}"), RULE) == []


def test_pattern_that_does_not_compile(findings):
    [(line, column, _, message)] = findings(with_input("{prompt: T, pattern: '^CS-[0-9+$'}"), RULE)
    assert (line, column) == (5, 32)
    assert "not a valid regular expression" in message


def test_a_default_the_pattern_rejects_is_left_to_bad_default(findings):
    assert findings(with_input("{prompt: T, pattern: '^CS-[0-9]+$', default: X}"), RULE) == []
