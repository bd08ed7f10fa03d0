"""DURATION values: `15m`, `1h30m`, `2d` (units d, h, m in that order)."""

from __future__ import annotations

import re
from datetime import timedelta

# Five digits a part at most, as the schema says: the arithmetic of clocks stays in range.
_DURATION = re.compile(r"^(?:([0-9]{1,5})d)?(?:([0-9]{1,5})h)?(?:([0-9]{1,5})m)?$")


def parse_duration(value: object) -> timedelta | None:
    """The duration `value` spells, or None if it is not a DURATION."""
    if not isinstance(value, str) or not value:
        return None
    match = _DURATION.match(value)
    if not match:
        return None
    days, hours, minutes = (int(part) if part else 0 for part in match.groups())
    total = timedelta(days=days, hours=hours, minutes=minutes)
    return total if total > timedelta(0) else None


def must_duration(value: object) -> timedelta:
    """The duration of a value the schema has checked; ValueError if it is not one."""
    duration = parse_duration(value)
    if duration is None:
        raise ValueError(f"{value!r} is not a DURATION")
    return duration


def format_duration(value: timedelta) -> str:
    """A timedelta in the format's own spelling, rounded to the minute: `1h30m`, `45m`, `0m`."""
    minutes = int(abs(value).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    text = "".join(parts) or "0m"
    return f"-{text}" if value < timedelta(0) and text != "0m" else text


def format_elapsed(value: timedelta) -> str:
    """A short human duration with seconds below one minute: `42s`, `3m05s`, `1h02m`."""
    seconds = int(abs(value).total_seconds())
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h{minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d{hours:02d}h"
