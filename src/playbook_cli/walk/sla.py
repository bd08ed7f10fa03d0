"""SLA clocks, derived from a walk's state: nothing about them is stored but breaches and reminders.

A clock runs from the moment the case was opened (`opened_at`) until a node that
`fulfills` it is completed. While running it is `ok`, then `due-soon` in its last 25% or
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

from playbook_cli.core.durations import format_duration
from playbook_cli.walk.state import WalkState
from playbook_cli.core.model import Playbook
from playbook_cli.core.structure import reachable_from

DUE_SOON_SHARE = 0.25
DUE_SOON_MINIMUM = timedelta(minutes=15)


@dataclass(frozen=True)
class ClockStatus:
    name: str
    target: timedelta
    state: str  # ok | due-soon | breached | met | met-late | not-applicable
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
            remaining = deadline - stop.left_at
            kind = "met" if remaining >= timedelta(0) else "met-late"
        else:
            remaining = deadline - now
            due_soon = max(target * DUE_SOON_SHARE, DUE_SOON_MINIMUM)
            if name in state.breached:
                kind = "breached"
            elif not ahead.intersection(playbook.fulfillers(name)):
                kind = "not-applicable"
            else:
                kind = "breached" if remaining < timedelta(0) else "due-soon" if remaining <= due_soon else "ok"
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
