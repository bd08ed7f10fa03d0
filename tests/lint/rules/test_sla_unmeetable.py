RULE = "sla/unmeetable"

TEXT = """\
playbook: 1
id: p
title: T
sla:
  first_reply: {target}
start: q
nodes:
  q:
    kind: question
    text: Q?
    within: 10m
    choices:
      - {{answer: slow, next: slow}}
      - {{answer: fast, next: reply}}
  slow:
    kind: action
    text: Investigate
    within: 1h
    next: reply
  reply:
    kind: action
    text: Reply
    within: 15m
    fulfills: [first_reply]
    next: q2
  q2:
    kind: question
    text: Again?
    within: 5h
    choices:
      - {{answer: "yes", next: q}}
      - {{answer: "no", next: done}}
  done:
    kind: end
    text: Done
    outcome: resolved
"""


def test_budgets_within_target(findings):
    assert findings(TEXT.format(target="1h25m"), RULE) == []


def test_slowest_path_exceeds_target(findings):
    [(line, column, _, message)] = findings(TEXT.format(target="1h"), RULE)
    assert (line, column) == (24, 16)
    assert "q → slow → reply" in message
    assert "1h25m" in message


def test_time_after_the_clock_stops_and_loops_do_not_count(findings):
    # q2 (5h) comes after the clock stopped, and its loop back to q is not followed again.
    assert findings(TEXT.format(target="1h30m"), RULE) == []
