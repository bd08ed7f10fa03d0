"""The JSON Schema of the format, and schema findings that say what to write instead.

fastjsonschema compiles the schema to Python once and answers "is this valid?" fast,
which is the common case in CI. Only when it says no does jsonschema walk the document
again to list every error, which we then turn into located, actionable messages.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from playbook_cli.core.findings import Finding, Severity
from playbook_cli.core.loader import LoadedDocument
from playbook_cli.core.suggest import closest

_RULE_DESCRIPTIONS = {
    "schema/required": "A required key is missing (e.g. `next` on an action, `outcome` on an end).",
    "schema/unknown-key": "A key the format does not define here; often a typo or a key of another node kind. Keys starting with `x-` are always allowed.",
    "schema/type": "A value of the wrong type, e.g. an unquoted Yes (a YAML boolean) where text is expected, or a bare number where a duration is expected.",
    "schema/value": "A value of the right type that the format does not accept: a bad id, duration, language code, outcome or node kind, an empty text, too few choices.",
}


def rule_descriptions() -> dict[str, str]:
    return dict(_RULE_DESCRIPTIONS)


def schema_text() -> str:
    """The schema as shipped: in the wheel's data, or in the source tree when run from a checkout."""
    packaged = resources.files("playbook_cli") / "data" / "playbook.schema.json"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parents[3] / "schemas" / "playbook.schema.json"
    return source_tree.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(schema_text())


def _target(root: dict, definition: str | None) -> dict:
    """The whole schema, or one of its $defs on its own (its siblings would apply too)."""
    if definition is None:
        return root
    return {"$schema": root["$schema"], "$id": root["$id"], "$defs": root["$defs"], "$ref": f"#/$defs/{definition}"}


@lru_cache(maxsize=4)
def _fast_validator(definition: str | None):
    import fastjsonschema  # lazy: heavy, kept off start-up

    # fastjsonschema rewrites $refs in the dict it is given: hand it a private copy.
    return fastjsonschema.compile(_target(json.loads(schema_text()), definition))


@lru_cache(maxsize=4)
def _full_validator(definition: str | None):
    from jsonschema import Draft202012Validator  # lazy: heavy, kept off start-up

    return Draft202012Validator(_target(schema(), definition))


def is_valid(data: Any, definition: str | None = None) -> bool:
    import fastjsonschema  # lazy: heavy, kept off start-up

    try:
        _fast_validator(definition)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_findings(doc: LoadedDocument, definition: str | None = None) -> list[Finding]:
    """Every way `doc` breaks the schema (or one of its `$defs`), as located findings."""
    if is_valid(doc.data, definition):
        return []
    findings: dict[tuple, Finding] = {}
    for error in _full_validator(definition).iter_errors(doc.data):
        for finding in _explain(error, doc):
            findings.setdefault((finding.line, finding.column, finding.message), finding)
    return sorted(findings.values(), key=Finding.sort_key)


# --- turning jsonschema errors into messages -------------------------------------------------

_REQUIRED_HINTS = {
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
}

_WRONG_KIND_HINTS = {
    ("question", "next"): "a question leads on through its `choices`, each with its own `next`",
    ("end", "next"): "an end node finishes the walk; use `handoff: <playbook id>` to continue in another playbook",
    ("end", "choices"): "an end node has no choices; make it a `question`",
    ("action", "choices"): "an action has one `next`; make it a `question` to branch",
    ("question", "reply"): "only actions carry a `reply`",
    ("question", "steps"): "only actions carry `steps`",
    ("end", "steps"): "only actions carry `steps`",
    ("end", "reply"): "only actions carry a `reply`",
    ("question", "fulfills"): "only actions fulfil SLA clocks",
    ("end", "fulfills"): "only actions fulfil SLA clocks; fulfil the clock on the action before this end",
    ("action", "outcome"): "only end nodes have an `outcome`",
    ("question", "outcome"): "only end nodes have an `outcome`",
}


