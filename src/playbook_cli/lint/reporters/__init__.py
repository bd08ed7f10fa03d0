"""Lint results in each output format; each reporter returns what to print, only the CLI prints.

`text` returns rich lines for a terminal; the machine formats return one string.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from playbook_cli.lint.reporters.codeclimate import as_codeclimate
from playbook_cli.lint.reporters.github import as_github
from playbook_cli.lint.reporters.json_report import as_json
from playbook_cli.lint.reporters.junit import as_junit
from playbook_cli.lint.reporters.sarif import as_sarif
from playbook_cli.lint.runner import LintResult


class LintFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    CODECLIMATE = "codeclimate"


MACHINE_REPORTERS: dict[LintFormat, Callable[[LintResult], str]] = {
    LintFormat.JSON: as_json,
    LintFormat.SARIF: as_sarif,
    LintFormat.GITHUB: as_github,
    LintFormat.JUNIT: as_junit,
    LintFormat.CODECLIMATE: as_codeclimate,
}
