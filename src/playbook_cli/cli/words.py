"""How the options and arguments of every command read: in `--help`, and when a value is wrong.

typer shows a column of Python types (`<bool>`, `<list[str]>`, `<text|json>`) and answers a
bad value in its validation library's words ("Value error, 'xml' is not one of ...").
`in_words` recasts each parameter of a command (the app's group calls it on every command
it hands out) as a `WordArgument` or `WordOption`, which add no state and change only what
is shown:

- a flag shows no metavariable; an option shows its metavar (`FILE`, `RULE`), else its
  name in capitals (`--format` → `FORMAT`), and an option with fixed values names them in
  its help when the help does not already;
- an argument shows its name only (`PATH...`), never a type;
- a bad value is a `UsageError` in the tool's words, with what may be written instead:
  `--format xml: write one of text, json, sarif`, `--min-coverage 200: write a number from
  0 to 100`; the app's boundary prints it as `playbook: ...` and exits 2;
- a parameter listed in `cli.completion.COMPLETERS` completes through it (playbook ids,
  journal files).
"""

from __future__ import annotations

import shlex
from typing import Any

from typer._click import Context
from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption
from typer._click.exceptions import UsageError as TyperUsageError
from typer._click.shell_completion import CompletionItem
from typer.core import TyperArgument, TyperOption

from playbook_cli.core.errors import UsageError
from playbook_cli.core.text_safety import terminal_safe


def _choices(param: TyperArgument | TyperOption) -> list[str]:
    choices = param.type_descriptor.choices
    return [str(getattr(choice, "value", choice)) for choice in choices or ()]


def param_word(param: Any) -> str:
    """How a parameter is named to the user: an option's longest flag (`--format`), an argument's metavar (`PATH`)."""
    if isinstance(param, TyperOption):
        return max(param.opts, key=len)
    return (param.metavar or param.name or "VALUE").removesuffix("...")


def _number_words(param: TyperArgument | TyperOption) -> str | None:
    annotation = param.type_descriptor.annotation
    if annotation not in (int, float):
        return None
    kind = "a whole number" if annotation is int else "a number"
    low, high = param.min, param.max
    if low is not None and high is not None:
        return f"write {kind} from {low:g} to {high:g}"
    if low is not None:
        return f"write {kind} of at least {low:g}"
    if high is not None:
        return f"write {kind} of at most {high:g}"
    return f"write {kind}"


def bad_value(param: TyperArgument | TyperOption, value: Any, problem: str) -> str:
    """`--format xml: write one of text, json` — what was given, then what may be written."""
    values = [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]
    choices = _choices(param)
    if choices:
        values = [item for item in values if item not in choices] or values
        advice = f"write one of {', '.join(choices)}"
    else:
        advice = _number_words(param) or problem.removeprefix("Value error, ")
    shown = " ".join(shlex.quote(item) for item in values)
    return terminal_safe(f"{param_word(param)} {shown}: {advice}")


def usage_words(exc: TyperUsageError) -> str:
    """typer's usage errors said the tool's way: `lint: give at least one PATH`, `lint has no option --min; did you mean --ignore?`."""
    command = (exc.ctx.info_name if exc.ctx is not None else None) or "playbook"
    if isinstance(exc, MissingParameter) and isinstance(exc.param, TyperArgument):
        word = param_word(exc.param)
        return f"{command}: give at least one {word}" if exc.param.nargs != 1 else f"{command}: give {word}"
    if isinstance(exc, NoSuchOption):
        did = f"; did you mean {' or '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        return terminal_safe(f"{command} has no option {exc.option_name}{did}")
    return terminal_safe(exc.format_message())


def _process(param: TyperArgument | TyperOption, super_process: Any, ctx: Context, value: Any) -> Any:
    try:
        return super_process(ctx, value)
    except MissingParameter:
        raise
    except BadParameter as exc:
        raise UsageError(bad_value(param, value, exc.message)) from None


def _complete(param: TyperArgument | TyperOption, ctx: Context, incomplete: str) -> list[CompletionItem] | None:
    from playbook_cli.cli.completion import COMPLETERS  # only when completing

    completer = COMPLETERS.get((ctx.command.name or "", param.name or ""))
    return None if completer is None else completer(ctx, incomplete)


class WordArgument(TyperArgument):
    """An argument shown by its name alone (`PATH...`), never by a Python type."""

    def display_type_rich(self, ctx: Context) -> str | None:
        return None

    def _rich_display_name(self) -> str:
        name = (self.metavar or (self.name or "").upper()).removesuffix("...")
        return f"{name}..." if self.nargs != 1 and " " not in name and not name.endswith("]...") else name

    def _usage_display_name(self) -> str:
        name = self._rich_display_name()
        return name if self.required or name.startswith("[") else f"[{name}]"

    def process_value(self, ctx: Context, value: Any) -> Any:
        return _process(self, super().process_value, ctx, value)

    def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
        found = _complete(self, ctx, incomplete)
        return super().shell_complete(ctx, incomplete) if found is None else found


class WordOption(TyperOption):
    """An option shown with a word for its value (`FILE`, `FORMAT`), a flag with none."""

    def display_type_rich(self, ctx: Context) -> str | None:
        if self.is_flag or self.count:
            return None
        return self.metavar or param_word(self).lstrip("-").replace("-", "_").upper()

    def process_value(self, ctx: Context, value: Any) -> Any:
        return _process(self, super().process_value, ctx, value)

    def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
        found = _complete(self, ctx, incomplete)
        return super().shell_complete(ctx, incomplete) if found is None else found


def in_words(param: Any) -> Any:
    """`param` recast as a WordArgument or WordOption (in place; once); other parameters as they are."""
    if isinstance(param, WordArgument | WordOption):
        return param
    if isinstance(param, TyperArgument):
        param.__class__ = WordArgument
    elif isinstance(param, TyperOption):
        param.__class__ = WordOption
        choices = _choices(param)
        if choices and not param.hidden and not all(choice in (param.help or "") for choice in choices):
            param.help = f"{(param.help or '').rstrip()} One of: {', '.join(choices)}.".lstrip()
    return param
