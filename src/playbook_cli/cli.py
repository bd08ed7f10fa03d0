"""The command line: the only module that parses options, prints and exits.

Exit codes: 0 clean, 1 findings or failures, 2 usage or input errors, 130 interrupted.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, Optional

import typer

from playbook_cli import __version__
from playbook_cli.errors import InputError, PlaybookError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    name="playbook",
    help="Lint, walk and render customer-support playbooks (YAML decision trees).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _console(stderr: bool = False):
    """A rich console on stdout or stderr: colour only on a terminal, NO_COLOR honoured."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    from rich.text import Text

    _console(stderr=True).print(Text("playbook: ", style="bold red") + Text(message))
    return typer.Exit(code)


def _version(value: bool):
    if value:
        print(f"playbook-cli {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = None,
):
    """Lint, walk and render customer-support playbooks (YAML decision trees)."""


class LintFormat(str, enum.Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


@app.command()
def lint(
    paths: Annotated[list[str], typer.Argument(help="Playbook files, or directories searched for *.yaml / *.yml.")],
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    ignore: Annotated[
        Optional[list[str]], typer.Option("--ignore", help="Skip this rule id (repeatable); see `playbook rules`.")
    ] = None,
):
    """Check playbooks against the schema and the decision-tree rules.

    Exit 0 when there are no errors (warnings allowed), 1 on errors (or warnings with
    --strict), 2 on usage or input problems.
    """
    from playbook_cli import lint_formats
    from playbook_cli.lint import lint_paths

    ignored = frozenset(ignore or ())
    unknown = sorted(ignored - set(lint_formats.rule_catalogue()))
    if unknown:
        raise _fail(f"--ignore: unknown rule {', '.join(unknown)}; `playbook rules` lists them")
    try:
        result = lint_paths(paths, ignored)
    except InputError as exc:
        raise _fail(str(exc))

    if format is LintFormat.text:
        console = _console()
        for line in lint_formats.as_text(result):
            console.print(line)
    else:
        render = {LintFormat.json: lint_formats.as_json, LintFormat.sarif: lint_formats.as_sarif, LintFormat.github: lint_formats.as_github}
        output = render[format](result)
        if output:
            sys.stdout.write(output + "\n")
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
def rules():
    """List every lint rule: its id, default severity and what it checks."""
    from rich.table import Table

    from playbook_cli.lint_formats import rule_catalogue

    table = Table("rule", "severity", "checks", box=None, show_edge=False)
    for rule_id, (severity, text) in rule_catalogue().items():
        table.add_row(rule_id, severity, text)
    _console().print(table)


@app.command()
def schema():
    """Print the playbook JSON Schema (draft 2020-12), e.g. for editors."""
    from playbook_cli.schema import schema_text

    sys.stdout.write(schema_text())


def run() -> None:
    """Run the app; turn stray errors into one clear line instead of a traceback."""
    if os.environ.get("PLAYBOOK_DEBUG"):
        app()
        return
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except PlaybookError as exc:
        print(f"playbook: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
