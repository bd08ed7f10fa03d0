"""Lint results as SARIF 2.1.0, for code-scanning uploads."""

from __future__ import annotations

import json

from playbook_cli import __version__
from playbook_cli.core.findings import Severity
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.runner import LintResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_sarif(result: LintResult) -> str:
    rules = catalogue()
    rule_ids = list(rules)
    descriptors = [
        {
            "id": rule.id,
            "shortDescription": {"text": rule.id},
            "fullDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in rules.values()
    ]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "playbook-cli", "version": __version__, "rules": descriptors}}, "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
