"""The words of schema findings: hints, and a message per kind of wrong value.

`core.schema` decides which jsonschema error becomes which finding and where; this
module says it. Every message names what is wrong and what to write instead.
"""

from __future__ import annotations

import re
from typing import Any

REQUIRED_HINTS = {
    "playbook": "`playbook: 1` as the first key",
    "id": "`id: <the file name without .yaml>`",
    "title": "`title:` with a one-line description of the situation",
    "start": "`start: <id of the first node>`",
    "nodes": "`nodes:` with at least one node",
    "kind": "`kind: question`, `kind: action` or `kind: end`",
    "text": "`text:` saying what this step is",
    "next": "`next: <id of the node that follows>`",
    "choices": "`choices:` with at least two `- {answer: ..., next: ...}`",
    "outcome": "`outcome: resolved` (or escalated, handed-off, closed)",
    "answer": '`answer: "..."`',
    "prompt": "`prompt:` with the question asked for this value",
    "name": "`name:` describing the scenario",
    "answers": "`answers: [...]` with the choice made at each question",
    "expect": "`expect: {end: <end node id>}`",
    "end": "`end: <end node id>`",
    "target": "`target: 4h`",
    "timezone": "`timezone: Asia/Ho_Chi_Minh` (an IANA time-zone name)",
    "hours": '`hours: {mon-fri: ["08:00-17:00"]}` (the working hours; a day not listed is off)',
}

WRONG_KIND_HINTS = {
    ("question", "next"): "a question leads on through its `choices`, each with its own `next`",
    ("end", "next"): "an end node finishes the walk; use `handoff: <playbook id>` to continue in another playbook",
    ("end", "choices"): "an end node has no choices; make it a `question`",
    ("action", "choices"): "an action has one `next`; make it a `question` to branch",
    ("question", "reply"): "only actions carry a `reply`",
    ("question", "steps"): "only actions carry `steps`",
    ("end", "steps"): "only actions carry `steps`",
    ("end", "reply"): "only actions carry a `reply`",
    ("question", "replies"): "only actions carry `replies`",
    ("end", "replies"): "only actions carry `replies`",
    ("question", "fulfills"): "only actions fulfil SLA clocks",
    ("end", "fulfills"): "only actions fulfil SLA clocks; fulfil the clock on the action before this end",
    ("action", "outcome"): "only end nodes have an `outcome`",
    ("question", "outcome"): "only end nodes have an `outcome`",
}

BOTH_REPLIES = "an action has either `reply` (one template) or `replies` (one per channel), not both; move the reply under `replies`"
HANDOFF_OUTCOME = (
    "`handoff` continues the case in another playbook, so the outcome must be `handed-off`; change the outcome or remove `handoff`"
)

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_INTERVAL_EXAMPLE = 'write intervals like "08:00-12:00" (HH:MM-HH:MM on a 24-hour clock; 24:00 may end the day)'


