from conftest import MINIMAL

RULE = "inputs/measure-conflict"


def with_input(spec: str) -> str:
    return MINIMAL.replace("start: q\n", f"inputs:\n  satisfaction:\n{spec}start: q\n")


def test_measure_alone(findings):
    assert findings(with_input("    prompt: T\n    measure: csat\n"), RULE) == []


def test_measure_with_pattern(findings):
    [(line, column, _, message)] = findings(with_input("    prompt: T\n    pattern: '^[1-5]$'\n    measure: csat\n"), RULE)
    assert (line, column) == (8, 5)
    assert "input 'satisfaction' has `measure`" in message and "remove `pattern`" in message


def test_measure_with_pattern_and_options_is_one_finding(findings):
    spec = "    prompt: T\n    measure: nps\n    options: ['1', '2']\n    pattern: '^[0-9]$'\n"
    [(line, column, _, message)] = findings(with_input(spec), RULE)
    assert (line, column) == (7, 5)
    assert "remove `pattern` and `options`" in message
