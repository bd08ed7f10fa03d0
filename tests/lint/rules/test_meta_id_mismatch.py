from conftest import MINIMAL

RULE = "meta/id-mismatch"


def test_id_equals_stem(findings):
    assert findings(MINIMAL, RULE, name="p.yaml") == []


def test_id_differs_from_stem(findings):
    [(line, column, _, message)] = findings(MINIMAL, RULE, name="other.yml")
    assert (line, column) == (2, 5)
    assert "rename the file to p.yaml or write `id: other`" in message
