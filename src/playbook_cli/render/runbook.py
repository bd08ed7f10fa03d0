"""The template context of a runbook: template API version 1 (see docs/templates.md).

Everything here is plain data (dicts, lists, strings) in one language, so templates
need no knowledge of TEXT mappings or of Python objects.
"""

from __future__ import annotations

from typing import Any

from playbook_cli.core.durations import format_duration
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.model import Playbook
from playbook_cli.core.reply_templates import template_variables
from playbook_cli.render import flowchart

TEMPLATE_API_VERSION = 1


def runbook_context(playbook: Playbook, lang: str | None, *, diagram: str | None = None) -> dict:
    """The context of `runbook.*.j2`. `diagram` is "svg" (HTML) to include Graphviz SVG."""
    say = playbook.localizer(lang)
    order = flowchart.node_order(playbook)
    numbers = {node_id: index for index, node_id in enumerate(order, 1)}
    labels = labels_for(lang)

    def link(node_id):
        return {
            "id": node_id,
            "number": numbers[node_id],
            "anchor": flowchart.anchor(node_id),
            "text": say(playbook.nodes[node_id].text),
        }

    nodes = []
    for node_id in order:
        node = playbook.nodes[node_id]
        owner = playbook.owner_of(node)
        reply = say.optional(node.reply)
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
                "reply_variables": sorted(template_variables(reply) or ()) if reply else [],
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
            "sla": [
                {"clock": clock, "target": format_duration(target), "fulfilled_by": [link(n) for n in playbook.fulfillers(clock)]}
                for clock, target in playbook.sla.items()
            ],
            "inputs": [
                {
                    "name": spec.name,
                    "prompt": say(spec.prompt),
                    "required": spec.required,
                    "pattern": spec.pattern,
                    "default": spec.default,
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
        "sla": [{"clock": clock, "target": format_duration(target)} for clock, target in playbook.sla.items()],
    }


def index_context(entries: list[dict], lang: str | None) -> dict:
    """The context of `index.*.j2`."""
    return {"api_version": TEMPLATE_API_VERSION, "lang": lang, "labels": labels_for(lang), "playbooks": entries}
