"""Drives a walk: the orchestration between a terminal, the journal and the pure engine.

Each thing the person does becomes events (`walk.actions`); each event is journaled (on
disk) *before* it is applied, so a crash at any moment loses nothing that was shown as
done. The terminal and the clock are injected, so tests drive the very same code with
scripted keys and a clock they advance.

Time passing is an input like a key: while the prompt waits, the terminal calls `tick`
every second; it asks the pure engine which reminders and breaches are due at that
instant, journals them, and hands back the alerts to show (and ring). `toolbar` says,
every second, how the clocks stand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from playbook_cli.core.errors import Interrupted, WalkError
from playbook_cli.core.i18n import labels_for, text
from playbook_cli.core.inputs import Refused, accept, default_value, filled_reply
from playbook_cli.core.matching import whole_number
from playbook_cli.core.model import Node, NodeKind, Playbook
from playbook_cli.core.roster import Assignment
from playbook_cli.walk import actions, view
from playbook_cli.walk import events as ev
from playbook_cli.walk.asking import ask_input
from playbook_cli.walk.assignment import Assigner
from playbook_cli.walk.journal import JournalWriter
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import WalkState, apply
from playbook_cli.walk.terminal import Alert, Ask, Fragments, Terminal

Clock = Callable[[], datetime]
COMMANDS = ("b", "n", "s", "c", "t", "?", "q")


@dataclass
class WalkSession:
    playbook: Playbook
    state: WalkState
    journal: JournalWriter
    terminal: Terminal
    now: Clock
    answers: Iterator[object] | None = None  # scripted mode when not None
    assigner: Assigner | None = None  # assigns each step to the person on duty (with a roster)
    assignment: Assignment | None = None  # of the current step

    @property
    def lang(self) -> str | None:
        return self.state.lang

    @property
    def resume_hint(self) -> str:
        return f"{text(self.lang, 'resume_with')}: playbook walk --resume {self.journal.path}"

    def record(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.Entered) and self.assigner is not None:
                self.assignment = self.assigner(self.playbook, self.playbook.nodes[event.node], event.at)
                person = self.assignment.person if self.assignment else None
                event = replace(event, assignee=person.name if person else None)
            self.journal.write(event)
            self.state = apply(self.playbook, self.state, event)

    # --- time passing ------------------------------------------------------------------

    def tick(self) -> Sequence[Alert]:
        """Journal the reminders and breaches due now; the alerts to show above the prompt."""
        events = actions.clock_events(self.playbook, self.state, self.now())
        self.record(events)
        labels = labels_for(self.lang)
        alerts = []
        for event in events:
            if isinstance(event, ev.DueSoon):
                alerts.append(Alert(view.reminder(self.playbook, event, labels, self.lang)))
            elif isinstance(event, ev.Breached):
                alerts.append(Alert(view.overdue(self.playbook, event, labels, self.lang)))
        return alerts

    def record_clock_events(self) -> None:
        for alert in self.tick():
            self.terminal.show(alert.renderable)

    def toolbar(self) -> Fragments:
        statuses = clock_statuses(self.playbook, self.state, self.now())
        return view.toolbar(self.playbook, self.state, statuses)

    # --- showing -------------------------------------------------------------------------

    def show_step(self) -> None:
        node = self.playbook.nodes[self.state.current.node]
        now = self.now()
        statuses = clock_statuses(self.playbook, self.state, now)
        channel, _ = node.reply_for(self.state.channel)
        reply = filled_reply(self.playbook, node, self.lang, self.state.inputs, self.state.channel)
        self.terminal.show(view.step_block(self.playbook, self.state, node, now, view.Reply(reply, channel), statuses, self.assignment))

    def show_clocks(self) -> None:
        statuses = clock_statuses(self.playbook, self.state, self.now())
        lines = view.clock_lines(self.playbook, statuses, labels_for(self.lang), self.lang)
        if lines is not None:
            self.terminal.show(lines)

    def pause(self) -> Interrupted:
        self.record(actions.pause(self.state, self.now()))
        return Interrupted(text(self.lang, "paused", path=self.journal.path), hint=self.resume_hint)

    # --- the walk ------------------------------------------------------------------------

    def run(self) -> WalkState:
        """Walk until an end node. Raises Interrupted (paused) or WalkError (scripted input ran out or did not fit)."""
        try:
            while not self.state.ended:
                self.record_clock_events()
                node = self.playbook.nodes[self.state.current.node]
                self.ask_node_inputs(node)
                self.show_step()
                if self.answers is not None:
                    self._scripted_step(node, self.answers)
                else:
                    self._interactive_step(node)
            self.ask_node_inputs(self.playbook.nodes[self.state.current.node])  # an end may ask too (a score)
            self.record_clock_events()
        except (KeyboardInterrupt, EOFError):
            raise self.pause() from None
        except WalkError as exc:
            exc.hint = self.resume_hint
            raise
        return self.state

    def ask(self, prompt: str, completions: Sequence[str] = (), history: str | None = None) -> str:
        return self.terminal.ask(Ask(prompt, completions, history, toolbar=self.toolbar, tick=self.tick))

    def ask_node_inputs(self, node: Node) -> None:
        """The inputs this node `asks` that no one has given yet, each journaled as it is answered."""
        for name in actions.inputs_to_ask(self.playbook, self.state, node):
            spec = self.playbook.inputs[name]
            if self.answers is None:
                value = ask_input(self.playbook, spec, self.terminal, self.lang)
            else:
                try:
                    value = accept(self.playbook, spec, default_value(self.playbook, spec, self.lang), self.lang)
                except Refused as exc:
                    self.record(actions.pause(self.state, self.now()))
                    raise WalkError(text(self.lang, "input_not_given", problem=exc, node=node.id, name=name)) from None
            if value is not None:
                self.record(actions.give_input(self.state, name, value, self.now()))

    def _scripted_step(self, node: Node, answers: Iterator[object]) -> None:
        if node.kind is NodeKind.ACTION:
            self.record_clock_events()
            self.record(actions.complete(self.playbook, self.state, self.now()))
            return
        given = next(answers, None)
        if given is None:
            say = self.playbook.localizer(self.lang)
            options = ", ".join(say(choice.answer) for choice in node.choices)
            self.record(actions.pause(self.state, self.now()))
            raise WalkError(
                text(self.lang, "no_answer_left", node=node.id, question=say(node.text), options=options, path=self.journal.path)
            )
        try:
            self.record(actions.choose(self.playbook, self.state, given, self.now()))
        except WalkError:
            self.record(actions.pause(self.state, self.now()))
            raise

    def _interactive_step(self, node: Node) -> None:
        say = self.playbook.localizer(self.lang)
        question = node.kind is NodeKind.QUESTION
        help_text = text(self.lang, "question_help" if question else "action_help")
        completions = [say(choice.answer) for choice in node.choices] + list(COMMANDS)
        while True:
            typed = self.ask(help_text, completions, "answers" if question else "commands").strip()
            command, _, argument = typed.partition(" ")
            command = command.lower()
            try:
                if typed.lower() == "q":
                    raise self.pause()
                if typed.lower() == "b":
                    self.record(actions.undo(self.state, self.now()))
                    return
                if typed.lower() == "s":
                    self.record_clock_events()
                    self.show_clocks()
                    continue
                if typed.lower() == "n":
                    note = self.ask(text(self.lang, "note_prompt"), history="notes").strip()
                    if note:
                        self.record(actions.note(self.state, note, self.now()))
                    continue
                if typed.lower() == "c":
                    self._copy_reply(node)
                    continue
                if typed == "?":
                    self.terminal.show(view.keys_help(self.lang))
                    continue
                if command == "t" and (whole_number(argument) is not None or not argument.strip()):
                    self._tick_item(node, argument.strip())
                    continue
                if not question:
                    if typed:
                        self.terminal.warn(text(self.lang, "press_enter"))
                        continue
                    self.record_clock_events()
                    self.record(actions.complete(self.playbook, self.state, self.now()))
                    return
                if not typed:
                    continue
                self.record_clock_events()
                self.record(actions.choose(self.playbook, self.state, typed, self.now()))
                return
            except WalkError as exc:
                self.terminal.warn(str(exc))

    def _copy_reply(self, node: Node) -> None:
        reply = filled_reply(self.playbook, node, self.lang, self.state.inputs, self.state.channel)
        if reply is None:
            self.terminal.warn(text(self.lang, "no_reply_to_copy"))
        elif self.terminal.copy(reply):
            self.terminal.show(view.note_line(text(self.lang, "copied")))
        else:
            self.terminal.warn(text(self.lang, "cannot_copy"))

    def _tick_item(self, node: Node, argument: str) -> None:
        if not argument:
            raise WalkError(text(self.lang, "tick_which", count=len(node.steps)))
        self.record(actions.tick(self.playbook, self.state, whole_number(argument) or 0, self.now()))
        self.terminal.show(view.checklist(self.playbook, self.state, node))
