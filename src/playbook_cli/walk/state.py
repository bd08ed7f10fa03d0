"""The walk as a pure state machine.

A walk is its journal: a list of events (plain dicts, exactly as written to the JSON
Lines file). `apply` folds one event into a frozen `WalkState`; `replay` folds them all.
The actions a person takes (`begin`, `choose`, `complete`, `undo`, `note`, ...) only
*produce* events; the caller journals them and then applies them. So a live walk and a
resumed walk go through the very same code, and no state exists outside the journal.

No I/O and no clock here: every function takes the time it should record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from playbook_cli.core.errors import WalkError
from playbook_cli.core.model import Node, Playbook

JOURNAL_VERSION = 1


def iso(moment: datetime) -> str:
    """UTC, millisecond precision, with a Z: the one timestamp form in journals."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


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
    inputs: Mapping[str, str]
    opened_at: datetime
    path: tuple[Step, ...] = ()
    notes: tuple[Note, ...] = ()
    breached: frozenset[str] = frozenset()
    reminded: frozenset[str] = frozenset()  # clocks whose due-soon reminder was given
    undone: tuple[Step, ...] = ()  # steps taken back, kept for the report
    pauses: tuple[tuple[datetime, datetime | None], ...] = ()  # (from, until); until None while paused
    last_at: datetime | None = None  # time of the last event applied
    ended: bool = False
    outcome: str | None = None

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


def _expected_next(playbook: Playbook, step: Step) -> str | None:
    node = playbook.nodes[step.node]
    if node.kind == "question" and step.choice is not None:
        return node.choices[step.choice].next
    if node.kind == "action" and step.left_at is not None:
        return node.next
    return None


def apply(playbook: Playbook, state: WalkState | None, event: Mapping[str, Any]) -> WalkState:
    """The state after `event`. Raises WalkError if the event does not fit the playbook."""
    after = _apply(playbook, state, event)
    return replace(after, last_at=parse_time(event["at"]))


def _apply(playbook: Playbook, state: WalkState | None, event: Mapping[str, Any]) -> WalkState:
    kind = event.get("event")
    at = parse_time(event["at"])
    if kind == "start":
        return WalkState(
            playbook_id=event["playbook"],
            lang=event.get("lang"),
            inputs=dict(event.get("inputs", {})),
            opened_at=parse_time(event["opened_at"]),
        )
    if state is None:
        raise WalkError("the journal does not begin with a start event")
    if state.ended and kind not in ("note", "pause", "resume"):
        raise WalkError(f"the journal goes on after the walk ended ({kind} event)")

    if kind == "enter":
        node = _node(playbook, event["node"])
        if state.path:
            expected = _expected_next(playbook, state.current)
            if expected is None:
                raise WalkError(f"the journal enters '{node.id}' before '{state.current.node}' was finished")
            if expected != node.id:
                raise _stale(playbook, f"'{state.current.node}' now leads to '{expected}', not '{node.id}'")
        elif node.id != playbook.start:
            raise _stale(playbook, f"the walk began at '{node.id}', but the playbook now starts at '{playbook.start}'")
        return replace(state, path=state.path + (Step(node.id, at),))

    if kind == "answer":
        step = state.current
        node = _node(playbook, step.node)
        index = int(event["choice"]) - 1
        if node.id != event.get("node") or node.kind != "question" or not 0 <= index < len(node.choices):
            raise _stale(playbook, f"answer {event.get('choice')} at '{event.get('node')}' does not fit '{node.id}'")
        return replace(state, path=state.path[:-1] + (replace(step, left_at=at, choice=index),))

    if kind == "done":
        step = state.current
        node = _node(playbook, step.node)
        if node.id != event.get("node") or node.kind != "action":
            raise _stale(playbook, f"'{event.get('node')}' was completed, but the walk is at '{node.id}'")
        return replace(state, path=state.path[:-1] + (replace(step, left_at=at),))

    if kind == "undo":
        if len(state.path) < 2:
            raise WalkError("the journal undoes the first step")
        taken_back = state.current
        previous = replace(state.path[-2], left_at=None, choice=None)
        return replace(state, path=state.path[:-2] + (previous,), undone=state.undone + (taken_back,))

    if kind == "note":
        return replace(state, notes=state.notes + (Note(event.get("node", state.current.node), at, str(event.get("text", ""))),))

    if kind == "sla-breach":
        return replace(state, breached=state.breached | {event["clock"]})

    if kind == "sla-due-soon":
        return replace(state, reminded=state.reminded | {event["clock"]})

    if kind == "end":
        node = _node(playbook, event["node"])
        if node.kind != "end" or state.current.node != node.id:
            raise _stale(playbook, f"the walk ended at '{node.id}', which is not where it stood or not an end")
        return replace(state, ended=True, outcome=node.outcome)

    if kind == "pause":
        return state if state.paused else replace(state, pauses=state.pauses + ((at, None),))
    if kind == "resume":
        if state.paused:
            return replace(state, pauses=state.pauses[:-1] + ((state.pauses[-1][0], at),))
        # No pause was recorded: the walk was killed. It stood still since its last event.
        return replace(state, pauses=state.pauses + ((state.last_at or at, at),))
    raise WalkError(f"unknown journal event {kind!r}")


