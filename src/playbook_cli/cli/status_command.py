"""`playbook status`: the open walks across a team, most urgent first (`--watch` keeps it on screen)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

import typer

from playbook_cli.cli.common import environment, parse_instant
from playbook_cli.cli.env import Environment
from playbook_cli.core.errors import UsageError
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.text_safety import safe_text
from playbook_cli.team.journals import PlaybookCache, Skipped, journal_files
from playbook_cli.team.status import collect_open, due_soon, status_data
from playbook_cli.team.views import status_view


class StatusFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class Language(StrEnum):
    """The languages of the team views' own words (a walk's steps keep the walk's language)."""

    EN = "en"
    VI = "vi"


def warn_skipped(env: Environment, skipped: Sequence[Skipped], warnings: Sequence[str], lang: str) -> None:
    """One line on stderr per journal left out, and per torn last line; the rest go on."""
    console = env.error_console()
    for line in warnings:
        console.print(safe_text(f"playbook: warning: {line}", "yellow"))
    for entry in skipped:
        line = labels_for(lang)["team"]["skipped"].format(journal=entry.journal, reason=entry.reason)
        console.print(safe_text(f"playbook: warning: {line}", "yellow"))


def status(
    ctx: typer.Context,
    directories: Annotated[
        list[str] | None, typer.Argument(metavar="[JOURNAL_DIR]...", help="Directories of journals (default: .playbook/journal).")
    ] = None,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="text or json.")] = StatusFormat.TEXT,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="TIME", help="Judge the clocks at this ISO-8601 time (default: now).")
    ] = None,
    mine: Annotated[bool, typer.Option("--mine", help="Only the walks held by the person named with --as.")] = False,
    as_name: Annotated[str | None, typer.Option("--as", metavar="NAME", help="Who you are (a roster NAME), for --mine.")] = None,
    watch: Annotated[bool, typer.Option("--watch", help="Redraw every few seconds; ring when a clock comes due soon.")] = False,
    every: Annotated[float, typer.Option("--every", metavar="SECONDS", min=0, help="Seconds between redraws with --watch.")] = 5.0,
    lang: Annotated[Language, typer.Option("--lang", help="Language of the table's words: en or vi.")] = Language.EN,
    redraws: Annotated[int | None, typer.Option("--redraws", hidden=True, min=1, help="Stop --watch after N redraws (tests).")] = None,
) -> None:
    """The open walks across the team, most urgent first: where each stands, who holds it, its next due clock."""
    env = environment(ctx)
    if mine and not as_name:
        raise UsageError("--mine needs --as NAME (whose walks to show)")
    if watch and (format is StatusFormat.JSON or as_of is not None):
        raise UsageError("--watch redraws the table at the time of each redraw; leave out --format json and --as-of")
    folders = list(directories or [])
    files = journal_files(folders)  # a missing directory is exit 2 before anything is drawn
    person = as_name if mine else None
    if watch:
        _watch(env, folders, person, lang.value, every, redraws)
        return
    moment = parse_instant(as_of, "--as-of", env.now())
    items, skipped, warnings = collect_open(files, moment, person)
    warn_skipped(env, skipped, warnings, lang.value)
    if format is StatusFormat.JSON:
        env.stdout.write(json.dumps(status_data(items, skipped, moment), ensure_ascii=False, indent=2) + "\n")
    else:
        env.console().print(status_view(items, lang.value, moment))


def _watch(env: Environment, folders: list[str], person: str | None, lang: str, every: float, redraws: int | None) -> None:
    """Redraw until Ctrl-C; ring (BEL) when a clock entered its reminder window since the last redraw.

    Nothing is written into any journal: the reminder a live walk journals is its own.
    Each journal left out is warned about once, not at every redraw. The directories are
    listed again at every redraw (new walks appear); playbooks stay cached in between.
    """
    from rich.live import Live  # lazy: only for --watch

    console = env.console()
    cache = PlaybookCache()
    previous: set[tuple[str, str]] | None = None
    warned: set[str] = set()
    drawn = 0
    try:
        with Live(console=console, auto_refresh=False) as live:
            while True:
                moment = env.now()
                items, skipped, _ = collect_open(journal_files(folders), moment, person, cache)
                fresh = [entry for entry in skipped if entry.journal not in warned]
                warned.update(entry.journal for entry in fresh)
                warn_skipped(env, fresh, [], lang)
                live.update(status_view(items, lang, moment), refresh=True)
                current = due_soon(items)
                if previous is not None and current - previous:
                    env.stdout.write("\a")  # written directly: rich drops control codes when stdout is not a terminal
                    env.stdout.flush()
                previous = current
                drawn += 1
                if redraws is not None and drawn >= redraws:
                    return
                time.sleep(every)
    except KeyboardInterrupt:
        return  # Ctrl-C is how a watch ends
