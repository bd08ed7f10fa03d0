from conftest import MINIMAL

RULE = "scenario/expect-not-end"


def with_expect(end: str) -> str:
    # scenarios: on line 22, expect on line 25.
    return MINIMAL + f"scenarios:\n  - name: s\n    answers: [1]\n    expect: {{end: {end}}}\n"


def test_expect_an_end(findings):
    assert findings(with_expect("done"), RULE) == []


def test_expect_an_action(findings):
    [(line, column, _, message)] = findings(with_expect("a"), RULE)
    assert (line, column) == (25, 19)
    assert "expect.end 'a' is an action, not an end, so no walk can finish there" in message
    assert "end nodes are: done" in message


def test_expect_a_question_suggests_a_close_end(findings):
    text = with_expect("done-q").replace("  q:\n", "  done-q:\n").replace("start: q", "start: done-q")
    [(_, _, _, message)] = findings(text, RULE)
    assert "'done-q' is a question" in message and "did you mean 'done'?" in message


def test_unknown_node_is_left_to_dangling_next(findings):
    assert findings(with_expect("finish"), RULE) == []
