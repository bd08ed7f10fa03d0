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


def test_pauses_entry_naming_no_clock(findings):
    bad = WITH_SLA.replace("    next: done\n  done", "    pauses: [first_reply, frist_reply]\n    next: done\n  done")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (19, 27)
    assert "'frist_reply' is not an SLA clock; did you mean 'first_reply'?" in message


def test_clock_mappings_are_clocks(findings):
    text = MINIMAL.replace("start: q\n", "sla:\n  first_reply: {target: 1h, remind: 15m}\nstart: q\n")
    assert (
        findings(
            text.replace("    next: done\n  done", "    pauses: [first_reply]\n    fulfills: [first_reply]\n    next: done\n  done"), RULE
        )
        == []
    )
