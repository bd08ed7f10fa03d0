"""`playbook report`: an incident report rebuilt from a walk journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from playbook_cli.cli.common import environment
from playbook_cli.core.errors import RenderError, UsageError, WalkError
from playbook_cli.lint.runner import load_playbook
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.report import report_context
from playbook_cli.walk.events import Started
from playbook_cli.walk.journal import read_journal, recorded_playbook


def report(
    ctx: typer.Context,
    journal: Annotated[str, typer.Argument(metavar="JOURNAL", help="A walk journal (.jsonl).")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="md, html or pdf.")] = OutputFormat.MD,
    out: Annotated[str | None, typer.Option("--out", "-o", metavar="FILE", help="Output file (default: stdout; required for pdf).")] = None,
    playbook: Annotated[
        str | None, typer.Option("--playbook", metavar="PLAYBOOK", help="The playbook walked (default: the one the journal names).")
    ] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")
    ] = None,
) -> None:
    """Turn a walk journal into an incident report: timeline, answers, notes, replies, SLA, outcome."""
    env = environment(ctx)
    events, warnings = read_journal(Path(journal))
    terminal = env.walk_terminal()
    for warning in warnings:
        terminal.warn(warning)
    if not isinstance(events[0], Started):
        raise UsageError(f"{journal}:1: the journal does not begin with a start event")
    path = recorded_playbook(journal, events[0], playbook, "pass it with --playbook PATH")
    loaded = load_playbook(path)
    if format is OutputFormat.PDF and out is None:
        raise UsageError("--format pdf needs --out FILE")
    kind = format.template_kind
    try:
        content = render_template(kind, f"report.{kind}.j2", report_context(loaded, events, journal), templates)
    except (WalkError, RenderError) as exc:
        raise UsageError(f"{journal}: {exc}") from None
    if out is None:
        env.stdout.write(content)
    else:
        write_output(format, content, Path(out))
