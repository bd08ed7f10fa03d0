"""Lint results for people: findings grouped by file, then a summary line."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from playbook_cli.core.findings import Severity
from playbook_cli.core.i18n import plural
from playbook_cli.lint.runner import LintResult

if TYPE_CHECKING:
    from rich.text import Text

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def as_text(result: LintResult) -> list[Text]:
    """Rich Text lines (never markup), so playbook content in a message is shown literally."""
    from rich.text import Text  # lazy: rich is only needed when printing for people

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
    files = plural(len(result.files), "file")
    infos = result.count(Severity.INFO)
    notes = f", {plural(infos, 'note')}" if infos else ""
    if result.errors or result.warnings:
        summary = Text("✖ ", style="bold red" if result.errors else "bold yellow")
        summary.append(
            f"{plural(result.errors + result.warnings, 'problem')} "
            f"({plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}{notes}) in {files}"
        )
    else:
        summary = Text("✔ ", style="bold green")
        summary.append(f"{files} checked, no problems{notes}")
    if result.baselined is not None:
        summary.append(f"; {plural(result.baselined, 'finding')} hidden by the baseline", style="dim")
    lines.append(summary)
    return lines
