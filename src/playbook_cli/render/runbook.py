"""The template context of a runbook: template API version 1 (see docs/templates.md).

Everything here is plain data (dicts, lists, strings) in one language, so templates
need no knowledge of TEXT mappings or of Python objects.
"""

from __future__ import annotations

import base64
import functools
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from playbook_cli.core.calendars import Calendar
from playbook_cli.core.durations import format_duration
from playbook_cli.core.i18n import channel_label, duration_words, labels_for, target_words
from playbook_cli.core.model import OPENED, Clock, Playbook
from playbook_cli.core.reply_templates import template_variables
from playbook_cli.render import flowchart
from playbook_cli.render.jinja import printable

TEMPLATE_API_VERSION = 1

# Words of printed pages that the message catalogues (core/messages) do not have yet.
PRINT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "page_number": "Page {page} of {pages}",
        "contents": "Contents",
        "page": "Page",
        "details": "How to enter",
        "legend": "Legend",
        "chart_part": "part {part} of {parts}",
        "chart_continued": "The flowchart goes on over {parts} pages; cut lines fall between steps.",
    },
    "vi": {
        "page_number": "Trang {page}/{pages}",
        "contents": "Mục lục",
        "page": "Trang",
        "details": "Cách nhập",
        "legend": "Chú thích",
        "chart_part": "phần {part}/{parts}",
        "chart_continued": "Sơ đồ được in trên {parts} trang, cắt giữa các bước.",
    },
}

# Tags are plain strings in the format, written in any language (the library writes them
# in Vietnamese). A page shows each in its language through this glossary, one concept a
# row (its id, then how each language writes it, then other spellings met); a tag the
# glossary lacks is shown as written.
TAG_GLOSSARY: tuple[dict[str, Any], ...] = (
    {"id": "sla", "en": "SLA", "vi": "SLA"},
    {"id": "reply", "en": "reply", "vi": "phản hồi"},
    {"id": "late-reply", "en": "late reply", "vi": "phản hồi chậm"},
    {"id": "complaint", "en": "complaint", "vi": "khiếu nại"},
    {"id": "angry-customer", "en": "upset customer", "vi": "khách hàng bức xúc"},
    {"id": "empathy", "en": "empathy", "vi": "đồng cảm"},
    {"id": "follow-up", "en": "follow-up", "vi": "hỏi thăm khách hàng", "also": ("chăm sóc sau",)},
    {"id": "satisfaction", "en": "satisfaction", "vi": "mức độ hài lòng"},
    {"id": "competitor", "en": "competitor", "vi": "đối thủ cạnh tranh"},
    {"id": "competition", "en": "competition", "vi": "cạnh tranh"},
    {"id": "retention", "en": "retention", "vi": "giữ chân khách hàng"},
    {"id": "planning", "en": "planning", "vi": "lập kế hoạch"},
    {"id": "staffing", "en": "staffing", "vi": "nhân sự"},
    {"id": "24-7", "en": "24/7 support", "vi": "hỗ trợ 24/7", "also": ("24/7",)},
    {"id": "knowledge-base", "en": "knowledge base", "vi": "cơ sở tri thức", "also": ("cơ sở kiến thức",)},
    {"id": "consistency", "en": "consistent information", "vi": "thông tin thống nhất", "also": ("nhất quán",)},
    {"id": "loyalty", "en": "loyal customers", "vi": "khách hàng thân thiết"},
    {"id": "appreciation", "en": "customer appreciation", "vi": "tri ân khách hàng"},
    {"id": "feedback", "en": "feedback", "vi": "góp ý"},
    {"id": "public-review", "en": "public reviews", "vi": "đánh giá công khai"},
    {"id": "reputation", "en": "reputation", "vi": "uy tín"},
    {"id": "pricing", "en": "price", "vi": "giá"},
    {"id": "escalation", "en": "escalation", "vi": "chuyển cấp"},
    {"id": "root-cause", "en": "root cause", "vi": "nguyên nhân gốc rễ", "also": ("nguyên nhân gốc",)},
    {"id": "proactive", "en": "proactive", "vi": "chủ động"},
    {"id": "notification", "en": "notification", "vi": "thông báo"},
    {"id": "incident", "en": "incident", "vi": "sự cố"},
    {"id": "maintenance", "en": "maintenance", "vi": "bảo trì"},
    {"id": "outage", "en": "outage", "vi": "gián đoạn dịch vụ"},
    {"id": "review", "en": "review", "vi": "đánh giá"},
    {"id": "quality", "en": "quality", "vi": "chất lượng"},
)


@functools.cache
def _tag_index() -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for row in TAG_GLOSSARY:
        for spelling in (row["id"], *(v for k, v in row.items() if k not in ("id", "also")), *row.get("also", ())):
            index.setdefault(_tag_key(spelling), row)
    return index


def _tag_key(tag: str) -> str:
    return " ".join(unicodedata.normalize("NFC", tag).casefold().replace("-", " ").split())


