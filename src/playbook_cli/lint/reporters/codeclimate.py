"""Lint results as a Code Climate report, which GitLab shows as code quality in merge requests.

A JSON array of issues, each with what GitLab requires: `description`, `check_name` (the
rule), `fingerprint`, `severity` and `location` (`path` and `lines.begin`). The fingerprint
is the baseline's (a hash of file, rule and message, not of the line), so GitLab sees a
finding as the same one when lines above it move; the second finding of the same kind in
a file gets its own fingerprint, since GitLab counts issues by fingerprint. Paths are
written with `/` and without a leading `./`, as GitLab compares them with the repository's.
"""

from __future__ import annotations

import json
from collections import Counter

from playbook_cli.core.findings import Severity
from playbook_cli.lint.baseline import fingerprint
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.runner import LintResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
_CATEGORY = {Severity.ERROR: "Bug Risk", Severity.WARNING: "Bug Risk", Severity.INFO: "Clarity"}


def report_path(file: str) -> str:
    path = file.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def as_codeclimate(result: LintResult) -> str:
    rules = catalogue()
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in result.findings:
        path = report_path(f.file)
        seen[path, f.rule, f.message] += 1
        occurrence = seen[path, f.rule, f.message]
        issue = {
            "type": "issue",
            "check_name": f.rule,
            "description": f.message,
            "categories": [_CATEGORY[f.severity]],
            "severity": SEVERITY[f.severity],
            "fingerprint": fingerprint(path, f.rule, f.message if occurrence == 1 else f"{f.message}\0{occurrence}"),
            "location": {"path": path, "lines": {"begin": f.line}},
        }
        if f.rule in rules:
            issue["content"] = {"body": rules[f.rule].summary}
        issues.append(issue)
    return json.dumps(issues, ensure_ascii=False, indent=2)
