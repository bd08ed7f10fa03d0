"""The decision tree as a picture: Mermaid text, Graphviz DOT/SVG, or a plain outline.

Labels are playbook text, so each syntax gets its own escaping: Mermaid entity codes
inside quoted labels, `graphviz.escape` for DOT (no backslash escapes, no HTML labels).
Before that, every text is put on single-spaced lines and its control characters are
shown in caret notation (a NUL breaks Graphviz; ESC has no place in a picture).
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import textwrap
import unicodedata
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from playbook_cli.core.model import Playbook
from playbook_cli.render.jinja import printable

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

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

# Every label is set in the bundled Noto Sans (render/fonts/, embedded in the HTML) at one
# size, so a chart printed at scale s shows its smallest text at FONT_SIZE * s points.
FONT = "Noto Sans"
FONT_SIZE = 10.0
DOT_WRAP = 23  # characters per line of a step's text (after its #N)
ANSWER_WRAP = 14  # of an answer on an edge
# Narrower labels make a narrower, taller tree: the runbook's chart takes the first of these
# that prints on the fewest pages (see `svg`).
LABEL_WIDTHS = ((DOT_WRAP, ANSWER_WRAP), (18, 12), (15, 10), (12, 10))

# Shapes that read in black and white too: a question is a hexagon, an action a rounded
# box, an end a rounded box with a double border (the runbook's legend says so).
_DOT_SHAPES = {
    "question": {"shape": "hexagon", "margin": "0.02", "style": "filled", "fillcolor": "#fdf2d0", "color": "#b7950b"},
    "action": {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8f1fb", "color": "#2e6da4"},
    "end": {"shape": "box", "style": "rounded,filled", "peripheries": "2", "fillcolor": "#e6f4ea", "color": "#1e7e34"},
}


def _dot_label(text: str, width: int, number: int | None = None) -> str:
    """`text` on lines of at most `width` characters, the first one after the node's `#N` when given."""
    lines = textwrap.wrap(" ".join(printable(unicodedata.normalize("NFC", text)).split()), width) or [""]
    if number is not None:
        lines[0] = f"#{number} {lines[0]}"
    return "\n".join(lines)


def dot_graph(
    playbook: Playbook, lang: str | None, links: bool = False, prefix: str = "", widths: tuple[int, int] = (DOT_WRAP, ANSWER_WRAP)
):
    """A graphviz.Digraph of the tree; with links=True each node links to its runbook anchor (see `anchor`).

    `widths`: the characters per line of a step's text and of an answer.
    """
    import graphviz  # lazy: heavy, kept off start-up

    say = playbook.localizer(lang)
    size = f"{FONT_SIZE:g}"
    graph = graphviz.Digraph(
        " ".join(printable(playbook.id).split()),
        # An edge label is a `label`, which dot lays out as a node of its own: labels never overlap
        # each other or a step. nodesep keeps them clear of the edges running beside them.
        graph_attr={"rankdir": "TB", "fontname": FONT, "nodesep": "0.2", "ranksep": "0.3", "pad": "0.05"},
        node_attr={"fontname": FONT, "fontsize": size, "margin": "0.1,0.05"},
        edge_attr={"fontname": FONT, "fontsize": size, "arrowsize": "0.7"},
    )
    order = node_order(playbook)
    for node_id in order:
        node = playbook.nodes[node_id]
        label = _dot_label(say(node.text), widths[0], playbook.node_number(node_id))
        extra = {"URL": f"#{anchor(node_id, prefix)}", "target": "_self"} if links else {}
        graph.node(node_id, label=graphviz.escape(label), **_DOT_SHAPES[node.kind], **extra)
    for node_id in order:
        node = playbook.nodes[node_id]
        for choice in node.choices:
            graph.edge(node_id, choice.next, label=graphviz.escape(_dot_label(say(choice.answer), widths[1])))
        if node.next:
            graph.edge(node_id, node.next)
    return graph


def dot(playbook: Playbook, lang: str | None) -> str:
    return dot_graph(playbook, lang).source


def dot_available() -> bool:
    return shutil.which("dot") is not None


def svg(playbook: Playbook, lang: str | None, prefix: str = "") -> str | None:
    """Inline SVG of the tree, or None when Graphviz `dot` is not installed.

    Of the LABEL_WIDTHS, the first whose chart prints on the fewest pages (see `print_layout`).
    """
    if not dot_available():
        return None
    import graphviz  # lazy: heavy, kept off start-up

    best: tuple[float, str] | None = None
    for widths in LABEL_WIDTHS:
        try:
            rendered = dot_graph(playbook, lang, links=True, prefix=prefix, widths=widths).pipe(format="svg", encoding="utf-8")
        except (graphviz.ExecutableNotFound, graphviz.CalledProcessError):
            return None
        chart = rendered[rendered.index("<svg") :]  # drop the XML prolog and DOCTYPE for inline use
        printed = print_layout(chart)
        cost = printed.cost if printed is not None else 0.0
        if best is None or cost < best[0]:
            best = (cost, chart)
        if cost <= 1:  # on one upright page: no narrower labels needed
            break
    return best[1] if best else None