# The bundled fonts (render/fonts/, OFL): full Vietnamese coverage for text and replies.
FONT_FILES = (
    ("Noto Sans", 400, "NotoSans-Regular.subset.woff2"),
    ("Noto Sans", 700, "NotoSans-Bold.subset.woff2"),
    ("Noto Sans Mono", 400, "NotoSansMono-Regular.subset.woff2"),
)
# The ranges the fonts were cut to (render/fonts/README.md): other characters fall back to the reader's fonts.
FONT_RANGES = (
    "U+0000-00FF, U+0102-0103, U+0110-0111, U+0128-0129, U+0131, U+0152-0153, U+0168-0169, U+01A0-01A1, U+01AF-01B0, "
    "U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0300-0304, U+0306, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+2000-206F, "
    "U+2074, U+20AB, U+20AC, U+2122, U+2190-2193, U+2212, U+2215, U+25A1, U+FEFF, U+FFFD"
)


@functools.cache
def font_faces() -> Markup:
    """`@font-face` rules embedding the bundled fonts as data URIs: the page stays one file, fetches nothing."""
    folder = files("playbook_cli.render") / "fonts"
    rules = []
    for family, weight, name in FONT_FILES:
        data = base64.b64encode((folder / name).read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: {weight}; font-display: block; '
            f'src: url(data:font/woff2;base64,{data}) format("woff2"); unicode-range: {FONT_RANGES}; }}'
        )
    return Markup("\n".join(rules))


def print_labels(lang: str | None) -> dict[str, Any]:
    """The catalogue's labels for `lang`, with the words of printed pages (PRINT_LABELS) added."""
    return {**labels_for(lang), **PRINT_LABELS.get(lang or "en", PRINT_LABELS["en"])}


def css_string(text: str, *, one_line: bool = True) -> Markup:
    """`text` as a quoted CSS string, safe inside <style>: quotes, backslashes, < > & and control characters as escapes.

    `one_line` puts the text on one line with single spaces (a title); without, spaces are kept as they are.
    """
    shown = " ".join(printable(text).split()) if one_line else printable(text)
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>&' or not c.isprintable() else c for c in shown)
    return Markup(f'"{escaped}"')


