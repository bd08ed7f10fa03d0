from conftest import MINIMAL

RULE = "graph/dangling-next"


def test_minimal_playbook_has_no_dangling_reference(findings):
    assert findings(MINIMAL, RULE) == []


def test_choice_next_naming_no_node_is_located_with_suggestion(findings):
    bad = MINIMAL.replace("        next: a\n", "        next: actoin\n")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (11, 15)
    assert "'actoin' names no node" in message


def test_start_and_action_next_and_expect_end(findings):
    bad = MINIMAL.replace("start: q", "start: qq").replace("    next: done\n  done", "    next: dnoe\n  done")
    bad += "scenarios:\n  - name: s\n    answers: [1]\n    expect: {end: finish}\n"
    got = findings(bad, RULE)
    assert [(line, column) for line, column, _, _ in got] == [(4, 8), (17, 11), (25, 19)]
    assert "did you mean 'q'?" in got[0][3]
    assert "did you mean 'done'?" in got[1][3]
