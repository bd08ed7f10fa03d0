"""What several commands share: the environment, languages, playbook files."""

from __future__ import annotations

from datetime import UTC, datetime

import typer

from playbook_cli.cli.env import Environment
from playbook_cli.core.errors import UsageError
from playbook_cli.core.model import Playbook


def environment(ctx: typer.Context) -> Environment:
    """The Environment the app put in the context (tests put their own there)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Environment) else Environment.from_system()


def parse_instant(value: str | None, option: str, now: datetime) -> datetime:
    """An ISO-8601 instant given to `option` (one without an offset is local time); `now` when absent."""
    if value is None:
        return now
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not an ISO-8601 time; write e.g. 2026-11-22T09:30:00+07:00 or 2026-11-22T02:30Z") from None
    return moment.astimezone(UTC) if moment.tzinfo else moment.astimezone().astimezone(UTC)


def languages(playbook: Playbook, lang: str | None) -> list[str | None]:
    """The languages to produce: the one asked, every one for 'all', else the default."""
    if lang == "all":
        return list(playbook.languages) or [None]
    if lang is not None and playbook.languages and lang not in playbook.languages:
        raise UsageError(f"--lang {lang}: {playbook.path} is written in {', '.join(playbook.languages)}")
    return [lang or playbook.default_language]
