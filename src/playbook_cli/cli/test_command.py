"""`playbook test`: run the recorded scenarios, print pass/fail and coverage."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from playbook_cli.cli.common import environment
from playbook_cli.cli.output import plain_text, write_report
from playbook_cli.core.errors import ExitCode
from playbook_cli.core.i18n import plural
from playbook_cli.core.text_safety import safe_text
from playbook_cli.lint.reporters.junit import Case, Failure, Suite, junit_xml
from playbook_cli.lint.runner import discover, load_playbook
from playbook_cli.scenarios import Coverage, PlaybookReport, test_playbook

if TYPE_CHECKING:
    from rich.console import Console


class TestFormat(StrEnum):
    __test__ = False  # not a pytest test class, whatever its name
    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"


def _as_json(reports: Sequence[PlaybookReport], total: Coverage) -> str:
    results = [result for report in reports for result in report.results]
    failed = sum(1 for result in results if not result.passed)
    document: dict[str, Any] = {
        "playbooks": [
            {
                "file": r.playbook.path,
                "id": r.playbook.id,
                "scenarios": [
                    {
                        "name": s.name,
                        "passed": s.passed,
                        "expected": s.expected,
                        "reached": s.reached,
                        "path": list(s.path),
                        "problem": s.problem,
                    }
                    for s in r.results
                ],
                "coverage": {"nodes": round(r.coverage.nodes_percent, 1), "choices": round(r.coverage.choices_percent, 1)},
                "missed": list(r.missed),
            }
            for r in reports
        ],
        "scenarios": len(results),
        "passed": len(results) - failed,
        "failed": failed,
        "coverage": {"nodes": round(total.nodes_percent, 1), "choices": round(total.choices_percent, 1)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _as_junit(reports: Sequence[PlaybookReport], below: Sequence[PlaybookReport], min_coverage: float | None) -> str:
    """One test suite per playbook, one test case per scenario (and, with --min-coverage, one for coverage)."""
    suites = []
    for report in reports:
        file, ident = report.playbook.path, report.playbook.id
        cases = []
        for result in report.results:
            failures: tuple[Failure, ...] = ()
            if not result.passed:
                message = f"{result.problem}; expected end {result.expected}, reached {result.reached or 'nothing'}"
                failures = (Failure(message, "scenario", f"{message}\npath: {' → '.join(result.path) or '(none)'}"),)
            cases.append(Case(name=result.name, classname=ident, file=file, failures=failures))
        if not report.results:
            cases.append(Case(name="(no scenarios)", classname=ident, file=file, skipped="the playbook records no scenario"))
        if min_coverage is not None:
            cov = report.coverage
            measured = f"nodes {cov.nodes_percent:.1f}%, choices {cov.choices_percent:.1f}%"
            missed = f"\nnot visited: {', '.join(report.missed)}" if report.missed else ""
            failures = (Failure(f"{measured}, below {min_coverage:g}%", "coverage", f"{measured}{missed}"),) if report in below else ()
            cases.append(Case(name=f"coverage ≥ {min_coverage:g}%", classname=ident, file=file, failures=failures, output=measured))
        suites.append(Suite(file, cases))
    return junit_xml("playbook test", suites)


def _print_text(
    console: Console, reports: Sequence[PlaybookReport], total: Coverage, below: Sequence[PlaybookReport], min_coverage: float | None
) -> None:
    from rich.text import Text  # lazy: rich is heavy

    results = [result for report in reports for result in report.results]
    failures = [result for result in results if not result.passed]
    for report in reports:
        console.print(Text(report.playbook.path, style="bold underline"))
        if not report.results:
            console.print(Text("  no scenarios", style="yellow"))
        for result in report.results:
            if result.passed:
                console.print(Text("  ✔ ", style="green") + safe_text(result.name))
                continue
            line = Text("  ✖ ", style="bold red") + safe_text(result.name, "bold") + Text(": ")
            line += safe_text(f"{result.problem}; expected end {result.expected}, reached {result.reached or 'nothing'}")
            console.print(line)
            console.print(Text("      path: ", style="dim") + safe_text(" → ".join(result.path) or "(none)"))
        cov = report.coverage
        style = "red" if report in below else "dim"
        console.print(
            Text(
                f"  coverage: nodes {cov.nodes_visited}/{cov.nodes_total} ({cov.nodes_percent:.0f}%), "
                f"choices {cov.choices_visited}/{cov.choices_total} ({cov.choices_percent:.0f}%)",
                style=style,
            )
        )
        if report.missed and (min_coverage is not None or cov.nodes_percent < 100 or cov.choices_percent < 100):
            console.print(Text("  not visited: ", style="dim") + safe_text(", ".join(report.missed)))
    ok = not failures and not below
    summary = Text("✔ " if ok else "✖ ", style="bold green" if ok else "bold red")
    summary.append(
        f"{plural(len(results), 'scenario')} in {plural(len(reports), 'playbook')}: "
        f"{len(results) - len(failures)} passed, {len(failures)} failed; "
        f"coverage nodes {total.nodes_percent:.1f}%, choices {total.choices_percent:.1f}%"
    )
    if below:
        summary.append(f"; {len(below)} playbook(s) below --min-coverage {min_coverage:g}%")
    console.print(summary)


def test(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    min_coverage: Annotated[
        float | None,
        typer.Option(
            "--min-coverage",
            min=0,
            max=100,
            metavar="PERCENT",
            help="Fail when a playbook's node or choice coverage is below this percentage.",
        ),
    ] = None,
    format: Annotated[
        TestFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Report format: text, json or junit.")
    ] = TestFormat.TEXT,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report in --format to FILE (whole or not at all); the text goes to the terminal.",
        ),
    ] = None,
) -> None:
    """Run the scenarios recorded in playbooks and report node and choice coverage.

    Exit 0 when every scenario passes (and coverage is met), 1 otherwise, 2 on usage or
    input errors (including a playbook with lint errors).
    """
    reports = [test_playbook(load_playbook(file)) for file in discover(paths)]
    total = sum((r.coverage for r in reports), Coverage(0, 0, 0, 0))
    failed = any(not result.passed for report in reports for result in report.results)
    below = [
        report
        for report in reports
        if min_coverage is not None and min(report.coverage.nodes_percent, report.coverage.choices_percent) < min_coverage
    ]
    if format is TestFormat.TEXT:
        report = plain_text(lambda console: _print_text(console, reports, total, below, min_coverage))
    else:
        report = _as_json(reports, total) if format is TestFormat.JSON else _as_junit(reports, below, min_coverage)
    if output is not None:
        write_report(output, report)
    if format is TestFormat.TEXT or output is not None:
        _print_text(environment(ctx).console(), reports, total, below, min_coverage)
    else:
        environment(ctx).stdout.write(report)
    raise typer.Exit(ExitCode.FINDINGS if failed or below else ExitCode.OK)
