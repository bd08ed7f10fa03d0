"""The template context of an incident report, rebuilt from a walk journal (API version 1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from playbook_cli.core.durations import format_elapsed
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.inputs import filled_reply
from playbook_cli.core.model import Playbook
from playbook_cli.render.runbook import TEMPLATE_API_VERSION
from playbook_cli.walk.clock_text import clock_phrase
from playbook_cli.walk.events import Event, Paused
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import replay


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


def report_context(playbook: Playbook, events: list[Event], journal: str) -> dict[str, Any]:
    state = replay(playbook, events)
    lang = state.lang
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    last_time = events[-1].at

    def text(node_id):
        node = playbook.nodes[node_id]
        return f"{node_id}: {say(node.text)}"

    steps, replies = [], []
    for step in state.path:
        node = playbook.nodes[step.node]
        steps.append(
            {
                "node": step.node,
                "text": say(node.text),
                "owner_title": playbook.role_title(playbook.owner_of(node), lang),
                "entered_at": _when(step.entered_at),
                "left_at": _when(step.left_at),
                "duration": format_elapsed(state.active_time(step.entered_at, step.left_at)) if step.left_at else None,
                "answer": say(node.choices[step.choice].answer) if step.choice is not None else None,
            }
        )
        if node.reply is not None and step.left_at is not None:
            replies.append({"step": text(step.node), "at": _when(step.left_at), "text": filled_reply(playbook, node, lang, state.inputs)})

    clocks = [
        {
            "clock": status.name,
            "target": status.target_text,
            "state": status.state.value,
            "result": clock_phrase(status, labels, with_target=False),
            "stopped_by": status.stopped_by,
        }
        for status in clock_statuses(playbook, state, last_time)
    ]

    end = playbook.nodes[state.current.node]
    return {
        "api_version": TEMPLATE_API_VERSION,
        "lang": lang,
        "labels": labels,
        "playbook": {"id": playbook.id, "title": say(playbook.title), "source": playbook.path},
        "walk": {
            "journal": journal,
            "lang": lang,
            "opened_at": _when(state.opened_at),
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
            "notes": [{"at": _when(n.at), "step": text(n.node), "text": n.text} for n in state.notes],
            "undone": [{"node": s.node, "text": text(s.node), "entered_at": _when(s.entered_at)} for s in state.undone],
            "pauses": sum(1 for e in events if isinstance(e, Paused)),
            "clocks": clocks,
            "ended": state.ended,
            "outcome": state.outcome.value if state.outcome else None,
            "outcome_label": labels["outcomes"].get(state.outcome) if state.outcome else None,
            "end_text": say(end.text) if state.ended else None,
            "handoff": end.handoff if state.ended else None,
        },
    }
