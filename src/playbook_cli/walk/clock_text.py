"""How a clock's state reads, in words of the walk's or page's language.

The walk and the incident report both say how each SLA clock stands; this is the one
place that words it. `with_target` adds the target ("met with 5m to spare (target 1h)"),
as the walk shows it; without, the shorter table-cell form of the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playbook_cli.core.i18n import duration_words, format_moment
from playbook_cli.walk.sla import ClockState, ClockStatus


def clock_phrase(status: ClockStatus, labels: Mapping[str, Any], lang: str | None, *, with_target: bool = True) -> str:
    early = duration_words(status.remaining, lang, seconds=True)
    late = duration_words(status.overdue, lang, seconds=True)
    if not with_target:
        if status.state is ClockState.MET:
            return f"{labels['met']} ({early} {labels['spare']})"
        if status.state is ClockState.MET_LATE:
            return f"{labels['met_late']} ({late} {labels['late']})"
        if status.state is ClockState.NOT_APPLICABLE:
            return str(labels["not_applicable"])
        if status.state is ClockState.PENDING:
            return str(labels["pending"])
        if status.state is ClockState.BREACHED:
            return f"{labels['breached']} ({late} {labels['late']})"
        return str(labels["running"])
    target = duration_words(status.target, lang, working=status.clock.calendar is not None)
    if status.state is ClockState.MET:
        return str(labels["clock_met"]).format(spare=early, target=target)
    if status.state is ClockState.MET_LATE:
        return str(labels["clock_met_late"]).format(late=late, target=target)
    if status.state is ClockState.BREACHED:
        return str(labels["clock_breached"]).format(late=late, target=target)
    if status.state is ClockState.NOT_APPLICABLE:
        return str(labels["clock_not_applicable"]).format(target=target)
    if status.state is ClockState.PENDING:
        return str(labels["clock_pending"]).format(target=target)
    return str(labels["clock_left"]).format(left=early, target=target)


def due_phrase(status: ClockStatus, labels: Mapping[str, Any], lang: str | None) -> str | None:
    """ "due 23/11/2026 11:00 (UTC+7)" in the calendar's zone, for a running clock counted in business hours."""
    if status.due_at is None or status.timezone is None or not status.running:
        return None
    return str(labels["clock_due"]).format(due=format_moment(status.due_at, lang, status.timezone))
