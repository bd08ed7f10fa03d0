from conftest import MINIMAL

RULE = "inputs/options-with-pattern"


def with_input(spec: str) -> str:
    # inputs: on line 4, the input `salutation` on line 5.
    return MINIMAL.replace("start: q\n", f"inputs:\n  salutation:\n{spec}start: q\n")


def test_options_alone_and_pattern_alone(findings):
    assert findings(with_input("    prompt: T\n    options: [Quý khách, anh, chị]\n"), RULE) == []
    assert findings(with_input("    prompt: T\n    pattern: '^[a-z]+$'\n"), RULE) == []


def test_both_located_at_the_pattern_key(findings):
    [(line, column, _, message)] = findings(with_input("    prompt: T\n    options: [Quý khách, anh]\n    pattern: '^[a-z]+$'\n"), RULE)
    assert (line, column) == (8, 5)
    assert "input 'salutation' has both `options` and `pattern`" in message
    assert "remove `pattern`" in message