def _type_name(value: Any) -> str:
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


def _where(error) -> str:
    title = error.schema.get("title", "") if isinstance(error.schema, dict) else ""
    path = list(error.absolute_path)
    if title.endswith(" node") and len(path) >= 2 and path[0] == "nodes":
        return f"{title} '{path[1]}'"
    if title in ("choice", "input", "scenario"):
        return f"this {title}"
    if not path:
        return "the top level"
    return f"'{path[-1]}'"


def _at(doc: LoadedDocument, path, message: str, rule: str, key: bool = False) -> Finding:
    line, column = doc.key_position(path) if key else doc.value_position(path)
    return Finding(doc.path, line, column, rule, Severity.ERROR, message)


def _titles(error) -> set[str]:
    """Titles of the schema that failed and of the definitions it was reached through."""
    titles = set()
    node = error
    while node is not None:
        if isinstance(node.schema, dict) and "title" in node.schema:
            titles.add(node.schema["title"])
        node = node.parent
    return titles


def _explain(error, doc: LoadedDocument):
    path = tuple(error.absolute_path)
    validator = error.validator
    instance = error.instance
    title = error.schema.get("title") if isinstance(error.schema, dict) else None

    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        patterns = list(error.schema.get("patternProperties", {}))
        kind = instance.get("kind") if title and title.endswith(" node") else None
        for key in instance:
            if key in allowed or any(re.search(p, key) for p in patterns):
                continue
            hint = _WRONG_KIND_HINTS.get((kind, key)) if isinstance(kind, str) else None
            if hint and isinstance(kind, str):
                article = "an" if kind[0] in "aeiou" else "a"
                message = f"'{key}' does not belong to {article} {kind} node: {hint}"
            else:
                close = closest(key, allowed)
                suggestion = f"did you mean '{close}'?" if close else f"allowed here: {', '.join(allowed)}"
                message = f"unknown key '{key}' in {_where(error)}; {suggestion} (keys starting with x- are ignored)"
            yield _at(doc, (*path, key), message, "schema/unknown-key", key=True)
        return

    if validator == "required" and isinstance(instance, dict):
        for key in error.validator_value:
            if key not in instance:
                hint = _REQUIRED_HINTS.get(key, f"`{key}:`")
                yield _at(doc, path, f"{_where(error)} is missing '{key}'; add {hint}", "schema/required", key=True)
        return

    if validator in ("anyOf", "oneOf") and title == "TEXT":
        if isinstance(instance, dict):
            # Report what is wrong inside the mapping rather than "not valid under any schema".
            inner = [e for e in error.context if tuple(e.relative_schema_path)[:1] == (1,)]
            for sub in inner:
                yield from _explain(sub, doc)
            if inner:
                return
        yield _at(doc, path, _text_message(instance, doc.loc(path).raw), "schema/type")
        return

    if validator in ("anyOf", "oneOf") and len(path) >= 2 and path[-2] == "answers":
        raw = doc.loc(path).raw
        if isinstance(instance, bool) and raw is not None:
            message = f'YAML reads {raw} as the boolean {str(instance).lower()}; write "{raw}" in quotes'
        else:
            message = f"{instance!r} is not an answer: write the choice's number (from 1) or its text"
        yield _at(doc, path, message, "schema/value")
        return

    if validator in ("anyOf", "oneOf"):
        yield _at(
            doc, path, f"{_type_name(instance)} is not accepted here: {error.schema.get('description', error.message)}", "schema/type"
        )
        return

    if validator == "type":
        yield _at(doc, path, _type_message(error, doc.loc(path).raw, _titles(error)), "schema/type")
        return

    if "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        # jsonschema reports a bad key as the instance, at the mapping's own path.
        if "TEXT" in _titles(error):
            message = f"'{instance}' is not a language code; write a code such as 'vi' or 'en'"
        else:
            message = _pattern_message(instance, "NAME", path)
        yield _at(doc, (*path, instance), message, "schema/value", key=True)
        return

    if validator == "pattern":
        yield _at(doc, path, _pattern_message(instance, title, path), "schema/value")
        return

    if validator == "const" and path == ("playbook",):
        yield _at(doc, path, f"unsupported format version {instance!r}; write `playbook: 1`", "schema/value")
        return

    if validator == "enum":
        options = [str(v) for v in error.validator_value]
        close = closest(instance, options, cutoff=0.5)
        guess = f" (did you mean '{close}'?)" if close else ""
        yield _at(doc, path, f"{instance!r} is not allowed here; write one of: {', '.join(options)}{guess}", "schema/value")
        return

    if validator == "minItems" and path and path[-1] == "choices":
        yield _at(doc, path, "a question needs at least two choices; add another or make this node an action", "schema/value")
        return

    if validator == "minLength":
        yield _at(doc, path, "this text is empty; write something or remove the key", "schema/value")
        return

    if validator == "minProperties" and path == ("nodes",):
        yield _at(doc, path, "a playbook needs at least one node under `nodes`", "schema/value")
        return

    if validator == "uniqueItems":
        yield _at(doc, path, "this list has the same entry twice; remove the repeat", "schema/value")
        return

    if validator == "minimum":
        yield _at(doc, path, f"{instance!r} is too small; answers are numbered from 1", "schema/value")
        return

    yield _at(doc, path, error.message, "schema/value")


