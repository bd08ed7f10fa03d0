"""What the walk shows: one block per step, the SLA clocks, the closing summary.

Every function returns rich renderables built from `Text` (never markup), with all
playbook and user text passed through `safe_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

# rich is this module's purpose; it is imported only when a walk shows something.
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from playbook_cli.core.durations import format_duration, format_elapsed
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.model import Node, NodeKind, Playbook
from playbook_cli.core.text_safety import safe_text
from playbook_cli.walk.clock_text import clock_phrase, due_phrase
from playbook_cli.walk.events import DueSoon
from playbook_cli.walk.sla import ClockState, ClockStatus
from playbook_cli.walk.state import WalkState

__all__ = ["RenderableType", "Reply", "clock_lines", "numbered", "reminder", "step_block", "summary"]

KIND_STYLE = {NodeKind.QUESTION: "bold magenta", NodeKind.ACTION: "bold cyan", NodeKind.END: "bold green"}
CLOCK_STYLE = {
    ClockState.PENDING: "dim",
    ClockState.RUNNING: "green",
    ClockState.DUE_SOON: "yellow",
    ClockState.BREACHED: "bold red",
    ClockState.MET: "green",
    ClockState.MET_LATE: "red",
    ClockState.NOT_APPLICABLE: "dim",
}
CLOCK_MARK = {
    ClockState.PENDING: "◌",
    ClockState.RUNNING: "●",
    ClockState.DUE_SOON: "▲",
    ClockState.BREACHED: "✖",
    ClockState.MET: "✔",
    ClockState.MET_LATE: "✔",
    ClockState.NOT_APPLICABLE: "○",
}


def _label(text: str, style: str = "dim") -> Text:
    return Text(text, style=style)


@dataclass(frozen=True)
class Reply:
    """A step's reply, filled in, and the channel it is written for (None: every channel)."""

    text: str | None
    channel: str | None = None


def numbered(items: Iterable[str]) -> Text:
    """Options offered by number: `  1) Quý khách`."""
    lines = Text()
    for number, item in enumerate(items, 1):
        if number > 1:
            lines.append("\n")
        lines.append(f"  {number}) ", style="bold")
        lines.append(safe_text(item))
    return lines


def clock_lines(playbook: Playbook, statuses: list[ClockStatus], labels: Mapping[str, Any], lang: str | None) -> Text | None:
    """One line per clock: mark, title, how it stands, when it is due and what stops it."""
    if not statuses:
        return None
    lines = Text("SLA", style="bold")
    for status in statuses:
        style = CLOCK_STYLE[status.state]
        lines.append("\n")
        lines.append(f"  {CLOCK_MARK[status.state]} ", style=style)
        lines.append(safe_text(playbook.clock_title(status.name, lang), "dim" if status.state is ClockState.PENDING else "bold"))
        lines.append(" ")
        lines.append(clock_phrase(status, labels), style=style)
        due = due_phrase(status, labels, lang)
        if due:
            lines.append(f" · {due}", style=style)
        if status.running and status.fulfilled_by:
            lines.append(safe_text(f" ({labels['clock_stops_at']} {', '.join(status.fulfilled_by)})", "dim"))
    return lines


def reminder(playbook: Playbook, event: DueSoon, labels: Mapping[str, Any], lang: str | None) -> Text:
    """The one-time reminder shown when a clock enters its last stretch."""
    title = playbook.clock_title(event.clock, lang)
    text = labels["reminder"].format(clock=title, left=event.left, stops=", ".join(event.stops_at))
    return Text("⏰ ", style="bold yellow") + safe_text(text, "bold yellow")


