"""`playbook lint`, `playbook rules`, `playbook schema`."""

from __future__ import annotations

from typing import Annotated

import typer

from playbook_cli.cli.common import ROSTER_VARIABLE, environment, roster_file
from playbook_cli.core.errors import ExitCode, UsageError
from playbook_cli.core.schema import schema_text
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.reporters import MACHINE_REPORTERS, LintFormat
from playbook_cli.lint.reporters.text import as_text
from playbook_cli.lint.runner import lint_paths


def lint(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", metavar="RULE", help="Skip this rule id (repeatable); see `playbook rules`.")
    ] = None,
    roster: Annotated[
        str | None,
        typer.Option(
            "--roster",
            metavar="FILE",
            help=f"The team's roster: lint it too, and warn about roles some step owns that nobody holds. Default: ${ROSTER_VARIABLE}.",
        ),
    ] = None,
) -> None:
    """Check playbooks (and rosters) against their schema and rules.

    Exit 0 when there are no errors (warnings allowed), 1 on errors (or warnings with
    --strict), 2 on usage or input problems.
    """
    env = environment(ctx)
    ignored = frozenset(ignore or ())
    unknown = sorted(ignored - set(catalogue()))
    if unknown:
        raise UsageError(f"--ignore: unknown rule {', '.join(unknown)}; `playbook rules` lists them")
    result = lint_paths(paths, ignored, roster=roster_file(env, roster))
    if format is LintFormat.TEXT:
        console = env.console()
        for line in as_text(result):
            console.print(line)
    else:
        output = MACHINE_REPORTERS[format](result)
        if output:
            env.stdout.write(output + "\n")
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def rules(ctx: typer.Context) -> None:
    """List every lint rule: its id, default severity and what it checks."""
    from rich.table import Table  # lazy: rich is heavy

    table = Table("rule", "severity", "checks", box=None, show_edge=False)
    for rule in catalogue().values():
        table.add_row(rule.id, rule.severity.value, rule.summary)
    environment(ctx).console().print(table)


def schema(ctx: typer.Context) -> None:
    """Print the playbook JSON Schema (draft 2020-12), e.g. for editors."""
    environment(ctx).stdout.write(schema_text())
