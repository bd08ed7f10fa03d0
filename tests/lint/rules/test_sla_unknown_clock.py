from conftest import MINIMAL

RULE = "sla/unknown-clock"
WITH_SLA = MINIMAL.replace("start: q\n", "sla:\n  first_reply: 1h\nstart: q\n")


def test_known_clock(findings):
    assert findings(WITH_SLA.replace("    next: done\n  done", "    fulfills: [first_reply]\n    next: done\n  done"), RULE) == []


def test_unknown_clock_located_at_the_entry(findings):
    bad = WITH_SLA.replace("    next: done\n  done", "    fulfills: [first_replay]\n    next: done\n  done")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (19, 16)
    assert "did you mean 'first_reply'?" in message
