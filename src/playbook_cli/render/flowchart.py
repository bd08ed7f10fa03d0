"""The decision tree as a picture: Mermaid text, Graphviz DOT/SVG, or a plain outline.

Labels are playbook text, so each syntax gets its own escaping: Mermaid entity codes
inside quoted labels, `graphviz.escape` for DOT (no backslash escapes, no HTML labels).
Before that, every text is put on single-spaced lines and its control characters are
shown in caret notation (a NUL breaks Graphviz; ESC has no place in a picture).
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections import deque
from dataclasses import dataclass

from playbook_cli.core.model import Playbook
from playbook_cli.render.jinja import printable

WRAP = 28


def node_order(playbook: Playbook) -> list[str]:
    """Nodes breadth-first from start, in choice order; unreachable ones last, in file order."""
    order, seen, queue = [], {playbook.start}, deque([playbook.start])
    while queue:
        node_id = queue.popleft()
        order.append(node_id)
        for target in playbook.nodes[node_id].targets:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return order + [node_id for node_id in playbook.nodes if node_id not in seen]


def _lines(text: str) -> list[str]:
    return textwrap.wrap(" ".join(printable(text).split()), WRAP) or [""]


# --- Mermaid ------------------------------------------------------------------------------

_MERMAID_ENTITIES = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "`": "#96;", "|": "#124;"}
_MERMAID_SPECIAL = re.compile("|".join(re.escape(c) for c in _MERMAID_ENTITIES))


def mermaid_label(text: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for quote, angle brackets, #, ` and |."""
    return "<br/>".join(_MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], line) for line in _lines(text))


def mermaid(playbook: Playbook, lang: str | None) -> str:
    say = playbook.localizer(lang)
    ids = {node_id: f"n{index}" for index, node_id in enumerate(node_order(playbook))}
    shapes = {"question": ('{"', '"}'), "action": ('["', '"]'), "end": ('(["', '"])')}
    lines = ["flowchart TD"]
    for node_id, short in ids.items():
        node = playbook.nodes[node_id]
        left, right = shapes[node.kind]
        lines.append(f"    {short}{left}{mermaid_label(f'#{playbook.node_number(node_id)} {say(node.text)}')}{right}")
    for node_id, short in ids.items():
        node = playbook.nodes[node_id]
        for choice in node.choices:
            lines.append(f'    {short} -->|"{mermaid_label(say(choice.answer))}"| {ids[choice.next]}')
        if node.next:
            lines.append(f"    {short} --> {ids[node.next]}")
    # "end" is a Mermaid keyword, so the classes have their own names.
    classes = {
        "question": ("questionStep", "#fdf2d0", "#b7950b"),
        "action": ("actionStep", "#e8f1fb", "#2e6da4"),
        "end": ("endStep", "#e6f4ea", "#1e7e34"),
    }
    for kind, (name, fill, stroke) in classes.items():
        members = [ids[n] for n in ids if playbook.nodes[n].kind == kind]
        if members:
            lines.append(f"    classDef {name} fill:{fill},stroke:{stroke}")
            lines.append(f"    class {','.join(members)} {name}")
    return "\n".join(lines)


# --- Graphviz -----------------------------------------------------------------------------

_DOT_SHAPES = {
    "question": {"shape": "diamond", "style": "filled", "fillcolor": "#fdf2d0", "color": "#b7950b"},
    "action": {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8f1fb", "color": "#2e6da4"},
    "end": {"shape": "ellipse", "style": "filled,bold", "fillcolor": "#e6f4ea", "color": "#1e7e34"},
}


def dot_graph(playbook: Playbook, lang: str | None, links: bool = False):
    """A graphviz.Digraph of the tree; with links=True each node links to its runbook anchor."""
    import graphviz  # lazy: heavy, kept off start-up

    say = playbook.localizer(lang)
    graph = graphviz.Digraph(
        " ".join(printable(playbook.id).split()),
        graph_attr={"rankdir": "TB", "fontname": "DejaVu Sans"},
        node_attr={"fontname": "DejaVu Sans", "fontsize": "11"},
        edge_attr={"fontname": "DejaVu Sans", "fontsize": "10"},
    )
    order = node_order(playbook)
    for node_id in order:
        node = playbook.nodes[node_id]
        label = f"#{playbook.node_number(node_id)} " + "\n".join(_lines(say(node.text)))
        extra = {"URL": f"#{anchor(node_id)}", "target": "_self"} if links else {}
        graph.node(node_id, label=graphviz.escape(label), **_DOT_SHAPES[node.kind], **extra)
    for node_id in order:
        node = playbook.nodes[node_id]
        for choice in node.choices:
            graph.edge(node_id, choice.next, label=graphviz.escape("\n".join(_lines(say(choice.answer)))))
        if node.next:
            graph.edge(node_id, node.next)
    return graph


def dot(playbook: Playbook, lang: str | None) -> str:
    return dot_graph(playbook, lang).source


def dot_available() -> bool:
    return shutil.which("dot") is not None


def svg(playbook: Playbook, lang: str | None) -> str | None:
    """Inline SVG of the tree, or None when Graphviz `dot` is not installed."""
    if not dot_available():
        return None
    import graphviz  # lazy: heavy, kept off start-up

    try:
        rendered = dot_graph(playbook, lang, links=True).pipe(format="svg", encoding="utf-8")
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError):
        return None
    return rendered[rendered.index("<svg") :]  # drop the XML prolog and DOCTYPE for inline use


# --- Outline (no Graphviz) ------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineItem:
    depth: int
    node: str
    via: str | None  # the answer that leads here, for choices
    seen_before: bool  # already shown higher up: a link instead of repeating the subtree


def outline(playbook: Playbook, lang: str | None) -> list[OutlineItem]:
    say = playbook.localizer(lang)
    items: list[OutlineItem] = []
    shown: set[str] = set()
    stack: list[tuple[str, int, str | None]] = [(playbook.start, 0, None)]
    while stack:
        node_id, depth, via = stack.pop()
        seen = node_id in shown
        items.append(OutlineItem(depth, node_id, via, seen))
        if seen:
            continue
        shown.add(node_id)
        node = playbook.nodes[node_id]
        children: list[tuple[str, int, str | None]] = [(c.next, depth + 1, say(c.answer)) for c in node.choices]
        if node.next:
            children.append((node.next, depth + 1, None))
        stack.extend(reversed(children))
    return items


def anchor(node_id: str) -> str:
    return f"step-{node_id}"
