"""The one clock model: each SLA clock's state, computed from a walk's state and an instant.

Walk, summary, report, status and stats all ask `clock_statuses`; nothing else computes
a clock, and nothing about a clock is stored but the reminders and breaches the walk
journals as they happen (which this module does not read back: the result depends
only on the path, its times and the instant, so a report and a live walk agree).

How a clock counts (format 1.1, `../shared/spec/outputs-json.md`):

- It is *pending* until it applies: a clock with `when` applies once the walk's path
  enters one of those nodes; one with `starts: NODE` starts counting at the first entry
  into that node. A pending clock never reminds and never breaches.
- It counts from `started_at` (the case's opening by default; time already spent before
  a `when` node was entered counts) until a node that `fulfills` it is completed,
  counting only working time of its `calendar` (round the clock without one), and
  leaving out the time spent at nodes that list it in `pauses` (waiting on the
  customer). A walk paused with `q`, or dead before a resume, does not stop a clock.
- *due-soon* when the counted time left is at most its remind window, *breached* past
  its due time, *met* or *met-late* once stopped.
- *not-applicable* when it never applied (its `when` nodes were never entered and
  cannot be any more), or, for a clock without `when`, when the walk moved where no
  node ahead can stop it before it was due (1.0's "not on this path": a playbook may
  keep one clock per request type). A clock that was already past due then stays
  *breached*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from playbook_cli.core.calendars import ROUND_THE_CLOCK, WorkingTime
from playbook_cli.core.durations import format_duration
from playbook_cli.core.model import OPENED, Clock, NodeKind, Playbook
from playbook_cli.walk.state import Step, WalkState

ZERO = timedelta(0)


class ClockState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DUE_SOON = "due-soon"
    BREACHED = "breached"
    MET = "met"
    MET_LATE = "met-late"
    NOT_APPLICABLE = "not-applicable"

    @property
    def settled(self) -> bool:
        return self in (ClockState.MET, ClockState.MET_LATE, ClockState.BREACHED)

    @property
    def is_breach(self) -> bool:
        return self in (ClockState.BREACHED, ClockState.MET_LATE)


@dataclass(frozen=True)
class ClockStatus:
    name: str
    clock: Clock
    state: ClockState
    started_at: datetime | None  # None while pending or not applicable
    due_at: datetime | None  # the projection with no further pauses, for a running clock
    stopped_at: datetime | None
    stopped_by: str | None  # the node whose completion stopped it
    elapsed: timedelta  # counted (business) time, pauses left out
    paused: timedelta  # wall time spent at nodes that pause it
    left: timedelta  # counted time left before the target (negative: counted time past it)
    overdue: timedelta  # wall time past due_at (at the stop, or now); ZERO when not past
    fulfilled_by: tuple[str, ...]  # every node that can stop it
    timezone: ZoneInfo | None  # the calendar's zone, for showing times; None without a calendar

    @property
    def target(self) -> timedelta:
        return self.clock.target

    @property
    def target_text(self) -> str:
        return format_duration(self.clock.target)

    @property
    def running(self) -> bool:
        return self.state in (ClockState.RUNNING, ClockState.DUE_SOON) or (self.state is ClockState.BREACHED and self.stopped_at is None)

    @property
    def remaining(self) -> timedelta:
        """Counted time left while running; time to spare (or late, negative) once stopped or breached."""
        if self.state is ClockState.MET:
            return self.due_at - self.stopped_at if self.due_at and self.stopped_at else self.left
        if self.state in (ClockState.MET_LATE, ClockState.BREACHED):
            return -self.overdue
        return self.left


def _first_entry(path: Iterable[Step], nodes: Iterable[str]) -> Step | None:
    wanted = set(nodes)
    return next((step for step in path if step.node in wanted), None)


def _pauses(playbook: Playbook, state: WalkState, name: str, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Wall-time intervals within [start, end) when the walk waited at a node pausing this clock."""
    intervals = []
    for step in state.path:
        if name not in playbook.nodes[step.node].pauses:
            continue
        left = step.left_at or end
        low, high = max(step.entered_at, start), min(left, end)
        if high > low:
            intervals.append((low, high))
    return intervals


def _counted(counting: WorkingTime, start: datetime, end: datetime, pauses: list[tuple[datetime, datetime]]) -> timedelta:
    total = counting.business_time(start, end)
    for low, high in pauses:
        total -= counting.business_time(low, high)
    return total


