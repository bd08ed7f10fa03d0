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


def text_paths(data: Any) -> Iterator[tuple[tuple, Any]]:
    """(path, value) of every place the format says holds a TEXT."""
    data = mapping(data)
    for key in ("title", "summary"):
        if key in data:
            yield (key,), data[key]
    for role, title in mapping(data.get("roles")).items():
        yield ("roles", role), title
    for name, spec in mapping(data.get("inputs")).items():
        if isinstance(spec, dict) and "prompt" in spec:
            yield ("inputs", name, "prompt"), spec["prompt"]
    for node_id, node in nodes(data).items():
        base = ("nodes", node_id)
        for key in NODE_TEXT_KEYS:
            if key in node:
                yield (*base, key), node[key]
        for index, step in enumerate(sequence(node.get("steps"))):
            yield (*base, "steps", index), step
        for index, choice in enumerate(sequence(node.get("choices"))):
            if isinstance(choice, dict) and "answer" in choice:
                yield (*base, "choices", index, "answer"), choice["answer"]
