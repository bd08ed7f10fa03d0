"""The walk as a pure state machine: events in, a frozen `WalkState` out.

A walk is its journal: a list of typed events (`walk.events`). `apply` folds one event
into a `WalkState`; `replay` folds them all. The actions a person takes
(`walk.actions`) only *produce* events; the session journals them and then applies
them. So a live walk and a resumed walk go through the very same code, and no state
exists outside the journal.

No I/O and no clock here: time is whatever the events say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from playbook_cli.core.errors import WalkError
from playbook_cli.core.model import Node, NodeKind, Outcome, Playbook
from playbook_cli.walk import events as ev


@dataclass(frozen=True)
class Step:
    """One node on the path: when it was entered and left, and what was chosen there."""

    node: str
    entered_at: datetime
    left_at: datetime | None = None
    choice: int | None = None  # 0-based index of the choice made at a question


@dataclass(frozen=True)
class Note:
    node: str
    at: datetime
    text: str


@dataclass(frozen=True)
class WalkState:
    playbook_id: str
    lang: str | None
    inputs: Mapping[str, str]  # given at the start, and those asked at nodes since
    opened_at: datetime
    channel: str | None = None
    path: tuple[Step, ...] = ()
    notes: tuple[Note, ...] = ()
    breached: frozenset[str] = frozenset()
    reminded: frozenset[str] = frozenset()  # clocks whose due-soon reminder was given
    undone: tuple[Step, ...] = ()  # steps taken back, kept for the report
    pauses: tuple[tuple[datetime, datetime | None], ...] = ()
    ticks: frozenset[tuple[str, int]] = frozenset()  # (node, checklist item 1-based) ticked off  # (from, until); until None while paused
    last_at: datetime | None = None  # time of the last event applied
    ended: bool = False
    outcome: Outcome | None = None

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1][1] is None

    def active_time(self, start: datetime, end: datetime) -> timedelta:
        """Time between start and end that the walk was not paused.

        Step durations use it; SLA clocks do not (the customer waits during a pause too).
        """
        total = end - start
        for paused_from, paused_until in self.pauses:
            overlap = min(end, paused_until or end) - max(start, paused_from)
            if overlap > timedelta(0):
                total -= overlap
        return total

    @property
    def current(self) -> Step:
        return self.path[-1]

    @property
    def completed(self) -> tuple[Step, ...]:
        return tuple(step for step in self.path if step.left_at is not None)


# --- applying events ---------------------------------------------------------------------


def _stale(playbook: Playbook, detail: str) -> WalkError:
    return WalkError(
        f"the journal's path no longer exists in {playbook.path}: {detail}. "
        "The playbook changed since this walk was recorded; start a new walk, "
        "or restore the version the journal was recorded with"
    )


def _node(playbook: Playbook, node_id: Any) -> Node:
    node = playbook.nodes.get(node_id)
    if node is None:
        raise _stale(playbook, f"node '{node_id}' is gone")
    return node


def next_node(playbook: Playbook, step: Step) -> str | None:
    """Where the walk goes from `step` once it was answered or done; None before that."""
    node = playbook.nodes[step.node]
    if node.kind is NodeKind.QUESTION and step.choice is not None:
        return node.choices[step.choice].next
    if node.kind is NodeKind.ACTION and step.left_at is not None:
        return node.next
    return None


def apply(playbook: Playbook, state: WalkState | None, event: ev.Event) -> WalkState:
    """The state after `event`. Raises WalkError if the event does not fit the playbook."""
    return _apply(playbook, state, event)  # each branch stamps last_at: one copy of the state per event


def _apply(playbook: Playbook, state: WalkState | None, event: ev.Event) -> WalkState:
    at = event.at
    if isinstance(event, ev.Started):
        return WalkState(
            playbook_id=event.playbook,
            lang=event.lang,
            inputs=dict(event.inputs),
            opened_at=event.opened_at,
            channel=event.channel,
            last_at=at,
        )
    if state is None:
        raise WalkError("the journal does not begin with a start event")
    if state.ended and not isinstance(event, (ev.Noted, ev.Paused, ev.Resumed, ev.InputGiven)):
        raise WalkError(f"the journal goes on after the walk ended ({event.KIND} event)")

    if isinstance(event, ev.Entered):
        node = _node(playbook, event.node)
        if state.path:
            expected = next_node(playbook, state.current)
            if expected is None:
                raise WalkError(f"the journal enters '{node.id}' before '{state.current.node}' was finished")
            if expected != node.id:
                raise _stale(playbook, f"'{state.current.node}' now leads to '{expected}', not '{node.id}'")
        elif node.id != playbook.start:
            raise _stale(playbook, f"the walk began at '{node.id}', but the playbook now starts at '{playbook.start}'")
        return replace(state, path=(*state.path, Step(node.id, at)), last_at=at)

    if isinstance(event, ev.Answered):
        step = state.current
        node = _node(playbook, step.node)
        index = event.choice - 1
        if node.id != event.node or node.kind is not NodeKind.QUESTION or not 0 <= index < len(node.choices):
            raise _stale(playbook, f"answer {event.choice} at '{event.node}' does not fit '{node.id}'")
        return replace(state, path=(*state.path[:-1], replace(step, left_at=at, choice=index)), last_at=at)

    if isinstance(event, ev.Done):
        step = state.current
        node = _node(playbook, step.node)
        if node.id != event.node or node.kind is not NodeKind.ACTION:
            raise _stale(playbook, f"'{event.node}' was completed, but the walk is at '{node.id}'")
        return replace(state, path=(*state.path[:-1], replace(step, left_at=at)), last_at=at)

    if isinstance(event, ev.Undone):
        if len(state.path) < 2:
            raise WalkError("the journal undoes the first step")
        taken_back = state.current
        previous = replace(state.path[-2], left_at=None, choice=None)
        return replace(state, path=(*state.path[:-2], previous), undone=(*state.undone, taken_back), last_at=at)

    if isinstance(event, ev.InputGiven):
        return replace(state, inputs={**state.inputs, event.name: event.value}, last_at=at)

    if isinstance(event, ev.Ticked):
        return replace(state, ticks=state.ticks | {(event.node, event.item)}, last_at=at)

    if isinstance(event, ev.Noted):
        return replace(state, notes=(*state.notes, Note(event.node, at, event.text)), last_at=at)

    if isinstance(event, ev.Breached):
        return replace(state, breached=state.breached | {event.clock}, last_at=at)

    if isinstance(event, ev.DueSoon):
        return replace(state, reminded=state.reminded | {event.clock}, last_at=at)

    if isinstance(event, ev.Ended):
        node = _node(playbook, event.node)
        if node.kind is not NodeKind.END or state.current.node != node.id:
            raise _stale(playbook, f"the walk ended at '{node.id}', which is not where it stood or not an end")
        return replace(state, ended=True, outcome=node.outcome, last_at=at)

    if isinstance(event, ev.Paused):
        return replace(state, last_at=at) if state.paused else replace(state, pauses=(*state.pauses, (at, None)), last_at=at)
    if isinstance(event, ev.Resumed):
        if event.lang is not None:
            state = replace(state, lang=event.lang)
        if state.paused:
            return replace(state, pauses=(*state.pauses[:-1], (state.pauses[-1][0], at)), last_at=at)
        # No pause was recorded: the walk was killed. It stood still since its last event.
        return replace(state, pauses=(*state.pauses, (state.last_at or at, at)), last_at=at)
    raise WalkError(f"unknown journal event {event.KIND!r}")


def replay_onto(playbook: Playbook, state: WalkState, events: Iterable[ev.Event]) -> WalkState:
    """The state after `events`, applied one by one to `state`."""
    for event in events:
        state = apply(playbook, state, event)
    return state


def replay(playbook: Playbook, events: Iterable[ev.Event]) -> WalkState:
    """The state a whole journal records, from its start event."""
    state: WalkState | None = None
    for event in events:
        state = apply(playbook, state, event)
    if state is None:
        raise WalkError("the journal is empty")
    return state
