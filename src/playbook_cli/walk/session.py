"""Drives a walk: the thin adapter between a terminal, the journal and the pure engine.

Each thing the person does becomes events from `engine`; each event is journaled (on
disk) *before* it is applied, so a crash at any moment loses nothing that was shown as
done. The terminal is injected, so tests drive the same code with scripted input.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, Protocol

from playbook_cli.walk import state as engine
from playbook_cli.walk.state import WalkState
from playbook_cli.core.errors import Interrupted, PlaybookError, WalkError
from playbook_cli.core.inputs import filled_reply, problem
from playbook_cli.walk.journal import JournalWriter
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.model import Playbook
from playbook_cli.walk.sla import clock_statuses

Clock = Callable[[], datetime]



class Terminal(Protocol):
    def show(self, renderable) -> None: ...

    def ask(self, prompt: str) -> str: ...  # raises EOFError or KeyboardInterrupt

    def warn(self, message: str) -> None: ...


class ConsoleTerminal:
    """A real terminal: rich output, line input."""

    def __init__(self, console, error_console):
        self.console = console
        self.error_console = error_console

    def show(self, renderable) -> None:
        self.console.print(renderable)

    def ask(self, prompt: str) -> str:
        from rich.text import Text

        return self.console.input(Text(prompt, style="bold") + Text(" › ", style="bold cyan"))

    def warn(self, message: str) -> None:
        from rich.text import Text

        from playbook_cli.core.text_safety import terminal_safe

        self.error_console.print(Text("! ", style="bold yellow") + Text(terminal_safe(message)))


def ask_inputs(playbook: Playbook, preset: dict[str, str], terminal: Terminal, lang: str | None) -> dict[str, str]:
    """Ask each input not given with --set, re-asking until the value is acceptable."""
    values = dict(preset)
    for name, spec in playbook.inputs.items():
        if name in values:
            continue
        prompt = spec.prompt.get(lang, playbook.default_language)
        if spec.default:
            prompt += f" [{spec.default}]"
        elif not spec.required:
            prompt += f" ({labels_for(lang)['optional_input']})"
        while True:
            value = terminal.ask(prompt).strip()
            if not value and spec.default:
                value = spec.default
            why = problem(spec, value, lang)
            if why is None:
                break
            terminal.warn(why)
        if value:
            values[name] = value
    return values


@dataclass
class WalkSession:
    playbook: Playbook
    state: WalkState
    journal: JournalWriter
    terminal: Terminal
    now: Clock
    answers: Iterator | None = None  # scripted mode when not None

    def record(self, events: list[dict]) -> None:
        for event in events:
            self.journal.write(event)
            self.state = engine.apply(self.playbook, self.state, event)

    def record_clock_events(self) -> None:
        """Journal breaches and due-soon reminders; show each reminder once."""
        from playbook_cli.walk.view import reminder

        events = engine.clock_events(self.playbook, self.state, self.now())
        self.record(events)
        for event in events:
            if event["event"] == "sla-due-soon":
                self.terminal.show(reminder(event, labels_for(self.state.lang)))

    def show_step(self) -> None:
        from playbook_cli.walk.view import step_block

        node = self.playbook.nodes[self.state.current.node]
        now = self.now()
        statuses = clock_statuses(self.playbook, self.state, now)
        reply = filled_reply(self.playbook, node, self.state.lang, self.state.inputs)
        self.terminal.show(step_block(self.playbook, self.state, node, now, reply, statuses))

    def show_clocks(self) -> None:
        from playbook_cli.walk.view import clock_line

        line = clock_line(self.playbook, clock_statuses(self.playbook, self.state, self.now()), labels_for(self.state.lang))
        if line is not None:
            self.terminal.show(line)

    def pause(self) -> Interrupted:
        self.record(engine.pause(self.state, self.now()))
        return Interrupted(f"Paused. The journal is safe at {self.journal.path}")

    def run(self) -> WalkState:
        """Walk until an end node. Raises Interrupted (paused) or WalkError (scripted input ran out or did not fit)."""
        try:
            while not self.state.ended:
                self.record_clock_events()
                self.show_step()
                node = self.playbook.nodes[self.state.current.node]
                if self.answers is not None:
                    self._scripted_step(node)
                else:
                    self._interactive_step(node)
            self.record_clock_events()
        except (KeyboardInterrupt, EOFError):
            raise self.pause() from None
        return self.state

    def _scripted_step(self, node) -> None:
        if node.kind == "action":
            self.record_clock_events()
            self.record(engine.complete(self.playbook, self.state, self.now()))
            return
        given = next(self.answers, None)
        if given is None:
            question = node.text.get(self.state.lang, self.playbook.default_language)
            options = ", ".join(c.answer.get(self.state.lang, self.playbook.default_language) for c in node.choices)
            self.record(engine.pause(self.state, self.now()))
            raise WalkError(
                f"no answer left for question '{node.id}' ({question}); add one of: {options} "
                f"(the journal keeps the walk so far: {self.journal.path})"
            )
        try:
            self.record(engine.choose(self.playbook, self.state, given, self.now()))
        except WalkError:
            self.record(engine.pause(self.state, self.now()))
            raise

    def _interactive_step(self, node) -> None:
        labels = labels_for(self.state.lang)
        help_text = labels["question_help"] if node.kind == "question" else labels["action_help"]
        while True:
            typed = self.terminal.ask(help_text).strip()
            command = typed.lower()
            try:
                if command == "q":
                    raise self.pause()
                if command == "b":
                    self.record(engine.undo(self.playbook, self.state, self.now()))
                    return
                if command == "s":
                    self.record_clock_events()
                    self.show_clocks()
                    continue
                if command == "n":
                    text = self.terminal.ask(labels["note_prompt"]).strip()
                    if text:
                        self.record(engine.note(self.state, text, self.now()))
                    continue
                if node.kind == "action":
                    if typed:
                        self.terminal.warn(f"press Enter when '{node.id}' is done, or b, n, q")
                        continue
                    self.record_clock_events()
                    self.record(engine.complete(self.playbook, self.state, self.now()))
                    return
                if not typed:
                    continue
                self.record_clock_events()
                self.record(engine.choose(self.playbook, self.state, typed, self.now()))
                return
            except WalkError as exc:
                self.terminal.warn(str(exc))


def handoff_command(playbook: Playbook, state: WalkState) -> str | None:
    """The command that continues the case in the playbook an end node hands off to."""
    end = playbook.nodes[state.current.node]
    if not end.handoff:
        return None
    target = Path(playbook.path).parent / f"{end.handoff}.yaml"
    parts = ["playbook", "walk", str(target), "--opened-at", engine.iso(state.opened_at)]
    declared = None
    if target.is_file():
        try:
            from playbook_cli.core.model import load_playbook

            declared = set(load_playbook(target).inputs)
        except PlaybookError:  # the command is a convenience; lint reports a broken target
            declared = None
    for name, value in state.inputs.items():
        if declared is None or name in declared:
            parts += ["--set", f"{name}={value}"]
    if state.lang:
        parts += ["--lang", state.lang]
    return shlex.join(parts)
