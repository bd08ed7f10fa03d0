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
from typing import Any

from playbook_cli.core.durations import must_duration, parse_duration
from playbook_cli.core.loader import LoadedDocument


class NodeKind(StrEnum):
    QUESTION = "question"
    ACTION = "action"
    END = "end"


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
    fulfills: tuple[str, ...] = ()
    outcome: Outcome | None = None
    handoff: str | None = None

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the nodes this one leads to: its choices' `next` in order, or its `next`."""
        return tuple(choice.next for choice in self.choices) + ((self.next,) if self.next else ())


@dataclass(frozen=True)
class InputSpec:
    name: str
    prompt: Text
    required: bool = False
    pattern: str | None = None
    default: str | None = None


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
    sla: Mapping[str, timedelta] = field(default_factory=dict)
    inputs: Mapping[str, InputSpec] = field(default_factory=dict)
    scenarios: tuple[Scenario, ...] = ()

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
        fulfills=tuple(raw.get("fulfills", ())),
        outcome=Outcome(raw["outcome"]) if raw.get("outcome") else None,
        handoff=raw.get("handoff"),
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
        sla={clock: must_duration(target) for clock, target in data.get("sla", {}).items()},
        inputs={
            name: InputSpec(name, Text.must(spec["prompt"]), bool(spec.get("required", False)), spec.get("pattern"), spec.get("default"))
            for name, spec in data.get("inputs", {}).items()
        },
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
