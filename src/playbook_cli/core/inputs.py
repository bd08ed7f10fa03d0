"""Checking and normalising the values of a playbook's inputs, and filling replies with them.

A value may come from `--set`, an answers file, a scenario, or a person at a prompt;
all go through `accept`, so every path checks the same things: required, the pattern
(with the writer's `hint` instead of the regular expression), an option given by
number or by its text in any language (kept as the option in the walk's language), a
measure's range.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from playbook_cli.core.errors import InputError
from playbook_cli.core.i18n import text
from playbook_cli.core.matching import matching_indexes, whole_number
from playbook_cli.core.model import InputSpec, Node, Playbook
from playbook_cli.core.patterns import matches
from playbook_cli.core.reply_templates import ReplyRenderError, render_reply


class Refused(ValueError):
    """A value an input does not accept; the message says what would be accepted."""


def default_value(playbook: Playbook, spec: InputSpec, lang: str | None) -> str | None:
    return playbook.localizer(lang).optional(spec.default)


def accept(playbook: Playbook, spec: InputSpec, value: str | None, lang: str | None) -> str | None:
    """The value to record for `spec` (None when left empty), or Refused saying why."""
    typed = unicodedata.normalize("NFC", (value or "").strip())
    say = playbook.localizer(lang)
    prompt = say(spec.prompt)
    if not typed:
        if spec.required:
            raise Refused(text(lang, "input_required", prompt=prompt))
        return None
    if spec.options:
        number = whole_number(typed)
        if number is not None and 1 <= number <= len(spec.options):
            return say(spec.options[number - 1])
        found = matching_indexes(typed, [list(option.values.values()) for option in spec.options])
        if len(found) == 1:
            return say(spec.options[found[0]])
        listed = ", ".join(f"{number}. {say(option)}" for number, option in enumerate(spec.options, 1))
        if found:
            candidates = " / ".join(say(spec.options[i]) for i in found)
            raise Refused(text(lang, "input_ambiguous", value=typed, candidates=candidates, options=listed))
        raise Refused(text(lang, "input_not_option", value=typed, prompt=prompt, options=listed))
    if spec.measure:
        low, high = spec.measure.bounds
        score = whole_number(typed)
        if score is None or not low <= score <= high:
            raise Refused(text(lang, "input_not_score", value=typed, measure=spec.measure.value.upper(), low=low, high=high))
        return str(score)
    if spec.pattern and not matches(spec.pattern, typed):
        if spec.hint:
            raise Refused(text(lang, "input_hint", value=typed, prompt=prompt, hint=say(spec.hint)))
        raise Refused(text(lang, "input_pattern", value=typed, prompt=prompt, pattern=spec.pattern))
    return typed


def problem(playbook: Playbook, spec: InputSpec, value: str | None, lang: str | None) -> str | None:
    """Why `value` is not acceptable for `spec`, or None if it is."""
    try:
        accept(playbook, spec, value, lang)
    except Refused as exc:
        return str(exc)
    return None


def check_known(playbook: Playbook, given: Mapping[str, str], lang: str | None = None) -> None:
    """Raise InputError if `given` names an input the playbook does not declare."""
    unknown = sorted(set(given) - set(playbook.inputs))
    if unknown:
        known = ", ".join(playbook.inputs) or "-"
        raise InputError(text(lang, "input_unknown", path=playbook.path, names=", ".join(unknown), known=known))


def check_given(playbook: Playbook, given: Mapping[str, str], lang: str | None) -> dict[str, str]:
    """Values given up front (--set, an answers file), checked and normalised before anything is asked."""
    check_known(playbook, given, lang)
    values = {}
    for name, value in given.items():
        try:
            accepted = accept(playbook, playbook.inputs[name], value, lang)
        except Refused as exc:
            raise InputError(text(lang, "input_pass_with_set", path=playbook.path, problem=exc, name=name)) from None
        if accepted is not None:
            values[name] = accepted
    return values


def resolve_inputs(
    playbook: Playbook, given: Mapping[str, str], lang: str | None = None, names: Iterable[str] | None = None
) -> dict[str, str]:
    """Given values plus defaults, for the inputs `names` (default: those asked at the start).

    Values given for other inputs (asked later, at a node) are checked and kept too.
    Raises InputError naming the value and what is accepted.
    """
    values = check_given(playbook, given, lang)
    for name in playbook.asked_at_start() if names is None else names:
        if name in values:
            continue
        spec = playbook.inputs[name]
        try:
            accepted = accept(playbook, spec, default_value(playbook, spec, lang), lang)
        except Refused as exc:
            raise InputError(text(lang, "input_pass_with_set", path=playbook.path, problem=exc, name=name)) from None
        if accepted is not None:
            values[name] = accepted
    return values


def template_variables(playbook: Playbook, values: Mapping[str, str]) -> dict[str, str]:
    """What reply templates see: every declared input, empty when not given."""
    return {name: values.get(name, "") for name in playbook.inputs}


def filled_reply(playbook: Playbook, node: Node, lang: str | None, values: Mapping[str, str], channel: str | None = None) -> str | None:
    """The node's reply for `channel` in `lang`, with the inputs filled in (sandboxed, StrictUndefined)."""
    _, template = node.reply_for(channel)
    if template is None:
        return None
    source = playbook.localizer(lang)(template)
    try:
        return render_reply(source, template_variables(playbook, values))
    except ReplyRenderError as exc:  # lint refuses these; a walk must still go on
        return f"(the reply template of node '{node.id}' could not be filled in: {exc}; showing it as written)\n{source}"
