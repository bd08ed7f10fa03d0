"""Safe views of a playbook's data, valid or not.

Lint rules run even when the schema has found errors (so a writer sees everything
at once), so these accessors skip whatever has the wrong shape instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

NODE_TEXT_KEYS = ("text", "notes", "reply")


def mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list:
    return value if isinstance(value, list) else []


def nodes(data: Any) -> dict[str, dict]:
    return {node_id: node for node_id, node in mapping(mapping(data).get("nodes")).items() if isinstance(node, dict)}


def languages(data: Any) -> list[str]:
    return [code for code in sequence(mapping(data).get("languages")) if isinstance(code, str)]


def successors(node: dict) -> Iterator[tuple[str, tuple]]:
    """(target node id, path of the reference inside the node) for every way out of `node`."""
    kind = node.get("kind")
    if kind == "question":
        for index, choice in enumerate(sequence(node.get("choices"))):
            if isinstance(choice, dict) and isinstance(choice.get("next"), str):
                yield choice["next"], ("choices", index, "next")
    elif kind == "action" and isinstance(node.get("next"), str):
        yield node["next"], ("next",)


def graph(data: Any) -> dict[str, list[str]]:
    """node id → ids it leads to (only ids that exist)."""
    all_nodes = nodes(data)
    return {node_id: [t for t, _ in successors(node) if t in all_nodes] for node_id, node in all_nodes.items()}


def reachable_from(edges: dict[str, list[str]], start: str) -> set[str]:
    seen = {start} if start in edges else set()
    frontier = list(seen)
    while frontier:
        for target in edges[frontier.pop()]:
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    return seen


def clock_target(clock: Any) -> tuple[tuple, Any]:
    """(path relative to the clock, value) of a clock's target.

    A clock is a DURATION (the target itself) or, in revision 1.1, a mapping with `target`.
    """
    if isinstance(clock, dict):
        return ("target",), clock.get("target")
    return (), clock


def name_refs(value: Any) -> list[tuple[tuple, str]]:
    """(relative path, name) of a NAME-or-list-of-NAMEs value, such as a clock's `when`."""
    if isinstance(value, str):
        return [((), value)]
    return [((index,), item) for index, item in enumerate(sequence(value)) if isinstance(item, str)]


def text_paths(data: Any) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every place the format says holds a TEXT."""
    data = mapping(data)
    for key in ("title", "summary"):
        if key in data:
            yield (key,), data[key]
    for role, title in mapping(data.get("roles")).items():
        yield ("roles", role), title
    for name, clock in mapping(data.get("sla")).items():
        if isinstance(clock, dict) and "title" in clock:
            yield ("sla", name, "title"), clock["title"]
    for name, spec in mapping(data.get("inputs")).items():
        if not isinstance(spec, dict):
            continue
        for key in ("prompt", "hint"):
            if key in spec:
                yield ("inputs", name, key), spec[key]
        for index, option in enumerate(sequence(spec.get("options"))):
            yield ("inputs", name, "options", index), option
        if isinstance(spec.get("default"), dict):  # a plain string is the same in every language
            yield ("inputs", name, "default"), spec["default"]
    for node_id, node in nodes(data).items():
        base = ("nodes", node_id)
        for key in NODE_TEXT_KEYS:
            if key in node:
                yield (*base, key), node[key]
        for channel, reply in mapping(node.get("replies")).items():
            yield (*base, "replies", channel), reply
        for index, step in enumerate(sequence(node.get("steps"))):
            yield (*base, "steps", index), step
        for index, choice in enumerate(sequence(node.get("choices"))):
            if isinstance(choice, dict) and "answer" in choice:
                yield (*base, "choices", index, "answer"), choice["answer"]
