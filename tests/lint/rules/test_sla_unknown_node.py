from conftest import MINIMAL

RULE = "sla/unknown-node"


def with_clock(clock_yaml: str) -> str:
    # sla: on line 4, the clock `reply` on line 5, its keys from line 6.
    return MINIMAL.replace("start: q\n", "sla:\n  reply:\n" + clock_yaml + "start: q\n")


def test_known_nodes_and_opened(findings):
    assert findings(with_clock("    target: 1h\n    when: [a, done]\n    starts: q\n"), RULE) == []
    assert findings(with_clock("    target: 1h\n    when: a\n    starts: opened\n"), RULE) == []


def test_when_entry_naming_no_node_is_located_with_suggestion(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 1h\n    when: [a, dnoe]\n"), RULE)
    assert (line, column) == (7, 15)
    assert "`when` of clock 'reply' names no node 'dnoe'; did you mean 'done'?" in message


def test_when_as_one_name(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 1h\n    when: actoin\n"), RULE)
    assert (line, column) == (7, 11)
    assert "names no node 'actoin'; write one of the node ids (q, a, done)" in message


def test_starts_naming_no_node(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 1h\n    starts: qq\n"), RULE)
    assert (line, column) == (7, 13)
    assert "names no node 'qq'; did you mean 'q'?" in message
    assert "`starts: opened`" in message


def test_duration_clocks_and_wrong_shapes_are_skipped(findings):
    assert findings(MINIMAL.replace("start: q\n", "sla:\n  reply: 1h\n  other: [1, 2]\nstart: q\n"), RULE) == []
    assert findings(with_clock("    target: 1h\n    when: {a: 1}\n    starts: 3\n"), RULE) == []
