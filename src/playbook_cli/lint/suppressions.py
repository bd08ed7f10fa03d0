"""Inline suppressions: `# playbook-lint: disable=RULE[,RULE]` comments in a playbook.

- At the end of a line, it silences those rules' findings on that line.
- On a line of its own, it silences them on the next line.
- `# playbook-lint: disable-file=RULE[,RULE]` anywhere silences them in the whole file.
- Without `=RULE`, every rule is silenced there.

A suppression naming a rule that does not exist is itself reported, so a typo cannot
silence nothing while looking like it silences something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playbook_cli.core.findings import Finding, Severity

_COMMENT = re.compile(r"(?:^|\s)#\s*playbook-lint:\s*(disable-file|disable)\b(?:\s*=\s*([\w/,\s-]+))?")
ALL = "*"
RULE_ID = "lint/unknown-rule"
DESCRIPTION = "A `# playbook-lint: disable=...` comment names a rule that does not exist."


@dataclass
class Suppressions:
    by_line: dict[int, set[str]] = field(default_factory=dict)
    whole_file: set[str] = field(default_factory=set)
    problems: list[Finding] = field(default_factory=list)

    def hides(self, finding: Finding) -> bool:
        rules = self.whole_file | self.by_line.get(finding.line, set())
        return ALL in rules or finding.rule in rules


def parse(path: str, text: str, known_rules: set[str]) -> Suppressions:
    found = Suppressions()
    for number, line in enumerate(text.splitlines(), 1):
        match = _COMMENT.search(line)
        if not match:
            continue
        kind, listed = match.groups()
        rules = {rule.strip() for rule in (listed or "").split(",") if rule.strip()} or {ALL}
        for rule in sorted(rules - known_rules - {ALL}):
            column = line.index(rule, match.start()) + 1
            found.problems.append(
                Finding(path, number, column, RULE_ID, Severity.WARNING, f"no rule is called '{rule}'; `playbook rules` lists them")
            )
        if kind == "disable-file":
            found.whole_file |= rules
        else:
            own_line = not line[: match.start()].strip()
            target = number + 1 if own_line else number
            found.by_line.setdefault(target, set()).update(rules)
    return found
