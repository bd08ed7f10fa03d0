from conftest import MINIMAL

RULE = "roles/unknown-owner"
WITH_ROLES = MINIMAL.replace("start: q\n", "owner: agent\nroles:\n  agent: Agent\n  lead: Lead\nstart: q\n")


def test_owners_that_are_roles(findings):
    good = WITH_ROLES.replace("    text: Do it\n", "    text: Do it\n    owner: lead\n")
    assert findings(good, RULE) == []


def test_node_owner_naming_no_role(findings):
    bad = WITH_ROLES.replace("    text: Do it\n", "    text: Do it\n    owner: laed\n")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (21, 12)
    assert "did you mean 'lead'?" in message


def test_owner_without_roles_is_not_checked(findings):
    assert findings(MINIMAL.replace("start: q", "owner: anyone\nstart: q"), RULE) == []
