"""Write schemas/playbook.schema.json from the definitions below.

The schema is generated so that repeated pieces (TEXT, NAME, DURATION, the common
node keys) are written once; the JSON file is committed and is the contract editors
and `playbook schema` use. Run: python scripts/make_schema.py (the test suite fails,
showing the difference, when the committed file is not what this writes).
"""

import json
from pathlib import Path

SCHEMA_ID = "https://playbook-cli.dev/schemas/playbook-1.schema.json"
NAME_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
DURATION_PATTERN = "^(?=.*[1-9])([0-9]+d)?([0-9]+h)?([0-9]+m)?$"
LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
EXTENSION = {"^x-": {"description": "Extension key: ignored by every tool."}}


def ref(name, description):
    # A $ref beside other keywords is read differently by draft-07 validators, so the
    # description sits in an allOf wrapper only where it helps editors.
    return {"description": description, "allOf": [{"$ref": f"#/$defs/{name}"}]}


def name_list(description):
    return {"description": description, "type": "array", "items": {"$ref": "#/$defs/name"}}


COMMON_NODE = {
    "kind": {"description": "What this step is: question, action or end.", "enum": ["question", "action", "end"]},
    "text": ref("text", "What the step says: the question asked, the action to take, or the end state."),
    "owner": ref("name", "The role that owns this step (a key of `roles`); defaults to the playbook's `owner`."),
    "within": ref("duration", "The time budget of this step, e.g. 15m or 1h30m."),
    "notes": ref("text", "Longer guidance shown with the step."),
}


def node_kind(kind, description, extra, required):
    return {
        "title": f"{kind} node",
        "description": description,
        "type": "object",
        "properties": {**COMMON_NODE, **extra},
        "patternProperties": EXTENSION,
        "additionalProperties": False,
        "required": ["kind", "text", *required],
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
            "description": "SLA clocks: clock id → target. Each runs from the moment the case was opened "
            "until a node that `fulfills` it is completed.",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "additionalProperties": {"$ref": "#/$defs/duration"},
            "examples": [{"first_reply": "1h", "resolution": "4h"}],
        },
        "inputs": {
            "description": "Values asked at the start of a walk; the variables of every `reply` template.",
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
            "description": "One value asked at the start of a walk.",
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": ref("text", "The question asked for this value."),
                "required": {"description": "Whether a value must be given (default false).", "type": "boolean"},
                "pattern": {"description": "A regular expression the value must match.", "type": "string", "examples": ["^[A-Z]+-[0-9]+$"]},
                "default": {"description": "The value used when none is given.", "type": "string"},
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
                "fulfills": name_list("SLA clocks (keys of `sla`) stopped when this step is completed."),
            },
            ["next"],
        ),
        "end": node_kind(
            "end",
            "An end state of the walk.",
            {
                "outcome": {"description": "How the case ended.", "enum": ["resolved", "escalated", "handed-off", "closed"]},
                "handoff": ref("name", "The id of another playbook to continue in."),
            },
            ["outcome"],
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
                        "outcome": {"description": "The expected outcome.", "enum": ["resolved", "escalated", "handed-off", "closed"]},
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
