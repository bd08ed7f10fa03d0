from conftest import MINIMAL

RULE = "sla/when-unreachable"
# An `island` node that no choice or next leads to.
WITH_ISLAND = MINIMAL + "  island:\n    kind: action\n    text: Never\n    next: done\n"


def with_clock(clock_yaml: str) -> str:
    return WITH_ISLAND.replace("start: q\n", "sla:\n  reply:\n" + clock_yaml + "start: q\n")


def test_reachable_when(findings):
    assert findings(with_clock("    target: 4h\n    when: [island, a]\n"), RULE) == []


def test_all_when_nodes_unreachable(findings):
    [(line, column, _, message)] = findings(with_clock("    target: 4h\n    when: [island]\n"), RULE)
    assert (line, column) == (7, 11)
    assert "clock 'reply' applies only on entering 'island', which no walk from start 'q' reaches" in message
    assert "name a node the walk reaches" in message


def test_unknown_nodes_are_left_to_unknown_node(findings):
    assert findings(with_clock("    target: 4h\n    when: [nowhere]\n"), RULE) == []
