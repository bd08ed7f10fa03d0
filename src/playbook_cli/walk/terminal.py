"""The walk's terminal: what a session shows and asks, behind a small protocol.

`ConsoleTerminal` is the real one (rich output, line input); tests give the session a
fake that records the screen and answers from a list of keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from playbook_cli.core.text_safety import terminal_safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


class Terminal(Protocol):
    def show(self, renderable: RenderableType) -> None: ...

    def ask(self, prompt: str) -> str:
        """One line typed by the person; raises EOFError or KeyboardInterrupt."""
        ...

    def warn(self, message: str) -> None: ...


class ConsoleTerminal:
    """A real terminal: rich output on stdout, warnings on stderr, line input."""

    def __init__(self, console: Console, error_console: Console):
        self.console = console
        self.error_console = error_console

    def show(self, renderable: RenderableType) -> None:
        self.console.print(renderable)

    def ask(self, prompt: str) -> str:
        from rich.text import Text  # lazy: rich is heavy, and only needed on a terminal

        return self.console.input(Text(prompt, style="bold") + Text(" › ", style="bold cyan"))

    def warn(self, message: str) -> None:
        from rich.text import Text  # lazy: heavy, kept off start-up

        self.error_console.print(Text("! ", style="bold yellow") + Text(terminal_safe(message)))
