"""The walk's terminal: what a session shows and asks, behind a small protocol.

Three implementations:
- `ConsoleTerminal`: plain lines (rich output, `input()`); for pipes, scripts and
  `--answers`. It ignores the toolbar and the ticking: nothing waits on a person.
- `walk.live.LiveTerminal`: a person at a terminal (prompt_toolkit): line editing,
  history per input, Tab completion, a bottom toolbar redrawn every second, and
  `Ask.tick` called every second while the prompt waits, so reminders and breaches
  fire on time even when nobody types.
- the tests' fake: keys in, screen out, and time that the test advances.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from playbook_cli.core.text_safety import terminal_safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

# (style, text) pairs, prompt_toolkit's formatted-text shape; styles are plain names
# such as "green", "yellow", "red bold", "dim" that every terminal renders.
Fragments = list[tuple[str, str]]


@dataclass(frozen=True)
class Alert:
    """Something that happened while the prompt waited (a reminder, a breach): shown above it."""

    renderable: RenderableType
    bell: bool = True  # ring the terminal bell (BEL) once


@dataclass(frozen=True)
class Ask:
    """One question to the person at the terminal."""

    prompt: str
    completions: Sequence[str] = ()  # offered with Tab: choices, options, commands
    history: str | None = None  # asks with the same key share their line history
    toolbar: Callable[[], Fragments] | None = None  # redrawn every second while waiting
    tick: Callable[[], Sequence[Alert]] | None = None  # called every second while waiting


class Terminal(Protocol):
    def show(self, renderable: RenderableType) -> None: ...

    def ask(self, question: Ask) -> str:
        """One line typed by the person; raises EOFError or KeyboardInterrupt."""
        ...

    def warn(self, message: str) -> None: ...

    def copy(self, text: str) -> bool:
        """Put `text` on the clipboard (OSC 52); False when this terminal cannot."""
        ...


class ConsoleTerminal:
    """Plain lines: rich output on stdout, warnings on stderr, `input()` for answers."""

    def __init__(self, console: Console, error_console: Console):
        self.console = console
        self.error_console = error_console

    def show(self, renderable: RenderableType) -> None:
        self.console.print(renderable)

    def ask(self, question: Ask) -> str:
        from rich.text import Text  # lazy: rich is heavy, and only needed on a terminal

        return self.console.input(Text(question.prompt, style="bold") + Text(" › ", style="bold cyan"))

    def warn(self, message: str) -> None:
        from rich.text import Text

        self.error_console.print(Text.assemble(("! ", "bold yellow"), terminal_safe(message)))

    def copy(self, text: str) -> bool:
        return False  # not a terminal a person reads: nothing to copy to
