"""Lint results for scripts: one JSON object with every finding and the counts."""

from __future__ import annotations

import json

from playbook_cli.lint.runner import LintResult


def as_json(result: LintResult) -> str:
    return json.dumps(
        {
            "findings": [f.as_dict() for f in result.findings],
            "files": len(result.files),
            "errors": result.errors,
            "warnings": result.warnings,
        },
        ensure_ascii=False,
        indent=2,
    )