# --- Print: the chart on pages of its own, its text never under MIN_TEXT_PT -----------------

MIN_TEXT_PT = 8.0
_MM = 72 / 25.4
# The area a chart may fill on an A4 page, in points (width, height as the chart is read):
# the page less runbook.css's margins (14 mm at the sides and top, 18 mm at the foot) and
# room for the heading and the legend. "landscape" is a chart turned a quarter on the same
# portrait page (read with the page turned): every engine prints it alike, where a
# landscape page of its own is ignored by Chromium's print.
PAGE_AREAS = {"portrait": (182 * _MM, 238 * _MM), "landscape": (238 * _MM, 182 * _MM)}


@dataclass(frozen=True)
class PrintedChart:
    orientation: str  # "portrait", or "landscape": turned a quarter on the page
    scale: float  # printed size / Graphviz size
    parts: list[str]  # one SVG per page, left to right then top to bottom
    columns: int = 1  # how many parts side by side

    @property
    def min_text_pt(self) -> float:
        return round(FONT_SIZE * self.scale, 2)

    @property
    def cost(self) -> float:
        """How it reads: a page each, more for a chart cut into columns or turned on the page."""
        return len(self.parts) + (0.5 if self.columns > 1 else 0) + (0.3 if self.orientation == "landscape" else 0)


def print_layout(chart: str) -> PrintedChart | None:
    """How to print a Graphviz SVG with its text at MIN_TEXT_PT or more.

    On one page when it fits (upright, else turned); else cut into as few pages as the
    text size allows, across rather than down when it can, in pieces of about the same
    size, the cuts falling between steps and edge labels (never through one, unless a
    single step is larger than a page). None for an SVG without a size (not Graphviz's):
    it is printed as it is.
    """
    size = _svg_size(chart)
    if size is None:
        return None
    width, height = size
    floor = MIN_TEXT_PT / FONT_SIZE
    fits = {name: min(1.0, w / width, h / height) for name, (w, h) in PAGE_AREAS.items()}
    for name in ("portrait", "landscape"):
        if fits[name] >= floor:
            root, _ = _pieces(chart)
            return PrintedChart(name, fits[name], [_window(root, (0.0, 0.0, width, height), fits[name], name == "landscape")])

    def pages(name: str) -> tuple[int, int]:
        page_width, page_height = PAGE_AREAS[name]
        return math.ceil(height * floor / page_height), math.ceil(width * floor / page_width)

    # The fewest pages; a chart cut into columns reads worse than one cut into rows.
    name = min(("portrait", "landscape"), key=lambda n: pages(n)[0] * pages(n)[1] + (0.5 if pages(n)[1] > 1 else 0))
    rows, columns = pages(name)
    page_width, page_height = PAGE_AREAS[name]
    # As large as the pages allow without adding one, less some room for cutting between steps.
    scale = max(floor, min(1.0, 0.95 * page_width * columns / width, 0.92 * page_height * rows / height))
    root, pieces = _pieces(chart)
    row_cuts = _cuts([(box[1], box[3]) for _, _, box, whole in pieces if whole], height, page_height / scale, rows)
    column_cuts = _cuts([(box[0], box[2]) for _, _, box, whole in pieces if whole], width, page_width / scale, columns)
    turned = name == "landscape"
    parts = [_window(root, (x0, y0, x1 - x0, y1 - y0), scale, turned, pieces) for y0, y1 in row_cuts for x0, x1 in column_cuts]
    return PrintedChart(name, scale, parts, len(column_cuts))


_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_ID = re.compile(r'(<[A-Za-z][^<>]*?)\sid="[^"]*"')
_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in the chart's viewBox
Piece = tuple["Element", "Element", Box, bool]  # (parent, element, box, never to be cut)


def _svg_size(chart: str) -> tuple[float, float] | None:
    """The width and height of the chart's viewBox, in points (Graphviz's unit), or None."""
    tag = _SVG_TAG.search(chart)
    box = re.search(r'viewBox="([^"]*)"', tag.group()) if tag else None
    numbers = _NUMBER.findall(box.group(1)) if box else []
    if len(numbers) != 4 or float(numbers[2]) <= 0 or float(numbers[3]) <= 0:
        return None
    return float(numbers[2]), float(numbers[3])


