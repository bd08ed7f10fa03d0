"""Asking a person for the values of inputs: at the start of a walk, or at a node that `asks`."""

from __future__ import annotations

from collections.abc import Mapping

from playbook_cli.core.i18n import text
from playbook_cli.core.inputs import Refused, accept, default_value
from playbook_cli.core.model import InputSpec, Playbook
from playbook_cli.walk import view
from playbook_cli.walk.terminal import Ask, Terminal


def ask_input(playbook: Playbook, spec: InputSpec, terminal: Terminal, lang: str | None) -> str | None:
    """Ask one input until the value is acceptable: options numbered, the default offered."""
    say = playbook.localizer(lang)
    options = [say(option) for option in spec.options]
    if options:
        terminal.show(view.numbered(options))
    prompt = say(spec.prompt)
    default = default_value(playbook, spec, lang)
    if spec.measure:
        low, high = spec.measure.bounds
        prompt += f" ({low}–{high})"
    if default:
        prompt += f" [{default}]"
    elif not spec.required:
        prompt += f" ({text(lang, 'optional_input')})"
    while True:
        typed = terminal.ask(Ask(prompt, completions=options, history=f"input:{spec.name}")).strip()
        try:
            return accept(playbook, spec, typed or default, lang)
        except Refused as exc:
            terminal.warn(str(exc))


def ask_inputs(playbook: Playbook, given: Mapping[str, str], terminal: Terminal, lang: str | None) -> dict[str, str]:
    """Ask each input of the start not given up front."""
    values = dict(given)
    for name in playbook.asked_at_start():
        if name not in values:
            value = ask_input(playbook, playbook.inputs[name], terminal, lang)
            if value is not None:
                values[name] = value
    return values
