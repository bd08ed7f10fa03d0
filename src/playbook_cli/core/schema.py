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

from playbook_cli.core import schema_messages as msg
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


# --- turning jsonschema errors into messages (their words: core.schema_messages) -------------


def _at(doc: LoadedDocument, path, message: str, rule: str, key: bool = False) -> Finding:
    line, column = doc.key_position(path) if key else doc.value_position(path)
    return Finding(doc.path, line, column, rule, Severity.ERROR, message)


def _misfit(error) -> bool:
    """Whether `error` only says the value has the wrong type for this alternative."""
    if error.path:
        return False
    if error.validator == "type":
        return True
    return error.validator in ("anyOf", "oneOf") and all(_misfit(sub) for sub in error.context)


def _branches(error) -> list[list]:
    """The errors of each alternative of an anyOf/oneOf error, in order."""
    branches: dict[Any, list] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    return list(branches.values())


def _fitting_branch(error) -> list | None:
    """The errors of the one alternative whose type fits the value (None: no or several)."""
    fitting = [errors for errors in _branches(error) if not any(_misfit(sub) for sub in errors)]
    return fitting[0] if len(fitting) == 1 else None


# anyOf/oneOf schemas whose alternatives differ by type: explain the one the writer meant.
_ALTERNATIVES = ("DURATION or clock", "NAME or list", "default")


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
            hint = msg.WRONG_KIND_HINTS.get((kind, key)) if isinstance(kind, str) else None
            if hint and isinstance(kind, str):
                article = "an" if kind[0] in "aeiou" else "a"
                message = f"'{key}' does not belong to {article} {kind} node: {hint}"
            else:
                close = closest(key, allowed)
                suggestion = f"did you mean '{close}'?" if close else f"allowed here: {', '.join(allowed)}"
                message = f"unknown key '{key}' in {msg.where(error)}; {suggestion} (keys starting with x- are ignored)"
            yield _at(doc, (*path, key), message, "schema/unknown-key", key=True)
        return

    if validator == "required" and isinstance(instance, dict):
        for key in error.validator_value:
            if key not in instance:
                hint = msg.REQUIRED_HINTS.get(key, f"`{key}:`")
                yield _at(doc, path, f"{msg.where(error)} is missing '{key}'; add {hint}", "schema/required", key=True)
        return

    if validator in ("anyOf", "oneOf") and title == "TEXT":
        if isinstance(instance, dict):
            # Report what is wrong inside the mapping rather than "not valid under any schema".
            inner = [e for e in error.context if tuple(e.relative_schema_path)[:1] == (1,)]
            for sub in inner:
                yield from _explain(sub, doc)
            if inner:
                return
        yield _at(doc, path, msg.text_message(instance, doc.loc(path).raw), "schema/type")
        return

    if validator in ("anyOf", "oneOf") and title in _ALTERNATIVES:
        branch = _fitting_branch(error)
        if branch is None and title == "DURATION or clock" and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            branch = _branches(error)[0]  # a bare number was meant as a duration: say so, as in 1.0
        if branch is not None:
            for sub in branch:
                yield from _explain(sub, doc)
            return
        yield _at(doc, path, msg.neither_message(title, instance, doc.loc(path).raw), "schema/type")
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
            doc, path, f"{msg.type_name(instance)} is not accepted here: {error.schema.get('description', error.message)}", "schema/type"
        )
        return

    if validator == "type":
        yield _at(doc, path, msg.type_message(error, doc.loc(path).raw, msg.titles(error)), "schema/type")
        return

    if "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        # jsonschema reports a bad key as the instance, at the mapping's own path.
        seen = msg.titles(error)
        if "TEXT" in seen:
            message = f"'{instance}' is not a language code; write a code such as 'vi' or 'en'"
        elif "day range" in seen:
            message = msg.day_message(instance)
        else:
            message = msg.pattern_message(instance, "NAME", path)
        yield _at(doc, (*path, instance), message, "schema/value", key=True)
        return

    if validator == "pattern":
        yield _at(doc, path, msg.pattern_message(instance, title, path), "schema/value")
        return

    if validator == "const" and path == ("playbook",):
        yield _at(doc, path, f"unsupported format version {instance!r}; write `playbook: 1`", "schema/value")
        return

    if validator == "const" and path[-1:] == ("outcome",):
        # `handoff` on an end that is not handed-off; a misspelt outcome has its own (enum) finding.
        if instance in ("resolved", "escalated", "closed"):
            yield _at(doc, path, msg.HANDOFF_OUTCOME, "schema/value")
        return

    if validator == "not" and title == "action node" and isinstance(instance, dict) and {"reply", "replies"} <= instance.keys():
        yield _at(doc, (*path, "replies"), msg.BOTH_REPLIES, "schema/value", key=True)
        return

    if validator == "enum":
        options = [str(v) for v in error.validator_value]
        close = closest(instance, options, cutoff=0.5)
        guess = f" (did you mean '{close}'?)" if close else ""
        yield _at(doc, path, f"{instance!r} is not allowed here; write one of: {', '.join(options)}{guess}", "schema/value")
        return

    too_few = msg.too_few_message(error) if validator in ("minItems", "minProperties") else None
    if too_few:
        yield _at(doc, path, too_few, "schema/value")
        return

    if validator == "minLength":
        if path[-1:] == ("timezone",):
            yield _at(doc, path, "the time zone is empty; write an IANA time-zone name such as Asia/Ho_Chi_Minh", "schema/value")
        else:
            yield _at(doc, path, "this text is empty; write something or remove the key", "schema/value")
        return

    if validator == "uniqueItems":
        yield _at(doc, path, "this list has the same entry twice; remove the repeat", "schema/value")
        return

    if validator == "minimum":
        yield _at(doc, path, f"{instance!r} is too small; answers are numbered from 1", "schema/value")
        return

    yield _at(doc, path, error.message, "schema/value")
