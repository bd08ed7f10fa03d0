"""The roster (../shared/spec/roster-format.md): the people behind the roles playbooks name.

Playbooks say `owner: technical`; a team's roster says who holds each role, on which
shift (a calendar, the same shape as a playbook's) and who backs it up. It is its own
file because people change far more often than playbooks, and one roster serves a
whole library.

Three things live here, in core, because both lint and the walk need them and neither
may import the other: reading a roster (`load_roster`, which refuses one with errors,
as the walk must), each check of the spec as a function of the raw data (lint's
`roster/*` rules call the same functions, so both report the same located messages),
and the assignment rule (`assign`). Assignment is pure: the instant and each person's
open walks are inputs, so the walk, status and tests all get the same answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from playbook_cli.core.calendars import CALENDAR_KEYS, Calendar, CalendarError, build_calendar, calendar_problems
from playbook_cli.core.calendars import _timezone_problems as timezone_problems
from playbook_cli.core.errors import InvalidPlaybookError, PlaybookLoadError
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.core.loader import LoadedDocument, load_file
from playbook_cli.core.schema import _explain as explain_schema_error
from playbook_cli.core.structure import mapping, sequence
from playbook_cli.core.suggest import closest

ROSTER_KEY = "roster"


def is_roster(data: object) -> bool:
    """Whether loaded data is a roster: a mapping whose first key is `roster` (a playbook's is `playbook`)."""
    return isinstance(data, dict) and next(iter(data), None) == ROSTER_KEY


# ---------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Person:
    """One member of the team. `name` is the id (the key under `people`): what journals record and `--as` takes."""

    name: str
    display_name: str
    roles: tuple[str, ...]
    shift: str | None = None  # a calendar of the roster; None: always on duty
    backup_for: tuple[str, ...] = ()
    email: str | None = None


@dataclass(frozen=True)
class Roster:
    """A checked roster. `people` keeps the file's order, which breaks the last ties of assignment."""

    path: str
    timezone: ZoneInfo
    calendars: Mapping[str, Calendar]
    people: tuple[Person, ...]

    def person(self, name: str) -> Person | None:
        return next((person for person in self.people if person.name == name), None)

    def holders(self, role: str) -> tuple[Person, ...]:
        return tuple(person for person in self.people if role in person.roles)

    def backups(self, role: str) -> tuple[Person, ...]:
        return tuple(person for person in self.people if role in person.backup_for)

    @property
    def covered_roles(self) -> frozenset[str]:
        """Every role someone holds or backs up: what a step may be owned by and still be assigned."""
        return frozenset(role for person in self.people for role in (*person.roles, *person.backup_for))

    def on_duty(self, person: Person, at: datetime) -> bool:
        """Whether `at` lies inside a working interval of the person's shift (always, without a shift).

        Intervals are half-open: a day shift 08:00-17:00 is off duty at 17:00 sharp, when
        the night shift starting at 17:00 is on. Compared in UTC, as calendars require.
        """
        if person.shift is None:
            return True
        calendar = self.calendars[person.shift]
        instant = _utc(at)
        day = instant.astimezone(calendar.timezone).date()
        return any(start.astimezone(UTC) <= instant < end.astimezone(UTC) for start, end in calendar.working_intervals(day))

    def next_on_duty(self, person: Person, at: datetime) -> datetime | None:
        """The first instant at or after `at` the person is on duty, in the roster's zone; None if their shift never works."""
        if person.shift is None:
            return _utc(at).astimezone(self.timezone)
        try:
            return self.calendars[person.shift].next_working_instant(_utc(at)).astimezone(self.timezone)
        except CalendarError:
            return None


@dataclass(frozen=True)
class Assignment:
    """Who gets a step owned by `role`; when nobody does, who holding the role comes on duty first, and when."""

    role: str
    person: Person | None  # None: nobody holding or backing up the role is on duty
    backup: bool = False  # the person covers the role from `backup_for`
    next_person: Person | None = None  # only when unassigned
    next_at: datetime | None = None  # in the roster's zone


def assign(roster: Roster, role: str, at: datetime, load: Mapping[str, int]) -> Assignment:
    """The spec's rule: the holders of `role` on duty at `at`, else its backups on duty, else nobody.

    Among several, the one with the fewest walks in `load` (person id → open walks
    assigned to them), then the first in the roster: `min` keeps the first of equals,
    and the candidates are in roster order. Unassigned, the answer names the holder
    coming on duty soonest (same tie-breaks); a role nobody holds has no one to name.
    """
    _utc(at)

    def open_walks(person: Person) -> int:
        return load.get(person.name, 0)

    for backup, candidates in ((False, roster.holders(role)), (True, roster.backups(role))):
        on_duty = [person for person in candidates if roster.on_duty(person, at)]
        if on_duty:
            return Assignment(role, min(on_duty, key=open_walks), backup=backup)
    upcoming = [(start, person) for person in roster.holders(role) if (start := roster.next_on_duty(person, at)) is not None]
    if not upcoming:
        return Assignment(role, None)
    start, person = min(upcoming, key=lambda pair: (pair[0].astimezone(UTC), open_walks(pair[1])))
    return Assignment(role, None, next_person=person, next_at=start)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone; give an aware datetime")
    return moment.astimezone(UTC)


# ---------------------------------------------------------------------------
# The checks of the spec, on raw data that may have any shape (lint runs them even when the schema has found errors)


class RosterProblem(NamedTuple):
    """One problem: the path in the roster, what to write instead, and whether it stands at the key rather than the value."""

    path: tuple[Any, ...]
    message: str
    on_key: bool = False


def _entries(data: object, key: str) -> dict[str, Any]:
    """The NAME → value entries of `people` or `calendars`; `x-` keys are ignored everywhere in a roster."""
    return {name: value for name, value in mapping(mapping(data).get(key)).items() if not str(name).startswith("x-")}


def _people(data: object) -> dict[str, dict]:
    return {name: person for name, person in _entries(data, "people").items() if isinstance(person, dict)}


def unknown_shifts(data: object) -> Iterator[RosterProblem]:
    """A `shift` naming no calendar of the roster (a malformed name is the schema's to report)."""
    calendars = list(_entries(data, "calendars"))
    for name, person in _people(data).items():
        shift = person.get("shift")
        if not isinstance(shift, str) or shift in calendars or not _fits("name", shift):
            continue
        if calendars:
            close = closest(shift, calendars)
            guess = f" (did you mean '{close}'?)" if close else ""
            names = ", ".join(calendars)
            message = f"shift '{shift}' names no calendar{guess}; write one of the roster's calendars ({names}), or remove `shift` to keep {name} always on duty"
        else:
            message = f"shift '{shift}' names no calendar, and the roster has none; add `calendars: {{{shift}: ...}}`, or remove `shift`"
        yield RosterProblem(("people", name, "shift"), message)


def duplicate_roles(data: object) -> Iterator[RosterProblem]:
    """A role listed twice in a person's `roles` or `backup_for`, or backed up by someone who holds it."""
    for name, person in _people(data).items():
        held: set[str] = set()
        for index, role in enumerate(sequence(person.get("roles"))):
            if not isinstance(role, str):
                continue  # the schema reports it
            if role in held:
                yield RosterProblem(("people", name, "roles", index), f"'{role}' is already among {name}'s roles; remove this repeat")
            held.add(role)
        backed: set[str] = set()
        for index, role in enumerate(sequence(person.get("backup_for"))):
            path = ("people", name, "backup_for", index)
            if not isinstance(role, str):
                continue
            if role in backed:
                yield RosterProblem(path, f"'{role}' is already in {name}'s backup_for; remove this repeat")
            elif role in held:
                yield RosterProblem(path, f"{name} holds '{role}', so backing it up adds nothing; remove it from backup_for")
            backed.add(role)


def people_without_roles(data: object) -> Iterator[RosterProblem]:
    """A person whose `roles` is empty: no step could ever be theirs (a missing `roles` is the schema's to report)."""
    for name, person in _people(data).items():
        if person.get("roles") == []:
            message = f"{name} holds no role, so no step is ever assigned to them; list at least one, e.g. roles: [agent]"
            yield RosterProblem(("people", name, "roles"), message)


def bad_timezone(data: object) -> Iterator[RosterProblem]:
    """A top-level `timezone` that is not an IANA name (an empty or non-string one is the schema's to report)."""
    zone = mapping(data).get("timezone")
    if isinstance(zone, str) and zone:
        for problem in timezone_problems(zone):
            yield RosterProblem(("timezone",), problem.message)


def calendar_issues(data: object) -> Iterator[RosterProblem]:
    """Every problem of each shift calendar, as for a playbook's calendars, except the shapes the schema reports."""
    for name, raw in _entries(data, "calendars").items():
        if not isinstance(raw, dict):
            continue
        for path, message in calendar_problems(raw):
            if not _schema_reports(raw, tuple(path)):
                # A problem with a day key (listed twice, backwards) stands at the key; any other at its value.
                yield RosterProblem(("calendars", name, *path), message, on_key=len(path) == 2 and path[0] == "hours")


# Rule id → check: lint has one rule module per entry (lint/rules/roster_*.py); load_roster runs them all.
ROSTER_CHECKS: dict[str, Callable[[object], Iterator[RosterProblem]]] = {
    "roster/unknown-shift": unknown_shifts,
    "roster/duplicate-role": duplicate_roles,
    "roster/no-roles": people_without_roles,
    "roster/unknown-timezone": bad_timezone,
    "roster/invalid-calendar": calendar_issues,
}


def _schema_reports(raw: dict, path: tuple[Any, ...]) -> bool:
    """Whether the schema already reports what stands at `path` of a calendar, so the check says nothing more."""
    if not path or path[0] not in CALENDAR_KEYS:
        return True  # not a mapping, a required key missing, an unknown key
    value: Any = raw
    for step in path:
        inside = isinstance(value, dict) and step in value
        inside = inside or (isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value))
        value = value[step] if inside else None
    if len(path) == 1:
        if path[0] == "timezone":
            return not isinstance(value, str) or not value
        return not isinstance(value, dict if path[0] == "hours" else list)
    if path[0] == "hours" and len(path) == 2:
        return not _fits("day_range", path[1]) or not isinstance(value, list) or not value
    if path[0] == "hours":
        return not _fits("interval", value)
    return not _fits("holiday" if path[0] == "holidays" else "date", value)


