"""What the walk shows: one block per step, the SLA clocks, alerts, the toolbar, the summary.

Every function returns rich renderables built from `Text` (never markup), with all
playbook and user text passed through `safe_text`, and every word from the message
catalogue in the walk's language. Text wraps on word boundaries (the walk's console
wraps; nothing here pads or cuts), so an 80-column terminal never splits a word.
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

from playbook_cli.core.durations import parse_duration
from playbook_cli.core.i18n import channel_label, duration_words, format_moment, labels_for, text
from playbook_cli.core.model import Node, NodeKind, Playbook
from playbook_cli.core.roster import Assignment
from playbook_cli.core.text_safety import safe_text, terminal_safe
from playbook_cli.walk.clock_text import clock_phrase, due_phrase
from playbook_cli.walk.events import Breached, DueSoon
from playbook_cli.walk.sla import ClockState, ClockStatus
from playbook_cli.walk.state import WalkState
from playbook_cli.walk.terminal import Fragments

__all__ = [
    "RenderableType", "Reply", "checklist", "clock_lines", "keys_help", "note_line", "numbered",
    "overdue", "reminder", "step_block", "summary", "toolbar",
]  # fmt: skip

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


def _label(words: str, style: str = "dim") -> Text:
    """Styled words that keep their style to themselves when more text is added after them."""
    return Text.assemble((words, style))


@dataclass(frozen=True)
class Reply:
    """A step's reply, filled in, and the channel it is written for (None: every channel)."""

    text: str | None
    channel: str | None = None


def step_name(playbook: Playbook, node_id: str, lang: str | None) -> str:
    """`#4 Xin lỗi và hẹn thời gian cụ thể`: a node as people refer to it."""
    return f"#{playbook.node_number(node_id)} {playbook.localizer(lang)(playbook.nodes[node_id].text)}"


def numbered(items: Iterable[str]) -> Text:
    """Options offered by number: `  1) Quý khách`."""
    lines = Text()
    for number, item in enumerate(items, 1):
        if number > 1:
            lines.append("\n")
        lines.append(f"  {number}) ", style="bold")
        lines.append(safe_text(item))
    return lines


def note_line(words: str) -> Text:
    return Text.assemble(("✔ ", "green"), safe_text(words))


def clock_lines(playbook: Playbook, statuses: list[ClockStatus], labels: Mapping[str, Any], lang: str | None) -> Text | None:
    """One line per clock: mark, title, how it stands, when it is due and what stops it."""
    if not statuses:
        return None
    lines = Text(labels["sla_result"], style="bold")
    for status in statuses:
        style = CLOCK_STYLE[status.state]
        lines.append("\n")
        lines.append(f"  {CLOCK_MARK[status.state]} ", style=style)
        lines.append(safe_text(playbook.clock_title(status.name, lang), "dim" if status.state is ClockState.PENDING else "bold"))
        lines.append(" ")
        lines.append(clock_phrase(status, labels, lang), style=style)
        due = due_phrase(status, labels, lang)
        if due:
            lines.append(f" · {due}", style=style)
        if status.running and status.fulfilled_by:
            stops = ", ".join(f"#{playbook.node_number(node)}" for node in status.fulfilled_by)
            lines.append(safe_text(f" ({labels['clock_stops_at']} {stops})", "dim"))
        if status.state is ClockState.PENDING:
            starts = status.clock.when or (status.clock.starts,)
            where = ", ".join(f"#{playbook.node_number(node)}" for node in starts if node in playbook.nodes)
            lines.append(safe_text(f" ({labels['applies_when']} {where})", "dim"))
    return lines


def reminder(playbook: Playbook, event: DueSoon, labels: Mapping[str, Any], lang: str | None) -> Text:
    """The reminder shown when a clock enters its remind window, once per walk."""
    left = parse_duration(event.left)
    stops = ", ".join(step_name(playbook, node, lang) for node in event.stops_at if node in playbook.nodes)
    words = labels["reminder"].format(
        clock=playbook.clock_title(event.clock, lang), left=duration_words(left, lang) if left else event.left, stops=stops
    )
    return Text("⏰ ", style="bold yellow") + safe_text(words, "bold yellow")