def page_number_css(template: str) -> Markup:
    """A label like "Trang {page}/{pages}" as CSS generated content: strings and page counters."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece, one_line=False))
    return Markup(" ".join(parts))


def print_style(lang: str | None, running_title: str | None) -> dict[str, Markup]:
    """The `print_style` context key: the fonts, and the running footer of printed pages.

    `running_title` is the title in the footer; None takes it from the page (the `h1` of
    each playbook in the library PDF, through CSS named strings).
    """
    labels = print_labels(lang)
    return {
        "font_faces": font_faces(),
        "running_title": css_string(running_title) if running_title is not None else Markup("string(running-title)"),
        "page_number": page_number_css(labels["page_number"]),
    }


def tag_title(tag: str, lang: str | None) -> str:
    """A tag as `lang` writes it (TAG_GLOSSARY), whatever language it was written in; as written when unknown."""
    row = _tag_index().get(_tag_key(tag))
    return str(row.get(lang or "en", tag)) if row else tag


def format_date(day: date, lang: str | None) -> str:
    """A date as the language writes it: dd/mm/yyyy in Vietnamese (vi-style.md), ISO otherwise."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def nfc(value: Any) -> Any:
    """Every string in `value` (dicts, lists) in Unicode NFC: a letter typed as base + marks prints as one glyph."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: nfc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [nfc(item) for item in value]
    return value


def clock_entry(playbook: Playbook, clock: Clock, lang: str | None, link: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """A clock for pages: its title, target (and calendar) and when it applies, in words."""
    target = format_duration(clock.target)
    calendar = playbook.calendars.get(clock.calendar) if clock.calendar else None
    return {
        "clock": clock.name,
        "title": playbook.clock_title(clock.name, lang),
        "has_title": clock.title is not None,
        "target": target,
        "calendar": clock.calendar,
        "timezone": calendar.timezone_name if calendar else None,
        "target_words": target_words(clock.target, lang, clock.calendar),
        "remind": duration_words(clock.remind_window, lang),
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
    holidays += [format_date(day, lang) for day in sorted(calendar.extra_holidays)]
    return {
        "name": calendar.name,
        "timezone": calendar.timezone_name,
        "hours": rows,
        "holidays": holidays,
        "workdays": [format_date(day, lang) for day in sorted(calendar.workdays)],
    }


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def runbook_context(playbook: Playbook, lang: str | None, *, diagram: str | None = None, anchor_prefix: str = "") -> dict:
    """The context of `runbook.*.j2`. `diagram` is "svg" (HTML) to include Graphviz SVG.

    `anchor_prefix` goes before every step's HTML id, so that several runbooks can share
    one page (the library PDF). Every string is in NFC.
    """
    say = playbook.localizer(lang)
    order = list(playbook.nodes)  # file order: a node's number is its position in the file
    numbers = {node_id: playbook.node_number(node_id) for node_id in order}
    labels = print_labels(lang)

    def anchor(node_id: str) -> str:
        return flowchart.anchor(node_id, anchor_prefix)

    def link(node_id):
        return {
            "id": node_id,
            "number": numbers[node_id],
            "anchor": anchor(node_id),
            "text": say(playbook.nodes[node_id].text),
        }

    def clock_ref(name: str) -> dict[str, Any]:
        clock = playbook.sla.get(name)
        return {"clock": name, "title": playbook.clock_title(name, lang), "has_title": clock is not None and clock.title is not None}

    def input_prompt(name: str) -> str:
        spec = playbook.inputs.get(name)
        return say(spec.prompt) if spec else name

    nodes = []
    for node_id in order:
        node = playbook.nodes[node_id]
        owner = playbook.owner_of(node)
        replies = [
            {
                "channel": channel,
                "channel_title": channel_label(lang, channel) if channel else None,
                "text": say(template),
                "variables": sorted(template_variables(say(template)) or ()),
            }
            for channel, template in ([(None, node.reply)] if node.reply is not None else list(node.replies.items()))
        ]
        reply = replies[0]["text"] if replies else None
        nodes.append(
            {
                "id": node.id,
                "number": numbers[node_id],
                "anchor": anchor(node_id),
                "kind": node.kind.value,
                "kind_label": labels[node.kind],
                "text": say(node.text),
                "owner": owner,
                "owner_title": playbook.role_title(owner, lang),
                "within": duration_words(node.within, lang) if node.within else None,
                "notes": say.optional(node.notes),
                "steps": [say(step) for step in node.steps],
                "reply": reply,
                "reply_variables": replies[0]["variables"] if replies else [],
                "replies": replies,
                "asks": [input_prompt(name) for name in node.asks],
                "pauses": [playbook.clock_title(name, lang) for name in node.pauses],
                "fulfills": list(node.fulfills),
                "fulfills_clocks": [clock_ref(name) for name in node.fulfills],
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
        "print": None,
        "outline": [],
        "notice": None,
    }
    if diagram == "svg":
        chart["svg"] = flowchart.svg(playbook, lang, prefix=anchor_prefix)
        if chart["svg"] is not None:
            printed = flowchart.print_layout(chart["svg"])
            if printed is not None:
                chart["print"] = {
                    "orientation": printed.orientation,
                    "scale": round(printed.scale, 3),
                    "min_text_pt": printed.min_text_pt,
                    "parts": [Markup(part) for part in printed.parts],
                }
            chart["svg"] = Markup(chart["svg"])
        else:
            chart["notice"] = labels["no_dot"]
            chart["outline"] = [
                {"depth": item.depth, "via": item.via, "seen_before": item.seen_before, **link(item.node)}
                for item in flowchart.outline(playbook, lang)
            ]

    title = say(playbook.title)
    context = {
        "api_version": TEMPLATE_API_VERSION,
        "lang": lang,
        "labels": labels,
        "print_style": print_style(lang, title),
        "embedded": False,
        "playbook": {
            "id": playbook.id,
            "source": playbook.path,
            "sha256": playbook.sha256,
            "title": title,
            "summary": say.optional(playbook.summary),
            "languages": list(playbook.languages),
            "tags": list(playbook.tags),
            "tag_titles": [tag_title(tag, lang) for tag in playbook.tags],
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
    return nfc(context)


def index_entry(playbook: Playbook, lang: str | None, href: str) -> dict:
    say = playbook.localizer(lang)
    return {
        "id": playbook.id,
        "href": href,
        "title": say(playbook.title),
        "summary": say.optional(playbook.summary),
        "tags": list(playbook.tags),
        "tag_titles": [tag_title(tag, lang) for tag in playbook.tags],
        "owner": playbook.owner,
        "owner_title": playbook.role_title(playbook.owner, lang),
        "node_count": len(playbook.nodes),
        "sla": [
            {
                "clock": clock.name,
                "title": playbook.clock_title(clock.name, lang),
                "has_title": clock.title is not None,
                "target": format_duration(clock.target),
                "target_words": target_words(clock.target, lang, clock.calendar),
            }
            for clock in playbook.sla.values()
        ],
    }


def index_context(entries: list[dict], lang: str | None, books: list[dict] | None = None) -> dict:
    """The context of `index.*.j2`.

    `books` makes it the library PDF: the index as a table of contents, then every runbook
    ({id, anchor, html}: `html` is the runbook rendered with `embedded`, HTML taken as
    safe), each entry's `href` pointing at its book's `anchor`.
    """
    labels = print_labels(lang)
    return nfc(
        {
            "api_version": TEMPLATE_API_VERSION,
            "lang": lang,
            "labels": labels,
            "print_style": print_style(lang, None if books else labels["library"]),
            "playbooks": entries,
            "books": [{**book, "html": Markup(book["html"])} for book in books or []],
        }
    )
