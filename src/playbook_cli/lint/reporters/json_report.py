"""Lint results for scripts: one JSON object with every finding and the counts (and, with a baseline, how many it hid)."""

from __future__ import annotations

import json

from playbook_cli.lint.runner import LintResult


def as_json(result: LintResult) -> str:
    document = {
        "findings": [f.as_dict() for f in result.findings],
        "files": len(result.files),
        "errors": result.errors,
        "warnings": result.warnings,
    }
    if result.baselined is not None:  # only with --baseline, so the report keeps its shape without
        document["baselined"] = result.baselined
    return json.dumps(document, ensure_ascii=False, indent=2)