def _window(root: Element, box: tuple[float, float, float, float], scale: float, turned: bool, pieces: Sequence[Piece] = ()) -> str:
    """The chart (`root`, its <svg>) showing only `box` (x, y, width, height) of its viewBox, printed
    at `scale`; `turned` a quarter to the left (its top at the page's left edge). Of `pieces`
    (see `_pieces`), those outside the box are left out: a part holds no hidden text."""
    import xml.etree.ElementTree as ET  # lazy: only printed charts need it

    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", _XLINK_NS)
    x, y, width, height = box
    removed: list[tuple[Element, int, Element]] = []
    for parent, element, (x0, y0, x1, y1), _ in pieces:
        if (x1 <= x or x0 >= x + width or y1 <= y or y0 >= y + height) and element in list(parent):
            index = list(parent).index(element)
            parent.remove(element)
            removed.append((parent, index, element))
    saved = dict(root.attrib)
    try:
        for name in ("width", "height", "viewBox"):
            root.attrib.pop(name, None)
        w, h = width * scale, height * scale
        window = f"{x:.2f} {y:.2f} {width:.2f} {height:.2f}"
        if turned:  # drawn upright as w x h, then turned by -90 degrees into a page area of h x w
            root.attrib.update({"x": "0", "y": "0", "width": f"{w:.2f}", "height": f"{h:.2f}", "viewBox": window})
            inner = ET.tostring(root, encoding="unicode")
            rendered = (
                f'<svg xmlns="{_SVG_NS}" width="{h:.2f}pt" height="{w:.2f}pt" viewBox="0 0 {h:.2f} {w:.2f}">'
                f'<g transform="translate(0 {w:.2f}) rotate(-90)">{inner}</g></svg>'
            )
        else:
            root.attrib.update({"width": f"{w:.2f}pt", "height": f"{h:.2f}pt", "viewBox": window})
            rendered = ET.tostring(root, encoding="unicode")
    finally:
        root.attrib.clear()
        root.attrib.update(saved)
        for parent, index, element in reversed(removed):
            parent.insert(index, element)
    return _ID.sub(r"\1", rendered)  # parts repeat the chart: no id twice on a page


def _pieces(chart: str) -> tuple[Element, list[Piece]]:
    """The chart parsed (its <svg>), and its steps, edges and edge labels with their boxes (in
    viewBox units): a step or a label is never to be cut, an edge may be."""
    import xml.etree.ElementTree as ET  # lazy: only printed charts need it

    root = ET.fromstring(chart)
    ns = f"{{{_SVG_NS}}}"
    graph = root.find(f"{ns}g")
    if graph is None:
        return root, []
    dx = dy = 0.0
    moved = re.search(r"translate\(\s*(" + _NUMBER.pattern + r")[ ,]+(" + _NUMBER.pattern + r")\s*\)", graph.get("transform", ""))
    if moved:
        dx, dy = float(moved.group(1)), float(moved.group(2))

    def box(xs: list[float], ys: list[float]) -> Box:
        return min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy

    pieces: list[Piece] = []
    for group in list(graph):
        kind = group.get("class")
        if kind not in ("node", "edge"):
            continue
        xs: list[float] = []
        ys: list[float] = []
        for element in group.iter():
            tag = element.tag.removeprefix(ns)
            if tag == "text":
                x, y, size = (float(element.get(k, "0")) for k in ("x", "y", "font-size"))
                half = 0.3 * size * len(element.text or "")  # about half the width of the line
                text_xs, text_ys = [x - half, x + half], [y - size, y + 0.3 * size]
                xs += text_xs
                ys += text_ys
                if kind == "edge":
                    pieces.append((group, element, box(text_xs, text_ys), True))
            elif tag in ("polygon", "polyline", "path"):
                numbers = [float(n) for n in _NUMBER.findall(element.get("points") or element.get("d") or "")]
                xs += numbers[0::2]
                ys += numbers[1::2]
            elif tag == "ellipse":
                cx, cy, rx, ry = (float(element.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
                xs += [cx - rx, cx + rx]
                ys += [cy - ry, cy + ry]
        if xs and ys:
            pieces.append((graph, group, box(xs, ys), kind == "node"))
    return root, pieces


def _cuts(blocks: list[tuple[float, float]], total: float, span: float, count: int) -> list[tuple[float, float]]:
    """[0, total] in about `count` pieces of at most `span` and of about equal length, cut in
    the gaps between blocks (at a gap's middle) where there is one."""
    merged: list[list[float]] = []
    for low, high in sorted(blocks):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    gaps = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(merged)]
    pieces: list[tuple[float, float]] = []
    start = 0.0
    while total - start > span:
        left = max(1, count - len(pieces))
        aim = start + (total - start) / left
        inside = [gap for gap in gaps if start < gap <= start + span]
        # Cuts that leave no more than the pages still to come can hold; the nearest to an even share.
        enough = [gap for gap in inside if total - gap <= span * (left - 1)]
        cut = min(enough, key=lambda gap: abs(gap - aim)) if enough else max(inside, default=start + span)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, total))
    return pieces


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


def anchor(node_id: str, prefix: str = "") -> str:
    """A step's HTML id; `prefix` keeps steps of several playbooks apart in one page (the library PDF)."""
    return f"{prefix}step-{node_id}"
