"""`playbook lint`, `playbook rules`, `playbook schema`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from playbook_cli.cli.common import ROSTER_VARIABLE, environment, roster_file
from playbook_cli.cli.env import Environment
from playbook_cli.cli.output import plain_text, write_report
from playbook_cli.core.errors import ExitCode, UsageError
from playbook_cli.core.i18n import plural
from playbook_cli.core.loader import MAX_BYTES
from playbook_cli.core.roster import roster_schema_text
from playbook_cli.core.schema import schema_text
from playbook_cli.lint.baseline import baseline_json, read_baseline
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.reporters import MACHINE_REPORTERS, LintFormat
from playbook_cli.lint.reporters.text import as_text
from playbook_cli.lint.runner import LintResult, StdinDocument, lint_paths

if TYPE_CHECKING:
    from rich.console import Console

STDIN = "-"
FORMATS = ", ".join(f.value for f in LintFormat)


def _read_stdin(env: Environment, name: str) -> StdinDocument:
    """The playbook piped in (bytes, so the loader checks the encoding as for a file), at most a byte past the limit."""
    binary = getattr(env.stdin, "buffer", None)
    data = binary.read(MAX_BYTES + 1) if binary is not None else env.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
    return StdinDocument(data, name)


def _report(result: LintResult, format: LintFormat) -> str:
    if format is LintFormat.TEXT:
        lines = as_text(result)

        def draw(console: Console) -> None:
            for line in lines:
                console.print(line)

        return plain_text(draw)
    output = MACHINE_REPORTERS[format](result)
    return output + "\n" if output else ""


def lint(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Playbook files, or directories searched for *.yaml / *.yml; - reads one playbook from standard input.",
        ),
    ],
    format: Annotated[LintFormat, typer.Option("--format", "-f", metavar="FORMAT", help=f"Report format: {FORMATS}.")] = LintFormat.TEXT,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report in --format to FILE (whole or not at all); the text goes to the terminal.",
        ),
    ] = None,
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
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="FILE", help="Hide the findings recorded in FILE (see --generate-baseline) and count them."),
    ] = None,
    generate_baseline: Annotated[
        str | None,
        typer.Option(
            "--generate-baseline",
            metavar="FILE",
            help="Record every current finding in FILE, so that --baseline FILE shows only new ones; exit 0.",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", metavar="PATH", help="With -: the file name findings carry (default: <stdin>)."),
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
    if baseline is not None and generate_baseline is not None:
        raise UsageError("--baseline and --generate-baseline: give one; --generate-baseline records every current finding")
    if stdin_filename is not None and STDIN not in paths:
        raise UsageError("--stdin-filename names the playbook read from standard input; give - among the paths too")
    stdin = _read_stdin(env, stdin_filename or "<stdin>") if STDIN in paths else None
    known = read_baseline(baseline) if baseline is not None else None
    files = [path for path in paths if path != STDIN]
    result = lint_paths(files, ignored, roster=roster_file(env, roster), stdin=stdin, baseline=known)

    if generate_baseline is not None:
        _generate_baseline(env, result, generate_baseline)
        raise typer.Exit(ExitCode.OK)
    if output is not None:
        write_report(output, _report(result, format))
    if format is LintFormat.TEXT or output is not None:
        console = env.console()
        for line in as_text(result):
            console.print(line)
    else:
        env.stdout.write(_report(result, format))
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def _generate_baseline(env: Environment, result: LintResult, target: str) -> None:
    from rich.text import Text  # lazy: rich is heavy

    write_report(target, baseline_json(result.findings, Path(target).parent))
    files = len({finding.file for finding in result.findings})
    line = Text("✔ ", style="bold green")
    line.append(f"{plural(len(result.findings), 'finding')} in {plural(files, 'file')} recorded in {target}; ")
    line.append(f"`playbook lint --baseline {target}` shows only new ones")
    env.console().print(line)


def rules(ctx: typer.Context) -> None:
    """List every lint rule: its id, default severity and what it checks."""
    from rich.table import Table  # lazy: rich is heavy

    table = Table("rule", "severity", "checks", box=None, show_edge=False)
    for rule in catalogue().values():
        table.add_row(rule.id, rule.severity.value, rule.summary)
    environment(ctx).console().print(table)


def schema(
    ctx: typer.Context,
    roster: Annotated[bool, typer.Option("--roster", help="The roster's schema instead of the playbook's.")] = False,
) -> None:
    """Print the playbook JSON Schema (draft 2020-12), e.g. for editors; with --roster, the roster's."""
    environment(ctx).stdout.write(roster_schema_text() if roster else schema_text())
