"""A valid playbook as frozen values: what walk, test and render work from.

Built only from a document that lint found free of errors, so nothing here needs to
guard against a wrong shape.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Mapping

from playbook_cli.core.durations import parse_duration
from playbook_cli.core.errors import InvalidPlaybookError
from playbook_cli.core.findings import Severity
from playbook_cli.core.loader import LoadedDocument, load_file


@dataclass(frozen=True)
class Text:
    """A TEXT: one string, or one per language."""

    values: Mapping[str, str]

    @classmethod
    def of(cls, value: Any) -> "Text | None":
        if value is None:
            return None
        return cls({"": value} if isinstance(value, str) else dict(value))

    def get(self, lang: str | None = None, fallback: str | None = None) -> str:
        for code in (lang, fallback, ""):
            if code is not None and code in self.values:
                return self.values[code]
        return next(iter(self.values.values()))


@dataclass(frozen=True)
class Choice:
    answer: Text
    next: str


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # question | action | end
    text: Text
    owner: str | None = None
    within: timedelta | None = None
    notes: Text | None = None
    choices: tuple[Choice, ...] = ()
    next: str | None = None
    steps: tuple[Text, ...] = ()
    reply: Text | None = None
    fulfills: tuple[str, ...] = ()
    outcome: str | None = None
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

    def owner_of(self, node: Node) -> str | None:
        return node.owner or self.owner

    def role_title(self, role: str | None, lang: str | None) -> str | None:
        if role is None:
            return None
        title = self.roles.get(role)
        return title.get(lang, self.default_language) if title else role

    def fulfillers(self, clock: str) -> list[str]:
        return [node.id for node in self.nodes.values() if clock in node.fulfills]


def _node(node_id: str, raw: dict) -> Node:
    return Node(
        id=node_id,
        kind=raw["kind"],
        text=Text.of(raw["text"]),
        owner=raw.get("owner"),
        within=parse_duration(raw.get("within")),
        notes=Text.of(raw.get("notes")),
        choices=tuple(Choice(Text.of(c["answer"]), c["next"]) for c in raw.get("choices", ())),
        next=raw.get("next"),
        steps=tuple(Text.of(step) for step in raw.get("steps", ())),
        reply=Text.of(raw.get("reply")),
        fulfills=tuple(raw.get("fulfills", ())),
        outcome=raw.get("outcome"),
        handoff=raw.get("handoff"),
    )


def build_playbook(doc: LoadedDocument) -> Playbook:
    data = doc.data
    return Playbook(
        id=data["id"],
        path=doc.path,
        sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        title=Text.of(data["title"]),
        summary=Text.of(data.get("summary")),
        start=data["start"],
        nodes={node_id: _node(node_id, raw) for node_id, raw in data["nodes"].items()},
        languages=tuple(data.get("languages", ())),
        tags=tuple(data.get("tags", ())),
        owner=data.get("owner"),
        roles={role: Text.of(title) for role, title in data.get("roles", {}).items()},
        sla={clock: parse_duration(target) for clock, target in data.get("sla", {}).items()},
        inputs={
            name: InputSpec(name, Text.of(spec["prompt"]), bool(spec.get("required", False)), spec.get("pattern"), spec.get("default"))
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


def load_playbook(path: str | Path) -> Playbook:
    """Load a playbook for walk, test or render: refused (InvalidPlaybookError) if lint finds errors."""
    from playbook_cli.core.errors import PlaybookLoadError
    from playbook_cli.lint.runner import check_document

    try:
        doc = load_file(path)
    except PlaybookLoadError as exc:
        raise InvalidPlaybookError(str(path), [exc.finding]) from None
    errors = [f for f in check_document(doc) if f.severity is Severity.ERROR]
    if errors:
        raise InvalidPlaybookError(str(path), sorted(errors, key=lambda f: f.sort_key()))
    return build_playbook(doc)