def step_block(playbook: Playbook, state: WalkState, node: Node, now: datetime, reply: Reply, statuses: list[ClockStatus]) -> Group:
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    parts: list = [Rule(safe_text(f"{labels['step']} {len(state.path)} · {node.id}"), style="dim")]

    head = Text()
    head.append(f" {labels[node.kind].upper()} ", style=f"reverse {KIND_STYLE[node.kind]}")
    head.append(" ")
    head.append(safe_text(say(node.text), "bold"))
    parts.append(head)

    facts = Text()
    owner = playbook.owner_of(node)
    if owner:
        facts.append(f"{labels['owner']}: ", style="dim")
        facts.append(safe_text(playbook.role_title(owner, lang)))
    if node.within:
        spent = state.active_time(state.current.entered_at, now)
        if facts:
            facts.append(" · ")
        facts.append(f"{labels['within']}: ", style="dim")
        facts.append(format_duration(node.within))
        over = spent - node.within
        if over > timedelta(0):
            facts.append(f" ({labels['over_by']} {format_elapsed(over)})", style="bold red")
        else:
            facts.append(f" ({labels['time_left']} {format_elapsed(node.within - spent)})", style="dim")
    if facts:
        parts.append(facts)

    if node.steps:
        parts.append(_label(f"{labels['checklist']}:"))
        for step in node.steps:
            parts.append(Text("  [ ] ") + safe_text(say(step)))
    if reply.text is not None:
        heading = labels["reply_copy"] + (f" · {reply.channel}" if reply.channel else "")
        parts.append(Rule(safe_text(heading, "dim"), style="dim", align="left"))
        parts.append(safe_text(reply.text))
        others = [channel for channel in node.replies if channel != reply.channel]
        if others:
            parts.append(Rule(safe_text(f"{labels['other_channels']}: {', '.join(others)}", "dim"), style="dim", align="left"))
        else:
            parts.append(Rule(style="dim"))
    if node.notes:
        parts.append(_label(f"{labels['notes']}: ") + safe_text(say(node.notes), "italic"))
    if node.kind is NodeKind.QUESTION:
        for number, choice in enumerate(node.choices, 1):
            parts.append(Text(f"  {number}) ", style="bold") + safe_text(say(choice.answer)))
    clocks = clock_lines(playbook, statuses, labels, lang)
    if clocks is not None:
        parts.append(clocks)
    return Group(*parts)


def summary(playbook: Playbook, state: WalkState, statuses: list[ClockStatus], journal: str, handoff: str | None) -> Group:
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    end = playbook.nodes[state.current.node]
    parts: list = [Rule(Text(labels["walk_finished"], style="bold green"))]
    outcome = labels["outcomes"].get(state.outcome, str(state.outcome))
    parts.append(_label(f"{labels['outcome']}: ") + Text(outcome, style="bold") + Text(" — ") + safe_text(say(end.text)))

    table = Table("#", labels["step"], labels["owner"], labels["answer"], labels["duration"], box=None, pad_edge=False)
    for number, step in enumerate(state.path, 1):
        node = playbook.nodes[step.node]
        answer = say(node.choices[step.choice].answer) if step.choice is not None else ""
        spent = format_elapsed(state.active_time(step.entered_at, step.left_at)) if step.left_at else ""
        owner = playbook.role_title(playbook.owner_of(node), lang) or ""
        table.add_row(str(number), safe_text(f"{node.id}: {say(node.text)}"), safe_text(owner), safe_text(answer), spent)
    parts.append(table)

    for status in statuses:
        style = CLOCK_STYLE[status.state]
        line = Text(f"{CLOCK_MARK[status.state]} ", style=style) + safe_text(playbook.clock_title(status.name, lang), "bold") + Text(" ")
        if status.state in (ClockState.NOT_APPLICABLE, ClockState.PENDING):
            line.append(clock_phrase(status, labels), style=style)
        elif status.running:
            line.append(f"{labels['clock_never_stopped']}; " + clock_phrase(status, labels), style=style)
        else:
            line.append(clock_phrase(status, labels) + f" · {status.stopped_by}", style=style)
        parts.append(line)
    if state.notes:
        parts.append(_label(f"{labels['notes']}:"))
        for item in state.notes:
            parts.append(Text("  • ") + safe_text(f"[{item.node}] {item.text}"))
    parts.append(_label(f"{labels['journal']}: ") + safe_text(journal))
    if end.handoff:
        parts.append(_label(f"{labels['continue_in']}: ") + safe_text(handoff or end.handoff, "bold"))
    return Group(*parts)
