"""The template context of a runbook: template API version 1 (see docs/templates.md).

Everything here is plain data (dicts, lists, strings) in one language, so templates
need no knowledge of TEXT mappings or of Python objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playbook_cli.core.calendars import Calendar
from playbook_cli.core.durations import format_duration
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.model import OPENED, Clock, Playbook
from playbook_cli.core.reply_templates import template_variables
from playbook_cli.render import flowchart

TEMPLATE_API_VERSION = 1


def clock_entry(playbook: Playbook, clock: Clock, lang: str | None, link: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """A clock for pages: its title, target (and calendar) and when it applies, in words."""
    labels = labels_for(lang)
    target = format_duration(clock.target)
    calendar = playbook.calendars.get(clock.calendar) if clock.calendar else None
    return {
        "clock": clock.name,
        "title": playbook.clock_title(clock.name, lang),
        "has_title": clock.title is not None,
        "target": target,
        "calendar": clock.calendar,
        "timezone": calendar.timezone_name if calendar else None,
        "target_words": target + (f" ({labels['business_hours'].format(calendar=clock.calendar)})" if clock.calendar else ""),
        "remind": format_duration(clock.remind_window),
        "when": [link(node) for node in clock.when if node in playbook.nodes],
        "starts": link(clock.starts) if clock.starts != OPENED and clock.starts in playbook.nodes else None,
        "fulfilled_by": [link(n) for n in playbook.fulfillers(clock.name)],
    }


def calendar_entry(calendar: Calendar, lang: str | None) -> dict[str, Any]:
    """A calendar for pages: its zone, its working hours grouped by runs of days, its days off."""
    labels = labels_for(lang)
    days = labels["weekdays"]
    runs: list[tuple[int, int, str]] = []  # (first weekday, last weekday, hours): days alike grouped
    for weekday, intervals in enumerate(calendar.hours):
        shown = ", ".join(f"{_hhmm(start)}–{_hhmm(end)}" for start, end in intervals) or labels["day_off"]
        if runs and runs[-1][2] == shown:
            runs[-1] = (runs[-1][0], weekday, shown)
        else:
            runs.append((weekday, weekday, shown))
    rows = [{"days": days[first] if first == last else f"{days[first]}–{days[last]}", "hours": shown} for first, last, shown in runs]
    holidays = [labels["public_holidays"].format(country=code) for code in calendar.holiday_countries]
    holidays += [day.isoformat() for day in sorted(calendar.extra_holidays)]
    return {
        "name": calendar.name,
        "timezone": calendar.timezone_name,
        "hours": rows,
        "holidays": holidays,
        "workdays": [day.isoformat() for day in sorted(calendar.workdays)],
    }


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def runbook_context(playbook: Playbook, lang: str | None, *, diagram: str | None = None) -> dict:
    """The context of `runbook.*.j2`. `diagram` is "svg" (HTML) to include Graphviz SVG."""
    say = playbook.localizer(lang)
    order = list(playbook.nodes)  # file order: a node's number is its position in the file
    numbers = {node_id: playbook.node_number(node_id) for node_id in order}
    labels = labels_for(lang)

    def link(node_id):
        return {
            "id": node_id,
            "number": numbers[node_id],
            "anchor": flowchart.anchor(node_id),
            "text": say(playbook.nodes[node_id].text),
        }

    def input_prompt(name: str) -> str:
        spec = playbook.inputs.get(name)
        return say(spec.prompt) if spec else name

    nodes = []
    for node_id in order:
        node = playbook.nodes[node_id]
        owner = playbook.owner_of(node)
        replies = [
            {"channel": channel, "text": say(template), "variables": sorted(template_variables(say(template)) or ())}
            for channel, template in ([(None, node.reply)] if node.reply is not None else list(node.replies.items()))
        ]
        reply = replies[0]["text"] if replies else None
        nodes.append(
            {
                "id": node.id,
                "number": numbers[node_id],
                "anchor": flowchart.anchor(node_id),
                "kind": node.kind.value,
                "kind_label": labels[node.kind],
                "text": say(node.text),
                "owner": owner,
                "owner_title": playbook.role_title(owner, lang),
                "within": format_duration(node.within) if node.within else None,
                "notes": say.optional(node.notes),
                "steps": [say(step) for step in node.steps],
                "reply": reply,
                "reply_variables": replies[0]["variables"] if replies else [],
                "replies": replies,
                "asks": [input_prompt(name) for name in node.asks],
                "pauses": [playbook.clock_title(name, lang) for name in node.pauses],
                "fulfills": list(node.fulfills),
                "choices": [{"answer": say(c.answer), "next": link(c.next)} for c in node.choices],
                "next": link(node.next) if node.next else None,
                "outcome": node.outcome.value if node.outcome else None,
                "outcome_label": labels["outcomes"].get(node.outcome) if node.outcome else None,
                "handoff": node.handoff,
            }
        )

    owns: dict[str, list[dict[str, Any]]] = {role: [] for role in playbook.roles}
    for entry in nodes:
        if entry["owner"] in owns:
            owns[entry["owner"]].append(link(entry["id"]))

    chart: dict[str, Any] = {
        "mermaid": flowchart.mermaid(playbook, lang),
        "dot": flowchart.dot(playbook, lang),
        "svg": None,
        "outline": [],
        "notice": None,
    }
    if diagram == "svg":
        chart["svg"] = flowchart.svg(playbook, lang)
        if chart["svg"] is None:
            chart["notice"] = labels["no_dot"]
            chart["outline"] = [
                {"depth": item.depth, "via": item.via, "seen_before": item.seen_before, **link(item.node)}
                for item in flowchart.outline(playbook, lang)
            ]

    return {
        "api_version": TEMPLATE_API_VERSION,
        "lang": lang,
        "labels": labels,
        "playbook": {
            "id": playbook.id,
            "source": playbook.path,
            "sha256": playbook.sha256,
            "title": say(playbook.title),
            "summary": say.optional(playbook.summary),
            "languages": list(playbook.languages),
            "tags": list(playbook.tags),
            "owner": playbook.owner,
            "owner_title": playbook.role_title(playbook.owner, lang),
            "roles": [{"id": role, "title": say(title), "owns": owns[role]} for role, title in playbook.roles.items()],
            "sla": [clock_entry(playbook, clock, lang, link) for clock in playbook.sla.values()],
            "calendars": [calendar_entry(calendar, lang) for calendar in playbook.calendars.values()],
            "inputs": [
                {
                    "name": spec.name,
                    "prompt": say(spec.prompt),
                    "required": spec.required,
                    "pattern": spec.pattern,
                    "default": say.optional(spec.default),
                    "hint": say.optional(spec.hint),
                    "options": [say(option) for option in spec.options],
                    "measure": spec.measure.value if spec.measure else None,
                    "asked_at": [link(node.id) for node in playbook.nodes.values() if spec.name in node.asks],
                }
                for spec in playbook.inputs.values()
            ],
            "start": link(playbook.start),
            "nodes": nodes,
        },
        "flowchart": chart,
    }


def index_entry(playbook: Playbook, lang: str | None, href: str) -> dict:
    say = playbook.localizer(lang)
    return {
        "id": playbook.id,
        "href": href,
        "title": say(playbook.title),
        "summary": say.optional(playbook.summary),
        "tags": list(playbook.tags),
        "owner": playbook.owner,
        "owner_title": playbook.role_title(playbook.owner, lang),
        "node_count": len(playbook.nodes),
        "sla": [
            {
                "clock": clock.name,
                "title": playbook.clock_title(clock.name, lang),
                "has_title": clock.title is not None,
                "target": format_duration(clock.target),
            }
            for clock in playbook.sla.values()
        ],
    }


def index_context(entries: list[dict], lang: str | None) -> dict:
    """The context of `index.*.j2`."""
    return {"api_version": TEMPLATE_API_VERSION, "lang": lang, "labels": labels_for(lang), "playbooks": entries}
