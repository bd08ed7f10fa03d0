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


def as_mapping(text: str, clock_yaml: str) -> str:
    return text.format(target="CLOCK").replace("  first_reply: CLOCK\n", "  first_reply:\n" + clock_yaml)


def test_a_clock_mapping_uses_its_target(findings):
    assert findings(as_mapping(TEXT, "    target: 1h25m\n    remind: 10m\n"), RULE) == []
    [(line, column, _, message)] = findings(as_mapping(TEXT, "    target: 1h\n"), RULE)
    assert (line, column) == (25, 16)
    assert "clock 'first_reply' (1h) cannot be met on the path q → slow → reply" in message


def test_a_clock_counts_from_its_starts_node(findings):
    # From `slow`: 1h + 15m.
    assert findings(as_mapping(TEXT, "    target: 1h15m\n    starts: slow\n"), RULE) == []
    [(_, _, _, message)] = findings(as_mapping(TEXT, "    target: 1h\n    starts: slow\n"), RULE)
    assert "on the path slow → reply" in message and "1h15m" in message


def test_only_paths_through_a_when_node_count(findings):
    # The clock applies only once the walk enters `slow`: q → reply alone (25m) does not count.
    assert findings(as_mapping(TEXT, "    target: 1h25m\n    when: [slow]\n"), RULE) == []
    [(_, _, _, message)] = findings(as_mapping(TEXT, "    target: 1h20m\n    when: slow\n"), RULE)
    assert "q → slow → reply" in message
    # Applying only on a path that never reaches a fulfilling step: nothing to report.
    assert findings(as_mapping(TEXT, "    target: 1m\n    when: [done]\n"), RULE) == []


def test_time_at_a_node_that_pauses_the_clock_does_not_count(findings):
    paused = as_mapping(TEXT, "    target: 30m\n").replace("    within: 1h\n", "    within: 1h\n    pauses: [first_reply]\n")
    assert findings(paused, RULE) == []


def test_duration_clock_still_works_on_1_0_files(findings):
    [(line, column, _, _)] = findings(TEXT.format(target="1h"), RULE)
    assert (line, column) == (24, 16)
