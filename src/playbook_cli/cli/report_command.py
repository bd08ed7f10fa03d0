"""`playbook report`: an incident report rebuilt from a walk journal."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from playbook_cli.cli.common import environment, parse_instant
from playbook_cli.core.errors import RenderError, UsageError, WalkError
from playbook_cli.lint.runner import load_playbook
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.report import report_context, report_data
from playbook_cli.walk.events import Started
from playbook_cli.walk.journal import read_journal, recorded_playbook


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"
    JSON = "json"


def report(
    ctx: typer.Context,
    journal: Annotated[str, typer.Argument(metavar="JOURNAL", help="A walk journal (.jsonl).")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md, html, pdf or json.")] = ReportFormat.MD,
    out: Annotated[str | None, typer.Option("--out", "-o", metavar="FILE", help="Output file (default: stdout; required for pdf).")] = None,
    playbook: Annotated[
        str | None, typer.Option("--playbook", metavar="PLAYBOOK", help="The playbook walked (default: the one the journal names).")
    ] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="TIME", help="Judge running SLA clocks at this ISO-8601 time (default: now).")
    ] = None,
) -> None:
    """Turn a walk journal into an incident report: timeline, answers, notes, replies, SLA, outcome."""
    env = environment(ctx)
    moment = parse_instant(as_of, "--as-of", env.now())
    events, warnings = read_journal(Path(journal))
    terminal = env.walk_terminal()
    for warning in warnings:
        terminal.warn(warning)
    if not isinstance(events[0], Started):
        raise UsageError(f"{journal}:1: the journal does not begin with a start event")
    path = recorded_playbook(journal, events[0], playbook, "pass it with --playbook PATH")
    loaded = load_playbook(path)
    if format is ReportFormat.PDF and out is None:
        raise UsageError("--format pdf needs --out FILE")
    try:
        if format is ReportFormat.JSON:
            content = json.dumps(report_data(loaded, events, journal, moment), ensure_ascii=False, indent=2) + "\n"
        else:
            kind = OutputFormat(format.value).template_kind
            content = render_template(kind, f"report.{kind}.j2", report_context(loaded, events, journal, moment), templates)
    except (WalkError, RenderError) as exc:
        raise UsageError(f"{journal}: {exc}") from None
    if out is None:
        env.stdout.write(content)
    else:
        # Written whole (a temporary file renamed into place); a symbolic link at FILE is refused, not followed.
        write_output(OutputFormat.MD if format is ReportFormat.JSON else OutputFormat(format.value), content, Path(out))
