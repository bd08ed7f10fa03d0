"""The clock object of the JSON outputs (report, status, stats): `../shared/spec/outputs-json.md`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from playbook_cli.core.model import Playbook
from playbook_cli.walk.sla import ClockStatus


def iso_seconds(moment: datetime | None, zone: Any = None) -> str | None:
    """ISO-8601 to the second, with the offset of `zone` (UTC when None)."""
    return moment.astimezone(zone or UTC).isoformat(timespec="seconds") if moment else None


def seconds(value: timedelta) -> int:
    return int(value.total_seconds())


def clock_object(playbook: Playbook, status: ClockStatus, lang: str | None, assignee: str | None = None) -> dict[str, Any]:
    """One clock as the JSON outputs show it; times in the calendar's zone (UTC without one)."""
    zone = status.timezone
    return {
        "clock": status.name,
        "title": playbook.clock_title(status.name, lang),
        "target": status.target_text,
        "target_seconds": seconds(status.target),
        "calendar": status.clock.calendar,
        "timezone": zone.key if zone is not None else None,
        "state": status.state.value,
        "started_at": iso_seconds(status.started_at, zone),
        "due_at": iso_seconds(status.due_at, zone),
        "stopped_at": iso_seconds(status.stopped_at, zone),
        "elapsed_seconds": seconds(status.elapsed),
        "paused_seconds": seconds(status.paused),
        "assignee": assignee,
    }
