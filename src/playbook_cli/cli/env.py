"""The environment a command runs in: streams, terminal, clock. Injected, like httpie's.

Commands never reach for `sys.stdout`, `isatty()` or `datetime.now()` themselves; they
ask the `Environment` that the app puts in the click context. Tests pass their own
(`CliRunner.invoke(app, args, obj=Environment(...))`): a fixed clock, a fake terminal
that types keys and records the screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from playbook_cli.walk.live import LiveTerminal  # imports prompt_toolkit only when used
from playbook_cli.walk.terminal import ConsoleTerminal, Terminal

if TYPE_CHECKING:
    from rich.console import Console


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Environment:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_is_terminal: bool
    now: Callable[[], datetime] = utc_now
    stdout_is_terminal: bool = False
    environ: Mapping[str, str] = field(default_factory=dict)
    width: int | None = None  # None: ask the terminal
    terminal: Terminal | None = None  # the walk's terminal; None: a rich console on these streams

    @classmethod
    def from_system(cls) -> Environment:
        """The process's own streams and clock, read when the command runs (tests swap sys.stdout)."""
        return cls(sys.stdin, sys.stdout, sys.stderr, sys.stdin.isatty(), utc_now, sys.stdout.isatty(), dict(os.environ))

    def console(self, *, wrap: bool = False) -> Console:
        """Rich output on stdout: colour only on a terminal, NO_COLOR honoured (by rich).

        `wrap` breaks long lines between words at the terminal's width (the walk's
        screens); without, a line is written whole (findings stay one line for grep).
        """
        from rich.console import Console  # lazy: rich costs start-up time `--version` must not pay

        return Console(file=self.stdout, highlight=False, soft_wrap=not wrap, width=self.width)

    def error_console(self, *, wrap: bool = False) -> Console:
        from rich.console import Console  # lazy: heavy, kept off start-up

        return Console(file=self.stderr, highlight=False, soft_wrap=not wrap, width=self.width)

    def walk_terminal(self) -> Terminal:
        """The walk's terminal: the injected one, a live prompt for a person, else plain lines."""
        if self.terminal is not None:
            return self.terminal
        if self.stdin_is_terminal and self.stdout_is_terminal:
            return LiveTerminal(self.console(wrap=True), self.error_console(wrap=True))
        return ConsoleTerminal(self.console(wrap=self.stdout_is_terminal), self.error_console())

    def read_stdin_lines(self) -> list[str]:
        """Non-empty lines of stdin, stripped: scripted answers piped in."""
        return [line.strip() for line in self.stdin.read().splitlines() if line.strip()]
