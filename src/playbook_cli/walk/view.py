"""What the walk shows: one block per step, the SLA clocks, the closing summary.

Every function returns rich renderables built from `Text` (never markup), with all
playbook and user text passed through `safe_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
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
from playbook_cli.walk.clock_text import clock_phrase
from playbook_cli.walk.events import DueSoon
from playbook_cli.walk.sla import ClockState, ClockStatus
from playbook_cli.walk.state import WalkState

__all__ = ["RenderableType", "clock_line", "reminder", "step_block", "summary"]

KIND_STYLE = {NodeKind.QUESTION: "bold magenta", NodeKind.ACTION: "bold cyan", NodeKind.END: "bold green"}
CLOCK_STYLE = {
    ClockState.RUNNING: "green",
    ClockState.DUE_SOON: "yellow",
    ClockState.BREACHED: "bold red",
    ClockState.MET: "green",
    ClockState.MET_LATE: "red",
    ClockState.NOT_APPLICABLE: "dim",
}
CLOCK_MARK = {
    ClockState.RUNNING: "●",
    ClockState.DUE_SOON: "▲",
    ClockState.BREACHED: "✖",
    ClockState.MET: "✔",
    ClockState.MET_LATE: "✔",
    ClockState.NOT_APPLICABLE: "○",
}


def _label(text: str, style: str = "dim") -> Text:
    return Text(text, style=style)


def clock_line(statuses: list[ClockStatus], labels: Mapping[str, Any]) -> Text | None:
    if not statuses:
        return None
    line = Text("SLA ", style="bold")
    for index, status in enumerate(statuses):
        if index:
            line.append("   ")
        style = CLOCK_STYLE[status.state]
        line.append(f"{CLOCK_MARK[status.state]} ", style=style)
        line.append(safe_text(status.name, "bold"))
        line.append(" ")
        line.append(clock_phrase(status, labels), style=style)
        if status.running and status.fulfilled_by and status.state is not ClockState.NOT_APPLICABLE:
            line.append(safe_text(f" ({labels['clock_stops_at']} {', '.join(status.fulfilled_by)})", "dim"))
    return line


def reminder(event: DueSoon, labels: Mapping[str, Any]) -> Text:
    """The one-time reminder shown when a clock enters its last stretch."""
    text = labels["reminder"].format(clock=event.clock, left=event.left, stops=", ".join(event.stops_at))
    return Text("⏰ ", style="bold yellow") + safe_text(text, "bold yellow")


def step_block(playbook: Playbook, state: WalkState, node: Node, now: datetime, reply: str | None, statuses: list[ClockStatus]) -> Group:
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
    if reply is not None:
        parts.append(Rule(Text(labels["reply_copy"], style="dim"), style="dim", align="left"))
        parts.append(safe_text(reply))
        parts.append(Rule(style="dim"))
    if node.notes:
        parts.append(_label(f"{labels['notes']}: ") + safe_text(say(node.notes), "italic"))
    if node.kind is NodeKind.QUESTION:
        for number, choice in enumerate(node.choices, 1):
            parts.append(Text(f"  {number}) ", style="bold") + safe_text(say(choice.answer)))
    line = clock_line(statuses, labels)
    if line is not None:
        parts.append(line)
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
        line = Text(f"{CLOCK_MARK[status.state]} ", style=style) + safe_text(status.name, "bold") + Text(" ")
        if status.state is ClockState.NOT_APPLICABLE:
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
