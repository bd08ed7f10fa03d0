"""Write docs/rules.md from the rules' own docstrings. Run: python scripts/make_rules_doc.py"""

from pathlib import Path

from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.rule import Scope


def rules_markdown() -> str:
    lines = [
        "# Lint rules",
        "",
        "Generated from the rules' docstrings by `scripts/make_rules_doc.py`; `playbook rules`",
        "prints the same catalogue. Skip a rule everywhere with `playbook lint --ignore RULE`,",
        "or in one place with a comment in the playbook:",
        "",
        "```yaml",
        "  legacy-step:   # playbook-lint: disable=graph/unreachable",
        "# playbook-lint: disable=sla/unmeetable        (on its own line: silences the next line)",
        "# playbook-lint: disable-file=meta/id-mismatch  (anywhere: silences the whole file)",
        "```",
        "",
        "Without `=RULE` a comment silences every rule there. A comment naming no existing rule",
        "is reported (`lint/unknown-rule`).",
        "",
        "## Reading and schema checks",
        "",
        "| rule | severity | checks |",
        "| --- | --- | --- |",
    ]
    tree_rules = [rule for rule in catalogue().values() if rule.scope in (Scope.FILE, Scope.LIBRARY)]
    for rule in catalogue().values():
        if rule not in tree_rules:
            lines.append(f"| `{rule.id}` | {rule.severity.value} | {rule.summary} |")
    lines += ["", "## Decision-tree rules", ""]  # the modules' own documentation
    for rule in tree_rules:
        lines += [f"### `{rule.id}` ({rule.severity.value})", "", rule.documentation, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    out.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {out}")
