"""Beginning a walk and going on with one: inputs, the journal, the start and resume events.

`start_walk` checks what was given up front (before anything is asked, so a bad
`--set` costs nothing), asks the rest, opens a new journal and records the start;
`resume_walk` replays a journal, reopens it for appending and records the resume.
Every word shown comes from the message catalogue in the walk's language.
"""

from __future__ import annotations

import itertools
import shlex
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from playbook_cli.core.errors import Interrupted, PlaybookError, UsageError, WalkError
from playbook_cli.core.i18n import text
from playbook_cli.core.inputs import check_given, resolve_inputs
from playbook_cli.core.model import Playbook
from playbook_cli.core.roster import Roster
from playbook_cli.walk import actions, view
from playbook_cli.walk import events as ev
from playbook_cli.walk.asking import ask_inputs
from playbook_cli.walk.assignment import Assigner, open_load
from playbook_cli.walk.journal import JournalWriter, default_journal_path, read_journal, recorded_playbook, set_aside_torn_tail
from playbook_cli.walk.session import Clock, WalkSession
from playbook_cli.walk.sla import clock_statuses
from playbook_cli.walk.state import WalkState, replay
from playbook_cli.walk.terminal import Terminal

LoadPlaybook = Callable[[str], Playbook]


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
    roster: Roster | None = None
    operator: str | None = None  # the roster NAME of the person walking (--as)


def check_request(playbook: Playbook, request: NewWalk) -> str | None:
    """The walk's language, once --lang and --channel are known to fit the playbook."""
    lang = request.lang or playbook.default_language
    if request.lang is not None and playbook.languages and request.lang not in playbook.languages:
        raise UsageError(text(lang, "unknown_lang", code=request.lang, file=request.file, langs=", ".join(playbook.languages)))
    if request.channel is not None and request.channel not in playbook.channels:
        offered = ", ".join(playbook.channels) or text(lang, "no_channels")
        raise UsageError(text(lang, "unknown_channel", channel=request.channel, file=request.file, channels=offered))
    return lang


def start_walk(playbook: Playbook, request: NewWalk, terminal: Terminal, now: Clock, answers: Iterator[object] | None) -> WalkSession:
    """Ask or check the inputs, open a new journal and record the start of the walk."""
    from rich.text import Text  # lazy: heavy, kept off start-up

    lang = check_request(playbook, request)
    given = check_given(playbook, request.preset, lang)  # before asking anything: a bad --set stops here
    try:
        if request.interactive:
            terminal.show(Text(playbook.localizer(lang)(playbook.title), style="bold"))
            given = ask_inputs(playbook, given, terminal, lang)
        values = resolve_inputs(playbook, given, lang)
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(text(lang, "interrupted_before")) from None

    path = request.journal or default_journal_path(playbook.id, now())
    if path.exists() and path.stat().st_size > 0:
        raise UsageError(text(lang, "journal_taken", path=path))
    try:
        writer = JournalWriter(path)
    except OSError as exc:
        raise UsageError(text(lang, "journal_unwritable", path=path, reason=exc.strerror or exc)) from None
    terminal.show(Text(f"{text(lang, 'journal')}: ", style="dim") + Text(str(path), style="bold"))
    started = actions.begin(
        playbook,
        file=request.file,
        inputs=values,
        lang=lang,
        opened_at=request.opened_at,
        at=now(),
        channel=request.channel,
        operator=request.operator,
    )
    session = WalkSession(playbook, replay(playbook, started[:1]), writer, terminal, now, answers)
    if request.roster is not None:
        session.assigner = Assigner(request.roster, open_load(path.parent, leave_out=path))
    session.record(started)
    return session


@dataclass(frozen=True)
class EndedWalk:
    """A journal whose walk had already ended: nothing to resume."""

    playbook: Playbook
    state: WalkState
    journal: Path


