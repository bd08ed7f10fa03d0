"""A walk without a terminal: keys in, screen out, time advanced by the test.

`FakeTerminal` answers each prompt with the next key the test gave and records what
the walk shows as plain text; an `Advance(minutes=...)` among the keys moves the
`FakeClock` while the prompt waits and lets it tick, as the live terminal does every
second: reminders and breaches fire then, without a key. Hand both to the CLI through
an injected `Environment` and the interactive walk runs in milliseconds.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rich.console import Console

from playbook_cli.cli.env import Environment
from playbook_cli.walk.terminal import Ask


@dataclass
class FakeClock:
    now: datetime = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # Friday 09:00 in Hà Nội

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Advance:
    minutes: float


class Interrupt:
    """Ctrl-C at this prompt."""


@dataclass
class FakeTerminal:
    keys: list
    clock: FakeClock
    width: int = 100
    lines: list[str] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)
    bells: int = 0
    copied: list[str] = field(default_factory=list)
    can_copy: bool = True
    toolbars: list[str] = field(default_factory=list)
    responder: Callable[[Ask], str] | None = None  # answers once the keys run out (a person following a script)

    def show(self, renderable) -> None:
        buffer = io.StringIO()
        Console(file=buffer, width=self.width, color_system=None, highlight=False).print(renderable)
        self.lines.extend(buffer.getvalue().rstrip("\n").split("\n"))

    def ask(self, question: Ask) -> str:
        self.prompts.append(question.prompt)
        while self.keys and isinstance(self.keys[0], Advance):
            self.clock.now += timedelta(minutes=self.keys.pop(0).minutes)
            for alert in question.tick() if question.tick else ():  # the prompt waited: time ticked
                self.show(alert.renderable)
                self.bells += alert.bell
        if question.toolbar:
            self.toolbars.append("".join(text for _, text in question.toolbar()))
        if not self.keys and self.responder is not None:
            self.keys.append(self.responder(question))
        if not self.keys:
            raise EOFError
        key = self.keys.pop(0)
        if isinstance(key, Interrupt):
            raise KeyboardInterrupt
        self.lines.append(f"{question.prompt} › {key}")
        return key

    def copy(self, text: str) -> bool:
        if self.can_copy:
            self.copied.append(text)
        return self.can_copy

    def warn(self, message: str) -> None:
        self.lines.append(f"! {message}")

    @property
    def screen(self) -> str:
        return "\n".join(self.lines)


def fake_environment(keys: list, clock: FakeClock | None = None) -> Environment:
    """An interactive Environment whose terminal types `keys` and whose clock the test moves."""
    clock = clock or FakeClock()
    terminal = FakeTerminal(list(keys), clock)
    return Environment(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), stdin_is_terminal=True, now=clock, terminal=terminal
    )


def person_following(answers: list[str], inputs: dict[str, str], lang: str | None = "vi") -> Callable[[Ask], str]:
    """Enter at every action, the next answer at every question, the value of each input by its prompt."""
    from playbook_cli.core.i18n import text

    queue = list(answers)

    def respond(question: Ask) -> str:
        if question.prompt == text(lang, "action_help"):
            return ""
        if question.prompt == text(lang, "question_help"):
            if not queue:
                raise EOFError
            return queue.pop(0)
        return next((value for prompt, value in inputs.items() if question.prompt.startswith(prompt)), "")

    return respond