def overdue(playbook: Playbook, event: Breached, labels: Mapping[str, Any], lang: str | None) -> Text:
    """The alert shown when a clock passes its due time, once per walk."""
    target = parse_duration(event.target)
    clock = playbook.sla.get(event.clock)
    working = clock is not None and clock.calendar is not None
    words = labels["overdue_alert"].format(
        clock=playbook.clock_title(event.clock, lang), target=duration_words(target, lang, working=working) if target else event.target
    )
    return Text("⛔ ", style="bold red") + safe_text(words, "bold red")


def toolbar(playbook: Playbook, state: WalkState, statuses: list[ClockStatus]) -> Fragments:
    """The bottom line, redrawn every second: where the walk is, who owns the step, each clock."""
    lang = state.lang
    labels = labels_for(lang)
    node = playbook.nodes[state.current.node]
    fragments: Fragments = [("bold", terminal_safe(f" #{playbook.node_number(node.id)} "))]
    owner = playbook.role_title(playbook.owner_of(node), lang)
    if owner:
        fragments.append(("", terminal_safe(f"{labels['owner']}: {owner} ")))
    toolbar_style = {
        ClockState.RUNNING: "ansigreen", ClockState.DUE_SOON: "ansiyellow bold", ClockState.BREACHED: "ansired bold",
        ClockState.MET: "ansigreen", ClockState.MET_LATE: "ansired", ClockState.PENDING: "ansigray",
    }  # fmt: skip
    for status in statuses:
        if status.state in (ClockState.NOT_APPLICABLE, ClockState.PENDING):
            continue
        title = terminal_safe(playbook.clock_title(status.name, lang))
        if status.state in (ClockState.RUNNING, ClockState.DUE_SOON):
            value = duration_words(status.left, lang, seconds=True)
        elif status.state is ClockState.BREACHED and status.stopped_at is None:
            value = f"{labels['breached']} {duration_words(status.overdue, lang, seconds=True)}"
        else:
            value = clock_phrase(status, labels, lang, with_target=False)
        fragments.append((toolbar_style[status.state], f"│ {CLOCK_MARK[status.state]} {title} {value} "))
    return fragments


def checklist(playbook: Playbook, state: WalkState, node: Node) -> Text:
    """The step's checklist, each item numbered for `t N`, ticked items marked."""
    say = playbook.localizer(state.lang)
    lines = Text(f"{text(state.lang, 'checklist')}:", style="dim")
    for number, item in enumerate(node.steps, 1):
        done = (node.id, number) in state.ticks
        lines.append("\n")
        lines.append(f"  [{'x' if done else ' '}] {number}. ", style="green" if done else "")
        lines.append(safe_text(say(item)))
    return lines


def keys_help(lang: str | None) -> Text:
    return safe_text(text(lang, "keys_help"))


def _budget(node: Node, state: WalkState, now: datetime, labels: Mapping[str, Any], lang: str | None) -> Text:
    facts = Text()
    if not node.within:
        return facts
    spent = state.active_time(state.current.entered_at, now)
    facts.append(f"{labels['within']}: ", style="dim")
    facts.append(duration_words(node.within, lang))
    over = spent - node.within
    if over > timedelta(0):
        facts.append(f" ({labels['over_by']} {duration_words(over, lang, seconds=True)})", style="bold red")
    else:
        facts.append(f" ({labels['time_left']} {duration_words(node.within - spent, lang, seconds=True)})", style="dim")
    return facts


def owner_words(playbook: Playbook, node: Node, lang: str | None, assignment: Assignment | None) -> str | None:
    """ "Kỹ thuật — Trần Văn Minh (người trực thay)", or who comes on duty next when nobody is on it."""
    role = playbook.owner_of(node)
    if role is None:
        return None
    words = playbook.role_title(role, lang) or role
    if assignment is None:
        return words
    if assignment.person is not None:
        backup = f" ({text(lang, 'backup')})" if assignment.backup else ""
        return f"{words} — {assignment.person.display_name}{backup}"
    if assignment.next_person is not None and assignment.next_at is not None:
        when = format_moment(assignment.next_at, lang, assignment.next_at.tzinfo)
        return f"{words} — {text(lang, 'nobody_on_duty_next', person=assignment.next_person.display_name, when=when)}"
    return f"{words} — {text(lang, 'nobody_on_duty')}"


