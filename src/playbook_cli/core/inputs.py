"""Checking the values of a playbook's inputs."""

from __future__ import annotations

import re
from collections.abc import Mapping

from playbook_cli.core.errors import InputError
from playbook_cli.core.model import InputSpec, Playbook
from playbook_cli.core.reply_templates import ReplyRenderError, render_reply


def problem(spec: InputSpec, value: str | None, lang: str | None = None) -> str | None:
    """Why `value` is not acceptable for `spec`, or None if it is."""
    if value is None or value == "":
        return f"'{spec.name}' is required" if spec.required else None
    if spec.pattern and not re.search(spec.pattern, value):
        return f"'{value}' is not a valid {spec.name}: it must match {spec.pattern}"
    return None


def check_known(playbook: Playbook, given: Mapping[str, str]) -> None:
    """Raise InputError if `given` names an input the playbook does not declare."""
    unknown = sorted(set(given) - set(playbook.inputs))
    if unknown:
        known = ", ".join(playbook.inputs) or "none"
        raise InputError(f"{playbook.path}: no input named {', '.join(unknown)} (inputs: {known})")


def resolve_inputs(playbook: Playbook, given: Mapping[str, str], lang: str | None = None) -> dict[str, str]:
    """Given values plus defaults, checked; raises InputError naming the value and what is accepted."""
    check_known(playbook, given)
    values = {}
    for name, spec in playbook.inputs.items():
        value = given.get(name, spec.default)
        why = problem(spec, value, lang)
        if why:
            raise InputError(f"{playbook.path}: {why}; pass it with --set {name}=VALUE")
        if value is not None:
            values[name] = value
    return values


def template_variables(playbook: Playbook, values: Mapping[str, str]) -> dict[str, str]:
    """What reply templates see: every declared input, empty when not given."""
    return {name: values.get(name, "") for name in playbook.inputs}


def filled_reply(playbook: Playbook, node, lang: str | None, values: Mapping[str, str]) -> str | None:
    """The node's reply in `lang` with the inputs filled in (sandboxed, StrictUndefined)."""
    if node.reply is None:
        return None
    source = playbook.localizer(lang)(node.reply)
    try:
        return render_reply(source, template_variables(playbook, values))
    except ReplyRenderError as exc:  # lint refuses these; a walk must still go on
        return f"(the reply template could not be filled in: {exc}; showing it as written)\n{source}"
