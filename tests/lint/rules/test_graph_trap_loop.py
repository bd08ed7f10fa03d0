from conftest import MINIMAL

RULE = "graph/trap-loop"


def test_tree_with_ends_has_no_trap(findings):
    assert findings(MINIMAL, RULE) == []


def test_loop_with_no_way_out_is_an_error(findings):
    text = """\
    playbook: 1
    id: p
    title: T
    start: a
    nodes:
      a:
        kind: action
        text: A
        next: b
      b:
        kind: action
        text: B
        next: a
      done:
        kind: end
        text: End
        outcome: closed
    """
    got = findings(text, RULE)
    assert [(line, column) for line, column, _, _ in got] == [(6, 3), (10, 3)]
    assert "it loops: a → b → a" in got[0][3]


def test_loop_with_an_exit_is_fine(findings):
    text = MINIMAL.replace("        next: done\n  a:", "        next: q\n  a:")  # "No" loops back to q
    assert findings(text, RULE) == []
