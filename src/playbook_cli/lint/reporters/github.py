"""Lint results as GitHub Actions workflow commands, which annotate pull requests.

The runner reads one command per line and unescapes only `%25`, `%0D` and `%0A` (and,
in properties, `%3A` and `%2C`). Any other control character in a message or a file
name (ESC, NUL, a bidi override) is shown in caret notation, so playbook text can
neither start a new command nor drive the log viewer.
"""

from __future__ import annotations

from playbook_cli.core.findings import Severity
from playbook_cli.core.text_safety import terminal_safe
from playbook_cli.lint.runner import LintResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return terminal_safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(result: LintResult) -> str:
    return "\n".join(
        f"::{_COMMAND[f.severity]} file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for f in result.findings
    )