def step_block(
    playbook: Playbook,
    state: WalkState,
    node: Node,
    now: datetime,
    reply: Reply,
    statuses: list[ClockStatus],
    assignment: Assignment | None = None,
) -> Group:
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    parts: list[RenderableType] = [Rule(safe_text(f"{labels['step']} {len(state.path)}"), style="dim")]

    head = Text()
    head.append(f" {labels[node.kind].upper()} ", style=f"reverse {KIND_STYLE[node.kind]}")
    head.append(f" #{playbook.node_number(node.id)} ", style="bold")
    head.append(safe_text(say(node.text), "bold"))
    parts.append(head)

    facts = Text()
    owner = owner_words(playbook, node, lang, assignment)
    if owner:
        facts.append(f"{labels['owner']}: ", style="dim")
        facts.append(safe_text(owner))
    budget = _budget(node, state, now, labels, lang)
    if facts and budget:
        facts.append(" · ")
    facts.append_text(budget)
    if facts:
        parts.append(facts)

    if node.steps:
        parts.append(checklist(playbook, state, node))
    if reply.text is not None:
        heading = labels["reply_copy"] + (f" · {channel_label(lang, reply.channel)}" if reply.channel else "")
        parts.append(Rule(safe_text(heading, "dim"), style="dim", align="left"))
        parts.append(safe_text(reply.text))
        others = [channel for channel in node.replies if channel != reply.channel]
        if others:
            named = ", ".join(channel_label(lang, channel) for channel in others)
            parts.append(Rule(safe_text(f"{labels['other_channels']}: {named}", "dim"), style="dim", align="left"))
        else:
            parts.append(Rule(style="dim"))
    if node.notes:
        parts.append(_label(f"{labels['notes']}: ") + safe_text(say(node.notes), "italic"))
    if node.kind is NodeKind.QUESTION:
        parts.append(numbered(say(choice.answer) for choice in node.choices))
    clocks = clock_lines(playbook, statuses, labels, lang)
    if clocks is not None:
        parts.append(clocks)
    return Group(*parts)


def summary(playbook: Playbook, state: WalkState, statuses: list[ClockStatus], journal: str, handoff: str | None) -> Group:
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    end = playbook.nodes[state.current.node]
    parts: list[RenderableType] = [Rule(Text(labels["walk_finished"], style="bold green"))]
    outcome = labels["outcomes"].get(state.outcome, str(state.outcome))
    parts.append(_label(f"{labels['outcome']}: ") + Text(outcome, style="bold") + Text(" — ") + safe_text(say(end.text)))

    table = Table("", labels["step"], labels["owner"], labels["answer"], labels["duration"], box=None, pad_edge=False)
    for step in state.path:
        node = playbook.nodes[step.node]
        answer = say(node.choices[step.choice].answer) if step.choice is not None else ""
        spent = duration_words(state.active_time(step.entered_at, step.left_at), lang, seconds=True) if step.left_at else ""
        owner = playbook.role_title(playbook.owner_of(node), lang) or ""
        table.add_row(f"#{playbook.node_number(node.id)}", safe_text(say(node.text)), safe_text(owner), safe_text(answer), spent)
    parts.append(table)

    for status in statuses:
        style = CLOCK_STYLE[status.state]
        line = Text(f"{CLOCK_MARK[status.state]} ", style=style) + safe_text(playbook.clock_title(status.name, lang), "bold") + Text(" ")
        if status.state in (ClockState.NOT_APPLICABLE, ClockState.PENDING):
            line.append(clock_phrase(status, labels, lang), style=style)
        elif status.running:
            line.append(f"{labels['clock_never_stopped']}; " + clock_phrase(status, labels, lang), style=style)
        else:
            stopped = f" · #{playbook.node_number(status.stopped_by)}" if status.stopped_by else ""
            line.append(clock_phrase(status, labels, lang) + stopped, style=style)
        parts.append(line)
    if state.notes:
        parts.append(_label(f"{labels['notes']}:"))
        for item in state.notes:
            parts.append(Text("  • ") + safe_text(f"[#{playbook.node_number(item.node)}] {item.text}"))
    parts.append(_label(f"{labels['journal']}: ") + safe_text(journal))
    if end.handoff:
        parts.append(_label(f"{labels['continue_in']}: ") + safe_text(handoff or end.handoff, "bold"))
    return Group(*parts)
