"""An incident report rebuilt from a walk journal: the JSON contract and the template context.

`report_data` is `playbook report --format json` as `../shared/spec/outputs-json.md`
defines it (report version 1); `report_context` is what the Markdown and HTML templates
see (template API version 1, docs/templates.md). Both read the clocks from the one
clock model (`walk.sla`), judged at `as_of`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from playbook_cli.core.durations import format_elapsed
from playbook_cli.core.i18n import channel_label, duration_words, format_moment, labels_for, target_words
from playbook_cli.core.inputs import filled_reply
from playbook_cli.core.model import Playbook
from playbook_cli.render.runbook import TEMPLATE_API_VERSION
from playbook_cli.walk.clock_json import clock_object, iso_seconds, seconds
from playbook_cli.walk.clock_text import clock_phrase
from playbook_cli.walk.events import Ended, Event, Paused
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import WalkState, replay

REPORT_VERSION = 1


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


def paused_time(state: WalkState, until: datetime) -> timedelta:
    """Wall time the walk stood paused (with q, or dead before a resume), up to `until`."""
    return sum(((end or until) - start for start, end in state.pauses), timedelta(0))


def report_data(playbook: Playbook, events: list[Event], journal: str, as_of: datetime) -> dict[str, Any]:
    state = replay(playbook, events)
    ended = next((event for event in events if isinstance(event, Ended)), None)
    until = ended.at if ended else as_of
    say = playbook.localizer(state.lang)
    began = state.path[0].entered_at if state.path else state.opened_at
    steps = []
    for step in state.path:
        node = playbook.nodes[step.node]
        if ended and step.node == ended.node:
            continue  # the end is where the walk stopped, not a step that took time
        steps.append(
            {
                "node": step.node,
                "entered_at": iso_seconds(step.entered_at),
                "left_at": iso_seconds(step.left_at),
                "seconds": seconds(state.active_time(step.entered_at, step.left_at)) if step.left_at else None,
                "answer": say(node.choices[step.choice].answer) if step.choice is not None else None,
                "assignee": None,
            }
        )
    return {
        "report": REPORT_VERSION,
        "playbook": {"id": playbook.id, "title": say(playbook.title), "file": playbook.path},
        "walk": {
            "journal": journal,
            "lang": state.lang,
            "channel": state.channel,
            "operator": None,
            "opened_at": iso_seconds(state.opened_at),
            "ended_at": iso_seconds(ended.at) if ended else None,
            "outcome": state.outcome.value if state.outcome else None,
            "handoff": ended.handoff if ended else None,
            "total_seconds": seconds(state.active_time(began, until)),
            "paused_seconds": seconds(paused_time(state, until)),
        },
        "inputs": dict(state.inputs),
        "steps": steps,
        "clocks": [clock_object(playbook, status, state.lang) for status in clock_statuses(playbook, state, as_of)],
        "notes": [{"at": iso_seconds(note.at), "node": note.node, "text": note.text} for note in state.notes],
    }


def report_context(playbook: Playbook, events: list[Event], journal: str, as_of: datetime) -> dict[str, Any]:
    state = replay(playbook, events)
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)

    def text(node_id: str) -> str:
        return f"{node_id}: {say(playbook.nodes[node_id].text)}"

    steps, replies = [], []
    for step in state.path:
        node = playbook.nodes[step.node]
        steps.append(
            {
                "node": step.node,
                "number": playbook.node_number(step.node),
                "text": say(node.text),
                "owner_title": playbook.role_title(playbook.owner_of(node), lang),
                "entered_at": _when(step.entered_at),
                "left_at": _when(step.left_at),
                "duration": format_elapsed(state.active_time(step.entered_at, step.left_at)) if step.left_at else None,
                "answer": say(node.choices[step.choice].answer) if step.choice is not None else None,
            }
        )
        if node.has_reply and step.left_at is not None:
            channel, _ = node.reply_for(state.channel)
            replies.append(
                {
                    "step": text(step.node),
                    "at": _when(step.left_at),
                    "channel": channel_label(lang, channel) if channel else None,
                    "text": filled_reply(playbook, node, lang, state.inputs, state.channel),
                }
            )

    clocks = []
    for status in clock_statuses(playbook, state, as_of):
        clocks.append(
            {
                "clock": status.name,
                "title": playbook.clock_title(status.name, lang),
                "has_title": status.clock.title is not None,
                "target": status.target_text,
                "target_words": target_words(status.target, lang, status.clock.calendar),
                "state": status.state.value,
                "result": clock_phrase(status, labels, lang, with_target=False),
                "due_at": format_moment(status.due_at, lang, status.timezone) if status.due_at else None,
                "counted": duration_words(status.elapsed, lang, seconds=True) if status.started_at else None,
                "paused": duration_words(status.paused, lang, seconds=True) if status.paused else None,
                "stopped_by": status.stopped_by,
            }
        )

    end = playbook.nodes[state.current.node] if state.path else None  # a journal cut after its start has no step
    return {
        "api_version": TEMPLATE_API_VERSION,
        "lang": lang,
        "labels": labels,
        "playbook": {"id": playbook.id, "title": say(playbook.title), "source": playbook.path},
        "walk": {
            "journal": journal,
            "lang": lang,
            "channel": state.channel,
            "opened_at": _when(state.opened_at),
            "as_of": _when(as_of),
            "inputs": [
                {
                    "name": name,
                    "prompt": say(playbook.inputs[name].prompt) if name in playbook.inputs else name,
                    "value": value,
                }
                for name, value in state.inputs.items()
            ],
            "steps": steps,
            "replies": replies,
            "ticked": [
                {"number": playbook.node_number(node_id), "node": node_id, "text": say(playbook.nodes[node_id].steps[item - 1])}
                for node_id, item in sorted(state.ticks, key=lambda tick: (playbook.node_number(tick[0]), tick[1]))
                if node_id in playbook.nodes and item <= len(playbook.nodes[node_id].steps)
            ],
            "notes": [{"at": _when(n.at), "step": text(n.node), "text": n.text} for n in state.notes],
            "undone": [{"node": s.node, "text": text(s.node), "entered_at": _when(s.entered_at)} for s in state.undone],
            "pauses": sum(1 for e in events if isinstance(e, Paused)),
            "clocks": clocks,
            "ended": state.ended,
            "outcome": state.outcome.value if state.outcome else None,
            "outcome_label": labels["outcomes"].get(state.outcome) if state.outcome else None,
            "end_text": say(end.text) if state.ended and end else None,
            "handoff": end.handoff if state.ended and end else None,
        },
    }