def type_name(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def where(error) -> str:
    title = error.schema.get("title", "") if isinstance(error.schema, dict) else ""
    path = list(error.absolute_path)
    if title.endswith(" node") and len(path) >= 2 and path[0] == "nodes":
        return f"{title} '{path[1]}'"
    if title in ("choice", "input", "scenario", "clock", "calendar"):
        return f"this {title}"
    if not path:
        return "the top level"
    return f"'{path[-1]}'"


def titles(error) -> set[str]:
    """Titles of the schema that failed and of the definitions it was reached through."""
    found = set()
    node = error
    while node is not None:
        if isinstance(node.schema, dict) and "title" in node.schema:
            found.add(node.schema["title"])
        node = node.parent
    return found


def text_message(instance: Any, raw: str | None) -> str:
    if isinstance(instance, bool) and raw is not None:
        return f'YAML reads {raw} as the boolean {str(instance).lower()}, not as text; write "{raw}" in quotes'
    if isinstance(instance, (int, float)) and raw is not None:
        return f'YAML reads {raw} as a number, not as text; write "{raw}" in quotes'
    if instance is None or instance == "":
        return "this text is empty; write a string, or a mapping of language code to string ({en: ..., vi: ...})"
    return f"expected text (a string, or a mapping of language code to string), got {type_name(instance)}"


def neither_message(title: str, instance: Any, raw: str | None) -> str:
    """A value that fits none of the alternatives of the schema titled `title`."""
    if title == "DURATION or clock":
        return f"{type_name(instance)} is not a clock: a clock is a duration like 4h or a mapping with `target:`"
    if title == "NAME or list":
        return f"{type_name(instance)} is not accepted here: write a node id or a list of node ids, e.g. `when: [reply-complaint]`"
    return text_message(instance, raw)


def type_message(error, raw: str | None, seen: set[str]) -> str:
    instance = error.instance
    expected = error.validator_value
    path = tuple(error.absolute_path)
    is_number = isinstance(instance, (int, float)) and not isinstance(instance, bool)
    if "DURATION" in seen:
        if is_number:
            shown = raw if raw is not None else instance
            return f"a bare number ({shown}) is not a duration: durations look like 90m or 1h30m (units d, h, m)"
        return f"expected a duration like 15m or 1h30m, got {type_name(instance)}"
    if "interval" in seen and raw is not None:
        what = "boolean" if isinstance(instance, bool) else "number" if is_number else "value"
        return f'YAML reads {raw} as a {what}, not as text; write intervals in quotes, like "08:00-12:00"'
    if expected == "array" and len(path) >= 2 and path[-2] == "hours":
        return f'write the hours of {path[-1]} as a list of intervals, e.g. {path[-1]}: ["08:00-12:00", "13:30-17:30"]'
    if expected == "string" and raw is not None:
        what = "boolean" if isinstance(instance, bool) else "number" if is_number else "value"
        return f'YAML reads {raw} as a {what}, not as text; write "{raw}" in quotes'
    names = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "a whole number", "boolean": "true or false"}
    wanted = names.get(expected, str(expected)) if isinstance(expected, str) else " or ".join(names.get(e, e) for e in expected)
    return f"expected {wanted}, got {type_name(instance)}"


def _slug(value: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", value.strip().lower()).strip("-_")
    return slug or "my-id"


def day_message(key: str) -> str:
    """A key of `hours` that is not a day or a range of days."""
    guess = "-".join(part.strip().lower()[:3] for part in str(key).split("-"))
    fits = guess != key and all(part in _DAYS for part in guess.split("-")) and guess.count("-") <= 1
    suggestion = f" (did you mean '{guess}'?)" if fits else ""
    return f"'{key}' is not a day: write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri{suggestion}"


def pattern_message(instance: Any, title: str | None, path: tuple) -> str:
    if title == "DURATION":
        if re.fullmatch(r"(?:[0-9]+d)?(?:[0-9]+h)?(?:[0-9]+m)?", str(instance)):
            return f"'{instance}' is longer than any target can mean: write at most 5 digits a part (99999d)"
        return f"'{instance}' is not a duration: durations look like 90m or 1h30m (parts <number><unit>, units d, h, m in that order)"
    if title == "interval":
        return f"'{instance}' is not an interval: {_INTERVAL_EXAMPLE}"
    if title == "date":
        return f"'{instance}' is not a date: write an ISO date such as \"2027-02-05\" (YYYY-MM-DD)"
    if title == "holiday":
        if isinstance(instance, str) and re.fullmatch("[A-Za-z]{2}", instance):
            return f"'{instance}' is not a country code: country codes are upper case, write {instance.upper()}"
        return f"'{instance}' is not a holiday: write a country code such as VN (its public holidays) or a date such as \"2027-02-05\""
    if title == "NAME" or path[-1:] in (("id",), ("start",), ("next",), ("owner",), ("handoff",), ("end",)):
        return f"'{instance}' is not a valid id: use lower-case letters, digits, '-' and '_', e.g. '{_slug(str(instance))}'"
    if "languages" in path:
        return f"'{instance}' is not a language code; write a code such as 'vi' or 'en'"
    return f"'{instance}' does not match the expected pattern"


def too_few_message(error) -> str | None:
    """minItems / minProperties on the keys that have their own words (None: the default message)."""
    path = tuple(error.absolute_path)
    last = path[-1] if path else None
    if error.validator == "minItems":
        if last == "choices":
            return "a question needs at least two choices; add another or make this node an action"
        if last == "options":
            return "an input needs at least two options to choose from; add another or remove `options`"
        if last == "when":
            return "an empty `when` never applies; name at least one node, or remove `when` to apply the clock to every walk"
        if len(path) >= 2 and path[-2] == "hours":
            return f'{last} has no working interval; write one such as "08:00-12:00", or remove {last} to make it a day off'
    if error.validator == "minProperties":
        if path == ("nodes",):
            return "a playbook needs at least one node under `nodes`"
        if last == "replies":
            return "`replies` needs at least one channel, e.g. `email: ...`; for a single template use `reply`"
    return None
