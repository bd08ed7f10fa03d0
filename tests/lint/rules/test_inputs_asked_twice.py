from conftest import MINIMAL

RULE = "inputs/asked-twice"
WITH_INPUTS = MINIMAL.replace("start: q\n", "inputs:\n  remedy: {prompt: R}\nstart: q\n")


def asking(*node_ids: str) -> str:
    text = WITH_INPUTS
    for node_id, kind in (("q", "question"), ("a", "action"), ("done", "end")):
        if node_id in node_ids:
            text = text.replace(f"  {node_id}:\n    kind: {kind}\n", f"  {node_id}:\n    kind: {kind}\n    asks: [remedy]\n")
    return text


def test_asked_once_or_on_two_branches(findings):
    assert findings(asking("a"), RULE) == []
    branches = asking("a").replace("        next: done\n", "        next: b\n", 1)
    branches += "  b:\n    kind: action\n    text: Other\n    asks: [remedy]\n    next: done\n"
    assert findings(branches, RULE) == []


def test_asked_twice_on_one_path_at_the_later_node(findings):
    [(line, column, _, message)] = findings(asking("q", "done"), RULE)
    assert (line, column) == (23, 12)
    assert "input 'remedy' is already asked at 'q', and a walk can go on to this node (q → done)" in message
    assert "ask it only once" in message


def test_each_later_node_is_reported_once(findings):
    got = findings(asking("q", "a", "done"), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(19, 12), (24, 12)]


def test_a_loop_back_to_the_same_node_is_not_reported(findings):
    loop = asking("q").replace("    text: Do it\n    next: done\n", "    text: Do it\n    next: q\n")
    assert findings(loop, RULE) == []