def resume_walk(
    journal: str,
    playbook_given: str | None,
    load: LoadPlaybook,
    terminal: Terminal,
    now: Clock,
    answers: Iterator[object] | None,
    lang: str | None = None,
    *,
    skip_recorded_answers: bool = False,
    force: bool = False,
    roster: Roster | None = None,
) -> WalkSession | EndedWalk:
    """Replay a journal into the state it records, and reopen it for appending.

    The journal is locked before it is read, so a second walk of it is refused. `lang`,
    when given, is the language the walk goes on in (journaled with the resume). With
    `skip_recorded_answers` (an answers file), the answers the journal already holds
    are passed over, so the file goes on where the walk stood. A journal recorded with
    another playbook id is refused unless `force`.
    """
    from rich.text import Text  # lazy: heavy, kept off start-up

    journal_path = Path(journal)
    regular_journal(journal_path)
    writer = JournalWriter(journal_path)  # the lock, before anything is read
    try:
        session = _resume_locked(
            journal_path, writer, playbook_given, load, terminal, now, answers, lang, skip_recorded_answers, force, roster
        )
    except BaseException:
        writer.close()
        raise
    if isinstance(session, EndedWalk):
        writer.close()
    else:
        state = session.state
        terminal.show(
            Text(
                text(
                    session.lang,
                    "resuming",
                    path=journal_path,
                    step=len(state.path),
                    number=session.playbook.node_number(state.current.node),
                )
            )
        )
    return session


def _resume_locked(
    journal: Path,
    writer: JournalWriter,
    playbook_given: str | None,
    load: LoadPlaybook,
    terminal: Terminal,
    now: Clock,
    answers: Iterator[object] | None,
    lang: str | None,
    skip_recorded_answers: bool,
    force: bool,
    roster: Roster | None,
) -> WalkSession | EndedWalk:
    events, warnings = read_journal(journal)
    start = events[0]
    if not isinstance(start, ev.Started):
        raise UsageError(f"{journal}:1: the journal does not begin with a start event")
    path = recorded_playbook(str(journal), start, playbook_given, f"pass it: playbook walk --resume {journal} PLAYBOOK")
    playbook = load(path)
    if playbook.id != start.playbook and not force:
        raise UsageError(text(lang or start.lang, "other_playbook", journal=journal, recorded=start.playbook, given=playbook.id, path=path))
    if lang is not None and playbook.languages and lang not in playbook.languages:
        raise UsageError(text(lang, "unknown_lang", code=lang, file=path, langs=", ".join(playbook.languages)))
    shown_lang = lang or start.lang
    for warning in warnings:
        terminal.warn(warning)
    changed = playbook.sha256 != start.sha256
    if changed:
        terminal.warn(text(shown_lang, "playbook_changed", path=path))
    try:
        state = replay(playbook, events)
    except WalkError as exc:
        raise UsageError(f"{journal}: {exc}") from None
    if state.ended:
        return EndedWalk(playbook, state, journal)
    aside = set_aside_torn_tail(journal)
    if aside:
        terminal.warn(text(shown_lang, "torn_moved", path=aside))
    if answers is not None and skip_recorded_answers:
        answers = itertools.islice(answers, actions.answered(state), None)
    session = WalkSession(playbook, state, writer, terminal, now, answers)
    if roster is not None:
        session.assigner = Assigner(roster, open_load(journal.parent, leave_out=journal))
        if state.path:
            session.assignment = session.assigner(playbook, playbook.nodes[state.current.node], state.current.entered_at)
    session.record(actions.settle(playbook, state))  # a move a crash cut in two is completed first
    if not session.state.ended:
        session.record(actions.resume(playbook, session.state, now(), changed, lang))
    return session


def regular_journal(path: Path) -> None:
    """Refuse what is not a regular file (a FIFO or a device would hang the reader); a missing one is read's to report."""
    try:
        mode = path.stat().st_mode
    except OSError:
        read_journal(path)  # raises, naming the file and what is wrong
        return
    if not stat.S_ISREG(mode):
        raise UsageError(f"{path}: not a regular file; a journal is a .jsonl file written by playbook walk")


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