def _fits(definition: str, value: object) -> bool:
    """Whether `value` is a string matching the roster schema's pattern for `definition`."""
    return isinstance(value, str) and _pattern(definition).search(value) is not None


@cache
def _pattern(definition: str) -> re.Pattern[str]:
    return re.compile(roster_schema()["$defs"][definition]["pattern"])


# ---------------------------------------------------------------------------
# The schema


def roster_schema_text() -> str:
    """The roster schema as shipped: in the wheel's data, or in the source tree when run from a checkout."""
    packaged = resources.files("playbook_cli") / "data" / "roster.schema.json"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[3] / "schemas" / "roster.schema.json").read_text(encoding="utf-8")


@cache
def roster_schema() -> dict:
    return json.loads(roster_schema_text())


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator  # lazy: heavy, kept off start-up

    return Draft202012Validator(roster_schema())


def roster_schema_findings(doc: LoadedDocument) -> list[Finding]:
    """Every way `doc` breaks the roster schema, located, in the words the playbook schema uses (`schema/*` rules)."""
    findings: dict[tuple, Finding] = {}
    for error in _validator().iter_errors(doc.data):
        for finding in _explain(error, doc):
            findings.setdefault((finding.line, finding.column, finding.message), finding)
    return sorted(findings.values(), key=Finding.sort_key)