def _due(counting: WorkingTime, start: datetime, target: timedelta, pauses: list[tuple[datetime, datetime]]) -> datetime:
    """The instant counted time from `start` reaches `target`, skipping the pause intervals (sorted)."""
    cursor, needed = start, target
    for low, high in sorted(pauses):
        if low > cursor:
            available = counting.business_time(cursor, low)
            if available >= needed:
                return counting.add_business_time(cursor, needed)
            needed -= available
        cursor = max(cursor, high)
    return counting.add_business_time(cursor, needed)


def _left_reach(playbook: Playbook, state: WalkState, fulfillers: set[str]) -> datetime | None:
    """When the walk moved where no node ahead can stop the clock; None while one still can.

    A walk that began where nothing can stop it never had the clock on its path: that
    is the opening itself (so the clock is not applicable, however late the case is).
    """
    for index, step in enumerate(state.path):
        ahead = frozenset() if playbook.nodes[step.node].kind is NodeKind.END else playbook.reachable(step.node)
        if not ahead & fulfillers:
            return state.opened_at if index == 0 else step.entered_at
    return None


def _can_still_enter(playbook: Playbook, state: WalkState, nodes: Iterable[str]) -> bool:
    if state.ended or not state.path:
        return False
    return bool(playbook.reachable(state.current.node) & set(nodes))


def clock_status(playbook: Playbook, state: WalkState, clock: Clock, now: datetime) -> ClockStatus:
    if state.ended and state.path:
        now = min(now, state.current.entered_at)  # an ended walk's clocks stopped counting at its end
    calendar = playbook.calendars.get(clock.calendar) if clock.calendar else None
    counting: WorkingTime = calendar if calendar is not None else ROUND_THE_CLOCK
    fulfillers = tuple(playbook.fulfillers(clock.name))

    def status(kind: ClockState, **values: object) -> ClockStatus:
        fields: dict[str, object] = {
            "started_at": None, "due_at": None, "stopped_at": None, "stopped_by": None,
            "elapsed": ZERO, "paused": ZERO, "left": clock.target, "overdue": ZERO,
        }  # fmt: skip
        fields.update(values)
        timezone = calendar.timezone if calendar is not None else None
        return ClockStatus(clock.name, clock, kind, fulfilled_by=fulfillers, timezone=timezone, **fields)  # type: ignore[arg-type]

    # Does it apply yet, and from when does it count?
    if clock.when and _first_entry(state.path, clock.when) is None:
        still = _can_still_enter(playbook, state, clock.when)
        return status(ClockState.PENDING if still else ClockState.NOT_APPLICABLE)
    if clock.starts == OPENED:
        started_at = state.opened_at
    else:
        entry = _first_entry(state.path, (clock.starts,))
        if entry is None:
            still = _can_still_enter(playbook, state, (clock.starts,))
            return status(ClockState.PENDING if still else ClockState.NOT_APPLICABLE)
        started_at = entry.entered_at

    stop = next(
        (step for step in state.completed if clock.name in playbook.nodes[step.node].fulfills and (step.left_at or now) >= started_at),
        None,
    )
    end = stop.left_at if stop is not None and stop.left_at is not None else now
    pauses = _pauses(playbook, state, clock.name, started_at, end)
    due_at = _due(counting, started_at, clock.target, pauses)
    elapsed = _counted(counting, started_at, end, pauses)
    paused = sum((high - low for low, high in pauses), ZERO)
    common = {
        "started_at": started_at,
        "due_at": due_at,
        "elapsed": elapsed,
        "paused": paused,
        "left": clock.target - elapsed,
        "overdue": max(end - due_at, ZERO),
    }
    if stop is not None:
        kind = ClockState.MET if end <= due_at else ClockState.MET_LATE
        return status(kind, stopped_at=end, stopped_by=stop.node, **common)

    if not clock.when:
        gone = _left_reach(playbook, state, set(fulfillers))
        if gone is not None:  # 1.0's "not on this path", unless it was due before the walk moved away
            if due_at >= gone:
                return status(ClockState.NOT_APPLICABLE)
            return status(ClockState.BREACHED, **common)
    if now > due_at or state.ended:
        return status(ClockState.BREACHED, **common)
    if clock.target - elapsed <= clock.remind_window:
        return status(ClockState.DUE_SOON, **common)
    return status(ClockState.RUNNING, **common)


def clock_statuses(playbook: Playbook, state: WalkState, now: datetime) -> list[ClockStatus]:
    """Every clock of the playbook, as it stands at `now` on this walk."""
    return [clock_status(playbook, state, clock, now) for clock in playbook.sla.values()]
