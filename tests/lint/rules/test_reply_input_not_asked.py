import time

from conftest import MINIMAL
from playbook_cli.core.loader import load_file
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.rules._context import RuleContext

RULE = "reply/input-not-asked"
# q → a → done and q → done; `score` is asked by the node that says `asks: [score]`.
WITH_INPUTS = MINIMAL.replace("start: q\n", "inputs:\n  customer: {prompt: C}\n  score: {prompt: S}\nstart: q\n")


def edit(text: str, node_id: str, kind: str, extra: str) -> str:
    return text.replace(f"  {node_id}:\n    kind: {kind}\n", f"  {node_id}:\n    kind: {kind}\n{extra}")


def test_input_asked_on_the_node_itself_or_before(findings):
    on_node = edit(WITH_INPUTS, "a", "action", "    asks: [score]\n    reply: 'Thanks {{ customer }}, {{ score }}'\n")
    assert findings(on_node, RULE) == []
    before = edit(edit(WITH_INPUTS, "q", "question", "    asks: [score]\n"), "a", "action", "    reply: '{{ score }}'\n")
    assert findings(before, RULE) == []


def test_inputs_no_node_asks_are_asked_at_the_start(findings):
    assert findings(edit(WITH_INPUTS, "a", "action", "    reply: '{{ customer }} {{ score }}'\n"), RULE) == []


def test_input_asked_later_is_located_at_the_variable(findings):
    text = edit(WITH_INPUTS, "a", "action", "    reply: 'Thanks {{ customer }}, {{ score }}'\n")
    text += "  later:\n    kind: action\n    text: L\n    asks: [score]\n    next: done\n"
    [(line, column, _, message)] = findings(text, RULE)
    assert (line, column) == (19, 39)
    assert message == (
        "the reply uses 'score', which is asked at 'later'; on the path q → a it has not been asked yet: "
        "ask it earlier (asks on a node before) or on this node"
    )


def test_asked_on_one_branch_only_names_the_other_path(findings):
    # `done` is reached through `a` (which asks) and straight from q (which does not).
    text = edit(WITH_INPUTS, "a", "action", "    asks: [score]\n")
    text = text.replace(
        "    text: Done\n", "    text: Done\n    replies:\n      email: |\n        Dear {{ customer }},\n        your score: {{ score }}\n"
    )
    [(line, column, _, message)] = findings(text, RULE)
    assert (line, column) == (28, 24)
    assert "asked at 'a'; on the path q → done it has not been asked yet" in message


def test_every_channel_and_language_is_checked(findings):
    text = edit(WITH_INPUTS, "done", "end", "    asks: [score]\n")
    replies = "    replies:\n      chat: {en: 'Hi {{ score }}', vi: 'Chào {{ score }}'}\n      email: '{{ customer }}'\n"
    got = findings(edit(text, "a", "action", replies), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(20, 25), (20, 49)]


def test_a_loop_back_before_the_asking_node(findings):
    # q → a → done, and a loops back to q: on the first visit of `a` nothing has asked `score` yet.
    text = edit(WITH_INPUTS, "done", "end", "    asks: [score]\n")
    text = edit(text, "a", "action", "    reply: '{{ score }}'\n").replace("    next: done\n  done:", "    next: q\n  done:")
    [(_, _, _, message)] = findings(text, RULE)
    assert "on the path q → a" in message


def test_ten_thousand_nodes_are_checked_in_well_under_a_second(write):
    # A chain of 10,000 questions, each with a loop back 100 nodes; `score` asked in the middle.
    lines = ["playbook: 1", "id: p", "title: T", "inputs:", "  score: {prompt: S}", "start: n0", "nodes:"]
    size = 10_000
    for index in range(size):
        lines += [f"  n{index}:", "    kind: question", "    text: Q"]
        lines += ["    choices:", f"      - {{answer: go, next: n{index + 1}}}", f"      - {{answer: back, next: n{max(index - 100, 0)}}}"]
        if index == size // 2:
            lines.append("    asks: [score]")
    lines += [f"  n{size}:", "    kind: action", "    text: A", "    reply: '{{ score }}'", "    next: end", "  end:", "    kind: end"]
    lines += ["    text: E", "    outcome: resolved"]
    doc = load_file(write("\n".join(lines) + "\n"))
    rule = catalogue()[RULE]
    context = RuleContext(doc, rule.id, rule.severity)
    assert rule.check is not None
    list(rule.check(context))  # parse the template once, outside the timing
    began = time.perf_counter()
    assert list(rule.check(context)) == []
    assert time.perf_counter() - began < 0.5
