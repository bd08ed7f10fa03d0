from conftest import MINIMAL

RULE = "inputs/bad-default"
OPTIONS = "    options:\n      - {vi: Quý khách, en: Sir or Madam}\n      - {vi: anh, en: Mr}\n      - chị\n"


def with_input(spec: str) -> str:
    # inputs: on line 4, the input on line 5, its keys from line 6.
    return MINIMAL.replace("start: q\n", f"inputs:\n  salutation:\n    prompt: T\n{spec}start: q\n")


def test_defaults_among_the_options(findings):
    assert findings(with_input(OPTIONS + "    default: {vi: Quý khách, en: Sir or Madam}\n"), RULE) == []
    assert findings(with_input(OPTIONS + "    default: chị\n"), RULE) == []
    assert findings(with_input(OPTIONS + "    default: Mr\n"), RULE) == []  # a plain default may be an option in any language


def test_one_language_of_a_default_not_an_option(findings):
    [(line, column, _, message)] = findings(with_input(OPTIONS + "    default: {vi: Quy khach, en: Sir or Madam}\n"), RULE)
    assert (line, column) == (11, 19)
    assert "the default 'Quy khach' of input 'salutation' is not one of its options; did you mean 'Quý khách'?" in message


def test_plain_default_not_an_option_lists_them(findings):
    [(line, column, _, message)] = findings(with_input(OPTIONS + "    default: bạn\n"), RULE)
    assert (line, column) == (11, 14)
    assert "write one of: " in message and "Quý khách" in message


def test_default_rejected_by_its_pattern(findings):
    [(line, column, _, message)] = findings(with_input("    pattern: '^CS-[0-9]+$'\n    default: X\n"), RULE)
    assert (line, column) == (8, 14)
    assert "does not match its pattern ^CS-[0-9]+$; write a default it accepts" in message


def test_each_language_of_a_default_is_matched_against_the_pattern(findings):
    got = findings(with_input("    pattern: '^CS-[0-9]+$'\n    default: {vi: CS-1, en: X-1}\n"), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(8, 29)]


def test_broken_pattern_is_left_to_bad_pattern(findings):
    assert findings(with_input("    pattern: '^CS-[0-9+$'\n    default: X\n"), RULE) == []