def _explain(error: Any, doc: LoadedDocument) -> Iterator[Finding]:
    """The roster's own words where a playbook's would mislead; core.schema's for everything else."""
    path = tuple(error.absolute_path)
    if error.validator == "const" and path == ("roster",):
        yield _error(doc, path, f"unsupported roster version {error.instance!r}; write `roster: 1`")
    elif error.validator == "pattern" and path[-1:] == ("email",):
        yield _error(doc, path, f"'{error.instance}' is not an e-mail address; write one such as lan@example.com")
    elif error.validator == "minProperties" and path == ("people",):
        yield _error(doc, path, "a roster needs at least one person under `people`, e.g. lan: {roles: [agent]}")
    elif error.validator == "required" and len(path) == 2 and path[0] == "people" and "roles" not in error.instance:
        message = f"{path[1]} has no `roles`; add the roles they hold, e.g. roles: [agent]"
        yield _error(doc, path, message, rule="schema/required", key=True)
    else:
        yield from explain_schema_error(error, doc)


def _error(doc: LoadedDocument, path: tuple, message: str, rule: str = "schema/value", key: bool = False) -> Finding:
    line, column = doc.key_position(path) if key else doc.value_position(path)
    return Finding(doc.path, line, column, rule, Severity.ERROR, message)


# ---------------------------------------------------------------------------
# Reading


def roster_findings(doc: LoadedDocument) -> list[Finding]:
    """Every error of a loaded roster: what the loader noticed, the schema, and each check of the spec."""
    findings = list(doc.problems) + roster_schema_findings(doc)
    for rule, check in ROSTER_CHECKS.items():
        for problem in check(doc.data):
            line, column = doc.key_position(problem.path) if problem.on_key else doc.value_position(problem.path)
            findings.append(Finding(doc.path, line, column, rule, Severity.ERROR, problem.message))
    return sorted(findings, key=Finding.sort_key)


def load_roster(path: str | Path) -> Roster:
    """Read a roster for the walk or status: refused (InvalidPlaybookError, located findings) if it has any error."""
    try:
        doc = load_file(path)
    except PlaybookLoadError as exc:
        raise InvalidPlaybookError(str(path), [exc.finding]) from None
    if not is_roster(doc.data):
        message = "this is not a roster: a roster starts with `roster: 1` (see schemas/roster.schema.json)"
        raise InvalidPlaybookError(str(path), [Finding(doc.path, 1, 1, "schema/required", Severity.ERROR, message)])
    errors = roster_findings(doc)
    if errors:
        raise InvalidPlaybookError(str(path), errors)
    return build_roster(doc)


def build_roster(doc: LoadedDocument) -> Roster:
    """The Roster of a document `roster_findings` found no error in."""
    data = doc.data
    people = tuple(
        Person(
            name=name,
            display_name=raw.get("name", name),
            roles=tuple(raw["roles"]),
            shift=raw.get("shift"),
            backup_for=tuple(raw.get("backup_for", ())),
            email=raw.get("email"),
        )
        for name, raw in _people(data).items()
    )
    calendars = {name: build_calendar(name, raw) for name, raw in _entries(data, "calendars").items()}
    return Roster(path=doc.path, timezone=ZoneInfo(data["timezone"]), calendars=calendars, people=people)
