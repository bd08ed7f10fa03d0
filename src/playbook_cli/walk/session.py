"""Drives a walk: the orchestration between a terminal, the journal and the pure engine.

Each thing the person does becomes events (`walk.actions`); each event is journaled (on
disk) *before* it is applied, so a crash at any moment loses nothing that was shown as
done. The terminal, the clock and the way to load a playbook are injected, so tests drive
the very same code with scripted keys and a clock they advance.

`start_walk` opens a new journal; `resume_walk` replays one and reopens it.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from playbook_cli.core.errors import Interrupted, PlaybookError, UsageError, WalkError
from playbook_cli.core.i18n import labels_for
from playbook_cli.core.inputs import Refused, accept, check_given, default_value, filled_reply, resolve_inputs
from playbook_cli.core.model import InputSpec, Node, NodeKind, Playbook
from playbook_cli.walk import actions, view
from playbook_cli.walk import events as ev
from playbook_cli.walk.journal import JournalWriter, default_journal_path, read_journal, recorded_playbook, set_aside_torn_tail
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import WalkState, apply, replay
from playbook_cli.walk.terminal import Terminal

Clock = Callable[[], datetime]
LoadPlaybook = Callable[[str], Playbook]


def ask_input(playbook: Playbook, spec: InputSpec, terminal: Terminal, lang: str | None) -> str | None:
    """Ask one input until the value is acceptable: options numbered, the default offered."""
    say = playbook.localizer(lang)
    labels = labels_for(lang)
    if spec.options:
        terminal.show(view.numbered(say(option) for option in spec.options))
    prompt = say(spec.prompt)
    default = default_value(playbook, spec, lang)
    if spec.measure:
        low, high = spec.measure.bounds
        prompt += f" ({low}–{high})"
    if default:
        prompt += f" [{default}]"
    elif not spec.required:
        prompt += f" ({labels['optional_input']})"
    while True:
        typed = terminal.ask(prompt).strip()
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


@dataclass
class WalkSession:
    playbook: Playbook
    state: WalkState
    journal: JournalWriter
    terminal: Terminal
    now: Clock
    answers: Iterator[object] | None = None  # scripted mode when not None

    @property
    def resume_command(self) -> str:
        return f"playbook walk --resume {self.journal.path}"

    def record(self, events: list[ev.Event]) -> None:
        for event in events:
            self.journal.write(event)
            self.state = apply(self.playbook, self.state, event)

    def record_clock_events(self) -> None:
        """Journal breaches and due-soon reminders; show each reminder once."""
        events = actions.clock_events(self.playbook, self.state, self.now())
        self.record(events)
        for event in events:
            if isinstance(event, ev.DueSoon):
                self.terminal.show(view.reminder(self.playbook, event, labels_for(self.state.lang), self.state.lang))

    def ask_node_inputs(self, node: Node) -> None:
        """The inputs this node `asks` that no one has given yet, each journaled as it is answered."""
        for name in actions.inputs_to_ask(self.playbook, self.state, node):
            spec = self.playbook.inputs[name]
            if self.answers is None:
                value = ask_input(self.playbook, spec, self.terminal, self.state.lang)
            else:
                try:
                    value = accept(self.playbook, spec, default_value(self.playbook, spec, self.state.lang), self.state.lang)
                except Refused as exc:
                    self.record(actions.pause(self.state, self.now()))
                    raise WalkError(
                        f"{exc} at '{node.id}': give it up front (--set {name}=VALUE, or under `inputs:` in the answers file)"
                    ) from None
            if value is not None:
                self.record(actions.give_input(self.state, name, value, self.now()))

    def show_step(self) -> None:
        node = self.playbook.nodes[self.state.current.node]
        now = self.now()
        statuses = clock_statuses(self.playbook, self.state, now)
        channel, _ = node.reply_for(self.state.channel)
        reply = filled_reply(self.playbook, node, self.state.lang, self.state.inputs, self.state.channel)
        self.terminal.show(view.step_block(self.playbook, self.state, node, now, view.Reply(reply, channel), statuses))

    def show_clocks(self) -> None:
        statuses = clock_statuses(self.playbook, self.state, self.now())
        line = view.clock_lines(self.playbook, statuses, labels_for(self.state.lang), self.state.lang)
        if line is not None:
            self.terminal.show(line)

    def pause(self) -> Interrupted:
        self.record(actions.pause(self.state, self.now()))
        return Interrupted(f"Paused. The journal is safe at {self.journal.path}", hint=self.resume_command)

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
            self.record_clock_events()
        except (KeyboardInterrupt, EOFError):
            raise self.pause() from None
        except WalkError as exc:
            exc.hint = self.resume_command
            raise
        return self.state

    def _scripted_step(self, node: Node, answers: Iterator[object]) -> None:
        if node.kind is NodeKind.ACTION:
            self.record_clock_events()
            self.record(actions.complete(self.playbook, self.state, self.now()))
            return
        given = next(answers, None)
        if given is None:
            say = self.playbook.localizer(self.state.lang)
            options = ", ".join(say(choice.answer) for choice in node.choices)
            self.record(actions.pause(self.state, self.now()))
            raise WalkError(
                f"no answer left for question '{node.id}' ({say(node.text)}); add one of: {options} "
                f"(the journal keeps the walk so far: {self.journal.path})"
            )
        try:
            self.record(actions.choose(self.playbook, self.state, given, self.now()))
        except WalkError:
            self.record(actions.pause(self.state, self.now()))
            raise

    def _interactive_step(self, node: Node) -> None:
        labels = labels_for(self.state.lang)
        help_text = labels["question_help"] if node.kind is NodeKind.QUESTION else labels["action_help"]
        while True:
            typed = self.terminal.ask(help_text).strip()
            command = typed.lower()
            try:
                if command == "q":
                    raise self.pause()
                if command == "b":
                    self.record(actions.undo(self.state, self.now()))
                    return
                if command == "s":
                    self.record_clock_events()
                    self.show_clocks()
                    continue
                if command == "n":
                    text = self.terminal.ask(labels["note_prompt"]).strip()
                    if text:
                        self.record(actions.note(self.state, text, self.now()))
                    continue
                if node.kind is NodeKind.ACTION:
                    if typed:
                        self.terminal.warn(f"press Enter when '{node.id}' is done, or b, n, q")
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


@dataclass(frozen=True)
class NewWalk:
    """What `playbook walk PLAYBOOK` was asked to do."""

    file: str
    preset: Mapping[str, str]  # --set values, over the answers file's inputs
    lang: str | None
    channel: str | None
    opened_at: datetime
    journal: Path | None
    interactive: bool


def start_walk(playbook: Playbook, request: NewWalk, terminal: Terminal, now: Clock, answers: Iterator[object] | None) -> WalkSession:
    """Ask or check the inputs, open a new journal and record the start of the walk."""
    from rich.text import Text  # lazy: rich is heavy

    if request.lang is not None and playbook.languages and request.lang not in playbook.languages:
        raise UsageError(f"--lang {request.lang}: {request.file} is written in {', '.join(playbook.languages)}")
    if request.channel is not None and request.channel not in playbook.channels:
        offered = f"its replies are for {', '.join(playbook.channels)}" if playbook.channels else "it has no replies per channel"
        raise UsageError(f"--channel {request.channel}: {request.file} has no channel of that name; {offered}")
    lang = request.lang or playbook.default_language
    given = check_given(playbook, request.preset, lang)  # before asking anything: a bad --set stops here
    try:
        if request.interactive:
            terminal.show(Text(playbook.localizer(lang)(playbook.title), style="bold"))
            given = ask_inputs(playbook, given, terminal, lang)
        values = resolve_inputs(playbook, given, lang)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("interrupted before the walk began; nothing was recorded") from None

    path = request.journal or default_journal_path(playbook.id, now())
    if path.exists() and path.stat().st_size > 0:
        raise UsageError(f"{path} already holds a walk; resume it with --resume {path}, or choose another --journal")
    try:
        writer = JournalWriter(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the journal: {exc.strerror or exc}") from None
    terminal.show(Text("Journal: ", style="dim") + Text(str(path), style="bold"))
    started = actions.begin(
        playbook, file=request.file, inputs=values, lang=lang, opened_at=request.opened_at, at=now(), channel=request.channel
    )
    session = WalkSession(playbook, replay(playbook, started[:1]), writer, terminal, now, answers)
    session.record(started)
    return session


@dataclass(frozen=True)
class EndedWalk:
    """A journal whose walk had already ended: nothing to resume."""

    playbook: Playbook
    state: WalkState
    journal: Path


def resume_walk(
    journal: str, playbook_given: str | None, load: LoadPlaybook, terminal: Terminal, now: Clock, answers: Iterator[object] | None
) -> WalkSession | EndedWalk:
    """Replay a journal into the state it records, and reopen it for appending."""
    from rich.text import Text  # lazy: heavy, kept off start-up

    events, warnings = read_journal(Path(journal))
    start = events[0]
    if not isinstance(start, ev.Started):
        raise UsageError(f"{journal}:1: the journal does not begin with a start event")
    path = recorded_playbook(journal, start, playbook_given, f"pass it: playbook walk PLAYBOOK --resume {journal}")
    playbook = load(path)
    for warning in warnings:
        terminal.warn(warning)
    changed = playbook.sha256 != start.sha256
    if changed:
        terminal.warn(f"{path} changed since this walk was recorded; going on where the recorded path still fits")
    try:
        state = replay(playbook, events)
    except WalkError as exc:
        raise UsageError(f"{journal}: {exc}") from None
    journal_path = Path(journal)
    if state.ended:
        return EndedWalk(playbook, state, journal_path)
    aside = set_aside_torn_tail(journal_path)
    if aside:
        terminal.warn(f"the torn last line was moved to {aside}")
    writer = JournalWriter(journal_path)
    terminal.show(Text("Resuming ") + Text(str(journal_path), style="bold") + Text(f" at step {len(state.path)} ({state.current.node})"))
    session = WalkSession(playbook, state, writer, terminal, now, answers)
    session.record(actions.resume(playbook, state, now(), changed))
    return session


def handoff_command(playbook: Playbook, state: WalkState, load: LoadPlaybook) -> str | None:
    """The command that continues the case in the playbook an end node hands off to."""
    end = playbook.nodes[state.current.node]
    if not end.handoff:
        return None
    target = Path(playbook.path).parent / f"{end.handoff}.yaml"
    parts = ["playbook", "walk", str(target), "--opened-at", ev.iso(state.opened_at)]
    declared = None
    if target.is_file():
        try:
            declared = set(load(str(target)).inputs)
        except PlaybookError:  # the command is a convenience; lint reports a broken target
            declared = None
    for name, value in state.inputs.items():
        if declared is None or name in declared:
            parts += ["--set", f"{name}={value}"]
    if state.lang:
        parts += ["--lang", state.lang]
    return shlex.join(parts)


def walk_summary(playbook: Playbook, state: WalkState, journal: Path, now: datetime, load: LoadPlaybook) -> view.RenderableType:
    """The closing summary: path, times, clocks, notes, and the handoff command."""
    statuses = clock_statuses(playbook, state, now)
    return view.summary(playbook, state, statuses, str(journal), handoff_command(playbook, state, load))