def _text_message(instance: Any, raw: str | None) -> str:
    if isinstance(instance, bool) and raw is not None:
        return f'YAML reads {raw} as the boolean {str(instance).lower()}, not as text; write "{raw}" in quotes'
    if isinstance(instance, (int, float)) and raw is not None:
        return f'YAML reads {raw} as a number, not as text; write "{raw}" in quotes'
    if instance is None or instance == "":
        return "this text is empty; write a string, or a mapping of language code to string ({en: ..., vi: ...})"
    return f"expected text (a string, or a mapping of language code to string), got {_type_name(instance)}"


def _type_message(error, raw: str | None, titles: set[str]) -> str:
    instance = error.instance
    expected = error.validator_value
    if "DURATION" in titles:
        if isinstance(instance, (int, float)) and not isinstance(instance, bool):
            shown = raw if raw is not None else instance
            return f"a bare number ({shown}) is not a duration: durations look like 90m or 1h30m (units d, h, m)"
        return f"expected a duration like 15m or 1h30m, got {_type_name(instance)}"
    if expected == "string" and raw is not None:
        what = "boolean" if isinstance(instance, bool) else "number" if isinstance(instance, (int, float)) else "value"
        return f'YAML reads {raw} as a {what}, not as text; write "{raw}" in quotes'
    names = {"object": "a mapping", "array": "a list", "string": "a string", "integer": "a whole number", "boolean": "true or false"}
    wanted = names.get(expected, str(expected)) if isinstance(expected, str) else " or ".join(names.get(e, e) for e in expected)
    return f"expected {wanted}, got {_type_name(instance)}"


def _slug(value: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", value.strip().lower()).strip("-_")
    return slug or "my-id"


def _pattern_message(instance: Any, title: str | None, path: tuple) -> str:
    if title == "DURATION":
        return f"'{instance}' is not a duration: durations look like 90m or 1h30m (parts <number><unit>, units d, h, m in that order)"
    if title == "NAME" or path[-1:] in (("id",), ("start",), ("next",), ("owner",), ("handoff",), ("end",)):
        return f"'{instance}' is not a valid id: use lower-case letters, digits, '-' and '_', e.g. '{_slug(str(instance))}'"
    if "languages" in path:
        return f"'{instance}' is not a language code; write a code such as 'vi' or 'en'"
    return f"'{instance}' does not match the expected pattern"
