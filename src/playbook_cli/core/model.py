"""A valid playbook as frozen values: what walk, test and render work from.

Built only from a document that lint found free of errors, so nothing here needs to
guard against a wrong shape.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from functools import cached_property
from typing import Any

from playbook_cli.core.calendars import Calendar, build_calendar
from playbook_cli.core.durations import must_duration, parse_duration
from playbook_cli.core.loader import LoadedDocument
from playbook_cli.core.structure import reachable_from


class NodeKind(StrEnum):
    QUESTION = "question"
    ACTION = "action"
    END = "end"


class Measure(StrEnum):
    """What a numeric input measures (format 1.1), and so which values it accepts."""

    CSAT = "csat"  # customer satisfaction, 1-5
    NPS = "nps"  # net promoter score, 0-10
    CES = "ces"  # customer effort score, 1-7

    @property
    def bounds(self) -> tuple[int, int]:
        return {Measure.CSAT: (1, 5), Measure.NPS: (0, 10), Measure.CES: (1, 7)}[self]


OPENED = "opened"  # a clock's default `starts`: the case's opening


class Outcome(StrEnum):
    RESOLVED = "resolved"
    ESCALATED = "escalated"
    HANDED_OFF = "handed-off"
    CLOSED = "closed"


@dataclass(frozen=True)
class Text:
    """A TEXT: one string, or one per language."""

    values: Mapping[str, str]

    @classmethod
    def must(cls, value: Any) -> Text:
        """The TEXT of a key the schema requires (the model is built only from valid documents)."""
        return cls({"": value} if isinstance(value, str) else dict(value))

    @classmethod
    def of(cls, value: Any) -> Text | None:
        if value is None:
            return None
        return cls({"": value} if isinstance(value, str) else dict(value))

    def get(self, lang: str | None = None, fallback: str | None = None) -> str:
        """The text in `lang`, else in `fallback`, else the untranslated or first one."""
        for code in (lang, fallback, ""):
            if code is not None and code in self.values:
                return self.values[code]
        return next(iter(self.values.values()))


@dataclass(frozen=True)
class Localizer:
    """The one way to read a playbook's TEXT in a language: `say(node.text)`.

    Falls back to the playbook's default language, so callers never pass it around.
    """

    lang: str | None
    fallback: str | None

    def __call__(self, text: Text) -> str:
        return text.get(self.lang, self.fallback)

    def optional(self, text: Text | None) -> str | None:
        return None if text is None else text.get(self.lang, self.fallback)


@dataclass(frozen=True)
class Choice:
    answer: Text
    next: str


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    text: Text
    owner: str | None = None
    within: timedelta | None = None
    notes: Text | None = None
    choices: tuple[Choice, ...] = ()
    next: str | None = None
    steps: tuple[Text, ...] = ()
    reply: Text | None = None
    replies: Mapping[str, Text] = field(default_factory=dict)  # channel -> reply (format 1.1)
    fulfills: tuple[str, ...] = ()
    outcome: Outcome | None = None
    handoff: str | None = None
    asks: tuple[str, ...] = ()  # inputs asked on entering this node (format 1.1)
    pauses: tuple[str, ...] = ()  # clocks that do not count while the walk waits here (format 1.1)

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the nodes this one leads to: its choices' `next` in order, or its `next`."""
        return tuple(choice.next for choice in self.choices) + ((self.next,) if self.next else ())

    @property
    def has_reply(self) -> bool:
        return self.reply is not None or bool(self.replies)

    def reply_for(self, channel: str | None) -> tuple[str | None, Text | None]:
        """(channel shown, template): the chosen channel's reply, else the node's first channel's.

        A 1.0 `reply` serves every channel (shown as channel None).
        """
        if self.reply is not None:
            return None, self.reply
        if channel is not None and channel in self.replies:
            return channel, self.replies[channel]
        for name, template in self.replies.items():
            return name, template
        return None, None


@dataclass(frozen=True)
class InputSpec:
    name: str
    prompt: Text
    required: bool = False
    pattern: str | None = None
    default: Text | None = None  # a plain string is the same in every language
    hint: Text | None = None  # shown instead of the pattern when a value fails it (format 1.1)
    options: tuple[Text, ...] = ()  # offered numbered; the value is the option in the walk's language
    measure: Measure | None = None


