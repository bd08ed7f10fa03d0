from conftest import MINIMAL
from playbook_cli.lint.runner import lint_paths

RULE = "library/duplicate-id"


def test_unique_ids(write):
    write(MINIMAL, "lib/p.yaml")
    write(MINIMAL.replace("id: p", "id: q"), "lib/q.yaml")
    result = lint_paths([str(write(MINIMAL, "lib/p.yaml").parent)])
    assert [f for f in result.findings if f.rule == RULE] == []


def test_same_id_in_two_files(write):
    first = write(MINIMAL, "lib/a/p.yaml")
    write(MINIMAL, "lib/b/p.yaml")
    result = lint_paths([str(first.parent.parent)])
    [finding] = [f for f in result.findings if f.rule == RULE]
    assert finding.file.endswith("b/p.yaml") and (finding.line, finding.column) == (2, 5)
    assert "a/p.yaml" in finding.message
