"""Write schemas/playbook.schema.json from the definitions below.

The schema is generated so that repeated pieces (TEXT, NAME, DURATION, the common
node keys) are written once; the JSON file is committed and is the contract editors
and `playbook schema` use. Run: python scripts/make_schema.py (the test suite fails,
showing the difference, when the committed file is not what this writes).
"""

import json
from pathlib import Path

SCHEMA_ID = "https://playbook-cli.dev/schemas/playbook-1.schema.json"
# Every pattern ends with `$(?!\n)`, not a bare `$`: Python's `$` (jsonschema and
# fastjsonschema use Python's re) also matches before a final newline, so "abc\n" would
# pass as a NAME; ECMA-262 (editors) reads the lookahead the same way.
END = "$(?!\\n)"
NAME_PATTERN = "^[a-z0-9][a-z0-9_-]*" + END
# At most five digits a part: 99999d is 273 years, far beyond any target, and far inside
# what a time can hold (a wider number would overflow the clock arithmetic).
DURATION_PATTERN = "^(?=.*[1-9])([0-9]{1,5}d)?([0-9]{1,5}h)?([0-9]{1,5}m)?" + END
LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" + END
DAY = "(mon|tue|wed|thu|fri|sat|sun)"
DAY_RANGE_PATTERN = f"^{DAY}(-{DAY})?{END}"
CLOCK_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]"
INTERVAL_PATTERN = f"^{CLOCK_TIME}-({CLOCK_TIME}|24:00){END}"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}" + END
HOLIDAY_PATTERN = "^([A-Z]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2})" + END
OUTCOMES = ["resolved", "escalated", "handed-off", "closed"]
EXTENSION = {"^x-": {"description": "Extension key: ignored by every tool."}}


def ref(name, description):
    # A $ref beside other keywords is read differently by draft-07 validators, so the
    # description sits in an allOf wrapper only where it helps editors.
    return {"description": description, "allOf": [{"$ref": f"#/$defs/{name}"}]}


def name_list(description, unique=False):
    names = {"description": description, "type": "array", "items": {"$ref": "#/$defs/name"}}
    return {**names, "uniqueItems": True} if unique else names


COMMON_NODE = {
    "kind": {"description": "What this step is: question, action or end.", "enum": ["question", "action", "end"]},
    "text": ref("text", "What the step says: the question asked, the action to take, or the end state."),
    "owner": ref("name", "The role that owns this step (a key of `roles`); defaults to the playbook's `owner`."),
    "within": ref("duration", "The time budget of this step, e.g. 15m or 1h30m."),
    "notes": ref("text", "Longer guidance shown with the step."),
    "asks": name_list(
        "Inputs (keys of `inputs`) asked when the walk enters this step instead of at the start, "
        "e.g. what the customer confirmed or a satisfaction score.",
        unique=True,
    ),
    "pauses": name_list(
        "SLA clocks (keys of `sla`) that stop counting while the walk waits at this step, like a ticket pending on the customer.",
        unique=True,
    ),
}


def node_kind(kind, description, extra, required, rules=None):
    return {
        "title": f"{kind} node",
        "description": description,
        "type": "object",
        "properties": {**COMMON_NODE, **extra},
        "patternProperties": EXTENSION,
        "additionalProperties": False,
        "required": ["kind", "text", *required],
        **(rules or {}),
    }


schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "playbook-cli playbook, format version 1",
    "description": "A customer-support playbook: one decision tree of questions, actions and end states "
    "for one situation. See docs/format.md.",
    "type": "object",
    "required": ["playbook", "id", "title", "start", "nodes"],
    "properties": {
        "playbook": {"description": "The format version: always 1.", "const": 1, "examples": [1]},
        "id": ref("name", "The playbook's id, unique in a library; should equal the file's stem."),
        "title": ref("text", "The situation this playbook handles, in one line."),
        "summary": ref("text", "A paragraph on when to use this playbook."),
        "languages": {
            "description": "Language codes every TEXT must carry; the first is the default.",
            "type": "array",
            "items": {"type": "string", "pattern": LANGUAGE_PATTERN},
            "minItems": 1,
            "uniqueItems": True,
            "examples": [["vi", "en"]],
        },
        "tags": {
            "description": "Free-form tags for indexes and search.",
            "type": "array",
            "items": {"type": "string"},
            "examples": [["sla", "complaint"]],
        },
        "owner": ref("name", "The default owner (a key of `roles`) of every node."),
        "roles": {
            "description": "The authority matrix: role id → the role's title.",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/text"},
            "examples": [{"agent": {"en": "Frontline agent", "vi": "Nhân viên tuyến đầu"}}],
        },
        "sla": {
            "description": "SLA clocks: clock id → a target duration, or a clock mapping with `target:`. "
            "Each runs from the moment the case was opened (or from `starts`) until a node that `fulfills` it is completed.",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {
                "title": "DURATION or clock",
                "description": "A target duration such as 4h (the same as `{target: 4h}`), or a clock mapping with `target:`.",
                "anyOf": [{"$ref": "#/$defs/duration"}, {"$ref": "#/$defs/clock"}],
            },
            "examples": [
                {"first_reply": "1h", "resolution": "4h"},
                {
                    "first_reply": "1h",
                    "complaint_reply": {
                        "title": {"vi": "Phản hồi khiếu nại đơn hàng", "en": "Order complaint answered"},
                        "target": "4h",
                        "when": ["reply-complaint"],
                        "calendar": "office",
                        "remind": "30m",
                    },
                },
            ],
        },
        "calendars": {
            "description": "Working hours: calendar id → calendar, for clocks counted in business time (a clock's `calendar:`).",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/calendar"},
            "examples": [
                {
                    "office": {
                        "timezone": "Asia/Ho_Chi_Minh",
                        "hours": {"mon-fri": ["08:00-12:00", "13:30-17:30"], "sat": ["08:00-12:00"]},
                        "holidays": ["VN", "2027-02-05"],
                    }
                }
            ],
        },
        "inputs": {
            "description": "Values asked at the start of a walk (or by the nodes that `asks` them); "
            "the variables of every `reply` template.",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/input"},
        },
        "start": ref("name", "The id of the first node."),
        "nodes": {
            "description": "The steps of the decision tree: node id → node.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/node"},
        },
        "scenarios": {
            "description": "Recorded walks with their expected end, checked by `playbook test`.",
            "type": "array",
            "items": {"$ref": "#/$defs/scenario"},
        },
    },
    "patternProperties": EXTENSION,
    "additionalProperties": False,
    "$defs": {
        "name": {
            "title": "NAME",
            "description": "An identifier: lower-case letters, digits, '-' and '_', starting with a letter or digit.",
            "type": "string",
            "pattern": NAME_PATTERN,
            "examples": ["how-late", "first_reply"],
        },
        "duration": {
            "title": "DURATION",
            "description": "A duration as <integer><unit> parts, units d, h, m in that order, e.g. 15m, 1h30m, 2d.",
            "type": "string",
            "pattern": DURATION_PATTERN,
            "examples": ["15m", "1h30m", "2d"],
        },
        "clock": {
            "title": "clock",
            "description": "An SLA clock: its target, and optionally when it applies, when it starts, "
            "the calendar it counts in and when it reminds.",
            "type": "object",
            "required": ["target"],
            "properties": {
                "target": ref("duration", "The time allowed, e.g. 4h; in business time when `calendar` is set."),
                "title": ref("text", "Shown instead of the clock's id on every screen and page."),
                "when": {
                    "title": "NAME or list",
                    "description": "The node (or nodes) that make this clock apply: it is pending until the walk enters one of them, "
                    "then counts from `starts`. Without `when` the clock applies to every walk.",
                    "anyOf": [{"$ref": "#/$defs/name"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/name"}}],
                    "examples": [["reply-complaint"], "reply-complaint"],
                },
                "starts": {
                    "description": "When the clock starts counting: `opened` (the case's opening, the default) "
                    "or the id of a node (the first time the walk enters it).",
                    "allOf": [{"$ref": "#/$defs/name"}],
                    "examples": ["opened", "triage"],
                },
                "calendar": ref("name", "A key of `calendars`: only working time of that calendar counts toward the target."),
                "remind": ref(
                    "duration",
                    "How long before the target the owner is reminded, e.g. 30m "
                    "(default: the last quarter of the target or the last 15 minutes, whichever is earlier).",
                ),
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
            "examples": [{"target": "4h", "when": ["reply-complaint"], "calendar": "office", "remind": "30m"}],
        },
        "calendar": {
            "title": "calendar",
            "description": "Working hours in a time zone, with public holidays and make-up working days.",
            "type": "object",
            "required": ["timezone", "hours"],
            "properties": {
                "timezone": {
                    "description": "An IANA time-zone name; due times are shown in it.",
                    "type": "string",
                    "minLength": 1,
                    "examples": ["Asia/Ho_Chi_Minh", "Europe/Paris"],
                },
                "hours": {
                    "description": "Working hours: a day (mon … sun) or a range of days (mon-fri) → its intervals. A day not listed is off.",
                    "type": "object",
                    "propertyNames": {"$ref": "#/$defs/day_range"},
                    "additionalProperties": {
                        "description": 'The working intervals of the day, increasing, e.g. ["08:00-12:00", "13:30-17:30"].',
                        "type": "array",
                        "minItems": 1,
                        "items": {"$ref": "#/$defs/interval"},
                    },
                    "examples": [{"mon-fri": ["08:00-12:00", "13:30-17:30"], "sat": ["08:00-12:00"]}],
                },
                "holidays": {
                    "description": 'Days off: a country code (its public holidays, e.g. VN) or a date ("2027-02-05").',
                    "type": "array",
                    "items": {"$ref": "#/$defs/holiday"},
                    "examples": [["VN", "2027-02-05"]],
                },
                "workdays": {
                    "description": "Make-up days: dates worked with Monday's hours, whatever their weekday and even on a holiday.",
                    "type": "array",
                    "items": {"$ref": "#/$defs/date"},
                    "examples": [["2026-05-09"]],
                },
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
        },
        "day_range": {
            "title": "day range",
            "description": "A day (mon, tue, wed, thu, fri, sat, sun) or a range of days such as mon-fri.",
            "type": "string",
            "pattern": DAY_RANGE_PATTERN,
            "examples": ["mon-fri", "sat"],
        },
        "interval": {
            "title": "interval",
            "description": "Working time within a day, HH:MM-HH:MM on a 24-hour clock; 24:00 may end the day.",
            "type": "string",
            "pattern": INTERVAL_PATTERN,
            "examples": ["08:00-12:00", "13:30-17:30", "22:00-24:00"],
        },
        "date": {
            "title": "date",
            "description": "An ISO date, YYYY-MM-DD.",
            "type": "string",
            "pattern": DATE_PATTERN,
            "examples": ["2027-02-05"],
        },
        "holiday": {
            "title": "holiday",
            "description": "An ISO 3166-1 alpha-2 country code (that country's public holidays) or an ISO date (one more day off).",
            "type": "string",
            "pattern": HOLIDAY_PATTERN,
            "examples": ["VN", "2027-02-05"],
        },
        "text": {
            "title": "TEXT",
            "description": "A non-empty string, or a mapping language code → non-empty string.",
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": LANGUAGE_PATTERN},
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            ],
            "examples": ["Apologise and give a firm time", {"en": "Yes", "vi": "Có"}],
        },
        "input": {
            "title": "input",
            "description": "One value asked at the start of a walk, or by the nodes that `asks` it.",
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": ref("text", "The question asked for this value."),
                "required": {"description": "Whether a value must be given (default false).", "type": "boolean"},
                "pattern": {"description": "A regular expression the value must match.", "type": "string", "examples": ["^[A-Z]+-[0-9]+$"]},
                "default": {
                    "title": "default",
                    "description": "The value used when none is given: a string, or a mapping language code → string (a default per language).",
                    "anyOf": [{"type": "string"}, {"$ref": "#/$defs/text"}],
                    "examples": ["anh/chị", {"vi": "Quý khách", "en": "Sir or Madam"}],
                },
                "hint": ref("text", 'Shown when a value fails `pattern`, instead of the regular expression, e.g. "like CS-123".'),
                "options": {
                    "description": "The values to choose from (at least two), offered numbered; the value is the chosen option in the walk's language.",
                    "type": "array",
                    "minItems": 2,
                    "items": {"$ref": "#/$defs/text"},
                    "examples": [[{"vi": "anh", "en": "Mr"}, {"vi": "chị", "en": "Ms"}]],
                },
                "measure": {
                    "description": "A satisfaction measure the value must be: csat (1-5), nps (0-10) or ces (1-7); team statistics aggregate it.",
                    "enum": ["csat", "nps", "ces"],
                },
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
        },
        "choice": {
            "title": "choice",
            "description": "One answer to a question and the node it leads to.",
            "type": "object",
            "required": ["answer", "next"],
            "properties": {
                "answer": ref("text", "The answer as the user sees it; quote Yes/No, YAML reads them as booleans."),
                "next": ref("name", "The id of the node this answer leads to."),
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
        },
        "node": {
            "title": "node",
            "description": "A step: a question, an action or an end.",
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": COMMON_NODE["kind"]},
            "allOf": [
                {"if": {"properties": {"kind": {"const": "question"}}, "required": ["kind"]}, "then": {"$ref": "#/$defs/question"}},
                {"if": {"properties": {"kind": {"const": "action"}}, "required": ["kind"]}, "then": {"$ref": "#/$defs/action"}},
                {"if": {"properties": {"kind": {"const": "end"}}, "required": ["kind"]}, "then": {"$ref": "#/$defs/end"}},
            ],
        },
        "question": node_kind(
            "question",
            "A question with at least two choices.",
            {
                "choices": {
                    "description": "The possible answers (at least two).",
                    "type": "array",
                    "minItems": 2,
                    "items": {"$ref": "#/$defs/choice"},
                }
            },
            ["choices"],
        ),
        "action": node_kind(
            "action",
            "Something to do, then go on to `next`.",
            {
                "next": ref("name", "The id of the node that follows."),
                "steps": {"description": "A checklist.", "type": "array", "items": {"$ref": "#/$defs/text"}},
                "reply": ref("text", "A customer-facing reply: a Jinja template whose variables are the playbook's inputs."),
                "replies": {
                    "description": "Customer-facing replies per channel (instead of `reply`): channel id → a Jinja template "
                    "whose variables are the playbook's inputs.",
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": NAME_PATTERN},
                    "additionalProperties": {"$ref": "#/$defs/text"},
                    "examples": [{"email": {"en": "Dear {{ customer }}, ..."}, "chat": {"en": "Hi {{ customer }}, ..."}}],
                },
                "fulfills": name_list("SLA clocks (keys of `sla`) stopped when this step is completed."),
            },
            ["next"],
            # One reply template or one per channel, not both.
            rules={"not": {"required": ["reply", "replies"]}},
        ),
        "end": node_kind(
            "end",
            "An end state of the walk.",
            {
                "outcome": {"description": "How the case ended.", "enum": OUTCOMES},
                "handoff": ref("name", "The id of another playbook to continue in (only with outcome handed-off)."),
            },
            ["outcome"],
            # 1.1: `handoff` only with outcome handed-off.
            rules={
                "if": {"required": ["handoff"]},
                "then": {"properties": {"outcome": {"description": "An end with `handoff` is handed-off.", "const": "handed-off"}}},
            },
        ),
        "scenario": {
            "title": "scenario",
            "description": "A recorded walk and its expected end.",
            "type": "object",
            "required": ["name", "answers", "expect"],
            "properties": {
                "name": {"description": "What the scenario checks.", "type": "string", "minLength": 1},
                "inputs": {"description": "Input values: input id → string.", "type": "object", "additionalProperties": {"type": "string"}},
                "answers": {
                    "description": "The choice made at each question in order: a 1-based number or the answer's text in the default language.",
                    "type": "array",
                    "items": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "minLength": 1}]},
                },
                "expect": {
                    "description": "The expected end.",
                    "type": "object",
                    "required": ["end"],
                    "properties": {
                        "end": ref("name", "The id of the end node the walk must reach."),
                        "outcome": {"description": "The expected outcome.", "enum": OUTCOMES},
                    },
                    "additionalProperties": False,
                },
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
        },
        "answers_file": {
            "title": "answers file",
            "description": "The answers to a walk (`playbook walk --answers FILE`).",
            "type": "object",
            "required": ["answers"],
            "properties": {
                "inputs": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Input values: input id → string."},
                "answers": {
                    "description": "The choice made at each question in order: a 1-based number or the answer's text.",
                    "allOf": [{"$ref": "#/$defs/scenario/properties/answers"}],
                },
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
        },
    },
}

OUT = Path(__file__).resolve().parent.parent / "schemas" / "playbook.schema.json"


def schema_json() -> str:
    """The schema file's text, exactly as committed."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.write_text(schema_json(), encoding="utf-8")
    print(f"wrote {OUT}")
