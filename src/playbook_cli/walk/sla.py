"""SLA clocks, derived from a walk's state: nothing about them is stored but breaches and reminders.

A clock runs from the moment the case was opened (`opened_at`) until a node that
`fulfills` it is completed. While running it is `running`, then `due-soon` in its last 25% or
last 15 minutes (whichever starts earlier), then `breached`. Once stopped it is `met` or
`met-late`.

A clock that no step still ahead can stop does not apply to this walk (`not-applicable`):
a playbook may keep one clock per request type (consultation 1h, complaint 4h), and a
complaint walk must not show the consultation clock as breached. A breach already
journaled stays a breach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from playbook_cli.core.durations import format_duration
from playbook_cli.core.model import Playbook
from playbook_cli.core.structure import reachable_from
from playbook_cli.walk.state import WalkState

DUE_SOON_SHARE = 0.25
DUE_SOON_MINIMUM = timedelta(minutes=15)


class ClockState(StrEnum):
    RUNNING = "running"
    DUE_SOON = "due-soon"
    BREACHED = "breached"
    MET = "met"
    MET_LATE = "met-late"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class ClockStatus:
    name: str
    target: timedelta
    state: ClockState
    remaining: timedelta  # negative once past the deadline; at the stop for stopped clocks
    stopped_at: datetime | None
    stopped_by: str | None  # the node whose completion stopped it
    fulfilled_by: tuple[str, ...]  # every node that can stop it

    @property
    def running(self) -> bool:
        return self.stopped_at is None

    @property
    def target_text(self) -> str:
        return format_duration(self.target)


def _ahead(playbook: Playbook, state: WalkState) -> set[str]:
    """Nodes the walk can still complete: the current one (unless it is an end) and all after it."""
    if not state.path or state.ended:
        return set()
    edges = {node_id: list(node.targets) for node_id, node in playbook.nodes.items()}
    return reachable_from(edges, state.current.node)


def clock_statuses(playbook: Playbook, state: WalkState, now: datetime) -> list[ClockStatus]:
    statuses = []
    ahead = _ahead(playbook, state)
    for name, target in playbook.sla.items():
        deadline = state.opened_at + target
        stop = next(
            (step for step in state.completed if name in playbook.nodes[step.node].fulfills),
            None,
        )
        if stop is not None:
            remaining = deadline - (stop.left_at or now)  # `completed` steps always have left_at
            kind = ClockState.MET if remaining >= timedelta(0) else ClockState.MET_LATE
        else:
            remaining = deadline - now
            due_soon = max(target * DUE_SOON_SHARE, DUE_SOON_MINIMUM)
            if name in state.breached:
                kind = ClockState.BREACHED
            elif not ahead.intersection(playbook.fulfillers(name)):
                kind = ClockState.NOT_APPLICABLE
            elif remaining < timedelta(0):
                kind = ClockState.BREACHED
            else:
                kind = ClockState.DUE_SOON if remaining <= due_soon else ClockState.RUNNING
        statuses.append(
            ClockStatus(
                name=name,
                target=target,
                state=kind,
                remaining=remaining,
                stopped_at=stop.left_at if stop else None,
                stopped_by=stop.node if stop else None,
                fulfilled_by=tuple(playbook.fulfillers(name)),
            )
        )
    return statuses
