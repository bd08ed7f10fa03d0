"""What several commands share: the environment, languages, playbook files."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import typer

from playbook_cli.cli.env import Environment
from playbook_cli.core.errors import UsageError
from playbook_cli.core.i18n import format_moment, text
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


_RELATIVE = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s+ago\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(yesterday|hôm qua)?\s*(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)


def parse_opened_at(value: str | None, now: datetime, lang: str | None) -> datetime:
    """When the case was opened: ISO-8601, `HH:MM` (today, local), `yesterday 17:30`, `30m ago`.

    Times without an offset are local (the machine's zone). A time in the future is
    refused: a case is opened before anyone walks it.
    """
    if value is None:
        return now
    local_now = now.astimezone()
    relative = _RELATIVE.match(value)
    clock = _CLOCK.match(value)
    moment: datetime | None
    if relative and any(relative.groups()):
        days, hours, minutes = (int(part or 0) for part in relative.groups())
        moment = now - timedelta(days=days, hours=hours, minutes=minutes)
    elif clock:
        hour, minute = int(clock.group(2)), int(clock.group(3))
        if hour > 23 or minute > 59:
            moment = None
        else:
            day = local_now - timedelta(days=1) if clock.group(1) else local_now
            moment = day.replace(hour=hour, minute=minute, second=0, microsecond=0)
    else:
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
        moment = None if parsed is None else parsed if parsed.tzinfo else parsed.replace(tzinfo=local_now.tzinfo)
    if moment is None:
        raise UsageError(text(lang, "opened_at_bad", value=value))
    if moment > now + timedelta(seconds=59):  # a clock a little ahead is not the future
        raise UsageError(text(lang, "opened_at_future", value=value, when=format_moment(moment, lang, local_now.tzinfo)))
    return moment.astimezone(UTC)


ROSTER_VARIABLE = "PLAYBOOK_ROSTER"


def roster_file(env: Environment, given: str | None) -> str | None:
    """The roster to use: the option given, else $PLAYBOOK_ROSTER (a team sets it once), else none."""
    if given is not None:
        return given
    from_environment = env.environ.get(ROSTER_VARIABLE) or None
    if from_environment is not None and not Path(from_environment).is_file():
        raise UsageError(f"{ROSTER_VARIABLE}={from_environment}: no such file; set it to the team's roster file, or unset it")
    return from_environment


def languages(playbook: Playbook, lang: str | None) -> list[str | None]:
    """The languages to produce: the one asked, every one for 'all', else the default."""
    if lang == "all":
        return list(playbook.languages) or [None]
    if lang is not None and playbook.languages and lang not in playbook.languages:
        raise UsageError(f"--lang {lang}: {playbook.path} is written in {', '.join(playbook.languages)}")
    return [lang or playbook.default_language]
