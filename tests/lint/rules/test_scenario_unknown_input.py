from conftest import MINIMAL

RULE = "scenario/unknown-input"
BASE = MINIMAL.replace("start: q\n", "inputs:\n  ticket: {prompt: T}\nstart: q\n")


def test_scenario_inputs_declared(findings):
    good = BASE + "scenarios:\n  - name: s\n    inputs: {ticket: CS-1}\n    answers: [1]\n    expect: {end: done}\n"
    assert findings(good, RULE) == []


def test_scenario_input_typo(findings):
    bad = BASE + "scenarios:\n  - name: s\n    inputs: {tiket: CS-1}\n    answers: [1]\n    expect: {end: done}\n"
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (26, 14)
    assert "did you mean 'ticket'?" in message
