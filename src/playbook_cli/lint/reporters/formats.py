"""Lint results as text (for people), JSON (for scripts), SARIF (code scanning) and GitHub annotations.

Each function returns what to print; only the CLI prints.
"""

from __future__ import annotations

import json
from itertools import groupby

from playbook_cli import __version__
from playbook_cli.core.findings import Severity
from playbook_cli.lint.runner import LintResult

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def as_text(result: LintResult):
    """Rich renderables: findings grouped by file, then a summary line.

    Messages are built as rich Text (never markup), so playbook content in a message
    is shown literally.
    """
    from rich.text import Text

    lines = []
    for file, findings in groupby(result.findings, key=lambda f: f.file):
        lines.append(Text(file, style="bold underline"))
        for finding in findings:
            line = Text("  ")
            line.append(f"{finding.line}:{finding.column}".ljust(8), style="dim")
            line.append(finding.severity.value.ljust(8), style=_STYLES[finding.severity])
            line.append(finding.message)
            line.append(f"  [{finding.rule}]", style="dim")
            lines.append(line)
        lines.append(Text(""))
    files = _plural(len(result.files), "file")
    infos = result.count(Severity.INFO)
    notes = f", {_plural(infos, 'note')}" if infos else ""
    if result.errors or result.warnings:
        summary = Text("✖ ", style="bold red" if result.errors else "bold yellow")
        summary.append(
            f"{_plural(result.errors + result.warnings, 'problem')} "
            f"({_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')}{notes}) in {files}"
        )
    else:
        summary = Text("✔ ", style="bold green")
        summary.append(f"{files} checked, no problems{notes}")
    lines.append(summary)
    return lines


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


def rule_catalogue() -> dict[str, tuple[str, str]]:
    """Every rule id → (default severity, one-paragraph description)."""
    from playbook_cli.core.loader import LOAD_RULES
    from playbook_cli.lint.rules import RULES, description
    from playbook_cli.core.schema import rule_descriptions
    from playbook_cli.lint.suppressions import DESCRIPTION, RULE_ID

    catalogue = {rule_id: ("error", text) for rule_id, text in LOAD_RULES.items()}
    catalogue[RULE_ID] = ("warning", DESCRIPTION)
    catalogue.update({rule_id: ("error", text) for rule_id, text in rule_descriptions().items()})
    catalogue.update({rule.ID: (rule.SEVERITY.value, description(rule)) for rule in RULES})
    return catalogue


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_sarif(result: LintResult) -> str:
    catalogue = rule_catalogue()
    rule_ids = list(catalogue)
    rules = [
        {
            "id": rule_id,
            "shortDescription": {"text": rule_id},
            "fullDescription": {"text": text},
            "defaultConfiguration": {"level": _SARIF_LEVEL[Severity(severity)]},
        }
        for rule_id, (severity, text) in catalogue.items()
    ]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _SARIF_LEVEL[f.severity],
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
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "playbook-cli",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(result: LintResult) -> str:
    """GitHub Actions workflow commands, one per finding."""
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    return "\n".join(
        f"::{command[f.severity]} file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for f in result.findings
    )

