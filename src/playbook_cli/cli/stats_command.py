"""`playbook stats`: SLA compliance, people, slowest steps, first-contact resolution and scores over all journals."""

from __future__ import annotations

import json
from datetime import UTC, date, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from playbook_cli.cli.common import environment, parse_instant
from playbook_cli.cli.status_command import Language, warn_skipped
from playbook_cli.core.errors import UsageError
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.stats_page import stats_page
from playbook_cli.team.journals import journal_files
from playbook_cli.team.stats import DEFAULT_CASE_KEY, OpenedBetween, collect_stats, titles
from playbook_cli.team.views import stats_view


class StatsFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01") from None


def _zone(name: str | None) -> tzinfo:
    if name is None:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"--timezone {name!r} is not a time zone; write an IANA name such as Asia/Ho_Chi_Minh or UTC") from None


def stats(
    ctx: typer.Context,
    directories: Annotated[
        list[str] | None, typer.Argument(metavar="[JOURNAL_DIR]...", help="Directories of journals (default: .playbook/journal).")
    ] = None,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="text, json or html.")] = StatsFormat.TEXT,
    out: Annotated[str | None, typer.Option("--out", "-o", metavar="FILE", help="Output file (default: stdout).")] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Only walks opened on or after this day (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="Only walks opened on or before this day (YYYY-MM-DD).")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option("--timezone", metavar="ZONE", help="Time zone of --since, --until and the weeks (default: UTC).")
    ] = None,
    playbook: Annotated[
        list[str] | None, typer.Option("--playbook", metavar="ID", help="Only walks of this playbook (repeatable).")
    ] = None,
    case_key: Annotated[
        str, typer.Option("--case-key", metavar="INPUT", help="The input whose value makes walks one case (default: ticket).")
    ] = DEFAULT_CASE_KEY,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="TIME", help="Judge running clocks at this ISO-8601 time (default: now).")
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help="Language of the text and HTML forms: en or vi.")] = Language.EN,
) -> None:
    """How the team is doing: SLA compliance per clock and person, slowest steps, first-contact resolution, CSAT/NPS/CES."""
    env = environment(ctx)
    moment = parse_instant(as_of, "--as-of", env.now())
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        raise UsageError(f"--since {since} is after --until {until}")
    zone = _zone(timezone)
    files = journal_files(list(directories or []))
    keep = OpenedBetween(first, last, frozenset(playbook or ()), zone)
    builder, skipped, warnings = collect_stats(files, moment, zone, case_key, keep)
    warn_skipped(env, skipped, warnings, lang.value)
    data = builder.data()
    if format is StatsFormat.JSON:
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif format is StatsFormat.HTML:
        filters = {"since": since, "until": until, "timezone": str(zone), "playbooks": list(playbook or ())}
        content = stats_page(data, titles(builder, lang.value), builder.weekly(), lang.value, filters)
    else:
        if out is None:
            env.console().print(stats_view(data, titles(builder, lang.value), lang.value))
            return
        content = _plain(stats_view(data, titles(builder, lang.value), lang.value), env.width)
    if out is None:
        env.stdout.write(content)
    else:
        write_output(OutputFormat.HTML if format is StatsFormat.HTML else OutputFormat.MD, content, Path(out))


def _plain(renderable: object, width: int | None) -> str:
    """The text form without colour, for a file."""
    import io

    from rich.console import Console  # lazy: heavy, kept off start-up

    buffer = io.StringIO()
    Console(file=buffer, width=width or 120, color_system=None, highlight=False).print(renderable)
    return buffer.getvalue()