def replay_onto(playbook: Playbook, state: WalkState | None, events: list[Mapping[str, Any]]) -> WalkState:
    for event in events:
        state = apply(playbook, state, event)
    return state


def replay(playbook: Playbook, events: list[Mapping[str, Any]]) -> WalkState:
    state = replay_onto(playbook, None, events)
    if state is None:
        raise WalkError("the journal is empty")
    return state


# --- actions: each returns the events to journal ---------------------------------------------


def _event(kind: str, at: datetime, **fields) -> dict:
    return {"event": kind, "at": iso(at), **fields}


def _arrive(playbook: Playbook, node_id: str, at: datetime) -> list[dict]:
    events = [_event("enter", at, node=node_id)]
    node = playbook.nodes[node_id]
    if node.kind == "end":
        extra = {"handoff": node.handoff} if node.handoff else {}
        events.append(_event("end", at, node=node_id, outcome=node.outcome, **extra))
    return events


def begin(playbook: Playbook, *, file: str, inputs: Mapping[str, str], lang: str | None, opened_at: datetime, at: datetime) -> list[dict]:
    from pathlib import Path

    start = _event(
        "start", at,
        journal=JOURNAL_VERSION,
        playbook=playbook.id,
        file=file,
        path=str(Path(file).resolve()),  # so a resume from another directory finds it
        sha256=playbook.sha256,
        lang=lang,
        inputs=dict(inputs),
        opened_at=iso(opened_at),
    )
    return [start] + _arrive(playbook, playbook.start, at)


def match_choice(node: Node, given: Any, lang: str | None, default_lang: str | None) -> int:
    """The 0-based index of the choice `given` names: a 1-based number or an answer's text.

    Text is matched in the walk's language, then the default language, ignoring case and
    surrounding spaces. Raises WalkError naming what would be accepted.
    """
    text = str(given).strip()
    if (isinstance(given, int) and not isinstance(given, bool)) or text.isdigit():
        number = int(text)
        if 1 <= number <= len(node.choices):
            return number - 1
    else:
        wanted = text.casefold()
        for code in dict.fromkeys((lang, default_lang, "")):
            for index, choice in enumerate(node.choices):
                if code in choice.answer.values and choice.answer.values[code].strip().casefold() == wanted:
                    return index
    options = ", ".join(f"{i}. {c.answer.get(lang, default_lang)}" for i, c in enumerate(node.choices, 1))
    raise WalkError(
        f"'{given}' is not a choice at '{node.id}' ({node.text.get(lang, default_lang)}); "
        f"answer a number from 1 to {len(node.choices)} or one of the answers: {options}"
    )


def choose(playbook: Playbook, state: WalkState, given: Any, at: datetime) -> list[dict]:
    node = playbook.nodes[state.current.node]
    if node.kind != "question":
        raise WalkError(f"'{node.id}' is not a question")
    index = match_choice(node, given, state.lang, playbook.default_language)
    choice = node.choices[index]
    answer = _event("answer", at, node=node.id, choice=index + 1, answer=choice.answer.get(state.lang, playbook.default_language))
    return [answer] + _arrive(playbook, choice.next, at)


def complete(playbook: Playbook, state: WalkState, at: datetime) -> list[dict]:
    node = playbook.nodes[state.current.node]
    if node.kind != "action":
        raise WalkError(f"'{node.id}' is not an action")
    return [_event("done", at, node=node.id)] + _arrive(playbook, node.next, at)


def undo(playbook: Playbook, state: WalkState, at: datetime) -> list[dict]:
    if len(state.path) < 2:
        raise WalkError("this is the first step; there is nothing to go back to")
    return [_event("undo", at, node=state.current.node, to=state.path[-2].node)]


def note(state: WalkState, text: str, at: datetime) -> list[dict]:
    return [_event("note", at, node=state.current.node, text=text)]


def pause(state: WalkState, at: datetime) -> list[dict]:
    return [_event("pause", at, node=state.current.node)]


def resume(playbook: Playbook, state: WalkState, at: datetime, changed: bool) -> list[dict]:
    return [_event("resume", at, node=state.current.node, sha256=playbook.sha256, playbook_changed=changed)]


def clock_events(playbook: Playbook, state: WalkState, now: datetime) -> list[dict]:
    """What the SLA clocks call for now, each once per walk.

    `sla-due-soon`, the reminder, when a clock enters its last 25% or 15 minutes;
    `sla-breach` when it runs out. A clock that is already breached gets no reminder.
    """
    from playbook_cli.core.durations import format_duration
    from playbook_cli.walk.sla import clock_statuses

    events = []
    for status in clock_statuses(playbook, state, now):
        if status.state == "breached" and status.name not in state.breached:
            events.append(_event("sla-breach", now, clock=status.name, target=status.target_text, node=state.current.node))
        elif status.state == "due-soon" and status.name not in state.reminded:
            events.append(
                _event(
                    "sla-due-soon", now,
                    clock=status.name, target=status.target_text, left=format_duration(status.remaining),
                    node=state.current.node, stops_at=list(status.fulfilled_by),
                )
            )
    return events
