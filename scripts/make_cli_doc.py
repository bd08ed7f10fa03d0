"""Write docs/cli.md from the app itself: every command, its help, its arguments and options.

Run: python scripts/make_cli_doc.py   (tests/cli/test_cli_doc.py fails when docs/cli.md is stale)
"""

from __future__ import annotations

import inspect
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer._click import Context

from playbook_cli.cli.app import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

INTRO = """\
# Command-line reference

Generated from the app by `scripts/make_cli_doc.py`; `playbook COMMAND --help` shows the
same. Every command exits 0 when all is well, 1 on findings or failed scenarios, 2 on a
usage or input problem (a bad option value, a missing file, a playbook with errors where
a sound one is needed) and 130 when interrupted. Errors are one line on stderr,
`playbook: <what went wrong>`, with what to do instead.
"""

COMPLETION = """\
## Shell completion

`playbook` completes its commands, options and fixed values (`--format`), and the values
only your library knows: playbook ids after `playbook walk` (from `playbooks/` in the
current directory), walk journals (`.playbook/journal/*.jsonl`) after `playbook walk
--resume` and `playbook report`, and rule ids after `playbook lint --ignore`. Where
nothing of the library matches, the shell completes file names as usual.

Install it once per shell; `--install-completion` detects the shell you run it from and
adds the script to its start-up file:

```console
$ playbook --install-completion
```

or write the script yourself with `--show-completion` (run from the shell in question):

**bash** (`~/.bashrc`):

```bash
eval "$(_PLAYBOOK_COMPLETE=source_bash playbook)"
```

**zsh** (`~/.zshrc`, after `compinit`):

```zsh
eval "$(_PLAYBOOK_COMPLETE=source_zsh playbook)"
```

**fish**:

```fish
_PLAYBOOK_COMPLETE=source_fish playbook > ~/.config/fish/completions/playbook.fish
```

Open a new shell afterwards. Try it: `playbook walk del<Tab>` offers `delayed-response`.
"""


def _escape(text: str) -> str:
    """Help text in Markdown: nothing in it read as markup (`*.yaml`, `<id>`, a `|` in a table)."""
    for char, escaped in (("\\", "\\\\"), ("|", "\\|"), ("*", "\\*"), ("<", "&lt;")):
        text = text.replace(char, escaped)
    return text


def _cell(text: str) -> str:
    """Text in a Markdown table cell: one line, escaped."""
    return _escape(" ".join(inspect.cleandoc(text).split()))


def _code(text: str) -> str:
    """A code span in a table cell (where GitHub's tables still split at a bare `|`)."""
    return "`" + text.replace("|", "\\|") + "`" if text else ""


def _default(param: Any) -> str:
    value = param.default
    if getattr(param, "is_flag", False) or value is None or value in ((), []):
        return ""
    if isinstance(value, Enum):
        value = value.value
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def _params_markdown(command: Any, ctx: Context) -> list[str]:
    params = [param for param in command.get_params(ctx) if not getattr(param, "hidden", False)]
    arguments = [param for param in params if param.param_type_name == "argument"]
    options = [param for param in params if param.param_type_name == "option"]
    lines: list[str] = []
    if arguments:
        lines += ["| argument | what it is |", "| --- | --- |"]
        for param in arguments:
            required = " Required." if param.required else ""
            lines.append(f"| `{param._rich_display_name()}` | {_cell(param.help or '')}{required} |")
        lines.append("")
    if options:
        lines += ["| option | value | default | what it does |", "| --- | --- | --- | --- |"]
        for param in options:
            flags = sorted(
                [*param.opts, *param.secondary_opts], key=lambda flag: (not flag.startswith("--"), flag)
            )  # -h/--help: a set's order
            names = ", ".join(f"`{flag}`" for flag in flags)
            value = param.display_type_rich(ctx) or ""
            lines.append(f"| {names} | {_code(value)} | {_default(param)} | {_cell(param.help or '')} |")
        lines.append("")
    return lines


def cli_markdown() -> str:
    group = typer.main.get_command(app)
    root = Context(group, info_name="playbook", **group.context_settings)
    lines = [INTRO, "## `playbook`", "", _cell(group.help or ""), "", "```", "playbook [OPTIONS] COMMAND [ARGS]...", "```", ""]
    lines += _params_markdown(group, root)
    names = group.list_commands(root)
    lines += ["| command | what it does |", "| --- | --- |"]
    for name in names:
        command = group.get_command(root, name)
        summary = inspect.cleandoc(command.help or "").split("\n\n")[0]
        lines.append(f"| [`{name}`](#playbook-{name}) | {_cell(summary)} |")
    lines.append("")
    for name in names:
        command = group.get_command(root, name)
        ctx = Context(command, info_name=name, parent=root)
        usage = " ".join(["playbook", name, *command.collect_usage_pieces(ctx)])
        lines += [f"## `playbook {name}`", "", _escape(inspect.cleandoc(command.help or "")), "", "```", usage, "```", ""]
        lines += _params_markdown(command, ctx)
    lines.append(COMPLETION)
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    DOC.write_text(cli_markdown(), encoding="utf-8")
    print(f"wrote {DOC}")
