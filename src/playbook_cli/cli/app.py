"""The `playbook` command: the typer app, and the one place errors become messages.

Every command module is a thin parse → call → print over the capabilities. They raise
`PlaybookError`s; `_Boundary.invoke` catches them here, prints `playbook: <message>`
(and its details and hint) on stderr and exits with the error's code. Exit codes:
0 clean, 1 findings or failures, 2 usage or input errors, 130 interrupted.

The group also hands every command out with its parameters in words (`cli.words`): no
Python types in `--help`, bad values answered in the tool's words, playbook ids and
journals completed by the shell.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as TyperUsageError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from playbook_cli import __version__
from playbook_cli.cli import lint_command, render_command, report_command, stats_command, status_command, test_command, walk_command
from playbook_cli.cli.env import Environment
from playbook_cli.cli.words import in_words, usage_words
from playbook_cli.core.errors import ExitCode, Interrupted, PlaybookError, UsageError


def _print_error(ctx: typer.Context, exc: BaseException) -> None:
    from rich.text import Text  # lazy: only when there is something to say

    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_system()
    console = env.error_console(wrap=env.stdout_is_terminal)
    if isinstance(exc, Interrupted):
        console.print(Text("\n" + str(exc)))
    else:
        console.print(Text.assemble(("playbook: ", "bold red"), str(exc)))
    if isinstance(exc, PlaybookError):
        for line in exc.details:
            console.print(Text(line))
        if exc.hint:
            console.print(Text(exc.hint, style="bold"))


class _Boundary(TyperGroup):
    """Runs a command; turns what it raises into one clear message and an exit code."""

    def get_params(self, ctx: Any) -> list[Any]:
        return [in_words(param) for param in super().get_params(ctx)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.params = [in_words(param) for param in command.params]
            in_words(command.get_help_option(ctx))
        return command

    def invoke(self, ctx: Any) -> Any:  # typer's own (vendored) click Context
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except TyperUsageError as exc:  # a missing argument, an unknown option: said as every error is
            where = exc.ctx.command_path if exc.ctx is not None else " ".join(filter(None, ["playbook", ctx.invoked_subcommand]))
            _print_error(ctx, UsageError(usage_words(exc), hint=f"`{where} --help` lists what it takes."))
            raise typer.Exit(ExitCode.USAGE) from None
        except (typer.Exit, typer.Abort, TyperException):  # typer's own exits
            raise
        except PlaybookError as exc:
            _print_error(ctx, exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _print_error(ctx, Interrupted("interrupted"))
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`playbook render x | head`): not an error worth a message.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            raise typer.Exit(ExitCode.OK) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            _print_error(ctx, PlaybookError(f"{where}{exc.strerror or exc}"))
            raise typer.Exit(ExitCode.USAGE) from None
        except Exception as exc:  # a bug: one clear line, the traceback only on request
            if os.environ.get("PLAYBOOK_DEBUG"):
                raise
            _print_error(
                ctx,
                PlaybookError(
                    f"internal error: {type(exc).__name__}: {exc}\n"
                    "This is a bug in playbook-cli; run again with PLAYBOOK_DEBUG=1 for the traceback and report it."
                ),
            )
            raise typer.Exit(ExitCode.USAGE) from None


app = typer.Typer(
    name="playbook",
    cls=_Boundary,
    help="Lint, walk and render customer-support playbooks (YAML decision trees).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"playbook-cli {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool | None, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = None,
) -> None:
    """Lint, walk and render customer-support playbooks (YAML decision trees)."""
    if not isinstance(ctx.obj, Environment):
        ctx.obj = Environment.from_system()


app.command()(lint_command.lint)
app.command()(lint_command.rules)
app.command()(lint_command.schema)
app.command()(walk_command.walk)
app.command("test")(test_command.test)
app.command()(render_command.render)
app.command()(render_command.graph)
app.command()(report_command.report)
app.command()(status_command.status)
app.command()(stats_command.stats)


def run() -> None:
    app()
