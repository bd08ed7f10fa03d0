"""`playbook walk`: parse the options, start or resume a session, print its summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from playbook_cli.cli.common import environment, parse_opened_at, roster_file
from playbook_cli.cli.env import Environment
from playbook_cli.core.errors import UsageError
from playbook_cli.core.i18n import format_moment, text
from playbook_cli.core.matching import whole_number
from playbook_cli.core.roster import Roster, load_roster
from playbook_cli.lint.runner import load_playbook
from playbook_cli.walk.answers import load_answers
from playbook_cli.walk.discovery import find_playbook, open_walks
from playbook_cli.walk.journal import JOURNAL_DIR
from playbook_cli.walk.starting import EndedWalk, NewWalk, resume_walk, start_walk, walk_summary
from playbook_cli.walk.terminal import Ask

LIBRARY = Path("playbooks")  # where `playbook walk ID` looks (a configurable library path comes with configuration)


def parse_sets(values: list[str] | None) -> dict[str, str]:
    preset = {}
    for item in values or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set {item!r}: write --set NAME=VALUE, e.g. --set ticket=CS-12")
        preset[name.strip()] = value
    return preset


def playbook_path(given: str) -> str:
    """A playbook named by its path, or by its id in the library."""
    if Path(given).is_file():
        return given
    found = find_playbook(given, [LIBRARY]) if "/" not in given and not given.endswith((".yaml", ".yml")) else None
    if found is None:
        raise UsageError(f"{given}: no such file, and no playbook with that id in {LIBRARY}/")
    return str(found)


def check_operator(team: Roster | None, name: str | None, lang: str | None) -> None:
    """--as names a person of the roster, or is refused naming the people."""
    if name is None:
        return
    if team is None:
        raise UsageError("--as NAME needs a roster: --roster FILE, or PLAYBOOK_ROSTER")
    if team.person(name) is None:
        people = ", ".join(person.name for person in team.people)
        raise UsageError(text(lang, "unknown_person", name=name, roster=team.path, people=people))


def is_journal(given: str) -> bool:
    """A journal (JSON Lines: `*.jsonl`, or a file starting with a JSON object), not a playbook."""
    if given.endswith(".jsonl"):
        return True
    try:
        with open(given, "rb") as file:
            return file.read(1) == b"{"
    except OSError:
        return False


def choose_open_walk(env: Environment, lang: str | None) -> str:
    """The journal `--resume` goes on with when none is named: the most recent open walk."""
    directory = Path.cwd() / JOURNAL_DIR
    walks = open_walks(directory)
    if not walks:
        raise UsageError(f"no open walk in {JOURNAL_DIR}; name the journal: playbook walk --resume JOURNAL")
    today = env.now().astimezone().date()
    todays = [walk for walk in walks if walk.started_at.astimezone().date() == today]
    if len(todays) <= 1:
        return str(walks[0].path)
    listing = "\n".join(
        f"  {number}) {walk.playbook} · {format_moment(walk.started_at, lang, env.now().astimezone().tzinfo)} · {walk.path}"
        for number, walk in enumerate(todays, 1)
    )
    if not env.stdin_is_terminal:
        raise UsageError(f"several walks are open today; name one: playbook walk --resume JOURNAL\n{listing}")
    terminal = env.walk_terminal()
    terminal.show(listing)
    while True:
        typed = terminal.ask(Ask(text(lang, "which_walk"), completions=[str(n) for n in range(1, len(todays) + 1)])).strip() or "1"
        number = whole_number(typed)
        if number is not None and 1 <= number <= len(todays):
            return str(todays[number - 1].path)
        terminal.warn(text(lang, "which_walk_bad", count=len(todays)))


def walk(
    ctx: typer.Context,
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PLAYBOOK] [JOURNAL]", help="The playbook to walk: a path, or an id in playbooks/. With --resume: the journal."
        ),
    ] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", metavar="NAME=VALUE", help="Pre-fill an input: NAME=VALUE (repeatable).")
    ] = None,
    answers: Annotated[str | None, typer.Option("--answers", metavar="FILE", help="Walk with the answers in this file (scripted).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="CODE", help="Language code (default: the playbook's first).")] = None,
    opened_at: Annotated[
        str | None,
        typer.Option(
            "--opened-at", metavar="TIME", help="When the case was opened: ISO-8601, HH:MM (today), 'yesterday 17:30' or '30m ago'."
        ),
    ] = None,
    journal: Annotated[
        str | None,
        typer.Option("--journal", metavar="PATH", help="Where to write the journal (default: .playbook/journal/<id>-<time>.jsonl)."),
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Go on with a walk: the JOURNAL named, else the most recent open one.")] = False,
    channel: Annotated[
        str | None, typer.Option("--channel", metavar="NAME", help="Show the replies written for this channel (e.g. email, chat).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --resume: go on even if the journal was recorded with another playbook id.")
    ] = False,
    roster: Annotated[
        str | None,
        typer.Option(
            "--roster", metavar="FILE", help="The team's roster: each step is assigned to the person on duty. Default: $PLAYBOOK_ROSTER."
        ),
    ] = None,
    as_: Annotated[str | None, typer.Option("--as", metavar="NAME", help="Who is walking: a person of the roster (journaled).")] = None,
) -> None:
    """Walk a playbook step by step during an incident, journaling every decision.

    Interactive on a terminal; scripted with --answers FILE or when stdin is not a
    terminal (one answer per line). At a prompt, ? lists the keys: b back, n note,
    s clocks, c copy the reply, t N tick an item, q (or Ctrl-C) pause. Exit 0 at an end,
    2 on bad input or when the answers run out, 130 when paused; resume with --resume.
    """
    from rich.text import Text  # lazy: rich is heavy

    env = environment(ctx)
    terminal = env.walk_terminal()
    scripted = load_answers(answers) if answers else None
    interactive = scripted is None and env.stdin_is_terminal
    stream = iter(scripted.answers) if scripted else (None if interactive else iter(env.read_stdin_lines()))
    named = list(targets or ())
    team = load_roster(roster_path) if (roster_path := roster_file(env, roster)) else None

    if resume:
        check_operator(team, as_, lang)
        given = [
            flag for flag, value in (("--set", set_), ("--opened-at", opened_at), ("--journal", journal), ("--channel", channel)) if value
        ]
        if given:
            raise UsageError(f"{', '.join(given)} cannot be used with --resume: the journal already records them")
        journals = [item for item in named if is_journal(item)]
        playbooks = [item for item in named if not is_journal(item)]
        if len(journals) > 1 or len(playbooks) > 1:
            raise UsageError("--resume takes one journal (and, if it moved, the playbook): playbook walk --resume JOURNAL [PLAYBOOK]")
        chosen = journals[0] if journals else choose_open_walk(env, lang)
        resumed = resume_walk(
            chosen,
            playbooks[0] if playbooks else None,
            load_playbook,
            terminal,
            env.now,
            stream,
            lang,
            skip_recorded_answers=scripted is not None,
            force=force,
            roster=team,
        )
        if isinstance(resumed, EndedWalk):
            terminal.show(walk_summary(resumed.playbook, resumed.state, resumed.journal, env.now(), load_playbook))
            terminal.show(Text(text(resumed.state.lang, "already_ended")))
            return
        session = resumed
    else:
        if not named:
            raise UsageError("name the playbook to walk, e.g. playbook walk delayed-response (or --resume)")
        if len(named) > 1:
            raise UsageError(f"walk one playbook at a time; got {', '.join(named)}")
        path = playbook_path(named[0])
        playbook = load_playbook(path)
        walk_lang = lang or playbook.default_language
        check_operator(team, as_, walk_lang)
        request = NewWalk(
            file=path,
            preset={**(scripted.inputs if scripted else {}), **parse_sets(set_)},
            lang=lang,
            channel=channel,
            opened_at=parse_opened_at(opened_at, env.now(), walk_lang),
            journal=Path(journal) if journal else None,
            interactive=interactive,
            roster=team,
            operator=as_,
        )
        session = start_walk(playbook, request, terminal, env.now, stream)

    try:
        final = session.run()
    finally:
        session.journal.close()
    env.console(wrap=env.stdout_is_terminal).print(walk_summary(session.playbook, final, session.journal.path, env.now(), load_playbook))
