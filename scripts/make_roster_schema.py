"""Write schemas/roster.schema.json, the schema of a team's roster (docs: ../shared/spec/roster-format.md).

The calendar definitions (and NAME) are taken from the playbook schema that
scripts/make_schema.py builds, so a shift is written exactly like a playbook's
calendar and the two can never drift apart. Run: python scripts/make_roster_schema.py
(the test suite fails, showing the difference, when the committed file is not what
this writes).
"""

import json
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLAYBOOK = runpy.run_path(str(HERE / "make_schema.py"))  # its definitions; its __main__ block does not run
SCHEMA_ID = "https://playbook-cli.dev/schemas/roster-1.schema.json"
NAME_PATTERN = PLAYBOOK["NAME_PATTERN"]
EXTENSION = PLAYBOOK["EXTENSION"]
ref = PLAYBOOK["ref"]
SHARED_DEFS = ("name", "calendar", "day_range", "interval", "date", "holiday")
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+" + PLAYBOOK["END"]


def role_list(description):
    # Not uniqueItems: a role listed twice is reported, located at the repeat, by roster/duplicate-role.
    return {"description": description, "type": "array", "items": {"$ref": "#/$defs/name"}, "examples": [["agent", "lead"]]}


schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "playbook-cli roster, format version 1",
    "description": "A team's roster: the people behind the roles that playbooks name (`owner:`), their shifts and their "
    "backups. One roster serves a whole library; the walk assigns each step to a person on duty.",
    "type": "object",
    "required": ["roster", "timezone", "people"],
    "properties": {
        "roster": {"description": "The roster format version: always 1. A file whose first key is `roster` is a roster.", "const": 1},
        "timezone": {
            "description": "An IANA time-zone name: the zone in which status and stats show times (each calendar still names its own).",
            "type": "string",
            "minLength": 1,
            "examples": ["Asia/Ho_Chi_Minh"],
        },
        "calendars": {
            "description": "Shifts: calendar id → calendar, the same shape as a playbook's calendars; a person's `shift` names one.",
            "type": "object",
            "propertyNames": {"pattern": NAME_PATTERN},
            "patternProperties": EXTENSION,
            "additionalProperties": {"$ref": "#/$defs/calendar"},
            "examples": [
                {
                    "day": {"timezone": "Asia/Ho_Chi_Minh", "hours": {"mon-sat": ["08:00-17:00"]}, "holidays": ["VN"]},
                    "night": {"timezone": "Asia/Ho_Chi_Minh", "hours": {"mon-sun": ["00:00-08:00", "17:00-24:00"]}},
                }
            ],
        },
        "people": {
            "description": "The team: person id (what journals record and `--as` takes) → person, in the order ties are broken; "
            "keys starting with x- are ignored.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": NAME_PATTERN},
            "patternProperties": EXTENSION,
            "additionalProperties": {"$ref": "#/$defs/person"},
        },
    },
    "patternProperties": EXTENSION,
    "additionalProperties": False,
    "$defs": {
        "person": {
            "title": "person",
            "description": "One member of the team: the roles they hold, their shift and the roles they back up.",
            "type": "object",
            "required": ["roles"],
            "properties": {
                "name": {
                    "description": "The name shown on screens and in statistics (default: the person's id).",
                    "type": "string",
                    "minLength": 1,
                    "examples": ["Nguyễn Thị Lan"],
                },
                "roles": role_list("The roles (as playbooks name them in `owner:`) this person holds; at least one."),
                "shift": ref("name", "A key of `calendars`: when this person is on duty. Without a shift, always on duty."),
                "backup_for": role_list("Roles this person covers when nobody holding them is on duty."),
                "email": {
                    "description": "Where reminders for this person go.",
                    "type": "string",
                    "pattern": EMAIL_PATTERN,
                    "examples": ["lan@example.com"],
                },
            },
            "patternProperties": EXTENSION,
            "additionalProperties": False,
            "examples": [{"name": "Lê Thị Chi", "roles": ["agent"], "shift": "night", "backup_for": ["technical", "lead"]}],
        },
        **{name: PLAYBOOK["schema"]["$defs"][name] for name in SHARED_DEFS},
    },
}

OUT = HERE.parent / "schemas" / "roster.schema.json"


def schema_json() -> str:
    """The schema file's text, exactly as committed."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.write_text(schema_json(), encoding="utf-8")
    print(f"wrote {OUT}")
