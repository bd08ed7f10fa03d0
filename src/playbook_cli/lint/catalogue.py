"""The catalogue: every rule lint can report, in one registry.

Rules reported while reading (YAML, schema, suppression comments) are listed here with
their documentation; decision-tree rules are modules in `lint.rules`, one per rule,
each declaring its id, severity and scope. `playbook rules`, `--ignore`, suppressions,
SARIF and docs/rules.md all read this one dictionary.

To add a rule: write `lint/rules/<area>_<name>.py` (ID, SEVERITY, SCOPE, a docstring,
check), add it to `lint.rules.MODULES`, add tests in `tests/lint/rules/`, and run
`python scripts/make_rules_doc.py`.
"""

from __future__ import annotations

from functools import cache

from playbook_cli.core.findings import Severity
from playbook_cli.core.loader import LOAD_RULES
from playbook_cli.core.schema import rule_descriptions
from playbook_cli.lint import suppressions
from playbook_cli.lint.rule import Rule, Scope
from playbook_cli.lint.rules import MODULES


@cache
def catalogue() -> dict[str, Rule]:
    """Rule id → Rule, in the order `playbook rules` lists them."""
    rules = [Rule(rule_id, Severity.ERROR, Scope.LOAD, text) for rule_id, text in LOAD_RULES.items()]
    rules.append(Rule(suppressions.RULE_ID, Severity.WARNING, Scope.COMMENT, suppressions.DESCRIPTION))
    rules += [Rule(rule_id, Severity.ERROR, Scope.SCHEMA, text) for rule_id, text in rule_descriptions().items()]
    rules += [Rule.from_module(module) for module in MODULES]
    return {rule.id: rule for rule in rules}


def rules_of(scope: Scope) -> tuple[Rule, ...]:
    return tuple(rule for rule in catalogue().values() if rule.scope is scope)
