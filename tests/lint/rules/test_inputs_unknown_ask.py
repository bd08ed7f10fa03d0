from conftest import MINIMAL

RULE = "inputs/unknown-ask"
WITH_INPUTS = MINIMAL.replace("start: q\n", "inputs:\n  satisfaction: {prompt: S}\nstart: q\n")


def test_known_input(findings):
    assert findings(WITH_INPUTS.replace("    text: Do it\n", "    text: Do it\n    asks: [satisfaction]\n"), RULE) == []


def test_unknown_input_located_at_the_entry(findings):
    bad = WITH_INPUTS.replace("    text: Do it\n", "    text: Do it\n    asks: [satisfaction, satisfation]\n")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (19, 26)
    assert "node 'a' asks 'satisfation', which is not an input; did you mean 'satisfaction'?" in message


def test_no_inputs_declared(findings):
    [(_, _, _, message)] = findings(MINIMAL.replace("    text: Do it\n", "    text: Do it\n    asks: [score]\n"), RULE)
    assert "declare it under `inputs`" in message