@dataclass(frozen=True)
class Clock:
    """An SLA clock (format 1.1; a 1.0 `name: 4h` is `Clock(name, 4h)`)."""

    name: str
    target: timedelta
    title: Text | None = None
    when: tuple[str, ...] = ()  # applies only to walks entering one of these nodes
    starts: str = OPENED  # counts from the case's opening, or from the first entry into this node
    calendar: str | None = None  # counts working time of this calendar; None: round the clock
    remind: timedelta | None = None  # as written; see `remind_window`

    @property
    def remind_window(self) -> timedelta:
        """How long before the target the clock reminds and turns amber.

        Default, as in 1.0: the earlier of the last quarter and the last 15 minutes, so a
        target of 15 minutes or less is due soon from its start.
        """
        return self.remind if self.remind is not None else max(self.target / 4, timedelta(minutes=15))


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: tuple[Any, ...]
    expect_end: str
    expect_outcome: str | None = None
    inputs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Playbook:
    id: str
    path: str
    sha256: str
    title: Text
    start: str
    nodes: Mapping[str, Node]
    summary: Text | None = None
    languages: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    owner: str | None = None
    roles: Mapping[str, Text] = field(default_factory=dict)
    sla: Mapping[str, Clock] = field(default_factory=dict)
    calendars: Mapping[str, Calendar] = field(default_factory=dict)
    inputs: Mapping[str, InputSpec] = field(default_factory=dict)
    scenarios: tuple[Scenario, ...] = ()

    @property
    def channels(self) -> tuple[str, ...]:
        """Every reply channel the playbook names, in the order they first appear."""
        return tuple(dict.fromkeys(channel for node in self.nodes.values() for channel in node.replies))

    def node_number(self, node_id: str) -> int:
        """A node's number: its position in the file, from 1; the same in runbook, graph, walk and report."""
        return self._numbers[node_id]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {node_id: number for number, node_id in enumerate(self.nodes, 1)}

    def reachable(self, node_id: str) -> frozenset[str]:
        """The nodes a walk at `node_id` can still reach, itself included; cached per node.

        Every clock of every walk asks this (status and stats replay thousands), so the
        graph is walked once per node, not once per question.
        """
        known = self._reachable
        if node_id not in known:
            known[node_id] = frozenset(reachable_from(self._edges, node_id))
        return known[node_id]

    @cached_property
    def _edges(self) -> dict[str, list[str]]:
        return {node_id: list(node.targets) for node_id, node in self.nodes.items()}

    @cached_property
    def _reachable(self) -> dict[str, frozenset[str]]:
        return {}

    def asked_at_start(self) -> tuple[str, ...]:
        """Inputs asked when a walk begins: those no node `asks`."""
        asked_later = {name for node in self.nodes.values() for name in node.asks}
        return tuple(name for name in self.inputs if name not in asked_later)

    def clock_title(self, name: str, lang: str | None) -> str:
        """A clock's title in `lang`, or its NAME when it has none."""
        clock = self.sla.get(name)
        return self.localizer(lang)(clock.title) if clock and clock.title else name

    @property
    def default_language(self) -> str | None:
        return self.languages[0] if self.languages else None

    def localizer(self, lang: str | None) -> Localizer:
        return Localizer(lang, self.default_language)

    def owner_of(self, node: Node) -> str | None:
        return node.owner or self.owner

    def role_title(self, role: str | None, lang: str | None) -> str | None:
        if role is None:
            return None
        title = self.roles.get(role)
        return self.localizer(lang)(title) if title else role

    def fulfillers(self, clock: str) -> list[str]:
        return [node.id for node in self.nodes.values() if clock in node.fulfills]


def _node(node_id: str, raw: dict) -> Node:
    return Node(
        id=node_id,
        kind=NodeKind(raw["kind"]),
        text=Text.must(raw["text"]),
        owner=raw.get("owner"),
        within=parse_duration(raw.get("within")),
        notes=Text.of(raw.get("notes")),
        choices=tuple(Choice(Text.must(c["answer"]), c["next"]) for c in raw.get("choices", ())),
        next=raw.get("next"),
        steps=tuple(Text.must(step) for step in raw.get("steps", ())),
        reply=Text.of(raw.get("reply")),
        replies={channel: Text.must(template) for channel, template in raw.get("replies", {}).items()},
        fulfills=tuple(raw.get("fulfills", ())),
        outcome=Outcome(raw["outcome"]) if raw.get("outcome") else None,
        handoff=raw.get("handoff"),
        asks=tuple(raw.get("asks", ())),
        pauses=tuple(raw.get("pauses", ())),
    )


def _clock(name: str, raw: Any) -> Clock:
    if not isinstance(raw, dict):
        return Clock(name, must_duration(raw))
    when = raw.get("when", ())
    return Clock(
        name=name,
        target=must_duration(raw["target"]),
        title=Text.of(raw.get("title")),
        when=(when,) if isinstance(when, str) else tuple(when),
        starts=raw.get("starts", OPENED),
        calendar=raw.get("calendar"),
        remind=parse_duration(raw.get("remind")),
    )


def _input(name: str, raw: dict) -> InputSpec:
    return InputSpec(
        name=name,
        prompt=Text.must(raw["prompt"]),
        required=bool(raw.get("required", False)),
        pattern=raw.get("pattern"),
        default=Text.of(raw.get("default")),
        hint=Text.of(raw.get("hint")),
        options=tuple(Text.must(option) for option in raw.get("options", ())),
        measure=Measure(raw["measure"]) if raw.get("measure") else None,
    )


def build_playbook(doc: LoadedDocument) -> Playbook:
    data = doc.data
    return Playbook(
        id=data["id"],
        path=doc.path,
        sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        title=Text.must(data["title"]),
        summary=Text.of(data.get("summary")),
        start=data["start"],
        nodes={node_id: _node(node_id, raw) for node_id, raw in data["nodes"].items()},
        languages=tuple(data.get("languages", ())),
        tags=tuple(data.get("tags", ())),
        owner=data.get("owner"),
        roles={role: Text.must(title) for role, title in data.get("roles", {}).items()},
        sla={name: _clock(name, raw) for name, raw in data.get("sla", {}).items()},
        calendars={name: build_calendar(name, raw) for name, raw in data.get("calendars", {}).items()},
        inputs={name: _input(name, raw) for name, raw in data.get("inputs", {}).items()},
        scenarios=tuple(
            Scenario(
                name=s["name"],
                answers=tuple(s["answers"]),
                expect_end=s["expect"]["end"],
                expect_outcome=s["expect"].get("outcome"),
                inputs=dict(s.get("inputs", {})),
            )
            for s in data.get("scenarios", ())
        ),
    )
