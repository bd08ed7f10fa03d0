"""The journal's events, typed: one class per kind, one encoder and one decoder.

A walk *is* its journal (JSON Lines, one event per line). Every event has `event` (its
kind) and `at` (UTC, ISO-8601 with milliseconds and a Z). `encode` writes the exact JSON
object of each kind, `decode` reads one back and refuses a malformed one with a
message naming what is wrong, so nothing else in the program handles raw dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

JOURNAL_VERSION = 1


class EventKind(StrEnum):
    START = "start"
    INPUT = "input"
    ENTER = "enter"
    ANSWER = "answer"
    DONE = "done"
    NOTE = "note"
    TICK = "tick"
    UNDO = "undo"
    SLA_DUE_SOON = "sla-due-soon"
    SLA_BREACH = "sla-breach"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"


def iso(moment: datetime) -> str:
    """UTC, millisecond precision, with a Z: the one timestamp form in journals."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    """An ISO-8601 time; one without an offset is read as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Event:
    KIND: ClassVar[EventKind]
    at: datetime


@dataclass(frozen=True)
class Started(Event):
    KIND = EventKind.START
    journal: int
    playbook: str
    file: str
    path: str  # absolute, so a resume from another directory finds the playbook
    sha256: str
    lang: str | None
    inputs: Mapping[str, str]
    opened_at: datetime
    channel: str | None = None  # the reply channel chosen with --channel (format 1.1)
    operator: str | None = None  # the roster NAME of the person walking (--as)


@dataclass(frozen=True)
class InputGiven(Event):
    """An input asked at a node (`asks`, format 1.1), answered."""

    KIND = EventKind.INPUT
    node: str
    name: str
    value: str


@dataclass(frozen=True)
class Entered(Event):
    KIND = EventKind.ENTER
    node: str
    assignee: str | None = None  # the roster NAME the step was assigned to, when there is a roster


@dataclass(frozen=True)
class Answered(Event):
    KIND = EventKind.ANSWER
    node: str
    choice: int  # 1-based
    answer: str


@dataclass(frozen=True)
class Done(Event):
    KIND = EventKind.DONE
    node: str


@dataclass(frozen=True)
class Noted(Event):
    KIND = EventKind.NOTE
    node: str
    text: str


@dataclass(frozen=True)
class Ticked(Event):
    """A checklist item of the current step ticked off (`t N` at the prompt)."""

    KIND = EventKind.TICK
    node: str
    item: int  # 1-based, as shown


@dataclass(frozen=True)
class Undone(Event):
    KIND = EventKind.UNDO
    node: str
    to: str


@dataclass(frozen=True)
class DueSoon(Event):
    KIND = EventKind.SLA_DUE_SOON
    clock: str
    target: str
    left: str
    node: str
    stops_at: tuple[str, ...]


@dataclass(frozen=True)
class Breached(Event):
    KIND = EventKind.SLA_BREACH
    clock: str
    target: str
    node: str


@dataclass(frozen=True)
class Paused(Event):
    KIND = EventKind.PAUSE
    node: str


@dataclass(frozen=True)
class Resumed(Event):
    KIND = EventKind.RESUME
    node: str
    sha256: str
    playbook_changed: bool
    lang: str | None = None  # the language from here on, when the resume changed it


@dataclass(frozen=True)
class Ended(Event):
    KIND = EventKind.END
    node: str
    outcome: str
    handoff: str | None = field(default=None)  # written only when the end hands off


EVENT_TYPES: dict[EventKind, type[Event]] = {
    cls.KIND: cls
    for cls in (Started, InputGiven, Entered, Answered, Done, Noted, Ticked, Undone, DueSoon, Breached, Paused, Resumed, Ended)
}
_TIMES = {"at", "opened_at"}


# Optional fields left out of the line when empty, so journals without a roster or a
# handoff read as they did before these fields existed.
_OMITTED_WHEN_NONE = {
    (EventKind.END, "handoff"),
    (EventKind.RESUME, "lang"),
    (EventKind.ENTER, "assignee"),
    (EventKind.START, "operator"),
}


def encode(event: Event) -> dict[str, Any]:
    """The JSON object of `event`: `event` and `at` first, then its fields in order."""
    data: dict[str, Any] = {"event": event.KIND.value}
    for spec in fields(event):
        value = getattr(event, spec.name)
        if spec.name in _TIMES:
            value = iso(value)
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        elif value is None and (event.KIND, spec.name) in _OMITTED_WHEN_NONE:
            continue  # written only when there is one
        data[spec.name] = value
    return data


class BadEvent(ValueError):
    """A journal line that is JSON but not an event this program can read; the message says why."""


# Fields journals of earlier versions may lack, with the value they stand for.
_OPTIONAL: dict[tuple[EventKind, str], Any] = {
    (EventKind.START, "path"): "",
    (EventKind.START, "sha256"): "",
    (EventKind.START, "channel"): None,
    (EventKind.START, "operator"): None,
    (EventKind.ENTER, "assignee"): None,
    (EventKind.END, "handoff"): None,
    (EventKind.RESUME, "lang"): None,
}
_CHECKS: dict[str, tuple[type, ...]] = {
    "journal": (int,),
    "choice": (int,),
    "item": (int,),
    "playbook_changed": (bool,),
    "lang": (str, type(None)),
    "handoff": (str, type(None)),
    "channel": (str, type(None)),
    "operator": (str, type(None)),
    "assignee": (str, type(None)),
    "inputs": (dict,),
    "stops_at": (list,),
}


def decode(data: Mapping[str, Any]) -> Event:
    """The event a journal line holds. Raises BadEvent naming the kind or field that is wrong."""
    try:
        kind = EventKind(str(data.get("event")))
    except ValueError:
        raise BadEvent(f"unknown journal event {data.get('event')!r}") from None
    cls = EVENT_TYPES[kind]
    values: dict[str, Any] = {}
    for spec in fields(cls):
        if spec.name not in data:
            if (kind, spec.name) not in _OPTIONAL:
                raise BadEvent(f"this {kind.value} event has no '{spec.name}'")
            values[spec.name] = _OPTIONAL[kind, spec.name]
            continue
        values[spec.name] = _field(kind, spec.name, data[spec.name])
    return cls(**values)


def _field(kind: EventKind, name: str, value: Any) -> Any:
    """One field of a journal line, checked and converted to its typed form."""
    expected = _CHECKS.get(name, (str,))
    if not isinstance(value, expected) or (expected == (int,) and isinstance(value, bool)):
        raise BadEvent(f"this {kind.value} event's '{name}' is {type(value).__name__}, not {expected[0].__name__}")
    if name in _TIMES:
        try:
            moment = parse_time(str(value))
        except ValueError:
            raise BadEvent(f"this {kind.value} event's '{name}' is not an ISO-8601 time: {value!r}") from None
        if not 1970 <= moment.year <= 2200:  # clock arithmetic on year 9999 would overflow
            raise BadEvent(f"this {kind.value} event's '{name}' is not a time a walk could have: {value!r}")
        return moment
    if isinstance(value, list):  # stops_at
        return tuple(str(item) for item in value)
    if isinstance(value, dict):  # inputs
        return {str(key): str(item) for key, item in value.items()}
    return value
